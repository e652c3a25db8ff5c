package document

import (
	"fmt"

	"github.com/vanban/vanban/internal/decode"
)

// Signatures returns the document's signature blocks in the order they
// print: the cosigner's (left column) first, then the signer's (right).
func (doc *Document) Signatures() []*Signer {
	if doc.Cosigner != nil {
		return []*Signer{doc.Cosigner, &doc.Signer}
	}
	return []*Signer{&doc.Signer}
}

// given reports whether the block was written in the file.
func (s *Signer) given() bool {
	return s.Position.Node != nil || s.Name.Node != nil || len(s.Authority) > 0
}

// signers checks the choice between signer: and signers: and moves the
// blocks of signers: to Signer and Cosigner, where every later check and
// the layout find them. The decree's model of a biên bản (Phụ lục III,
// Mẫu 1.9) has two signatures side by side, THƯ KÝ on the left and CHỦ
// TỌA on the right; a văn bản liên tịch has one per issuing body. No
// model has three.
func (v *validator) signers() {
	doc := v.doc
	list := doc.Signers
	doc.Signers = nil
	switch {
	case len(list) == 0 && !doc.Signer.given():
		v.d.ProblemAt(v.d.At(""), "signer", decode.MissingField("signer"))
	case len(list) > 0 && doc.Signer.given():
		v.d.Problem("signers", msg("signer.twice",
			"văn bản có cả «signer» (một người ký) và «signers» (hai người ký)",
			"the document has both signer: (one signature) and signers: (two signatures)",
			"giữ một trong hai: signer: khi một người ký, signers: khi hai người ký (bên trái trước)",
			"keep one: signer: for one signature, signers: for two (the left one first)"))
	case len(list) > 2:
		v.d.Problem("signers", msg("signer.too-many",
			fmt.Sprintf("có %d người ký; văn bản có nhiều nhất hai chữ ký, đặt cạnh nhau (Nghị định 30, Phụ lục III, mẫu biên bản)", len(list)),
			fmt.Sprintf("%d signers; a document has at most two signatures, side by side (Nghị định 30, Phụ lục III, the biên bản model)", len(list)),
			"chỉ giữ hai người ký: người bên trái trước, người bên phải sau; ý kiến của người khác ghi trong nội dung",
			"keep two signers, the left one first; others' views go into the text"))
	case len(list) == 1:
		doc.Signer = list[0]
	case len(list) == 2:
		doc.Cosigner, doc.Signer = &list[0], list[1]
	}
}
