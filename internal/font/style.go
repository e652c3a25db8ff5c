package font

// Style is one of the four styles of a serif family.
type Style uint8

// The four styles.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// Styles lists all styles in a fixed order.
var Styles = []Style{Regular, Bold, Italic, BoldItalic}

// With returns s with bold and/or italic added.
func (s Style) With(bold, italic bool) Style {
	b, i := s.Bold() || bold, s.Italic() || italic
	switch {
	case b && i:
		return BoldItalic
	case b:
		return Bold
	case i:
		return Italic
	}
	return Regular
}

// Bold reports whether s is bold.
func (s Style) Bold() bool { return s == Bold || s == BoldItalic }

// Italic reports whether s is italic.
func (s Style) Italic() bool { return s == Italic || s == BoldItalic }

func (s Style) String() string {
	return [...]string{"regular", "bold", "italic", "bold italic"}[s]
}
