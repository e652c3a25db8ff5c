package fpdf

import (
	"hash/fnv"
	"slices"
)

// subsetTag returns the six upper-case letters that begin the name of an
// embedded font subset (vanban patch 4, PATCHES.md). ISO 32000-1 §9.6.4
// requires the tag so that readers know the font is incomplete and never
// substitute it for the whole font or merge two subsets of it. It is derived
// from the font and the characters in the subset, so the same document gives
// the same tag and different subsets of one font get different tags.
func subsetTag(name string, usedRunes map[int]int) string {
	runes := make([]int, 0, len(usedRunes))
	for r := range usedRunes {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	h := fnv.New64a()
	h.Write([]byte(name))
	var b [4]byte
	for _, r := range runes {
		b[0], b[1], b[2], b[3] = byte(r>>24), byte(r>>16), byte(r>>8), byte(r)
		h.Write(b[:])
	}
	sum := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag)
}
