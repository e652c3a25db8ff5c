package document

import (
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/vanban/vanban/internal/decode"
)

// Groups of recipients. Central bodies send one document to many bodies of
// a kind and name them as a group (Nghị định 30, Phụ lục I: "tên mỗi cơ
// quan … hoặc mỗi nhóm cơ quan … được trình bày trên một dòng riêng"). A
// group is printed the way it is written:
//
//	recipients:
//	  - Các bộ: [Nội vụ, Tư pháp, Tài chính]   # "- Các bộ: Nội vụ, Tư pháp, Tài chính;"
//	  - Các tỉnh, thành phố:                  # "- Các tỉnh, thành phố:"
//	      - Hà Nội                            # "+ Hà Nội;"
//	      - Hải Phòng                         # "+ Hải Phòng;"
//
// Written flat, an entry ending with ":" is a group's title (never
// followed by ";") and the entries typed "+ …" under it are its members.

// recipientPath is the path of an entry of "Nơi nhận".
var recipientPath = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^recipients\[\d+\]$`) })

// recipientList decodes "Nơi nhận" written as a list that holds a group,
// entry by entry, into l, and reports whether it did; a list without
// groups is read as every list of lines is.
func recipientList(d *decode.Decoder, n *yaml.Node, path string, l *TextList) bool {
	if path != "recipients" || n.Kind != yaml.SequenceNode {
		return false
	}
	group := false
	for _, c := range n.Content {
		group = group || c.Kind == yaml.MappingNode && len(c.Content) == 2 && c.Content[1].Kind == yaml.SequenceNode
	}
	if !group {
		return false
	}
	for i, c := range n.Content {
		p := decode.Index(path, i)
		d.Record(p, c)
		t := Text{Listed: true}
		if !recipientGroup(d, c, p, &t) {
			q, _ := d.Prose(c, p)
			t.Value, t.Path, t.Node = q.Value, p, q.Node
		}
		*l = append(*l, t)
	}
	return true
}

// recipientGroup decodes an entry of "Nơi nhận" written as a group, a title
// with a list of members under it, into t, and reports whether it was one.
func recipientGroup(d *decode.Decoder, n *yaml.Node, path string, t *Text) bool {
	if !recipientPath().MatchString(path) || n.Kind != yaml.MappingNode || len(n.Content) != 2 ||
		n.Content[0].Kind != yaml.ScalarNode || n.Content[1].Kind != yaml.SequenceNode {
		return false
	}
	key, list := n.Content[0], n.Content[1]
	t.Path, t.Node, t.Value, t.Listed = path, key, key.Value, true
	t.Inline = list.Style&yaml.FlowStyle != 0
	d.Value(list, decode.Join(path, "members"), &t.Members)
	return true
}

// recipientLine is a line under "Nơi nhận:" before its end punctuation:
// its mark ("- ", or "+ " for a member), its text, and whether it is a
// group's title, which ends with ":".
type recipientLine struct {
	mark, text string
	title      bool
}

// recipientLines lays the recipients out in lines: an entry, a group on
// one line ("Các bộ: Nội vụ, Tư pháp") or a title with its members under
// it, an entry typed "+ …" as a member.
func (doc *Document) recipientLines() []recipientLine {
	var out []recipientLine
	for _, r := range doc.Recipients.NonBlank() {
		s := oneLine(r.Value)
		members := r.Members.Values()
		switch {
		case len(members) > 0 && r.Inline:
			for i, m := range members {
				members[i] = stripEnd(oneLine(m))
			}
			out = append(out, recipientLine{"- ", strings.TrimRight(stripEnd(s), ":") + ": " + strings.Join(members, ", "), false})
		case len(members) > 0:
			out = append(out, recipientLine{"- ", strings.TrimRight(stripEnd(s), ":"), true})
			for _, m := range members {
				out = append(out, recipientLine{"+ ", memberText(m), false})
			}
		case strings.HasPrefix(s, "+"):
			out = append(out, recipientLine{"+ ", memberText(s), false})
		case strings.HasSuffix(strings.TrimRight(s, " "), ":"):
			out = append(out, recipientLine{"- ", strings.TrimRight(strings.TrimPrefix(s, "- "), ": "), true})
		default:
			out = append(out, recipientLine{"- ", strings.TrimPrefix(s, "- "), false})
		}
	}
	return out
}

// memberText is a member's text without the "+" typed before it.
func memberText(s string) string { return trim(strings.TrimPrefix(oneLine(s), "+")) }
