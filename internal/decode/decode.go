package decode

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/diag"
)

// Decoder decodes one file and collects its diagnostics. Models use it
// again during validation, through Error and At, so that every problem is
// reported at the position of the field it concerns.
//
// Field paths are dotted, with 1-based list indices as office staff count:
// "sections[2].items[1]" is the first item of the second section.
type Decoder struct {
	File  string
	Diags diag.List

	limits Limits
	src    []byte
	idx    *source // src with its lines
	pos    map[string]diag.Pos
	// structs are the struct types decoded at each path, in order: the
	// fields' Vietnamese names and tag options (code, lines, linebreaks)
	// are read from them by path.
	structs map[string][]*structInfo

	raw       map[*yaml.Node]string // values as parsed, before NFC, where they differ
	aliased   map[*yaml.Node]bool   // nodes an alias refers to
	repairs   map[diag.Pos]*repair  // values mended in the copy, by position
	recovered []Recovery
	// meant are the fields a misspelt key was taken for ("titel" for
	// title): reported as unknown, never as missing.
	meant map[string]bool
}

// New returns a Decoder for the named file with the default limits.
func New(file string) *Decoder {
	return &Decoder{File: file, limits: DefaultLimits, pos: map[string]diag.Pos{}, structs: map[string][]*structInfo{},
		raw: map[*yaml.Node]string{}, aliased: map[*yaml.Node]bool{}, meant: map[string]bool{},
		repairs: map[diag.Pos]*repair{}, idx: newSource("")}
}

// srcIndex returns the source with its lines.
func (d *Decoder) srcIndex() *source { return d.idx }

// Source returns the text given to Parse (without a byte-order mark), so
// that validation can position a problem inside a multi-line value.
func (d *Decoder) Source() []byte { return d.src }

// SetLimits replaces the default limits.
func (d *Decoder) SetLimits(l Limits) { d.limits = l }

// Unmarshaler is implemented by types that decode themselves from a node,
// such as "a string or a list of strings".
type Unmarshaler interface {
	DecodeNode(d *Decoder, n *yaml.Node, path string)
}

// Expecter may be implemented by the errors a TextUnmarshaler returns, to
// say what a correct value would look like.
type Expecter interface{ Expected() string }

// Decode decodes the node into v, which must be a non-nil pointer, and
// reports the mended values no field of prose accepted (repair.go).
func (d *Decoder) Decode(n *yaml.Node, v any) {
	d.Value(n, "", v)
	d.flushRepairs()
}

// Value decodes n, found at path, into the value v points to. Unmarshaler
// implementations call it for their parts. A nil node (a file Parse
// refused) leaves v as it is.
func (d *Decoder) Value(n *yaml.Node, path string, v any) {
	if n == nil {
		return
	}
	d.value(n, path, reflect.ValueOf(v).Elem())
}

// At returns the position recorded for path, or for its nearest ancestor.
func (d *Decoder) At(path string) diag.Pos {
	for {
		if p, ok := d.pos[path]; ok {
			return p
		}
		if path == "" {
			return diag.Pos{}
		}
		path = parent(path)
	}
}

// Has reports whether the input gave a value for path.
func (d *Decoder) Has(path string) bool { _, ok := d.pos[path]; return ok }

// Meant reports whether a misspelt key, reported as unknown, was taken
// for the field at path: a check of a required field should not report it
// missing too.
func (d *Decoder) Meant(path string) bool { return d.meant[path] }

// Reported reports whether a problem was already reported for exactly
// path, so that validation does not say again, in other words, what the
// decoder said about a value it could not read.
func (d *Decoder) Reported(path string) bool {
	for _, x := range d.Diags {
		if x.Field == path {
			return true
		}
	}
	return false
}

// Record remembers the position of n as the position of path.
func (d *Decoder) Record(path string, n *yaml.Node) {
	d.pos[path] = diag.Pos{Line: n.Line, Col: n.Column}
}

