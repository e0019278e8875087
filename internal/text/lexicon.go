package text

import (
	"embed"
	"github.com/parallax-news/parallax/internal/lexicon"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

var (
	stopwords = wordSet("data/stopwords.txt")
	starters  = wordSet("data/starters.txt")
	abbrev    = abbreviations("data/abbreviations.txt")
)

// abbrevClass says how an abbreviation behaves before a following word.
type abbrevClass uint8

const (
	abbrTitle  abbrevClass = iota + 1 // Mr., Sen.: never ends a sentence
	abbrNumber                        // No., Jan.: not before a number
	abbrOther                         // Inc., Calif.: ends one only before a sentence starter
	abbrNever                         // e.g., i.e.
)

// Lines of a data file without comments and blank lines.
func dataLines(name string) []string { return lexicon.Lines(dataFS, name) }

func wordSet(name string) map[string]struct{} {
	m := map[string]struct{}{}
	for _, l := range dataLines(name) {
		for _, w := range strings.Fields(l) {
			m[strings.ToLower(w)] = struct{}{}
		}
	}
	return m
}

func abbreviations(name string) map[string]abbrevClass {
	m := map[string]abbrevClass{}
	var cls abbrevClass
	for _, l := range dataLines(name) {
		switch l {
		case "[title]":
			cls = abbrTitle
			continue
		case "[number]":
			cls = abbrNumber
			continue
		case "[other]":
			cls = abbrOther
			continue
		case "[never]":
			cls = abbrNever
			continue
		}
		for _, w := range strings.Fields(l) {
			m[w] = cls
		}
	}
	return m
}
