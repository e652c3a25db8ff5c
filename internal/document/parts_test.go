package document

import (
	"strings"
	"testing"
)

// The labels of parts a clerk types are read in every spelling practice
// uses, and nothing else is taken for one.
func TestTypedPart(t *testing.T) {
	for _, c := range []struct {
		in, text string
		n        int
		rest     string
	}{
		{"Phần thứ nhất. KẾT QUẢ", "Phần thứ nhất.", 1, "KẾT QUẢ"},
		{"PHẦN THỨ HAI: PHƯƠNG HƯỚNG", "PHẦN THỨ HAI:", 2, "PHƯƠNG HƯỚNG"},
		{"Phần thứ tư - Kiến nghị", "Phần thứ tư -", 4, "Kiến nghị"},
		{"Phần thứ mười một: Kiến nghị", "Phần thứ mười một:", 11, "Kiến nghị"},
		{"Phần thứ nhất\nKẾT QUẢ", "Phần thứ nhất", 1, "KẾT QUẢ"},
		{"Phần thứ 3. Kiến nghị", "Phần thứ 3.", 3, "Kiến nghị"},
		{"PHẦN I. KẾT QUẢ", "PHẦN I.", 1, "KẾT QUẢ"},
		{"Phần II Phương hướng", "Phần II", 2, "Phương hướng"},
		{"Phần lớn các xã đã hoàn thành", "", 0, ""},
		{"Phần 2 của kế hoạch", "", 0, ""},
		{"Phần thứ nhất", "", 0, ""},
		{"Phần việc của các thôn", "", 0, ""},
		{"Phần thứ năm 2025 đạt", "", 0, ""},
	} {
		got, ok := typedPart(c.in)
		if ok != (c.n > 0) || ok && (got.text != c.text || got.n != c.n || c.in[got.end:] != c.rest) {
			t.Errorf("typedPart(%q) = %+v, %v; want %q %d, rest %q", c.in, got, ok, c.text, c.n, c.rest)
		}
	}
}

func joinedTexts(bs []Block) string {
	var out []string
	for _, b := range bs {
		out = append(out, Plain(b.Spans))
	}
	return strings.Join(out, "|")
}

// Parts written under parts: print "Phần thứ nhất" and the title in
// capitals; the sections of each are numbered from I. again, in the
// style of the deepest part.
func TestParts(t *testing.T) {
	doc, diags := parse(t, `type: bao-cao
parts:
  - heading: Kết quả thực hiện năm 2025
    text: Mở đầu phần.
    sections:
      - heading: Lĩnh vực kinh tế
        sections: [{heading: Nông nghiệp, text: a}]
      - heading: Văn hóa - xã hội
        text: b
  - heading: Phương hướng năm 2026
    sections:
      - heading: Mục tiêu
        text: c
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "codes", codes(diags), "")
	check(t, "body", joinedTexts(doc.Body()), "Phần thứ nhất|KẾT QUẢ THỰC HIỆN NĂM 2025|Mở đầu phần.|I. LĨNH VỰC KINH TẾ|1. Nông nghiệp|a|"+
		"II. VĂN HÓA - XÃ HỘI|b|Phần thứ hai|PHƯƠNG HƯỚNG NĂM 2026|I. MỤC TIÊU|c./.")
	if b := doc.Body()[0]; b.Kind != ChapterHead || b.Level != 0 || !b.Spans[0].Bold || b.Path != "parts[1]" {
		t.Errorf("part label block %+v", b)
	}
	// Sections beside the parts, a run-in label on a part, and too deep.
	_, diags = parse(t, `type: bao-cao
parts:
  - heading: A
    run_in: Phần thứ
    sections: [{heading: B, sections: [{heading: C, sections: [{heading: D, sections: [{heading: E, sections: [{heading: F, text: x}]}]}]}]}]
sections:
  - heading: G
    text: y
`)
	check(t, "codes", codes(diags), "11:13 parts[1].run_in part.run-in\n"+
		"12:111 parts[1].sections[1].sections[1].sections[1].sections[1].sections sections.too-deep\n14:3 sections parts.with-sections")
}

// Top-level sections typed "Phần thứ nhất. …" are parts: each label is
// removed with a warning that says how to write it, the clerk's I. and 1.
// below stay I. and 1.
func TestPartsTyped(t *testing.T) {
	doc, diags := parse(t, `type: bao-cao
sections:
  - heading: Phần thứ nhất. KẾT QUẢ THỰC HIỆN
    sections:
      - heading: I. LĨNH VỰC KINH TẾ
        sections: [{heading: 1. Nông nghiệp, text: a}]
  - heading: "Phần thứ ba: NHIỆM VỤ"
    text: b
  - heading: Kiến nghị
    text: c
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "codes", codes(diags), "10:14 sections[1].heading part.typed-in-sections\n12:18 sections[1].sections[1].heading numbering.typed\n"+
		"13:30 sections[1].sections[1].sections[1].heading numbering.typed\n14:15 sections[2].heading part.typed-in-sections")
	check(t, "body", joinedTexts(doc.Body()), "Phần thứ nhất|KẾT QUẢ THỰC HIỆN|I. LĨNH VỰC KINH TẾ|1. Nông nghiệp|a|Phần thứ hai|NHIỆM VỤ|b|Phần thứ ba|KIẾN NGHỊ|c./.")
	for _, d := range diags {
		if d.Code == "part.typed-in-sections" && !strings.Contains(d.FixVi, "parts:") {
			t.Errorf("the fix does not lead to parts: %s", d.FixVi)
		}
		if d.Field == "sections[2].heading" && !strings.Contains(d.Vi, "“Phần thứ hai”, không phải “Phần thứ ba”") {
			t.Errorf("a part numbered otherwise is not named: %s", d.Vi)
		}
	}
	// A heading that only starts with the word is a section.
	doc = mustParse(t, "sections: [{heading: Phần lớn các xã, text: a}, {heading: B, text: c}]\n")
	check(t, "body", joinedTexts(doc.Body()), "1. Phần lớn các xã|a|2. B|c./.")
}

