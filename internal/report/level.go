package report

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/diag"
)

// Tier is a level of Vietnamese local government. The names a unit gives
// itself vary (thị xã, quận, thành phố; phường, đặc khu; tổ dân phố, ấp),
// but what a catalogue needs to know is the tier: villages have no HĐND
// or UBND, some targets are assessed by provinces only.
type Tier int

// Tiers, from the top. District existed until 30 June 2025; since 1 July
// 2025 a province's sub-units are its communes.
const (
	NoTier   Tier = iota
	Province      // tỉnh, thành phố trực thuộc trung ương
	District      // huyện, thị xã, quận, thành phố thuộc tỉnh (until 30/6/2025)
	Commune       // xã, phường, thị trấn, đặc khu
	Village       // thôn, tổ dân phố, ấp, bản…
)

// TierIDs are the words a catalogue or a period file uses for the tiers.
var TierIDs = []string{"tỉnh", "huyện", "xã", "thôn"}

// String is the tier's Vietnamese name: tỉnh, huyện, xã, thôn.
func (t Tier) String() string {
	if t >= Province && t <= Village {
		return TierIDs[t-Province]
	}
	return ""
}

// tierWords are the names of administrative units, by tier, in the order
// they are tried (longer names first).
var tierWords = []struct {
	word string
	tier Tier
}{
	{"thành phố trực thuộc trung ương", Province},
	{"thành phố thuộc tỉnh", District},
	{"thành phố thuộc thành phố trực thuộc trung ương", District},
	{"tỉnh", Province},
	{"huyện", District}, {"thị xã", District}, {"quận", District},
	{"thị trấn", Commune}, {"xã", Commune}, {"phường", Commune}, {"đặc khu", Commune},
	{"tổ dân phố", Village}, {"khu phố", Village}, {"thôn", Village}, {"ấp", Village}, {"bản", Village},
	{"làng", Village}, {"xóm", Village}, {"buôn", Village}, {"sóc", Village}, {"khóm", Village},
	{"plei", Village}, {"khu dân cư", Village}, {"tổ", Village}, {"khu", Village},
}

// tierIDWords are the ids of tiers, in Vietnamese with and without marks
// and in English.
var tierIDWords = map[string]Tier{
	"tỉnh": Province, "tinh": Province, "province": Province,
	"huyện": District, "huyen": District, "district": District,
	"xã": Commune, "xa": Commune, "commune": Commune,
	"thôn": Village, "thon": Village, "village": Village,
}

// ParseTier reads a tier id ("xã", "commune") or the name of a level
// ("thị xã", "xã, phường", "thôn, tổ dân phố": the first name counts). A
// bare "thành phố" is ambiguous (a province or, until 2025, a district)
// and gives NoTier.
func ParseTier(s string) Tier {
	s = strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
	if t, ok := tierIDWords[s]; ok {
		return t
	}
	for _, w := range tierWords {
		if rest, ok := strings.CutPrefix(s, w.word); ok && (rest == "" || rest[0] == ' ' || rest[0] == ',' || rest[0] == ';' || rest[0] == '/') {
			return w.tier
		}
	}
	return NoTier
}

// isCity reports a level named "thành phố" without saying of what.
func isCity(level string) bool {
	s := strings.ToLower(strings.TrimSpace(norm.NFC.String(level)))
	return s == "thành phố" || strings.HasPrefix(s, "thành phố,") || strings.HasPrefix(s, "thành phố ")
}

// Tiers is a list of tiers written in a catalogue: [thôn] or [tỉnh, xã].
type Tiers []Tier

// Has reports whether t is in the list.
func (ts Tiers) Has(t Tier) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// Names lists the tiers' names: "tỉnh, xã".
func (ts Tiers) Names() string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.String()
	}
	return strings.Join(names, ", ")
}

// In keeps the tiers that exist in period p: since 1 July 2025 there is
// no district, so a report of the second half of 2025 or later never
// names one; earlier periods keep every tier.
func (ts Tiers) In(p Span) Tiers {
	if !reformed(p) {
		return ts
	}
	var out Tiers
	for _, t := range ts {
		if t != District {
			out = append(out, t)
		}
	}
	return out
}

// Across names the tiers for a catalogue of a stage ("2021-2030") that
// runs past 30 June 2025, saying when a district tier ends: "tỉnh (cấp
// huyện đến 30/6/2025)", "tỉnh, xã"; a stage that ended before lists the
// tiers as they are.
func (ts Tiers) Across(stage string) string {
	end := 0
	if i := strings.LastIndexAny(stage, "-–"); i >= 0 {
		end, _ = strconv.Atoi(strings.TrimSpace(stage[i+1:]))
	}
	if end < 2025 || !ts.Has(District) {
		return ts.Names()
	}
	rest := ts.In(Span{Kind: Year, Year: end})
	if len(rest) == 0 {
		return "huyện (đến 30/6/2025)"
	}
	return rest.Names() + " (cấp huyện đến 30/6/2025)"
}

