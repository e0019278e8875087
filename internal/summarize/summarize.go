// Package summarize writes a story's neutral headline and short summary:
// sentences chosen for consensus (stated by several articles, by
// independent sources first) and centrality, none repeating another, none
// carrying loaded words or role labels, in an order a reader can follow,
// each citing every article whose sentences state it.
//
// It extracts and lightly trims sentences, and names the person an
// opening "he" or "she" refers to (resolve.go); it generates no other text.
package summarize

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/frame"
	"github.com/parallax-news/parallax/internal/text"
)

// Options tune the summary.
type Options struct {
	Words int // the summary's length limit in words; 0 means DefaultWords
}

// DefaultWords is the summary's default length limit.
const DefaultWords = 120

// MaxHeadlineWords bounds the headline.
const MaxHeadlineWords = 15

// Weights of the selection; tuned on the NeuS train split
// (../shared/data/neus/train.jsonl), never on the stories reported.
var (
	leadWeight      = 2.0  // weight of an early position in its article
	claimWeight     = 0.5  // weight per independent source of the sentence's claim
	agreeWeight     = 0.5  // weight per further article that states the sentence (or its claim)
	titleWeight     = 2.0  // weight of each title word a sentence uses, by the share of titles using it
	beamPool        = 100  // candidates, best first, the search considers
	beamWidth       = 16   // sets kept at each size
	mmrWeight       = 1.0  // cost of overlap with chosen sentences (maximal marginal relevance)
	conceptWeight   = 12.0 // weight of the story words a sentence adds, each by the share of articles using it
	pronounCost     = 5.0  // cost of an opening that needs an antecedent
	consensusWeight = 8.0  // worth of the claim a sentence states, by the share of the other articles stating it
	redundant       = 0.5  // overlap above which a candidate repeats a chosen sentence
	citeOverlap     = 0.5  // share of the shorter sentence's words another must hold to state it
	citeMinShare    = 3    // and at least this many words
)

const minSentenceWords = 6 // shorter sentences are fragments

// cand is one sentence that may enter the summary.
type cand struct {
	doc, sent int
	text      string // condensed, labels stripped
	words     wordSet
	n         int      // words in text
	cites     []string // ids of the articles stating it
	claim     int      // index of its claim group in the claims, -1 for none
	agree     float64  // share of the other articles that state it or its claim (independently)
	score     float64
	pos       float64 // relative position in its article, 0 = lead
	// an opening pronoun rewritten as a person's name: the full name at
	// byte nameAt of text (-1 for none), and the short name a summary
	// that has already named them uses
	nameAt      int
	full, short string
}

// Summarize returns the story's headline and summary.
func Summarize(docs []*text.Document, claims []parallax.Claim, ents *entity.Set, opt Options) (string, []parallax.SummarySentence) {
	limit := opt.Words
	if limit <= 0 {
		limit = DefaultWords
	}
	cs := candidates(docs, claims, newPeople(ents))
	h, src := headline(cs, docs)
	chosen := choose(cs, limit, src, spread(docs, cs))
	out := make([]parallax.SummarySentence, len(chosen))
	for i, c := range chosen {
		out[i] = parallax.SummarySentence{Text: render(c, out[:i]), Citations: c.cites}
	}
	if h == "" {
		h = fallbackHeadline(docs)
	}
	return h, out
}

// wordSet is a set of content-word stems, sorted: overlaps are a merge,
// and sums over it run in a fixed order.
type wordSet []string

// has reports whether w is in the set.
func (ws wordSet) has(w string) bool {
	i := sort.SearchStrings(ws, w)
	return i < len(ws) && ws[i] == w
}

// words returns the comparison words of a sentence: the stems of its
// content words.
func words(toks []text.Token) wordSet {
	ws := make(wordSet, 0, len(toks))
	for _, t := range toks {
		if t.Stop || len(t.Lower) < 3 {
			continue
		}
		ws = append(ws, t.Stem)
	}
	sort.Strings(ws)
	return slices.Compact(ws)
}

func overlap(a, b wordSet) (shared int, ofMin float64) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	m := min(len(a), len(b))
	if m == 0 {
		return shared, 0
	}
	return shared, float64(shared) / float64(m)
}

