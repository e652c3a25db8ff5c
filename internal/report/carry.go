package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// A sub-unit may name its own period file instead of giving figures:
//
//	subunits:
//	  - {id: nga-thanh, name: Xã Nga Thanh, from: xa/nga-thanh-2025.yaml}
//
// The file is loaded and validated as a report of its own (its problems
// are reported at its own positions), and its totals are carried up as the
// sub-unit's figures: for every measure collected from areas, each key
// summed over the sub-unit's own areas. The keys of a share of units
// ("units" counted, "yes" for the units meeting the rule) add up like any
// other count, so a province's share of HĐND and UBND with a woman leader
// is Σ bodies meeting the rule / Σ bodies over every commune's file.
// Department measures are not carried: a province's departments report
// for the whole province, and the communes' own would count twice.

// Source says where a carried-up sub-unit's figures come from.
type Source struct {
	// File is the file as the period file names it (slashes, relative to
	// the period file's folder); Path is the file as opened, for messages.
	File, Path string
	// Unit is the name the sub-unit's file gives itself.
	Unit string
	// Incomplete lists, by measure id, the sub-unit's own sub-units that
	// did not report the measure although others did: the carried figure
	// leaves them out.
	Incomplete map[string][]string
	// Departments names the sub-unit's departments that gave figures:
	// those are not carried up (the parent's own departments report
	// unit-wide figures; adding the sub-units' would count cases twice).
	Departments []string
	named       string // as written
}

// maxCarryDepth bounds the chain of files naming files (province,
// commune, village and a few more): deeper is a mistake, most likely a
// cycle that file identities could not catch.
const maxCarryDepth = 8

// usedFile is a file a load read through from:, and the sub-unit (of
// the file naming it) it was read for.
type usedFile struct {
	info fs.FileInfo
	name string // "Xã A"
	file string // the file naming it
}

// loadState is what a load passes down to the files it names.
type loadState struct {
	templateDir string
	frame       bool          // no figures needed (forms, import)
	chain       []fs.FileInfo // the files naming this one, outermost first
}

// carried is one sub-unit's file, loaded.
type carried struct {
	index int // in r.Subunits
	pos   int // in the jobs
	child *Report
	src   *Source
	diags diag.List
	used  []usedFile // the file and every file below it
}

// loadCarried loads the files the sub-units name, in parallel at the top
// level, and carries their totals up. Each file's problems keep their own
// file and position.
func (r *Report) loadCarried(d *decode.Decoder, st loadState) {
	var jobs []int
	for i, s := range r.Subunits {
		if s.From != "" && s.ID != "" {
			jobs = append(jobs, i)
		}
	}
	if len(jobs) == 0 {
		return
	}
	if len(st.chain) == 0 {
		if info, err := os.Stat(d.File); err == nil {
			st.chain = []fs.FileInfo{info}
		}
	}
	out := make([]carried, len(jobs))
	workers := 1
	if len(st.chain) <= 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Positions are looked up before the goroutines start: the decoder is
	// not safe for concurrent use.
	at := make([]diag.Pos, len(jobs))
	for k, i := range jobs {
		at[k] = d.At(fromPath(i))
	}
	each(len(jobs), workers, func(k int) {
		out[k] = r.loadOne(d.File, at[k], jobs[k], st)
		out[k].pos = k
	})
	r.Sources = map[string]*Source{}
	var seen []usedFile
	for _, c := range out {
		d.Diags.Append(c.diags)
		if c.src == nil {
			continue
		}
		// One file under two sub-units would count twice: the later one,
		// in the order of the list, is refused.
		if first, ok := firstUse(seen, c.used); ok {
			e := r.Subunits[c.index]
			who := first.name
			if first.file != d.File {
				who += " (" + first.file + ")"
			}
			d.ProblemAt(at[c.pos], fromPath(c.index), diag.Msg{Code: "report.from-twice",
				Vi:    fmt.Sprintf("%s: tệp %s (hoặc một tệp nó lấy số liệu) đã được dùng cho %s; số liệu sẽ bị tính hai lần", e.Name, e.From, who),
				En:    fmt.Sprintf("%s: the file %s (or a file it takes figures from) is already used for %s, so its figures would count twice", e.Name, e.From, who),
				FixVi: "mỗi đơn vị trực thuộc một tệp số liệu riêng", FixEn: "one file per sub-unit"})
			continue
		}
		seen = append(seen, c.used...)
		e := &r.Subunits[c.index]
		// The parent's own problems (wrong period, catalogue) go to the
		// parent's position of "from".
		if !r.agrees(d, c.index, c.child, c.src) {
			continue
		}
		r.Sources[e.ID] = c.src
		r.used = append(r.used, c.used...)
		if c.child != nil {
			r.Figures[e.ID] = r.carry(c.child, c.src)
		}
	}
}

