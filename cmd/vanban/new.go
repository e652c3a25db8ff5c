package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/viet"
)

func init() {
	register(command{name: "new", rank: 30,
		args: words{"[LOẠI [TỆP]]", "[TYPE [FILE]]"},
		what: words{"tạo tệp mẫu có chú thích cho một loại văn bản (không có LOẠI: liệt kê các loại)",
			"write a commented starting file for a type (no TYPE: list the types)"},
		run: newCmd})
}

func newCmd(e *env, args []string) int {
	f := newFlags(e, "new")
	f.about = words{
		"In ra tệp mẫu có chú thích bằng tiếng Việt cho LOẠI (ví dụ ke-hoach, cong-van, giay-moi, bao-cao-bdg),\nhoặc ghi vào TỆP nếu có (không ghi đè tệp đã có). Không có LOẠI: liệt kê các loại.\nLOẠI viết có dấu cũng được: vanban new \"kế hoạch\".",
		"Print a starting file, commented in Vietnamese, for TYPE (for example ke-hoach, cong-van, giay-moi,\nbao-cao-bdg), or write it into FILE (never over an existing file). Without TYPE, list the types.\nThe type may be written with diacritics: vanban new \"kế hoạch\"."}
	f.more = words{`Ví dụ:
  vanban new                            liệt kê các loại
  vanban new ke-hoach ke-hoach.yaml     tạo tệp ke-hoach.yaml để sửa
  vanban new giay-moi > giay-moi.yaml   như trên, bằng chuyển hướng (cmd)
`, `Examples:
  vanban new                            list the types
  vanban new ke-hoach ke-hoach.yaml     write ke-hoach.yaml, to be edited
  vanban new giay-moi > giay-moi.yaml   the same through a redirection (cmd)
`}
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	starters := app.Starters()
	names := make([]string, 0, len(starters))
	for n := range starters {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(pos) == 0 {
		e.say(e.stdout, words{"Các loại (vanban new LOẠI TỆP.yaml):\n", "Types (vanban new TYPE FILE.yaml):\n"})
		for _, n := range names {
			if d := describe(starters[n]); d != "" {
				fmt.Fprintf(e.stdout, "  %-16s %s\n", n, d)
			} else {
				fmt.Fprintln(e.stdout, "  "+n)
			}
		}
		return exitOK
	}
	if len(pos) > 2 {
		e.say(e.stderr, words{"vanban new: cho một loại và nhiều nhất một tên tệp\n", "vanban new: give one type and at most one file name\n"})
		return exitUsage
	}
	src, ok := starters[pos[0]]
	if !ok {
		// "Quyết định" or "ke hoach" name the type as clearly as its id.
		src, ok = starters[viet.Slug(pos[0])]
	}
	if !ok {
		e.say(e.stderr, words{"vanban new: không có loại %q%s\n", "vanban new: unknown type %q%s\n"}, pos[0], suggestType(e, pos[0], names))
		return exitUsage
	}
	if len(pos) == 1 {
		e.stdout.Write(src)
		return exitOK
	}
	return writeStarter(e, pos[1], src)
}

// writeStarter writes a starting file, never over an existing file: the
// clerk's work of yesterday may have that name.
func writeStarter(e *env, name string, src []byte) int {
	if !app.IsYAML(name) {
		name += ".yaml"
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		e.say(e.stderr, words{"vanban new: đã có tệp %s; chọn tên khác, hoặc xóa tệp cũ nếu không cần nữa\n",
			"vanban new: %s already exists; choose another name, or delete the old file if it is no longer needed\n"}, name)
		return exitInvalid
	}
	if err == nil {
		_, err = f.Write(src)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(name)
		}
	}
	if err != nil {
		vi, en := app.IOReason(err)
		e.say(e.stderr, words{"vanban new: không ghi được %s: %s\n", "vanban new: cannot write %s: %s\n"}, name, words{vi, en}.in(e.lang))
		return exitInvalid
	}
	e.say(e.stdout, words{"Đã tạo %s. Sửa tệp này (Notepad, Notepad++…), rồi chạy: vanban render %s\n",
		"Wrote %s. Edit it, then run: vanban render %s\n"}, name, quoteArg(name))
	return exitOK
}

// quoteArg quotes a file name with spaces for the command line.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}

// describe returns what a starting file's first comment line says it is,
// up to a dash: "# Quyết định (QĐ) — tệp mẫu" → "Quyết định (QĐ)".
func describe(src []byte) string {
	line, rest, _ := strings.Cut(string(src), "\n")
	if strings.HasPrefix(line, "# yaml-language-server:") {
		line, _, _ = strings.Cut(rest, "\n") // the editor's line comes first
	}
	if !strings.HasPrefix(line, "# ") {
		return ""
	}
	d, _, _ := strings.Cut(strings.TrimPrefix(line, "# "), " — ")
	return strings.TrimSpace(d)
}

// suggestType proposes the known type nearest to an unknown one, also when
// it was typed with diacritics or spaces ("kế hoạch" → "ke-hoach"); it
// lists the known types when none is near.
func suggestType(e *env, typ string, names []string) string {
	for _, t := range []string{viet.Slug(typ), typ} {
		if s := decode.Suggest(t, names); s != "" {
			return fmt.Sprintf(words{"; có phải là %q?", "; did you mean %q?"}.in(e.lang), s)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(words{" (các loại: %s)", " (known: %s)"}.in(e.lang), strings.Join(names, ", "))
}
