package app

import (
	"fmt"
	"io"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
	"github.com/vanban/vanban/internal/viet"
)

// The kinds below stand in for the real pipelines in tests of the generic
// machinery: a small document recognised by "type:" and a small report
// recognised by "schema:", with the field types the pipelines use.

type testDoc struct {
	Type       string        `yaml:"type,required" vi:"loại văn bản"`
	Title      string        `yaml:"title,required" vi:"trích yếu"`
	Date       viet.Date     `yaml:"date,required" vi:"ngày ban hành"`
	Number     int           `yaml:"number" vi:"số văn bản"`
	Draft      bool          `yaml:"draft" vi:"dự thảo"`
	Issuer     testIssuer    `yaml:"issuer,required" vi:"cơ quan ban hành"`
	Sections   []testSection `yaml:"sections" vi:"các mục"`
	Recipients decode.Lines  `yaml:"recipients" vi:"nơi nhận"`
}

type testIssuer struct {
	Name decode.Lines `yaml:"name,required" vi:"tên cơ quan"`
	Abbr string       `yaml:"abbr" vi:"tên viết tắt"`
}

type testSection struct {
	Heading  string        `yaml:"heading,required" vi:"tên mục"`
	Text     string        `yaml:"text"`
	Items    []string      `yaml:"items"`
	Sections []testSection `yaml:"sections"`
}

type testReport struct {
	Schema string                `yaml:"schema,required"`
	Year   int                   `yaml:"year,required" vi:"năm báo cáo"`
	Share  float64               `yaml:"share" vi:"tỷ lệ"`
	Units  map[string]testCounts `yaml:"units" vi:"đơn vị"`
}

type testCounts struct {
	Total uint `yaml:"total,required" vi:"tổng số"`
	Women uint `yaml:"women,required" vi:"số nữ"`
}

// testKinds returns the stand-in kinds.
func testKinds() []Kind {
	return []Kind{{
		Name:  "testdoc",
		Ext:   ".pdf",
		Match: func(root *yaml.Node) bool { return decode.Lookup(root, "type") != nil },
		Build: func(dec *decode.Decoder, root *yaml.Node, _ Options) Outputs {
			var doc testDoc
			dec.Decode(root, &doc)
			return File(".pdf", func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "%s\n%s\n", doc.Title, doc.Date.Long())
				return err
			})
		},
		Starters: func() map[string][]byte {
			return map[string][]byte{"ke-hoach": []byte("type: ke-hoach\n"), "thong-bao": []byte("type: thong-bao\n")}
		},
	}, {
		Name:  "testreport",
		Ext:   ".xlsx",
		Match: func(root *yaml.Node) bool { return decode.Lookup(root, "schema") != nil },
		Build: func(dec *decode.Decoder, root *yaml.Node, _ Options) Outputs {
			var r testReport
			dec.Decode(root, &r)
			for name, c := range r.Units {
				if c.Women > c.Total {
					dec.Error(decode.Join(decode.Join("units", name), "women"), "more women than people in total", fmt.Sprintf("at most %d", c.Total))
				}
			}
			return File(".xlsx", func(w io.Writer) error { _, err := fmt.Fprintf(w, "report %d\n", r.Year); return err })
		},
	}}
}

// withKinds replaces the registered kinds for the duration of a test, so
// that tests of the generic machinery do not depend on which pipelines
// are compiled in.
func withKinds(t testing.TB, ks ...Kind) {
	saved := kinds
	kinds = nil
	for _, k := range ks {
		Register(k)
	}
	t.Cleanup(func() { kinds = saved })
}
