package app

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/cores"
	"github.com/vanban/vanban/internal/diag"
)

// Inputs expands the paths given on the command line: a file stands for
// itself, a directory for every input file below it (see IsYAML; hidden
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
			Vi: "thư mục này không có tệp .yaml hoặc .yml nào", En: "this folder holds no .yaml or .yml file",
			FixVi: "lưu văn bản thành tệp có đuôi .yaml rồi chạy lại, hoặc chỉ đường dẫn tới đúng thư mục",
			FixEn: "a folder holding files whose names end in .yaml or .yml"}})
	}
	sort.Strings(found)
	return found, diags
}

func unreadable(err error) diag.Msg {
	vi, en := IOReason(err)
	return diag.Msg{Code: "input.unreadable", Vi: "không đọc được: " + vi, En: "cannot read: " + en}
}

// yamlEndings are the endings of the files vanban reads, longest first.
// Windows Notepad saves "kế hoạch.yaml" as "kế hoạch.yaml.txt" unless the
// clerk chooses "All files", and Explorer hides the ".txt": such a file is
// an input too.
var yamlEndings = []string{".yaml.txt", ".yml.txt", ".yaml", ".yml"}

// IsYAML reports whether a file name ends in .yaml or .yml, or in .yaml.txt
// or .yml.txt, in any case.
func IsYAML(name string) bool { return yamlEnding(name) != "" }

// yamlEnding returns the YAML ending of name as it is written there, or ""
// when it has none (a name that is only an ending, such as ".yaml", has
// none).
func yamlEnding(name string) string {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	for _, e := range yamlEndings {
		if strings.HasSuffix(lower, e) && len(base) > len(e) {
			return base[len(base)-len(e):]
		}
	}
	return ""
}

// RenderAll renders every file (see RenderFile) using all cores. Files
// whose outputs would have the same name, such as a.yaml and a.yml, are
// all refused rather than overwriting each other's output.
func RenderAll(files []string, outDir string, opt Options) []Result {
	return RenderAllContext(context.Background(), files, outDir, opt)
}

// RenderAllContext is RenderAll that stops starting new files once ctx is
// done (the user pressed Ctrl-C): the files being rendered then are
// finished, and the others are marked Interrupted.
func RenderAllContext(ctx context.Context, files []string, outDir string, opt Options) []Result {
	clash := clashes(files, outDir)
	c := startCommitter()
	results := EachContext(ctx, files, func(f string) Result {
		if d, ok := clash[f]; ok {
			return Result{Input: f, Diags: diag.List{d}}
		}
		return renderFile(f, outDir, opt, c)
	})
	c.close()
	for i := range results {
		results[i].applyCommit()
	}
	recogniseCatalogues(results, opt)
	return results
}

// CheckAll checks every file (see Check) using all cores.
func CheckAll(files []string, opt Options) []Result {
	return CheckAllContext(context.Background(), files, opt)
}

// CheckAllContext is CheckAll that stops starting new files once ctx is
// done.
func CheckAllContext(ctx context.Context, files []string, opt Options) []Result {
	results := EachContext(ctx, files, func(f string) Result { return Check(f, opt) })
	recogniseCatalogues(results, opt)
	return results
}

// clashes finds inputs whose outputs would land on the same path. Outputs
// are named after the input without its extension; the output's own
// extension depends on the kind of input, known only after decoding, so
// any two inputs with the same name in the same output folder clash.
// Names are compared as Windows and macOS compare them, ignoring case and
// Unicode normalisation: a/KH.yaml and b/kh.yaml rendered into one folder
// would overwrite each other there, and a batch must not work on Linux and
// lose a document on the clerk's machine.
func clashes(files []string, outDir string) map[string]diag.Diagnostic {
	groups := map[string][]string{}
	var order []string
	for _, f := range files {
		key := pathKey(OutputPath(f, outDir, ""))
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
		name := filepath.Base(OutputPath(g[0], outDir, "")) + ".*"
		for _, f := range g {
			out[f] = diag.Diagnostic{File: f, Msg: diag.Msg{Code: "output.clash",
				Vi:    fmt.Sprintf("không tạo: %s sẽ cùng ghi ra một tệp tên %s (tên tệp không phân biệt chữ hoa, chữ thường)", strings.Join(g, ", "), name),
				En:    fmt.Sprintf("not rendered: %s would all write an output named %s (file names ignore case)", strings.Join(g, ", "), name),
				FixVi: "đặt cho các tệp đầu vào những tên khác nhau", FixEn: "input files with different names"}}
		}
	}
	return out
}

// foldName is a path as a case-insensitive file system compares it.
func foldName(p string) string { return strings.ToLower(norm.NFC.String(p)) }

// Each runs fn on every file using all cores and returns the results in
// the order of files, so output stays deterministic however the work was
// scheduled.
//
// It runs two workers per core: writing an output ends with fsync, which
// waits several milliseconds for the disk without using the CPU, and with
// one worker per core that core would idle meanwhile.
func Each(files []string, fn func(file string) Result) []Result {
	return EachContext(context.Background(), files, fn)
}

// EachContext is Each that starts no new file once ctx is done: the files
// already started are finished, the others get a Result marked
// Interrupted.
func EachContext(ctx context.Context, files []string, fn func(file string) Result) []Result {
	results := make([]Result, len(files))
	if len(files) == 1 {
		// One file is done on this goroutine, as a worker would do it. In
		// the command this is the main goroutine, whose stack the
		// packages' initialisation grew already: a new goroutine's stack
		// grew twice for the document, each time copied to fresh memory.
		results[0] = Result{Input: files[0], Interrupted: true}
		if ctx.Err() == nil {
			results[0] = fn(files[0])
		}
		return results
	}
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
	// While files wait for a worker, every core is busy with one: the
	// batch holds the spare cores' tokens (internal/cores), so that no
	// document starts a helper that would only compete with the other
	// workers. Once every file is handed out, the last documents may use
	// the cores the others leave; a batch with no file waiting (one file)
	// holds none.
	held := 0
	for len(files) > workers && cores.TryTake() {
		held++
	}
	stopped := len(files)
dispatch:
	for i := range files {
		if ctx.Err() != nil {
			stopped = i
			break
		}
		select {
		case next <- i:
		case <-ctx.Done():
			stopped = i
			break dispatch
		}
	}
	for range held {
		cores.Give()
	}
	close(next)
	wg.Wait()
	for i := stopped; i < len(files); i++ {
		results[i] = Result{Input: files[i], Interrupted: true}
	}
	return results
}