// DecodeNode implements decode.Unmarshaler: one tier or a list of them.
func (ts *Tiers) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	items := []*yaml.Node{n}
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return
	case n.Kind == yaml.SequenceNode:
		items = n.Content
	}
	for i, item := range items {
		ipath := path
		if n.Kind == yaml.SequenceNode {
			ipath = decode.Index(path, i)
			d.Record(ipath, item)
		}
		t := NoTier
		if item.Kind == yaml.ScalarNode {
			t = tierIDWords[strings.ToLower(strings.TrimSpace(norm.NFC.String(item.Value)))]
		}
		if t == NoTier {
			d.Problem(ipath, diag.Msg{Code: "catalogue.tier",
				Vi: "không rõ cấp " + q(item.Value), En: "unknown level " + q(item.Value),
				FixVi: "ghi một trong các cấp: tỉnh, huyện, xã, thôn", FixEn: "one of: tỉnh, huyện, xã, thôn"})
			continue
		}
		*ts = append(*ts, t)
	}
}

// TierName is the optional tier of a reporting unit, for a level whose
// name does not tell it ("thành phố").
type TierName struct{ Tier }

// DecodeNode implements decode.Unmarshaler.
func (tn *TierName) DecodeNode(d *decode.Decoder, n *yaml.Node, path string) {
	var ts Tiers
	if n.Kind != yaml.ScalarNode {
		d.Problem(path, diag.Msg{Code: "report.tier",
			Vi: "cấp hành chính phải là một từ", En: "the tier is one word",
			FixVi: "ghi một trong các cấp: tỉnh, huyện, xã, thôn", FixEn: "one of: tỉnh, huyện, xã, thôn"})
		return
	}
	ts.DecodeNode(d, n, path)
	if len(ts) == 1 {
		tn.Tier = ts[0]
	}
}

// reformed reports whether a period ends after 30 June 2025, when the
// district level was abolished: a province's sub-units are then communes.
func reformed(p Span) bool {
	return p.Year > 2025 || p.Year == 2025 && p.Kind != HalfYear
}

// below is the tier of the sub-units of a unit of tier t.
func below(t Tier, p Span) Tier {
	switch {
	case t == Province && !reformed(p):
		return District
	case t == Province:
		return Commune
	case t == District:
		return Commune
	case t == Commune:
		return Village
	}
	return NoTier
}

// above is the tier of a unit whose sub-units are of tier t.
func above(t Tier, p Span) Tier {
	switch t {
	case District:
		return Province
	case Commune:
		if reformed(p) {
			return Province
		}
		return District
	case Village:
		return Commune
	}
	return NoTier
}

// resolveTiers works out the tiers of the unit and of its sub-units from
// the names of their levels (or the unit's explicit tier), and reports
// levels it cannot place when the catalogue needs them.
func (r *Report) resolveTiers(d *decode.Decoder) {
	u, p := r.P.Unit, r.P.Period
	own, sub := u.Tier.Tier, ParseTier(u.Sublevel)
	if own == NoTier {
		own = ParseTier(u.Level)
	}
	if own == NoTier && isCity(u.Level) {
		own = above(sub, p)
		if sub == NoTier {
			own = Province
			if !reformed(p) {
				own = District
			}
		}
	}
	switch {
	case own == NoTier && sub != NoTier:
		own = above(sub, p)
	case sub == NoTier && own != NoTier:
		sub = below(own, p)
	}
	r.Tier, r.SubTier = own, sub
	if own != NoTier && sub != NoTier && sub <= own && !d.Reported("unit") {
		d.Problem("unit.sublevel", diag.Msg{Code: "report.sublevel-not-below",
			Vi:    "cấp " + q(u.Sublevel) + " không phải là cấp dưới của " + q(u.Level),
			En:    q(u.Sublevel) + " is not a level below " + q(u.Level),
			FixVi: "ghi cấp của các đơn vị trực thuộc, ví dụ đơn vị là xã thì ghi \"thôn, tổ dân phố\"",
			FixEn: "the level of the sub-units, e.g. \"thôn, tổ dân phố\" for a commune"})
	}
	if (own == NoTier || sub == NoTier) && r.Cat.usesTiers() && u.Level != "" && !d.Reported("unit") {
		d.Warning("unit.level", diag.Msg{Code: "report.tier-unknown",
			Vi:    "không xác định được cấp hành chính của " + q(u.Level) + " và " + q(u.Sublevel) + ", nên mọi số liệu và chỉ tiêu của bộ chỉ tiêu đều được dùng, kể cả những số liệu, chỉ tiêu chỉ áp dụng ở một số cấp",
			En:    "cannot tell the tier of " + q(u.Level) + " and " + q(u.Sublevel) + ", so every measure and indicator of the catalogue is used, even those that apply at some levels only",
			FixVi: "thêm dòng tier: tỉnh, huyện hoặc xã trong unit",
			FixEn: "add tier: tỉnh, huyện or xã under unit"})
	}
}

// q quotes a text for a message: "xã, phường".
func q(s string) string { return strconv.Quote(s) }

// Committee names the Party committee of a unit for a source line: "Thị
// ủy" for a thị xã, "Huyện ủy", "Tỉnh ủy", "Đảng ủy xã".
func Committee(level string) string {
	l := strings.ToLower(strings.TrimSpace(norm.NFC.String(level)))
	if i := strings.IndexAny(l, ",;/"); i >= 0 {
		l = strings.TrimSpace(l[:i])
	}
	switch l {
	case "thị xã":
		return "Thị ủy"
	case "huyện":
		return "Huyện ủy"
	case "quận":
		return "Quận ủy"
	case "thành phố":
		return "Thành ủy"
	case "tỉnh":
		return "Tỉnh ủy"
	}
	switch ParseTier(l) {
	case Commune:
		return "Đảng ủy " + l
	case Village:
		return "Chi bộ " + l
	}
	return "cấp ủy " + l
}