func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Problem reports an error (the file is not rendered) with the field at
// path, at the position recorded for it.
func (d *Decoder) Problem(path string, m diag.Msg) { d.Report(diag.Error, d.At(path), path, m) }

// Warning reports something the reader of the output should know, or a
// suspicious value, at path; it does not stop rendering.
func (d *Decoder) Warning(path string, m diag.Msg) { d.Report(diag.Warning, d.At(path), path, m) }

// NoteAt reports, at an explicit position, a deliberate correction vanban
// made to what was typed.
func (d *Decoder) NoteAt(p diag.Pos, path string, m diag.Msg) { d.Report(diag.Note, p, path, m) }

// ProblemAt reports an error at an explicit position.
func (d *Decoder) ProblemAt(p diag.Pos, path string, m diag.Msg) { d.Report(diag.Error, p, path, m) }

// WarningAt reports a warning at an explicit position.
func (d *Decoder) WarningAt(p diag.Pos, path string, m diag.Msg) { d.Report(diag.Warning, p, path, m) }

// Report adds a diagnostic of severity s at p, naming the field's
// Vietnamese name as its hint.
func (d *Decoder) Report(s diag.Severity, p diag.Pos, path string, m diag.Msg) {
	d.Diags.Add(diag.Diagnostic{File: d.File, Pos: p, Field: path, Msg: m, Hint: d.hint(path), Severity: s})
}

// Error reports a problem with the field at path, in English only.
//
// Deprecated: use Problem, which says it in Vietnamese too.
func (d *Decoder) Error(path, msg, expected string) {
	d.add(diag.Error, d.At(path), path, msg, expected)
}

// Warn reports a suspicious value at path, in English only.
//
// Deprecated: use Warning.
func (d *Decoder) Warn(path, msg, expected string) {
	d.add(diag.Warning, d.At(path), path, msg, expected)
}

// ErrorAt reports a problem at an explicit position, in English only.
//
// Deprecated: use ProblemAt.
func (d *Decoder) ErrorAt(p diag.Pos, path, msg, expected string) {
	d.add(diag.Error, p, path, msg, expected)
}

func (d *Decoder) add(s diag.Severity, p diag.Pos, path, msg, expected string) {
	d.Diags.Add(diag.Diagnostic{File: d.File, Pos: p, Field: path, Msg: diag.Msg{En: msg, FixEn: expected},
		Hint: d.hint(path), Severity: s})
}

// hint returns the Vietnamese name of the field at path or of the nearest
// named ancestor.
func (d *Decoder) hint(path string) string {
	for path != "" {
		if f, ok := d.fieldAt(path, hinted); ok {
			return f.hint
		}
		path = parent(path)
	}
	return ""
}

// hintOf returns the Vietnamese name of the field at path, or "".
func (d *Decoder) hintOf(path string) string {
	f, _ := d.fieldAt(path, hinted)
	return f.hint
}

// lastName returns the last field name of a path: "signer.name" → "name".
func lastName(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

// Join builds the path of a child field.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Index builds the path of the i-th (0-based) element of a list.
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i+1) + "]" }

var (
	unmarshalerType     = reflect.TypeFor[Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (d *Decoder) value(n *yaml.Node, path string, v reflect.Value) {
	// Problems are reported where the alias is used, not at its anchor.
	d.Record(path, n)
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		v.Addr().Interface().(Unmarshaler).DecodeNode(d, n, path)
		return
	}
	if isNull(n) || d.unrepaired(n, path) {
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshalerType) {
		d.text(n, path, v.Addr().Interface().(encoding.TextUnmarshaler))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, path, v.Elem())
	case reflect.Struct:
		d.structure(n, path, v)
	case reflect.Slice:
		d.list(n, path, v)
	case reflect.Map:
		d.mapping(n, path, v)
	case reflect.String:
		if s, ok := d.Scalar(n, path, msgExpectText); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		d.boolean(n, path, v)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.integer(n, path, v)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.unsigned(n, path, v)
	case reflect.Float32, reflect.Float64:
		d.float(n, path, v)
	default:
		panic(fmt.Sprintf("decode: unsupported field type %s at %s", v.Type(), path))
	}
}

