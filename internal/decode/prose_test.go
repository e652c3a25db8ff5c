package decode

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// proseText and proseList read prose as the document model's Text and
// TextList do.
type proseText string

func (p *proseText) DecodeNode(d *Decoder, n *yaml.Node, path string) {
	q, _ := d.Prose(n, path)
	*p = proseText(q.Value)
}

type proseList []string

func (p *proseList) DecodeNode(d *Decoder, n *yaml.Node, path string) {
	pieces, _ := d.ProseList(n, path)
	for _, q := range pieces {
		*p = append(*p, q.Value)
	}
}

type proseDoc struct {
	Title      proseText     `yaml:"title"`
	Code       proseText     `yaml:"code,code"`
	Text       proseText     `yaml:"text"`
	Items      proseList     `yaml:"items"`
	Recipients proseList     `yaml:"recipients,lines"`
	Name       proseList     `yaml:"name,linebreaks"`
	Date       viet.Date     `yaml:"date"`
	Number     int           `yaml:"number"`
	Plain      string        `yaml:"plain"`
	Sections   []proseSecton `yaml:"sections"`
}

type proseSecton struct {
	Heading proseText `yaml:"heading"`
	Text    proseText `yaml:"text"`
	Items   proseList `yaml:"items"`
}

// readProse decodes src and returns the document and its diagnostics as
// "LINE:COL code" strings, checking every recovered text against its
// source.
func readProse(t *testing.T, src string) (proseDoc, *Decoder, []string) {
	t.Helper()
	d := New("in.yaml")
	var v proseDoc
	if root := d.Parse([]byte(src)); root != nil {
		d.Decode(root, &v)
	}
	d.Diags.Sort()
	var got []string
	for _, x := range d.Diags {
		s := x.Format(diag.En)
		if x.Code == "" || x.Vi == "" || x.En == "" || x.Vi == x.En {
			t.Errorf("not bilingual: %q", s)
		}
		got = append(got, fmt.Sprintf("%d:%d %s", x.Line, x.Col, x.Code))
	}
	checkRecoveries(t, d)
	return v, d, got
}

// checkRecoveries asserts the invariant of recovery: a recovered text is
// its source span, lines joined as YAML joins them, after NFC.
func checkRecoveries(t *testing.T, d *Decoder) {
	t.Helper()
	src := string(d.Source())
	for _, r := range d.Recoveries() {
		if r.Start < 0 || r.End > len(src) || r.Start >= r.End {
			t.Errorf("%s: span %d-%d outside the source", r.Path, r.Start, r.End)
			continue
		}
		if want := Fold(norm.NFC.String(src[r.Start:r.End])); r.Value != want {
			t.Errorf("%s: recovered %q, its source folds to %q", r.Path, r.Value, want)
		}
	}
}

