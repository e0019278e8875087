package conflict

import (
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/claim"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// doc makes a one-paragraph article published on day (YYYY-MM-DD or "").
func doc(id, day, body string) *text.Document {
	var pub time.Time
	if day != "" {
		pub, _ = time.Parse("2006-01-02", day)
	}
	return text.NewDocument(&parallax.Article{ID: id, Source: parallax.NullString(id)}, []string{body}, pub)
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		in       string
		unit     string
		val      float64
		lo, hi   float64
		noneWant bool
	}{
		{in: "A 48-page indictment", unit: "page", val: 48, lo: 48, hi: 48},
		{in: "He paid more than $250,000 for it", unit: "$", val: 250000, lo: 245000, hi: 1e308},
		{in: "He paid $250,000 for it", unit: "$", val: 250000, lo: 245000, hi: 255000},
		{in: "a response that lasted about two minutes", unit: "minut", val: 2, lo: 1.7, hi: 2.3},
		{in: "up to 40 people died", unit: "peopl", val: 40, lo: -1e308, hi: 40},
		{in: "prices rose 3.5 percent", unit: "percent", val: 3.5},
		{in: "in 2014 the war began", noneWant: true},
		{in: "on February 24 troops crossed", noneWant: true},
		{in: "the 2 billion dollars", unit: "dollar", val: 2e9},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			qs := Quantities(tc.in)
			if tc.noneWant {
				if len(qs) != 0 {
					t.Fatalf("got %+v, want none", qs)
				}
				return
			}
			if len(qs) == 0 {
				t.Fatalf("no quantity")
			}
			q := qs[0]
			if q.Unit != tc.unit || q.Value != tc.val {
				t.Fatalf("got %+v, want %v %s", q, tc.val, tc.unit)
			}
			if tc.lo != 0 || tc.hi != 0 {
				if q.Lo > tc.lo+1e-9 || (tc.lo > -1e300 && q.Lo < tc.lo-1e-9) || (tc.hi < 1e300 && (q.Hi > tc.hi+1e-9 || q.Hi < tc.hi-1e-9)) || (tc.hi > 1e300 && q.Hi < 1e300) {
					t.Fatalf("interval [%v, %v], want [%v, %v]", q.Lo, q.Hi, tc.lo, tc.hi)
				}
			}
		})
	}
}

func TestHalfThatTime(t *testing.T) {
	a := Quantities("While Putin's speech lasted around eight minutes, Xi spoke less than half that time.")
	b := Quantities("In a response that lasted about two minutes, Xi said China is ready.")
	if len(a) != 2 || a[1].Hi > 4.0001 {
		t.Fatalf("half that time not read: %+v", a)
	}
	ok := false
	for _, q := range a {
		if compatible(q, b[0]) {
			ok = true
		}
	}
	if !ok {
		t.Fatalf("about two minutes should fit less than half of eight: %+v %+v", a, b)
	}
}

// person builds an entity set naming each listed person wherever the
// name occurs in the documents.
func persons(docs []*text.Document, names ...string) *entity.Set {
	s := &entity.Set{}
	for ei, n := range names {
		s.Entities = append(s.Entities, parallax.Entity{Name: n, Type: parallax.Person})
		for di, d := range docs {
			for si, st := range d.Sentences {
				if k := strings.Index(st.Text, n); k >= 0 {
					s.Mentions = append(s.Mentions, entity.Mention{Entity: ei, Doc: di, Sent: si, Start: k, End: k + len(n), Text: n})
				}
			}
		}
	}
	// Mentions ordered by document, sentence and offset
	for i := 1; i < len(s.Mentions); i++ {
		for j := i; j > 0; j-- {
			a, b := s.Mentions[j-1], s.Mentions[j]
			if a.Doc < b.Doc || a.Doc == b.Doc && (a.Sent < b.Sent || a.Sent == b.Sent && a.Start <= b.Start) {
				break
			}
			s.Mentions[j-1], s.Mentions[j] = b, a
		}
	}
	return s
}

