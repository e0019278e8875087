package entity

import (
	"embed"
	datafile "github.com/parallax-news/parallax/internal/lexicon"
	"strings"

	parallax "github.com/parallax-news/parallax"
)

//go:embed data/*.txt
var dataFS embed.FS

// known is one name the lexicons know.
type known struct {
	Name    string // canonical
	Type    string
	Outlet  bool   // a news outlet or agency
	Country string // for a demonym: the country it belongs to
	Common  bool   // the name is also a common word: "People", "Time"
}

// lexicon is every embedded word list, loaded once.
type lexicon struct {
	names     map[string]*known // surface form (as written) -> entry
	demonyms  map[string]string // "Chinese" -> "China"
	maxWords  int               // longest name in words
	titles    map[string]bool   // "President", "House Speaker", "Sen."
	heads     map[string]bool   // lower-case head-of-state titles: "president", "leader"
	maxTitle  int
	suffixes  map[string]bool
	typeWords map[string]string // last word of a name -> type (Institute: ORG)
	prefixes  map[string]string // first word of a name -> type (Hurricane: EVENT)
	orgNouns  map[string]bool
	perNouns  map[string]bool
	placePrep map[string]bool
	roleNouns map[string]bool // lower-case, may be two words
	nonEntity map[string]bool
	given     map[string]bool   // common given names: "Tara", "Jack"
	workPre   map[string]bool   // lower-case, may be two words: "show", "star of"
	workPost  map[string]bool   // "actress", "franchise"
	descGroup map[string]string // person noun -> the first noun of its group ("publicist" -> "rep")
	abbrevDot map[string]bool   // words an abbreviating full stop follows: "Gen", "Jr"
}

// lex returns the lexicon, built in the background from start-up.
var lex = datafile.Table(loadLexicon)

func dataLines(name string) []string { return datafile.Lines(dataFS, name) }

// sections splits data lines under [name] headers.
func sections(name string) map[string][]string {
	m := map[string][]string{}
	cur := ""
	for _, l := range dataLines(name) {
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			cur = l[1 : len(l)-1]
			continue
		}
		m[cur] = append(m[cur], l)
	}
	return m
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func loadLexicon() *lexicon {
	l := &lexicon{
		names: map[string]*known{}, demonyms: map[string]string{},
		titles: map[string]bool{}, heads: map[string]bool{}, suffixes: map[string]bool{},
		typeWords: map[string]string{}, prefixes: map[string]string{}, orgNouns: map[string]bool{}, perNouns: map[string]bool{},
		placePrep: map[string]bool{}, roleNouns: map[string]bool{}, nonEntity: map[string]bool{},
		given: map[string]bool{}, workPre: map[string]bool{}, workPost: map[string]bool{}, descGroup: map[string]string{},
	}
	add := func(form string, k *known) {
		if _, ok := l.names[form]; ok {
			return // the first entry of a form wins
		}
		l.names[form] = k
		if n := len(strings.Fields(form)); n > l.maxWords {
			l.maxWords = n
		}
	}
	for _, line := range dataLines("data/countries.txt") {
		f := strings.Split(line, "|")
		for len(f) < 4 {
			f = append(f, "")
		}
		k := &known{Name: f[0], Type: parallax.GPE}
		add(f[0], k)
		for _, a := range splitList(f[3]) {
			add(a, k)
		}
		for _, d := range splitList(f[1]) {
			if _, ok := l.demonyms[d]; !ok {
				l.demonyms[d] = f[0]
			}
		}
		for _, c := range splitList(f[2]) {
			if c != f[0] {
				add(c, &known{Name: c, Type: parallax.GPE})
			}
		}
	}
	for sec, lines := range sections("data/known.txt") {
		for _, line := range lines {
			f := strings.Split(line, "|")
			if len(f) < 2 {
				continue
			}
			k := &known{Name: f[1], Type: f[0], Outlet: sec == "outlet", Common: len(f) > 3 && f[3] == "common"}
			add(f[1], k)
			if len(f) > 2 {
				for _, a := range splitList(f[2]) {
					add(a, k)
				}
			}
		}
	}
	for sec, lines := range sections("data/titles.txt") {
		for _, t := range lines {
			l.titles[t] = true
			if sec == "head" {
				l.heads[strings.ToLower(t)] = true
			}
			if n := len(strings.Fields(t)); n > l.maxTitle {
				l.maxTitle = n
			}
		}
	}
	for _, s := range dataLines("data/suffixes.txt") {
		l.suffixes[s] = true
	}
	typeOf := map[string]string{"other": parallax.Other, "org": parallax.Org, "loc": parallax.Loc, "gpe": parallax.GPE, "event": parallax.Event}
	for sec, lines := range sections("data/orgwords.txt") {
		if p, ok := strings.CutPrefix(sec, "prefix-"); ok {
			for _, w := range lines {
				l.prefixes[w] = typeOf[p]
			}
			continue
		}
		for _, w := range lines {
			if _, ok := l.typeWords[w]; !ok || sec == "org" {
				l.typeWords[w] = typeOf[sec]
			}
		}
	}
	ws := sections("data/words.txt")
	for _, w := range ws["orgnoun"] {
		l.orgNouns[w] = true
	}
	for _, w := range ws["personnoun"] {
		l.perNouns[w] = true
	}
	for _, w := range ws["placeprep"] {
		l.placePrep[w] = true
	}
	for _, w := range ws["rolenoun"] {
		l.roleNouns[w] = true
	}
	for _, w := range ws["workbefore"] {
		l.workPre[w] = true
	}
	for _, w := range ws["workafter"] {
		l.workPost[w] = true
	}
	for _, line := range ws["descgroup"] {
		g := strings.Fields(line)
		for _, w := range g {
			l.descGroup[w] = g[0]
		}
	}
	for _, line := range dataLines("data/givennames.txt") {
		for _, w := range strings.Fields(line) {
			l.given[w] = true
		}
	}
	for _, line := range dataLines("data/nonentity.txt") {
		for _, w := range strings.Fields(line) {
			l.nonEntity[w] = true
		}
	}
	l.abbrevDot = abbrevDots(l)
	return l
}

// IsOutletName reports whether name is a news outlet or agency the lexicon knows.
func IsOutletName(name string) bool {
	k, ok := lex().names[name]
	return ok && k.Outlet
}

// IsPersonNoun reports whether w (lower case) is a common noun for a person
// that can head a description of a speaker: "rep", "friend", "lawyer".
func IsPersonNoun(w string) bool { return lex().perNouns[w] }
