package app

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/layout"
	"github.com/vanban/vanban/internal/pdf"
	"github.com/vanban/vanban/internal/svg"
	"github.com/vanban/vanban/internal/viet"
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
		dec.ErrorAt(diag.Pos{}, "", err.Error(), "")
		return nil
	}
	doc := document.Decode(dec, root, types)
	fonts, err := pdf.Load(opt.FontDir)
	if err != nil {
		dec.ErrorAt(diag.Pos{}, "", err.Error(), "")
	}
	if fonts == nil || !drawable(dec, doc, fonts) || dec.Diags.HasErrors() {
		return nil
	}
	opts := layout.OptionsFor(doc.Style)
	for _, p := range layout.HeaderProblems(doc, fonts, opts) {
		dec.Error(p.Path, p.Message, p.Expected)
	}
	if dec.Diags.HasErrors() {
		return nil
	}
	pages, warnings := layout.ComposeWarnings(doc, fonts, opts)
	for _, p := range warnings {
		dec.Warn(p.Path, p.Message, p.Expected)
	}
	if !drawnAll(dec, pages, fonts) {
		return nil
	}
	meta := documentMeta(doc)
	return Outputs{
		{Format: "pdf", Ext: ".pdf", MediaType: "application/pdf",
			Write: func(w io.Writer) error { return pdf.Write(w, pages, fonts, meta) }},
		{Format: "svg", Ext: ".html", MediaType: "text/html; charset=utf-8",
			Write: func(w io.Writer) error { return svg.Pages(w, pages, fonts) }},
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
// the font cannot draw: fpdf would print an empty box or nothing at all.
func drawable(dec *decode.Decoder, doc *document.Document, f *pdf.Fonts) bool {
	ok := true
	for _, t := range doc.Strings() {
		seen := map[rune]bool{}
		for i, r := range t.Value {
			if r == '\n' || r == '\t' || r == '\r' || f.Has(r) || seen[r] {
				continue
			}
			seen[r] = true
			ok = false
			dec.ErrorAt(document.Locate(doc.Source, t, i), t.Path, cannotDraw(r, f), "a character "+f.Name+" has; replace or remove it")
		}
	}
	return ok
}

func cannotDraw(r rune, f *pdf.Fonts) string {
	return fmt.Sprintf("the font cannot draw %q (U+%04X)", string(r), r)
}

// drawnAll checks what the layout produced, fixed texts included, against
// the font: with a user's font that lacks Vietnamese letters even the
// national name could not be printed.
func drawnAll(dec *decode.Decoder, pages []layout.Page, f *pdf.Fonts) bool {
	seen := map[rune]bool{}
	for _, p := range pages {
		for _, t := range p.Texts {
			for _, r := range t.S {
				if !f.Has(r) && !seen[r] {
					seen[r] = true
					dec.ErrorAt(diag.Pos{}, "", cannotDraw(r, f)+" in "+fmt.Sprintf("%q", t.S), "a font with every Vietnamese letter, such as Times New Roman")
				}
			}
		}
	}
	return len(seen) == 0
}

// documentMeta fills the PDF's document information from the document.
func documentMeta(doc *document.Document) pdf.Meta {
	title := doc.TitleText()
	// "Chương trình số 85/CTr-UBND"; unnumbered "Chương trình số …/CTr-UBND".
	number := "…"
	if doc.Number > 0 {
		number = viet.DocNumber(int(doc.Number))
	}
	subject := doc.Kind.Name + " số " + number + "/" + doc.SymbolText()
	return pdf.Meta{
		Title:    title,
		Author:   strings.Join(document.Upper(doc.Issuer.Name), " "),
		Subject:  subject + ", " + doc.PlaceDate(),
		Keywords: doc.Kind.Name,
		Date:     doc.Date.Time(),
	}
}

// documentStarters returns one commented starting file per document type:
// templates/starters/<type>.yaml where the type has its own structure
// (quyet-dinh in articles, cong-van with "Kính gửi" …), otherwise one made
// from templates/starters/document.yaml.tmpl. The first comment line of
// each names the type, for "vanban new".
func documentStarters() map[string][]byte {
	types, err := docTypes("")
	if err != nil {
		return nil
	}
	src, err := templates.Read("starters/document.yaml.tmpl", "")
	if err != nil {
		return nil
	}
	tmpl := template.Must(template.New("starter").Parse(string(src)))
	out := map[string][]byte{}
	for _, t := range types {
		if own, err := templates.Read("starters/"+t.Key+".yaml", ""); err == nil {
			out[t.Key] = own
			continue
		}
		var b bytes.Buffer
		if err := tmpl.Execute(&b, t); err == nil {
			out[t.Key] = b.Bytes()
		}
	}
	return out
}
