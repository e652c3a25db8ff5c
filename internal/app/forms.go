package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/xlsx"
)

// Data-entry forms: "vanban form" writes one workbook per sub-unit and
// department of a period file; "vanban import" reads the filled workbooks
// back into the period file.

// loadFrame reads and loads a period file that may hold no figures yet.
// It returns the decoder (with the file's text) and the report, or nil
// with the problems in diags.
func loadFrame(file string, opt Options) (*decode.Decoder, *yaml.Node, *report.Report, diag.List) {
	src, err := ReadInput(file)
	if err != nil {
		return nil, nil, nil, diag.List{readError(file, err)}
	}
	d := decode.New(file)
	root := d.Parse(src)
	if root == nil {
		return nil, nil, nil, d.Diags
	}
	if !isReport(root) {
		d.ProblemAt(diag.Pos{Line: root.Line, Col: root.Column}, "", diag.Msg{Code: "form.not-period",
			Vi:    "tệp này không phải tệp số liệu báo cáo bình đẳng giới, nên không có biểu mẫu nào để tạo hay nhập",
			En:    "this file is not a period file of a gender-equality report, so it has no forms",
			FixVi: "tệp số liệu bắt đầu bằng dòng schema: " + report.PeriodSchema, FixEn: "a period file starting with schema: " + report.PeriodSchema})
		return nil, nil, nil, d.Diags
	}
	var r *report.Report
	func() {
		defer func() {
			if p := recover(); p != nil {
				r = nil
				d.Diags.Add(internalError(file, p))
			}
		}()
		r = report.LoadFrame(d, root, opt.TemplateDir)
	}()
	d.Diags.Sort()
	if d.Diags.HasErrors() {
		return d, root, nil, d.Diags
	}
	return d, root, r, d.Diags
}

// FormsDir is where "vanban form" writes the forms of a period file by
// default: a folder next to it named after it ("bdg-2025-bieu-mau").
func FormsDir(periodFile string) string {
	base := strings.TrimSuffix(filepath.Base(periodFile), filepath.Ext(periodFile))
	return filepath.Join(filepath.Dir(periodFile), base+"-bieu-mau")
}

// WriteForms writes the data-entry form of every sub-unit (except those
// that name their own file) and department of a period file into outDir
// (FormsDir when empty), one file per entity named after its id. An
// existing file is never replaced unless overwrite is set: it may be a
// form already filled in. It returns the files written.
func WriteForms(periodFile, outDir string, overwrite bool, opt Options) ([]string, diag.List) {
	_, _, r, diags := loadFrame(periodFile, opt)
	if r == nil {
		return nil, diags
	}
	forms := r.Forms()
	for _, e := range r.Unasked() {
		diags.Add(diag.Diagnostic{File: periodFile, Severity: diag.Note, Msg: diag.Msg{Code: "form.nothing-to-ask",
			Vi:    fmt.Sprintf("không tạo biểu mẫu cho %s: bộ chỉ tiêu không giao số liệu nào cho đơn vị này", e.Name),
			En:    fmt.Sprintf("no form for %s: the catalogue gives it no measure to report", e.Name),
			FixVi: "không cần làm gì, trừ khi tên đơn vị viết khác thường lệ (ví dụ CA xã thay cho Công an xã): khi đó sửa tên",
			FixEn: "nothing to do; if it keeps a department measure, name it as the catalogue's reported_by does"}})
	}
	if len(forms) == 0 {
		diags.Add(diag.Diagnostic{File: periodFile, Msg: diag.Msg{Code: "form.none",
			Vi:    "không có đơn vị nào cần gửi biểu mẫu: mọi đơn vị trực thuộc đều lấy số liệu từ tệp riêng (from:) và không có phòng, ban, ngành",
			En:    "no unit to send a form to: every sub-unit names its own file (from:) and there is no department",
			FixVi: "khai báo đơn vị trực thuộc (subunits) hoặc phòng, ban, ngành (departments) cần gửi biểu mẫu",
			FixEn: "sub-units or departments to send forms to"}})
		return nil, diags
	}
	if outDir == "" {
		outDir = FormsDir(periodFile)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		diags.Add(diag.Diagnostic{File: outDir, Msg: unwritable(outDir, err)})
		return nil, diags
	}
	paths := make([]string, len(forms))
	var exist []string
	for i, f := range forms {
		paths[i] = filepath.Join(outDir, f.Entity.ID+".xlsx")
		if _, err := os.Lstat(paths[i]); err == nil {
			exist = append(exist, paths[i])
		}
	}
	if len(exist) > 0 && !overwrite {
		diags.Add(diag.Diagnostic{File: periodFile, Msg: diag.Msg{Code: "form.exists",
			Vi:    fmt.Sprintf("không ghi biểu mẫu nào: đã có %s (có thể là biểu mẫu đơn vị đã ghi số liệu)", strings.Join(exist, ", ")),
			En:    fmt.Sprintf("no form written: %s already exist (they may be filled in)", strings.Join(exist, ", ")),
			FixVi: "chọn thư mục khác bằng -o, hoặc thêm --overwrite nếu chắc chắn muốn ghi đè",
			FixEn: "another folder (-o DIR), or --overwrite when they may be replaced"}})
		return nil, diags
	}
	var written []string
	for i, f := range forms {
		err := writeAtomic(paths[i], func(w io.Writer) error { return xlsx.WriteForm(f, w) })
		if err != nil {
			diags.Append(writeDiags(periodFile, paths[i], err))
			continue
		}
		written = append(written, paths[i])
	}
	if len(written) > 0 {
		syncDir(outDir)
	}
	return written, diags
}

