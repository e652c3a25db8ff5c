package layout

import "testing"

// An arena hands out room that never overlaps, of any size, across its
// chunks, and from the start again once given back.
func TestArenaTake(t *testing.T) {
	a := &textArena{}
	for round := range 2 {
		var got [][]Text
		for i := range 3000 {
			n := 1 + i%7
			if i%500 == 0 {
				n = 300 + i // more than the first chunk holds
			}
			s := a.take(n)
			if len(s) != 0 || cap(s) != n {
				t.Fatalf("take(%d) = len %d cap %d", n, len(s), cap(s))
			}
			s = s[:n]
			for j := range s {
				s[j].S = string(rune('a' + i%26))
				s[j].Y = float64(i)
			}
			got = append(got, s)
		}
		for i, s := range got {
			for _, x := range s {
				if x.Y != float64(i) {
					t.Fatalf("round %d: the room of take %d was handed out again", round, i)
				}
			}
		}
		putArena(a)
		if a.cur != 0 || a.used != 0 {
			t.Fatal("a given-back arena does not hand out from its start")
		}
		select { // taken back, as getArena would
		case <-arenas:
		default:
		}
	}
}
