package claim

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Thresholds of grouping, on the cosine of sentence vectors.
var (
	// EdgeMin is the least similarity of two sentences of different
	// articles for their groups to be considered for merging.
	EdgeMin = 0.25
	// SameArticleMin is the same for two sentences of one article: an
	// article rarely states one fact twice, so it takes more.
	SameArticleMin = 0.45
	// ContinueMin is the least similarity of a sentence opening with "He
	// added" or the like to the sentence before it for it to join that
	// sentence's claim.
	ContinueMin = 0.15
	// AverageMin is the least average similarity between all the sentences
	// of two groups for them to merge.
	AverageMin = 0.15
	// GroupAverageMin is AverageMin when both groups already hold two or
	// more sentences: two claims that each stand on their own merge only
	// on strong agreement, so one sentence that states two facts does not
	// bridge them.
	GroupAverageMin = 0.25
)

// Align groups the body sentences of docs into claims, in the order of
// their first sentence.
func Align(docs []*text.Document, ents *entity.Set) []parallax.Claim {
	return AlignModel(NewModel(docs, ents))
}

// AlignModel groups the sentences of a built model into claims.
func AlignModel(m *Model) []parallax.Claim {
	groups := Groups(m)
	out := make([]parallax.Claim, 0, len(groups))
	for _, g := range groups {
		out = append(out, m.claimOf(g))
	}
	return out
}

// Groups returns the sentence groups (global indexes, ascending) of the
// model, in the order of their first sentence.
func Groups(m *Model) [][]int {
	n := m.Len()
	parent := make([]int, n)
	members := make([][]int, n)
	cent := make([]map[int32]float64, n)
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	centroid := func(r int) map[int32]float64 {
		if cent[r] == nil {
			c := map[int32]float64{}
			for _, i := range members[r] {
				for _, e := range m.vecs[i] {
					c[e.id] += float64(e.w)
				}
			}
			cent[r] = c
		}
		return cent[r]
	}
	union := func(a, b int) {
		if len(members[a]) < len(members[b]) {
			a, b = b, a
		}
		ca, cb := centroid(a), centroid(b)
		for id, w := range cb {
			ca[id] += w
		}
		parent[b] = a
		members[a] = append(members[a], members[b]...)
		members[b], cent[b] = nil, nil
	}
	// a sentence that continues an open quotation belongs with the one before
	for i := 1; i < n; i++ {
		if m.Refs[i].Doc == m.Refs[i-1].Doc && continuesQuote(m, i) {
			union(find(i-1), find(i))
		}
	}
	for i := 1; i < n; i++ {
		if m.Refs[i].Doc == m.Refs[i-1].Doc && (fragment(m, i) || (anaphoricSpeech(m, i) && m.Similarity(i-1, i) >= ContinueMin)) {
			union(find(i-1), find(i))
		}
	}
	for _, p := range m.Pairs(EdgeMin) {
		if m.Refs[p.I].Doc == m.Refs[p.J].Doc && p.Sim < SameArticleMin {
			continue
		}
		a, b := find(p.I), find(p.J)
		if a == b {
			continue
		}
		ca, cb := centroid(a), centroid(b)
		if len(ca) > len(cb) {
			ca, cb = cb, ca
		}
		var s float64
		for id, w := range ca {
			s += w * cb[id]
		}
		min := AverageMin
		if len(members[a]) > 1 && len(members[b]) > 1 {
			min = GroupAverageMin
		}
		if s/float64(len(members[a])*len(members[b])) < min {
			continue
		}
		union(a, b)
	}
	var out [][]int
	for i := 0; i < n; i++ {
		if find(i) == i {
			g := append([]int(nil), members[i]...)
			sort.Ints(g)
			out = append(out, g)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// continuesQuote reports whether sentence i (global) continues a quotation
// left open by the sentence before it in the same paragraph, or is a bare
// quotation with no speaker of its own right after an attributed sentence.
func continuesQuote(m *Model, i int) bool {
	prev, cur := m.Refs[i-1], m.Refs[i]
	d := m.Docs[cur.Doc]
	ps, cs := d.Sentences[prev.Sent], d.Sentences[cur.Sent]
	if ps.Para == cs.Para && openQuote(ps.Text) {
		return true
	}
	t := strings.TrimSpace(cs.Text)
	if startsQuote(t) && endsQuote(t) && !openQuote(t) && quoteOnly(t) && hasSpeechVerb(ps.Tokens) {
		return true
	}
	return false
}

// fragment reports whether sentence i (global) is a fragment that only
// finishes the sentence before it: "To oppose unilateralism, ...".
func fragment(m *Model, i int) bool {
	r := m.Refs[i]
	toks := m.Docs[r.Doc].Sentences[r.Sent].Tokens
	return len(toks) > 2 && toks[0].Lower == "to" && !toks[1].Capitalized() && !toks[1].Stop && toks[1].Kind == text.Word &&
		toks[1].Lower != "date"
}

// anaphoricSpeech reports whether sentence i (global) opens with a pronoun
// and a speech verb ("He added that ..."), so that it goes on with the
// statement before it.
func anaphoricSpeech(m *Model, i int) bool {
	r := m.Refs[i]
	toks := m.Docs[r.Doc].Sentences[r.Sent].Tokens
	if len(toks) < 3 {
		return false
	}
	switch toks[0].Lower {
	case "he", "she", "they":
	default:
		return false
	}
	return speechVerbs[toks[1].Lower] || (toks[1].Lower == "also" && speechVerbs[toks[2].Lower])
}

// closesFirst reports whether s closes a quotation it did not open: the
// tail of a quote begun in the sentence before.
func closesFirst(s string) bool {
	o, c := strings.IndexAny(s, "“«"), strings.IndexAny(s, "”»")
	return c >= 0 && (o < 0 || c < o)
}

// openQuote reports whether s ends inside a quotation.
func openQuote(s string) bool {
	q := quoted(s)
	return len(q) > 0 && q[len(q)-1]
}

func startsQuote(s string) bool {
	return strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "«")
}

func endsQuote(s string) bool {
	s = strings.TrimRight(s, ".!?… ")
	return strings.HasSuffix(s, "”") || strings.HasSuffix(s, "\"") || strings.HasSuffix(s, "»") ||
		strings.HasSuffix(strings.TrimSpace(s), ".”") || strings.HasSuffix(s, ".\"")
}

// quoteOnly reports whether every word of s lies inside quotation marks.
func quoteOnly(s string) bool {
	q := quoted(s)
	for _, t := range text.Tokenize(s) {
		if !q[t.Start] {
			return false
		}
	}
	return true
}

// speechVerbs attribute words to a speaker.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields("say said says tell told note noted add added stress stressed underline underlined underscore underscored emphasize emphasized emphasise emphasised state stated declare declared remark remarked insist insisted warn warned explain explained urge urged quote quoted") {
		speechVerbs[w] = true
	}
}