func unwritable(path string, err error) diag.Msg {
	return diag.Msg{Code: "output.unwritable",
		Vi: fmt.Sprintf("không ghi được %s: %s", path, plainIOError(err)),
		En: fmt.Sprintf("cannot write %s: %s", path, plainIOError(err))}
}

// Imported is what "vanban import" did.
type Imported struct {
	Forms  []string // the forms read, in the order given
	Units  []string // the units whose figures were written
	Period string   // the period file, rewritten; "" when nothing was written
}

// maxFormBytes bounds a form read into memory; a real one is under 100 kB.
const maxFormBytes = 20 << 20

// Import reads filled forms (files, or folders searched for .xlsx files)
// and writes their figures into the period file, atomically. Every bad
// cell of every form is reported (FILE.xlsx:Sheet!D12: …) and then nothing
// is written. A form of another unit, period or catalogue is refused.
func Import(periodFile string, inputs []string, opt Options) (Imported, diag.List) {
	var out Imported
	d, root, r, diags := loadFrame(periodFile, opt)
	if r == nil {
		return out, diags
	}
	// The period file's warnings are said again, as they stand after the
	// import, by the check of the result.
	diags = nil
	files, ds := formInputs(inputs)
	diags.Append(ds)
	byEntity := map[string]string{}
	var done []*report.Imported
	for _, in := range files {
		data, err := readLimited(in.path, maxFormBytes)
		if err != nil {
			diags.Add(readError(in.path, err))
			continue
		}
		fl, msg := xlsx.ReadForm(r, in.path, data)
		if msg != nil {
			sev := diag.Error
			if in.found && msg.Code == "form.not-a-form" || msg.Code == "form.nothing-asked" {
				sev = diag.Warning // another workbook in the folder, such as the report itself
				msg.Vi, msg.En = "bỏ qua: "+msg.Vi, "skipped: "+msg.En
			}
			diags.Add(diag.Diagnostic{File: in.path, Msg: *msg, Severity: sev})
			continue
		}
		out.Forms = append(out.Forms, in.path)
		id := fl.Form.Entity.ID
		if first, ok := byEntity[id]; ok {
			diags.Add(diag.Diagnostic{File: in.path, Msg: diag.Msg{Code: "form.twice",
				Vi:    fmt.Sprintf("đây là biểu mẫu thứ hai của %s (biểu mẫu thứ nhất: %s)", fl.Form.Entity.Name, first),
				En:    fmt.Sprintf("a second form of %s (the first: %s)", fl.Form.Entity.Name, first),
				FixVi: "nhập mỗi đơn vị một biểu mẫu", FixEn: "one form per unit"}})
			continue
		}
		byEntity[id] = in.path
		im, ds := fl.Form.Read(fl)
		diags.Append(ds)
		if len(im.Figures) == 0 && !ds.HasErrors() {
			// Most likely the form as it was sent, never filled in.
			diags.Add(diag.Diagnostic{File: in.path, Severity: diag.Warning, Msg: diag.Msg{Code: "form.blank",
				Vi:    fmt.Sprintf("bỏ qua: biểu mẫu của %s chưa có số liệu nào", fl.Form.Entity.Name),
				En:    fmt.Sprintf("skipped: the form of %s holds no figure", fl.Form.Entity.Name),
				FixVi: "nhập lại khi đơn vị gửi biểu mẫu đã ghi số liệu", FixEn: "the form once the unit has filled it in"}})
			continue
		}
		done = append(done, im)
	}
	if diags.HasErrors() || len(done) == 0 {
		if len(done) == 0 && !diags.HasErrors() {
			msg := diag.Msg{Code: "form.nothing",
				Vi: "không có biểu mẫu nào để nhập", En: "no form to import",
				FixVi: "tên các tệp biểu mẫu (.xlsx) hoặc thư mục chứa chúng", FixEn: "form files (.xlsx) or folders holding them"}
			if len(out.Forms) > 0 {
				msg.Vi, msg.En = "chưa biểu mẫu nào có số liệu, nên không ghi gì vào tệp số liệu", "no form holds any figure, so nothing is written"
				msg.FixVi, msg.FixEn = "nhập các biểu mẫu khi đơn vị đã ghi số liệu", "the forms once units have filled them in"
			}
			diags.Add(diag.Diagnostic{File: periodFile, Msg: msg})
		}
		return out, diags
	}
	changes := changedFigures(periodFile, d.Source(), done, opt.Overwrite)
	if changes.HasErrors() {
		return out, changes
	}
	src, ds := insertImported(d, root, r, periodFile, done, opt)
	diags.Append(changes)
	diags.Append(ds)
	if diags.HasErrors() {
		return out, diags
	}
	if err := WriteAtomic(periodFile, src); err != nil {
		diags.Add(diag.Diagnostic{File: periodFile, Msg: unwritable(periodFile, err)})
		return out, diags
	}
	out.Period = periodFile
	for _, im := range done {
		out.Units = append(out.Units, im.Form.Entity.Name)
	}
	return out, diags
}