// fieldsExpected describes a mapping to people who never heard the word.
var fieldsExpected = [2]string{"viết các trường bên dưới, mỗi dòng một «tên: giá trị», thụt vào hai dấu cách",
	"a group of fields, one \"key: value\" per line"}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// Scalar returns the text of a scalar node, reporting an error when the
// node is a list or a mapping. want names the expected kind of value, in
// Vietnamese and in English.
func (d *Decoder) Scalar(n *yaml.Node, path string, want [2]string) (string, bool) {
	if d.unrepaired(n, path) {
		return "", false
	}
	if n.Kind == yaml.ScalarNode {
		return n.Value, true
	}
	d.Problem(path, msgFound(n, "value.kind", want[0], want[1]))
	return "", false
}

// Describe names what a node holds, in English, in the words of the
// decoder's own "found …" messages: "a list", "a group of fields", "the
// number 3", "the text \"x\"". DescribeVi says it in Vietnamese.
func Describe(n *yaml.Node) string { _, en := kindName(n); return en }

// DescribeVi names what a node holds in Vietnamese: "một danh sách",
// "một nhóm trường", "số 3", "chữ «x»".
func DescribeVi(n *yaml.Node) string { vi, _ := kindName(n); return vi }

// Found is the message "found …" for a node of the wrong kind, with what
// was expected (as an instruction in Vietnamese, "viết một số nguyên").
func Found(n *yaml.Node, code, fixVi, fixEn string) diag.Msg { return msgFound(n, code, fixVi, fixEn) }

func msgFound(n *yaml.Node, code, fixVi, fixEn string) diag.Msg {
	vi, en := kindName(n)
	return diag.Msg{Code: code, Vi: "gặp " + vi, En: "found " + en, FixVi: fixVi, FixEn: fixEn}
}

func kindName(n *yaml.Node) (vi, en string) {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách", "a list"
	case yaml.MappingNode:
		return "một nhóm trường (tên: giá trị)", "a group of fields"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "số " + n.Value, "the number " + n.Value
		case "!!bool":
			return "giá trị đúng/sai " + n.Value, "the yes/no value " + n.Value
		case "!!null":
			return "một giá trị trống", "an empty value"
		}
		return "chữ «" + short(n.Value) + "»", fmt.Sprintf("the text %q", n.Value)
	}
	return "một giá trị trống", "an empty value"
}

// Bilingual may be implemented by the errors a TextUnmarshaler returns,
// to say what is wrong and what is expected in Vietnamese too, with a
// stable code.
type Bilingual interface {
	Vietnamese() (msg, fix string)
	Code() string
}

func (d *Decoder) text(n *yaml.Node, path string, u encoding.TextUnmarshaler) {
	s, ok := d.Scalar(n, path, [2]string{"một giá trị", "a single value"})
	if !ok {
		return
	}
	if err := u.UnmarshalText([]byte(s)); err != nil {
		m := diag.Msg{Code: "value.invalid", En: err.Error(), Vi: err.Error()}
		if e, ok := err.(Expecter); ok {
			m.FixEn = e.Expected()
		}
		if b, ok := err.(Bilingual); ok {
			m.Vi, m.FixVi = b.Vietnamese()
			m.Code = b.Code()
		}
		d.Problem(path, m)
	}
}

// boolean reads a yes/no value: YAML's true and false, and the words a
// Vietnamese clerk writes, có and không (with or without diacritics), as
// the statistics reports accept them.
func (d *Decoder) boolean(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		switch strings.ToLower(strings.TrimSpace(n.Value)) {
		case "true", "yes", "có", "co":
			v.SetBool(true)
			return
		case "false", "no", "không", "khong":
			v.SetBool(false)
			return
		}
	}
	d.Problem(path, msgFound(n, "value.yes-no", "viết có hoặc không", "true or false (có or không)"))
}

