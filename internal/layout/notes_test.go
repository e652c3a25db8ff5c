package layout_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/layout"
)

// noteDoc is a document whose line calling a note falls at a different
// place of the page for each n; the note is long words times long.
func noteDoc(n, long int) []byte {
	return []byte(fmt.Sprintf(`type: bao-cao
issuer: {name: SỞ NỘI VỤ, abbr: SNV}
place: Thanh Hóa
date: 2024-03-05
title: Kết quả công tác văn thư
signer: {position: GIÁM ĐỐC, name: Lê Văn Bình}
archive: VT
preamble:
  - "%shết."
  - Năm 2024, Sở đã thẩm định 33 đề nghị[^a] và 176 dự thảo văn bản[^b].
  - Các đơn vị đã lập hồ sơ điện tử theo quy định.
closing: ["Sở Nội vụ báo cáo."]
footnotes:
  a: Gồm 09 đề nghị của các sở.
  b: "%s"
`, strings.Repeat("chữ ", n), strings.Repeat("dự thảo ", long)))
}

// notesOn returns the calls and the numbers of the notes on a page.
func notesOn(p *layout.Page) (calls, notes []string) {
	for _, t := range p.Texts {
		switch t.Tag {
		case "footnote-ref":
			calls = append(calls, t.S)
		case "footnote-number":
			notes = append(notes, t.S)
		}
	}
	return calls, notes
}

// Wherever the calling line falls, its notes are at the foot of its page,
// under the rule, below the body and inside the text block; the calls are
// superscripts, smaller and raised.
func TestFootnotesOnTheCallingPage(t *testing.T) {
	m := fonts(t)
	o := layout.OptionsFor(decodeDoc(t, noteDoc(0, 3)).Style)
	moved := 0
	for n := 0; n < 800; n += 7 {
		pages := compose(t, noteDoc(n, 3))
		for i := range pages {
			p := &pages[i]
			calls, notes := notesOn(p)
			if strings.Join(calls, ",") != strings.Join(notes, ",") {
				t.Fatalf("n=%d page %d: calls %v, notes %v", n, i+1, calls, notes)
			}
			if len(calls) > 0 && i > 0 {
				moved++
			}
			rule, ok := p.Rule("footnote-rule")
			if ok != (len(notes) > 0) {
				t.Fatalf("n=%d page %d: rule %v with notes %v", n, i+1, ok, notes)
			}
			for _, tx := range p.Texts {
				switch tx.Tag {
				case "footnote", "footnote-number":
					if tx.Y < rule.Y1 || tx.Y > o.PageH-o.Bottom+0.01 {
						t.Fatalf("n=%d page %d: note text %q at %.1f, rule at %.1f", n, i+1, tx.S, tx.Y, rule.Y1)
					}
				case "footnote-ref":
					if tx.Font.Size >= o.BodySize || tx.Font.Size < 8 {
						t.Fatalf("call %q in %.1f pt", tx.S, tx.Font.Size)
					}
				case "page-number", "address":
				default:
					if ok && tx.Y > rule.Y1-3 {
						t.Fatalf("n=%d page %d: %q (%s) at %.1f, under the notes' rule at %.1f", n, i+1, tx.S, tx.Tag, tx.Y, rule.Y1)
					}
				}
			}
			if ok && (rule.X2-rule.X1 != 50 || rule.X1 != o.Left) {
				t.Fatalf("rule %+v", rule)
			}
			_ = m
		}
	}
	if moved == 0 {
		t.Error("no calling line fell on page 2: the test does not test the break")
	}
}

// A note longer than the room under its line continues at the foot of the
// next page, under a rule across the text block; nothing is lost.
func TestLongFootnoteContinues(t *testing.T) {
	pages := compose(t, noteDoc(600, 1200))
	words := 0
	continued := false
	for i := range pages {
		if _, ok := pages[i].Rule("footnote-continued"); ok {
			continued = true
		}
		for _, tx := range pages[i].Texts {
			if tx.Tag == "footnote" {
				words += strings.Count(tx.S, "dự")
			}
		}
	}
	if !continued {
		t.Fatal("no continued note")
	}
	if words != 1200 {
		t.Errorf("%d of 1200 words of the note printed", words)
	}
}

// A note called in a decision and again in the Quy chế it issues: the Quy
// chế numbers its notes from 1, as its pages; each page's notes are those
// its lines call, in the order of their numbers; the second call of a
// note is a note of its own, printed with its text on its page.
func TestNotesOfAnAttachment(t *testing.T) {
	src, err := os.ReadFile("../../examples/quyet-dinh-ban-hanh-quy-che-lam-viec-xa-xuan-phu-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, r := range [][2]string{
		{"\n    2021 - 2026.", "\n    2021 - 2026[^a]."},
		{"gọi tắt là Ủy ban nhân dân xã).", "gọi tắt là Ủy ban nhân dân xã)[^b]."},
		{"chịu sự điều chỉnh của Quy chế này.", "chịu sự điều chỉnh của Quy chế này[^a]."},
	} {
		if !strings.Contains(s, r[0]) {
			t.Fatalf("the example no longer says %q", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	s += "footnotes:\n  a: Quy chế thay thế Quy chế ban hành kèm theo Quyết định số 12/QĐ-UBND.\n  b: Theo Luật Tổ chức chính quyền địa phương.\n"
	pages := compose(t, []byte(s))
	var got []string
	for i := range pages {
		calls, notes := notesOn(&pages[i])
		if strings.Join(calls, ",") != strings.Join(notes, ",") {
			t.Errorf("page %d (attachment %d): calls %v, notes %v", i+1, pages[i].Attachment, calls, notes)
		}
		if len(notes) > 0 {
			got = append(got, fmt.Sprintf("%d:%s", pages[i].Attachment, strings.Join(notes, ",")))
		}
		for _, tx := range pages[i].Texts {
			if tx.Tag == "footnote" && strings.Contains(tx.S, "Quy chế thay thế") && pages[i].Attachment == 1 && !strings.Contains(strings.Join(notes, ","), "2") {
				t.Errorf("page %d: the Quy chế's second note printed without its number", i+1)
			}
		}
	}
	if want := "0:1|1:1,2"; strings.Join(got, "|") != want {
		t.Errorf("notes by page %q, want %q (the decision's note 1, the Quy chế's 1 and 2)", strings.Join(got, "|"), want)
	}
}
