package claim

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// unitsOf returns the units of a one-sentence text by their word ("w:"
// keys without the prefix, other keys whole).
func unitsOf(t *testing.T, s string) map[string]Unit {
	t.Helper()
	toks := text.Tokenize(s)
	out := map[string]Unit{}
	for _, u := range Units(text.Sentence{Text: s, Tokens: toks}, nil, nil) {
		out[strings.TrimPrefix(u.Key, "w:")] = u
	}
	return out
}

func TestFrame(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		frame, body []string // stems in the reporting frame, and in the statement
	}{
		{"closing attribution", "Interest rates will stay high for longer, the central bank governor said at a news conference in Frankfurt.",
			[]string{"central", "governor", "news", "confer", "frankfurt"}, []string{"interest", "rate", "stay", "longer"}},
		{"opening with that", "The minister told parliament on Tuesday that the budget deficit would vanish.",
			[]string{"minist", "parliament", "tuesday"}, []string{"budget", "deficit", "vanish"}},
		{"opening without that", "The coach said his players were exhausted after the final.",
			[]string{"coach"}, []string{"player", "exhaust", "final"}},
		{"according to", "Three people were injured in the blast, according to local police officials.",
			[]string{"local", "offici"}, []string{"peopl", "blast"}},
		{"after a leading clause", "While the storm moved north, the mayor said that schools would open on Monday.",
			[]string{"mayor"}, []string{"storm", "school", "open"}},
		{"speech verb in a quote opens no frame", `"We said no to the merger," the chairman wrote in a letter.`,
			nil, []string{"merger"}},
		{"long subject is no speaker", "The committee that examined the accounts of the regional hospital trust over three years said nothing.",
			nil, []string{"committe", "examin", "account", "region", "trust"}},
		{"added with an object is no speech", "Employers added 250,000 jobs in October, federal economists reported.",
			nil, []string{"employ", "job", "octob"}},
		{"added that is speech", "The governor added that the bridge would stay closed.",
			[]string{"governor"}, []string{"bridg", "stay", "close"}},
		{"closing added", "The bridge will stay closed until May, the governor added.",
			[]string{"governor"}, []string{"bridg", "stay", "close"}},
		{"subject that is a clause", "Biden has become the first president to declare the killings a genocide.",
			nil, []string{"biden", "first", "presid", "genocid"}},
		{"no speech", "The river burst its banks and flooded two villages.",
			nil, []string{"river", "burst", "bank", "flood", "villag"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			us := unitsOf(t, tc.in)
			for _, w := range tc.frame {
				u, ok := us[w]
				if !ok {
					t.Fatalf("no unit %q in %v", w, us)
				}
				if !u.Frame {
					t.Errorf("%q is not in the frame", w)
				}
			}
			for _, w := range tc.body {
				u, ok := us[w]
				if !ok {
					t.Fatalf("no unit %q in %v", w, us)
				}
				if u.Frame {
					t.Errorf("%q of the statement is in the frame", w)
				}
			}
		})
	}
}

func TestBackground(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		background []string
		main       []string
	}{
		{"leading time phrase", "During the visit to Geneva, the two leaders agreed on new arms control rules.",
			[]string{"visit", "geneva"}, []string{"leader", "agre", "arm", "control", "rule"}},
		{"leading while clause after and", "And while the walkout continued, the union accepted a new pay offer.",
			[]string{"walkout", "continu"}, []string{"union", "accept", "pay", "offer"}},
		{"trailing as clause", "Another 6,000 people filed for benefits last week, as layoffs spread through the retail sector.",
			[]string{"layoff", "spread", "retail", "sector"}, []string{"peopl", "file", "benefit", "week"}},
		{"preposition without comma", "In the first half of the year profits rose by a third.",
			nil, []string{"half", "year", "profit"}},
		{"main clause too short", "After months of haggling, it ended.",
			nil, []string{"month", "haggl"}},
		{"despite without comma is main", "Exports grew despite the sanctions imposed by the West.",
			nil, []string{"export", "sanction", "impos"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			us := unitsOf(t, tc.in)
			check := func(ws []string, want bool) {
				for _, w := range ws {
					u, ok := us[w]
					if !ok {
						t.Fatalf("no unit %q in %v", w, us)
					}
					if u.Background != want {
						t.Errorf("%q: background %v, want %v", w, u.Background, want)
					}
				}
			}
			check(tc.background, true)
			check(tc.main, false)
		})
	}
}

