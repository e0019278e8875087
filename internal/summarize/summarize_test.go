package summarize

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

func doc(id string, paras ...string) *text.Document {
	return text.NewDocument(&parallax.Article{ID: id}, paras, time.Time{})
}

// storm is a story told by three outlets, one with a loaded label, one
// with site boilerplate.
func storm() []*text.Document {
	return []*text.Document{
		doc("a", "Hurricane Lena struck the Gulf coast of Mexico on Tuesday, killing at least 14 people. The storm knocked out power to 300,000 homes in Veracruz state. Embattled Governor Carlos Ruiz said rescue teams had reached every flooded town. Also Read: more weather news here"),
		doc("b", "Hurricane Lena hit Mexico's Gulf coast on Tuesday and killed at least 14 people, officials said. Power was cut to 300,000 homes across Veracruz state. They expect the rain to last two more days."),
		doc("c", "At least 14 people were killed when Hurricane Lena struck the Gulf coast of Mexico on Tuesday. The national weather service said the storm would weaken over the mountains by Thursday. Ports in Veracruz will stay closed until Friday."),
	}
}

func TestSummarize(t *testing.T) {
	docs := storm()
	h, sum := Summarize(docs, nil, nil, Options{Words: 45})
	if n := len(strings.Fields(h)); n == 0 || n > MaxHeadlineWords || !strings.Contains(h, "Lena") {
		t.Errorf("headline %q", h)
	}
	words := 0
	for _, s := range sum {
		words += len(strings.Fields(s.Text))
		for _, bad := range []string{"Embattled", "Also Read"} {
			if strings.Contains(s.Text, bad) {
				t.Errorf("sentence %q should not be in a neutral summary", s.Text)
			}
		}
		if startsWithPronoun(s.Text) {
			t.Errorf("sentence %q needs an antecedent", s.Text)
		}
	}
	if words > 45 || len(sum) < 2 {
		t.Fatalf("summary of %d words: %+v", words, sum)
	}
	if !strings.Contains(sum[0].Text, "14") || len(sum[0].Citations) != 3 {
		t.Errorf("first sentence %+v should be the deaths, cited by all three", sum[0])
	}
	for i := range sum {
		for j := i + 1; j < len(sum); j++ {
			if strings.Contains(sum[i].Text, "300,000") && strings.Contains(sum[j].Text, "300,000") {
				t.Errorf("two sentences say one thing: %q / %q", sum[i].Text, sum[j].Text)
			}
		}
	}
}

// TestCitationsValid checks every citation the way the scorer does: the
// cited article holds a sentence sharing at least half the words of the
// shorter of the two.
func TestCitationsValid(t *testing.T) {
	for _, limit := range []int{20, 45, 120} {
		docs := storm()
		byID := map[string]*text.Document{}
		for _, d := range docs {
			byID[d.Article.ID] = d
		}
		_, sum := Summarize(docs, nil, nil, Options{Words: limit})
		for _, s := range sum {
			if len(s.Citations) == 0 {
				t.Errorf("limit %d: %q cites nothing", limit, s.Text)
			}
			ws := words(text.Tokenize(s.Text))
			for _, id := range s.Citations {
				best := 0.0
				for _, x := range byID[id].Sentences {
					_, f := overlap(ws, words(x.Tokens))
					best = max(best, f)
				}
				if best < 0.5 {
					t.Errorf("limit %d: %q cites %s, which does not state it (%.2f)", limit, s.Text, id, best)
				}
			}
		}
	}
}

func TestStating(t *testing.T) {
	docs := []*text.Document{
		doc("x", "The council approved the new stadium budget on Monday night."),
		doc("y", "On Monday night the council approved a budget for the new stadium."),
		doc("z", "Residents protested outside city hall against rising rents."),
		doc("w", "The council met on Monday."),
	}
	all := make([][]wordSet, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			all[i] = append(all[i], words(s.Tokens))
		}
	}
	tests := []struct {
		name  string
		text  string
		doc   int
		cites []string
	}{
		{"restated in other words", "The council approved the new stadium budget on Monday night.", 0, []string{"x", "y"}},
		{"own article only", "Residents protested outside city hall against rising rents.", 2, []string{"z"}},
		// "w" shares council and Monday: too few words to state it
		{"too little shared", "The council approved the new stadium budget on Monday night.", 0, []string{"x", "y"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &cand{text: tc.text, words: words(text.Tokenize(tc.text))}
			got, _ := stating(c, tc.doc, docs, newSentIndex(all))
			if !reflect.DeepEqual(got, tc.cites) {
				t.Errorf("cites %v, want %v", got, tc.cites)
			}
		})
	}
}

func TestChoose(t *testing.T) {
	mk := func(text string, claim int, score float64) *cand {
		c := &cand{text: text, n: len(strings.Fields(text)), claim: claim, score: score}
		c.words = wordSet(strings.Fields(strings.ToLower(strings.Trim(text, "."))))
		slices.Sort(c.words)
		c.words = slices.Compact(c.words)
		return c
	}
	tests := []struct {
		name  string
		cs    []*cand
		limit int
		want  []string
	}{
		{"one sentence per claim group", []*cand{
			mk("the dam burst after heavy rain", 1, 5),
			mk("heavy rain made the old dam burst", 1, 4),
			mk("two villages were evacuated overnight", 2, 3),
		}, 40, []string{"the dam burst after heavy rain", "two villages were evacuated overnight"}},
		{"no repeat without claims", []*cand{
			mk("the dam burst after heavy rain", -1, 5),
			mk("after heavy rain the dam burst", -1, 4),
			mk("two villages were evacuated overnight", -1, 3),
		}, 40, []string{"the dam burst after heavy rain", "two villages were evacuated overnight"}},
		{"the limit holds", []*cand{
			mk("the dam burst after heavy rain", -1, 5),
			mk("two villages were evacuated overnight", -1, 3),
		}, 8, []string{"the dam burst after heavy rain"}},
		{"two short beat one long", []*cand{
			mk("the dam burst after heavy rain and the river rose fast", -1, 5),
			mk("the dam burst", -1, 4),
			mk("two villages were evacuated", -1, 4),
		}, 9, []string{"the dam burst", "two villages were evacuated"}},
		{"nothing fits", []*cand{mk("the dam burst after heavy rain", -1, 5)}, 3, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range choose(tc.cs, tc.limit, nil, map[string]float64{}) {
				got = append(got, c.text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSummarizeDeterministic(t *testing.T) {
	h1, s1 := Summarize(storm(), nil, nil, Options{Words: 45})
	for range 5 {
		h2, s2 := Summarize(storm(), nil, nil, Options{Words: 45})
		if h1 != h2 || !reflect.DeepEqual(s1, s2) {
			t.Fatalf("two runs differ: %q %v / %q %v", h1, s1, h2, s2)
		}
	}
}

func TestCompress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The two presidents held a video summit on Friday, during which they discussed trade.", "The two presidents held a video summit"},
		{"While protests continued in the capital, the government and unions agreed to raise wages in 2022.", "The government and unions agreed to raise wages"},
		{"The border will reopen to travellers next month, the interior minister said on Friday.", "The border will reopen to travellers, the interior minister said"},
		{"The port will reopen to ships next month, Maria Lopez said on Friday.", "Maria Lopez: The port will reopen to ships"},
	}
	for _, tc := range tests {
		if got := compress(tc.in); got != tc.want {
			t.Errorf("compress(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
