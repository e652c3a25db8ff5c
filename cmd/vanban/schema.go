package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/vanban/vanban/internal/app"
)

func schemaCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: vanban schema [document|report|catalogue]

Print the JSON Schema (draft 2020-12) of an input format (default: document),
for editors that check and complete YAML, such as VS Code with the YAML extension:

  vanban schema document > vanban-document.schema.json

and begin each file with
  # yaml-language-server: $schema=vanban-document.schema.json
`)
	}
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	name := "document"
	switch len(pos) {
	case 0:
	case 1:
		name = pos[0]
	default:
		fmt.Fprintln(stderr, "vanban schema: give one format: "+strings.Join(app.SchemaNames, ", "))
		return exitUsage
	}
	out, err := app.Schema(name)
	if err != nil {
		fmt.Fprintf(stderr, "vanban schema: %v\n", err)
		return exitUsage
	}
	stdout.Write(append(out, '\n'))
	return exitOK
}