func TestProseRecovered(t *testing.T) {
	for _, c := range []struct {
		name, src string
		check     func(v proseDoc) bool
		diags     []string
	}{
		{"hash after a word is text", "text: Chủ tịch tiếp dân tại phòng #2, tầng 1 trụ sở\n",
			func(v proseDoc) bool {
				return v.Text == "Chủ tịch tiếp dân tại phòng #2, tầng 1 trụ sở"
			}, nil},
		{"comment after two spaces", "title: Kế hoạch   # trích yếu\n",
			func(v proseDoc) bool { return v.Title == "Kế hoạch" }, nil},
		{"comment after one space is warned", "title: Kế hoạch # trích yếu\n",
			func(v proseDoc) bool { return v.Title == "Kế hoạch" }, []string{"1:17 text.comment-dropped"}},
		{"text hash then comment", "text: phòng #2  # ghi chú\n",
			func(v proseDoc) bool { return v.Text == "phòng #2" }, nil},
		{"hash on the last line of several", "text: Chủ tịch tiếp dân\n  tại phòng #2, tầng 1\nplain: x\n",
			func(v proseDoc) bool {
				return v.Text == "Chủ tịch tiếp dân tại phòng #2, tầng 1" && v.Plain == "x"
			}, nil},
		{"hash then a line continuing", "text: phòng #2, tầng 1\n  trụ sở UBND xã.\nplain: x\n",
			func(v proseDoc) bool { return v.Text == "phòng #2, tầng 1 trụ sở UBND xã." && v.Plain == "x" }, nil},
		{"colon inside a title", "title: Kế hoạch: công tác năm 2017\n",
			func(v proseDoc) bool { return v.Title == "Kế hoạch: công tác năm 2017" }, nil},
		{"colon at the end", "text: Ủy ban xây dựng Kế hoạch như sau:\n",
			func(v proseDoc) bool { return v.Text == "Ủy ban xây dựng Kế hoạch như sau:" }, nil},
		{"items with colons", "items:\n  - Hội LHPN xã: chủ trì, phối hợp\n  - Kế hoạch như sau:\n  - Thời gian: 8 giờ: sáng\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Hội LHPN xã: chủ trì, phối hợp|Kế hoạch như sau:|Thời gian: 8 giờ: sáng"
			}, nil},
		{"a continuation line with a colon", "text: Chủ tịch tiếp dân\n  Thời gian: 8 giờ\nplain: x\n",
			func(v proseDoc) bool {
				return v.Text == "Chủ tịch tiếp dân Thời gian: 8 giờ" && v.Plain == "x"
			}, nil},
		{"lines of label and value keep their lines", "text:\n  Thời gian: 8 giờ\n  Địa điểm: Hội trường\n",
			func(v proseDoc) bool { return v.Text == "Thời gian: 8 giờ\nĐịa điểm: Hội trường" }, nil},
		{"the same lines as items", "items:\n  Thời gian: 8 giờ\n  Địa điểm: Hội trường\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Thời gian: 8 giờ|Địa điểm: Hội trường"
			}, nil},
		{"dash without space among items", "items:\n  - Thứ Hai hằng tuần.\n  -Thứ Năm hằng tuần.\n  - Thứ Sáu.\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Thứ Hai hằng tuần.|Thứ Năm hằng tuần.|Thứ Sáu."
			}, nil},
		{"every dash without space", "items:\n  -Thứ Hai hằng tuần.\n  -Thứ Năm hằng tuần.\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Thứ Hai hằng tuần.|Thứ Năm hằng tuần."
			}, nil},
		{"dash without space continuing an item", "items:\n  - Thứ Hai hằng tuần.\n    -Thứ Năm hằng tuần.\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Thứ Hai hằng tuần.|Thứ Năm hằng tuần."
			}, nil},
		{"recipients as lines", "recipients:\n  Như trên\n  TT Đảng ủy, HĐND xã (b/c)\n  Lưu VT\n",
			func(v proseDoc) bool {
				return strings.Join(v.Recipients, "|") == "Như trên|TT Đảng ủy, HĐND xã (b/c)|Lưu VT"
			}, nil},
		{"a wrapped paragraph stays one", "items:\n  - Tăng cường phối hợp với các Ban,\n    ngành trong thị xã.\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Tăng cường phối hợp với các Ban, ngành trong thị xã."
			}, nil},
		{"a flow list split at a note", "recipients: [TT Đảng ủy, HĐND xã (b/c)]\n",
			func(v proseDoc) bool { return strings.Join(v.Recipients, "|") == "TT Đảng ủy|HĐND xã (b/c)" }, []string{"1:26 text.list-split"}},
		{"a flow list of recipients as meant", "recipients: [Như Điều 3, UBND tỉnh (b/c)]\n",
			func(v proseDoc) bool { return strings.Join(v.Recipients, "|") == "Như Điều 3|UBND tỉnh (b/c)" }, nil},
		{"a sentence split at its comma is warned", "items: [Phối hợp với các xã, phường thu thập số liệu về giới.]\n",
			func(v proseDoc) bool {
				return strings.Join(v.Items, "|") == "Phối hợp với các xã|phường thu thập số liệu về giới."
			},
			[]string{"1:30 text.list-split"}},
		{"short entries are not joined", "items: [một, hai, ba]\n",
			func(v proseDoc) bool { return strings.Join(v.Items, "|") == "một|hai|ba" }, nil},
		{"lines of a title are not joined", "name: [Công tác năm của Ban, thị xã Bỉm Sơn]\n",
			func(v proseDoc) bool {
				return strings.Join(v.Name, "|") == "Công tác năm của Ban|thị xã Bỉm Sơn"
			}, nil},
		{"emphasis at the start", "text: *Lưu ý*: mang giấy tờ.\nitems:\n  - **Thời gian:** 8 giờ\n  - *Lưu ý* cả ngày\n",
			func(v proseDoc) bool {
				return v.Text == "*Lưu ý*: mang giấy tờ." && strings.Join(v.Items, "|") == "**Thời gian:** 8 giờ|*Lưu ý* cả ngày"
			}, nil},
		{"other indicators", "sections:\n  - text: '@UBND xã'\n  - text: @UBND xã\n  - text: `mã` số\n  - text: > 5 người\n  - text: |x| y\n  - text: % kế hoạch\n  - text: & Co\n  - text: [Dự thảo] Kế hoạch\n  - text: {x} y\n",
			func(v proseDoc) bool {
				var got []string
				for _, s := range v.Sections {
					got = append(got, string(s.Text))
				}
				return strings.Join(got, "|") == "@UBND xã|@UBND xã|`mã` số|> 5 người||x| y|% kế hoạch|& Co|[Dự thảo] Kế hoạch|{x} y"
			}, nil},
		{"an anchor and a tag typed as text", "text: &nbsp giữ chỗ\ntitle: !Quan trọng: họp\n",
			func(v proseDoc) bool { return v.Text == "&nbsp giữ chỗ" && v.Title == "!Quan trọng: họp" }, nil},
		{"an anchor that is used stays one", "text: &a giữ chỗ\ntitle: *a\n",
			func(v proseDoc) bool { return v.Text == "giữ chỗ" && v.Title == "giữ chỗ" }, nil},
		{"curly quotes are kept and warned", "title: “Kế hoạch: năm 2024”\n",
			func(v proseDoc) bool { return v.Title == "“Kế hoạch: năm 2024”" }, []string{"1:8 text.curly-quotes"}},
		{"quotes the clerk meant as text", "title: \"Tháng hành động\" năm 2024\n",
			func(v proseDoc) bool { return v.Title == "\"Tháng hành động\" năm 2024" }, nil},
		{"decomposed input", norm.NFD.String("text: Chủ tịch tiếp dân tại phòng #2\nitems:\n  - Hội LHPN xã: chủ trì\n"),
			func(v proseDoc) bool {
				return v.Text == "Chủ tịch tiếp dân tại phòng #2" && strings.Join(v.Items, "|") == "Hội LHPN xã: chủ trì"
			}, nil},
		{"windows line ends", "text: phòng #2\r\ntitle: Kế hoạch: năm\r\nitems:\r\n  -Thứ Hai\r\n  -Thứ Ba\r\n",
			func(v proseDoc) bool {
				return v.Text == "phòng #2" && v.Title == "Kế hoạch: năm" && strings.Join(v.Items, "|") == "Thứ Hai|Thứ Ba"
			}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _, got := readProse(t, c.src)
			if !c.check(v) {
				t.Errorf("read %+v", v)
			}
			if strings.Join(got, "\n") != strings.Join(c.diags, "\n") {
				t.Errorf("diagnostics %q, want %q", got, c.diags)
			}
		})
	}
}

