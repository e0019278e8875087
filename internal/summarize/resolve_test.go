package summarize

import (
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// TestResolvePronouns checks that an opening "he" or "she" is rewritten as
// the person it refers to, and left alone when its article names no one
// it can refer to.
func TestResolvePronouns(t *testing.T) {
	cases := []struct {
		name  string
		paras []string
		sent  int    // the sentence whose pronoun is resolved
		want  string // the canonical name, "" for none
		text  string // the sentence as the summary would print it
	}{
		{
			name:  "one man",
			paras: []string{"Prime Minister Mark Dalton opened the new bridge in Leeds on Monday. He promised further money for northern railways."},
			sent:  1, want: "Mark Dalton",
			text: "Mark Dalton promised further money for northern railways.",
		},
		{
			name:  "short phrase before the pronoun",
			paras: []string{"Governor Maria Lopez signed the water bill in Sacramento on Tuesday. On Friday, she vetoed a tax on diesel fuel."},
			sent:  1, want: "Maria Lopez",
			text: "On Friday, Maria Lopez vetoed a tax on diesel fuel.",
		},
		{
			name:  "a woman then a man: she is the woman",
			paras: []string{"Senator Helen Carter met Thomas Becker in Berlin on Thursday. She asked for a joint inquiry into the shipping losses."},
			sent:  1, want: "Helen Carter",
			text: "Helen Carter asked for a joint inquiry into the shipping losses.",
		},
		{
			name:  "a woman then a man: he is the man",
			paras: []string{"Senator Helen Carter met Thomas Becker in Berlin on Thursday. He declined to comment on the shipping losses."},
			sent:  1, want: "Thomas Becker",
			text: "Thomas Becker declined to comment on the shipping losses.",
		},
		{
			name:  "two men: the subject, not the one in the prepositional phrase",
			paras: []string{"Coach Daniel Moreno spoke with striker Paul Okafor after the match in Lyon. He said the team would appeal the red card."},
			sent:  1, want: "Daniel Moreno",
			text: "Daniel Moreno said the team would appeal the red card.",
		},
		{
			name:  "never a person named in the pronoun's own sentence",
			paras: []string{"Chancellor Olaf Brenner arrived in Rome on Sunday. He met Giorgio Valli at the foreign ministry for two hours."},
			sent:  1, want: "Olaf Brenner",
			text: "Olaf Brenner met Giorgio Valli at the foreign ministry for two hours.",
		},
		{
			name:  "no person before it: left alone",
			paras: []string{"The storm flooded three villages in the valley overnight. He said the river had never risen so fast."},
			sent:  1, want: "",
			text: "He said the river had never risen so fast.",
		},
		{
			name:  "a pronoun of the other sex with no match among known sexes: left alone",
			paras: []string{"Queen Margaret opened the new hospital wing in Dundee on Monday. He said the wards would take patients from March."},
			sent:  1, want: "",
			text: "He said the wards would take patients from March.",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs := []*text.Document{doc("a", c.paras...)}
			ents := entity.Extract(docs)
			p := newPeople(ents)
			refs := p.resolve(0, docs[0])
			got := ""
			if r := refs[c.sent]; r >= 0 {
				got = ents.Entities[r].Name
			}
			if got != c.want {
				t.Fatalf("pronoun of %q resolved to %q, want %q", docs[0].Sentences[c.sent].Text, got, c.want)
			}
			txt := docs[0].Sentences[c.sent].Text
			if got != "" {
				txt, _ = named(txt, got)
			}
			if txt != c.text {
				t.Errorf("rewritten %q, want %q", txt, c.text)
			}
		})
	}
}

// TestNamed checks the rewriting itself: a possessive for "his" and
// "her", a lead phrase kept, no rewriting without an opening pronoun.
func TestNamed(t *testing.T) {
	cases := []struct{ in, name, want string }{
		{"He said the talks would resume.", "Ana Ruiz", "Ana Ruiz said the talks would resume."},
		{"Her government fell in May.", "Ana Ruiz", "Ana Ruiz's government fell in May."},
		{"His party’s vote fell sharply.", "Tom Hale", "Tom Hale’s party’s vote fell sharply."},
		{"On Friday, he resigned.", "Tom Hale", "On Friday, Tom Hale resigned."},
		{"The minister said he would resign.", "Tom Hale", "The minister said he would resign."},
		{"After a long and bitter fight over the budget, he resigned.", "Tom Hale", "After a long and bitter fight over the budget, he resigned."},
	}
	for _, c := range cases {
		if got, _ := named(c.in, c.name); got != c.want {
			t.Errorf("named(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestRenderShortName checks that a person named in place of a pronoun is
// named in full the first time and by the short name once the summary has
// named them.
func TestRenderShortName(t *testing.T) {
	docs := []*text.Document{
		doc("a", "Prime Minister Mark Dalton opened the new bridge in Leeds on Monday, officials said. Dalton praised the engineers who built the bridge in two years. He promised further money for northern railways and new stations in Yorkshire."),
		doc("b", "Mark Dalton opened a new bridge in Leeds on Monday. Dalton promised further money for northern railways and new stations in Yorkshire."),
	}
	ents := entity.Extract(docs)
	cs := candidates(docs, nil, newPeople(ents))
	var c *cand
	for _, x := range cs {
		if x.doc == 0 && x.sent == 2 {
			c = x
		}
	}
	if c == nil || c.text != "Mark Dalton promised further money for northern railways and new stations in Yorkshire." {
		t.Fatalf("candidate %+v", c)
	}
	if got := render(c, nil); got != c.text {
		t.Errorf("first mention %q", got)
	}
	before := []parallax.SummarySentence{{Text: "Mark Dalton opened a new bridge in Leeds on Monday."}}
	if got, want := render(c, before), "Dalton promised further money for northern railways and new stations in Yorkshire."; got != want {
		t.Errorf("later mention %q, want %q", got, want)
	}
}
