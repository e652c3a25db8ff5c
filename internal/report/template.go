package report

import (
	"fmt"
	"strings"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// A catalogue serves units of every level, so its texts (labels, names,
// notes, sources, titles) may name the levels through placeholders that
// each report fills in:
//
//	{cấp}        the unit's level:            thị xã, xã, tỉnh
//	{cấp dưới}   the level of its sub-units:  xã, phường; thôn, tổ dân phố
//	{các cấp}    the levels an indicator or measure counts: "thị xã, xã,
//	             phường"; "xã" when the sub-units have no such body
//	{cấp ủy}     the unit's Party committee:  Thị ủy, Huyện ủy, Đảng ủy xã
var Placeholders = []string{"{cấp}", "{cấp dưới}", "{các cấp}", "{cấp ủy}"}

// checkTemplate reports a placeholder a text may not hold.
func checkTemplate(d *decode.Decoder, path, text string) {
	rest := text
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			d.Problem(path, diag.Msg{Code: "catalogue.placeholder",
				Vi: "dấu { không có dấu } đóng", En: "a { without its closing }",
				FixVi: "một trong " + strings.Join(Placeholders, ", "), FixEn: "one of " + strings.Join(Placeholders, ", ")})
			return
		}
		ph := rest[i : i+j+1]
		known := false
		for _, p := range Placeholders {
			known = known || p == ph
		}
		if !known {
			m := diag.Msg{Code: "catalogue.placeholder",
				Vi: fmt.Sprintf("không có chỗ điền %s", ph), En: fmt.Sprintf("unknown placeholder %s", ph),
				FixVi: "một trong " + strings.Join(Placeholders, ", "), FixEn: "one of " + strings.Join(Placeholders, ", ")}
			if s := decode.Suggest(ph, Placeholders); s != "" {
				m.Vi += fmt.Sprintf("; có phải ý bạn là %s?", s)
				m.En += fmt.Sprintf("; did you mean %s?", s)
			}
			d.Problem(path, m)
		}
		rest = rest[i+j+1:]
	}
}

// fill replaces the placeholders of s; levels is what {các cấp} says.
func (r *Report) fill(s, levels string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	u := r.P.Unit
	return strings.NewReplacer("{cấp}", u.Level, "{cấp dưới}", u.Sublevel, "{các cấp}", levels,
		"{cấp ủy}", Committee(u.Level)).Replace(s)
}

// Text fills in the placeholders of a catalogue text that belongs to no
// indicator or measure ({các cấp} is then the unit's level and its
// sub-units').
func (r *Report) Text(s string) string { return r.fill(s, r.levels(true, true)) }

// levels names the levels counted: the unit's own, the sub-units', or
// both.
func (r *Report) levels(own, sub bool) string {
	u := r.P.Unit
	switch {
	case own && sub:
		return u.Level + ", " + u.Sublevel
	case own:
		return u.Level
	case sub:
		return u.Sublevel
	}
	return ""
}

// IndText fills in the placeholders of a text of an indicator: {các cấp}
// names the levels whose figures the indicator counts.
func (r *Report) IndText(ind *Indicator, s string) string {
	own, sub := !ind.SubunitsOnly(), true
	for _, m := range ind.ms {
		if m.From != FromAreas {
			own, sub = true, false
			break
		}
		own = own && m.PresentAt(r.Tier)
		sub = sub && m.PresentAt(r.SubTier)
	}
	return r.fill(s, r.levels(own, sub))
}

// Name is the indicator's name for this report.
func (r *Report) Name(ind *Indicator) string { return r.IndText(ind, ind.Name) }

// Label is the measure's label for this report.
func (r *Report) Label(m *Measure) string {
	own := m.From != FromAreas || (m.PresentAt(r.Tier) && !m.SubunitsOnly())
	sub := m.From == FromAreas && m.PresentAt(r.SubTier)
	return r.fill(m.Label, r.levels(own, sub))
}

// PartLabel is the label of one count of a pair, for this report.
func (r *Report) PartLabel(m *Measure, p *Part) string { return r.fill(p.Label, r.levels(true, true)) }

// KeyLabel is Measure.KeyLabel for this report.
func (r *Report) KeyLabel(m *Measure, key string) string { return r.Text(m.KeyLabel(key)) }

// checkTemplates checks the placeholders of every text of a catalogue.
func checkTemplates(d *decode.Decoder, c *Catalogue) {
	checkTemplate(d, "title", c.Title)
	for i, g := range c.Groups {
		checkTemplate(d, decode.Join(decode.Index("groups", i), "title"), g.Title)
	}
	for i, m := range c.Measures {
		path := decode.Index("measures", i)
		checkTemplate(d, decode.Join(path, "label"), m.Label)
		for _, p := range []struct {
			key  string
			part *Part
		}{{"first", m.First}, {"second", m.Second}} {
			if p.part != nil {
				checkTemplate(d, decode.Join(path, p.key+".label"), p.part.Label)
			}
		}
	}
	for i, ind := range c.Indicators {
		path := decode.Index("indicators", i)
		checkTemplate(d, decode.Join(path, "name"), ind.Name)
		checkTemplate(d, decode.Join(path, "note"), ind.Note)
		checkTemplate(d, decode.Join(path, "source"), ind.Source)
		for j, sw := range ind.Sources {
			checkTemplate(d, decode.Join(decode.Index(decode.Join(path, "sources"), j), "text"), sw.Text)
		}
	}
}
