package document

import (
	"strings"
	"testing"
)

// labelsOf returns the labels of the body's headings and run-in titles.
func labelsOf(doc *Document) string {
	var out []string
	for _, b := range doc.Body() {
		if b.Kind == Heading || b.Kind == Paragraph && len(b.Spans) > 1 && b.Spans[0].Bold {
			l, _, _ := strings.Cut(Plain(b.Spans), " ")
			if strings.HasPrefix(Plain(b.Spans), "Mục tiêu") {
				l = strings.Join(strings.Fields(Plain(b.Spans))[:3], " ")
			}
			out = append(out, l)
		}
	}
	return strings.Join(out, " ")
}

// A fourth level, decimal numbering and run-in titles.
func TestNumberingStyles(t *testing.T) {
	four := "sections:\n  - heading: Mục tiêu\n    sections:\n      - heading: Chung\n        sections:\n" +
		"          - heading: Lĩnh vực\n            sections:\n              - {heading: Điểm, text: x}\n            text: y\n" +
		"          - {heading: Khác, text: z}\n  - {heading: Giải pháp, text: w}\n"
	doc := mustParse(t, four)
	check(t, "four levels", labelsOf(doc), "I. 1. 1.1. a) 1.2. II.")
	doc = mustParse(t, four+"style: {numbering: decimal}\n")
	check(t, "decimal", labelsOf(doc), "1. 1.1. 1.1.1. 1.1.1.1. 1.1.2. 2.")
	// Run-in titles take no level and count through the document.
	doc = mustParse(t, "sections:\n  - heading: Lĩnh vực chính trị\n    sections:\n"+
		"      - {run_in: Mục tiêu, heading: Tăng cường sự tham gia của phụ nữ, items: [Chỉ tiêu 1]}\n"+
		"  - heading: Lĩnh vực kinh tế\n    sections:\n      - {run_in: Mục tiêu, heading: \"Mục tiêu 2: Rút ngắn khoảng cách giới\", text: x}\n")
	check(t, "run-in", labelsOf(doc), "1. Mục tiêu 1: 2. Mục tiêu 2:")
	var runIn []string
	for _, b := range doc.Body() {
		if s := Plain(b.Spans); strings.HasPrefix(s, "Mục tiêu") {
			runIn = append(runIn, s)
			if !b.Spans[0].Bold || b.Spans[1].Bold {
				t.Errorf("the label bold, the title regular: %+v", b.Spans)
			}
		}
	}
	check(t, "run-in text", strings.Join(runIn, "|"), "Mục tiêu 1: Tăng cường sự tham gia của phụ nữ|Mục tiêu 2: Rút ngắn khoảng cách giới")
}

// Typed numbers agree with the numbering: "2.1." typed under decimal
// numbering is vanban's own, "3.1." is not; "Mục tiêu 2:" typed before a
// run-in title is left out.
func TestTypedDecimal(t *testing.T) {
	_, diags := parse(t, "style: {numbering: decimal}\nsections:\n  - {heading: A, text: a}\n  - heading: B\n    sections:\n"+
		"      - {heading: 2.1. Đúng, text: x}\n      - {heading: 3.1. Sai, text: y}\n"+
		"      - {run_in: Mục tiêu, heading: 'Mục tiêu 1: Tham gia', text: z}\n")
	check(t, "codes", codes(diags), "14:19 sections[2].sections[1].heading numbering.typed\n"+
		"15:19 sections[2].sections[2].heading numbering.typed-differs\n16:38 sections[2].sections[3].heading numbering.typed")
	_, diags = parse(t, "style: {numbering: roman}\nclosing: [x]\n")
	check(t, "unknown style", codes(diags), "9:20 style.numbering style.numbering-unknown")
}
