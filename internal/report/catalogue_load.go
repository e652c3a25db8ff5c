package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/templates"
)

// Embedded lists the catalogues built into vanban.
var Embedded = []string{"bdg-2011-2020", "bdg-2021-2030"}

// ResolveCatalogue finds the catalogue a report names: a path (with a
// slash or a .yaml ending) relative to the report file, or the name of an
// embedded catalogue, which a file of the same name in templateDir's
// catalogues folder overrides. It returns the file name to report
// problems against and the file's contents.
func ResolveCatalogue(name, reportFile, templateDir string) (string, []byte, error) {
	if strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
		p := filepath.FromSlash(name)
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(reportFile), p)
		}
		src, err := os.ReadFile(p)
		return p, src, err
	}
	rel := "catalogues/" + name + ".yaml"
	if templateDir != "" {
		p := filepath.Join(templateDir, filepath.FromSlash(rel))
		if src, err := os.ReadFile(p); err == nil {
			return p, src, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return p, nil, err
		}
	}
	src, err := templates.Read(rel, "")
	return "templates/" + rel, src, err
}

// loaded caches catalogues by file name and contents: the same catalogue
// serves every report of a batch, and a loaded catalogue is never changed.
var loaded sync.Map

type loadedCatalogue struct {
	c     *Catalogue
	diags diag.List
}

// LoadCatalogue decodes and validates a catalogue. Its problems are
// reported against file; the catalogue is nil when it has errors.
func LoadCatalogue(file string, src []byte) (*Catalogue, diag.List) {
	key := file + "\x00" + string(src)
	if v, ok := loaded.Load(key); ok {
		l := v.(loadedCatalogue)
		return l.c, append(diag.List(nil), l.diags...)
	}
	c, diags := loadCatalogue(file, src)
	loaded.Store(key, loadedCatalogue{c, diags})
	return c, append(diag.List(nil), diags...)
}

func loadCatalogue(file string, src []byte) (*Catalogue, diag.List) {
	d := decode.New(file)
	root := d.Parse(src)
	if root == nil {
		return nil, d.Diags
	}
	c := &Catalogue{File: file}
	d.Decode(root, c)
	if d.Diags.HasErrors() {
		return nil, d.Diags
	}
	checkCatalogue(d, c)
	if d.Diags.HasErrors() {
		return nil, d.Diags
	}
	return c, d.Diags
}

func checkCatalogue(d *decode.Decoder, c *Catalogue) {
	if c.Schema != CatalogueSchema {
		d.Error("schema", fmt.Sprintf("this catalogue is %q, which this vanban does not read", c.Schema), CatalogueSchema)
	}
	c.groups = map[string]*Group{}
	for i := range c.Groups {
		g := &c.Groups[i]
		if c.groups[g.ID] != nil {
			d.Error(decode.Join(decode.Index("groups", i), "id"), fmt.Sprintf("the group id %q is used twice", g.ID), "unique ids")
		}
		c.groups[g.ID] = g
	}
	c.measures = map[string]*Measure{}
	for i := range c.Measures {
		m := &c.Measures[i]
		path := decode.Index("measures", i)
		if c.measures[m.ID] != nil {
			d.Error(decode.Join(path, "id"), fmt.Sprintf("the measure id %q is used twice", m.ID), "unique ids")
		}
		c.measures[m.ID] = m
		checkMeasure(d, path, m)
	}
	c.byID = map[string]*Indicator{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		ind.Row = i + 1
		path := decode.Index("indicators", i)
		if c.byID[ind.ID] != nil {
			d.Error(decode.Join(path, "id"), fmt.Sprintf("the indicator id %q is used twice", ind.ID), "unique ids")
		}
		c.byID[ind.ID] = ind
		c.checkIndicator(d, path, ind)
	}
	c.markSubunitMeasures()
}

// markSubunitMeasures marks the measures that only sub-unit indicators use.
func (c *Catalogue) markSubunitMeasures() {
	all := map[*Measure]bool{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		for _, m := range ind.ms {
			if ind.SubunitsOnly() {
				m.subunitsOnly = !all[m]
			} else {
				all[m], m.subunitsOnly = true, false
			}
		}
	}
}

func oneOf(d *decode.Decoder, path, v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	msg := fmt.Sprintf("unknown value %q", v)
	if s := decode.Suggest(v, allowed); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	d.Error(path, msg, "one of: "+strings.Join(allowed, ", "))
	return false
}

