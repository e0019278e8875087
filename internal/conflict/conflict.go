package conflict

import (
	"fmt"
	"sort"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/claim"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

// Similarity thresholds (cosine of claim.Model vectors) for two sentences
// to be about one thing.
var (
	// CandidateMin is the least similarity of a pair looked at at all,
	// besides the pairs of one claim.
	CandidateMin = 0.15
	// SameFactMin is the least similarity for a number or date conflict:
	// the two sentences must state one fact.
	SameFactMin = 0.30
	// SameWordsMin is the least similarity for an attribution conflict.
	SameWordsMin = 0.55
	// ScopeMin is the least share of the words a negation covers that the
	// other sentence must state.
	ScopeMin = 0.5
)

// Find returns the conflicts among the sentences of a story's claims.
func Find(docs []*text.Document, claims []parallax.Claim, ents *entity.Set) []parallax.Conflict {
	return FindModel(claim.NewModel(docs, ents), claims, ents)
}

// FindModel is Find over an already built model.
func FindModel(m *claim.Model, claims []parallax.Claim, ents *entity.Set) []parallax.Conflict {
	claimOf := claimIndex(m, claims)
	type pair struct{ i, j int }
	seen := map[pair]bool{}
	var cands []pair
	add := func(i, j int) {
		if i > j {
			i, j = j, i
		}
		if m.Refs[i].Doc == m.Refs[j].Doc || seen[pair{i, j}] {
			return
		}
		seen[pair{i, j}] = true
		cands = append(cands, pair{i, j})
	}
	for _, p := range m.Pairs(CandidateMin) {
		add(p.I, p.J)
	}
	byClaim := map[int][]int{}
	for i, c := range claimOf {
		if c >= 0 {
			byClaim[c] = append(byClaim[c], i)
		}
	}
	for c := 0; c < len(claims); c++ {
		g := byClaim[c]
		for x := range g {
			for y := x + 1; y < len(g); y++ {
				add(g[x], g[y])
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].i != cands[b].i {
			return cands[a].i < cands[b].i
		}
		return cands[a].j < cands[b].j
	})
	s := &scan{m: m, ents: ents, quant: map[int][]Quantity{}}
	out := []parallax.Conflict{}
	for _, p := range cands {
		sim := m.Similarity(p.i, p.j)
		same := claimOf[p.i] >= 0 && claimOf[p.i] == claimOf[p.j]
		if c, ok := s.find(p.i, p.j, sim, same); ok {
			out = append(out, c)
		}
	}
	return out
}

// claimIndex maps each sentence of the model to the claim holding it, or -1.
func claimIndex(m *claim.Model, claims []parallax.Claim) []int {
	type key struct{ art, sent string }
	at := map[key]int{}
	for ci, c := range claims {
		for _, r := range c.Support {
			at[key{r.Article, r.Sentence}] = ci
		}
	}
	out := make([]int, m.Len())
	for i, r := range m.Refs {
		d := m.Docs[r.Doc]
		c, ok := at[key{d.Article.ID, d.Sentences[r.Sent].Text}]
		if !ok {
			c = -1
		}
		out[i] = c
	}
	return out
}

type scan struct {
	m     *claim.Model
	ents  *entity.Set
	quant map[int][]Quantity
}

func (s *scan) sent(i int) text.Sentence {
	r := s.m.Refs[i]
	return s.m.Docs[r.Doc].Sentences[r.Sent]
}

func (s *scan) ref(i int) parallax.Ref {
	r := s.m.Refs[i]
	return parallax.Ref{Article: s.m.Docs[r.Doc].Article.ID, Sentence: s.m.Docs[r.Doc].Sentences[r.Sent].Text}
}

// outlet names the article of sentence i for an explanation.
func (s *scan) outlet(i int) string {
	a := s.m.Docs[s.m.Refs[i].Doc].Article
	if a.Source != "" {
		return string(a.Source)
	}
	return a.ID
}

func (s *scan) quantities(i int) []Quantity {
	q, ok := s.quant[i]
	if !ok {
		q = Quantities(s.sent(i).Text)
		s.quant[i] = q
	}
	return q
}

// find returns the first conflict of the pair, trying the kinds in order.
func (s *scan) find(i, j int, sim float64, same bool) (parallax.Conflict, bool) {
	if (same || sim >= SameFactMin) && sim >= SameFactMin {
		if c, ok := s.number(i, j); ok {
			return c, true
		}
		if c, ok := s.date(i, j); ok {
			return c, true
		}
	}
	if sim >= SameWordsMin {
		if c, ok := s.attribution(i, j); ok {
			return c, true
		}
	}
	if c, ok := s.contradiction(i, j); ok {
		return c, true
	}
	if c, ok := s.contradiction(j, i); ok {
		return c, true
	}
	return parallax.Conflict{}, false
}

// number: a unit both sentences count, with no value of one that the other allows.
func (s *scan) number(i, j int) (parallax.Conflict, bool) {
	qa, qb := s.quantities(i), s.quantities(j)
	for _, a := range qa {
		var ofUnit []Quantity
		for _, b := range qb {
			if b.Unit == a.Unit {
				ofUnit = append(ofUnit, b)
			}
		}
		if len(ofUnit) == 0 {
			continue
		}
		clash := true
		for _, a2 := range qa {
			if a2.Unit != a.Unit {
				continue
			}
			for _, b := range ofUnit {
				if compatible(a2, b) {
					clash = false
				}
			}
		}
		if clash {
			b := ofUnit[0]
			return parallax.Conflict{Kind: parallax.NumberConflict, A: s.ref(i), B: s.ref(j),
				Explanation: fmt.Sprintf("%s says %q where %s says %q for the same fact; the two figures cannot both be right.",
					s.outlet(i), a.Text, s.outlet(j), b.Text)}, true
		}
	}
	return parallax.Conflict{}, false
}

// dayDates returns the day-precise dates of sentence i, resolved against
// its article's publication day.
func (s *scan) dayDates(i int) []temporal.Match {
	d := s.m.Docs[s.m.Refs[i].Doc]
	var out []temporal.Match
	for _, mt := range temporal.Find(s.sent(i).Text, d.Published) {
		if mt.Date.Day != 0 {
			out = append(out, mt)
		}
	}
	return out
}

// date: both sentences date the fact to the day, and no day is shared.
func (s *scan) date(i, j int) (parallax.Conflict, bool) {
	da, db := s.dayDates(i), s.dayDates(j)
	if len(da) == 0 || len(db) == 0 {
		return parallax.Conflict{}, false
	}
	for _, a := range da {
		for _, b := range db {
			if a.Date == b.Date {
				return parallax.Conflict{}, false
			}
		}
	}
	a, b := da[0], db[0]
	return parallax.Conflict{Kind: parallax.DateConflict, A: s.ref(i), B: s.ref(j),
		Explanation: fmt.Sprintf("%s places this on %s (%q), %s on %s (%q).",
			s.outlet(i), a.Date, a.Text, s.outlet(j), b.Date, b.Text)}, true
}

// speaker returns the person a sentence attributes its words to: a person
// named right before or after a speech verb.
func (s *scan) speaker(i int) string {
	r := s.m.Refs[i]
	if s.ents == nil {
		return ""
	}
	ms := s.ents.In(r.Doc, r.Sent)
	toks := s.sent(i).Tokens
	for k, t := range toks {
		if !cue().speech[t.Lower] {
			continue
		}
		best, dist := "", 1<<30
		for _, mm := range ms {
			if s.ents.Entities[mm.Entity].Type != parallax.Person {
				continue
			}
			d := t.Start - mm.End
			if mm.Start >= t.End {
				d = mm.Start - t.End
			}
			if d >= 0 && d < 40 && d < dist {
				best, dist = s.ents.Entities[mm.Entity].Name, d
			}
		}
		_ = k
		if best != "" {
			return best
		}
	}
	return ""
}

// attribution: near-identical statements with different named speakers.
func (s *scan) attribution(i, j int) (parallax.Conflict, bool) {
	a, b := s.speaker(i), s.speaker(j)
	if a == "" || b == "" || a == b {
		return parallax.Conflict{}, false
	}
	return parallax.Conflict{Kind: parallax.Attribution, A: s.ref(i), B: s.ref(j),
		Explanation: fmt.Sprintf("%s gives these words to %s, %s to %s.", s.outlet(i), a, s.outlet(j), b)}, true
}

// negation is a denied predicate of a sentence and the content words it covers.
type negation struct {
	cue   string // the words of the denial as written
	pred  string // unit key of the denied predicate
	scope []string
}

// auxiliaries shown with a denial in an explanation: "did not comment".
var auxiliaries = map[string]bool{"did": true, "does": true, "do": true, "has": true, "have": true, "had": true,
	"was": true, "were": true, "is": true, "are": true, "will": true, "would": true, "could": true, "can": true}

// scopeUnits is how many content units after a denial it covers.
const scopeUnits = 8

// negations finds the denials of sentence i that the near-synonym lexicon
// did not absorb ("not easy" is "difficult", no denial).
func (s *scan) negations(i int) []negation {
	toks := s.sent(i).Tokens
	units := s.m.Units(i)
	var out []negation
	for k, t := range toks {
		neg := t.Lower == "not" || t.Lower == "never" || t.Lower == "no" || strings.HasSuffix(t.Lower, "n't") || cue().negative[t.Lower]
		if !neg {
			continue
		}
		absorbed := false
		var after []claim.Unit
		for _, u := range units {
			if u.Key[0] == 's' && u.Start <= t.Start && t.Start < u.End {
				absorbed = true
			}
			if u.Start >= t.End {
				after = append(after, u)
			}
		}
		if absorbed || len(after) == 0 {
			continue
		}
		if len(after) > scopeUnits {
			after = after[:scopeUnits]
		}
		from := t.Start
		if k > 0 && auxiliaries[toks[k-1].Lower] {
			from = toks[k-1].Start
		}
		n := negation{cue: s.sent(i).Text[from:after[0].End], pred: after[0].Key}
		for _, u := range after[1:] {
			if u.Key[0] != 'e' && !cue().speech[strings.TrimPrefix(u.Key, "w:")] {
				n.scope = append(n.scope, u.Key)
			}
		}
		out = append(out, n)
	}
	return out
}

// contradiction: sentence i denies what sentence j states: the same
// predicate affirmed, or a silence on what j says was agreed.
func (s *scan) contradiction(i, j int) (parallax.Conflict, bool) {
	negs := s.negations(i)
	if len(negs) == 0 {
		return parallax.Conflict{}, false
	}
	has := map[string]bool{}
	for _, u := range s.m.Units(j) {
		has[u.Key] = true
	}
	for _, nb := range s.negations(j) {
		delete(has, nb.pred) // j denies it too
	}
	for _, n := range negs {
		shared := 0
		for _, k := range n.scope {
			if has[k] {
				shared++
			}
		}
		if shared < 2 || float64(shared) < ScopeMin*float64(len(n.scope)) {
			continue
		}
		silence := cue().silence[strings.TrimPrefix(n.pred, "w:")]
		switch {
		case silence && hasAgreement(s.sent(j).Tokens):
			return parallax.Conflict{Kind: parallax.Contradiction, A: s.ref(j), B: s.ref(i),
				Explanation: fmt.Sprintf("%s reports this as agreed between the parties; %s says one of them %q on it.",
					s.outlet(j), s.outlet(i), n.cue)}, true
		case !silence && has[n.pred]:
			return parallax.Conflict{Kind: parallax.Contradiction, A: s.ref(j), B: s.ref(i),
				Explanation: fmt.Sprintf("%s says this happened; %s says it %q.",
					s.outlet(j), s.outlet(i), n.cue)}, true
		}
	}
	return parallax.Conflict{}, false
}