func TestFind(t *testing.T) {
	tests := []struct {
		name   string
		a, b   *text.Document
		people []string
		want   string // kind, or "" for no conflict
	}{
		{"pages", doc("a", "", "Prosecutors unsealed a 48-page indictment against the mayor on Monday."),
			doc("b", "", "Prosecutors unsealed a 47-page indictment against the mayor on Monday."), nil, parallax.NumberConflict},
		{"death toll", doc("a", "", "The earthquake killed 71 people in the coastal city, officials said."),
			doc("b", "", "The earthquake killed 43 people in the coastal city, officials said."), nil, parallax.NumberConflict},
		{"bound against figure", doc("a", "", "The painting sold for more than $250,000 at the auction in Paris."),
			doc("b", "", "The painting sold for $250,000 at the auction in Paris."), nil, ""},
		{"about against count", doc("a", "", "The earthquake killed about 70 people in the coastal city."),
			doc("b", "", "The earthquake killed 71 people in the coastal city."), nil, ""},
		{"rounded millions", doc("a", "", "The city spent 2 million dollars on the new bridge."),
			doc("b", "", "The city spent 2.04 million dollars on the new bridge."), nil, ""},
		{"half that time", doc("a", "", "While Putin's introductory speech lasted around eight minutes, Xi spoke less than half that time."),
			doc("b", "", "In a response that lasted about two minutes, Xi said that China is ready to increase strategic cooperation."), nil, ""},
		{"resigned on different days", doc("a", "2023-03-10", "The finance minister resigned on Thursday after the budget vote failed."),
			doc("b", "2023-03-10", "The finance minister resigned on Wednesday after the budget vote failed."), nil, parallax.DateConflict},
		{"same day told two ways", doc("a", "2023-03-10", "The finance minister resigned on Thursday after the budget vote failed."),
			doc("b", "2023-03-11", "The finance minister resigned on March 9 after the budget vote failed."), nil, ""},
		{"same words two speakers", doc("a", "", "The new tax plan will cut bills for millions of families next year, Smith said."),
			doc("b", "", "The new tax plan will cut bills for millions of families next year, Jones said."), []string{"Smith", "Jones"}, parallax.Attribution},
		{"same words same speaker", doc("a", "", "The new tax plan will cut bills for millions of families next year, Smith said."),
			doc("b", "", "Smith said the new tax plan will cut bills for millions of families next year."), []string{"Smith", "Jones"}, ""},
		{"agreed against no comment", doc("a", "", "During the talks, the two companies agreed to merge their research divisions."),
			doc("b", "", "Acme did not comment on merging the research divisions, which its partner wants."), nil, parallax.Contradiction},
		{"happened against denied", doc("a", "", "Police arrested the suspect at the airport on Sunday evening."),
			doc("b", "", "Police did not arrest the suspect at the airport, a spokesman said."), nil, parallax.Contradiction},
		{"one side silent, other side spoke", doc("a", "", "Putin said that military cooperation with Beijing is important for regional security."),
			doc("b", "", "Xi did not comment on the increased military cooperation that Putin is aiming for."), nil, ""},
		{"two translations", doc("a", "", "The road to peace talks will be bumpy, Chinese state television quoted Xi as saying."),
			doc("b", "", "Xi told Putin that the road to peace talks on Ukraine will not be easy."), nil, ""},
		{"both deny", doc("a", "", "China has not condemned Russia's attack on Ukraine."),
			doc("b", "", "China refrained from condemning Russia's attack on Ukraine."), nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := []*text.Document{tc.a, tc.b}
			ents := persons(docs, tc.people...)
			claims := claim.Align(docs, ents)
			got := Find(docs, claims, ents)
			if tc.want == "" {
				if len(got) != 0 {
					t.Fatalf("got %+v, want no conflict", got)
				}
				return
			}
			if len(got) != 1 || got[0].Kind != tc.want {
				t.Fatalf("got %+v, want one %s conflict", got, tc.want)
			}
			if got[0].Explanation == "" || got[0].A.Article == got[0].B.Article {
				t.Fatalf("bad conflict %+v", got[0])
			}
		})
	}
}

func TestNoConflictWithinArticle(t *testing.T) {
	d := doc("a", "", "The earthquake killed 71 people in the coastal city. The earthquake killed 43 people in the coastal city.")
	if got := Find([]*text.Document{d}, nil, nil); len(got) != 0 {
		t.Fatalf("one article cannot conflict with itself: %+v", got)
	}
}

func BenchmarkFind(b *testing.B) {
	var docs []*text.Document
	for i := 0; i < 50; i++ {
		docs = append(docs, doc(strings.Repeat("x", i+1), "2023-03-10",
			"The earthquake killed 71 people in the coastal city on Thursday. Rescuers did not find survivors in the rubble. "+
				"The government said it will spend 2 million dollars on shelters, more than last year."))
	}
	ents := &entity.Set{}
	claims := claim.Align(docs, ents)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(docs, claims, ents)
	}
}
