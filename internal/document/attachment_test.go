package document

import (
	"strings"
	"testing"
)

const issuing = "type: quyet-dinh\nissued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN\narticles:\n  - %s\n  - Quyết định này có hiệu lực kể từ ngày ký.\n"

// A issuing issues its attachments: they are recognised in the body's
// "Ban hành kèm theo Quyết định này Quy chế …"; chapters and articles are
// numbered through the attachment, on their own; the attachment's
// appendices are checked against its own text.
func TestAttachments(t *testing.T) {
	src := strings.Replace(issuing, "%s", "Ban hành kèm theo Quyết định này Quy chế làm việc.", 1) +
		"attachments:\n  - type: Quy chế\n    title: Làm việc của Ủy ban nhân dân\n    chapters:\n" +
		"      - {title: Quy định chung, articles: [{title: Phạm vi, text: a}, b]}\n      - {title: Tổ chức thực hiện, articles: [\"Điều 3. c (xem Phụ lục)\"]}\n" +
		"    appendices: [{title: Mẫu báo cáo, text: x}]\n"
	doc, diags := parse(t, src)
	if doc == nil {
		t.Fatal(diags)
	}
	check(t, "codes", codes(diags), "18:48 attachments[1].chapters[2].articles[1] numbering.typed")
	var got []string
	for _, b := range doc.AttachmentBody(0) {
		got = append(got, Plain(b.Spans))
	}
	check(t, "body", strings.Join(got, "|"), "Chương I|QUY ĐỊNH CHUNG|Điều 1. Phạm vi|a|Điều 2. b|Chương II|TỔ CHỨC THỰC HIỆN|Điều 3. c (xem Phụ lục)./.")
	if doc.Attachments[0].TypeName() != "QUY CHẾ" {
		t.Error(doc.Attachments[0].TypeName())
	}
	// Not issued by the body, an appendix not named by the attachment, a
	// type that is no attached document, and sections with articles.
	src = strings.Replace(issuing, "%s", "Giao Sở Nội vụ thực hiện.", 1) +
		"attachments:\n  - {type: ke-hoach, title: A, sections: [{heading: B, text: c}], appendices: [{title: D, text: e}]}\n" +
		"  - {type: cong-van, title: F, sections: [{heading: G, text: h}]}\n" +
		"  - {type: quy-dinh, title: I, sections: [{heading: J, text: k}], articles: [l]}\n"
	_, diags = parse(t, src)
	check(t, "codes", codes(diags), "14:5 attachments[1] attachment.not-mentioned\n14:80 attachments[1].appendices[1] appendix.not-mentioned\n"+
		"15:12 attachments[2].type attachment.type\n16:5 attachments[3] attachment.not-mentioned\n16:42 attachments[3].sections attachment.sections-and-articles")
	_, diags = parse(t, "closing: [x]\nattachments: [{type: ke-hoach, title: A, sections: [{heading: B, text: c}]}]\n")
	if !strings.Contains(codes(diags), "attachments attachments.not-legal") {
		t.Error(codes(diags))
	}
}

// An appendix of an attached plan is "kèm theo" the plan, which has no
// number of its own: its link line names the plan by the decision that
// issues it (a Đề án, which a decision approves, "được phê duyệt tại").
func TestAttachmentLinkLine(t *testing.T) {
	src := strings.Replace(issuing, "%s", "Ban hành kèm theo Quyết định này Kế hoạch và phê duyệt Đề án.", 1) +
		"number: 1100\nplace: Tây Ninh\ndate: 2021-05-21\nissuer: {name: ỦY BAN NHÂN DÂN TỈNH TÂY NINH, abbr: UBND}\n" +
		"attachments:\n  - {type: ke-hoach, title: A, sections: [{heading: B, text: c (Phụ lục)}], appendices: [{title: D, text: e}]}\n" +
		"  - {type: de-an, title: F, sections: [{heading: G, text: h (Phụ lục)}], appendices: [{title: I, text: j}]}\n"
	src = strings.Replace(src, "issued_by: CHỦ TỊCH ỦY BAN NHÂN DÂN", "issued_by: ỦY BAN NHÂN DÂN TỈNH TÂY NINH", 1)
	doc, diags := parse(t, src)
	if doc == nil {
		t.Fatal(diags)
	}
	nb := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	check(t, "decision", nb(doc.LinkLine()), "(Kèm theo Quyết định số 1100/QĐ-UBND ngày 21 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Tây Ninh)")
	check(t, "plan", nb(doc.AttachmentLinkLine(0)), "(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 1100/QĐ-UBND ngày 21 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Tây Ninh)")
	check(t, "project", nb(doc.AttachmentLinkLine(1)), "(Kèm theo Đề án được phê duyệt tại Quyết định số 1100/QĐ-UBND ngày 21 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Tây Ninh)")
}
