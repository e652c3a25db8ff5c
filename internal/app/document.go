package app

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/font"
	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/internal/pdf"
	"github.com/vanban/vanban/internal/svg"
	"github.com/vanban/vanban/templates"
)

// The administrative document pipeline: YAML → document model → layout →
// PDF.
func init() {
	Register(Kind{Name: "document", Ext: ".pdf", Match: isDocument, Build: buildDocument, Starters: documentStarters})
}

// isDocument recognises a document by its "type:" key; statistics reports
// carry "schema:" instead.
func isDocument(root *yaml.Node) bool {
	keys := decode.Keys(root)
	return slices.Contains(keys, "type") && !slices.Contains(keys, "schema")
}

func buildDocument(dec *decode.Decoder, root *yaml.Node, opt Options) Outputs {
	types, err := docTypes(opt.TemplateDir)
	if err != nil {
		dec.ProblemAt(diag.Pos{}, "", diag.Msg{Code: "templates.doctypes",
			Vi: "không đọc được bảng các loại văn bản: " + err.Error(), En: err.Error(),
			FixVi: "sửa hoặc xóa tệp doctypes.yaml trong thư mục --templates", FixEn: "a valid doctypes.yaml in the --templates folder, or none"})
		return nil
	}
	doc := document.Decode(dec, root, types)
	fonts, _, err := documentFonts(opt)
	if err != nil {
		dec.ProblemAt(diag.Pos{}, "", diag.Msg{Code: "fonts.unreadable",
			Vi: "không dùng được phông chữ: " + err.Error(), En: err.Error(),
			FixVi: "chỉ --fonts tới thư mục có times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf, hoặc bỏ --fonts để dùng phông có sẵn",
			FixEn: "a --fonts folder holding times.ttf, timesbd.ttf, timesi.ttf and timesbi.ttf, or no --fonts"})
	}
	if fonts == nil || !drawable(dec, doc, fonts) || dec.Diags.HasErrors() {
		return nil
	}
	opts := layout.OptionsFor(doc.Style)
	for _, p := range layout.HeaderProblems(doc, layout.Metrics{Family: fonts}, opts) {
		dec.Problem(p.Path, p.Msg)
	}
	if dec.Diags.HasErrors() {
		return nil
	}
	pages, warnings := layout.ComposeWarnings(doc, layout.Metrics{Family: fonts}, opts)
	for _, p := range warnings {
		dec.Warning(p.Path, p.Msg)
	}
	chars := pdf.CharsOf(pages)
	if !drawnAll(dec, pages, chars, fonts) {
		return nil
	}
	meta := documentMeta(doc)
	return Outputs{
		{Format: "pdf", Ext: ".pdf", MediaType: "application/pdf",
			Write: func(w io.Writer) error { return pdf.WriteChars(w, pages, chars, fonts, meta) }},
		{Format: "svg", Ext: ".html", MediaType: "text/html; charset=utf-8",
			Write: func(w io.Writer) error { return svg.Pages(w, pages, layout.Metrics{Family: fonts}) }},
	}
}

// typeTables caches the table of document types per template directory:
// a batch reads it once, not once per document.
var typeTables sync.Map // dir → *typeTable

type typeTable struct {
	once  sync.Once
	types []document.DocType
	err   error
}

func docTypes(dir string) ([]document.DocType, error) {
	v, _ := typeTables.LoadOrStore(dir, &typeTable{})
	t := v.(*typeTable)
	t.once.Do(func() {
		src, err := templates.Read("doctypes.yaml", dir)
		if err != nil {
			t.err = fmt.Errorf("cannot read the table of document types: %w", err)
			return
		}
		t.types, t.err = document.ParseTypes(src)
	})
	return t.types, t.err
}

// drawable reports, at its position, every character of the document that
// the font cannot draw: the PDF would show an empty box or nothing at all.
// It reads every printed text of the model through document.Fields, the
// address block and a table's total row included.
func drawable(dec *decode.Decoder, doc *document.Document, f *font.Family) bool {
	ok := true
	drawn := newDrawnTexts(f, '\n', '\t', '\r')
	for t := range doc.Fields() {
		if !t.Role.Printed() || drawn.all(t.Value) {
			continue
		}
		seen := map[rune]bool{}
		for i, r := range t.Value {
			if r == '\n' || r == '\t' || r == '\r' || f.Has(r) || seen[r] {
				continue
			}
			seen[r] = true
			ok = false
			dec.ProblemAt(document.Locate(doc.Source, *t.Text, i), t.Path, diag.Msg{
				Code:  "font.missing-char",
				Vi:    fmt.Sprintf("phông chữ %s không có ký tự %q (U+%04X) nên không in được", f.Name, string(r), r),
				En:    fmt.Sprintf("the font cannot draw %q (U+%04X)", string(r), r),
				FixVi: "thay ký tự này bằng một ký tự có trong phông chữ, hoặc xóa nó",
				FixEn: "a character " + f.Name + " has; replace or remove it",
			})
		}
	}
	return ok
}

