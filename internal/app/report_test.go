package app

import (
	"bytes"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/report"
	"github.com/vanban/vanban/internal/xlsx"
)

func TestReportRecognised(t *testing.T) {
	ext, w, diags := Prepare("x.yaml", []byte("schema: bdg-period/v1\n"), Options{})
	if ext != ".xlsx" || w != nil || !diags.HasErrors() {
		t.Errorf("a bare period file: ext %q, writer %v, diags %v", ext, w != nil, diags)
	}
	for _, d := range diags {
		if d.En == "vanban does not know what this file is" {
			t.Error("a period file was not recognised")
		}
	}
}

// TestStarterRenders: "vanban new bao-cao-bdg" prints a file that renders
// without errors or warnings other than its deliberate missing figures.
func TestStarterRenders(t *testing.T) {
	src := Starters()["bao-cao-bdg"]
	if len(src) == 0 {
		t.Fatal("no bao-cao-bdg starter")
	}
	ext, w, diags := Prepare("bao-cao-bdg.yaml", src, Options{})
	if diags.HasErrors() || w == nil || ext != ".xlsx" {
		t.Fatalf("starter: %v", diags)
	}
	var buf bytes.Buffer
	if err := w(&buf); err != nil || buf.Len() < 10000 {
		t.Fatalf("starter workbook: %v (%d bytes)", err, buf.Len())
	}
}

// TestExamplesRenderIdentically renders the examples twice through the
// same path as "vanban render" and compares the files byte for byte.
func TestExamplesRenderIdentically(t *testing.T) {
	files, _ := filepath.Glob("../../examples/bao-cao-bdg-*.yaml")
	if len(files) < 2 {
		t.Fatalf("examples: %v", files)
	}
	a, b := t.TempDir(), t.TempDir()
	for _, f := range files {
		for _, dir := range []string{a, b} {
			if res := RenderFile(f, dir, Options{}); res.Failed() || res.Output == "" {
				t.Fatalf("%s: %v", f, res.Diags)
			}
		}
		name := OutputPath(f, "", ".xlsx")
		x, _ := os.ReadFile(filepath.Join(a, filepath.Base(name)))
		y, _ := os.ReadFile(filepath.Join(b, filepath.Base(name)))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s: the two renders differ (%d and %d bytes)", f, len(x), len(y))
		}
	}
}

// TestTemplateOverride: a catalogue of the same name in --templates wins.
func TestTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "catalogues"), 0o755)
	os.WriteFile(filepath.Join(dir, "catalogues", "bdg-2011-2020.yaml"), []byte("schema: bdg-indicators/v9\n"), 0o644)
	src, _ := os.ReadFile("../../examples/bao-cao-bdg-bim-son-2017-nam.yaml")
	_, w, diags := Prepare("nam.yaml", src, Options{TemplateDir: dir})
	if w != nil || !diags.HasErrors() {
		t.Fatal("the overriding catalogue was not used")
	}
	want := filepath.Join(dir, "catalogues", "bdg-2011-2020.yaml")
	if diags[0].File != want {
		t.Errorf("problem reported against %q, want %q", diags[0].File, want)
	}
}

// FuzzReport: no period file makes the report pipeline panic, and every
// report it accepts lays out and writes. Decoding, validation and
// aggregation run on every input and the layout on every accepted one;
// writing the workbook through excelize costs ten times as much, so it
// runs on one accepted input in eight, chosen by a hash of the input
// (the same input is always written or never). The seeds are small
// reports covering every shape, both catalogues and both periods: a
// fuzzer minimises each new input it finds, and small inputs keep that
// cheap, so that a 10-second run explores instead of minimising.
func FuzzReport(f *testing.F) {
	for _, s := range reportSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := decode.New("f.yaml")
		root := d.Parse(src)
		if root == nil || !isReport(root) {
			return
		}
		r := report.Load(d, root, "")
		checkDiagnostics(t, "f.yaml", src, d.Diags)
		if (r == nil) != d.Diags.HasErrors() {
			t.Fatalf("report %v with errors %v", r != nil, d.Diags.HasErrors())
		}
		if r == nil {
			return
		}
		xlsx.Layout(r)
		if fnv32(src)%8 == 0 {
			if err := xlsx.Write(r, io.Discard); err != nil {
				t.Fatalf("an accepted report failed to write: %v", err)
			}
		}
	})
}

