package document

import (
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/viet"
)

// The expressions the label readers of typedwords.go stand for.
var (
	toWordRe        = regexp.MustCompile(`^\s*(?i:kính\s+gửi)\s*:?\s*`)
	recipientWordRe = regexp.MustCompile(`^\s*(?i:nơi\s+nhận)\s*:?\s*`)
	archiveLineRe   = regexp.MustCompile(`^\s*([-–]\s*)?(?i:lưu)(\s*[:.]\s*|\s+((?i:vt|hs|văn\s+thư|hồ\s+sơ)|[A-ZĐ][A-ZĐ0-9&]+)([\s,;.]|$))`)
	archiveWordRe   = regexp.MustCompile(`^\s*([-–]\s*)?(?i:lưu)(\s*[:.]\s*|\s+)`)
	partWordRe      = regexp.MustCompile(`^\s*(?i:phần)\s+((?i:thứ)\s+)?`)
	longDateRe      = regexp.MustCompile(`(?i)\bngày\s+` + viet.DateInWords)
	numericDateRe   = regexp.MustCompile(`(?i)\bngày\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4})\b`)
)

// checkTypedWords compares the readers with the expressions on s.
func checkTypedWords(t *testing.T, s string) {
	t.Helper()
	if got, want := toLabel(s), toWordRe.FindString(s); got != want {
		t.Fatalf("toLabel(%q) = %q, want %q", s, got, want)
	}
	if got, want := recipientLabel(s), recipientWordRe.FindString(s); got != want {
		t.Fatalf("recipientLabel(%q) = %q, want %q", s, got, want)
	}
	if got, want := archiveWord(s), archiveWordRe.FindString(s); got != want {
		t.Fatalf("archiveWord(%q) = %q, want %q", s, got, want)
	}
	if got, want := isArchiveLine(s), archiveLineRe.FindString(s) != ""; got != want {
		t.Fatalf("isArchiveLine(%q) = %v, want %v", s, got, want)
	}
	checkDateReaders(t, s)
	end, ordinal, ok := partWord(s)
	m := partWordRe.FindStringSubmatchIndex(s)
	if ok != (m != nil) || ok && (end != m[1] || ordinal != (m[2] >= 0)) {
		t.Fatalf("partWord(%q) = %d, %v, %v, want %v", s, end, ordinal, ok, m)
	}
}

// The readers find what the expressions found, on the labels clerks type
// and on random texts made of their pieces.
func TestTypedWords(t *testing.T) {
	for _, s := range []string{
		"Kính gửi: Ủy ban nhân dân", "KÍNH GỬI:", "  kính  gửi  :  X", "Kính gửi", "Kính gửiX", "Kính\tgửi\n:\r\fa",
		"Kính", "kính gửi:", "\u212Aính gửi", "Nơi nhận:", "NƠI NHẬN", "nơi nhận :- Như trên", "Nơi nhậ",
		"Lưu: VT", "Lưu.VT", "Lưu VT, PLĐ", "Lưu văn thư", "Lưu VP.", "- Lưu: VT", "– Lưu VT", "Lưu Văn Hùng",
		"LƯU VĂN HÙNG", "Lưu VĂN THƯ", "Lưu hồ  sơ;", "Lưu HS", "Lưu HSX", "Lưu V", "Lưu VT&KH", "Lưu Đ1,", "Lưu 1VT",
		"Lưu", "Lưu ", "lưu:", "Lưu\t:\tVT", "-Lưu", "--Lưu:", "Lưuý", "Lưu: ", "Lưu vt.", "Lưu vtx", "Lưu VTx",
		"Phần thứ nhất", "PHẦN THỨ HAI", "Phần thứ 3", "Phần I", "Phần 2", "Phần", "Phần thứ", "Phầnthứ", " phần  thứ  ba",
		"", " ", "\xff", "L\xffưu", "Kính gửi\xff",
	} {
		checkTypedWords(t, s)
	}
	pieces := []string{"kính", "KÍNH", "gửi", "GỬI", "nơi", "NƠI", "nhận", "lưu", "LƯU", "Lưu", "vt", "VT", "hs", "văn", "thư",
		"hồ", "sơ", "phần", "PHẦN", "thứ", "THỨ", " ", "  ", "\t", "\n", "\v", "\u00a0", ":", ".", ",", ";", "-", "–", "A", "Đ",
		"9", "&", "x", "ư", "\u212a", "ſ", "\xff"}
	r := rand.New(rand.NewPCG(9, 9))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkTypedWords(t, b.String())
	}
}