// drawnAll checks what the layout produced, fixed texts included, against
// the font: with a user's font that lacks Vietnamese letters even the
// national name could not be printed. The user's own texts were checked
// by drawable, at their positions. The pages' characters are those the
// PDF's font subsets are cut for (chars): only when one is missing are
// the texts read again, to name the first line that needs it.
func drawnAll(dec *decode.Decoder, pages []layout.Page, chars pdf.Chars, f *font.Family) bool {
	if !chars.Beyond && allDrawn(chars, f) {
		return true
	}
	seen := map[rune]bool{}
	for _, p := range pages {
		for _, t := range p.Texts {
			for _, r := range t.S {
				if !f.Has(r) && !seen[r] {
					seen[r] = true
					dec.ProblemAt(diag.Pos{}, "", diag.Msg{
						Code:  "font.missing-letter",
						Vi:    fmt.Sprintf("phông chữ %s không có ký tự %q (U+%04X) cần để in dòng %q", f.Name, string(r), r, t.S),
						En:    fmt.Sprintf("the font cannot draw %q (U+%04X) in %q", string(r), r, t.S),
						FixVi: "dùng phông chữ có đủ chữ tiếng Việt, như Times New Roman",
						FixEn: "a font with every Vietnamese letter, such as Times New Roman",
					})
				}
			}
		}
	}
	return len(seen) == 0
}

// allDrawn reports whether the family draws every one of chars' characters.
func allDrawn(chars pdf.Chars, f *font.Family) bool {
	for _, runes := range chars.Runes {
		for _, r := range runes {
			if !f.Has(r) {
				return false
			}
		}
	}
	return true
}

// drawnTexts tells whether a family draws every character of a text, the
// question drawable asks of every character of a document's texts.
// Most of a Vietnamese text's characters are ASCII, looked up here a byte
// at a time in a table made once per document, and most of the others
// two- or three-byte letters, decoded here without a call.
type drawnTexts struct {
	f     *font.Family
	ascii [utf8.RuneSelf]bool // the ASCII characters drawn (or allowed)
}

// newDrawnTexts returns the check for f, which also lets the ASCII
// characters in allowed through.
func newDrawnTexts(f *font.Family, allowed ...rune) *drawnTexts {
	d := &drawnTexts{f: f}
	for c := range rune(utf8.RuneSelf) {
		d.ascii[c] = f.Has(c) || slices.Contains(allowed, c)
	}
	return d
}

// all reports whether f draws every character of s; as "for range s", it
// takes a byte that is not UTF-8 for U+FFFD.
func (d *drawnTexts) all(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		n := 1
		switch {
		case c < utf8.RuneSelf:
			if !d.ascii[c] {
				return false
			}
			i++
			continue
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// Two bytes: Latin-1, Latin Extended-A and B (ă, đ, ơ, ư),
			// combining marks.
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// Three bytes whose every continuation is valid: Latin
			// Extended Additional (ạ, ế, ữ), punctuation.
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !d.f.Has(r) {
			return false
		}
		i += n
	}
	return true
}

// documentMeta fills the PDF's document information from the document.
func documentMeta(doc *document.Document) pdf.Meta {
	title := doc.TitleText()
	if title == "" {
		title = doc.Kind.Name // a giấy giới thiệu has no abstract
	}
	// "Chương trình số 85/CTr-UBND"; unnumbered "Chương trình số …/CTr-UBND".
	subject := doc.Kind.Name + " số " + doc.NumberText()
	return pdf.Meta{
		Title:    title,
		Author:   strings.Join(document.Upper(doc.Issuer.Name), " "),
		Subject:  subject + ", " + doc.PlaceDate(),
		Keywords: doc.Kind.Name,
		Date:     doc.Date.Time(),
	}
}

// documentStarters returns one commented starting file per document type:
// templates/starters/<type>.yaml, each with the text its type's model in
// Phụ lục III lays out (a Quy chế and a Quy định as the decision that
// issues them). The first comment line of each names the type, for
// "vanban new".
func documentStarters() map[string][]byte {
	types, err := docTypes("")
	if err != nil {
		return nil
	}
	out := map[string][]byte{}
	for _, t := range types {
		if src, err := templates.Read("starters/"+t.Key+".yaml", ""); err == nil {
			out[t.Key] = src
		}
	}
	return out
}
