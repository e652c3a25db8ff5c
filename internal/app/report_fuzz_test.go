package app

import (
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/xlsx"
)

// FuzzReportFigures drives the part of the report pipeline that raw YAML
// mutations hardly reach: mutated period files are nearly always refused
// (in a 30-second FuzzReport run, 8 of 5,000 decoded files were accepted).
// Here the input bytes choose a valid period file instead: the catalogue,
// the period, how many sub-units and departments, and every figure —
// missing, zero, ordinary or huge, with town figures and a sub-unit that
// says nothing — plus targets and last year's values. Each file is
// aggregated and laid out; one in eight is written. The file must be
// accepted, every value must be a finite number, every assessment must
// agree with its comparator, no sum may be negative (an overflow), and
// writing must succeed.
func FuzzReportFigures(f *testing.F) {
	for _, s := range []string{"", "\x00\x01\x02\x03", "\x01\x00\x05\x01\xff\x10\x20\x30\x40\x50\x60\x70\x80\x90", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		src := genPeriod(t, &bytesIn{b: b})
		d := decode.New("f.yaml")
		root := d.Parse([]byte(src))
		r := report.Load(d, root, "")
		if r == nil {
			for _, x := range d.Diags {
				if x.Field != "data" && x.Severity == diag.Error { // "holds no figures" is the generator's doing
					t.Fatalf("a valid period file was refused:\n%s\n%s", d.Diags.Err(), src)
				}
			}
			return
		}
		for i := range r.Results {
			checkResult(t, r, &r.Results[i])
		}
		xlsx.Layout(r)
		if fnv32(b)%8 == 0 {
			if err := xlsx.Write(r, io.Discard); err != nil {
				t.Fatalf("an accepted report failed to write: %v\n%s", err, src)
			}
		}
	})
}

func checkResult(t *testing.T, r *report.Report, res *report.Result) {
	if math.IsNaN(res.Value) || math.IsInf(res.Value, 0) || res.Num < 0 || res.Den < 0 || res.Value < 0 {
		t.Fatalf("%s: value %v from %v/%v", res.Ind.ID, res.Value, res.Num, res.Den)
	}
	target, ok := res.Judged()
	switch res.Status {
	case report.Met, report.NotMet:
		if !ok || !res.HasValue || (res.Status == report.Met) != res.Ind.Comparator.Meets(res.Value, target) || res.Cmp != target.With(res.Ind.Comparator) {
			t.Fatalf("%s: %v judged %q against %+v", res.Ind.ID, res.Value, res.Word(), target)
		}
	case report.InProgress:
		if !r.HalfYear() || !res.Ind.Progress() {
			t.Fatalf("%s: in progress in a %s report", res.Ind.ID, r.P.Period.Kind)
		}
	}
}

// bytesIn hands out the fuzzer's bytes, then zeros.
type bytesIn struct {
	b []byte
	i int
}

func (in *bytesIn) next() byte {
	if in.i >= len(in.b) {
		return 0
	}
	in.i++
	return in.b[in.i-1]
}

// count is a figure: mostly small, sometimes zero, large or the largest
// a period file may hold.
func (in *bytesIn) count() int64 {
	switch v := in.next(); {
	case v < 200:
		return int64(v)
	case v < 230:
		return int64(v) * 1000
	case v < 250:
		return int64(v) << 30
	default:
		return report.MaxCount >> (v - 250)
	}
}

