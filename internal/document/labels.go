package document

import (
	"strconv"
	"strings"

	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/viet"
)

// typedLines removes what the clerk typed of the lines vanban writes
// around the body: the type name as a line of the trích yếu, "Kính gửi:"
// before an addressee, "Nơi nhận:" and a "Lưu" line among the recipients,
// "Lưu:" before the archive, and the position repeated as the last line
// of the authority.
func (v *validator) typedLines() {
	doc := v.doc
	v.typeNameLine()
	doc.To = v.dropLabel(doc.To, toLabel, diag.Msg{
		Code:  "to.typed-label",
		Vi:    "đã bỏ “%s” gõ ở đầu: vanban tự in “Kính gửi:”",
		En:    `%q typed at the start was left out: vanban prints "Kính gửi:" itself`,
		FixVi: "chỉ gõ tên nơi được gửi dưới to:",
		FixEn: "the addressee alone under to:",
	})
	doc.Recipients = v.dropLabel(doc.Recipients, recipientLabel, diag.Msg{
		Code:  "recipients.typed-label",
		Vi:    "đã bỏ “%s” gõ trong danh sách nơi nhận: vanban tự in tiêu đề “Nơi nhận:”",
		En:    `%q typed among the recipients was left out: vanban prints the heading "Nơi nhận:" itself`,
		FixVi: "chỉ gõ các nơi nhận dưới recipients:",
		FixEn: "only the recipients under recipients:",
	})
	v.archiveLines()
	v.positionTwice()
}

// dropLabel removes a label typed at the start of the entries of l, and
// the entries that hold nothing else, with a warning at each; msg's texts
// take the label as typed. label returns the label at the start of a
// text, "" when there is none.
func (v *validator) dropLabel(l TextList, label func(string) string, msg diag.Msg) TextList {
	var out TextList
	for _, t := range l {
		m := label(t.Value)
		if m == "" {
			out = append(out, t)
			continue
		}
		typed := trim(m)
		w := msg
		w.Vi, w.En = strings.Replace(w.Vi, "%s", typed, 1), strings.Replace(w.En, "%q", strconv.Quote(typed), 1)
		if trim(t.Value[len(m):]) == "" {
			w.FixVi, w.FixEn = "xóa dòng này", "this line removed"
		}
		v.d.WarningAt(Locate(v.doc.Source, t, leadingSpace(t.Value)), t.Path, w)
		v.cut(&t, 0, len(m))
		if trim(t.Value) != "" {
			out = append(out, t)
		}
	}
	return out
}

// typeNameLine removes a line of the trích yếu that is the type name
// ("KẾ HOẠCH"), which vanban prints above it; the trích yếu must keep a
// line of its own.
func (v *validator) typeNameLine() {
	doc := v.doc
	name := viet.Upper(doc.Kind.Name)
	if name == "" || doc.Kind.IsLetter() {
		return
	}
	var out TextList
	for _, t := range doc.Title {
		if viet.Upper(oneLine(t.Value)) != name || len(doc.Title.NonBlank()) < 2 {
			out = append(out, t)
			continue
		}
		v.d.WarningAt(Locate(doc.Source, t, leadingSpace(t.Value)), t.Path, diag.Msg{
			Code:  "title.type-name",
			Vi:    "đã bỏ dòng “" + trim(t.Value) + "”: vanban tự in tên loại văn bản “" + name + "” phía trên trích yếu",
			En:    "the line " + strconv.Quote(trim(t.Value)) + " was left out: vanban prints the type name " + strconv.Quote(name) + " above the abstract itself",
			FixVi: "chỉ gõ trích yếu dưới title:; tên loại văn bản lấy từ type:",
			FixEn: "only the abstract under title:; the type name comes from type:",
		})
	}
	if len(out) < len(doc.Title) {
		doc.Title = out
	}
}

