package main

import (
	"strings"

	"github.com/vanban/vanban/internal/app"
)

func init() {
	register(command{name: "schema", rank: 50,
		args: words{"[document|report|catalogue]", "[document|report|catalogue]"},
		what: words{"in JSON Schema của tệp văn bản, báo cáo hoặc bộ chỉ tiêu, cho trình soạn thảo",
			"print the JSON Schema of document, report or catalogue files, for editors"},
		run: schemaCmd})
}

func schemaCmd(e *env, args []string) int {
	f := newFlags(e, "schema")
	f.about = words{
		"In JSON Schema (bản 2020-12) của một dạng tệp (mặc định: document), để trình soạn thảo như VS Code\n(với tiện ích YAML) gợi ý tên khóa, giải thích bằng tiếng Việt và đánh dấu lỗi ngay khi gõ.",
		"Print the JSON Schema (draft 2020-12) of an input format (default: document), so that editors such as\nVS Code (with the YAML extension) complete keys, explain them in Vietnamese and mark mistakes as you type."}
	f.more = words{`Ví dụ:
  vanban schema document > vanban-document.schema.json
rồi để dòng đầu tiên của tệp .yaml là
  # yaml-language-server: $schema=vanban-document.schema.json
`, `Example:
  vanban schema document > vanban-document.schema.json
then begin the .yaml file with
  # yaml-language-server: $schema=vanban-document.schema.json
`}
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	name := "document"
	switch len(pos) {
	case 0:
	case 1:
		name = pos[0]
	default:
		e.say(e.stderr, words{"vanban schema: cho một dạng tệp: %s\n", "vanban schema: give one format: %s\n"}, strings.Join(app.SchemaNames, ", "))
		return exitUsage
	}
	out, err := app.Schema(name)
	if err != nil {
		e.say(e.stderr, words{"vanban schema: không có dạng tệp %q (có: %s)\n", "vanban schema: unknown format %q (known: %s)\n"}, name, strings.Join(app.SchemaNames, ", "))
		_ = err
		return exitUsage
	}
	e.stdout.Write(append(out, '\n'))
	return exitOK
}