func fnv32(b []byte) uint32 {
	h := fnv.New32a()
	h.Write(b)
	return h.Sum32()
}

// reportSeeds are small period files for FuzzReport, each a few hundred
// bytes: between them every shape of figures, the unit's own row, scope,
// departments, targets (plain and band), last year's values, notes, the
// signature, both catalogues and both periods, and near-misses that
// validation refuses.
var reportSeeds = []string{
	seedHead + `period: {kind: half-year, year: 2017}
document: {date: 2017-06-20}
subunits: [{id: a, name: A}, {id: b, name: B}]
data:
  town: {hdnd: {total: 30, female: 9}, ubnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ], dai_truyen_thanh: true}
  a: {hdnd: {male: 17, female: 8}, ubnd_lanh_dao: [Chủ tịch: nữ], sinh: {male: 41, female: 37}, tin_bai_bdg: 14, can_bo_phu_trach: có}
  b: {hdnd: ~, ubnd_lanh_dao: [Chủ tịch: nam], sinh: ~, tin_bai_bdg: 0, can_bo_phu_trach: false}
`,
	seedHead + `period: {kind: year, year: 2017}
document: {date: 2017-12-22, form: 01/BĐG, annex_of: Kèm theo, illustrative: true}
signature: {preparer: A, head: [TM. UBND, CHỦ TỊCH], name: B}
subunits: [{id: a, name: A}]
targets: {MT1.CT1a: {plan: 25, year: 20}, MT2.CT1: {plan: [40, 60]}, MT6.CT2a: {year: 50}}
last_year: {MT1.CT1a: 18.5, MT6.CT2a: 40}
data: {a: {cap_uy: {total: 15, female: 4}, viec_lam_moi: {total: 50, female: 20}, nan_nhan_blgd: {detected: 3, served: 2}, can_bo_bdg: {members: 9, trained: 8}}}
indicator_notes: {MT2.CT1: Lũy kế.}
notes: [Minh họa.]
`,
	seedHead + `period: {kind: year, year: 2017}
document: {date: 2017-12-22}
subunits: [{id: a, name: A}]
departments: [{id: d, name: D}, {id: e, name: E}]
data:
  a: {nguoi_gay_blgd: {detected: 0, counselled: 0}}
  d: {co_quan_30_nu: {agencies: 24, female_head: 16}, doanh_nghiep: {total: 431, male: 327}, pha_thai: {births: 893, abortions: 203}}
  e: {du_phong_hiv: {pregnant: 905, served: 477}, mua_ban_nguoi: ~}
`,
	`schema: bdg-period/v1
catalogue: bdg-2021-2030
unit: {issuer: [U, H], name: U, place: P, level: huyện, sublevel: xã}
period: {kind: year, year: 2024}
document: {date: 2024-12-20}
subunits: [{id: a, name: A}]
departments: [{id: d, name: D}]
targets: {MT1.CT1: {plan: 60, year: 50}}
data:
  town: {hdnd_lanh_dao: [Chủ tịch: nam, Phó Chủ tịch: nữ]}
  a: {hdnd_lanh_dao: [Chủ tịch: nữ], ubnd_lanh_dao: ~, sinh: {male: 520, female: 480}, tiep_can_kien_thuc: {population: 900, reached: 600}}
  d: {doanh_nghiep_htx: {total: 100, male: 70}}
`,
	seedHead + `period: {kind: half-year, year: 2017}
document: {date: 2017-06-20}
subunits: [{id: a, name: A}]
targets: {MT2.CT1: {plan: 40}, MT1.CT1a: {year: []}}
data: {town: {sinh: {male: 0, female: 0}}, a: {hdnd: {total: 3, female: 5}}}
`,
	seedHead + `period: {kind: year, year: 2017}
document: {date: 2017-02-30}
subunits: [{id: a, name: A}, {id: a, name: B}]
data: {a: {nan_nhan_blgd: {detected: 1}, tin_bai_bdg: 1.234}, x: {hdnd: ~}}
`,
}

const seedHead = `schema: bdg-period/v1
catalogue: bdg-2011-2020
unit: {issuer: [U, T], name: U, place: P, level: thị xã, sublevel: "xã, phường"}
`
