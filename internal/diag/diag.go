// Package diag holds the one error format vanban reports to its users:
//
//	FILE:LINE:COL: field.path: what is wrong (expected …) [gợi ý]
//
// Every stage (YAML decoding, validation, layout, painting) adds
// Diagnostics to a List instead of stopping at the first problem, so a user
// sees all the problems of a file in one run, sorted by position.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity tells an error (the file is not rendered) from a warning (it is).
type Severity int

// Severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalJSON writes the severity as a word.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Pos is a position in a source file; lines and columns count from 1, and
// 0 means unknown.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Diagnostic is one problem found in one input file.
type Diagnostic struct {
	File     string   `json:"file"`
	Pos               // where the problem is
	Field    string   `json:"field,omitempty"`    // dotted path, e.g. sections[2].heading
	Message  string   `json:"message"`            // what is wrong, in plain words
	Expected string   `json:"expected,omitempty"` // what would be right
	Hint     string   `json:"hint,omitempty"`     // short Vietnamese hint for office staff
	Severity Severity `json:"severity"`
}

// String renders the diagnostic in the one-line form. Whatever the input
// held (a key with a line break, a megabyte-long key), the result is one
// line of bounded length, so that one problem is always one line.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(oneLine(d.File, maxFile))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, max(d.Col, 1))
	}
	b.WriteString(": ")
	if d.Field != "" {
		b.WriteString(oneLine(d.Field, maxField))
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(oneLine(d.Message, maxText))
	if d.Expected != "" {
		fmt.Fprintf(&b, " (expected %s)", oneLine(d.Expected, maxText))
	}
	if d.Hint != "" {
		fmt.Fprintf(&b, " [%s]", oneLine(d.Hint, maxText))
	}
	return b.String()
}

// Lengths, in characters, beyond which parts of a line are cut.
const (
	maxFile  = 300
	maxField = 120
	maxText  = 400
)

// oneLine escapes control characters and cuts s to at most n characters.
func oneLine(s string, n int) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if !clean {
		q := strconv.Quote(s)
		s = q[1 : len(q)-1]
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Error makes a Diagnostic usable as an error.
func (d Diagnostic) Error() string { return d.String() }

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Add appends d.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Append appends every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error (not a warning).
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors counts the diagnostics of severity Error.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders the list by file, then position; problems without a position
// come first in their file. The sort is stable so that equal positions keep
// the order the checks ran in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error when it holds errors, nil otherwise.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l)
}

// ListError is a List used as an error value.
type ListError List

func (e ListError) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// WriteText writes one line per diagnostic.
func WriteText(w io.Writer, l List) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes the list as one JSON array (an empty array when there is
// nothing to report), for CI jobs that parse vanban's output.
func WriteJSON(w io.Writer, l List) error {
	if l == nil {
		l = List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}
