// Package summarize writes a story's neutral headline and short summary:
// sentences chosen for consensus (stated by several articles, by
// independent sources first) and centrality, none repeating another, none
// carrying loaded words or role labels, in an order a reader can follow,
// each citing every article whose sentences state it.
//
// It extracts and lightly trims sentences; it does not generate new text.
package summarize

import (
	"regexp"
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

const (
	minSentenceWords = 6   // shorter sentences are fragments
	citeOverlap      = 0.5 // share of the shorter sentence's words another must hold to state it
	citeMinShared    = 3   // and at least this many words
	redundant        = 0.5 // overlap above which a candidate repeats a chosen sentence
	leadWeight       = 2.0 // weight of an early position in its article
	claimWeight      = 0.5 // weight per independent source of the sentence's claim
	mmrWeight        = 1.0 // cost of overlap with chosen sentences (maximal marginal relevance)
	lengthCost       = 0   // cost per word beyond shortSentence
	shortSentence    = 18
)

// cand is one sentence that may enter the summary.
type cand struct {
	doc, sent int
	text      string // trimmed, labels stripped
	words     map[string]bool
	n         int      // words in text
	cites     []string // ids of the articles stating it
	score     float64
	pos       float64 // relative position in its article, 0 = lead
}

// Summarize returns the story's headline and summary.
func Summarize(docs []*text.Document, claims []parallax.Claim, ents *entity.Set, opt Options) (string, []parallax.SummarySentence) {
	limit := opt.Words
	if limit <= 0 {
		limit = DefaultWords
	}
	cs := candidates(docs, claims)
	chosen := choose(cs, limit)
	h, src := headline(cs, docs)
	// the sentence the headline comes from opens the summary
	for i, c := range chosen {
		if c == src && i > 0 {
			copy(chosen[1:i+1], chosen[:i])
			chosen[0] = c
		}
	}
	out := make([]parallax.SummarySentence, len(chosen))
	for i, c := range chosen {
		out[i] = parallax.SummarySentence{Text: c.text, Citations: c.cites}
	}
	if h == "" {
		h = fallbackHeadline(docs)
	}
	return h, out
}

// words returns the comparison words of a sentence: the stems of its
// content words.
func words(toks []text.Token) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		if t.Stop || len(t.Lower) < 3 {
			continue
		}
		m[t.Stem] = true
	}
	return m
}

func overlap(a, b map[string]bool) (shared int, ofMin float64) {
	for k := range a {
		if b[k] {
			shared++
		}
	}
	m := min(len(a), len(b))
	if m == 0 {
		return shared, 0
	}
	return shared, float64(shared) / float64(m)
}

