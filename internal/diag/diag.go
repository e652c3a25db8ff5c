// Package diag holds the one error format vanban reports to its users, in
// Vietnamese by default and in English on request:
//
//	FILE:LINE:COL: field.path (tên trường): cảnh báo: điều sai (cách sửa: …)
//	FILE:LINE:COL: field.path: warning: what is wrong (expected …) [tên trường]
//
// The FILE:LINE:COL: prefix is the same in every language, so that editors
// and CI jump to it, and every problem carries a stable machine Code that
// does not depend on the language. Every stage (YAML decoding, validation,
// layout, painting) adds Diagnostics to a List instead of stopping at the
// first problem, so a user sees all the problems of a file in one run,
// sorted by position.
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

// Severities. A note tells the clerk of a deliberate correction vanban
// made to what was typed (punctuation the decree's models print
// otherwise): nothing to fix, reported once so that no change goes
// unsaid.
const (
	Error Severity = iota
	Warning
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
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

// Lang is a language vanban speaks to its users.
type Lang int

// Languages: Vietnamese is the default, for the office staff who use
// vanban; English is for developers and CI logs read abroad.
const (
	Vi Lang = iota
	En
)

// String returns the language's code: "vi" or "en".
func (l Lang) String() string {
	if l == En {
		return "en"
	}
	return "vi"
}

// ParseLang reads a --lang value ("vi", "en"); ok is false for others.
func ParseLang(s string) (l Lang, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vi", "vi-vn", "vi_vn", "vie", "tieng-viet", "tiếng-việt":
		return Vi, true
	case "en", "en-us", "en-gb", "en_us", "en_gb", "eng", "english":
		return En, true
	}
	return Vi, false
}

// LangFromEnv returns English when LC_ALL, else LC_MESSAGES, else LANG
// names an English locale ("en_US.UTF-8"), and Vietnamese otherwise: a
// machine set to C or to nothing still gets the users' language.
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return En
			}
			return Vi
		}
	}
	return Vi
}

// Msg is what a diagnostic says, in both languages, with a stable Code
// that machines match on (JSON output, tests, docs/errors.md). Vi and En
// say what is wrong; FixVi and FixEn say what would be right, in the words
// of the person who must fix the file. A text left empty in one language
// falls back to the other.
type Msg struct {
	Code         string
	Vi, En       string
	FixVi, FixEn string
}

// Text returns what is wrong, in l.
func (m Msg) Text(l Lang) string { return pick(l, m.Vi, m.En) }

// Fix returns what would be right, in l.
func (m Msg) Fix(l Lang) string { return pick(l, m.FixVi, m.FixEn) }

func pick(l Lang, vi, en string) string {
	if l == En && en != "" || vi == "" {
		return en
	}
	return vi
}

// Diagnostic is one problem found in one input file.
type Diagnostic struct {
	File     string
	Pos             // where the problem is
	Field    string // dotted path, e.g. sections[2].heading
	Msg             // what is wrong and how to fix it, in both languages
	Hint     string // the field's Vietnamese name, e.g. "trích yếu"
	Severity Severity
}

// String renders the diagnostic in Vietnamese, the default language.
func (d Diagnostic) String() string { return d.Format(Vi) }

// Format renders the diagnostic in the one-line form of language l.
// Whatever the input held (a key with a line break, a megabyte-long key),
// the result is one line of bounded length, so that one problem is always
// one line.
func (d Diagnostic) Format(l Lang) string {
	var b strings.Builder
	b.WriteString(oneLine(d.File, maxFile))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, max(d.Col, 1))
	}
	b.WriteString(": ")
	if d.Field != "" {
		b.WriteString(oneLine(d.Field, maxField))
		if l == Vi && d.Hint != "" {
			fmt.Fprintf(&b, " (%s)", oneLine(d.Hint, maxText))
		}
		b.WriteString(": ")
	}
	switch d.Severity {
	case Warning:
		b.WriteString(pick(l, "cảnh báo: ", "warning: "))
	case Note:
		b.WriteString(pick(l, "ghi chú: ", "note: "))
	}
	b.WriteString(oneLine(d.Text(l), maxText))
	if fix := d.Fix(l); fix != "" {
		fmt.Fprintf(&b, pick(l, " (cách sửa: %s)", " (expected %s)"), oneLine(fix, maxText))
	}
	if l == En && d.Hint != "" || l == Vi && d.Hint != "" && d.Field == "" {
		fmt.Fprintf(&b, " [%s]", oneLine(d.Hint, maxText))
	}
	return b.String()
}

// JSON is the machine-readable form of a diagnostic in one language.
type JSON struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Field    string   `json:"field,omitempty"`
	Code     string   `json:"code,omitempty"`
	Message  string   `json:"message"`
	Expected string   `json:"expected,omitempty"`
	Hint     string   `json:"hint,omitempty"`
	Severity Severity `json:"severity"`
}

// JSON returns the diagnostic for a JSON report in language l.
func (d Diagnostic) JSON(l Lang) JSON {
	return JSON{File: d.File, Line: d.Line, Col: d.Col, Field: d.Field, Code: d.Code,
		Message: d.Text(l), Expected: d.Fix(l), Hint: d.Hint, Severity: d.Severity}
}

// JSON returns the list for a JSON report in language l (an empty, not a
// nil, slice when there is nothing to report).
func (l List) JSON(lang Lang) []JSON {
	out := make([]JSON, 0, len(l))
	for _, d := range l {
		out = append(out, d.JSON(lang))
	}
	return out
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

// HasWarnings reports whether any diagnostic is a warning. Notes do not
// count: a note reports a correction vanban made as the decree's models
// print, so there is nothing to fix and --strict must not fail on it.
func (l List) HasWarnings() bool {
	for _, d := range l {
		if d.Severity == Warning {
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

// WriteText writes one line per diagnostic, in language lang.
func WriteText(w io.Writer, l List, lang Lang) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.Format(lang)); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes the list as one JSON array (an empty array when there is
// nothing to report), for CI jobs that parse vanban's output.
func WriteJSON(w io.Writer, l List, lang Lang) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l.JSON(lang))
}
