package layout_test

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// An attachment starts on a page of its own with the issuing body and the
// national name but no number and no date (the decree's model), its type
// name, title and link line; its pages are numbered on their own; chapters
// are centred.
func TestAttachmentPages(t *testing.T) {
	src, err := os.ReadFile("../../examples/quyet-dinh-ban-hanh-quy-che-lam-viec-xa-xuan-phu-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := fonts(t)
	pages := compose(t, src)
	var first *layout.Page
	for i := range pages {
		if pages[i].Attachment == 1 && pages[i].Folio == 1 {
			first = &pages[i]
			break
		}
	}
	if first == nil {
		t.Fatal("no attachment page")
	}
	for _, tag := range []string{"national-name", "motto", "issuer", "attachment-type", "attachment-title", "attachment-link"} {
		if len(first.Tagged(tag)) == 0 {
			t.Errorf("no %s on the attachment's first page", tag)
		}
	}
	for _, tag := range []string{"number", "date", "page-number", "signer"} {
		if len(first.Tagged(tag)) != 0 {
			t.Errorf("%s on the attachment's first page", tag)
		}
	}
	if _, ok := first.Rule("attachment-rule"); !ok {
		t.Error("no rule under the link line")
	}
	if s := first.Tagged("attachment-type")[0].S; s != "QUY CHẾ" {
		t.Error(s)
	}
	link := ""
	for _, tx := range first.Tagged("attachment-link") {
		link += tx.S + " "
	}
	if !strings.Contains(link, "(Kèm theo Quyết định số 59/QĐ-UBND") {
		t.Errorf("link line %q", link)
	}
	o := layout.OptionsFor(decodeDoc(t, src).Style)
	cx := o.Left + o.TextWidth()/2
	for _, tx := range first.Tagged("chapter") {
		if c := tx.X + m.Width(tx.S, tx.Font)/2; !near(c, cx, 0.5) && strings.HasPrefix(tx.S, "Chương") {
			t.Errorf("%q centred on %.1f, not %.1f", tx.S, c, cx)
		}
	}
	last := pages[len(pages)-1]
	if last.Attachment != 1 || last.Folio != 2 || len(last.Tagged("page-number")) != 1 || last.Tagged("page-number")[0].S != "2" {
		t.Errorf("last page: attachment %d, folio %d, %v", last.Attachment, last.Folio, last.Tagged("page-number"))
	}
}
