package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/diag"
)

// Inputs expands the paths given on the command line: a file stands for
// itself, a directory for every .yaml or .yml file below it (hidden
// directories skipped), in a stable order. Paths that do not exist are
// reported as diagnostics.
func Inputs(paths []string) ([]string, diag.List) {
	var files []string
	var diags diag.List
	seen := map[string]bool{}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			diags.Add(diag.Diagnostic{File: p, Message: "cannot read: " + plainIOError(err)})
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				diags.Add(diag.Diagnostic{File: path, Message: "cannot read: " + plainIOError(err)})
				return nil
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && IsYAML(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			diags.Add(diag.Diagnostic{File: p, Message: "cannot read: " + plainIOError(err)})
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, diags
}

// IsYAML reports whether a file name has a YAML extension.
func IsYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// Each runs fn on every file using all cores and returns the results in
// the order of files, so output stays deterministic however the work was
// scheduled.
func Each(files []string, fn func(file string) Result) []Result {
	results := make([]Result, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = fn(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}