// each runs fn(0..n-1) on up to workers goroutines.
func each(n, workers int, fn func(int)) {
	if workers <= 1 || n <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// loadOne opens and loads the file sub-unit i names. Problems of the
// parent file (the name, a cycle) are reported at fromPath; the child's
// own problems at its positions.
func (r *Report) loadOne(parentFile string, pos diag.Pos, i int, st loadState) carried {
	e := r.Subunits[i]
	c := carried{index: i}
	fail := func(m diag.Msg) carried {
		c.diags = append(c.diags, diag.Diagnostic{File: parentFile, Pos: pos, Field: fromPath(i), Msg: m,
			Hint: "tệp số liệu của đơn vị", Severity: diag.Error})
		return c
	}
	name, ok := cleanFrom(e.From)
	if !ok {
		return fail(escapeMsg(e.From, "", parentDir(parentFile)))
	}
	if len(st.chain) >= maxCarryDepth {
		return fail(diag.Msg{Code: "report.from-too-deep",
			Vi:    fmt.Sprintf("%s: chuỗi tệp số liệu lồng nhau quá %d cấp (có thể các tệp đang trỏ vòng lại nhau)", e.Name, maxCarryDepth),
			En:    fmt.Sprintf("%s: the files naming files go more than %d levels deep (probably a cycle)", e.Name, maxCarryDepth),
			FixVi: "kiểm tra các dòng from: của các tệp", FixEn: "check the from: lines of the files"})
	}
	dir := parentDir(parentFile)
	opened := filepath.Join(dir, filepath.FromSlash(name))
	src, info, err := readUnder(dir, name)
	if err != nil {
		if errors.Is(err, errEscape) {
			return fail(escapeMsg(e.From, "symlink", dir))
		}
		return fail(diag.Msg{Code: "report.from-unreadable",
			Vi:    fmt.Sprintf("%s: không đọc được tệp số liệu %s (%s)", e.Name, name, plainErrVi(err)),
			En:    fmt.Sprintf("%s: cannot read the sub-unit's file %s (%s)", e.Name, name, plainErr(err)),
			FixVi: "ghi đúng tên tệp số liệu của đơn vị (cả chữ hoa, chữ thường) và đường dẫn tính từ thư mục của tệp này, ví dụ xa-nga-thanh/bdg-2025.yaml",
			FixEn: "the path of the sub-unit's period file, relative to this file's folder, e.g. xa-nga-thanh/bdg-2025.yaml"})
	}
	for _, up := range st.chain {
		if os.SameFile(up, info) {
			return fail(diag.Msg{Code: "report.from-cycle",
				Vi:    fmt.Sprintf("%s: tệp %s dẫn vòng trở lại một tệp đang tổng hợp nó, nên số liệu sẽ bị cộng lặp vô tận", e.Name, name),
				En:    fmt.Sprintf("%s: the file %s leads back to a file that is adding it up, a cycle", e.Name, name),
				FixVi: "mỗi tệp chỉ lấy số liệu từ tệp của các đơn vị cấp dưới nó", FixEn: "each file naming only its own sub-units' files"})
		}
	}
	c.used = []usedFile{{info, e.Name, parentFile}}
	cd := decode.New(opened)
	root := cd.Parse(src)
	c.src = &Source{File: name, Path: opened, named: e.From}
	if root != nil {
		cst := st
		cst.chain = append(append([]fs.FileInfo(nil), st.chain...), info)
		cst.frame = false
		if !isPeriodRoot(root) {
			cd.Problem("schema", diag.Msg{Code: "report.from-not-period",
				Vi: "tệp này không phải tệp số liệu báo cáo bình đẳng giới", En: "this file is not a period file of a gender-equality report",
				FixVi: "tệp bắt đầu bằng dòng schema: " + PeriodSchema, FixEn: "a file starting with schema: " + PeriodSchema})
		} else {
			c.child = load(cd, root, cst)
		}
	}
	c.diags = append(c.diags, cd.Diags...)
	if c.child != nil {
		c.src.Unit = c.child.P.Unit.Name
		c.used = append(c.used, c.child.used...)
	}
	return c
}

// firstUse returns the earlier use of one of the files in uses.
func firstUse(seen, uses []usedFile) (usedFile, bool) {
	for _, u := range uses {
		for _, s := range seen {
			if os.SameFile(s.info, u.info) {
				return s, true
			}
		}
	}
	return usedFile{}, false
}

func fromPath(i int) string { return decode.Join(decode.Index("subunits", i), "from") }

func isPeriodRoot(root *yaml.Node) bool {
	n := decode.Lookup(root, "schema")
	return n != nil && strings.HasPrefix(n.Value, SchemaPrefix)
}

func parentDir(file string) string { return filepath.Dir(file) }

// cleanFrom turns the name a period file gives into a slash-separated path
// relative to its folder, or reports that it leaves the folder (an
// absolute path, a drive, "..").
func cleanFrom(name string) (string, bool) {
	s := strings.ReplaceAll(strings.TrimSpace(name), `\`, "/")
	if s == "" || strings.HasPrefix(s, "/") || filepath.IsAbs(s) || (len(s) > 1 && s[1] == ':') {
		return "", false
	}
	s = path.Clean(s)
	if s == ".." || strings.HasPrefix(s, "../") {
		return "", false
	}
	return s, true
}

var errEscape = errors.New("escapes the folder")

// readUnder reads name inside dir without leaving it, through ".." or a
// symbolic link, and returns its contents and identity. The size is
// limited as for any input.
func readUnder(dir, name string) ([]byte, fs.FileInfo, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes") {
			return nil, nil, errEscape
		}
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.IsDir() {
		return nil, nil, errors.New("this is a folder, not a file")
	}
	src, err := io.ReadAll(io.LimitReader(f, int64(decode.DefaultLimits.MaxBytes)+1))
	return src, info, err
}

func escapeMsg(name, how, dir string) diag.Msg {
	folderVi, folderEn := "thư mục chứa tệp báo cáo", "the report file's folder"
	if dir != "" && dir != "." {
		folderVi += " (" + dir + ")"
		folderEn += " (" + dir + ")"
	}
	if how == "symlink" {
		return diag.Msg{Code: "report.from-outside",
			Vi:    fmt.Sprintf("không đọc tệp %q: đường dẫn đi qua một liên kết (symlink) trỏ ra ngoài %s; vanban chỉ đọc tệp số liệu của đơn vị trực thuộc nằm trong thư mục đó", name, folderVi),
			En:    fmt.Sprintf("not reading %q: the path goes through a symbolic link that leads outside %s; vanban reads sub-unit files only inside that folder", name, folderEn),
			FixVi: "chép tệp số liệu vào " + folderVi + " (hoặc một thư mục con) thay cho liên kết",
			FixEn: "a copy of the file inside " + folderEn + " (or a folder below it) instead of the link"}
	}
	return diag.Msg{Code: "report.from-outside",
		Vi:    fmt.Sprintf("không đọc tệp %q: tệp số liệu của đơn vị trực thuộc phải nằm trong %s hoặc một thư mục con (không dùng đường dẫn tuyệt đối hay \"..\")", name, folderVi),
		En:    fmt.Sprintf("not reading %q: a sub-unit's file must be inside %s or a folder below it (no absolute path, no \"..\")", name, folderEn),
		FixVi: "chép tệp vào " + folderVi + " hoặc một thư mục con, rồi ghi đường dẫn tương đối như xa-nga-thanh/bdg-2025.yaml",
		FixEn: "the file inside " + folderEn + " or a folder below it, named by a relative path such as xa-nga-thanh/bdg-2025.yaml"}
}

// agrees checks that a sub-unit's file reports the same period with the
// same catalogue, at the parent's "from" line.
func (r *Report) agrees(d *decode.Decoder, i int, child *Report, src *Source) bool {
	if child == nil {
		return true // its own errors are reported
	}
	e := r.Subunits[i]
	path := decode.Join(decode.Index("subunits", i), "from")
	ok := true
	if cp, pp := child.P.Period, r.P.Period; cp.Kind != pp.Kind || cp.Year != pp.Year {
		d.Problem(path, diag.Msg{Code: "report.from-period",
			Vi:    fmt.Sprintf("%s: tệp %s là số liệu %s, không phải %s như báo cáo này", e.Name, src.named, lowerFirst(periodName(cp)), lowerFirst(periodName(pp))),
			En:    fmt.Sprintf("%s: the file %s reports %s, not %s as this report does", e.Name, src.named, cp.Kind.english(cp.Year), pp.Kind.english(pp.Year)),
			FixVi: "tệp số liệu của đơn vị cho cùng kỳ báo cáo", FixEn: "the sub-unit's file for the same period"})
		ok = false
	}
	if child.Tier != NoTier && r.SubTier != NoTier && child.Tier != r.SubTier {
		d.Problem(path, diag.Msg{Code: "report.from-level",
			Vi: fmt.Sprintf("%s: tệp %s là báo cáo của cấp %s (%s), nhưng các đơn vị trực thuộc của báo cáo này là cấp %s",
				e.Name, src.named, child.Tier, child.P.Unit.Name, r.SubTier),
			En: fmt.Sprintf("%s: the file %s is the report of a %s-level unit (%s), but this report's sub-units are at the %s level",
				e.Name, src.named, child.Tier, child.P.Unit.Name, r.SubTier),
			FixVi: "tệp số liệu của chính đơn vị trực thuộc này", FixEn: "the sub-unit's own period file"})
		ok = false
	}
	if child.Cat.ID != r.Cat.ID || child.Cat.Fingerprint() != r.Cat.Fingerprint() {
		what, whatEn := fmt.Sprintf("%q", child.Cat.ID), fmt.Sprintf("%q", child.Cat.ID)
		if child.Cat.ID == r.Cat.ID {
			what, whatEn = fmt.Sprintf("một bản khác của %q", child.Cat.ID), fmt.Sprintf("another version of %q (%s)", child.Cat.ID, child.Cat.File)
		}
		d.Problem(path, diag.Msg{Code: "report.from-catalogue",
			Vi:    fmt.Sprintf("%s: tệp %s dùng bộ chỉ tiêu %s, khác bộ chỉ tiêu %q của báo cáo này", e.Name, src.named, what, r.Cat.ID),
			En:    fmt.Sprintf("%s: the file %s uses the catalogue %s, not this report's %q", e.Name, src.named, whatEn, r.Cat.ID),
			FixVi: "cùng một bộ chỉ tiêu (dòng catalogue:) ở cả hai tệp", FixEn: "the same catalogue (the catalogue: line) in both files"})
		ok = false
	}
	return ok
}

// periodName is "Năm 2025" or "6 tháng đầu năm 2025".
func periodName(s Span) string {
	if s.Kind == HalfYear {
		return fmt.Sprintf("6 tháng đầu năm %d", s.Year)
	}
	return fmt.Sprintf("Năm %d", s.Year)
}

func (k PeriodKind) english(year int) string {
	if k == HalfYear {
		return fmt.Sprintf("the first half of %d", year)
	}
	return fmt.Sprintf("the year %d", year)
}

func lowerFirst(s string) string { return lower(s) }

// carry sums a sub-unit's figures over its own areas, measure by measure:
// what its total row ("Toàn xã") holds. A measure none of its areas
// reported stays missing, so that the parent lists the sub-unit as not
// reporting it; one that some of its areas left out (its villages, or its
// own bodies) is recorded in src.Incomplete.
func (r *Report) carry(child *Report, src *Source) map[string]Figures {
	out := map[string]Figures{}
	for i := range child.Departments {
		e := &child.Departments[i]
		for _, m := range child.DepartmentMeasures() {
			if child.Get(e.ID, m.ID) != nil {
				src.Departments = append(src.Departments, e.Name)
				break
			}
		}
	}
	for _, m := range child.AreaMeasures() {
		var sum Figures
		var missing []string
		for _, a := range child.Areas() {
			f := child.Get(a.ID, m.ID)
			if f == nil {
				if child.Expects(a, m) {
					missing = append(missing, entityInText(child, a))
				}
				continue
			}
			if sum == nil {
				sum = Figures{}
			}
			for k, v := range f {
				sum[k] += v
			}
		}
		if sum == nil {
			continue
		}
		out[m.ID] = sum
		if len(missing) > 0 {
			if src.Incomplete == nil {
				src.Incomplete = map[string][]string{}
			}
			src.Incomplete[m.ID] = missing
		}
		// A sub-unit's own carried sub-units may be incomplete too.
		for _, a := range child.Subunits {
			if cs := child.Sources[a.ID]; cs != nil && len(cs.Incomplete[m.ID]) > 0 {
				if src.Incomplete == nil {
					src.Incomplete = map[string][]string{}
				}
				src.Incomplete[m.ID] = append(src.Incomplete[m.ID], a.Name+" ("+strings.Join(cs.Incomplete[m.ID], ", ")+")")
			}
		}
	}
	return out
}

// entityInText names an area inside a sentence: a sub-unit by its name,
// the unit's own bodies as "cấp xã".
func entityInText(r *Report, e *Entity) string {
	if e == r.Town {
		return lower(e.Name)
	}
	return e.Name
}

// Carried reports whether some sub-unit's figures come from its own file.
func (r *Report) Carried() bool { return len(r.Sources) > 0 }
