package layout

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
)

// A clerk who adds an address block (or a line) to a one-page giấy mời
// finds its signature alone on a second page with the last lines of the
// body, which the page-break rules take with it (the signature never
// stands alone). Word would leave her to find out; vanban says so, and
// says which setting of the decree's own range would bring the signature
// back: the smaller body size (13 pt, nd30.md §2.9), single line spacing,
// the narrowest margins. It says so only when it has laid the document
// out again with that setting and the signature does come back.
//
// Only a document that would be one page is meant: a giấy mời, a công
// văn, a thông báo is one sheet, and a second sheet for the signature is
// what the clerk would redo. In a longer document the last page holding
// the signature with the last lines of the body is what the page-break
// rules do by design (see docs/document-format.md, Page breaks), and a
// smaller size would set every page anew.

// loneLines is the most body lines a last page may hold beside the
// signature block for the page to count as the signature's alone: the
// last two lines that go with it, and a heading above them.
const loneLines = 3

// signatureAlone reports whether the document's flow takes two pages, the
// second holding nothing but the signature block (its items from sig on)
// and at most loneLines lines of the body.
func (c *composer) signatureAlone(layout [][]placed, sig int) bool {
	if len(layout) != 2 {
		return false
	}
	body, signed := 0, false
	for _, x := range layout[len(layout)-1] {
		switch {
		case x.head:
		case x.i < sig:
			body++
		default:
			signed = true // (the notes' items come after the signature's)
		}
	}
	return signed && body <= loneLines
}

// A setting is a change of the page settings within the decree's range,
// as the clerk would write it under style:.
type setting struct {
	yaml  string // "body_size: 13"
	vi    string // what it is, in Vietnamese
	en    string
	apply func(*Options) bool // changes the options; false when it changes nothing
}

var settings = []setting{
	{"body_size: 13", "cỡ chữ nội dung 13", "a 13 pt body", func(o *Options) bool {
		if o.BodySize <= 13 {
			return false
		}
		o.BodySize = 13
		return true
	}},
	{"line_spacing: 1", "giãn dòng đơn", "single line spacing", func(o *Options) bool {
		if o.LineSpacing <= 1 {
			return false
		}
		o.LineSpacing = 1
		return true
	}},
	{"margins: {top: 20, bottom: 20}", "lề trên, lề dưới 20 mm", "20 mm top and bottom margins", func(o *Options) bool {
		if o.Top <= 20 && o.Bottom <= 20 {
			return false
		}
		o.Top, o.Bottom = min(o.Top, 20), min(o.Bottom, 20)
		return true
	}},
}

// fitHint warns that the last of the document's n pages holds only the
// signature, with the least change of settings that sets the document on
// n-1 pages: one setting, else all of them together; no warning when
// none does.
func (c *composer) fitHint(n int) {
	fits := func(chosen []setting) bool {
		o := c.o
		changed := false
		for _, s := range chosen {
			changed = s.apply(&o) || changed
		}
		if !changed {
			return false
		}
		alt := newComposer(c.doc, c.m, o)
		alt.notes = c.notes
		_, _, layout, _ := alt.main()
		return len(layout) < n
	}
	var found []setting
	for _, s := range settings {
		if fits([]setting{s}) {
			found = []setting{s}
			break
		}
	}
	if found == nil && fits(settings) {
		found = settings
	}
	if found == nil {
		return
	}
	var ys, vis, ens []string
	for _, s := range found {
		ys, vis, ens = append(ys, s.yaml), append(vis, s.vi), append(ens, s.en)
	}
	add := "thêm dòng style: {" + strings.Join(ys, ", ") + "}"
	addEn := "style: {" + strings.Join(ys, ", ") + "}"
	if st := c.doc.Style; st.BodySize != 0 || st.HeaderSize != 0 || st.LineSpacing != 0 || st.Indent != 0 ||
		st.Margins != (document.Margins{}) || st.Numbering.Value != "" || st.Items.Value != "" {
		add = "ghi " + strings.Join(ys, ", ") + " trong style:"
		addEn = strings.Join(ys, ", ") + " under style:"
	}
	path := "signer"
	if strings.HasPrefix(c.doc.Signer.Name.Path, "signers") {
		path = "signers" // the signatures were written as a list
	}
	c.warnings = append(c.warnings, Problem{Path: path, Msg: diag.Msg{
		Code: "layout.signature-alone",
		Vi: fmt.Sprintf("trang %d chỉ có phần chữ ký và vài dòng cuối của nội dung; với %s văn bản vừa %d trang",
			n, strings.Join(vis, ", "), n-1),
		En: fmt.Sprintf("page %d holds only the signature and the last lines of the body; with %s the document fits on %d page",
			n, strings.Join(ens, ", "), n-1),
		FixVi: add + " (trong giới hạn của Nghị định 30), hoặc rút gọn nội dung",
		FixEn: addEn + " (within Nghị định 30's range), or a shorter text",
	}})
}
