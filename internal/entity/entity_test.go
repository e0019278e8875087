package entity

import (
	"slices"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/corpus/textdoc"
	"github.com/parallax-news/parallax/internal/text"
)

func story(bodies ...string) []*text.Document {
	var docs []*text.Document
	for i, b := range bodies {
		docs = append(docs, textdoc.Of(string(rune('a'+i)), b))
	}
	return docs
}

func find(s *Set, name string) *parallax.Entity {
	for i := range s.Entities {
		if s.Entities[i].Name == name {
			return &s.Entities[i]
		}
	}
	return nil
}

func TestExtract(t *testing.T) {
	type want struct {
		name, typ string
		aliases   []string // each must be an alias (case-insensitive)
	}
	tests := []struct {
		name   string
		bodies []string
		want   []want
		absent []string    // names that must not be entities
		apart  [][2]string // forms that must not share an entity
	}{
		{
			name:   "titles and surnames across articles",
			bodies: []string{"German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Tuesday.", "Scholz said the talks went well. Macron agreed."},
			want:   []want{{"Olaf Scholz", "PERSON", []string{"Scholz", "German Chancellor Olaf Scholz"}}, {"Emmanuel Macron", "PERSON", []string{"Macron"}}, {"Berlin", "GPE", nil}, {"Germany", "GPE", nil}},
			absent: []string{"Tuesday", "German"},
		},
		{
			name:   "father and son are two people",
			bodies: []string{"Jesse Jackson Jr. was sentenced on Wednesday. His father, the Rev. Jesse Jackson, sat in the courtroom.", "Jesse Jackson said he was proud of his son."},
			want:   []want{{"Jesse Jackson Jr.", "PERSON", nil}, {"Jesse Jackson", "PERSON", nil}},
			apart:  [][2]string{{"Jesse Jackson", "Jesse Jackson Jr."}},
		},
		{
			name:   "country forms and the capital kept apart",
			bodies: []string{"The U.S. imposed sanctions. Washington said the US would not back down.", "The United States and the USA are one country; Beijing protested."},
			want:   []want{{"United States", "GPE", []string{"U.S.", "US", "USA"}}, {"Washington", "GPE", nil}, {"Beijing", "GPE", nil}},
			apart:  [][2]string{{"Washington", "U.S."}, {"Beijing", "China"}},
		},
		{
			name:   "acronym and expansion",
			bodies: []string{"The Group of 20 meets in Bali. The G-20 summit opens Monday.", "Leaders of the G20 arrived. The New York Times reported it; the NYT said more. The Federal Emergency Management Agency (FEMA) sent staff, and FEMA stayed."},
			want:   []want{{"Group of 20", "ORG", []string{"G-20", "G20"}}, {"New York Times", "ORG", []string{"NYT"}}, {"Federal Emergency Management Agency", "ORG", []string{"FEMA"}}},
		},
		{
			name:   "organisations from their words and context",
			bodies: []string{"Elina Ribakova, an economist at the Institute of International Finance, spoke. The Russian energy company Novatek reported gains.", "Analysts at the Peterson Institute agreed, and Novatek shares rose. Acme Widgets Corporation said nothing."},
			want:   []want{{"Elina Ribakova", "PERSON", nil}, {"Institute of International Finance", "ORG", nil}, {"Novatek", "ORG", nil}, {"Peterson Institute", "ORG", nil}, {"Acme Widgets Corporation", "ORG", nil}},
			absent: []string{"Analysts", "Russian"},
		},
		{
			name:   "hyphenated pairs and possessives",
			bodies: []string{"Xi Jinping hosted Vladimir Putin. The Xi-Putin talks lasted an hour. Russia-China ties are strong, Russia's envoy said. The Washington-based Brookings Institution disagreed."},
			want:   []want{{"Xi Jinping", "PERSON", []string{"Xi"}}, {"Vladimir Putin", "PERSON", []string{"Putin"}}, {"Russia", "GPE", nil}, {"China", "GPE", nil}, {"Brookings Institution", "ORG", nil}},
			absent: []string{"Xi-Putin", "Russia-China", "Russia's"},
		},
		{
			name:   "role descriptions resolve to the titled person",
			bodies: []string{"Chinese President Xi Jinping spoke with Russian President Vladimir Putin.", "The Chinese president urged calm. The Russian leader disagreed, and his Chinese counterpart listened. The 70-year-old Putin smiled.", "Putin spoke first. The 70-year-old said little."},
			want:   []want{{"Xi Jinping", "PERSON", []string{"The Chinese president", "his Chinese counterpart"}}, {"Vladimir Putin", "PERSON", []string{"Putin", "The Russian leader", "The 70-year-old"}}, {"China", "GPE", nil}},
			apart:  [][2]string{{"Xi Jinping", "Vladimir Putin"}},
		},
		{
			name:   "sentence openers and headings are no names",
			bodies: []string{"Moreover, the plan failed. Sanctions hurt trade, and sanctions will go on.\nMarkets Tumble As Talks Stall\nInvestors fled."},
			absent: []string{"Moreover", "Sanctions", "Markets Tumble", "Talks Stall", "Investors"},
		},
		{
			name:   "honorifics and initials",
			bodies: []string{"Dr. Anthony S. Fauci testified. Mr. Fauci said masks work. Sen. Rand Paul objected.", "Fauci left; Paul stayed."},
			want:   []want{{"Anthony S. Fauci", "PERSON", []string{"Fauci", "Dr. Anthony S. Fauci", "Mr. Fauci"}}, {"Rand Paul", "PERSON", []string{"Paul", "Sen. Rand Paul"}}},
		},
		{
			name:   "places, events and agencies",
			bodies: []string{"Hurricane Katrina struck New Orleans. Xinhua news agency said the Taiwan Strait was calm, and Reuters reported troops in Kyiv before the Winter Olympics."},
			want:   []want{{"Hurricane Katrina", "EVENT", nil}, {"Xinhua", "ORG", nil}, {"Taiwan Strait", "LOC", nil}, {"Reuters", "ORG", nil}, {"Kyiv", "GPE", nil}, {"Winter Olympics", "EVENT", nil}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Extract(story(tc.bodies...))
			for _, w := range tc.want {
				e := find(s, w.name)
				if e == nil {
					t.Errorf("no entity %q in %v", w.name, names(s))
					continue
				}
				if w.typ != "" && e.Type != w.typ {
					t.Errorf("%s: type %s, want %s", w.name, e.Type, w.typ)
				}
				for _, a := range w.aliases {
					if !slices.ContainsFunc(e.Aliases, func(x string) bool { return strings.EqualFold(x, a) }) {
						t.Errorf("%s: alias %q missing from %q", w.name, a, e.Aliases)
					}
				}
			}
			for _, a := range tc.absent {
				if s.Find(a) >= 0 {
					t.Errorf("%q found as an entity: %v", a, names(s))
				}
			}
			for _, p := range tc.apart {
				i, j := s.Find(p[0]), s.Find(p[1])
				if i >= 0 && i == j {
					t.Errorf("%q and %q merged into %q", p[0], p[1], s.Entities[i].Name)
				}
			}
		})
	}
}

