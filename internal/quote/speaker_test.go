package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/corpus/textdoc"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Speaker and clause rules found on stories beyond the seeds: a place or a
// work never speaks, a capitalised word inside a name is no speech verb,
// descriptions ("her rep", "a friend of the actress") name the person the
// story introduced with that role or nobody, and reported speech is a whole
// clause, never a fragment.
func TestSpeakerRules(t *testing.T) {
	type q = wantQuote
	tests := []struct {
		name     string
		body     string
		want     []q
		badSpk   []string // speakers no quote may have
		badStart []string // reported texts must not start with these
	}{
		{
			name:   "a verb-like word inside a name is no cue",
			body:   "Actress Dana Fox entered the Malibu clinic Promises Treatment Center, reportedly of her own choice.\nShe enjoys Promises, there is no open bar, from what I understand.",
			badSpk: []string{"Malibu", "Dana Fox"},
		},
		{
			name:     "a fragment after a comma is no reported clause",
			body:     "Fox is not going to enjoy the Harbor Center, there is no open bar, from what I understand, a friend said.",
			badStart: []string{",", "there is no open bar, from"},
		},
		{
			name: "her rep resolves to the person introduced as rep",
			body: "The actress's rep Jack Moreno confirmed the stay.\n\"We ask for privacy,\" her rep told Us Weekly.",
			want: []q{{"We ask for privacy", "Jack Moreno", true}},
		},
		{
			name: "a publicist is a rep",
			body: "Her publicist, Jack Moreno, confirmed it.\nA publicist says Dana Fox has checked herself into a clinic.",
			want: []q{{"Dana Fox has checked herself into a clinic", "Jack Moreno", false}},
		},
		{
			name: "an unresolvable description leaves the speaker unnamed",
			body: "Dana Fox spoke to reporters on Monday.\n\"She is doing well,\" a friend of the actress said.",
			want: []q{{"She is doing well", "", true}},
		},
		{
			name:   "a name given by called is not the subject",
			body:   "Dana Fox, who launched a fashion line called Mantra Lane in May, opened up about her image, saying it was never accurate.",
			want:   []q{{"it was never accurate", "Dana Fox", false}},
			badSpk: []string{"Mantra Lane"},
		},
		{
			name:     "a subordinate clause before the cue is not what was said",
			body:     "When asked whether she was still a party girl, the star said she had changed.",
			badStart: []string{"When asked"},
		},
		{
			name: "an opening phrase before the speaker is not what was said",
			body: "In an October interview with People, Dana Fox claimed she was a social drinker.",
			want: []q{{"she was a social drinker", "Dana Fox", false}},
		},
		{
			name:   "an object after the verb is no clause",
			body:   "People said her representative Jack Moreno confirmed the actress's stay at the clinic.",
			badSpk: []string{"Jack Moreno"},
		},
		{
			name: "a capital stands for its government",
			body: "Beijing said the talks would resume next month.",
			want: []q{{"the talks would resume next month", "Beijing", false}},
		},
		{
			name:   "a work never speaks",
			body:   `She starred in "Summer Lake" and "Night Shift".` + "\nThe Summer Lake star said, \"I had fun.\"",
			badSpk: []string{"Summer Lake", "Night Shift"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := []*text.Document{textdoc.Of("a", tc.body)}
			got := Extract(docs, entity.Extract(docs))
			checkQuotes(t, got, tc.want)
			for _, g := range got {
				for _, b := range tc.badSpk {
					if string(g.Speaker) == b {
						t.Errorf("speaker %q for %q", b, g.Text)
					}
				}
				for _, b := range tc.badStart {
					if !g.Direct && strings.HasPrefix(g.Text, b) {
						t.Errorf("reported fragment %q", g.Text)
					}
				}
				if !strings.Contains(tc.body, g.Text) {
					t.Errorf("quote text %q is not verbatim", g.Text)
				}
			}
		})
	}
}