func (d *Decoder) integer(n *yaml.Node, path string, v reflect.Value) {
	if d.wholeNumber(n, path) {
		var i int64
		if err := n.Decode(&i); err == nil && !v.OverflowInt(i) {
			v.SetInt(i)
			return
		}
		bits := v.Type().Bits()
		lo, hi := int64(-1)<<(bits-1), uint64(1)<<(bits-1)-1
		d.Problem(path, msgTooLarge(n.Value, fmt.Sprintf("một số nguyên từ %d đến %d", lo, hi),
			fmt.Sprintf("a whole number from %d to %d", lo, hi)))
	}
}

func (d *Decoder) unsigned(n *yaml.Node, path string, v reflect.Value) {
	if d.wholeNumber(n, path) {
		var u uint64
		if err := n.Decode(&u); err == nil && !v.OverflowUint(u) {
			v.SetUint(u)
			return
		}
		if strings.HasPrefix(n.Value, "-") {
			d.Problem(path, diag.Msg{Code: "number.negative",
				Vi: "gặp số âm " + n.Value, FixVi: "viết một số từ 0 trở lên",
				En: "found the negative number " + n.Value, FixEn: "a number of 0 or more"})
			return
		}
		hi := uint64(math.MaxUint64) >> (64 - v.Type().Bits())
		d.Problem(path, msgTooLarge(n.Value, fmt.Sprintf("một số nguyên từ 0 đến %d", hi), fmt.Sprintf("a whole number from 0 to %d", hi)))
	}
}

func msgTooLarge(value, fixVi, fixEn string) diag.Msg {
	return diag.Msg{Code: "number.too-large", Vi: "số " + value + " quá lớn", FixVi: fixVi,
		En: "the number " + value + " is too large", FixEn: fixEn}
}