func names(s *Set) []string {
	var out []string
	for _, e := range s.Entities {
		out = append(out, e.Name+"/"+e.Type)
	}
	return out
}

func TestNames(t *testing.T) {
	s := Extract(story("Chinese President Xi Jinping met Russian President Vladimir Putin.\nThe Chinese president said Beijing was ready."))
	got := s.Names(0, 1)
	want := []string{"Xi Jinping", "China", "Beijing"}
	if !slices.Equal(got, want) {
		t.Fatalf("Names(0,1) = %q, want %q", got, want)
	}
	if s.Names(5, 5) != nil {
		t.Fatalf("names of a missing sentence")
	}
	for _, m := range s.In(0, 0) {
		if m.Text != s.Entities[m.Entity].Name && m.Kind == ByName && !strings.Contains(m.Text, s.Entities[m.Entity].Name) {
			t.Errorf("mention %q of %q", m.Text, s.Entities[m.Entity].Name)
		}
	}
}

func TestSeeds(t *testing.T) {
	s := Extract(textdoc.Seeds(t))
	for _, n := range []string{"Xi Jinping", "Vladimir Putin", "Yun Sun", "Stimson Center", "New York Times", "Group of 20", "Beijing", "China"} {
		if find(s, n) == nil {
			t.Errorf("seeds: no %q", n)
		}
	}
	if find(s, "Xi Jinping").Mentions < 20 {
		t.Errorf("Xi Jinping mentioned %d times", find(s, "Xi Jinping").Mentions)
	}
}

func BenchmarkExtractSeeds(b *testing.B) {
	docs := textdoc.Seeds(b)
	b.ResetTimer()
	for b.Loop() {
		Extract(docs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(docs))/1e3, "µs/article")
}

func BenchmarkExtractECB(b *testing.B) {
	stories := textdoc.ECBStories(b)
	n := 0
	for _, st := range stories {
		n += len(st)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, st := range stories {
			Extract(st)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/article")
}
