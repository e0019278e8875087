// Package frame describes how each article frames the story: the labels it
// gives people and sides ("Russian dictator Vladimir Putin", "the
// 70-year-old", "Moscow"), its names for the war or event ("war of
// aggression", "Ukraine crisis"), whom it cites ("according to Xinhua"),
// loaded words from a news-bias lexicon, the terms most distinctive of it
// against the other articles of the story (log-odds with an informative
// Dirichlet prior, Monroe et al. 2008), and the claims that at least two
// other outlets report and it leaves out.
//
// All word lists are data files under data/. Words inside quotation marks
// are the speaker's, not the outlet's: event names and loaded words are
// only taken outside quotes. It does not judge whether a framing is fair.
package frame

import (
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Analyze returns one Framing per document, in document order.
func Analyze(docs []*text.Document, ents *entity.Set, claims []parallax.Claim) []parallax.Framing {
	people := collectPeople(docs, ents)
	dist := distinctive(docs, maxDistinctive)
	out := make([]parallax.Framing, len(docs))
	for i, d := range docs {
		ts := &termSet{seen: map[string]bool{}}
		people.labels(i, d, ts)
		eventNames(d, ts)
		attributions(d, ts)
		loadedWords(d, ts)
		for _, w := range dist[i] {
			ts.add(w, parallax.DistinctiveTerm, "")
		}
		for _, c := range omissions(docs, i, claims) {
			ts.add(c.Text, parallax.OmissionTerm, c.ID)
		}
		out[i] = parallax.Framing{Article: d.Article.ID, Terms: ts.terms}
		if out[i].Terms == nil {
			out[i].Terms = []parallax.Term{}
		}
	}
	return out
}

// termSet collects an article's terms once each.
type termSet struct {
	terms []parallax.Term
	seen  map[string]bool
}

func (ts *termSet) add(t, cat, refersTo string) {
	t = strings.TrimSpace(t)
	if t == "" {
		return
	}
	k := cat + "\x00" + strings.ToLower(t) + "\x00" + refersTo
	if ts.seen[k] {
		return
	}
	ts.seen[k] = true
	ts.terms = append(ts.terms, parallax.Term{Text: t, Category: cat, RefersTo: parallax.NullString(refersTo)})
}

// quoted returns, for each token of s, whether it stands inside quotation
// marks. A closing mark with no opening one quotes from the sentence start
// (a quote split over sentences); an opening one with no close runs to the end.
func quoted(s text.Sentence) []bool {
	in := make([]bool, len(s.Tokens))
	type span struct{ a, b int }
	var spans []span
	open := -1
	straight := false
	firstClose := true
	for i := 0; i < len(s.Text); {
		r, n := rune(s.Text[i]), 1
		if s.Text[i] >= 0x80 {
			r = []rune(s.Text[i:min(i+4, len(s.Text))])[0]
			n = len(string(r))
		}
		switch {
		case r == '“' || r == '"' && !straight && open < 0:
			open = i
			straight = r == '"'
			firstClose = false
		case r == '”' || r == '"' && straight:
			if open >= 0 {
				spans = append(spans, span{open, i})
			} else if firstClose {
				spans = append(spans, span{0, i})
			}
			open, straight = -1, false
			firstClose = false
		}
		i += n
	}
	if open >= 0 {
		spans = append(spans, span{open, len(s.Text)})
	}
	for ti, t := range s.Tokens {
		for _, sp := range spans {
			if t.Start > sp.a && t.End <= sp.b {
				in[ti] = true
			}
		}
	}
	return in
}