// candidates scores every usable sentence of the story, best first.
func candidates(docs []*text.Document, claims []parallax.Claim, ppl *people) []*cand {
	// the claim group of each sentence (the one with most sources) and
	// its independent sources
	type member struct{ claim, sources, indep int }
	group := map[[2]string]member{}
	for ci, c := range claims {
		for _, r := range c.Support {
			k := [2]string{r.Article, r.Sentence}
			if m, ok := group[k]; !ok || c.Sources > m.sources {
				group[k] = member{ci, c.Sources, c.IndependentSources}
			}
		}
	}
	// the words of the articles' titles, each by the share of titles
	// using it (Edmundson's title method)
	titled := map[string]float64{}
	for _, d := range docs {
		for _, w := range words(text.Tokenize(string(d.Article.Title))) {
			titled[w] += 1 / float64(len(docs))
		}
	}
	all := make([][]wordSet, len(docs))
	for di, d := range docs {
		all[di] = make([]wordSet, len(d.Sentences))
		for si, s := range d.Sentences {
			all[di][si] = words(s.Tokens)
		}
	}
	ix := newSentIndex(all)
	var cs []*cand
	for di, d := range docs {
		var refs []int
		if ppl != nil {
			refs = ppl.resolve(di, d)
		}
		for si, s := range d.Sentences {
			t, ok := usable(s)
			if !ok {
				continue
			}
			ref := -1
			if refs != nil {
				ref = refs[si]
			}
			m, inClaim := group[[2]string{d.Article.ID, s.Text}]
			if !inClaim {
				m.claim = -1
			}
			variants := []string{t}
			if u := mainClause(t); u != "" {
				variants = append(variants, u)
			}
			for _, t := range variants {
				c := &cand{doc: di, sent: si, text: t, claim: m.claim, nameAt: -1,
					pos: float64(si) / float64(len(d.Sentences))}
				if ref >= 0 {
					c.full, c.short = ppl.ents.Entities[ref].Name, ppl.short[ref]
					c.text, c.nameAt = named(t, c.full)
				}
				t := c.text
				c.n = len(strings.Fields(t))
				c.words = words(text.Tokenize(t))
				c.cites, c.score = stating(c, di, docs, ix)
				agree := max(len(c.cites), m.sources)
				if len(docs) > 1 {
					c.agree = float64(max(m.indep, len(c.cites))-1) / float64(len(docs)-1)
				}
				for _, w := range c.words {
					c.score += titleWeight * titled[w]
				}
				c.score += leadWeight*(1-c.pos) + claimWeight*float64(m.indep) + agreeWeight*float64(agree-1)
				if startsWithPronoun(t) || endsComparing(t) {
					c.score -= pronounCost
				}
				cs = append(cs, c)
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	return cs
}

// spread maps each content word of the story that more than one article
// uses to the share of the other articles that use it: the words a
// summary of what the outlets agree on should cover (the concepts of
// Gillick and Favre 2009, weighted by document frequency).
//
// The shares are scaled so that the candidates' mean sum of shares is 1:
// the weight of coverage does not grow with the length of the articles.
func spread(docs []*text.Document, cs []*cand) map[string]float64 {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, s := range d.Sentences {
			for _, w := range words(s.Tokens) {
				if !seen[w] {
					seen[w] = true
					df[w]++
				}
			}
		}
	}
	out := map[string]float64{}
	if len(docs) < 2 {
		return out
	}
	for w, n := range df {
		if n > 1 {
			out[w] = float64(n-1) / float64(len(docs)-1)
		}
	}
	sum := 0.0
	for _, c := range cs {
		for _, w := range c.words {
			sum += out[w]
		}
	}
	if sum == 0 {
		return out
	}
	mean := sum / float64(len(cs))
	for w := range out {
		out[w] /= mean
	}
	return out
}

// sentIndex finds the sentences of the story that share words with a
// candidate without comparing it to every sentence.
type sentIndex struct {
	post    map[string][]int32 // word -> sentences (global numbers) holding it
	doc     []int32            // global sentence number -> document
	size    []int32            // global sentence number -> its words
	count   []int32            // scratch: shared words per sentence
	touched []int32
}

func newSentIndex(all [][]wordSet) *sentIndex {
	ix := &sentIndex{post: map[string][]int32{}}
	for di, sents := range all {
		for _, ws := range sents {
			g := int32(len(ix.doc))
			ix.doc = append(ix.doc, int32(di))
			ix.size = append(ix.size, int32(len(ws)))
			for _, w := range ws {
				ix.post[w] = append(ix.post[w], g)
			}
		}
	}
	ix.count = make([]int32, len(ix.doc))
	return ix
}

// stating returns the ids of the articles that state c (its own, and each
// with a sentence holding most of its words), sorted, and how much of c
// the other articles hold (the sum of their best overlaps, an overlap being
// the shared words over the smaller set's size).
func stating(c *cand, di int, docs []*text.Document, ix *sentIndex) ([]string, float64) {
	best := make([]float64, len(docs))
	bestShared := make([]int, len(docs))
	for _, w := range c.words {
		for _, g := range ix.post[w] {
			if ix.count[g] == 0 {
				ix.touched = append(ix.touched, g)
			}
			ix.count[g]++
		}
	}
	for _, g := range ix.touched {
		sh := int(ix.count[g])
		ix.count[g] = 0
		f := float64(sh) / float64(min(len(c.words), int(ix.size[g])))
		if d := ix.doc[g]; f > best[d] || f == best[d] && sh > bestShared[d] {
			best[d], bestShared[d] = f, sh
		}
	}
	ix.touched = ix.touched[:0]
	var cites []string
	support := 0.0
	for dj, other := range docs {
		if dj == di || best[dj] >= citeOverlap && bestShared[dj] >= citeMinShare {
			cites = append(cites, other.Article.ID)
		}
		if dj != di {
			support += best[dj]
		}
	}
	sort.Strings(cites)
	return cites, support
}

// usable returns the sentence as the summary would print it, and whether
// it may enter at all: long enough, a statement, no loaded words, not a
// bare quotation, role labels stripped and the sentence condensed.
func usable(s text.Sentence) (string, bool) {
	if len(s.Tokens) < minSentenceWords {
		return "", false
	}
	t := strings.TrimSpace(frame.StripLabels(s))
	t = reDateline.ReplaceAllString(t, "")
	// a loaded word is allowed only in a role label, and that is stripped
	toks := s.Tokens
	if t != s.Text {
		toks = text.Tokenize(t)
	}
	if len(frame.LoadedWords(text.Sentence{Text: t, Tokens: toks})) > 0 {
		return "", false
	}
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, ":") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune("\"“‘'«", r) || !unicode.IsUpper(r) {
		return "", false // a quotation or a fragment
	}
	if quoteOpen(t) {
		return "", false // a quotation cut by the sentence splitter
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if !strings.ContainsRune(".!”\"’)", last) {
		return "", false // a heading or a cut-off line
	}
	return condense(t), true
}

// choose picks candidates within the word limit, never two of one claim
// group nor one that repeats a chosen sentence, and orders them: first
// (the headline's sentence) when chosen, then by how many articles state
// them, then by where they stand in their articles.
//
// A set is valued by its sentences' scores, the story words they cover
// (each once), and the claims they state (each once, since no two share a
// claim group), each by how many other articles state it: consensus
// first.
func choose(cs []*cand, limit int, first *cand, share map[string]float64) []*cand {
	if len(cs) > beamPool {
		cs = cs[:beamPool]
	}
	best := search(cs, limit, share)
	chosen := make([]*cand, len(best))
	for k, i := range best {
		chosen[k] = cs[i]
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		a, b := chosen[i], chosen[j]
		if (a == first) != (b == first) {
			return a == first
		}
		if len(a.cites) != len(b.cites) {
			return len(a.cites) > len(b.cites) // consensus first
		}
		return a.pos < b.pos
	})
	return chosen
}

// search is a beam search over sets of candidates within limit words,
// candidates taken in score order, each set valued by the sum of its sentences' gains: the limit is
// filled with what the story agrees on rather than by the single best
// sentence. It returns the best set's indexes.
func search(cs []*cand, limit int, share map[string]float64) []int {
	p := newPool(cs, share)
	type set struct {
		last int   // index in cs of the last candidate added
		ids  []int // indexes in cs
		used int
		val  float64
		cov  []uint64 // the pool words its sentences cover
	}
	best := set{last: -1, cov: make([]uint64, p.covWords)}
	beam := []set{best}
	// ext is a set of the beam extended by one candidate; only the
	// extensions kept for the next round are built as sets.
	type ext struct {
		from, i, used int
		val           float64
	}
	var exts []ext
	for len(beam) > 0 {
		exts = exts[:0]
		for bi, st := range beam {
			for i := st.last + 1; i < len(cs); i++ {
				c := cs[i]
				if st.used+c.n > limit {
					continue
				}
				g, ok := p.gain(i, st.ids, st.cov)
				if !ok {
					continue
				}
				exts = append(exts, ext{bi, i, st.used + c.n, st.val + g})
			}
		}
		slices.SortStableFunc(exts, func(a, b ext) int { return cmp.Compare(b.val, a.val) })
		if len(exts) > beamWidth {
			exts = exts[:beamWidth]
		}
		next := make([]set, len(exts))
		for k, e := range exts {
			st := beam[e.from]
			cov := slices.Clone(st.cov)
			for _, w := range p.wid[e.i] {
				cov[w/64] |= 1 << (w % 64)
			}
			next[k] = set{e.i, append(slices.Clip(st.ids), e.i), e.used, e.val, cov}
		}
		if len(next) > 0 && next[0].val > best.val {
			best = next[0]
		}
		beam = next
	}
	return best.ids
}

// pool holds what the search asks of its candidates again and again: the
// overlap of every pair, and each candidate's words as numbers with their
// shares, so that a set's covered words are a bitset.
type pool struct {
	cs       []*cand
	sim      [][]float64 // overlap of cs[i] and cs[j], as a share of the smaller; -1 until asked
	wid      [][]int     // word numbers of each candidate
	share    []float64   // share of each word number
	covWords int         // uint64 words in a coverage bitset
}

func newPool(cs []*cand, share map[string]float64) *pool {
	p := &pool{cs: cs, sim: make([][]float64, len(cs)), wid: make([][]int, len(cs))}
	num := map[string]int{}
	for i, c := range cs {
		for _, w := range c.words {
			n, ok := num[w]
			if !ok {
				n = len(p.share)
				num[w] = n
				p.share = append(p.share, share[w])
			}
			p.wid[i] = append(p.wid[i], n)
		}
		p.sim[i] = make([]float64, len(cs))
		for j := range p.sim[i] {
			p.sim[i][j] = -1 // not yet computed
		}
	}
	p.covWords = (len(p.share) + 63) / 64
	return p
}

// gain is what cs[i] adds to the chosen candidates cs[ids], which cover the
// words in cov: its score, the story words it covers that they do not, less
// its overlap with them; ok is false when it may not join them (its claim
// group is in, or it repeats one of them).
func (p *pool) gain(i int, ids []int, cov []uint64) (float64, bool) {
	c := p.cs[i]
	sim := 0.0
	for _, k := range ids {
		if c.claim >= 0 && p.cs[k].claim == c.claim {
			return 0, false
		}
		if p.sim[i][k] < 0 {
			_, f := overlap(c.words, p.cs[k].words)
			p.sim[i][k], p.sim[k][i] = f, f
		}
		sim = max(sim, p.sim[i][k])
	}
	if sim >= redundant {
		return 0, false
	}
	add := 0.0
	for _, w := range p.wid[i] { // in sorted word order, as before
		if cov[w/64]&(1<<(w%64)) == 0 {
			add += p.share[w]
		}
	}
	return c.score + conceptWeight*add - mmrWeight*sim + consensusWeight*c.agree, true
}

func fallbackHeadline(docs []*text.Document) string {
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			return cutWords(d.Sentences[0].Text, MaxHeadlineWords)
		}
	}
	for _, d := range docs {
		if t := string(d.Article.Title); t != "" {
			return cutWords(t, MaxHeadlineWords)
		}
	}
	return ""
}

func cutWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.TrimRight(strings.Join(w, " "), ",;:")
}
