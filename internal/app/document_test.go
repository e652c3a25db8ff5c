package app

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
)

// render prepares and writes one document, failing on any error.
func render(t testing.TB, name string, src []byte) []byte {
	t.Helper()
	_, w, diags := Prepare(name, src, Options{})
	if w == nil {
		t.Fatalf("%s:\n%v", name, diags.Err())
	}
	var b bytes.Buffer
	if err := w(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// Every example document renders, without errors or warnings.
func TestExamplesRender(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
	n := 0
	for _, f := range files {
		src := readFile(t, f)
		d := decode.New(f)
		if root := d.Parse(src); root == nil || !isDocument(root) {
			continue
		}
		n++
		_, w, diags := Prepare(f, src, Options{})
		if w == nil || len(diags) > 0 {
			t.Errorf("%s:\n%v", f, diags)
			continue
		}
		var b bytes.Buffer
		if err := w(&b); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Errorf("%s: %v", f, err)
		}
	}
	if n < 3 {
		t.Errorf("found %d example documents, want the seed and at least two more", n)
	}
}

func TestDeterministicRender(t *testing.T) {
	src := readFile(t, seedFile)
	if a, b := render(t, seedFile, src), render(t, seedFile, src); !bytes.Equal(a, b) {
		t.Fatal("two renders of the seed differ")
	}
}

// Decomposed input (combining marks, as some keyboards type) renders to
// exactly the same bytes as precomposed input.
func TestNFCInputRendersSame(t *testing.T) {
	src := readFile(t, seedFile)
	nfd := norm.NFD.Bytes(src)
	if bytes.Equal(nfd, src) {
		t.Fatal("the NFD form should differ from the seed")
	}
	if !bytes.Equal(render(t, seedFile, src), render(t, seedFile, nfd)) {
		t.Fatal("NFD input renders differently from NFC input")
	}
}

// A character the font cannot draw is reported with its code point and its
// own line, column and field, and nothing is written.
func TestUndrawableCharacter(t *testing.T) {
	src := readFile(t, seedFile)
	src = bytes.Replace(src, []byte("liệu về giới trên các ngành, lĩnh vực."), []byte("liệu về giới ⚡ trên các ngành, lĩnh vực."), 1)
	_, w, diags := Prepare("x.yaml", src, Options{})
	if w != nil || len(diags) != 1 {
		t.Fatalf("want one error, got %v", diags)
	}
	d := diags[0]
	want := `sections[1].items[2]: the font cannot draw "⚡" (U+26A1)`
	if !strings.Contains(d.Format(diag.En), want) {
		t.Errorf("got  %s\nwant …%s…", d, want)
	}
	if lines := strings.Split(string(src), "\n"); d.Line < 1 || d.Line > len(lines) ||
		len([]rune(lines[d.Line-1])) < d.Col || []rune(lines[d.Line-1])[d.Col-1] != '⚡' {
		t.Errorf("%d:%d does not point at the character", d.Line, d.Col)
	}
}

func TestMatch(t *testing.T) {
	for src, want := range map[string]bool{
		"type: ke-hoach\n":                      true,
		"type: ke-hoach\nschema: bdg-period/v1": false,
		"schema: bdg-period/v1\n":               false,
		"- a\n":                                 false,
	} {
		d := decode.New("x")
		if got := isDocument(d.Parse([]byte(src))); got != want {
			t.Errorf("%q: isDocument = %v", src, got)
		}
	}
}

// "vanban new TYPE" prints a file that renders as it is, without a
// warning, for every type; the types with a structure of their own get it:
// a Quyết định or Nghị quyết in articles under its issuing authority, the
// letters with "Kính gửi" (a giấy mời with its "1. Thành phần:"), a công
// văn's Nơi nhận starting "Như trên".
func TestStartersRender(t *testing.T) {
	starters := documentStarters()
	if len(starters) < 28 {
		t.Fatalf("%d starters, want one per type of Phụ lục III", len(starters))
	}
	types, _ := docTypes("")
	bodies := map[string]string{} // body text → starter
	for name, src := range starters {
		// A Quy chế or a Quy định is issued by a decision (Phụ lục III,
		// Mẫu 1.3): its starter is the decision, the rules under
		// attachments:.
		typed := regexp.MustCompile(`(?m)^type: ` + name + `( +#.*)?$`).Match(src)
		if name == "quy-che" || name == "quy-dinh" {
			typed = regexp.MustCompile(`(?m)^type: quyet-dinh( +#.*)?$`).Match(src) &&
				regexp.MustCompile(`(?m)^  - type: `+name+`( +#.*)?$`).Match(src)
		}
		if !typed {
			t.Errorf("%s: starter does not set its type", name)
		}
		_, w, diags := Prepare(name+".yaml", src, Options{})
		if w == nil || len(diags) > 0 {
			t.Errorf("%s: %v", name, diags)
			continue
		}
		if err := w(&bytes.Buffer{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		dec := decode.New(name)
		doc := document.Decode(dec, dec.Parse(src), types)
		switch name {
		case "quyet-dinh", "nghi-quyet":
			if len(doc.Articles) < 2 || len(doc.IssuedBy) == 0 || len(doc.Sections) > 0 {
				t.Errorf("%s: %d articles, issued by %v", name, len(doc.Articles), doc.IssuedBy.Values())
			}
		case "cong-van", "to-trinh":
			if len(doc.To.Values()) == 0 {
				t.Errorf("%s: no Kính gửi", name)
			}
		case "quy-che", "quy-dinh":
			if len(doc.Attachments) != 1 || doc.Attachments[0].Kind.Key != name || len(doc.Attachments[0].Chapters) < 2 {
				t.Errorf("%s: the decision issues %d attachments", name, len(doc.Attachments))
			}
		case "giay-moi":
			// Whom it invites, as giấy mời name them: "1. Thành phần:" and
			// its lines, not a Kính gửi.
			if !strings.Contains(doc.Preamble.Values()[1], "1. Thành phần:\n- ") {
				t.Errorf("%s: no Thành phần: %q", name, doc.Preamble.Values())
			}
		}
		if name == "cong-van" && doc.RecipientLines()[0] != "- Như trên;" {
			t.Errorf("cong-van: Nơi nhận %q", doc.RecipientLines())
		}
		if len(doc.Articles) == 0 && doc.Kind.IsLegal() {
			t.Errorf("%s: a %s without articles", name, doc.Kind.Name)
		}
		// Each type has a text of its own, as its model in Phụ lục III
		// lays it out, not one body shared by every type.
		var body []string
		for _, b := range doc.Body() {
			body = append(body, document.Plain(b.Spans))
		}
		text := strings.ReplaceAll(strings.Join(body, "\n"), doc.Kind.Name, "…") // the type's name aside
		if other, ok := bodies[text]; ok {
			t.Errorf("%s has the same text as %s", name, other)
		}
		bodies[text] = name
	}
}

// The starters speak to a clerk of today's two-level government: in
// Vietnamese, with every key explained in the file itself (the docs, which
// ship beside the binary, are in English), with a province, a commune and their bodies as
// issuers and no district, and the letters, plans and reports show how
// "Thời gian:" and "Địa điểm:" and lists are written.
func TestStartersForTodaysGovernment(t *testing.T) {
	english := map[string]bool{"the": true, "of": true, "is": true, "and": true, "or": true, "with": true, "when": true,
		"delete": true, "file": true, "expected": true, "optional": true, "default": true, "see": true, "printed": true}
	keyLine := regexp.MustCompile(`^(\s*)(#\s*)?(- )?([a-z_]+):(\s|$)`)
	for name, src := range documentStarters() {
		lines := strings.Split(string(src), "\n")
		if strings.HasPrefix(lines[0], "# yaml-language-server:") {
			lines = lines[1:] // the editor's line (vanban schema) comes first
		}
		if !strings.Contains(lines[0], " — tệp mẫu của vanban") {
			t.Errorf("%s: first line %q", name, lines[0])
		}
		explained := map[string]bool{}
		inBlock := -1 // indentation of a block scalar's key, -1 outside one
		for i, line := range lines {
			indent := len(line) - len(strings.TrimLeft(line, " "))
			if inBlock >= 0 && (strings.TrimSpace(line) == "" || indent > inBlock) {
				continue // a line of text, printed as written
			}
			inBlock = -1
			words := strings.FieldsFunc(strings.ToLower(line), func(r rune) bool { return !unicode.IsLetter(r) })
			if _, comment, ok := strings.Cut(line, "#"); ok {
				for _, w := range strings.FieldsFunc(strings.ToLower(stripCode(comment)), func(r rune) bool { return !unicode.IsLetter(r) }) {
					if english[w] {
						t.Errorf("%s:%d: a comment in English (%q): %s", name, i+1, w, line)
					}
				}
			}
			joined := " " + strings.Join(words, " ") + " "
			for _, bad := range []string{" huyện ", " thị xã ", " quận "} {
				if strings.Contains(joined, bad) && !strings.Contains(line, "không còn cấp huyện") {
					t.Errorf("%s:%d: %q, a level of government that no longer exists: %s", name, i+1, bad, line)
				}
			}
			if strings.Contains(line, "docs/") {
				t.Errorf("%s:%d: points to docs in English: %s", name, i+1, line)
			}
			m := keyLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			key := m[4]
			if strings.Contains(line[len(m[0]):], "#") || i > 0 && strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") && !keyLine.MatchString(lines[i-1]) {
				explained[key] = true
			} else if _, ok := explained[key]; !ok {
				explained[key] = false
			}
			if v := strings.TrimSpace(line[len(m[0]):]); m[2] == "" && (strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">")) {
				inBlock = len(m[1])
			}
		}
		for key, ok := range explained {
			if !ok {
				t.Errorf("%s: the key %s is never explained in a comment", name, key)
			}
		}
	}
	for _, name := range []string{"cong-van", "giay-moi", "thong-bao", "ke-hoach", "bao-cao", "to-trinh", "quyet-dinh"} {
		src := string(documentStarters()[name])
		// The giấy mời numbers them, as giấy mời do: "2. Thời gian: …".
		if !regexp.MustCompile(`(?m)[:-] \|\n(?:\s+.*\n)*?\s+(?:\d\. )?Thời gian: .*\n\s+(?:\d\. )?Địa điểm[^:\n]*: `).MatchString(src) {
			t.Errorf("%s: no literal block with a line for Thời gian: and one for Địa điểm:", name)
		}
		if !regexp.MustCompile(`(?m)^\s+- [A-ZĐÀ-Ỹ]`).MatchString(src) {
			t.Errorf("%s: no list", name)
		}
		if !strings.Contains(src, "XÃ HÀ LONG") && !strings.Contains(src, "UBND TỈNH THANH HÓA") {
			t.Errorf("%s: neither a commune nor a province issues it", name)
		}
	}
}

// Every starter is signed as its issuer signs: "TM." names the issuing
// body, the first "KT."/"TL."/"TUQ."/"Q." names that body's head, a
// deputy signs "KT." for the head, and an office under the head
// (Chánh Văn phòng) signs "TL.". A thông báo of a commune's People's
// Committee is not signed by a deputy head of office under the starter's
// defaults (clerk trial 2, §4): the default is the body's own head.
func TestStarterSignersFitTheirIssuer(t *testing.T) {
	types, _ := docTypes("")
	heads := []struct{ body, collective, head string }{
		{"ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"},
		{"HỘI ĐỒNG NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"},
		{"SỞ ", "", "GIÁM ĐỐC"},
		{"PHÒNG ", "", "TRƯỞNG PHÒNG"},
	}
	prefix := regexp.MustCompile(`^(TM|KT|TL|TUQ|Q)\. (.+)$`)
	checked := 0
	for name, src := range documentStarters() {
		dec := decode.New(name)
		doc := document.Decode(dec, dec.Parse(src), types)
		issuer := strings.Join(doc.Issuer.Name.Values(), " ")
		collective, head := "", ""
		for _, h := range heads {
			if strings.HasPrefix(issuer, h.body) {
				collective, head = h.collective, h.head
			}
		}
		authority := doc.Signer.Authority.Values()
		position := doc.Signer.Position.Value
		if head == "" || len(authority) > 0 && !prefix.MatchString(authority[0]) || len(authority) == 0 && position != head {
			continue // a party to a contract, the chair of a meeting: not the issuer's chain
		}
		checked++
		headNamed := len(authority) == 0 && position == head
		for i, line := range authority {
			m := prefix.FindStringSubmatch(line)
			switch {
			case m == nil:
				t.Errorf("%s: authority line %q has no TM./KT./TL./TUQ./Q.", name, line)
			case m[1] == "TM":
				if m[2] != collective || i > 0 {
					t.Errorf("%s: %q for an issuer %q", name, line, issuer)
				}
			case !headNamed:
				if m[2] != head {
					t.Errorf("%s: %q, but the head of %q is the %s", name, line, issuer, head)
				}
				headNamed = true
			}
		}
		if !headNamed && position != head {
			t.Errorf("%s: %v / %s for an issuer %q whose head is the %s", name, authority, position, issuer, head)
		}
		deputy := strings.HasPrefix(position, "PHÓ ")
		if kt := slices.ContainsFunc(authority, func(l string) bool { return strings.HasPrefix(l, "KT. ") }); deputy != kt {
			t.Errorf("%s: position %s under %v: a deputy, and only a deputy, signs KT.", name, position, authority)
		}
		if strings.Contains(position, "VĂN PHÒNG") && !slices.ContainsFunc(authority, func(l string) bool { return strings.HasPrefix(l, "TL. ") }) {
			t.Errorf("%s: the office's %s signs for the head with TL.: %v", name, position, authority)
		}
		if name == "thong-bao" && (issuer != "ỦY BAN NHÂN DÂN XÃ HÀ LONG" || position != "CHỦ TỊCH" || !slices.Equal(authority, []string{"TM. ỦY BAN NHÂN DÂN"})) {
			t.Errorf("thong-bao: %q signed %v / %s, want TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", issuer, authority, position)
		}
	}
	if checked < 20 {
		t.Errorf("only %d starters' signers checked", checked)
	}
}

// A starter's header names one file throughout: the one "vanban new TYPE
// FILE" wrote, which it then checks and renders, and a document starter's
// is TYPE.yaml, as the README's first steps write it (clerk trial 2, §5).
func TestStarterHeadersNameOneFile(t *testing.T) {
	command := regexp.MustCompile(`^#\s+vanban (new [a-z-]+|check|render) (?:> )?(\S+\.yaml)`)
	for name, src := range Starters() {
		files := map[string]bool{}
		for _, line := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(line, "#") {
				break // the header ends at the first key
			}
			if m := command.FindStringSubmatch(line); m != nil {
				files[m[2]] = true
				if strings.HasPrefix(m[1], "new ") && m[1] != "new "+name {
					t.Errorf("%s: %q makes another type", name, line)
				}
			}
		}
		want := name + ".yaml"
		if name == "bao-cao-bdg" {
			want = "bdg-2025.yaml" // as docs/report-format.md names it
		}
		if len(files) != 1 || !files[want] {
			t.Errorf("%s: the header names %v, want %s only", name, files, want)
		}
	}
}