// candidates scores every usable sentence of the story.
func candidates(docs []*text.Document, claims []parallax.Claim) []*cand {
	// independent sources of the claim each sentence belongs to
	indep := map[[2]string]int{}
	for _, c := range claims {
		for _, r := range c.Support {
			k := [2]string{r.Article, r.Sentence}
			indep[k] = max(indep[k], c.IndependentSources)
		}
	}
	all := make([][]map[string]bool, len(docs))
	for di, d := range docs {
		all[di] = make([]map[string]bool, len(d.Sentences))
		for si, s := range d.Sentences {
			all[di][si] = words(s.Tokens)
		}
	}
	var cs []*cand
	for di, d := range docs {
		for si, s := range d.Sentences {
			t, ok := usable(s)
			if !ok {
				continue
			}
			c := &cand{doc: di, sent: si, text: t, n: len(strings.Fields(t)), pos: float64(si) / float64(len(d.Sentences))}
			c.words = words(text.Tokenize(t))
			// who states it: articles with a sentence covering its words
			support := 0.0
			for dj, other := range docs {
				best, bestShared := 0.0, 0
				for _, w := range all[dj] {
					sh, f := overlap(c.words, w)
					if f > best {
						best, bestShared = f, sh
					}
				}
				if dj == di || best >= citeOverlap && bestShared >= citeMinShared {
					c.cites = append(c.cites, other.Article.ID)
				}
				if dj != di {
					support += best
				}
			}
			sort.Strings(c.cites)
			c.score = support + leadWeight*(1-c.pos) + claimWeight*float64(indep[[2]string{d.Article.ID, s.Text}])
			if startsWithPronoun(t) {
				c.score -= 1
			}
			cs = append(cs, c)
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	return cs
}

// usable returns the sentence as the summary would print it, and whether
// it may enter at all: long enough, a statement, no loaded words, not a
// bare quotation, role labels stripped and leading connectives dropped.
func usable(s text.Sentence) (string, bool) {
	if len(s.Tokens) < minSentenceWords || len(frame.LoadedWords(s)) > 0 {
		return "", false
	}
	t := strings.TrimSpace(frame.StripLabels(s))
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, ":") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune("\"“‘'«", r) || !unicode.IsUpper(r) {
		return "", false // a quotation or a fragment
	}
	if strings.Count(t, "\"")%2 == 1 || strings.Count(t, "“") != strings.Count(t, "”") {
		return "", false // a quotation cut by the sentence splitter
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if !strings.ContainsRune(".!”\"’)", last) {
		return "", false // a heading or a cut-off line
	}
	t = trimClauses(t)
	for _, c := range connectives {
		if strings.HasPrefix(t, c) {
			rest := strings.TrimSpace(t[len(c):])
			r, n := utf8.DecodeRuneInString(rest)
			t = string(unicode.ToUpper(r)) + rest[n:]
			break
		}
	}
	return t, true
}

var connectives = []string{"Moreover,", "Additionally,", "Furthermore,", "In addition,", "Also,", "Meanwhile,", "However,", "But ", "And ", "Besides,", "Still,"}

var pronounStarts = []string{"He ", "She ", "They ", "It ", "This ", "That ", "These ", "Those ", "His ", "Her ", "Their ", "Its ", "We ", "I "}

func startsWithPronoun(t string) bool {
	// "On Friday, he did not comment": look past a short opening phrase
	if i := strings.Index(t, ", "); i > 0 && len(strings.Fields(t[:i])) <= 4 {
		rest := t[i+2:]
		r, n := utf8.DecodeRuneInString(rest)
		if startsWithPronoun(string(unicode.ToUpper(r)) + rest[n:]) {
			return true
		}
	}
	for _, p := range pronounStarts {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// choose picks candidates by score within the word limit, skipping any
// that repeats a chosen one, and orders them: the central sentence first,
// then the others by where they stand in their articles.
// trimClauses cuts a trailing clause that adds comment or attribution
// rather than the fact (", in what would be a show of ...", ", according
// to ...") when the sentence keeps at least minKeep words.
func trimClauses(t string) string {
	loc := reTrailing.FindStringIndex(t)
	if loc == nil || len(strings.Fields(t[:loc[0]])) < minKeep {
		return t
	}
	end := "."
	if strings.Count(t[:loc[0]], "“") != strings.Count(t[:loc[0]], "”") {
		return t
	}
	return strings.TrimRight(t[:loc[0]], " ,;") + end
}

const minKeep = 10

var reTrailing = regexp.MustCompile(`(?:,\s+(?:in what|according to|saying|adding|amid|as well as|while|in a move|in an apparent)\b|\s+[—–]\s+)[^,;]*[.!]?$`)

func choose(cs []*cand, limit int) []*cand {
	var chosen []*cand
	used := 0
	taken := make([]bool, len(cs))
	for {
		best, bestVal := -1, 0.0
		for i, c := range cs {
			if taken[i] || used+c.n > limit {
				continue
			}
			sim := 0.0
			for _, o := range chosen {
				_, f := overlap(c.words, o.words)
				sim = max(sim, f)
			}
			if sim >= redundant {
				continue
			}
			v := c.score - mmrWeight*sim - lengthCost*float64(max(0, c.n-shortSentence))
			if best < 0 || v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		taken[best] = true
		chosen = append(chosen, cs[best])
		used += cs[best].n
	}
	if len(chosen) > 2 {
		rest := chosen[1:]
		sort.SliceStable(rest, func(i, j int) bool {
			if len(rest[i].cites) != len(rest[j].cites) {
				return len(rest[i].cites) > len(rest[j].cites) // consensus first
			}
			return rest[i].pos < rest[j].pos
		})
	}
	return chosen
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
