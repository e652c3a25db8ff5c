package document

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var textType = reflect.TypeFor[Text]()

// fill gives every Text reachable from v a value of its own ("t1", "t2"
// …), with one element in every list and one level of nested sections,
// and returns those values.
func fill(v reflect.Value, depth int, n *int) []string {
	switch {
	case v.Type() == textType:
		*n++
		s := "t" + strconv.Itoa(*n)
		v.FieldByName("Value").SetString(s)
		return []string{s}
	case v.Kind() == reflect.Struct:
		var out []string
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				out = append(out, fill(v.Field(i), depth, n)...)
			}
		}
		return out
	case v.Kind() == reflect.Pointer:
		if depth > 2 {
			return nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return fill(v.Elem(), depth+1, n)
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() != reflect.Uint8:
		if depth > 2 {
			return nil
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		return fill(v.Index(0), depth+1, n)
	}
	return nil
}

// Every Text of the model is visited by Fields, once: a text field added
// to the model and forgotten in the walk fails here, before a check (the
// font's characters, markup, typed numbers) silently skips it.
func TestFieldsVisitEveryText(t *testing.T) {
	doc := &Document{}
	n := 0
	all := fill(reflect.ValueOf(doc).Elem(), 0, &n)
	if len(all) < 30 {
		t.Fatalf("only %d texts in the model: the filling is broken", len(all))
	}
	seen := map[string]int{}
	for f := range doc.Fields() {
		seen[f.Value]++
	}
	for _, s := range all {
		if seen[s] != 1 {
			t.Errorf("text %s visited %d times", s, seen[s])
		}
	}
	if t.Failed() {
		t.Log("a Text field of the model is missing from walker (walk.go), or visited twice")
	}
}

// Fields stops when asked to.
func TestFieldsStop(t *testing.T) {
	doc := &Document{}
	n := 0
	fill(reflect.ValueOf(doc).Elem(), 0, &n)
	k := 0
	for range doc.Fields() {
		k++
		if k == 3 {
			break
		}
	}
	if k != 3 {
		t.Fatal(k)
	}
}

// The labels the walk gives are the numbers vanban prints.
func TestFieldLabels(t *testing.T) {
	doc := mustParse(t, "sections:\n  - heading: A\n    sections: [{heading: B, sections: [{heading: C}]}, {heading: D}]\n  - heading: E\n"+
		"closing: [Phụ lục I, II]\nappendices: [{title: [X, Y], text: x}, {title: Z, sections: [{heading: F}]}]\n")
	var got []string
	for f := range doc.Fields() {
		if f.Label != "" {
			got = append(got, f.Value+"="+f.Label)
		}
	}
	want := "[A=I. B=1. C=a) D=2. E=II. X=Phụ lục I Z=Phụ lục II F=1.]"
	if s := "[" + strings.Join(got, " ") + "]"; s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
	doc = mustParse(t, "type: quyet-dinh\nissued_by: CHỦ TỊCH\narticles: [{title: A, clauses: [{text: b, points: [c, '', d]}]}, e]\n")
	got = nil
	for f := range doc.Fields() {
		if f.Label != "" {
			got = append(got, f.Value+"="+f.Label)
		}
	}
	want = "[A=Điều 1. =Điều 1. =1. b=1. c=a) d=b) =Điều 2. e=Điều 2.]"
	if s := "[" + strings.Join(got, " ") + "]"; s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}