// insertImported writes the figures into the period file's text and
// checks the result: it must load without new errors and give exactly the
// figures read from the forms.
func insertImported(d *decode.Decoder, root *yaml.Node, r *report.Report, periodFile string, done []*report.Imported, opt Options) ([]byte, diag.List) {
	var order []string
	order = append(order, report.TownID)
	for _, e := range r.Subunits {
		order = append(order, e.ID)
	}
	for _, e := range r.Departments {
		order = append(order, e.ID)
	}
	rank := map[string]int{}
	for i, id := range order {
		rank[id] = i
	}
	sort.SliceStable(done, func(i, j int) bool { return rank[done[i].Form.Entity.ID] < rank[done[j].Form.Entity.ID] })
	var entries []report.Entry
	for _, im := range done {
		en := report.Entry{ID: im.Form.Entity.ID, Source: sourceName(periodFile, im.File), Values: im.Values}
		for _, m := range im.Form.Measures {
			// A department writes only what it keeps: an empty line of its
			// form would claim the measure for it.
			_, had := r.P.Data.Entities[en.ID].Measures[m.ID]
			if im.Unchanged[m.ID] {
				continue // the file holds these figures already: its text stays
			}
			if im.Form.Dept && im.Figures[m.ID] == nil && !had {
				continue
			}
			en.Measures = append(en.Measures, m.ID)
		}
		entries = append(entries, en)
	}
	orig, _ := os.ReadFile(periodFile)
	src := d.Source() // as read: UTF-8, the byte-order mark taken off
	var notes diag.List
	switch {
	case bytes.HasPrefix(orig, []byte("\xEF\xBB\xBF")):
		src = append([]byte("\xEF\xBB\xBF"), src...)
	case bytes.HasPrefix(orig, []byte("\xFF\xFE")) || bytes.HasPrefix(orig, []byte("\xFE\xFF")):
		notes.Add(diag.Diagnostic{File: periodFile, Severity: diag.Warning, Msg: diag.Msg{Code: "form.saved-utf8",
			Vi:    "tệp số liệu được lưu ở dạng UTF-16 (Unicode của Notepad); vanban ghi lại tệp ở dạng UTF-8, nội dung không đổi",
			En:    "the period file was saved as UTF-16 (Notepad's Unicode); vanban writes it back as UTF-8, with the same text",
			FixVi: "không cần sửa gì; Notepad mở được tệp UTF-8", FixEn: "nothing to do; Notepad opens UTF-8 files"}})
	}
	out, err := report.InsertFigures(src, root, entries, order)
	if errors.Is(err, report.ErrFlowFile) {
		return nil, diag.List{{File: periodFile, Msg: diag.Msg{Code: "form.flow-period",
			Vi:    "tệp số liệu được viết gọn trên một dòng ({…}), nên không ghi thêm số liệu vào được",
			En:    "the period file is written on one line ({…}), so figures cannot be written into it",
			FixVi: "viết tệp số liệu mỗi mục một dòng \"tên: giá trị\" như tệp mẫu (vanban new bao-cao-bdg)",
			FixEn: "a period file written as \"key: value\" lines, as the starter (vanban new bao-cao-bdg)"}}}
	}
	if errors.Is(err, report.ErrLineBreaks) {
		return nil, diag.List{{File: periodFile, Msg: diag.Msg{Code: "form.line-breaks",
			Vi:    "tệp số liệu có ký tự xuống dòng lạ (CR đứng riêng, hoặc U+2028, U+2029, U+0085, thường do dán từ trình soạn thảo khác), nên không ghi thêm số liệu vào được",
			En:    "the period file breaks lines with unusual characters (a lone CR, or U+2028, U+2029, U+0085, usually pasted from another editor), so figures cannot be written into it",
			FixVi: "mở tệp bằng Notepad, lưu lại với kiểu xuống dòng Windows (CRLF) hoặc Unix (LF), rồi chạy lại",
			FixEn: "the file saved again with Windows (CRLF) or Unix (LF) line ends"}}}
	}
	if err != nil {
		return nil, diag.List{internalError(periodFile, err)}
	}
	// Check the result as the next render will read it.
	d2 := decode.New(periodFile)
	root2 := d2.Parse(out)
	var r2 *report.Report
	if root2 != nil {
		r2 = report.LoadFrame(d2, root2, opt.TemplateDir)
	}
	d2.Diags.Sort()
	toForms(d2.Diags, done)
	diags := append(notes, d2.Diags...)
	if diags.HasErrors() {
		return nil, diags
	}
	if r2 == nil {
		return nil, diag.List{internalError(periodFile, "the period file does not load after the import")}
	}
	for _, im := range done {
		for mid, want := range im.Figures {
			if got := r2.Get(im.Form.Entity.ID, mid); !reflect.DeepEqual(map[string]int64(got), map[string]int64(want)) {
				return nil, diag.List{internalError(periodFile, fmt.Sprintf("%s.%s reads back as %v, not %v", im.Form.Entity.ID, mid, got, want))}
			}
		}
	}
	return out, diags
}

