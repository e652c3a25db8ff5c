package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
)

// formFlags are the settings of form and import.
type formFlags struct {
	name      string
	outDir    string
	overwrite bool
	format    string
	langName  string
	templates string
	lang      diag.Lang
	fs        *flag.FlagSet
}

func newFormFlags(name string, stderr io.Writer, usage string) *formFlags {
	f := &formFlags{name: name}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if name == "form" {
		fs.StringVar(&f.outDir, "o", "", "ghi biểu mẫu vào `THƯ_MỤC` (mặc định: thư mục <tên tệp>-bieu-mau cạnh tệp số liệu) / write the forms into DIR")
		fs.BoolVar(&f.overwrite, "overwrite", false, "ghi đè biểu mẫu đã có (có thể đã được ghi số liệu) / replace existing forms")
	}
	fs.StringVar(&f.format, "format", "text", "cách báo lỗi: text (cho người đọc) hoặc json (cho CI) / text or json")
	fs.StringVar(&f.langName, "lang", "", "ngôn ngữ thông báo: vi (mặc định) hoặc en / language of the messages")
	fs.StringVar(&f.templates, "templates", "", "dùng bộ chỉ tiêu trong `THƯ_MỤC`/catalogues thay cho bộ có sẵn / override embedded templates")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	f.fs = fs
	return f
}

// parseFormFlags parses the flags of form and import; it returns the
// positional arguments, or the exit status when the command stops here.
func (f *formFlags) parse(args []string, stderr io.Writer) ([]string, int, bool) {
	pos, err := parse(f.fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, exitOK, false
	}
	if err != nil {
		return nil, exitUsage, false
	}
	switch {
	case f.format != "text" && f.format != "json":
		fmt.Fprintf(stderr, "vanban %s: --format phải là text hoặc json, không phải %q\n", f.name, f.format)
		return nil, exitUsage, false
	case f.langName == "":
		f.lang = diag.LangFromEnv(os.Getenv)
	default:
		l, ok := diag.ParseLang(f.langName)
		if !ok {
			fmt.Fprintf(stderr, "vanban %s: --lang phải là vi hoặc en, không phải %q\n", f.name, f.langName)
			return nil, exitUsage, false
		}
		f.lang = l
	}
	return pos, 0, true
}

const formUsage = `Cách dùng: vanban form [-o THƯ_MỤC] TỆP_SỐ_LIỆU.yaml

Tạo biểu mẫu Excel để gửi các đơn vị trực thuộc và phòng, ban, ngành ghi số liệu:
mỗi đơn vị một tệp <mã đơn vị>.xlsx (khổ A4, in ra giấy được), đã ghi sẵn tên đơn
vị và kỳ báo cáo, có hướng dẫn, chỉ mở khóa các ô cần ghi và tự kiểm tra số liệu.
Đơn vị trực thuộc lấy số liệu từ tệp riêng (from:) thì không cần biểu mẫu.
Khi các đơn vị gửi lại, nhập số liệu bằng: vanban import TỆP_SỐ_LIỆU.yaml THƯ_MỤC

Make one data-entry workbook per sub-unit and department of a period file.

Tùy chọn / flags:
`

const importUsage = `Cách dùng: vanban import TỆP_SỐ_LIỆU.yaml BIỂU_MẪU.xlsx|THƯ_MỤC...

Đọc các biểu mẫu đã ghi số liệu (do vanban form tạo) và ghi số liệu vào tệp số liệu:
mỗi đơn vị một khối dưới data:, kèm dòng ghi chú tên tệp biểu mẫu; các ghi chú và
thứ tự khác trong tệp được giữ nguyên. Ô nào sai thì báo đúng ô (TỆP.xlsx:Số liệu!D12)
và không ghi gì cả. Biểu mẫu của kỳ, đơn vị hoặc bộ chỉ tiêu khác bị từ chối.
Với một thư mục, mọi tệp .xlsx trong đó được đọc; tệp không phải biểu mẫu bị bỏ qua.

Read filled forms back into the period file.

Tùy chọn / flags:
`

// formCmd runs "vanban form".
func formCmd(args []string, stdout, stderr io.Writer) int {
	f := newFormFlags("form", stderr, formUsage)
	pos, code, ok := f.parse(args, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "vanban form: cần đúng một tệp số liệu (.yaml)\n\n")
		f.fs.Usage()
		return exitUsage
	}
	written, diags := app.WriteForms(pos[0], f.outDir, f.overwrite, app.Options{TemplateDir: f.templates})
	if f.format == "json" {
		writeFormJSON(stdout, diags, f.lang, map[string]any{"input": pos[0], "forms": nonNil(written)})
	} else {
		diag.WriteText(stderr, diags, f.lang)
		for _, w := range written {
			fmt.Fprintf(stdout, "%s → %s\n", pos[0], w)
		}
		if len(written) > 0 {
			fmt.Fprintf(stdout, pick(f.lang, "Đã tạo %d biểu mẫu. Gửi mỗi đơn vị tệp của mình; khi nhận lại: vanban import %s %s\n",
				"%d forms written. Send each unit its own; when they come back: vanban import %s %s\n"), len(written), pos[0], dirOf(written[0]))
		}
	}
	if diags.HasErrors() {
		return exitInvalid
	}
	return exitOK
}

// importCmd runs "vanban import".
func importCmd(args []string, stdout, stderr io.Writer) int {
	f := newFormFlags("import", stderr, importUsage)
	pos, code, ok := f.parse(args, stderr)
	if !ok {
		return code
	}
	if len(pos) < 2 {
		fmt.Fprintf(stderr, "vanban import: cần tệp số liệu (.yaml) và ít nhất một biểu mẫu (.xlsx) hoặc thư mục\n\n")
		f.fs.Usage()
		return exitUsage
	}
	res, diags := app.Import(pos[0], pos[1:], app.Options{TemplateDir: f.templates})
	if f.format == "json" {
		writeFormJSON(stdout, diags, f.lang, map[string]any{"input": pos[0], "forms": nonNil(res.Forms),
			"units": nonNil(res.Units), "written": res.Period != ""})
	} else {
		diag.WriteText(stderr, diags, f.lang)
		if res.Period != "" {
			fmt.Fprintf(stdout, pick(f.lang, "%s: đã nhập số liệu của %d đơn vị từ %d biểu mẫu\n", "%s: figures of %d units imported from %d forms\n"),
				res.Period, len(res.Units), len(res.Forms))
		} else if diags.HasErrors() {
			fmt.Fprintf(stderr, pick(f.lang, "vanban import: chưa ghi gì vào %s; sửa các lỗi trên rồi chạy lại\n",
				"vanban import: nothing written to %s; fix the problems above and run again\n"), pos[0])
		}
	}
	if diags.HasErrors() {
		return exitInvalid
	}
	return exitOK
}

func writeFormJSON(w io.Writer, diags diag.List, lang diag.Lang, fields map[string]any) {
	fields["ok"] = !diags.HasErrors()
	fields["lang"] = lang.String()
	fields["diagnostics"] = diags.JSON(lang)
	enc := json.NewEncoder(w)
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

func pick(l diag.Lang, vi, en string) string {
	if l == diag.En {
		return en
	}
	return vi
}

func dirOf(file string) string {
	for i := len(file) - 1; i >= 0; i-- {
		if os.IsPathSeparator(file[i]) {
			return file[:i]
		}
	}
	return "."
}
