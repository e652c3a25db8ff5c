// Package xlsx writes a gender-equality report as an Excel workbook: a
// summary of every indicator, the figures of each sub-unit with the
// unit's totals, the figures of the departments, and notes. It is the
// only package that imports excelize.
//
// Every computed cell is a live formula (totals, ratios, % of plan,
// assessment) that also carries the value vanban computed, so that a
// viewer that does not recalculate shows the same numbers as one that
// does. The notes are printed as of the render, so every sheet is
// protected (without a password) and the cells figures are typed into are
// validated. The workbook prints on A4 landscape, one page wide, with the
// header rows repeated on every page and the page numbers of an appendix
// (Nghị định 30).
package xlsx

import (
	"io"

	"github.com/vanban/vanban/internal/report"
)

// Write writes the report's workbook to w. The same report always gives
// the same bytes.
func Write(r *report.Report, w io.Writer) error {
	return paint(build(r), w, paintOptions{})
}

// WriteUncached writes the workbook with formulas but without their
// values, so that a spreadsheet program has to compute every one; tests
// use it to check vanban's values against LibreOffice's.
func WriteUncached(r *report.Report, w io.Writer) error {
	return paint(build(r), w, paintOptions{noCache: true})
}

// Layout lays out the report's workbook without writing it: the part of
// Write that is vanban's own, at a tenth of its cost. Fuzz tests run it
// on every accepted report.
func Layout(r *report.Report) { build(r) }