func checkMeasure(d *decode.Decoder, path string, m *Measure) {
	if !oneOf(d, decode.Join(path, "shape"), m.Shape, ShapeSex, ShapePair, ShapeCount, ShapePosts, ShapeFlag) ||
		!oneOf(d, decode.Join(path, "from"), m.From, FromAreas, FromDepartments) {
		return
	}
	if m.Shape == ShapePair {
		if m.First == nil || m.Second == nil {
			d.Error(path, "a pair needs its two counts", "first: {key, label} and second: {key, label}")
			return
		}
		if m.First.Key == m.Second.Key {
			d.Error(decode.Join(path, "second.key"), "both counts of the pair have the key "+strconv.Quote(m.First.Key), "two different keys")
		}
	} else if m.First != nil || m.Second != nil {
		d.Error(path, "first and second belong to a pair only", "shape: pair")
	}
	if (m.Shape == ShapePosts || m.Shape == ShapeFlag) && m.From != FromAreas {
		d.Error(decode.Join(path, "from"), "posts and flags are collected per body, from the areas", "from: areas")
	}
	if m.PerMonthAtLeast != 0 && (m.Shape != ShapeCount || m.PerMonthAtLeast < 0) {
		d.Error(decode.Join(path, "per_month_at_least"), "a monthly norm applies to a count only, and must be positive", "shape: count")
	}
	if m.Subset && m.Shape != ShapePair {
		d.Error(decode.Join(path, "subset"), "subset applies to a pair only", "shape: pair")
	}
	if m.Ratio != nil {
		checkKey(d, decode.Join(path, "ratio.numerator"), m, m.Ratio.Numerator)
		checkKey(d, decode.Join(path, "ratio.denominator"), m, m.Ratio.Denominator)
		checkDecimals(d, decode.Join(path, "ratio.decimals"), m.Ratio.Decimals)
	}
}

// checkKey reports a key the measure's figures do not have.
func checkKey(d *decode.Decoder, path string, m *Measure, key string) bool {
	keys := m.Keys()
	for _, k := range keys {
		if k == key {
			return true
		}
	}
	msg := fmt.Sprintf("the measure %q has no count %q", m.ID, key)
	if s := decode.Suggest(key, keys); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	d.Error(path, msg, "one of: "+strings.Join(keys, ", "))
	return false
}

func checkDecimals(d *decode.Decoder, path string, dec *int) {
	if dec != nil && (*dec < 0 || *dec > 4) {
		d.Error(path, fmt.Sprintf("%d decimal places", *dec), "0 to 4")
	}
}

func (c *Catalogue) checkIndicator(d *decode.Decoder, path string, ind *Indicator) {
	if c.groups[ind.Group] == nil {
		d.Error(decode.Join(path, "group"), fmt.Sprintf("no group has the id %q", ind.Group), "the id of one of the groups")
	}
	if !oneOf(d, decode.Join(path, "kind"), ind.Kind, KindShare, KindRatio, KindCount, KindUnitShare, KindBand, KindNotAssessed) {
		return
	}
	checkDecimals(d, decode.Join(path, "decimals"), ind.Decimals)
	if ind.Scale < 0 {
		d.Error(decode.Join(path, "scale"), "a negative scale", "a positive number such as 100")
	}
	if ind.Confidence != "" {
		oneOf(d, decode.Join(path, "confidence"), ind.Confidence, "V", "S", "M", "?")
	}
	for y, why := range ind.Uncertain {
		if !strings.HasPrefix(why, "[M]") && !strings.HasPrefix(why, "[?]") {
			d.Error(decode.Join(path, "uncertain."+y), "an uncertain value must say why, starting with its tag", `"[M] …" (unverified) or "[?] …" (disputed)`)
		}
	}
	if ind.Kind == KindNotAssessed {
		return
	}
	c.checkMeasures(d, path, ind)
	checkScope(d, path, ind)
	checkBase(d, path, ind)
	if ind.Nature != "" {
		oneOf(d, decode.Join(path, "nature"), ind.Nature, Stock, Flow)
	} else {
		d.Error(decode.Join(path, "nature"), "an assessed indicator needs its nature", "stock (measured at a date) or flow (summed over the period)")
	}
	checkComparator(d, path, ind)
}