// stripCode removes the examples a comment quotes ("…", `…`, [ … ]), which
// are the document's own words, before it is judged English or not.
func stripCode(s string) string {
	return regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\{[^}]*\}|[A-Za-z]+\.yaml|vanban [a-z]+`).ReplaceAllString(s, "")
}

// needTool returns the path of a command-line tool, skipping the test when
// it is missing unless VANBAN_REQUIRE_TOOLS=1 (CI), where that is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("VANBAN_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (install poppler-utils)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// seedCorrections are the typo fixes noted in the seed example's comments;
// everything else of the seed must come back from the PDF as written.
var seedCorrections = strings.NewReplacer(
	"năng lực lực", "năng lực",
	"lòng ghép", "lồng ghép",
	"Trường ban", "Trưởng ban",
	"trong lĩnh vực chính trị\n", "trong lĩnh vực chính trị.\n",
	"TTTU,HĐND,UBND", "TTTU, HĐND, UBND",
	"trẻ em(BC)", "trẻ em (BC)",
	"Lưu.VT", "Lưu: VT",
)

// A PDF reader extracts every sentence of the seed, with its diacritics.
// testdata/seed-chuong-trinh-bim-son-2017.md is a verbatim copy of the
// document the project was created from.
func TestSeedTextExtracts(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	pdf := filepath.Join(t.TempDir(), "seed.pdf")
	if err := os.WriteFile(pdf, render(t, seedFile, readFile(t, seedFile)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// A sentence may run on from one page to the next, over the page
	// number at the top of the next.
	text := squash(regexp.MustCompile(`\f\s*\d+\s*\n`).ReplaceAllString(string(out), " "))
	seed := seedCorrections.Replace(string(readFile(t, "testdata/seed-chuong-trinh-bim-son-2017.md")))
	seed = regexp.MustCompile(`[#*]`).ReplaceAllString(seed, "")
	n := 0
	for _, s := range sentences(seed) {
		n++
		if !strings.Contains(text, s) {
			t.Errorf("not in the PDF's text: %q", s)
		}
	}
	if n < 30 {
		t.Errorf("only %d sentences found in the seed", n)
	}
	for _, s := range []string{"CHƯƠNG TRÌNH", "Số: /CTr-UBND", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Đình Lâm", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"} {
		if !strings.Contains(text, s) {
			t.Errorf("not in the PDF's text: %q", s)
		}
	}
}