// thousandsRe matches a whole number written with a thousands separator,
// as Vietnamese writes 17.340 and Excel in English 17,340.
var thousandsRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\d{1,3}([.,]\d{3})+$`) })

// msgThousands explains a whole number written with a thousands separator.
func msgThousands(value string) diag.Msg {
	sep, vi := ",", "phẩy"
	if strings.Contains(value, ".") {
		sep, vi = ".", "chấm"
	}
	plain := strings.NewReplacer(",", "", ".", "").Replace(value)
	return diag.Msg{Code: "number.thousands",
		Vi:    fmt.Sprintf("số %s được viết có dấu %s phân cách hàng nghìn", value, vi),
		FixVi: "viết liền các chữ số, không có dấu phân cách: " + plain,
		En:    fmt.Sprintf("the number %s is written with a thousands separator %q", value, sep),
		FixEn: "the digits alone, without separators: " + plain}
}

// wholeNumber reports whether n is written as a whole number, reporting
// an error when it is not.
func (d *Decoder) wholeNumber(n *yaml.Node, path string) bool {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!int":
		return true
	case n.Kind == yaml.ScalarNode && thousandsRe().MatchString(strings.TrimSpace(n.Value)):
		d.Problem(path, msgThousands(strings.TrimSpace(n.Value)))
	case n.Kind == yaml.ScalarNode && n.Tag == "!!float":
		d.Problem(path, diag.Msg{Code: "number.fraction",
			Vi: "gặp số thập phân " + n.Value, FixVi: "viết một số nguyên",
			En: "found the fractional number " + n.Value, FixEn: "a whole number"})
	default:
		d.Problem(path, msgFound(n, "value.kind", "viết một số nguyên", "a whole number"))
	}
	return false
}

func (d *Decoder) float(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		var f float64
		if err := n.Decode(&f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			if v.OverflowFloat(f) {
				d.Problem(path, msgTooLarge(n.Value, "một số nhỏ hơn", "a smaller number"))
				return
			}
			v.SetFloat(f)
			return
		}
	}
	if f, ok := decimalComma(n); ok && !v.OverflowFloat(f) {
		// "55,2" as a Vietnamese clerk writes it: one comma, not a
		// thousands group; read as 55.2 and said.
		v.SetFloat(f)
		d.Report(diag.Note, d.At(path), path, diag.Msg{Code: "number.decimal-comma-read",
			Vi:    fmt.Sprintf("đã đọc %q là số thập phân %s (dấu phẩy thập phân)", n.Value, strings.Replace(n.Value, ",", ".", 1)),
			En:    fmt.Sprintf("read %q as the decimal number %s (a decimal comma)", n.Value, strings.Replace(n.Value, ",", ".", 1)),
			FixVi: "không cần sửa; có thể viết " + strings.Replace(n.Value, ",", ".", 1),
			FixEn: "nothing to do; or write " + strings.Replace(n.Value, ",", ".", 1)})
		return
	}
	m := msgFound(n, "value.kind", "viết một số, dùng dấu chấm cho phần thập phân, ví dụ 23.5",
		"a number with a dot as decimal mark, e.g. 23.5")
	if n.Kind == yaml.ScalarNode && strings.ContainsAny(n.Value, ",") {
		dot := strings.ReplaceAll(n.Value, ",", ".")
		if _, err := strconv.ParseFloat(dot, 64); err == nil {
			m.Code = "number.decimal-comma"
			m.FixVi = "viết số với dấu chấm thập phân, không dùng dấu phẩy: " + dot
			m.FixEn = "a number written with a dot, not a comma: " + dot
			if thousandsRe().MatchString(n.Value) {
				plain := strings.ReplaceAll(n.Value, ",", "")
				m.FixVi += " (hoặc " + plain + " nếu dấu phẩy phân cách hàng nghìn)"
				m.FixEn += " (or " + plain + " if the comma separates thousands)"
			}
		}
	}
	d.Problem(path, m)
}

// decimalCommaRe is a number with one decimal comma and one or two
// decimals ("55,2", "7,25"): never a thousands group, which has three.
var decimalCommaRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\d+,\d{1,2}$`) })

// decimalComma reads a plain (unquoted) "55,2" as 55.2.
func decimalComma(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode || n.Style != 0 || !decimalCommaRe().MatchString(n.Value) {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.Replace(n.Value, ",", ".", 1), 64)
	return f, err == nil
}

func (d *Decoder) list(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.SequenceNode {
		d.Problem(path, msgFound(n, "value.kind", "viết một danh sách, mỗi ý một dòng bắt đầu bằng «- »",
			"a list, one item per line starting with \"- \""))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.value(c, Index(path, i), s.Index(i))
	}
	v.Set(s)
}

func (d *Decoder) mapping(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.Problem(path, msgFound(n, "value.kind", fieldsExpected[0], fieldsExpected[1]))
		return
	}
	if v.Type().Key().Kind() != reflect.String {
		panic("decode: map keys must be strings at " + path)
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	d.pairs(n, path, func(key string, kn, vn *yaml.Node) {
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(vn, Join(path, key), e)
		m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
	})
	v.Set(m)
}

// pairs calls fn for every key of a mapping in source order, reporting
// duplicate keys and keys that are not plain text.
func (d *Decoder) pairs(n *yaml.Node, path string, fn func(key string, kn, vn *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if kn.Kind != yaml.ScalarNode {
			vi, en := kindName(kn)
			d.ProblemAt(nodePos(kn), path, diag.Msg{Code: "key.not-a-name",
				Vi: "tên trường phải là chữ, nhưng gặp " + vi, FixVi: "viết «tên: giá trị»",
				En: "a key must be a plain name, found " + en, FixEn: "key: value"})
			continue
		}
		key := kn.Value
		if first, dup := seen[key]; dup {
			d.ProblemAt(nodePos(kn), Join(path, key), diag.Msg{Code: "key.duplicate",
				Vi: fmt.Sprintf("trường này được viết hai lần, lần đầu ở dòng %d", first), FixVi: "chỉ viết mỗi trường một lần",
				En: fmt.Sprintf("this key is given twice, first on line %d", first), FixEn: "each key once"})
			continue
		}
		seen[key] = kn.Line
		fn(key, kn, vn)
	}
}

