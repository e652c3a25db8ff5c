package document

import (
	"strings"
	"testing"
)

const legal2025 = `type: quyet-dinh
bases:
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
  - Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.
articles:
  - Ban hành kèm theo Quyết định này Quy chế hoạt động.
  - Quyết định này có hiệu lực kể từ ngày ký.
`

// The enacting sentence of the 2025 form replaces "QUYẾT ĐỊNH:": printed
// in regular type after the bases, the last of which then ends with ";",
// with no authority line asked for under the title.
func TestEnactingSentence(t *testing.T) {
	doc, diags := parse(t, legal2025+"enacting: Ủy ban nhân dân ban hành Quyết định về việc ban hành Quy chế hoạt động\n")
	if doc == nil {
		t.Fatal(diags)
	}
	// The "." typed after the last basis is printed ";", with the note.
	check(t, "codes", codes(diags), "11:58 bases[2] punctuation.corrected")
	body := doc.Body()
	check(t, "body", joinedTexts(body[:4]), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;|"+
		"Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh;|"+
		"Ủy ban nhân dân ban hành Quyết định về việc ban hành Quy chế hoạt động.|Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động.")
	if e := body[2]; e.Kind != Enacting || e.Level != 1 || e.Spans[0].Bold || e.Spans[0].Italic || e.Path != "enacting" {
		t.Errorf("enacting block %+v", e)
	}
	for _, b := range body {
		if strings.Contains(Plain(b.Spans), "QUYẾT ĐỊNH:") {
			t.Error("QUYẾT ĐỊNH: printed with an enacting sentence")
		}
	}
	// Without it: the old layout, and the sentence typed as the last
	// basis is warned about with the line to write.
	doc, diags = parse(t, strings.Replace(legal2025, "  - Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.\n",
		"  - Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh;\n  - Ủy ban nhân dân ban hành Quyết định về việc ban hành Quy chế.\n", 1)+"issued_by: ỦY BAN NHÂN DÂN TỈNH\n")
	check(t, "codes", codes(diags), "12:5 bases[3] bases.enacting-sentence")
	if !strings.Contains(diags[0].FixVi, "enacting: Ủy ban nhân dân ban hành Quyết định về việc ban hành Quy chế.") {
		t.Error(diags[0].FixVi)
	}
	if got := Plain(doc.Body()[3].Spans); got != "QUYẾT ĐỊNH:" {
		t.Errorf("the old layout lost its line: %q", got)
	}
	_, diags = parse(t, "enacting: Ủy ban nhân dân ban hành Kế hoạch.\nsections: [{heading: A, text: b}]\n")
	check(t, "codes", codes(diags), "9:11 enacting enacting.not-legal")
}