func (c *Catalogue) checkMeasures(d *decode.Decoder, path string, ind *Indicator) {
	mpath := decode.Join(path, "measure")
	if len(ind.Measure) == 0 {
		d.Error(mpath, "an assessed indicator needs the measure it is computed from", "the id of a measure")
		return
	}
	if len(ind.Measure) > 1 && ind.Kind != KindUnitShare {
		d.Error(mpath, "only a share of units may combine several measures", "one measure id")
		return
	}
	for i, id := range ind.Measure {
		m := c.measures[id]
		if m == nil {
			msg := fmt.Sprintf("no measure has the id %q", id)
			if s := decode.Suggest(id, c.measureIDs()); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			d.Error(decode.Index(mpath, i), msg, "the id of one of the measures")
			return
		}
		ind.ms = append(ind.ms, m)
	}
	m := ind.ms[0]
	switch ind.Kind {
	case KindUnitShare:
		for i, m := range ind.ms {
			if !m.HasFlag() {
				d.Error(decode.Index(mpath, i), fmt.Sprintf("the measure %q gives no yes/no per unit", m.ID), "a measure of shape posts or flag, or a count with per_month_at_least")
			}
		}
		if ind.Numerator != "" || ind.Denominator != "" {
			d.Error(path, "a share of units counts the units that meet the condition; it takes no numerator or denominator", "no numerator and denominator")
		}
	case KindCount:
		if ind.Numerator == "" {
			d.Error(decode.Join(path, "numerator"), "a count needs the key it totals", "one of: "+strings.Join(m.Keys(), ", "))
		} else {
			checkKey(d, decode.Join(path, "numerator"), m, ind.Numerator)
		}
		if ind.Denominator != "" {
			d.Error(decode.Join(path, "denominator"), "a count has no denominator", "no denominator")
		}
	default:
		if ind.Numerator == "" || ind.Denominator == "" {
			d.Error(path, "a share or ratio needs its numerator and denominator", "numerator: KEY and denominator: KEY, keys of "+m.ID)
			return
		}
		checkKey(d, decode.Join(path, "numerator"), m, ind.Numerator)
		checkKey(d, decode.Join(path, "denominator"), m, ind.Denominator)
	}
}

// checkBase checks the smallest base of a share or ratio.
func checkBase(d *decode.Decoder, path string, ind *Indicator) {
	switch {
	case ind.MinBase == 0 && ind.Base == "":
	case ind.Kind == KindCount || ind.Kind == KindUnitShare:
		d.Error(decode.Join(path, "min_base"), "a smallest base applies to a share or ratio of counts", "no min_base for a count or a share of units")
	case ind.MinBase <= 0:
		d.Error(decode.Join(path, "min_base"), "the smallest base must be positive", "a number of cases such as 1000")
	case ind.Base != "" && len(ind.ms) > 0:
		checkKey(d, decode.Join(path, "base"), ind.ms[0], ind.Base)
	}
}

// checkScope checks that a scope is known and applies to area measures.
func checkScope(d *decode.Decoder, path string, ind *Indicator) {
	spath := decode.Join(path, "scope")
	if ind.Scope == "" || !oneOf(d, spath, ind.Scope, ScopeAll, ScopeSubunits) {
		return
	}
	for _, m := range ind.ms {
		if m.From != FromAreas {
			d.Error(spath, fmt.Sprintf("the measure %q is reported by a department, so the indicator has no sub-units to choose", m.ID), "no scope, or a measure with from: areas")
			return
		}
	}
}

// indicatorsOf lists the ids of the indicators computed from m.
func (c *Catalogue) indicatorsOf(m *Measure) []string {
	var ids []string
	for i := range c.Indicators {
		for _, im := range c.Indicators[i].ms {
			if im == m {
				ids = append(ids, c.Indicators[i].ID)
				break
			}
		}
	}
	return ids
}

func (c *Catalogue) measureIDs() []string {
	ids := make([]string, len(c.Measures))
	for i := range c.Measures {
		ids[i] = c.Measures[i].ID
	}
	return ids
}

func checkComparator(d *decode.Decoder, path string, ind *Indicator) {
	cpath := decode.Join(path, "comparator")
	switch {
	case ind.Comparator == "":
		d.Error(cpath, "an assessed indicator needs a comparator", `">=", ">", "<=", "<" or "band"`)
		return
	case ind.Kind == KindBand && ind.Comparator != InBand:
		d.Error(cpath, "a band indicator is judged by its band", "comparator: band")
		return
	case ind.Kind != KindBand && ind.Comparator == InBand:
		d.Error(cpath, "only a band indicator is judged by a band", "kind: band, or a comparator such as \">=\"")
		return
	}
	for y, t := range ind.National {
		tpath := decode.Join(path, "national."+y)
		if n, err := strconv.Atoi(y); err != nil || n < 1900 || n > 2200 {
			d.Error(tpath, fmt.Sprintf("%q is not a year", y), "a milestone year such as 2020")
		}
		if t.Set && t.Band != (ind.Comparator == InBand) {
			d.Error(tpath, "a band target belongs to a band indicator, a number to the others", targetExpect(ind))
		}
	}
}

func targetExpect(ind *Indicator) string {
	if ind.Comparator == InBand {
		return "a band such as [40, 60]"
	}
	return "one number such as 25"
}