type fieldInfo struct {
	index    int
	name     string
	required bool
	hint     string
	opts     string // the options of the yaml tag after the name
}

// structInfo is what decoding needs to know of a struct type, built once
// per type and process.
type structInfo struct {
	fields []fieldInfo
	byName map[string]int // index in fields
	names  []string       // of the fields, in their order
}

// field returns the field called name, if the struct has one.
func (s *structInfo) field(name string) (fieldInfo, bool) {
	i, ok := s.byName[name]
	if !ok {
		return fieldInfo{}, false
	}
	return s.fields[i], true
}

var fieldCache sync.Map // reflect.Type → *structInfo

// structFields describes the fields a struct type takes from YAML; the
// result is cached, since a report decodes the same types thousands of
// times.
func structFields(t reflect.Type) *structInfo {
	if s, ok := fieldCache.Load(t); ok {
		return s.(*structInfo)
	}
	s := &structInfo{byName: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		s.byName[name] = len(s.fields)
		s.names = append(s.names, name)
		s.fields = append(s.fields, fieldInfo{index: i, name: name, required: strings.Contains(opts, "required"), hint: f.Tag.Get("vi"), opts: opts})
	}
	fieldCache.Store(t, s)
	return s
}

func (d *Decoder) structure(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.Problem(path, msgFound(n, "value.kind", fieldsExpected[0], fieldsExpected[1]))
		return
	}
	info := structFields(v.Type())
	d.structs[path] = append(d.structs[path], info)
	given := map[string]*yaml.Node{}
	d.pairs(n, path, func(key string, kn, vn *yaml.Node) {
		f, ok := info.field(key)
		if !ok {
			// A misspelt key already says what is missing; do not report
			// the field it was meant to be as missing too.
			if s := d.unknownKey(key, kn, path, info.names); s != "" {
				given[s] = kn
				d.meant[Join(path, s)] = true
			}
			return
		}
		given[key] = vn
		d.value(vn, Join(path, key), v.Field(f.index))
	})
	for _, f := range info.fields {
		if f.required {
			d.required(n, given[f.name], Join(path, f.name))
		}
	}
}

// fieldAt returns the struct field that the value at path was decoded
// into, when there is one. A path decoded as several types (one
// Unmarshaler's parts) answers with the last that has the field and,
// with tagged, that gives the field a hint (a Vietnamese name) or tag
// options.
func (d *Decoder) fieldAt(path string, tagged func(fieldInfo) bool) (fieldInfo, bool) {
	parent, name := "", path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		parent, name = path[:i], path[i+1:]
	}
	list := d.structs[parent]
	for i := len(list) - 1; i >= 0; i-- {
		if f, ok := list[i].field(name); ok && tagged(f) {
			return f, true
		}
	}
	return fieldInfo{}, false
}

func hinted(f fieldInfo) bool   { return f.hint != "" }
func withOpts(f fieldInfo) bool { return f.opts != "" }

// required reports a required field that is absent (at its mapping) or
// empty (at its value).
func (d *Decoder) required(mapping, value *yaml.Node, path string) {
	switch {
	case value == nil:
		d.ProblemAt(nodePos(mapping), path, MissingField(path))
	case isNull(value) || value.Kind == yaml.ScalarNode && strings.TrimSpace(value.Value) == "":
		d.ProblemAt(nodePos(value), path, EmptyField)
	}
}

