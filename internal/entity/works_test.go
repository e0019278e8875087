package entity

import (
	"slices"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

// Classes of errors seen on stories beyond the seeds (celebrity news in
// ECB+): works typed as people, outlets as people, names ending on a
// preposition, title-case phrases and sentence openers taken for names.
func TestGeneralTyping(t *testing.T) {
	tests := []struct {
		name   string
		bodies []string
		typed  map[string]string // entity -> type
		absent []string          // forms that must not be entities (nor aliases)
		alias  [][2]string       // entity, alias
	}{
		{
			name: "quoted titles are works, whole wherever written",
			bodies: []string{
				`Dana Fox, who starred in "Summer Lake" and "The Broken Compass," entered a clinic.`,
				`The Summer Lake actress also had a role on "Night Shift" in 2004.`,
				`Fox is known for Summer Lake and Night Shift.`,
			},
			typed:  map[string]string{"Summer Lake": parallax.Other, "Broken Compass": parallax.Other, "Night Shift": parallax.Other, "Dana Fox": parallax.Person},
			absent: []string{"Lake", "Compass"},
		},
		{
			name:   "a demonym opening a work title is part of it",
			bodies: []string{`She starred in "American Dreamers" in 1999.`, `The American Dreamers star left the show.`},
			typed:  map[string]string{"American Dreamers": parallax.Other},
			absent: []string{"Dreamers"},
		},
		{
			name:   "work nouns around an unquoted title",
			bodies: []string{"He hosted the show Quiz Kings for a year. The Glass Harbor actress won an award, and she appeared in Midnight Orchard later."},
			typed:  map[string]string{"Quiz Kings": parallax.Other, "Glass Harbor": parallax.Other, "Midnight Orchard": parallax.Other},
		},
		{
			name:   "a given name in quote marks stays a person",
			bodies: []string{`Her show "Ellen" ran for years.`, `Ellen Lawson said she was proud. Lawson thanked fans.`},
			typed:  map[string]string{"Ellen Lawson": parallax.Person},
			alias:  [][2]string{{"Ellen Lawson", "Lawson"}},
		},
		{
			name:   "magazines and sites are outlets",
			bodies: []string{"Her rep told People magazine on Friday. He later told Us Weekly and Variety.", "A friend told People.com and Gossipline.com that she was fine. She hosted a show on E! for a year."},
			typed:  map[string]string{"People": parallax.Org, "Us Weekly": parallax.Org, "Variety": parallax.Org, "Gossipline.com": parallax.Org, "E! News": parallax.Org},
			alias:  [][2]string{{"People", "People magazine"}, {"People", "People.com"}, {"E! News", "E!"}},
			absent: []string{"E", "People and Us Weekly"},
		},
		{
			name:   "a common word opening a sentence is not an ambiguous outlet",
			bodies: []string{"People are worried about the plan, and people said so. Time will tell."},
			absent: []string{"People", "Time"},
		},
		{
			name:   "studios and brothers are organisations",
			bodies: []string{"Lantern Pictures hired him. Marlow Brothers released the film, Kestrel Records the soundtrack."},
			typed:  map[string]string{"Lantern Pictures": parallax.Org, "Marlow Brothers": parallax.Org, "Kestrel Records": parallax.Org},
		},
		{
			name:   "a name never ends on a connector",
			bodies: []string{"She checked into Harbor Recovery Center on Tuesday. The Harbor Recovery Center on Friday confirmed it."},
			typed:  map[string]string{"Harbor Recovery Center": parallax.Org},
			absent: []string{"Harbor Recovery Center on"},
		},
		{
			name:   "an organisation word heading an of-phrase",
			bodies: []string{"The Academy of Motion Picture Arts and Sciences chose a host."},
			typed:  map[string]string{"Academy of Motion Picture Arts": parallax.Org},
		},
		{
			name:   "title-case common phrases are no names",
			bodies: []string{"Perennial party girl Mia Torres checked in. Her rep confirmed the Perennial Party Girl was there.", "The Big Show was the party of the year, a big show indeed."},
			typed:  map[string]string{"Mia Torres": parallax.Person},
			absent: []string{"Perennial Party Girl", "Perennial", "Big Show"},
		},
		{
			name:   "words that only open sentences are no names",
			bodies: []string{"Sadly, the plan failed. Sadly, nobody came.", "Trust me. Trust me, it works."},
			absent: []string{"Sadly", "Trust"},
		},
		{
			name:   "a possessive after a quote mark is no closing mark",
			bodies: []string{`"She was our mom," Madeline Kafoury's son said. "We miss her." Kafoury's daughter wept.`},
			typed:  map[string]string{"Madeline Kafoury": parallax.Person},
			alias:  [][2]string{{"Madeline Kafoury", "Kafoury"}},
		},
		{
			name:   "awards are no people",
			bodies: []string{"She won a Primetime Emmy Award and the Golden Fern Prize."},
			typed:  map[string]string{"Primetime Emmy Award": parallax.Other, "Golden Fern Prize": parallax.Other},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Extract(story(tc.bodies...))
			for n, typ := range tc.typed {
				e := find(s, n)
				if e == nil {
					t.Errorf("no entity %q in %v", n, names(s))
					continue
				}
				if e.Type != typ {
					t.Errorf("%s: type %s, want %s", n, e.Type, typ)
				}
			}
			for _, a := range tc.absent {
				if i := s.Find(a); i >= 0 {
					t.Errorf("%q found as entity %q: %v", a, s.Entities[i].Name, names(s))
				}
			}
			for _, p := range tc.alias {
				e := find(s, p[0])
				if e == nil {
					t.Errorf("no entity %q in %v", p[0], names(s))
					continue
				}
				if !slices.ContainsFunc(e.Aliases, func(x string) bool { return strings.EqualFold(x, p[1]) }) {
					t.Errorf("%s: alias %q missing from %q", p[0], p[1], e.Aliases)
				}
			}
		})
	}
}

func TestQuotedTitles(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`She starred in "American Pie" and "The Big Lebowski."`, []string{"American Pie", "Big Lebowski"}},
		{`He said "we will win" today.`, nil},
		{`A role in “Night Shift”, then ‘Summer Lake’.`, []string{"Night Shift", "Summer Lake"}},
		{`He told the "New York Times" and "NYT".`, nil}, // known names
		{`Her show "Ellen" ended.`, nil},                 // a given name
		{`"Year of the Woman" was the theme.`, []string{"Year of the Woman"}},
		{`"It's over," she said.`, nil},
	}
	for _, tc := range tests {
		if got := quotedTitles(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("quotedTitles(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDescribed(t *testing.T) {
	s := Extract(story("The singer's rep Jack Moreno confirmed the news. Her lawyer, Ana Ruiz, declined to comment.", "Attorney Ben Cole represents the label. Moreno spoke again."))
	if got := s.Described("publicist"); len(got) != 1 || s.Entities[got[0]].Name != "Jack Moreno" {
		t.Errorf("Described(publicist) = %v, want Jack Moreno", got)
	}
	if got := s.Described("attorney"); len(got) != 1 || s.Entities[got[0]].Name != "Ana Ruiz" {
		t.Errorf("Described(attorney) = %v (%v), want Ana Ruiz only (Attorney Ben Cole is a title)", got, names(s))
	}
	if got := s.Described("friend"); got != nil {
		t.Errorf("Described(friend) = %v, want none", got)
	}
}
