package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
)

// Fingerprint identifies what a catalogue asks for and how it adds up:
// its measures (ids, shapes, keys, where they are collected, norms) and
// how each indicator is computed from them. Labels, notes and sources may
// change without changing it. Two files whose catalogues have the same
// fingerprint can be added up; a form made from one can be read with the
// other.
func (c *Catalogue) Fingerprint() string {
	c.fpOnce.Do(func() {
		h := sha256.New()
		line := func(h hash.Hash, parts ...any) { fmt.Fprintln(h, parts...) }
		line(h, c.ID)
		for i := range c.Measures {
			m := &c.Measures[i]
			line(h, "m", m.ID, m.Shape, m.From, m.Keys(), m.Subset, m.PerMonthAtLeast, m.Absent)
		}
		for i := range c.Indicators {
			ind := &c.Indicators[i]
			ms := make([]string, len(ind.ms))
			for j, m := range ind.ms {
				ms[j] = m.ID
			}
			line(h, "i", ind.ID, ind.Kind, ms, ind.Numerator, ind.Denominator, ind.Scope, ind.Levels)
		}
		c.fp = hex.EncodeToString(h.Sum(nil))[:16]
	})
	return c.fp
}
