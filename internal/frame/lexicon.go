package frame

import (
	"embed"
	"github.com/parallax-news/parallax/internal/lexicon"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

//go:embed data/*
var dataFS embed.FS

// tables are the lexicons of framing, from the data files.
type tables struct {
	roles, modifiers map[string]bool
	sides, demonyms  []pair
	events           []phrase
	loaded           []wordPattern

	loadedIdx map[string][]int // loaded by the head of their first word
	roleFirst map[string]bool  // the first words of roles
}

// lex returns the tables, built in the background from start-up.
var lex = lexicon.Table(func() *tables {
	t := &tables{
		roles:     phraseSet("data/roles.txt"),
		modifiers: phraseSet("data/modifiers.txt"),
		sides:     pairs("data/sides.tsv"),
		demonyms:  pairs("data/demonyms.tsv"),
		events:    phrases("data/events.txt"),
		loaded:    patterns("data/loaded.txt"),
	}
	t.loadedIdx = indexHeads(len(t.loaded), func(i int) string { return t.loaded[i].words[0] })
	t.roleFirst = firstWords(t.roles)
	return t
})

// head is the index key of a word: its first three bytes. Prefix and plural
// matches of a lexicon word share it.
func head(w string) string {
	if len(w) > 3 {
		return w[:3]
	}
	return w
}

// indexHeads maps the head of each entry's first word to the entries' indexes, in order.
func indexHeads(n int, first func(int) string) map[string][]int {
	m := map[string][]int{}
	for i := 0; i < n; i++ {
		h := head(first(i))
		m[h] = append(m[h], i)
	}
	return m
}

// firstWords is the set of the first words of a phrase set.
func firstWords(set map[string]bool) map[string]bool {
	m := map[string]bool{}
	for p := range set {
		w, _, _ := strings.Cut(p, " ")
		m[w] = true
	}
	return m
}

// loadedAt returns the length in tokens of the loaded-lexicon entry that
// starts at toks[i], or 0.
func loadedAt(toks []text.Token, i int) int {
	for _, pi := range lex().loadedIdx[head(toks[i].Lower)] {
		if n := lex().loaded[pi].matchAt(toks, i); n > 0 {
			return n
		}
	}
	return 0
}

func dataLines(name string) []string { return lexicon.Lines(dataFS, name) }

// phraseSet maps a lower-case phrase to true.
func phraseSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, l := range dataLines(name) {
		m[strings.ToLower(l)] = true
	}
	return m
}

// pair is one row of a two-column table.
type pair struct{ key, value string }

func pairs(name string) []pair {
	var out []pair
	for _, l := range dataLines(name) {
		k, v, ok := strings.Cut(l, "\t")
		if ok {
			out = append(out, pair{strings.TrimSpace(k), strings.TrimSpace(v)})
		}
	}
	// longest first, so "the Kremlin" wins over "Kremlin"
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].key) > len(out[j].key) })
	return out
}

// phrase is a lexicon phrase as lower-case words; neg phrases block matches.
type phrase struct {
	words []string
	neg   bool
}

func phrases(name string) []phrase {
	var out []phrase
	for _, l := range dataLines(name) {
		neg := strings.HasPrefix(l, "!")
		l = strings.TrimPrefix(l, "!")
		var st []string
		for _, t := range text.Tokenize(l) {
			st = append(st, t.Lower)
		}
		if len(st) > 0 {
			out = append(out, phrase{st, neg})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
	return out
}

// wordPattern is a loaded-word entry: words, the last one a prefix when
// prefix is set.
type wordPattern struct {
	words  []string
	prefix bool
}

func patterns(name string) []wordPattern {
	var out []wordPattern
	for _, l := range dataLines(name) {
		p := wordPattern{}
		if strings.HasSuffix(l, "*") {
			p.prefix = true
			l = strings.TrimSuffix(l, "*")
		}
		p.words = strings.Fields(strings.ToLower(l))
		if p.prefix && len(p.words) == 1 && len(p.words[0]) < 3 {
			panic(name + ": a prefix entry needs at least three letters (the index key): " + l)
		}
		if len(p.words) > 0 {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
	return out
}

// matchAt reports how many tokens from i match p, 0 when it does not.
func (p wordPattern) matchAt(toks []text.Token, i int) int {
	if i+len(p.words) > len(toks) {
		return 0
	}
	for k, w := range p.words {
		t := toks[i+k].Lower
		last := k == len(p.words)-1
		if t == w || last && p.prefix && strings.HasPrefix(t, w) {
			continue
		}
		return 0
	}
	return len(p.words)
}

// demonymOf returns the country of a demonym token, "" when it is none.
func demonymOf(w string) string {
	for _, p := range lex().demonyms {
		if p.key == w {
			return p.value
		}
	}
	return ""
}
