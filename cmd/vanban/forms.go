package main

import (
	"encoding/json"
	"path/filepath"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
)

func init() {
	register(command{name: "form", rank: 45,
		args: words{"[-o THƯ_MỤC] TỆP_SỐ_LIỆU.yaml", "[-o DIR] PERIOD.yaml"},
		what: words{"tạo biểu mẫu Excel để các đơn vị trực thuộc, phòng, ban ghi số liệu",
			"write a data-entry workbook for each sub-unit and department"},
		run: formCmd})
	register(command{name: "import", rank: 46,
		args: words{"TỆP_SỐ_LIỆU.yaml BIỂU_MẪU.xlsx|THƯ_MỤC...", "PERIOD.yaml FORM.xlsx|DIR..."},
		what: words{"nhập số liệu từ các biểu mẫu đã ghi vào tệp số liệu",
			"read filled forms back into the period file"},
		run: importCmd})
}

// formFlags are the settings of form and import.
type formFlags struct {
	*flagSet
	outDir, format, templates string
	overwrite                 bool
}

func newFormFlags(e *env, name string) *formFlags {
	f := &formFlags{flagSet: newFlags(e, name)}
	if name == "form" {
		f.str(&f.outDir, "o", "", words{"THƯ_MỤC", "DIR"}, words{
			"ghi biểu mẫu vào THƯ_MỤC (mặc định: thư mục <tên tệp>-bieu-mau cạnh tệp số liệu)",
			"write the forms into DIR (default: the folder <file name>-bieu-mau next to the period file)"})
		f.boolean(&f.overwrite, "overwrite", words{
			"ghi đè biểu mẫu đã có (có thể đã được ghi số liệu)", "replace forms already there (they may be filled in)"})
	} else {
		f.boolean(&f.overwrite, "overwrite", words{
			"thay số liệu đã có trong tệp số liệu bằng số liệu khác của biểu mẫu (mỗi số liệu thay được báo lại)",
			"replace figures the period file already holds with other figures from the forms (each one is reported)"})
	}
	f.str(&f.format, "format", "text", words{"text|json", "text|json"}, words{
		"cách báo kết quả: text (cho người đọc, mặc định) hoặc json (cho máy, CI)",
		"how to report: text (for people, the default) or json (for CI)"})
	f.str(&f.templates, "templates", "", words{"THƯ_MỤC", "DIR"}, words{
		"dùng bộ chỉ tiêu trong THƯ_MỤC/catalogues thay cho bộ có sẵn cùng tên",
		"read catalogues from DIR/catalogues instead of the embedded ones of the same name"})
	if name == "form" {
		f.about = words{
			"Tạo biểu mẫu Excel để gửi các đơn vị trực thuộc và phòng, ban, ngành ghi số liệu: mỗi đơn vị một tệp\n" +
				"<mã đơn vị>.xlsx (khổ A4, in ra giấy được), đã ghi sẵn tên đơn vị và kỳ báo cáo, có hướng dẫn, chỉ mở khóa\n" +
				"các ô cần ghi và tự kiểm tra số liệu. Đơn vị trực thuộc lấy số liệu từ tệp riêng (from:) thì không cần biểu mẫu.\n" +
				"Biểu mẫu đã có không bị ghi đè (có thể đơn vị đã ghi số liệu), trừ khi thêm --overwrite.",
			"Write a data-entry workbook for each sub-unit and department of a period file: <id>.xlsx (A4, printable),\n" +
				"with the unit's name and the period filled in, instructions, only the input cells unlocked and validated.\n" +
				"A sub-unit that names its own file (from:) gets none. Existing forms are not replaced unless --overwrite."}
		f.more = words{
			"Ví dụ:\n  vanban form bdg-2025.yaml                       → bdg-2025-bieu-mau/<mã>.xlsx\n  vanban import bdg-2025.yaml bdg-2025-bieu-mau   khi các đơn vị gửi lại\n",
			"Examples:\n  vanban form bdg-2025.yaml                       → bdg-2025-bieu-mau/<id>.xlsx\n  vanban import bdg-2025.yaml bdg-2025-bieu-mau   when the units send them back\n"}
	} else {
		f.about = words{
			"Đọc các biểu mẫu đã ghi số liệu (do vanban form tạo) và ghi số liệu vào tệp số liệu: mỗi đơn vị một khối dưới\n" +
				"data:, kèm dòng ghi chú tên biểu mẫu; các ghi chú và thứ tự khác của tệp được giữ nguyên. Ô nào sai thì báo\n" +
				"đúng ô (TỆP.xlsx:Số liệu!D12) và không ghi gì cả. Biểu mẫu của kỳ, đơn vị hoặc bộ chỉ tiêu khác bị từ chối.\n" +
				"Với một thư mục, mọi tệp .xlsx trong đó được đọc; tệp không phải biểu mẫu và biểu mẫu chưa ghi gì bị bỏ qua.\n" +
				"Số liệu tệp đã có (ví dụ đã sửa tay, hoặc của lần nhập trước) không bao giờ bị thay âm thầm: nếu biểu mẫu ghi khác,\n" +
				"vanban liệt kê từng số liệu (dòng trong tệp, ô trong biểu mẫu) và không ghi gì; thêm --overwrite để lấy số liệu\n" +
				"của biểu mẫu (mỗi số liệu thay được báo: cũ → mới), hoặc sửa biểu mẫu. Nhập lại đúng số liệu đã có thì không đổi gì.",
			"Read filled forms (made by vanban form) into the period file: one block per unit under data:, with a comment\n" +
				"naming its form; the file's other comments and order stay. A bad cell is named (FILE.xlsx:Số liệu!D12) and\n" +
				"then nothing is written. Forms of another period, unit or catalogue are refused. A folder stands for every\n" +
				".xlsx file below it; workbooks that are not forms and blank forms are skipped.\n" +
				"Figures the file already holds (corrected by hand, or from an earlier import) are never replaced silently: when a\n" +
				"form gives others, each is listed (the file's line, the form's cell) and nothing is written; --overwrite takes\n" +
				"the forms' figures (each replacement reported, old → new), or correct the form. The same figures again change nothing."}
		f.more = words{
			"Ví dụ:\n  vanban import bdg-2025.yaml bdg-2025-bieu-mau\n  vanban import --overwrite bdg-2025.yaml bieu-mau-gui-lai/thon-nam.xlsx   đơn vị gửi lại biểu mẫu đã sửa\n",
			"Examples:\n  vanban import bdg-2025.yaml bdg-2025-bieu-mau\n  vanban import --overwrite bdg-2025.yaml resent/thon-nam.xlsx   a unit sent a corrected form\n"}
	}
	return f
}