// FuzzTypedWords: the readers (of labels and dates) find what the
// expressions find.
func FuzzTypedWords(f *testing.F) {
	for _, s := range []string{"Kính gửi: X", "- Lưu: VT", "Lưu VP.", "Phần thứ nhất", "nơi nhận:", "ngày 5 tháng 3 năm 2025", "ngày 05/3/2025"} {
		f.Add(s)
	}
	f.Fuzz(checkTypedWords)
}

// The date readers find what the expressions found where "ngày" starts:
// on dates whose every part is drawn from right and wrong forms (too many
// figures, white space \s does not take, letters in other cases, broken
// UTF-8), and on random texts (TestDatesIn compares whole texts).
func TestDateReaders(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pick := func(l ...string) string { return l[r.IntN(len(l))] }
	space := func() string { return pick(" ", "  ", "\t", "\n", "", "\v", "\u00a0", " \r\f") }
	num := func() string { return pick("5", "05", "12", "123", "", "x", "2025", "20255", "202") }
	for range 200000 {
		var s string
		if r.IntN(2) == 0 {
			s = pick("ngày", "NGÀY", "ngÀy", "ngàyy", "ngà") + space() + num() + space() + pick("tháng", "THÁNG", "thÁng", "thang", "") +
				space() + num() + space() + pick("năm", "NĂM", "nam", "") + space() + num() + pick("", "x", ".", "5", "ế", "\xff", "_")
		} else {
			s = pick("ngày", "NGÀY", "ngày ") + space() + num() + space() + pick("/", ".", "-", "", ",") + space() + num() +
				space() + pick("/", ".", "-", "", "x") + space() + num() + pick("", "x", ".", "5", "ế", "\xff", "_", " ")
		}
		checkDateReaders(t, s)
	}
}

// checkDateReaders compares the date readers with their expressions on s,
// where the expressions match at its start.
func checkDateReaders(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		re *regexp.Regexp
		at func(string) []int
	}{{longDateRe, longDateAt}, {numericDateRe, numericDateAt}} {
		want := c.re.FindStringSubmatchIndex(s)
		if want != nil && want[0] != 0 {
			want = nil
		}
		if got := c.at(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("date at %q: %v, want %v", s, got, want)
		}
	}
}

// The table of document types is read as YAML reads it: the shipped table
// by plainTypes, and any table plainTypes takes.
func TestPlainTypes(t *testing.T) {
	src, err := os.ReadFile("../../templates/doctypes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	taken := 0
	check := func(src string, mustTake bool) {
		t.Helper()
		got, ok := plainTypes([]byte(src))
		if !ok {
			if mustTake {
				t.Fatalf("plainTypes left %q to YAML", src)
			}
			return
		}
		taken++
		want, err := yamlTypes([]byte(src))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: plainTypes %v, YAML %v (%v)", src, got, want, err)
		}
	}
	check(string(src), true)
	r := rand.New(rand.NewPCG(7, 8))
	// pick takes the first choice, the usual form, nine times in ten.
	pick := func(l ...string) string {
		if r.IntN(10) > 0 {
			return l[0]
		}
		return l[r.IntN(len(l))]
	}
	value := func() string {
		return pick(pick("Nghị quyết", "QĐ", `""`, `"Công văn"`, "Đề án", "Ấn bản", "CTr", "a-b", "a.b", "a(b)"),
			"", "a  b", "x, y", "a: b", "a #b", "#a", "-a", "12", "null", "True", "~", "a{b", "b}", "a'b", " a", "a ",
			"&a", "*a", "!a", "a\tb", "\xffa", "yes", `"a\"b"`, `"a\\b"`, "a\u0085b", "a\u00a0b")
	}
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(pick("", "# note\n", "  # note\n", "\n", "---\n", "\ufeff", "key:\n"))
			b.WriteString(pick(pick("nghi-quyet", "quyet-dinh", "a1", "ke-hoach", "cong-van"), "1a", "A", "x y", "null", "-a", "a_b"))
			b.WriteString(pick(pick(": ", ":   "), ":", " : ", ":\t"))
			b.WriteString(pick("{name: ", "{ name: ", "{abbr: ", "{name:", "{Name: "))
			b.WriteString(value())
			b.WriteString(pick(", abbr: ", ",abbr: ", ", name: ", ",  abbr: "))
			b.WriteString(value())
			b.WriteString(pick(pick("}", "} "), "}}", " }", "} # c", "}\r", ""))
			b.WriteString(pick("\n", "\n\n", "\r\n", ""))
		}
		check(b.String(), false)
	}
	if taken < 1000 {
		t.Fatalf("plainTypes took %d random tables of 20,000: the test no longer tests it", taken)
	}
}
