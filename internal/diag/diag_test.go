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
		{Diagnostic{File: "a.yaml", Pos: Pos{3, 7}, Field: "title", Message: "found a list", Expected: "text", Hint: "trích yếu"},
			"a.yaml:3:7: title: found a list (expected text) [trích yếu]"},
		{Diagnostic{File: "a.yaml", Pos: Pos{3, 0}, Message: "x"}, "a.yaml:3:1: x"},
		{Diagnostic{File: "a.yaml", Message: "cannot read the file: permission denied"}, "a.yaml: cannot read the file: permission denied"},
		{Diagnostic{File: "a.yaml", Pos: Pos{1, 1}, Field: "x", Message: "odd", Severity: Warning}, "a.yaml:1:1: x: warning: odd"},
		// Whatever a key holds, a problem stays one line.
		{Diagnostic{File: "a.yaml", Pos: Pos{2, 1}, Field: "bad\nkey\x00", Message: "unknown key"}, `a.yaml:2:1: bad\nkey\x00: unknown key`},
	} {
		if got := c.d.String(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestLongPartsAreCut(t *testing.T) {
	d := Diagnostic{File: "a.yaml", Pos: Pos{1, 1}, Field: strings.Repeat("k", 10000), Message: strings.Repeat("ư", 10000)}
	s := d.String()
	if n := len([]rune(s)); n > 600 || strings.Contains(s, "\n") {
		t.Errorf("%d characters", n)
	}
	if !strings.Contains(s, "k…: ") || !strings.HasSuffix(s, "ư…") {
		t.Errorf("cut without a mark: %s", s[len(s)-20:])
	}
}

func TestSortByFileThenPosition(t *testing.T) {
	l := List{
		{File: "b.yaml", Pos: Pos{1, 1}, Message: "b"},
		{File: "a.yaml", Pos: Pos{10, 2}, Message: "3"},
		{File: "a.yaml", Pos: Pos{2, 9}, Message: "2"},
		{File: "a.yaml", Message: "0"},
		{File: "a.yaml", Pos: Pos{2, 1}, Message: "1"},
		{File: "a.yaml", Pos: Pos{2, 9}, Message: "2 again"},
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Message)
	}
	if strings.Join(got, ",") != "0,1,2,2 again,3,b" {
		t.Errorf("order %v", got)
	}
}

func TestErrAndWarnings(t *testing.T) {
	var l List
	l.Add(Diagnostic{File: "a", Message: "w", Severity: Warning})
	if l.Err() != nil || l.HasErrors() {
		t.Error("warnings only is not an error")
	}
	l.Append(List{{File: "a", Pos: Pos{1, 1}, Message: "e"}, {File: "a", Pos: Pos{2, 1}, Message: "f"}})
	if l.Errors() != 2 || l.Err() == nil || l.Err().Error() != "a: warning: w\na:1:1: e\na:2:1: f" {
		t.Errorf("Err() = %v", l.Err())
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, nil); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty list: %q %v", b.String(), err)
	}
	b.Reset()
	WriteJSON(&b, List{{File: "a.yaml", Pos: Pos{3, 7}, Field: "title", Message: "found <list>", Expected: "text", Severity: Warning}})
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