// squash normalises white space, so sentences that wrap across lines and
// pages compare equal.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// sentences splits the seed into the sentences and list entries to look
// for, without the list dashes and the numbering the tool adds itself.
func sentences(seed string) []string {
	var out []string
	for _, line := range strings.Split(seed, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		line = regexp.MustCompile(`^\d+\. `).ReplaceAllString(line, "")
		line = strings.TrimSuffix(line, ";")
		line = strings.TrimSuffix(strings.TrimSpace(line), ".")
		line = strings.TrimPrefix(line, "Nơi nhận:")
		if line == "" || line == "PHÓ CHỦ TỊCH UBND THỊ XÃ" {
			continue // the signer is written in the decree's form (see the example)
		}
		for _, s := range regexp.MustCompile(`\. `).Split(line, -1) {
			if s = squash(s); len([]rune(s)) > 3 {
				out = append(out, s)
			}
		}
	}
	return out
}

// FuzzDocument: no input makes the document pipeline panic; whatever is
// accepted renders.
func FuzzDocument(f *testing.F) {
	f.Add(readFile(f, seedFile))
	f.Add([]byte(base))
	f.Add([]byte(base + "sections: [{heading: a, items: [null, '', '- ']}, {heading: '**', sections: [{heading: x}]}]\n"))
	f.Add([]byte(base + "preamble: ['   ']\nto: []\nbases: [null]\nstyle: {margins: {}}\n"))
	f.Add([]byte(base + "closing: [\"" + strings.Repeat("x", 500) + "\"]\nsigner: {authority: [], position: '', name: ''}\n"))
	f.Add(readFile(f, "../../examples/quyet-dinh-kien-toan-ban-vstbpn-bim-son-2017.yaml"))
	f.Add([]byte(base + "title: [a, '**b**']\nissued_by: [X, '']\narticles: [x, {title: t, clauses: [c, {points: [p]}]}, {}]\n"))
	// Tables and appendices.
	f.Add(readFile(f, "../../examples/ke-hoach-binh-dang-gioi-thanh-hoa-2024.yaml"))
	f.Add([]byte(base + "closing: [Phụ lục I, Phụ lục II]\nsections: [{heading: a, table: {columns: [{title: TT, width: 8}, {title: b, width: 92}], number: true, rows: [[x], ['**y**', z], []]}}]\nappendices: [{title: A, table: {columns: [{title: a}], rows: [[b]]}}, {title: [B, ''], sections: [{heading: c, table: {columns: [], rows: []}}]}, {title: ''}]\n"))
	f.Add([]byte(base + "closing: [x]\nappendices:\n  - title: A\n    table: {columns: [{title: a, width: 1}, {title: b, width: 0}, {title: c}], size: 99, number: true, rows: [a, [], [1, 2, 3, 4]]}\n"))
	// A clerk's prose that YAML misreads, and syntax traps (decode's
	// prose.go and repair.go).
	clerk, _ := filepath.Glob("testdata/clerk/*.yaml")
	for _, c := range clerk {
		f.Add(readFile(f, c))
	}
	f.Add([]byte(base + "closing: [x]\ntext: a\nsections:\n  - heading: Lịch: họp #2  # x\n    text:\n      Thời gian: 8 giờ\n      Địa điểm: #1\n" +
		"    items:\n      - Hội LHPN: chủ trì\n      -Thứ Năm\n      - *Lưu ý*: x\n    table: {columns: [{title: a}], rows: [[Việc: b]]}\n" +
		"recipients:\n  Như trên\n  TT Đảng ủy, HĐND (b/c)\nto: [Sở A, b]\n"))
	f.Add([]byte(base + "closing: [x]\nsections:\n  - heading: Thành phần\n    items:\n      - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n" +
		"        tổ chức tuyên truyền tại nhà văn hóa thôn #3\n        #4 và thôn 5\n      - Thành phần:\n        các thôn\n      - 1. Nhiệt liệt chào mừng!\n" +
		"      - 2. Toàn dân đi bầu cử!\n    text:\n      Địa điểm: hội trường\n      xã Hà Long\n      tổ chức: tại thôn\n" +
		"recipients:\n  - TTUB: CT, các PCT\n    và các thành viên\n  - VPUB: CVP\n"))
	f.Add([]byte("type: thong-bao\ntitle:Lịch\nplace: 'Hà 'Nội'\n\u00a0 date: 2020-01-05\nsymbol: TB: x\nissuer: {name: “A: b”}\n\tsigner: x\n"))
	// Typed numbers and labels, literal blocks.
	f.Add([]byte(base + "sections: [{heading: '**1.1. a**', items: \"|\\n x\\n y\"}, {heading: 'IV – b', text: \"1.000\\n\\n- c\"}]\nrecipients: ['Nơi nhận:', 'Lưu.VT', 'Lưu: X']\narchive: 'Lưu:'\nto: 'Kính gửi:'\n"))
	f.Add([]byte(base + "type: cong-van\ntitle: 'V/v '\nclosing: [x]\nsigner: {authority: ['TM. A', ' chủ  tịch. '], position: CHỦ TỊCH, name: B}\nappendices: [{title: [Phụ lục, 'PHỤ LỤC số 02 -'], text: a}]\n"))
	f.Add([]byte(base + "type: quyet-dinh\narticles: ['Điều 1:', {title: 'ĐIỀU 9 x', clauses: ['Khoản 1.', {text: 'a)', points: ['đ) y', 'a.b']}]}]\n"))
	f.Add([]byte(base + "title: |\n  THÔNG BÁO\n  x\n\n  y\npreamble:\n  - |\n    a b,\n    c d\n\n    e\naddress: |\n  x\n  y\n"))
	// Parts, typed or under parts:, and the 2025 enacting sentence.
	f.Add(readFile(f, "../../examples/bao-cao-kinh-te-xa-hoi-xa-cam-ha-2022.yaml"))
	f.Add([]byte(base + "sections: [{heading: 'Phần thứ nhất. A', sections: [{heading: I. b, text: c}]}, {heading: 'PHẦN THỨ MƯỜI: d', run_in: Phần thứ}, {heading: 'Phần 2', text: e}]\n" +
		"attachments: [{type: ke-hoach, title: x, parts: [{heading: y, run_in: z}], sections: [{heading: w}]}]\n"))
	f.Add([]byte(base + "type: quyet-dinh\nbases: [Căn cứ a., Ủy ban nhân dân ban hành Quyết định b]\nenacting: '  '\narticles: [x]\nparts: [{heading: ''}]\n"))
	f.Add([]byte(base + "type: nghi-quyet\nenacting: Hội đồng nhân dân ban hành Nghị quyết;\narticles: [x]\n"))
	// An article's own outline (sections:), typed numbers of every scheme
	// in its sections, clauses and points.
	f.Add([]byte(base + "type: nghi-quyet\narticles:\n  - text: 'như sau:'\n    clauses: ['I. a', {title: 'a) b', points: ['1. c', 'IV) d', '1.2 E']}]\n" +
		"    sections: [{heading: 'I. x', sections: [{heading: '1.', text: y}, {text: 'a) z', sections: [{heading: ''}]}]}, {run_in: Mục tiêu, heading: w}]\n  - {sections: []}\n  - {title: t, sections: [{}]}\n"))
	// Footnotes, attachments, grouped recipients, numbering styles.
	for _, e := range []string{"bao-cao-chinh-phu-binh-dang-gioi-2024", "quyet-dinh-ban-hanh-ke-hoach-binh-dang-gioi-tay-ninh-2021",
		"quyet-dinh-ban-hanh-quy-che-lam-viec-xa-xuan-phu-2021", "cong-van-uy-ban-dan-toc-so-ket-de-an-2021"} {
		f.Add(readFile(f, "../../examples/"+e+".yaml"))
	}
	f.Add([]byte(base + "closing: [\"a[^1] b[^x] [^2]\"]\nfootnotes: [x, '']\nstyle: {numbering: decimal}\nrecipients: [{A: [b, c]}, {D: [e]}, 'F:', '+ g']\n"))
	// Two signers, too many, both keys, a list of one, blocks left empty.
	f.Add(readFile(f, "../../examples/bien-ban-hoi-nghi-so-ket-binh-dang-gioi-xa-an-thinh-2025.yaml"))
	f.Add([]byte(strings.Replace(base, "signer: {position: GIÁM ĐỐC, name: Trần Văn Cường}\n", "", 1) + "closing: [x]\nsigners: [{position: THƯ KÝ, name: A}, {authority: [TM. B, KT. C], position: PHÓ C, name: D}]\n"))
	f.Add([]byte(base + "closing: [x]\nsigners: [{position: A, name: B}, {position: C, name: D}, {}]\n"))
	f.Add([]byte(base + "closing: [x]\nsigner:\nsigners: [{position: '', name: ''}, null]\n"))
	f.Add([]byte(base + "closing: [x]\nsigners: [{position: '**A', name: 'TS. B'}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, w, diags := Prepare("f.yaml", src, Options{})
		checkDiagnostics(t, "f.yaml", src, diags)
		checkDocumentRecoveries(t, src)
		if (w == nil) != diags.HasErrors() {
			t.Fatalf("writer %v with errors %v", w != nil, diags.HasErrors())
		}
		if w != nil {
			if err := w(io.Discard); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// checkDocumentRecoveries decodes src as a document and asserts that
// every text read from the source, rather than as YAML read it, equals
// that source, its lines joined as YAML joins them, after NFC.
func checkDocumentRecoveries(t *testing.T, src []byte) {
	d := decode.New("f.yaml")
	root := d.Parse(src)
	if root == nil || !isDocument(root) {
		return
	}
	types, _ := docTypes("")
	document.Decode(d, root, types)
	text := string(d.Source())
	for _, r := range d.Recoveries() {
		if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
			t.Fatalf("%s: span %d-%d outside the source", r.Path, r.Start, r.End)
		}
		if want := decode.Fold(norm.NFC.String(text[r.Start:r.End])); r.Value != want {
			t.Fatalf("%s: recovered %q, its source folds to %q", r.Path, r.Value, want)
		}
	}
}

const base = `type: thong-bao
issuer: {name: SỞ NỘI VỤ, abbr: SNV}
place: Hà Nội
date: 2020-01-05
title: Lịch làm việc
signer: {position: GIÁM ĐỐC, name: Trần Văn Cường}
`

// The PDF's subject names the document as a clerk cites it: "Chương
// trình số 85/CTr-UBND", and "số …/CTr-UBND" while the number is not
// assigned.
func TestDocumentMetaSubject(t *testing.T) {
	for extra, want := range map[string]string{
		"":            "Chương trình số …/CTr-UBND, Bỉm Sơn, ngày 23 tháng 5 năm 2017",
		"number: 5\n": "Chương trình số 05/CTr-UBND, Bỉm Sơn, ngày 23 tháng 5 năm 2017",
	} {
		src := append(readFile(t, seedFile), extra...)
		dec := decode.New("x.yaml")
		types, _ := docTypes("")
		doc := document.Decode(dec, dec.Parse(src), types)
		if dec.Diags.HasErrors() {
			t.Fatal(dec.Diags.Err())
		}
		m := documentMeta(doc)
		if m.Subject != want || m.Title != "Công tác năm của Ban Vì sự tiến bộ của Phụ nữ thị xã Bỉm Sơn năm 2017" {
			t.Errorf("%q: subject %q, title %q\nwant %q", extra, m.Subject, m.Title, want)
		}
	}
}