// check validates the format; it returns false after explaining.
func (f *formFlags) check() bool {
	if f.format != "text" && f.format != "json" {
		f.e.say(f.e.stderr, words{"vanban %s: --format phải là text hoặc json, không phải %q\n",
			"vanban %s: --format must be text or json, not %q\n"}, f.name, f.format)
		return false
	}
	return true
}

// formCmd runs "vanban form".
func formCmd(e *env, args []string) int {
	f := newFormFlags(e, "form")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if !f.check() {
		return exitUsage
	}
	if len(pos) != 1 {
		e.say(e.stderr, words{"vanban form: cần đúng một tệp số liệu (.yaml)\n\n", "vanban form: give one period file (.yaml)\n\n"})
		f.usage(e.stderr)
		return exitUsage
	}
	written, diags := app.WriteForms(pos[0], f.outDir, f.overwrite, app.Options{TemplateDir: f.templates})
	if f.format == "json" {
		formJSON(e, diags, map[string]any{"input": pos[0], "forms": nonNil(written)})
	} else {
		diag.WriteText(e.stderr, diags, e.lang)
		for _, w := range written {
			e.say(e.stdout, words{"%s → %s\n", "%s → %s\n"}, pos[0], w)
		}
		if len(written) > 0 {
			e.say(e.stdout, words{"Đã tạo %d biểu mẫu. Gửi mỗi đơn vị tệp của mình; khi nhận lại: vanban import %s %s\n",
				"%d forms written. Send each unit its own; when they come back: vanban import %s %s\n"},
				len(written), pos[0], filepath.Dir(written[0]))
		}
	}
	if diags.HasErrors() {
		return exitInvalid
	}
	return exitOK
}

// importCmd runs "vanban import".
func importCmd(e *env, args []string) int {
	f := newFormFlags(e, "import")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if !f.check() {
		return exitUsage
	}
	if len(pos) < 2 {
		e.say(e.stderr, words{"vanban import: cần tệp số liệu (.yaml) và ít nhất một biểu mẫu (.xlsx) hoặc thư mục\n\n",
			"vanban import: give the period file (.yaml) and at least one form (.xlsx) or folder\n\n"})
		f.usage(e.stderr)
		return exitUsage
	}
	res, diags := app.Import(pos[0], pos[1:], app.Options{TemplateDir: f.templates, Overwrite: f.overwrite})
	if f.format == "json" {
		formJSON(e, diags, map[string]any{"input": pos[0], "forms": nonNil(res.Forms),
			"units": nonNil(res.Units), "written": res.Period != ""})
	} else {
		diag.WriteText(e.stderr, diags, e.lang)
		switch {
		case res.Period != "":
			e.say(e.stdout, words{"%s: đã nhập số liệu của %d đơn vị từ %d biểu mẫu\n", "%s: figures of %d units imported from %d forms\n"},
				res.Period, len(res.Units), len(res.Forms))
		case diags.HasErrors():
			e.say(e.stderr, words{"vanban import: chưa ghi gì vào %s; sửa các lỗi trên rồi chạy lại\n",
				"vanban import: nothing written to %s; fix the problems above and run again\n"}, pos[0])
		}
	}
	if diags.HasErrors() {
		return exitInvalid
	}
	return exitOK
}

// formJSON writes the machine-readable report of form and import.
func formJSON(e *env, diags diag.List, fields map[string]any) {
	fields["ok"] = !diags.HasErrors()
	fields["lang"] = e.lang.String()
	fields["diagnostics"] = diags.JSON(e.lang)
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(fields)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
