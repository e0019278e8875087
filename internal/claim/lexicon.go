package claim

import (
	"embed"
	"github.com/parallax-news/parallax/internal/lexicon"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

//go:embed data/*.txt
var dataFS embed.FS

// phrase is one member of a near-synonym group as stems.
type phrase struct {
	stems []string
	group string
}

// tables are the lexicons of the claim model, from the data files.
type tables struct {
	synonyms map[string][]phrase
	loaded   map[string]bool
	// frameWords are the stems of every reporting word of data/frame.txt,
	// speechWords those of its [speech] section.
	frameWords, speechWords map[string]bool
	// thatSpeech are the speech verbs of frame.txt's [that] section.
	thatSpeech map[string]bool
	// leadingOpeners and trailingOpeners open circumstantial clauses
	// (data/background.txt), as stems.
	leadingOpeners, trailingOpeners map[string]bool
	// negators are the negation phrases of data/negators.txt as stems,
	// indexed by their first stem.
	negators map[string][][]string
}

// lex returns the tables, built in the background from start-up.
var lex = lexicon.Table(func() *tables {
	return &tables{
		synonyms:        loadSynonyms("data/synonyms.txt"),
		loaded:          loadWords("data/loaded.txt"),
		frameWords:      loadStems("data/frame.txt", ""),
		speechWords:     loadStems("data/frame.txt", "speech"),
		thatSpeech:      loadStems("data/frame.txt", "that"),
		leadingOpeners:  loadStems("data/background.txt", "leading"),
		trailingOpeners: loadStems("data/background.txt", "trailing"),
		negators:        loadPhrases("data/negators.txt"),
	}
})

// loadStems returns the stems of the words of a data file, or of one of its
// [sections] when section is not "".
func loadStems(name, section string) map[string]bool {
	m := map[string]bool{}
	sec := ""
	for _, l := range dataLines(name) {
		if strings.HasPrefix(l, "[") {
			sec = strings.Trim(l, "[]")
			continue
		}
		if section != "" && sec != section {
			continue
		}
		for _, w := range strings.Fields(l) {
			m[text.Stem(w)] = true
		}
	}
	return m
}

func loadPhrases(name string) map[string][][]string {
	m := map[string][][]string{}
	for _, l := range dataLines(name) {
		if st := stemPhrase(l); len(st) > 0 {
			m[st[0]] = append(m[st[0]], st)
		}
	}
	return m
}

func dataLines(name string) []string { return lexicon.Lines(dataFS, name) }

// stemPhrase tokenizes a lexicon phrase into stems (numbers as written).
func stemPhrase(p string) []string {
	var out []string
	for _, t := range text.Tokenize(p) {
		out = append(out, t.Stem)
	}
	return out
}

// loadSynonyms indexes every member phrase by its first stem, longest first.
func loadSynonyms(name string) map[string][]phrase {
	m := map[string][]phrase{}
	for _, l := range dataLines(name) {
		parts := strings.Split(l, "|")
		group := strings.TrimSpace(parts[0])
		for _, p := range parts {
			st := stemPhrase(strings.TrimSpace(p))
			if len(st) == 0 {
				continue
			}
			m[st[0]] = append(m[st[0]], phrase{stems: st, group: group})
		}
	}
	for k, ps := range m {
		for i := 1; i < len(ps); i++ { // longest first, stable
			for j := i; j > 0 && len(ps[j].stems) > len(ps[j-1].stems); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		m[k] = ps
	}
	return m
}

func loadWords(name string) map[string]bool {
	m := map[string]bool{}
	for _, l := range dataLines(name) {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// matchSynonym returns the group and length (in tokens) of the longest
// lexicon phrase starting at toks[i], or "", 0.
func matchSynonym(toks []text.Token, i int) (string, int) {
	for _, p := range lex().synonyms[toks[i].Stem] {
		if toks[i].Stop && len(p.stems) == 1 {
			continue // "will" is not "willing"; "not easy" is a phrase
		}
		if i+len(p.stems) > len(toks) {
			continue
		}
		ok := true
		for k, s := range p.stems {
			if toks[i+k].Stem != s {
				ok = false
				break
			}
		}
		if ok {
			return p.group, len(p.stems)
		}
	}
	return "", 0
}

// Canonical returns the near-synonym group of a lower-case word or phrase,
// or "" when it is in none; other packages use it to compare predicates.
func Canonical(p string) string {
	toks := text.Tokenize(p)
	if len(toks) == 0 {
		return ""
	}
	g, n := matchSynonym(toks, 0)
	if n != len(toks) {
		return ""
	}
	return g
}