func hasSpeechVerb(toks []text.Token) bool {
	for _, t := range toks {
		if speechVerbs[t.Lower] {
			return true
		}
	}
	return false
}

// claimOf makes the claim of one group of sentences.
func (m *Model) claimOf(g []int) parallax.Claim {
	c := parallax.Claim{Support: make([]parallax.Ref, len(g))}
	arts := map[string]bool{}
	keys := make([]string, len(g))
	for k, i := range g {
		r := m.Refs[i]
		a := m.Docs[r.Doc].Article
		c.Support[k] = parallax.Ref{Article: a.ID, Sentence: m.Docs[r.Doc].Sentences[r.Sent].Text}
		arts[a.ID] = true
		keys[k] = a.ID + "\x00" + strconv.Itoa(r.Sent)
	}
	// the id depends on which sentences the claim holds, not on the order
	// the articles came in
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	c.ID = "claim-" + hex.EncodeToString(h.Sum(nil))[:12]
	c.Text = c.Support[m.clearest(g)].Sentence
	c.Sources = len(arts)
	c.IndependentSources = m.independent(g)
	return c
}

// leadWords make a sentence lean on the one before it.
var leadWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("he she they it this that these those his her their its and but or moreover furthermore additionally also however meanwhile then so") {
		leadWords[w] = true
	}
}

// clearest returns the position in g of the sentence that best states the
// group's fact: central to the group, plain, self-contained.
func (m *Model) clearest(g []int) int {
	best, bestScore := 0, -1e9
	for k, i := range g {
		var cen float64
		for _, j := range g {
			if j != i {
				cen += m.Similarity(i, j)
			}
		}
		if len(g) > 1 {
			cen /= float64(len(g) - 1)
		}
		s := m.Docs[m.Refs[i].Doc].Sentences[m.Refs[i].Sent]
		score := cen
		toks := s.Tokens
		if len(toks) > 0 && leadWords[toks[0].Lower] {
			score -= 0.3
		}
		for _, t := range toks {
			if lex().loaded[t.Lower] {
				score -= 0.25
			}
		}
		if openQuote(s.Text) || (startsQuote(s.Text) && !endsQuote(s.Text)) || closesFirst(s.Text) {
			score -= 0.3
		}
		if n := len(toks); n < 6 {
			score -= 0.2
		} else if n > 40 {
			score -= 0.1 * float64(n-40) / 10
		}
		if score > bestScore+1e-9 {
			best, bestScore = k, score
		}
	}
	return best
}

// copyMin is the share of the shorter sentence's 4-word shingles that a
// near-verbatim copy shares with the other.
const copyMin = 0.5

// independent counts the origins of a group: articles whose sentences in
// it are near-verbatim copies of each other, or that are marked as a
// duplicate of one another, count once.
func (m *Model) independent(g []int) int {
	ids := map[string]int{}
	var order []string
	for _, i := range g {
		id := m.Docs[m.Refs[i].Doc].Article.ID
		if _, ok := ids[id]; !ok {
			ids[id] = len(order)
			order = append(order, id)
		}
	}
	parent := make([]int, len(order))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	join := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[rb] = ra
		}
	}
	for _, i := range g {
		a := m.Docs[m.Refs[i].Doc].Article
		if dup := string(a.DuplicateOf); dup != "" {
			if k, ok := ids[dup]; ok {
				join(ids[a.ID], k)
			}
		}
	}
	sh := make([]map[string]bool, len(g))
	for k, i := range g {
		sh[k] = shingles(m.Docs[m.Refs[i].Doc].Sentences[m.Refs[i].Sent].Tokens)
	}
	for x := 0; x < len(g); x++ {
		for y := x + 1; y < len(g); y++ {
			dx, dy := m.Refs[g[x]].Doc, m.Refs[g[y]].Doc
			if dx == dy || find(ids[m.Docs[dx].Article.ID]) == find(ids[m.Docs[dy].Article.ID]) {
				continue
			}
			if containment(sh[x], sh[y]) >= copyMin {
				join(ids[m.Docs[dx].Article.ID], ids[m.Docs[dy].Article.ID])
			}
		}
	}
	n := 0
	for i := range parent {
		if find(i) == i {
			n++
		}
	}
	return n
}

func shingles(toks []text.Token) map[string]bool {
	out := map[string]bool{}
	for i := 0; i+4 <= len(toks); i++ {
		out[toks[i].Lower+" "+toks[i+1].Lower+" "+toks[i+2].Lower+" "+toks[i+3].Lower] = true
	}
	return out
}

// containment is the share of the smaller set found in the larger.
func containment(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