// Fields that are not prose stay strict: what a prose field would read as
// text is an error there, at the character to fix.
func TestStrictFieldsReportTheMistake(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"code: KH-UBND: sai\n", "1:14 yaml.colon-in-value"},
		{"date: 2017-05-23: x\n", "1:17 yaml.colon-in-value"},
		{"plain: Kế hoạch: năm\n", "1:16 yaml.colon-in-value"},
		{"number: 1,234\n", "1:9 number.thousands"},
		{"number: 1.234.567\n", "1:9 number.thousands"},
		{"plain: *Lưu ý* abc\n", "1:8 yaml.indicator"},
		{"plain: “Kế hoạch: năm”\n", "1:17 yaml.colon-in-value"},
		{"code: ke-hoach # loại\n", ""},
		{"plain: Kế hoạch: năm\n  2017\n", "1:16 yaml.colon-in-value"},
		{"code:\n  KH: UBND\n  x\n", "2:3 value.kind|2:5 yaml.colon-wrapped"},
		{"plain: a\n  #3 b\n", "2:3 yaml.hash-line"},
	} {
		_, _, got := readProse(t, c.src)
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q: %q, want %q", c.src, got, c.want)
		}
	}
}

// Each syntax trap has its own message at the character to fix, and a
// file with several traps reports them all in one run.
func TestSyntaxTrapsInOneRun(t *testing.T) {
	src := "title:Lịch làm việc\n" + // 1: no space after the colon
		"text: 'Kế hoạch 'Tháng hành động' năm 2024'\n" + // 2: an apostrophe inside single quotes
		"items:\n" +
		"\u00a0 - a\n" + // 4: a no-break space in the indentation
		"  -\u00a0b\n" + // 5: a no-break space after the dash
		"sections:\n" +
		"  - heading:\u00a0c\n" + // 7: a no-break space after the colon
		"    text: \"D:\\Van ban\"\n" + // 8: a backslash in double quotes
		"numbr\u200b: 5\n" + // 9: a zero-width space in a field name
		"code: x\u200b\n" // 10: inside a value: not a mistake
	v, _, got := readProse(t, src)
	want := []string{"1:7 yaml.colon-space", "2:17 yaml.apostrophe", "4:1 yaml.invisible", "5:4 yaml.invisible",
		"7:13 yaml.invisible", "8:14 yaml.escape", "9:6 yaml.invisible", "9:1 key.unknown"}
	sortStrings(want)
	sortStrings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v.Title != "Lịch làm việc" || v.Text != "Kế hoạch 'Tháng hành động' năm 2024" || v.Code != "x\u200b" ||
		strings.Join(v.Items, "|") != "a|b" || v.Sections[0].Heading != "c" || v.Sections[0].Text != `D:\Van ban` {
		t.Errorf("the rest of the file was not read as meant: %+v", v)
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// After a mistake vanban cannot mend, the others are still found; the
// file is not decoded.
func TestUnmendableMistakesAllReported(t *testing.T) {
	src := "title: \"unclosed\n" +
		"plain: a\n" +
		"\tcode: b\n" +
		"text:Lịch\n"
	d := New("in.yaml")
	if d.Parse([]byte(src)) != nil {
		t.Fatal("parsed")
	}
	var got []string
	for _, x := range d.Diags {
		got = append(got, fmt.Sprintf("%d:%d %s", x.Line, x.Col, x.Code))
	}
	if want := "1:8 yaml.unclosed-quote|3:1 yaml.tab|4:6 yaml.colon-space"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A file saved by Notepad as "Unicode" (UTF-16 with a byte-order mark),
// little- or big-endian, reads as the same text, with the same positions.
func TestUTF16WithMark(t *testing.T) {
	text := "title: Kế hoạch: công tác\ntext: phòng #2 😀\nnumber: 1,5\n"
	for _, big := range []bool{false, true} {
		units := utf16.Encode([]rune(text))
		b := []byte{0xFF, 0xFE}
		if big {
			b = []byte{0xFE, 0xFF}
		}
		for _, u := range units {
			if big {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		d := New("in.yaml")
		var v proseDoc
		d.Decode(d.Parse(b), &v)
		if v.Title != "Kế hoạch: công tác" || v.Text != "phòng #2 😀" || string(d.Source()) != text {
			t.Errorf("big-endian %v: %+v", big, v)
		}
		if len(d.Diags) != 1 || d.Diags[0].Pos != (diag.Pos{Line: 3, Col: 9}) {
			t.Errorf("big-endian %v: %v", big, d.Diags)
		}
		// Cut in the middle of a character.
		d = New("in.yaml")
		if d.Parse(b[:len(b)-1]) != nil || len(d.Diags) != 1 || d.Diags[0].Code != "file.utf16-broken" || d.Diags[0].Pos != (diag.Pos{Line: 3, Col: 12}) {
			t.Errorf("big-endian %v, cut: %v", big, d.Diags)
		}
	}
	d := New("in.yaml")
	if d.Parse([]byte("t\x00i\x00t\x00l\x00e\x00:\x00 \x00x\x00")) != nil || d.Diags[0].Code != "file.utf16" {
		t.Errorf("UTF-16 without a mark: %v", d.Diags)
	}
}

// summary shows the prose fields of a document that are set, for tests
// that compare them as one string.
func summary(v proseDoc) string {
	var out []string
	add := func(name, s string) {
		if s != "" {
			out = append(out, name+"="+s)
		}
	}
	add("title", string(v.Title))
	add("code", string(v.Code))
	add("text", string(v.Text))
	add("items", strings.Join(v.Items, " / "))
	add("recipients", strings.Join(v.Recipients, " / "))
	add("plain", v.Plain)
	for i, s := range v.Sections {
		add(fmt.Sprintf("s%d.heading", i+1), string(s.Heading))
		add(fmt.Sprintf("s%d.text", i+1), string(s.Text))
		add(fmt.Sprintf("s%d.items", i+1), strings.Join(s.Items, " / "))
	}
	return strings.Join(out, "; ")
}

// A value after a colon that a clerk continues on the next line, at the
// column where its first word starts, as they continue an item without a
// colon: it is one text with every word, its lines joined as YAML joins
// a plain value's lines.
func TestColonValueWrapped(t *testing.T) {
	const lhpn = "Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức tuyên truyền tại nhà văn hóa thôn"
	for _, c := range []struct{ name, src, want, diags string }{
		{"an item wrapped at its first word",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n    tổ chức tuyên truyền tại nhà văn hóa thôn #3\n  - Đoàn Thanh niên xã: phối hợp\n",
			"items=" + lhpn + " #3 / Đoàn Thanh niên xã: phối hợp", ""},
		{"over three lines",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n    tổ chức tuyên truyền\n    tại nhà văn hóa thôn\nplain: x\n",
			"items=" + lhpn + "; plain=x", ""},
		{"between the dash and the first word",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n   tổ chức tuyên truyền tại nhà văn hóa thôn\n",
			"items=" + lhpn, ""},
		{"further in, then at the first word",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n        tổ chức tuyên truyền\n    tại nhà văn hóa thôn\n",
			"items=" + lhpn, ""},
		{"the colon at the end of the first line",
			"items:\n  - Hội LHPN xã:\n    chủ trì, phối hợp với Đoàn Thanh niên xã\n    tổ chức tuyên truyền tại nhà văn hóa thôn\n  - b\n",
			"items=" + lhpn + " / b", ""},
		{"two colons", "items:\n  - Hội LHPN xã: chủ trì: phối hợp\n    với Đoàn Thanh niên xã\n",
			"items=Hội LHPN xã: chủ trì: phối hợp với Đoàn Thanh niên xã", ""},
		{"a continuation line with a colon of its own",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n    tổ chức tuyên truyền: tại nhà văn hóa thôn\n",
			"items=Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức tuyên truyền: tại nhà văn hóa thôn", ""},
		{"a line with a colon after a wrapped line",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp với\n    Đoàn Thanh niên xã\n    tổ chức: tuyên truyền\n",
			"items=Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức: tuyên truyền", ""},
		{"label lines keep their lines, the wrapped one joined",
			"text:\n  Thời gian: 8 giờ ngày 26 tháng 6\n  Địa điểm: hội trường Ủy ban nhân dân\n  xã Hà Long\n  Thành phần: trưởng các thôn\n",
			"text=Thời gian: 8 giờ ngày 26 tháng 6\nĐịa điểm: hội trường Ủy ban nhân dân xã Hà Long\nThành phần: trưởng các thôn", ""},
		{"a line after a comma goes on with the sentence",
			"items:\n  - Thực hiện Công văn số 12: về tuyên truyền bầu cử,\n    Ủy ban nhân dân xã hướng dẫn như sau:\n",
			"items=Thực hiện Công văn số 12: về tuyên truyền bầu cử, Ủy ban nhân dân xã hướng dẫn như sau:", ""},
		{"a label line that is a new line stays one",
			"items:\n  - Thời gian: 8 giờ.\n    Địa điểm: hội trường\n",
			"items=Thời gian: 8 giờ.\nĐịa điểm: hội trường", ""},
		{"a hash after one space with lines after it is text",
			"items:\n  - Hội LHPN xã: chủ trì # phối hợp\n    với Đoàn Thanh niên xã\n",
			"items=Hội LHPN xã: chủ trì # phối hợp với Đoàn Thanh niên xã", ""},
		{"a comment after one space on the last line is dropped and said",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp\n    với Đoàn Thanh niên xã # ghi chú\n",
			"items=Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã", "3:28 text.comment-dropped"},
		{"a comment after two spaces on the last line",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp\n    với Đoàn Thanh niên xã   # ghi chú\n",
			"items=Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã", ""},
		{"a comment line ends the item",
			"items:\n  - Hội LHPN xã: chủ trì, phối hợp\n  # ghi chú\n  - b\n",
			"items=Hội LHPN xã: chủ trì, phối hợp / b", ""},
		{"a comment ends the value before its last line",
			"items:\n  - Hội LHPN xã: chủ trì   # ghi chú\n    với Đoàn Thanh niên xã\n",
			"", "2:28 yaml.comment-ends-value"},
		{"a recipient", "recipients:\n  - TTUB: CT, các PCT và\n    các thành viên UBND\n  - VPUB: CVP\n",
			"recipients=TTUB: CT, các PCT và các thành viên UBND / VPUB: CVP", ""},
		{"a preamble line ending with a colon",
			"text: Ủy ban nhân dân xã xây dựng kế hoạch\n  thực hiện trên địa bàn xã như sau:\nplain: x\n",
			"text=Ủy ban nhân dân xã xây dựng kế hoạch thực hiện trên địa bàn xã như sau:; plain=x", ""},
		{"an item ending with a colon on its second line",
			"items:\n  - Ủy ban nhân dân xã chỉ đạo các ngành\n    thực hiện như sau:\n",
			"items=Ủy ban nhân dân xã chỉ đạo các ngành thực hiện như sau:", ""},
		{"a heading wrapped further in",
			"sections:\n  - heading: Thời gian: 8 giờ ngày 26 tháng 6\n      tại hội trường\n    text: Họp.\n",
			"s1.heading=Thời gian: 8 giờ ngày 26 tháng 6 tại hội trường; s1.text=Họp.", ""},
		{"a field's value wrapped", "title: Kế hoạch: công tác\n  năm 2017\nplain: x\n",
			"title=Kế hoạch: công tác năm 2017; plain=x", ""},
		{"emphasis first, then wrapped", "items:\n  - Thời gian: **8 giờ** ngày 26\n    tại hội trường\n",
			"items=Thời gian: **8 giờ** ngày 26 tại hội trường", ""},
		{"in a section's items, with Windows line ends",
			"sections:\r\n  - heading: Thành phần\r\n    items:\r\n      - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\r\n        tổ chức tuyên truyền tại nhà văn hóa thôn\r\n",
			"s1.heading=Thành phần; s1.items=" + lhpn, ""},
		{"decomposed", norm.NFD.String("items:\n  - Hội LHPN xã: chủ trì, phối hợp với Đoàn Thanh niên xã\n    tổ chức tuyên truyền tại nhà văn hóa thôn\n"),
			"items=" + lhpn, ""},
		// A line starting with "#" and a word among the lines of a value.
		{"a line of an item starting with #3",
			"items:\n  - Hội LHPN xã: chủ trì tại nhà văn hóa thôn\n    #3 và thôn 4\n  - b\n",
			"items=Hội LHPN xã: chủ trì tại nhà văn hóa thôn #3 và thôn 4 / b", "3:5 text.hash-line"},
		{"a line of a text starting with #3, and one after it",
			"text: Chủ tịch tiếp dân tại nhà văn hóa thôn\n  #3 và thôn 4\n  vào thứ Năm\nplain: x\n",
			"text=Chủ tịch tiếp dân tại nhà văn hóa thôn #3 và thôn 4 vào thứ Năm; plain=x", "2:3 text.hash-line"},
		{"a comment written as the starters write them",
			"items:\n  - Hội LHPN xã: chủ trì\n    # ghi chú\n  - b\n  #- c\n",
			"items=Hội LHPN xã: chủ trì / b", ""},
		{"# lines inside a block are text already",
			"text: |\n  Thời gian: 8 giờ\n  #3 và thôn 4\ntitle: \"a\n  #b\"\n",
			"title=a #b; text=Thời gian: 8 giờ\n#3 và thôn 4\n", ""},
		// What vanban cannot read as one text says why, at the line.
		{"a line at the dash's column", "items:\n  - Hội LHPN xã: chủ trì\n  tổ chức tuyên truyền\n",
			"", "3:3 yaml.continuation"},
		{"a line at a field name's column", "sections:\n  - heading: Thời gian: 8 giờ\n    tại hội trường\n",
			"", "3:5 yaml.continuation"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, _, got := readProse(t, c.src)
			if s := summary(v); s != c.want {
				t.Errorf("read\n%s\nwant\n%s", s, c.want)
			}
			if strings.Join(got, "|") != c.diags {
				t.Errorf("diagnostics %q, want %q", got, c.diags)
			}
		})
	}
}