// archiveLines takes a "Lưu" line typed among the recipients as the
// archive when archive: is not given (it is printed last, as the decree
// has it), and leaves it out with a warning when it is, since vanban
// prints archive: as the Lưu line; "Lưu:" typed before the archive is
// left out too.
func (v *validator) archiveLines() {
	doc := v.doc
	if m := archiveWord(doc.Archive.Value); m != "" && trim(doc.Archive.Value[len(m):]) != "" {
		v.d.WarningAt(Locate(doc.Source, doc.Archive, leadingSpace(doc.Archive.Value)), doc.Archive.Path, diag.Msg{
			Code:  "archive.typed-label",
			Vi:    "đã bỏ “" + trim(m) + "” gõ ở đầu: vanban tự in “- Lưu:”",
			En:    strconv.Quote(trim(m)) + ` typed at the start was left out: vanban prints "- Lưu:" itself`,
			FixVi: "chỉ gõ nơi lưu: " + stripEnd(doc.Archive.Value[len(m):]),
			FixEn: "the archive alone: " + stripEnd(doc.Archive.Value[len(m):]),
		})
		v.cut(&doc.Archive, 0, len(m))
	}
	var out TextList
	for _, t := range doc.Recipients {
		switch {
		case !isArchiveLine(t.Value):
			out = append(out, t)
		case trim(doc.Archive.Value) == "":
			a := t
			v.cut(&a, 0, len(archiveWord(t.Value)))
			doc.Archive = a
		default:
			typed, given := stripEnd(oneLine(t.Value)), "Lưu: "+stripEnd(oneLine(doc.Archive.Value))
			vi := "dòng “" + typed + "” trong nơi nhận đã được bỏ, vì archive: đã cho dòng “" + given + "”"
			en := "the line " + strconv.Quote(typed) + " among the recipients was left out, as archive: gives the line " + strconv.Quote(given)
			if viet.Upper(strings.ReplaceAll(strings.TrimLeft(typed[len(archiveWord(typed)):], " "), " ", "")) !=
				viet.Upper(strings.ReplaceAll(stripEnd(doc.Archive.Value), " ", "")) {
				vi += " (hai dòng khác nhau: vanban in dòng của archive:)"
				en += " (they differ: vanban prints archive:)"
			}
			v.d.WarningAt(Locate(doc.Source, t, leadingSpace(t.Value)), t.Path, diag.Msg{
				Code: "recipients.archive-twice", Vi: vi, En: en,
				FixVi: "xóa dòng Lưu trong recipients:, chỉ ghi nơi lưu ở archive:",
				FixEn: "the Lưu line removed from recipients:, the archive given in archive: only",
			})
		}
	}
	if len(out) < len(doc.Recipients) {
		doc.Recipients = out
	}
}

// positionTwice leaves out the last line of the authority when it is the
// position again: authority [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH] with position
// CHỦ TỊCH would print CHỦ TỊCH twice.
func (v *validator) positionTwice() {
	for _, s := range v.doc.Signatures() {
		v.positionTwiceIn(s)
	}
}

// positionTwiceIn is positionTwice for one signature block.
func (v *validator) positionTwiceIn(s *Signer) {
	last := -1
	for i, t := range s.Authority {
		if trim(t.Value) != "" {
			last = i
		}
	}
	pos := sameLine(s.Position.Value)
	if pos == "" || last < 0 || sameLine(s.Authority[last].Value) != pos {
		return
	}
	t := s.Authority[last]
	v.d.WarningAt(Locate(v.doc.Source, t, leadingSpace(t.Value)), t.Path, diag.Msg{
		Code:  "signer.position-twice",
		Vi:    "dòng “" + trim(t.Value) + "” của thẩm quyền ký trùng với chức vụ nên đã được bỏ, để chức vụ không in hai lần",
		En:    "the authority's line " + strconv.Quote(trim(t.Value)) + " is the position again, so it was left out, not to print it twice",
		FixVi: "xóa dòng này trong authority:; chức vụ chỉ ghi ở position:",
		FixEn: "this line removed from authority:; the position in position: only",
	})
	s.Authority = append(s.Authority[:last:last], s.Authority[last+1:]...)
}

// sameLine is a line of the signature as it prints: capitals, single
// spaces, without end punctuation.
func sameLine(s string) string { return viet.Upper(stripEnd(oneLine(s))) }