// MissingField is the message of a required field that is absent, for
// the checks that decide later whether a field is required (a trích yếu,
// which two types do without).
func MissingField(path string) diag.Msg {
	return diag.Msg{Code: "field.missing",
		Vi: "thiếu trường bắt buộc này", FixVi: "thêm dòng «" + lastName(path) + ": …»",
		En: "this required field is missing", FixEn: "a line \"" + lastName(path) + ": …\""}
}

// EmptyField is the message of a required field given no value.
var EmptyField = diag.Msg{Code: "field.empty",
	Vi: "trường bắt buộc này để trống", FixVi: "viết giá trị sau dấu hai chấm",
	En: "this required field is empty", FixEn: "a value"}

// unknownKey reports a key the structure does not have and returns the
// known key it was probably meant to be, or "".
func (d *Decoder) unknownKey(key string, kn *yaml.Node, path string, names []string) string {
	p := nodePos(kn)
	clean := strings.Map(func(r rune) rune {
		if _, ok := invisibles[r]; ok {
			return -1
		}
		return r
	}, key)
	if i := strings.IndexFunc(key, func(r rune) bool { _, ok := invisibles[r]; return ok }); i >= 0 && clean != key {
		r, _ := utf8.DecodeRuneInString(key[i:])
		p.Col += utf8.RuneCountInString(key[:i])
		d.ProblemAt(p, Join(path, clean), msgInvisible(r, 3))
		for _, n := range names {
			if n == clean {
				return n
			}
		}
		key = clean
	}
	s := Suggest(key, names)
	switch {
	case key == "<<":
		d.ProblemAt(p, path, diag.Msg{Code: "key.merge",
			Vi: "không hỗ trợ khóa gộp «<<»", FixVi: "viết đủ các trường ra",
			En: "merge keys \"<<\" are not supported", FixEn: "the fields written out"})
	case s != "":
		d.Diags.Add(diag.Diagnostic{File: d.File, Pos: p, Field: Join(path, key), Hint: d.hintOf(Join(path, s)),
			Msg: diag.Msg{Code: "key.unknown",
				Vi: fmt.Sprintf("không có trường «%s»; có phải là «%s»?", key, s),
				En: fmt.Sprintf("unknown key %q; did you mean %q?", key, s)}})
	case len(names) == 0:
		d.ProblemAt(p, Join(path, key), diag.Msg{Code: "key.unknown",
			Vi: fmt.Sprintf("không có trường «%s»", key), En: fmt.Sprintf("unknown key %q", key)})
	default:
		d.ProblemAt(p, Join(path, key), diag.Msg{Code: "key.unknown",
			Vi: fmt.Sprintf("không có trường «%s»", key), FixVi: "một trong: " + strings.Join(sorted(names), ", "),
			En: fmt.Sprintf("unknown key %q", key), FixEn: "one of: " + strings.Join(sorted(names), ", ")})
	}
	return s
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// Suggest returns the candidate closest to s when it is a plausible typo
// (a small edit distance, or a different case), or "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", math.MaxInt
	for _, c := range candidates {
		if strings.EqualFold(c, s) {
			return c
		}
		if dist := editDistance(strings.ToLower(s), strings.ToLower(c)); dist < bestD {
			best, bestD = c, dist
		}
	}
	limit := 1 + len([]rune(s))/4
	if bestD <= limit && bestD < len([]rune(s)) {
		return best
	}
	return ""
}

// editDistance is the Damerau–Levenshtein distance (optimal string
// alignment), so that a swap such as "titel" → "title" costs one edit.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Keys returns the keys of a mapping node in source order (nil for other
// nodes); callers use it to tell kinds of input apart before decoding.
func Keys(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var ks []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		ks = append(ks, n.Content[i].Value)
	}
	return ks
}

// Lookup returns the value node of key in a mapping node, or nil.
func Lookup(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