// changedFigures compares the forms' figures with those the period file
// already holds (its text src). A figure the import would change is an
// error naming both values, unless overwrite is set: then it is a note
// saying what was replaced. The file is never changed silently: a figure
// corrected by hand and a form sent again with other figures look alike.
func changedFigures(periodFile string, src []byte, done []*report.Imported, overwrite bool) diag.List {
	var out diag.List
	for _, im := range done {
		for _, c := range im.Compare(src) {
			who := c.Entity.Name + ", " + im.Form.Label(c.Measure)
			form := im.File
			if c.Cells != "" {
				form += ":" + c.Cells
			}
			x := diag.Diagnostic{File: periodFile, Pos: c.Pos, Field: c.Path}
			if overwrite {
				x.Severity = diag.Note
				x.Msg = diag.Msg{Code: "form.replaced",
					Vi: fmt.Sprintf("%s: đã thay số liệu trong tệp bằng số liệu của biểu mẫu %s: %s → %s", who, form, c.Old[0], c.New[0]),
					En: fmt.Sprintf("%s: the file's figures replaced by those of the form %s: %s → %s", who, form, c.Old[1], c.New[1])}
				if c.Comment != "" {
					x.Msg.FixVi = fmt.Sprintf("ghi chú cạnh số liệu cũ vẫn giữ nguyên (%s): sửa hoặc xóa nếu không còn đúng", c.Comment)
					x.Msg.FixEn = fmt.Sprintf("the comment beside the old figures is kept (%s): edit or delete it if it no longer holds", c.Comment)
				}
				out.Add(x)
				continue
			}
			x.Msg = diag.Msg{Code: "form.would-change",
				Vi: fmt.Sprintf("%s: tệp số liệu đang ghi %s (dòng %d) nhưng biểu mẫu %s ghi %s; vanban không tự thay số liệu đã có", who, c.Old[0], c.Pos.Line, form, c.New[0]),
				En: fmt.Sprintf("%s: the period file holds %s (line %d) but the form %s gives %s; vanban does not replace figures already there on its own", who, c.Old[1], c.Pos.Line, form, c.New[1]),
				FixVi: "nếu số liệu của biểu mẫu đúng (ví dụ đơn vị gửi lại biểu mẫu đã sửa), chạy lại lệnh với --overwrite để thay; " +
					"nếu số liệu trong tệp đúng (ví dụ đã sửa tay sau khi gọi điện cho đơn vị), sửa các ô đó trong biểu mẫu cho khớp với tệp",
				FixEn: "--overwrite when the form's figures are right (a unit sent a corrected form); when the file's are right " +
					"(corrected by hand after a phone call), the form's cells corrected to match the file"}
			if c.Comment != "" {
				x.Msg.Vi += fmt.Sprintf(" (ghi chú cạnh số liệu trong tệp: %s)", c.Comment)
				x.Msg.En += fmt.Sprintf(" (the comment beside the file's figures: %s)", c.Comment)
			}
			out.Add(x)
		}
	}
	return out
}

