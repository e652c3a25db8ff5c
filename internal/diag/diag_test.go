package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestOneLineForm(t *testing.T) {
	for _, c := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.yaml", Pos: Pos{3, 7}, Field: "title", Msg: Msg{En: "found a list", FixEn: "text"}, Hint: "trích yếu"},
			"a.yaml:3:7: title: found a list (expected text) [trích yếu]"},
		{Diagnostic{File: "a.yaml", Pos: Pos{3, 0}, Msg: Msg{En: "x"}}, "a.yaml:3:1: x"},
		{Diagnostic{File: "a.yaml", Msg: Msg{En: "cannot read the file: permission denied"}}, "a.yaml: cannot read the file: permission denied"},
		{Diagnostic{File: "a.yaml", Pos: Pos{1, 1}, Field: "x", Msg: Msg{En: "odd"}, Severity: Warning}, "a.yaml:1:1: x: warning: odd"},
		{Diagnostic{File: "a.yaml", Pos: Pos{2, 5}, Field: "to", Msg: Msg{En: "the full stop was left out"}, Severity: Note}, "a.yaml:2:5: to: note: the full stop was left out"},
		// Whatever a key holds, a problem stays one line.
		{Diagnostic{File: "a.yaml", Pos: Pos{2, 1}, Field: "bad\nkey\x00", Msg: Msg{En: "unknown key"}}, `a.yaml:2:1: bad\nkey\x00: unknown key`},
	} {
		if got := c.d.Format(En); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestLongPartsAreCut(t *testing.T) {
	d := Diagnostic{File: "a.yaml", Pos: Pos{1, 1}, Field: strings.Repeat("k", 10000), Msg: Msg{En: strings.Repeat("ư", 10000)}}
	s := d.Format(En)
	if n := len([]rune(s)); n > 600 || strings.Contains(s, "\n") {
		t.Errorf("%d characters", n)
	}
	if !strings.Contains(s, "k…: ") || !strings.HasSuffix(s, "ư…") {
		t.Errorf("cut without a mark: %s", s[len(s)-20:])
	}
}

func TestSortByFileThenPosition(t *testing.T) {
	l := List{
		{File: "b.yaml", Pos: Pos{1, 1}, Msg: Msg{En: "b"}},
		{File: "a.yaml", Pos: Pos{10, 2}, Msg: Msg{En: "3"}},
		{File: "a.yaml", Pos: Pos{2, 9}, Msg: Msg{En: "2"}},
		{File: "a.yaml", Msg: Msg{En: "0"}},
		{File: "a.yaml", Pos: Pos{2, 1}, Msg: Msg{En: "1"}},
		{File: "a.yaml", Pos: Pos{2, 9}, Msg: Msg{En: "2 again"}},
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.En)
	}
	if strings.Join(got, ",") != "0,1,2,2 again,3,b" {
		t.Errorf("order %v", got)
	}
}

func TestErrAndWarnings(t *testing.T) {
	var l List
	l.Add(Diagnostic{File: "a", Msg: Msg{En: "w"}, Severity: Warning})
	if l.Err() != nil || l.HasErrors() {
		t.Error("warnings only is not an error")
	}
	l.Append(List{{File: "a", Pos: Pos{1, 1}, Msg: Msg{En: "e"}}, {File: "a", Pos: Pos{2, 1}, Msg: Msg{En: "f"}}})
	if l.Errors() != 2 || l.Err() == nil || l.Err().Error() != "a: cảnh báo: w\na:1:1: e\na:2:1: f" {
		t.Errorf("Err() = %v", l.Err())
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, nil, En); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty list: %q %v", b.String(), err)
	}
	b.Reset()
	WriteJSON(&b, List{{File: "a.yaml", Pos: Pos{3, 7}, Field: "title", Msg: Msg{En: "found <list>", FixEn: "text"}, Severity: Warning}}, En)
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"file": "a.yaml", "line": 3.0, "col": 7.0, "field": "title", "message": "found <list>",
		"expected": "text", "severity": "warning"}
	for k, v := range want {
		if got[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got[0][k], v)
		}
	}
	if _, ok := got[0]["hint"]; ok || !strings.Contains(b.String(), "<list>") {
		t.Errorf("empty fields must be left out and HTML not escaped: %s", b.String())
	}
}

func TestVietnameseByDefault(t *testing.T) {
	d := Diagnostic{File: "kh.yaml", Pos: Pos{14, 7}, Field: "sections[2].items[1]", Hint: "các ý gạch đầu dòng",
		Msg: Msg{Code: "yaml.colon", Vi: "giá trị có dấu hai chấm", En: "the value holds a colon",
			FixVi: "đặt cả giá trị trong dấu ngoặc kép", FixEn: "the value in quotes"}, Severity: Warning}
	if got, want := d.String(), "kh.yaml:14:7: sections[2].items[1] (các ý gạch đầu dòng): cảnh báo: giá trị có dấu hai chấm (cách sửa: đặt cả giá trị trong dấu ngoặc kép)"; got != want {
		t.Errorf("vi\ngot  %s\nwant %s", got, want)
	}
	if got, want := d.Format(En), "kh.yaml:14:7: sections[2].items[1]: warning: the value holds a colon (expected the value in quotes) [các ý gạch đầu dòng]"; got != want {
		t.Errorf("en\ngot  %s\nwant %s", got, want)
	}
	// A message written in one language only is shown in that language.
	if got := (Diagnostic{File: "a", Msg: Msg{En: "only English"}}).String(); got != "a: only English" {
		t.Errorf("fallback: %s", got)
	}
	var b bytes.Buffer
	WriteJSON(&b, List{d}, Vi)
	if !strings.Contains(b.String(), `"code": "yaml.colon"`) || !strings.Contains(b.String(), `"message": "giá trị có dấu hai chấm"`) {
		t.Errorf("json: %s", b.String())
	}
}

func TestLangFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, Vi},
		{map[string]string{"LANG": "en_US.UTF-8"}, En},
		{map[string]string{"LANG": "vi_VN.UTF-8"}, Vi},
		{map[string]string{"LANG": "C.UTF-8"}, Vi},
		{map[string]string{"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, Vi},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, En},
	} {
		if got := LangFromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: got %v", c.env, got)
		}
	}
}
