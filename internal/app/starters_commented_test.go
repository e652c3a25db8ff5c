package app

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/document"
)

// uncomment removes "# " from the lines of src that match re, keeping
// their indentation: what a clerk does to use a commented example.
func uncomment(src string, re *regexp.Regexp) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if re.MatchString(l) {
			lines[i] = strings.Replace(l, "# ", "", 1)
		}
	}
	return strings.Join(lines, "\n")
}

// The examples the starters give in comments (footnotes and parts in the
// báo cáo, groups of Nơi nhận in the công văn, the 2025 enacting sentence
// in the quyết định) work as written once uncommented: no diagnostic, and
// the page has what the comment promises.
func TestStartersCommentedExamples(t *testing.T) {
	types, _ := docTypes("")
	// The báo cáo starter fills its page: a line more puts the signature
	// on page 2 with the last lines, which is a warning (with the fix:
	// body size 13) about the length, not about the example.
	prepare := func(name, src string, allowed ...string) *document.Document {
		t.Helper()
		_, w, diags := Prepare(name+".yaml", []byte(src), Options{})
		for _, d := range diags {
			if !slices.Contains(allowed, d.Code) {
				t.Fatalf("%s uncommented: %v\n%s", name, diags, src)
			}
		}
		if w == nil {
			t.Fatalf("%s uncommented does not render", name)
		}
		d := decode.New(name)
		return document.Decode(d, d.Parse([]byte(src)), types)
	}
	starters := documentStarters()

	// A footnote: the item above the comment written with its call, the
	// note under footnotes:.
	src := string(starters["bao-cao"])
	call := regexp.MustCompile(`(?m)^(\s*)# (- .*)\[\^1\]\.$`).FindStringSubmatch(src)
	if call == nil || !strings.Contains(src, call[1]+call[2]+".\n") {
		t.Fatalf("bao-cao: no commented call of a footnote on the item above it: %q", call)
	}
	src = strings.Replace(src, call[1]+call[2]+".\n", call[1]+call[2]+"[^1].\n", 1)
	src = uncomment(src, regexp.MustCompile(`^# footnotes:|^#   - Số liệu`))
	doc := prepare("bao-cao", src, "layout.signature-alone")
	if len(doc.Footnotes) != 1 {
		t.Errorf("bao-cao: %d footnotes", len(doc.Footnotes))
	}

	// Parts: the commented parts: in place of sections:.
	src = string(starters["bao-cao"])
	block := regexp.MustCompile(`(?m)^# parts:\n(?:#   .*\n)+`).FindString(src)
	if block == "" {
		t.Fatal("bao-cao: no commented parts:")
	}
	sections := regexp.MustCompile(`(?ms)^sections:.*?\n(closing:)`)
	src = sections.ReplaceAllString(src, strings.ReplaceAll(uncomment(block, regexp.MustCompile(`^#`)), "$", "$$")+"$1")
	doc = prepare("bao-cao", src)
	var heads []string
	for _, b := range doc.Body() {
		if b.Kind == document.ChapterHead || b.Kind == document.Heading {
			heads = append(heads, document.Plain(b.Spans))
		}
	}
	if got := strings.Join(heads, "|"); got != "Phần thứ nhất|KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026|I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH|"+
		"Phần thứ hai|PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026|I. NHIỆM VỤ TRỌNG TÂM" {
		t.Errorf("bao-cao in parts: %q", got)
	}

	// Groups of Nơi nhận, both forms.
	src = uncomment(string(starters["cong-van"]), regexp.MustCompile(`^  # - Các sở|^  # - UBND các xã|^  #     - `))
	doc = prepare("cong-van", src)
	got := strings.Join(doc.RecipientLines(), "\n")
	for _, want := range []string{"- Các sở: Tài chính, Tư pháp, Y tế;", "- UBND các xã, phường:\n+ Xã Hà Long;\n+ Phường Hạc Thành;"} {
		if !strings.Contains(got, want) {
			t.Errorf("cong-van: Nơi nhận %q lacks %q", got, want)
		}
	}

	// The enacting sentence of the 2025 form.
	src = uncomment(string(starters["quyet-dinh"]), regexp.MustCompile(`^# enacting:`))
	doc = prepare("quyet-dinh", src)
	for _, b := range doc.Body() {
		if s := document.Plain(b.Spans); s == "QUYẾT ĐỊNH:" {
			t.Error("quyet-dinh: QUYẾT ĐỊNH: printed with enacting:")
		}
	}
	if trim := strings.TrimSpace(doc.EnactingSentence.Value); !strings.HasPrefix(trim, "Ủy ban nhân dân ban hành Quyết định") {
		t.Errorf("quyet-dinh: enacting %q", trim)
	}

	// An appendix with a table: the commented block, with the mention
	// the comment asks for written into the body.
	for _, c := range []struct{ starter, line, mention, cell string }{
		{"quyet-dinh", "(45 người).", "(45 người, danh sách tại Phụ lục kèm theo).", "Nguyễn Thị B"},
		{"ke-hoach", "chi hội trưởng phụ nữ các thôn.", "chi hội trưởng phụ nữ các thôn (phân công tại Phụ lục kèm theo).", "Tuyên truyền pháp luật về bình đẳng giới"},
	} {
		src := string(starters[c.starter])
		block := regexp.MustCompile(`(?m)^# appendices:\n(?:#   .*\n)+`).FindString(src)
		if block == "" || !strings.Contains(src, c.line) {
			t.Fatalf("%s: no commented appendices: block, or no line %q to mention it", c.starter, c.line)
		}
		src = strings.Replace(src, block, uncomment(block, regexp.MustCompile(`^#`)), 1)
		src = strings.Replace(src, c.line, c.mention, 1)
		doc := prepare(c.starter, src)
		if len(doc.Appendices) != 1 || doc.Appendices[0].Table == nil {
			t.Fatalf("%s: appendices %+v", c.starter, doc.Appendices)
		}
		tb := doc.Appendices[0].Table
		if len(tb.Columns) != 4 || len(tb.Rows) != 2 || !tb.Number {
			t.Errorf("%s: table of %d columns, %d rows, numbered %v", c.starter, len(tb.Columns), len(tb.Rows), tb.Number)
		}
		aligned := false
		for _, col := range tb.Columns {
			aligned = aligned || strings.TrimSpace(col.Align.Value) == "center"
		}
		if !aligned {
			t.Errorf("%s: no column shows align: center", c.starter)
		}
		text, _ := pdfText(t, c.starter+".yaml", []byte(src))
		if !strings.Contains(text, "1 "+c.cell) && !strings.Contains(text, "1\n"+c.cell) {
			t.Errorf("%s: the page has no numbered row %q:\n%s", c.starter, c.cell, text)
		}
	}
}
