package decode

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Hostile inputs must be refused (or, at the limit, accepted) in bounded
// time and memory. The bounds asserted here are several times what was
// measured (see the benchmarks below), so that a noisy machine does not
// fail them, but a regression to unbounded work does.

// billionLaughs nests ten aliases nine levels deep: 10^9 values when
// expanded, from 400 bytes.
func billionLaughs() []byte {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		prev := "*a" + string(rune('0'+i-1))
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 9) + prev + "]\n")
	}
	b.WriteString("title: *a9\n")
	return []byte(b.String())
}

// hostile lists inputs at or beyond the limits and whether they must be
// refused.
var hostile = []struct {
	name    string
	src     func() []byte
	refused bool
}{
	{"alias bomb", billionLaughs, true},
	{"huge file 32 MiB", func() []byte { return bytes.Repeat([]byte("- Tăng cường phối hợp\n"), 32<<20/26) }, true},
	{"too many values", func() []byte { return bytes.Repeat([]byte("- a\n"), DefaultLimits.MaxNodes) }, true},
	{"flow values at the limit", func() []byte {
		return []byte("v: [" + strings.Repeat("1,", DefaultLimits.MaxNodes/2-2) + "1]\n")
	}, false},
	{"block values at the limit", func() []byte { return bytes.Repeat([]byte("- a\n"), DefaultLimits.MaxNodes/2-2) }, false},
	{"longest text", func() []byte {
		const phrase = "Tăng cường phối hợp liên ngành "
		return []byte("t: " + strings.Repeat(phrase, (DefaultLimits.MaxBytes-10)/len(phrase)) + "\n")
	}, false},
	{"deep flow nesting", func() []byte { return bytes.Repeat([]byte("["), DefaultLimits.MaxBytes/2) }, true},
}

func TestHostileInputsBounded(t *testing.T) {
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			src := h.src()
			elapsed, alloc, d, root := measureParse(src)
			t.Logf("%d bytes: %v, %d MB allocated", len(src), elapsed.Round(time.Millisecond), alloc>>20)
			if refused := root == nil; refused != h.refused {
				t.Fatalf("refused = %v, want %v: %v", refused, h.refused, d.Diags)
			}
			if h.refused && len(d.Diags) != 1 {
				t.Errorf("want one clear refusal, got %v", d.Diags)
			}
			if elapsed > 10*time.Second || alloc > 1<<30 {
				t.Errorf("unbounded: %v, %d MB", elapsed, alloc>>20)
			}
		})
	}
}

func measureParse(src []byte) (time.Duration, uint64, *Decoder, any) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d := New("in.yaml")
	root := d.Parse(src)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if root == nil {
		return elapsed, after.TotalAlloc - before.TotalAlloc, d, nil
	}
	return elapsed, after.TotalAlloc - before.TotalAlloc, d, root
}

func BenchmarkHostile(b *testing.B) {
	for _, h := range hostile {
		src := h.src()
		b.Run(strings.ReplaceAll(h.name, " ", "-"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				New("in.yaml").Parse(src)
			}
		})
	}
}

// aliasesAtLimit expands to 600,000 strings, 869,000 values counted with the aliases from a few hundred bytes:
// accepted, since it stays within MaxNodes, and decoded in full.
func aliasesAtLimit() []byte {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 5; i++ {
		prev := "*a" + string(rune('0'+i-1))
		n := 10
		if i == 5 {
			n = 6
		}
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", n-1) + prev + "]\n")
	}
	return []byte(b.String())
}

type expanded struct {
	A5 [][][][][][]string `yaml:"a5"`
}

func TestAliasesAtLimitDecodeBounded(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d := New("in.yaml")
	var v expanded
	root := d.Parse(aliasesAtLimit())
	if root == nil {
		t.Fatal(d.Diags)
	}
	d.Decode(root, &v)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("decoded 600,000 aliased strings: %v, %d MB allocated", elapsed.Round(time.Millisecond), alloc>>20)
	if len(v.A5) != 6 || len(v.A5[5][9][9][9][9]) != 10 {
		t.Fatalf("not decoded in full: %d", len(v.A5))
	}
	if elapsed > 20*time.Second || alloc > 2<<30 {
		t.Errorf("unbounded: %v, %d MB", elapsed, alloc>>20)
	}
}