// genPeriod writes a valid period file chosen by the bytes.
func genPeriod(t *testing.T, in *bytesIn) string {
	name := report.Embedded[in.next()%2]
	file, csrc, err := report.ResolveCatalogue(name, "f.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := report.LoadCatalogue(file, csrc)
	kind := []string{"half-year", "year"}[in.next()%2]
	var w strings.Builder
	// Levels whose sub-units have every body the catalogues count.
	level := [][2]string{{"thị xã", "xã, phường"}, {"huyện", "xã, thị trấn"}, {"tỉnh", "xã, phường"}, {"tx", "xp"}}[in.next()%4]
	fmt.Fprintf(&w, "schema: bdg-period/v1\ncatalogue: %s\nunit: {issuer: [U, T], name: U, place: P, level: %s, sublevel: %q}\n", name, level[0], level[1])
	fmt.Fprintf(&w, "period: {kind: %s, year: %d}\ndocument: {date: 2020-06-30}\n", kind, 2015+int(in.next()%16))
	subs := 1 + int(in.next()%5)
	w.WriteString("subunits:\n")
	for i := 0; i < subs; i++ {
		fmt.Fprintf(&w, "  - {id: s%d, name: S%d}\n", i, i)
	}
	depts := int(in.next() % 3)
	if depts > 0 {
		w.WriteString("departments:\n")
		for i := 0; i < depts; i++ {
			fmt.Fprintf(&w, "  - {id: d%d, name: D%d}\n", i, i)
		}
	}
	genTargets(&w, in, cat)
	w.WriteString("data:\n")
	ids := []string{report.TownID}
	for i := 0; i < subs; i++ {
		ids = append(ids, fmt.Sprintf("s%d", i))
	}
	for i := 0; i < depts; i++ {
		ids = append(ids, fmt.Sprintf("d%d", i))
	}
	owner := map[string]string{} // department measure → the department reporting it
	for i := range cat.Measures {
		if m := &cat.Measures[i]; m.From == report.FromDepartments && depts > 0 {
			owner[m.ID] = fmt.Sprintf("d%d", int(in.next())%depts)
		}
	}
	for _, id := range ids {
		fmt.Fprintf(&w, "  %s:\n", id)
		for i := range cat.Measures {
			m := &cat.Measures[i]
			dept := strings.HasPrefix(id, "d")
			if dept != (m.From == report.FromDepartments) || (dept && owner[m.ID] != id) {
				continue
			}
			switch c := in.next(); {
			case c < 20: // says nothing: a warning for a sub-unit
			case c < 40:
				fmt.Fprintf(&w, "    %s: ~\n", m.ID)
			default:
				fmt.Fprintf(&w, "    %s: %s\n", m.ID, genFigures(in, m))
			}
		}
	}
	return w.String()
}

func genFigures(in *bytesIn, m *report.Measure) string {
	switch m.Shape {
	case report.ShapeSex:
		a, b := in.count(), in.count()
		switch in.next() % 3 {
		case 0:
			return fmt.Sprintf("{male: %d, female: %d}", a, b)
		case 1:
			return fmt.Sprintf("{total: %d, female: %d}", max(a, b), min(a, b))
		}
		return fmt.Sprintf("{total: %d, male: %d}", max(a, b), min(a, b))
	case report.ShapePair:
		a, b := in.count(), in.count()
		if m.Subset {
			a, b = max(a, b), min(a, b)
		}
		return fmt.Sprintf("{%s: %d, %s: %d}", m.First.Key, a, m.Second.Key, b)
	case report.ShapeCount:
		return fmt.Sprint(in.count())
	case report.ShapePosts:
		var posts []string
		for i := 0; i < 1+int(in.next()%3); i++ {
			posts = append(posts, "P"+fmt.Sprint(i)+": "+[]string{"nam", "nữ"}[in.next()%2])
		}
		return "[" + strings.Join(posts, ", ") + "]"
	}
	return []string{"false", "true"}[in.next()%2]
}

// genTargets gives some indicators a plan or year target (a band for a
// band indicator) and a value for last year.
func genTargets(w *strings.Builder, in *bytesIn, cat *report.Catalogue) {
	var targets, last []string
	for i := range cat.Indicators {
		ind := &cat.Indicators[i]
		c := in.next()
		if !ind.Assessable() || c < 128 {
			continue
		}
		v := float64(in.next())
		t := fmt.Sprint(v)
		if ind.Comparator == report.InBand {
			t = fmt.Sprintf("[%v, %v]", v, v+float64(in.next()))
		}
		key := []string{"plan", "year"}[c%2]
		targets = append(targets, fmt.Sprintf("  %s: {%s: %s}", ind.ID, key, t))
		if c%4 < 2 {
			last = append(last, fmt.Sprintf("  %s: %v", ind.ID, float64(in.next())/3))
		}
	}
	if len(targets) > 0 {
		w.WriteString("targets:\n" + strings.Join(targets, "\n") + "\n")
	}
	if len(last) > 0 {
		w.WriteString("last_year:\n" + strings.Join(last, "\n") + "\n")
	}
}