// A run-in label ending in "thứ" counts in ordinal words ("Phần thứ
// nhất:", not "Phần thứ 1:"), and reads them back when typed.
func TestRunInOrdinal(t *testing.T) {
	doc, diags := parse(t, `type: bao-cao
sections:
  - heading: "Phần thứ nhất: Kết quả"
    run_in: Phần thứ
    sections: [{heading: Kinh tế, text: a}]
  - heading: Phương hướng
    run_in: Phần thứ
    text: b
  - heading: Mục tiêu năm 2025 đạt
    run_in: Mục tiêu
    text: c
`)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "codes", codes(diags), "10:15 sections[1].heading numbering.typed")
	check(t, "body", joinedTexts(doc.Body()), "Phần thứ nhất: Kết quả|1. Kinh tế|a|Phần thứ hai: Phương hướng|b|Mục tiêu 1: Mục tiêu năm 2025 đạt|c./.")
}

// An attached plan has parts as the decision's body does: typed labels
// recognised, numbered on its own.
func TestAttachmentParts(t *testing.T) {
	src := strings.Replace(issuing, "%s", "Ban hành kèm theo Quyết định này Kế hoạch thực hiện.", 1) +
		"attachments:\n  - type: ke-hoach\n    title: Thực hiện năm 2025\n    sections:\n" +
		"      - {heading: 'Phần thứ nhất: Thực trạng', sections: [{heading: 'I. Kết quả', text: a}]}\n" +
		"      - {heading: Nhiệm vụ, sections: [{heading: Mục tiêu, text: b}]}\n"
	doc, diags := parse(t, src)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "codes", codes(diags), "17:20 attachments[1].sections[1].heading part.typed-in-sections\n17:70 attachments[1].sections[1].sections[1].heading numbering.typed")
	check(t, "body", joinedTexts(doc.AttachmentBody(0)), "Phần thứ nhất|THỰC TRẠNG|I. KẾT QUẢ|a|Phần thứ hai|NHIỆM VỤ|I. MỤC TIÊU|b./.")
	var labels []string
	for f := range doc.Fields() {
		if f.Attachment == 1 && (f.Role == PartTitle || f.Role == HeadingText) {
			labels = append(labels, f.Label)
		}
	}
	check(t, "labels", strings.Join(labels, "|"), "Phần thứ nhất|I.|Phần thứ hai|I.")
}