// toForms moves a problem the check of the imported file finds in figures
// that came from a form to that form's cell: the line of the file as it
// would be after the import means nothing to the clerk (it is not written).
func toForms(diags diag.List, done []*report.Imported) {
	for i := range diags {
		x := &diags[i]
		for _, im := range done {
			prefix := "data." + im.Form.Entity.ID
			if x.Field != prefix && !strings.HasPrefix(x.Field, prefix+".") {
				continue
			}
			mid, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(x.Field, prefix), "."), ".")
			if _, ok := im.Values[mid]; !ok {
				continue // a line the period file had before the import
			}
			x.File, x.Pos = im.File, diag.Pos{}
			if c := im.Cells[mid]; c != "" {
				x.File += ":" + c
			}
		}
	}
}

// sourceName names a form in the comment above its figures: relative to
// the period file's folder when it is inside it, with slashes.
func sourceName(periodFile, form string) string {
	if rel, err := filepath.Rel(filepath.Dir(periodFile), form); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.Base(form)
}

type formInput struct {
	path  string
	found bool // found in a folder, not named
}

// formInputs expands the command line's forms: a file stands for itself, a
// folder for every .xlsx file below it (hidden folders and Excel's "~$"
// lock files left out), in a stable order.
func formInputs(paths []string) ([]formInput, diag.List) {
	var out []formInput
	var diags diag.List
	seen := map[string]bool{}
	add := func(p string, found bool) {
		key, err := filepath.Abs(p)
		if err != nil {
			key = p
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, formInput{p, found})
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			diags.Add(diag.Diagnostic{File: p, Msg: unreadable(err)})
			continue
		}
		if !info.IsDir() {
			add(p, false)
			continue
		}
		var found []string
		filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
			switch {
			case err != nil:
				diags.Add(diag.Diagnostic{File: path, Msg: unreadable(err)})
			case de.IsDir() && path != p && strings.HasPrefix(de.Name(), "."):
				return filepath.SkipDir
			case !de.IsDir() && strings.EqualFold(filepath.Ext(path), ".xlsx") && !strings.HasPrefix(de.Name(), "~$") && !strings.HasPrefix(de.Name(), "."):
				found = append(found, path)
			}
			return nil
		})
		sort.Strings(found)
		if len(found) == 0 {
			diags.Add(diag.Diagnostic{File: p, Msg: diag.Msg{Code: "form.empty-folder",
				Vi: "thư mục này không có tệp .xlsx nào", En: "this folder holds no .xlsx file"}})
		}
		for _, f := range found {
			add(f, true)
		}
	}
	return out, diags
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d MB, too large for a form", limit>>20)
	}
	return data, err
}
