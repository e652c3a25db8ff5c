package app

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/diag"
)

// Every kind of bad input has a fixture in testdata/errors: a txtar file
// whose comment names the case and the kinds to run it with, whose first
// file is the input, whose "want" file holds the exact diagnostics in
// Vietnamese (the default language) and whose "want.en" file holds them in
// English. go test -run TestErrorFixtures -update rewrites both and
// docs/errors.md from what vanban reports.

var update = flag.Bool("update", false, "rewrite the expected diagnostics of the error fixtures, docs/errors.md and the visual references")

const (
	fixtureDir = "testdata/errors"
	errorsDoc  = "../../docs/errors.md"
)

// fixture is one parsed error-case file.
type fixture struct {
	path   string
	title  string // "case:" line of the comment
	kinds  string // "test": the stand-in kinds; "registered": the real pipelines
	input  string // file name the diagnostics use
	src    []byte
	want   string // in Vietnamese
	wantEn string // in English
	raw    archive
}

func TestErrorFixtures(t *testing.T) {
	fixtures := loadFixtures(t)
	for i, fx := range fixtures {
		t.Run(strings.TrimSuffix(filepath.Base(fx.path), ".txtar"), func(t *testing.T) {
			diags := runFixture(t, fx)
			got, gotEn := text(diags, diag.Vi), text(diags, diag.En)
			checkLines(t, fx.input, got)
			checkLines(t, fx.input, gotEn)
			if *update {
				fixtures[i].want, fixtures[i].wantEn = got, gotEn
				fx.raw.set("want", []byte(got))
				fx.raw.set("want.en", []byte(gotEn))
				if err := os.WriteFile(fx.path, fx.raw.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != fx.want {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got, fx.want)
			}
			if gotEn != fx.wantEn {
				t.Errorf("English diagnostics differ\n--- got\n%s--- want.en\n%s", gotEn, fx.wantEn)
			}
		})
	}
	t.Run("docs", func(t *testing.T) { checkDoc(t, fixtures) })
}

// runFixture decodes the fixture's input and returns its diagnostics.
func runFixture(t *testing.T, fx fixture) diag.List {
	switch fx.kinds {
	case "test":
		withKinds(t, testKinds()...)
	case "registered":
		if len(kinds) == 0 {
			t.Skip("no pipeline registered yet")
		}
	default:
		t.Fatalf("%s: kinds must be test or registered, not %q", fx.path, fx.kinds)
	}
	_, w, diags := Prepare(fx.input, fx.src, Options{})
	if w != nil && diags.HasErrors() {
		t.Error("a writer was returned although there are errors")
	}
	if w == nil && !diags.HasErrors() {
		t.Error("no writer and no error")
	}
	return diags
}

// text is the report a user reads in language l.
func text(diags diag.List, l diag.Lang) string {
	var b bytes.Buffer
	diag.WriteText(&b, diags, l)
	return b.String()
}

// lineRe is the one error format: FILE:LINE:COL: [field: ]message.
var lineRe = regexp.MustCompile(`^(\S[^:]*):(\d+):(\d+): \S.*$`)

// checkLines asserts that every problem is one line in the one format, for
// the fixture's file, and that lines are sorted by position.
func checkLines(t *testing.T, file, got string) {
	prev := [2]int{}
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		m := lineRe.FindStringSubmatch(line)
		if m == nil || m[1] != file {
			t.Errorf("not in the FILE:LINE:COL: form for %s: %q", file, line)
			continue
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		if l < prev[0] || l == prev[0] && c < prev[1] {
			t.Errorf("not sorted by position: %q", line)
		}
		prev = [2]int{l, c}
	}
}

func loadFixtures(t *testing.T) []fixture {
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixtureDir, err)
	}
	sort.Strings(paths)
	var fxs []fixture
	for _, p := range paths {
		fx, err := readFixture(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		fxs = append(fxs, fx)
	}
	return fxs
}

func readFixture(path string) (fixture, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return fixture{}, err
	}
	a := parseArchive(data)
	fx := fixture{path: path, raw: a}
	for _, line := range strings.Split(string(a.comment), "\n") {
		key, value, _ := strings.Cut(line, ":")
		switch strings.TrimSpace(key) {
		case "case":
			fx.title = strings.TrimSpace(value)
		case "kinds":
			fx.kinds = strings.TrimSpace(value)
		}
	}
	if fx.title == "" || len(a.files) < 2 || a.files[1].name != "want" {
		return fx, fmt.Errorf("needs a \"case:\" line, an input file, then a \"want\" file (and a \"want.en\" file)")
	}
	fx.input, fx.src, err = inputFile(a.files[0])
	for _, f := range a.files[1:] {
		switch f.name {
		case "want":
			fx.want = string(f.data)
		case "want.en":
			fx.wantEn = string(f.data)
		default:
			return fx, fmt.Errorf("unexpected file %q after the input", f.name)
		}
	}
	return fx, err
}

// inputFile decodes the input of a fixture. Inputs that txtar cannot hold
// as they are come encoded: NAME.q holds a Go string literal (for binary
// or invalid bytes), NAME.gen holds `repeat COUNT "literal"` (for huge
// files).
func inputFile(f archiveFile) (string, []byte, error) {
	text := strings.TrimSpace(string(f.data))
	switch {
	case strings.HasSuffix(f.name, ".q"):
		s, err := strconv.Unquote(text)
		return strings.TrimSuffix(f.name, ".q"), []byte(s), err
	case strings.HasSuffix(f.name, ".gen"):
		var n int
		var lit string
		if _, err := fmt.Sscanf(text, "repeat %d %q", &n, &lit); err != nil {
			return "", nil, fmt.Errorf("%s: %v", f.name, err)
		}
		return strings.TrimSuffix(f.name, ".gen"), bytes.Repeat([]byte(lit), n), nil
	}
	return f.name, f.data, nil
}