func TestNegators(t *testing.T) {
	tests := []struct {
		in, word string
		negated  bool
	}{
		{"The government did not condemn the attack.", "s:condemn", true},
		{"The government refrained from condemning the attack.", "s:condemn", true},
		{"The company declined to comment on the report.", "comment", true},
		{"Officials failed to agree on a ceasefire.", "agre", true},
		{"Beijing stopped short of endorsing the plan.", "endors", true},
		{"The government condemned the attack.", "s:condemn", false},
		{"The road to peace will not be easy.", "s:difficult", false}, // the lexicon absorbs "not easy"
		{"Prices declined sharply in March.", "s:decrease", false},    // "declined" without "to" is a fall
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			us := unitsOf(t, tc.in)
			u, ok := us[tc.word]
			if !ok {
				t.Fatalf("no unit %q in %v", tc.word, us)
			}
			if u.Negated != tc.negated {
				t.Errorf("%q negated %v, want %v", tc.word, u.Negated, tc.negated)
			}
		})
	}
}

// simOf returns the similarity of the first sentences of two one-sentence
// articles.
func simOf(a, b string) float64 {
	m := NewModel([]*text.Document{doc("a", a), doc("b", b)}, &entity.Set{})
	return m.Similarity(0, 1)
}

func TestSharedDenial(t *testing.T) {
	deny := "Hungary refrained from condemning the new border law."
	if d, a := simOf(deny, "Hungary did not condemn the new border law."), simOf(deny, "Hungary condemned the new border law."); d <= a {
		t.Errorf("two denials %.3f are no closer than a denial and an affirmation %.3f", d, a)
	}
}

// TestAlignStructure checks grouping cases that turn on the structure of
// sentences, not on their words alone.
func TestAlignStructure(t *testing.T) {
	tests := []struct {
		name   string
		docs   [][]string
		linked [][2]string // "article/sentence" pairs in one claim
		apart  [][2]string // pairs in different claims
	}{
		{
			name: "one attribution frame, two statements",
			docs: [][]string{
				{"Interest rates will stay high for longer, Federal Reserve chair Jerome Powell said at a press conference in Washington on Wednesday."},
				{"Inflation has eased considerably over the past year, Federal Reserve chair Jerome Powell said at a press conference in Washington on Wednesday."},
			},
			apart: [][2]string{{"a/0", "b/0"}},
		},
		{
			name: "one statement, two frames",
			docs: [][]string{
				{"The carmaker will cut 5,000 jobs in Germany by the end of next year, its chief executive told reporters on Monday."},
				{"According to an internal memo, the carmaker is to cut 5,000 jobs in Germany by the end of next year."},
			},
			linked: [][2]string{{"a/0", "b/0"}},
		},
		{
			name: "one circumstance, two facts",
			docs: [][]string{
				{"While the hurricane moved slowly along the Gulf coast on Tuesday, officials ordered the evacuation of three island towns."},
				{"While the hurricane moved slowly along the Gulf coast on Tuesday, power was restored to most homes in the capital."},
			},
			apart: [][2]string{{"a/0", "b/0"}},
		},
		{
			name: "denial in two wordings",
			docs: [][]string{
				{"The league has not sanctioned the club over the fan violence."},
				{"So far the league has refrained from sanctioning the club over the violence of its fans."},
			},
			linked: [][2]string{{"a/0", "b/0"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []*text.Document
			for i, ss := range tc.docs {
				docs = append(docs, doc(string(rune('a'+i)), ss...))
			}
			g := groupOf(Align(docs, &entity.Set{}), docs)
			for _, p := range tc.linked {
				if g[p[0]] != g[p[1]] {
					t.Errorf("%s and %s state one fact but are apart", p[0], p[1])
				}
			}
			for _, p := range tc.apart {
				if g[p[0]] == g[p[1]] {
					t.Errorf("%s and %s state different facts but share a claim", p[0], p[1])
				}
			}
		})
	}
}

// TestNoBridge: a sentence stating two facts joins one of them, and does
// not merge the two claims it touches into one.
func TestNoBridge(t *testing.T) {
	docs := []*text.Document{
		doc("a", "Ministers agreed to raise fuel duty by five cents from January."),
		doc("b", "Fuel duty will rise by five cents from January, ministers agreed."),
		doc("c", "Ministers agreed to raise fuel duty by five cents from January and to cut rail fares for students by a tenth."),
		doc("d", "Rail fares for students will be cut by a tenth."),
		doc("e", "Students will pay a tenth less for rail fares."),
	}
	g := groupOf(Align(docs, &entity.Set{}), docs)
	if g["a/0"] != g["b/0"] {
		t.Errorf("the fuel duty sentences are apart")
	}
	if g["d/0"] != g["e/0"] {
		t.Errorf("the rail fare sentences are apart")
	}
	if g["a/0"] == g["d/0"] {
		t.Errorf("the two-fact sentence merged the fuel duty and rail fare claims")
	}
}
