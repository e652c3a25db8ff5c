package viet

import (
	"maps"
	"slices"
	"strings"
)

// Names is a table of short proper names that a line should keep whole
// when that costs little (BreakName): the bodies and places every
// document names, and the places of a document's own header, which its
// text repeats ("thị xã Bỉm Sơn", "xã Hà Lan"). A reader stumbles on "Bỉm
// / Sơn" as on "Hội Liên hiệp / Phụ nữ".
type Names struct {
	byFirst map[string][][]string // each name as syllables, by its first syllable
	// firsts has the bit firstBit of every key of byFirst: most
	// syllables of a text start no name, and a bit tells it for less
	// than a map does.
	firsts [4]uint64
}

// firstBit is where a syllable that may start a name has its bit in
// Names.firsts: a mix of its length and its first and last bytes.
func firstBit(s string) uint8 {
	if s == "" {
		return 0
	}
	return uint8(len(s)*37 + int(s[0])*5 + int(s[len(s)-1]))
}

// mayStart reports whether a name may start with syllable s.
func (n *Names) mayStart(s string) bool {
	b := firstBit(s)
	return n.firsts[b>>6]&(1<<(b&63)) != 0
}

// maxNameSyllables is the length of the longest place name taken from a
// header: longer runs are not one name.
const maxNameSyllables = 5

// sharedNames are names found in most documents of local government.
var sharedNames = []string{
	"ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "hội liên hiệp phụ nữ", "mặt trận tổ quốc",
	"đoàn thanh niên", "hội nông dân", "hội cựu chiến binh", "liên đoàn lao động", "ban thường vụ",
	"ban chấp hành", "bộ chính trị", "ban bí thư", "quốc hội", "thủ tướng chính phủ", "chính phủ",
	"việt nam", "hà nội", "hồ chí minh", "thị xã", "thị trấn", "thành phố",
	"ban vì sự tiến bộ của phụ nữ", "vì sự tiến bộ của phụ nữ", "tháng hành động",
	// the bodies a central office writes to ("Kính gửi: - Các bộ, cơ
	// quan ngang bộ, cơ quan thuộc Chính phủ; - Ủy ban nhân dân các
	// tỉnh, thành phố trực thuộc trung ương")
	"cơ quan ngang bộ", "cơ quan thuộc chính phủ", "trực thuộc trung ương",
}

// commonNames are the names every document shares, split once per
// process; NewNames copies their table.
var commonNames = func() *Names {
	n := &Names{byFirst: map[string][][]string{}}
	for _, s := range sharedNames {
		n.add(strings.Fields(s))
	}
	return n
}()

// NewNames returns the names every document shares, with the place names
// found in texts: the issuer, the parent body, the place of the header.
// A place is what follows an administrative unit ("THỊ XÃ BỈM SƠN" →
// Bỉm Sơn, "UBND TỈNH THANH HÓA" → Thanh Hóa), or a whole short text
// without one ("Bỉm Sơn").
func NewNames(texts ...string) *Names {
	n := &Names{byFirst: maps.Clone(commonNames.byFirst), firsts: commonNames.firsts}
	for _, t := range texts {
		for _, place := range places(strings.Fields(strings.ToLower(t))) {
			n.add(place)
		}
	}
	return n
}

func (n *Names) add(syl []string) {
	if len(syl) < 2 {
		return
	}
	have := n.byFirst[syl[0]]
	for _, h := range have {
		if slices.Equal(h, syl) {
			return
		}
	}
	// A new array: have may be the shared names' (see NewNames).
	n.byFirst[syl[0]] = append(have[:len(have):len(have)], syl)
	b := firstBit(syl[0])
	n.firsts[b>>6] |= 1 << (b & 63)
}

// places returns the place names in the words of a text in lower case.
func places(ws []string) [][]string {
	var out [][]string
	found := false
	for i := 0; i < len(ws); i++ {
		k := adminUnit(ws[i:])
		if k == 0 {
			continue
		}
		found = true
		j := i + k
		for j < len(ws) && j-(i+k) < maxNameSyllables && !phraseStart[ws[j]] {
			j++
			if bare(ws[j-1]) != ws[j-1] {
				break // the name ends at a comma
			}
		}
		out = append(out, bareAll(ws[i+k:j]))
		i = j - 1
	}
	if !found && len(ws) <= maxNameSyllables {
		out = append(out, bareAll(ws))
	}
	return out
}

func bareAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = bare(w)
	}
	return out
}

// mark rates BreakName every break inside a name that the ratings put
// lower: out[i] is the break before word i, syl the syllables of the
// words.
func (n *Names) mark(syl [][]syllable, out []Break) {
	for i, w := range syl {
		for k, s := range w {
			if !n.mayStart(s.bare) {
				continue
			}
			for _, name := range n.byFirst[s.bare] {
				if end, ok := matchAt(syl, i, k, name); ok {
					// Every word that starts inside the name, after
					// its first syllable, follows a break inside it.
					for j := i + 1; j < end; j++ {
						out[j] = max(out[j], BreakName)
					}
				}
			}
		}
	}
}

// matchAt reports whether the syllables from syllable k of word i on
// spell name, with no punctuation inside it, and returns the index of the
// word after the one its last syllable is in.
func matchAt(syl [][]syllable, i, k int, name []string) (int, bool) {
	for m, want := range name {
		for i < len(syl) && k >= len(syl[i]) {
			i, k = i+1, 0
		}
		if i == len(syl) {
			return 0, false
		}
		s := syl[i][k]
		if s.bare != want || m < len(name)-1 && s.bare != s.raw {
			return 0, false
		}
		k++
	}
	return i + 1, true
}
