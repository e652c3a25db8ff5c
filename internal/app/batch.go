package app

import (
	"fmt"
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
// directories skipped), in a stable order. Paths that do not exist and
// directories without any YAML file are reported as diagnostics.
func Inputs(paths []string) ([]string, diag.List) {
	var files []string
	var diags diag.List
	seen := map[string]bool{}
	for _, p := range paths {
		found, ds := expand(p)
		diags.Append(ds)
		for _, f := range found {
			key, err := filepath.Abs(f)
			if err != nil {
				key = filepath.Clean(f)
			}
			if !seen[key] {
				seen[key] = true
				files = append(files, f)
			}
		}
	}
	return files, diags
}

// expand lists the input files one command-line path stands for.
func expand(p string) ([]string, diag.List) {
	var diags diag.List
	info, err := os.Stat(p)
	if err != nil {
		diags.Add(diag.Diagnostic{File: p, Msg: unreadable(err)})
		return nil, diags
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var found []string
	filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			diags.Add(diag.Diagnostic{File: path, Msg: unreadable(err)})
		case d.IsDir() && path != p && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && IsYAML(path):
			found = append(found, path)
		}
		return nil
	})
	if len(found) == 0 && !diags.HasErrors() {
		diags.Add(diag.Diagnostic{File: p, Msg: diag.Msg{Code: "input.empty-folder",
			Vi: "thư mục này không có tệp .yaml hoặc .yml nào", En: "this folder holds no .yaml or .yml file"}})
	}
	sort.Strings(found)
	return found, diags
}

func unreadable(err error) diag.Msg {
	return diag.Msg{Code: "input.unreadable", Vi: "không đọc được: " + plainIOError(err), En: "cannot read: " + plainIOError(err)}
}

// IsYAML reports whether a file name has a YAML extension.
func IsYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// RenderAll renders every file (see RenderFile) using all cores. Files
// whose outputs would have the same name, such as a.yaml and a.yml, are
// all refused rather than overwriting each other's output.
func RenderAll(files []string, outDir string, opt Options) []Result {
	clash := clashes(files, outDir)
	return Each(files, func(f string) Result {
		if d, ok := clash[f]; ok {
			return Result{Input: f, Diags: diag.List{d}}
		}
		return RenderFile(f, outDir, opt)
	})
}

// CheckAll checks every file (see Check) using all cores.
func CheckAll(files []string, opt Options) []Result {
	return Each(files, func(f string) Result { return Check(f, opt) })
}

// clashes finds inputs whose outputs would land on the same path. Outputs
// are named after the input without its extension; the output's own
// extension depends on the kind of input, known only after decoding, so
// any two inputs with the same name in the same output folder clash.
func clashes(files []string, outDir string) map[string]diag.Diagnostic {
	groups := map[string][]string{}
	var order []string
	for _, f := range files {
		key := OutputPath(f, outDir, "")
		if abs, err := filepath.Abs(key); err == nil {
			key = abs
		}
		if groups[key] == nil {
			order = append(order, key)
		}
		groups[key] = append(groups[key], f)
	}
	out := map[string]diag.Diagnostic{}
	for _, key := range order {
		g := groups[key]
		if len(g) < 2 {
			continue
		}
		for _, f := range g {
			out[f] = diag.Diagnostic{File: f, Msg: diag.Msg{Code: "output.clash",
				Vi:    fmt.Sprintf("không tạo: %s sẽ cùng ghi ra một tệp tên %s", strings.Join(g, ", "), filepath.Base(key)+".*"),
				En:    fmt.Sprintf("not rendered: %s would all write an output named %s", strings.Join(g, ", "), filepath.Base(key)+".*"),
				FixVi: "đặt cho các tệp đầu vào những tên khác nhau", FixEn: "input files with different names"}}
		}
	}
	return out
}

// Each runs fn on every file using all cores and returns the results in
// the order of files, so output stays deterministic however the work was
// scheduled.
//
// It runs two workers per core: writing an output ends with fsync, which
// waits several milliseconds for the disk without using the CPU, and with
// one worker per core that core would idle meanwhile.
func Each(files []string, fn func(file string) Result) []Result {
	results := make([]Result, len(files))
	workers := min(2*runtime.GOMAXPROCS(0), len(files))
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
