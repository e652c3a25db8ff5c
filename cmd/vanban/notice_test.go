package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var updateLicences = flag.Bool("update", false, "rewrite licenses/ from the module cache")

// thirdParty is what ships inside the vanban binary besides vanban's own
// code: every module it links, the Go standard library, and the two works
// kept inside this module under their own licences.
func thirdParty(t *testing.T) map[string][]byte {
	t.Helper()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Dir}}{{end}}{{end}}", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	read := func(paths ...string) []byte {
		var b []byte
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			if len(b) > 0 {
				b = append(b, "\n\n"...)
			}
			b = append(b, data...)
		}
		if b == nil {
			t.Fatalf("no licence text in %v", paths)
		}
		return b
	}
	texts := map[string][]byte{
		"go":               read(filepath.Join(runtime.GOROOT(), "LICENSE")),
		"Liberation Serif": read("../../fonts/LICENSE-OFL.txt"),
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, dir, ok := strings.Cut(line, " ")
		if !ok || texts[path] != nil {
			continue
		}
		var names []string
		for _, n := range []string{"LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING", "NOTICE", "NOTICE.txt"} {
			names = append(names, filepath.Join(dir, n))
		}
		texts[path] = read(names...)
	}
	return texts
}

// licenceFile is where the text of a component's licence lies in licenses/.
func licenceFile(component string) string {
	r := strings.NewReplacer("/", "_", " ", "-")
	return filepath.Join("../../licenses", r.Replace(component)+".txt")
}

// Every licence of what ships inside the binary is in licenses/, word for
// word as its authors wrote it, and NOTICE names each component: a new
// dependency cannot slip in without its licence.
func TestThirdPartyLicences(t *testing.T) {
	texts := thirdParty(t)
	notice, err := os.ReadFile("../../NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for c, text := range texts {
		name := licenceFile(c)
		want = append(want, filepath.Base(name))
		if *updateLicences {
			if err := os.WriteFile(name, text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, text) {
			t.Errorf("%s: not the licence of %s (run go test ./cmd/vanban -run TestThirdPartyLicences -update)", name, c)
		}
		if c != "go" && !bytes.Contains(notice, []byte(c)) {
			t.Errorf("NOTICE does not name %s", c)
		}
		if !bytes.Contains(notice, []byte("licenses/"+filepath.Base(name))) {
			t.Errorf("NOTICE does not point to licenses/%s", filepath.Base(name))
		}
	}
	entries, _ := os.ReadDir("../../licenses")
	for _, e := range entries {
		if !slices.Contains(want, e.Name()) {
			t.Errorf("licenses/%s belongs to nothing the binary holds", e.Name())
		}
	}
}
