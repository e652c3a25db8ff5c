// Package fonts embeds Liberation Serif, which is metric-compatible with
// Times New Roman (the face Nghị định 30/2020/NĐ-CP prescribes) and may be
// redistributed under the SIL Open Font License (see LICENSE-OFL.txt).
//
// Embedding the four styles means a fresh machine needs no font installed;
// users who own Times New Roman can point vanban at their own files instead.
package fonts

import _ "embed"

// Style names one of the four faces a document may use.
type Style string

// The four styles, named by their usual one-letter codes.
const (
	Regular    Style = ""
	Bold       Style = "B"
	Italic     Style = "I"
	BoldItalic Style = "BI"
)

// Styles lists every style in a fixed order.
var Styles = []Style{Regular, Bold, Italic, BoldItalic}

var (
	//go:embed LiberationSerif-Regular.ttf
	regular []byte
	//go:embed LiberationSerif-Bold.ttf
	bold []byte
	//go:embed LiberationSerif-Italic.ttf
	italic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	boldItalic []byte
)

// Serif returns the embedded TrueType file of the given style. The slice is
// shared: callers must not modify it.
func Serif(s Style) []byte {
	switch s {
	case Bold:
		return bold
	case Italic:
		return italic
	case BoldItalic:
		return boldItalic
	default:
		return regular
	}
}

// Name is the family name the embedded files carry.
const Name = "Liberation Serif"
