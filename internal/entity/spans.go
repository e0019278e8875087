package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// word is a token prepared for name finding: a possessive 's is cut off, a
// hyphenated pair of names is split ("Xi-Putin"), an abbreviation keeps its dot.
type word struct {
	text       string
	start, end int    // byte offsets in the sentence
	tail       string // lower-case part after a hyphen: "based" of "Washington-based"
	poss       bool   // written with a possessive 's
	brk        bool   // punctuation or a split hyphen stands before this word
	cap, acr   bool
	initial    bool // opens the sentence (or a quote or a heading)
	site       bool // a web address: "People.com"
}

// domainAt returns the length of a web domain ending (".com", ".co.uk")
// written at offset i of s, or 0.
func domainAt(s string, i int) int {
	for _, d := range []string{".co.uk", ".com", ".org", ".net", ".tv"} {
		if strings.HasPrefix(s[i:], d) {
			e := i + len(d)
			if e == len(s) || !unicode.IsLetter(rune(s[e])) && !unicode.IsDigit(rune(s[e])) {
				return len(d)
			}
		}
	}
	return 0
}

// span kinds.
const (
	kName    = iota // a proper name
	kDemonym        // "Chinese": the country, never an entity of its own
	kRole           // "the Chinese president", "Russian President": a description of a person
	kAge            // "the 70-year-old"
)

// span is one candidate mention in a sentence.
type span struct {
	kind       int
	start, end int // byte offsets in the sentence
	text       string
	name       string // normalised name (no possessive, no title)
	typ        string // type from the lexicon or the name's shape; "" when unknown
	ctx        string // type from the context around it; "" when none
	known      *known
	country    string // for a demonym, a role: the country
	role       string // for a role: the lower-case title ("president", "leader"); for a name: its title
	roleCtry   string // for a name after a title: the country of the title ("Chinese President X")
	suffixed   bool   // the name ends in Jr., Sr., III
	acronym    bool
	heading    bool   // found in a title-case heading line
	work       int    // evidence that it names a work (film, show, book): 2 quoted whole, 1 a work cue
	initial    bool   // opens its sentence
	common     bool   // every word is one the story also writes in lower case ("Party Girl")
	det        bool   // after a lower-case article ("the Perennial Party Girl")
	given      bool   // opens with a common given name
	desc       string // a lower-case person noun just before it: "rep" of "her rep Jack Ketsoyan"
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isAcronym: two or more letters, all upper case, digits, dots or hyphens allowed (U.S., G-20, NYT).
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '.' || r == '-' || r == '&' || r == '+':
		default:
			return false
		}
	}
	return letters >= 2 || (letters == 1 && strings.ContainsAny(s, "-0123456789") && len(s) >= 2)
}

// abbrevDots returns the words that an abbreviating full stop follows in a
// name ("Gen", "Jr", "St"): the titles and suffixes of the lexicon written
// with one, and a few place and company words.
func abbrevDots(l *lexicon) map[string]bool {
	m := map[string]bool{}
	for t := range l.titles {
		if strings.HasSuffix(t, ".") {
			m[strings.TrimSuffix(t, ".")] = true
		}
	}
	for s := range l.suffixes {
		if strings.HasSuffix(s, ".") {
			m[strings.TrimSuffix(s, ".")] = true
		}
	}
	for _, a := range []string{"St", "Mt", "Ft", "Inc", "Corp", "Co", "Ltd", "Bros"} {
		m[a] = true
	}
	return m
}

// words turns a sentence's tokens into words.
func words(s string, toks []text.Token) []word {
	var out []word
	prevEnd := -1
	for ti, t := range toks {
		if prevEnd >= 0 && t.Start < prevEnd {
			continue // inside a word already read: "com" of "People.com"
		}
		gap := ""
		if prevEnd >= 0 {
			gap = s[prevEnd:t.Start]
		} else {
			gap = s[:t.Start]
		}
		w := word{text: t.Text, start: t.Start, end: t.End}
		// a dot after an abbreviation or an initial belongs to it
		if t.End < len(s) && s[t.End] == '.' && !strings.HasSuffix(t.Text, ".") &&
			(lex().abbrevDot[t.Text] || (utf8.RuneCountInString(t.Text) == 1 && isUpperStart(t.Text))) {
			w.text += "."
			w.end++
		}
		// "E!" (a known name written with its exclamation mark), "UsMagazine.com" (a website)
		if t.End < len(s) && s[t.End] == '!' {
			if _, ok := lex().names[t.Text+"!"]; ok {
				w.text += "!"
				w.end++
			}
		}
		if dom := domainAt(s, t.End); dom > 0 && isUpperStart(t.Text) {
			w.text += s[t.End : t.End+dom]
			w.end += dom
			w.site = true
		}
		g := strings.TrimSpace(gap)
		w.brk = g != "" && ti > 0
		w.initial = ti == 0 || strings.ContainsAny(g, "\"“‘:;—–(") && !strings.ContainsAny(g, "”)")
		if ti > 0 && (g == "." || g == "!" || g == "?") {
			w.initial = true
		}
		for _, suf := range []string{"'s", "’s"} {
			if strings.HasSuffix(w.text, suf) && len(w.text) > len(suf) {
				w.text = w.text[:len(w.text)-len(suf)]
				w.end -= len(suf)
				w.poss = true
			}
		}
		if w.end < len(s) && !w.poss && (strings.HasPrefix(s[w.end:], "’ ") || strings.HasPrefix(s[w.end:], "' ")) && strings.HasSuffix(w.text, "s") {
			w.poss = true // plural possessive: Smiths’
		}
		prevEnd = max(t.End, w.end)
		if strings.Contains(w.text, "-") && !isAcronym(w.text) && isUpperStart(w.text) {
			parts := strings.Split(w.text, "-")
			if hyphenSplits(parts, toks, ti) {
				off := w.start
				for pi, p := range parts {
					if p == "" {
						off++
						continue
					}
					if !isUpperStart(p) {
						// "Washington-based": the name keeps a lower-case tail
						if pi > 0 && len(out) > 0 {
							out[len(out)-1].tail = strings.ToLower(strings.Join(parts[pi:], "-"))
						}
						break
					}
					pw := word{text: p, start: off, end: off + len(p), brk: pi > 0 || w.brk, initial: w.initial && pi == 0}
					if pi == len(parts)-1 {
						pw.poss = w.poss
					}
					out = append(out, pw)
					off += len(p) + 1
				}
				continue
			}
		}
		out = append(out, w)
	}
	for i := range out {
		out[i].cap = isUpperStart(out[i].text)
		out[i].acr = isAcronym(out[i].text)
	}
	return out
}

// hyphenSplits decides whether a hyphenated capitalised token names several
// things: "Xi-Putin", "Russia-China", "US-dominated" split; "Jean-Claude
// Juncker" (a name run) and "Al-Qaeda" (a known name) stay whole.
func hyphenSplits(parts []string, toks []text.Token, ti int) bool {
	if _, ok := lex().names[strings.Join(parts, "-")]; ok {
		return false
	}
	for _, p := range parts[1:] {
		if p != "" && !isUpperStart(p) {
			return true // a lower-case tail: US-dominated, Washington-based
		}
	}
	known := 0
	for _, p := range parts {
		if _, ok := lex().names[p]; ok {
			known++
		} else if _, ok := lex().demonyms[p]; ok {
			known++
		}
	}
	if known == len(parts) {
		return true
	}
	nextCap := ti+1 < len(toks) && toks[ti+1].Capitalized() && !toks[ti+1].Stop
	prevCap := ti > 0 && toks[ti-1].Capitalized() && !toks[ti-1].Stop
	return !nextCap && !prevCap
}

// connectors may join the words of one name: "Institute of International
// Finance", "Bank of England", "Charles de Gaulle".
var connectors = map[string]bool{"of": true, "for": true, "and": true, "on": true, "the": true, "de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "du": true, "bin": true, "al": true, "la": true, "le": true, "del": true, "dos": true, "el": true}
var particles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "du": true, "bin": true, "al": true, "la": true, "le": true, "del": true, "dos": true, "el": true}

// nameWord: a word that can be part of a capitalised name run.
func nameWord(w word) bool {
	return w.cap || w.acr
}

// lexMatch returns the end (exclusive) of the longest lexicon name starting at i.
func lexMatch(ws []word, i int) (int, *known) {
	if !nameWord(ws[i]) && !(ws[i].text == "dpa" || ws[i].text == "al") {
		return -1, nil
	}
	best, bk := -1, (*known)(nil)
	var sb strings.Builder
	for j := i; j < len(ws) && j-i < lex().maxWords; j++ {
		if j > i {
			if ws[j].brk {
				break
			}
			sb.WriteByte(' ')
		}
		sb.WriteString(ws[j].text)
		if k, ok := lex().names[sb.String()]; ok {
			if ws[j].cap || ws[j].acr || j == i || j == i+1 && !text.IsStop(ws[j].text) || isNumberWord(ws[j].text) {
				best, bk = j+1, k
			}
		}
		if ws[j].poss || ws[j].tail != "" {
			break
		}
	}
	return best, bk
}

// run returns the end (exclusive) of the capitalised run starting at i.
func run(ws []word, i int) int {
	j := i + 1
	if ws[i].poss || ws[i].tail != "" {
		return j
	}
	for j < len(ws) {
		w := ws[j]
		if w.brk {
			break
		}
		if nameWord(w) && !w.initial {
			j++
			if w.poss || w.tail != "" {
				break
			}
			continue
		}
		// connectors: "of" after an organisation or place word, particles in names
		lw := w.text
		if connectors[lw] && j+1 < len(ws) {
			k := j + 1
			if lw == "of" && k < len(ws) && ws[k].text == "the" {
				k++
			}
			if k < len(ws) && !ws[k].brk && (nameWord(ws[k]) && !lex().nonEntity[ws[k].text] || lw == "of" && isNumberWord(ws[k].text)) {
				prev := ws[j-1].text
				ok := particles[lw] && lw != "la" && lw != "le" && lw != "el"
				if lw == "of" || lw == "for" || lw == "on" {
					_, typed := lex().typeWords[prev]
					ok = typed || prev == "Group" || prev == "Secretary" || prev == "Minister" || prev == "Bank" || prev == "Council" || prev == "University"
				}
				if lw == "and" && lex().names[joinWords(ws, i, j)] != nil {
					break // "People and Us Weekly": a known name ends before "and"
				}
				if lw == "and" {
					// "Food and Drug Administration": only when the name goes on to a type word
					e := k
					for e < len(ws) && !ws[e].brk && nameWord(ws[e]) {
						e++
					}
					_, typed := lex().typeWords[ws[e-1].text]
					ok = typed && lex().typeWords[ws[e-1].text] == parallax.Org
				}
				if ok {
					j = k
					continue
				}
			}
		}
		break
	}
	return j
}

func isNumberWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// titleAt returns the end of the longest title starting at i, or -1.
func titleAt(ws []word, i, end int) int {
	best := -1
	var sb strings.Builder
	for j := i; j < end && j-i < lex().maxTitle; j++ {
		if j > i {
			sb.WriteByte(' ')
		}
		sb.WriteString(ws[j].text)
		if lex().titles[sb.String()] {
			best = j + 1
		}
	}
	return best
}

// isHeading reports whether a sentence looks like a title-case heading,
// where capitals say nothing about names.
func isHeading(s string, ws []word) bool {
	if e := strings.TrimRight(s, "\"”’' )"); e != "" && strings.ContainsAny(e[len(e)-1:], ".!?;:,") {
		return false // a heading has no closing punctuation
	}
	content, caps := 0, 0
	for _, w := range ws {
		if text.IsStop(strings.ToLower(w.text)) || isNumberWord(w.text) {
			continue
		}
		content++
		if w.cap {
			caps++
		}
	}
	return content >= 3 && caps*10 >= content*8
}

// sentenceSpans finds the candidate mentions of one sentence. lowerSeen
// holds words the story writes in lower case (so "Moreover" or "Sanctions"
// opening a sentence is no name).
func sentenceSpans(s string, toks []text.Token, lowerSeen map[string]bool, works map[string]bool) []span {
	ws := words(s, toks)
	heading := isHeading(s, ws)
	var out []span
	i := 0
	for i < len(ws) {
		w := ws[i]
		// a title the story quotes as a work ("American Pie") is one name wherever it is written
		if we := workAt(ws, i, works); we > 0 {
			if le, _ := lexMatch(ws, i); le <= we {
				out = append(out, nameSpan(s, ws, i, we, "", nil, heading))
				i = we
				continue
			}
		}
		if sp, n := roleSpan(s, ws, i); n > 0 {
			if sp.country != "" { // the demonym also names its country
				dw := ws[i+1]
				out = append(out, span{kind: kDemonym, start: dw.start, end: dw.end, text: dw.text, name: sp.country, country: sp.country})
			}
			out = append(out, sp)
			i += n
			continue
		}
		if !nameWord(w) && w.text != "dpa" {
			if sp, n := roleSpan(s, ws, i); n > 0 {
				if sp.country != "" { // the demonym also names its country
					dw := ws[i+1]
					out = append(out, span{kind: kDemonym, start: dw.start, end: dw.end, text: dw.text, name: sp.country, country: sp.country})
				}
				out = append(out, sp)
				i += n
				continue
			}
			i++
			continue
		}
		le, lk := lexMatch(ws, i)
		if le == i+1 && ambiguousKnown(ws, i, lowerSeen) {
			le, lk = -1, nil
		}
		re := run(ws, i)
		// an opening word that is a common word or a non-name starts no name
		lw := strings.ToLower(w.text)
		if le < 0 && (w.initial || lex().nonEntity[w.text] || lex().nonEntity[titleCase(w.text)]) && (lex().nonEntity[w.text] || lex().nonEntity[titleCase(w.text)] || text.IsStop(lw) || lowerSeen[lw] ||
			w.initial && re > i+1 && (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ly"))) {
			if _, ok := lex().demonyms[w.text]; !ok && titleAt(ws, i, re) < 0 {
				i++
				continue
			}
		}
		// "Analyst Mary Chen said": a capitalised common noun opening the sentence
		if w.initial && re > i+1 && le < 0 && lex().perNouns[lw] && titleAt(ws, i, re) < 0 {
			sp := nameSpan(s, ws, i+1, re, "", nil, heading)
			sp.ctx = parallax.Person
			out = append(out, sp)
			i = re
			continue
		}
		// a run that opens with a type word is one name: "Hurricane Katrina", "Lake Placid"
		if re > i+1 && re > le {
			if typ, ok := lex().prefixes[w.text]; ok {
				out = append(out, nameSpan(s, ws, i, re, typ, nil, heading))
				i = re
				continue
			}
		}
		// "Academy of Motion Picture Arts": an organisation word heading an of-phrase
		if re > i+2 && re > le && ws[i+1].text == "of" && lex().typeWords[w.text] == parallax.Org {
			out = append(out, nameSpan(s, ws, i, re, parallax.Org, nil, heading))
			i = re
			continue
		}
		// a run that ends in a type word (Institute, Television, Strait) is one name
		if re > i+1 && re > le {
			if typ, ok := lex().typeWords[ws[re-1].text]; ok && !lex().titles[ws[re-1].text] {
				out = append(out, nameSpan(s, ws, i, re, typ, nil, heading))
				i = re
				continue
			}
		}
		if t := firstTitle(ws, i, re); t >= 0 && (le < 0 || le <= t) {
			out = append(out, titled(s, ws, i, re, t, heading, lowerSeen)...)
			i = re
			continue
		}
		if le > 0 {
			if d, ok := lex().demonyms[ws[i].text]; ok && le == i+1 {
				out = append(out, span{kind: kDemonym, start: w.start, end: w.end, text: w.text, name: d, country: d})
				i = le
				continue
			}
			out = append(out, nameSpan(s, ws, i, le, lk.Type, lk, heading))
			i = le
			continue
		}
		if d, ok := lex().demonyms[w.text]; ok {
			out = append(out, span{kind: kDemonym, start: w.start, end: w.end, text: w.text, name: d, country: d})
			i++
			continue
		}
		// drop non-name words at the end of a run
		e := re
		for e > i && (lex().nonEntity[ws[e-1].text] || connectors[ws[e-1].text]) {
			e-- // a name never ends on a connector: "Promises Treatment Center on (Tuesday)"
		}
		if e == i {
			i = re
			continue
		}
		out = append(out, nameSpan(s, ws, i, e, "", nil, heading))
		i = re
	}
	return annotate(s, ws, contextTypes(ws, out), lowerSeen)
}

// firstTitle returns the position of the first title in ws[i:end] that is
// followed by a name or ends the run (a role), or -1.
func firstTitle(ws []word, i, end int) int {
	for t := i; t < end; t++ {
		if te := titleAt(ws, t, end); te > 0 {
			return t
		}
	}
	return -1
}

// titled splits a run holding a title: "U.S. House Speaker Nancy Pelosi",
// "Chinese President Xi Jinping", "Russian President" (a role alone).
func titled(s string, ws []word, i, end, t int, heading bool, lowerSeen map[string]bool) []span {
	te := titleAt(ws, t, end)
	for te < end { // a run of titles reads as one: "Prime Minister"
		if n := titleAt(ws, te, end); n > 0 {
			te = n
			continue
		}
		break
	}
	var out []span
	country := ""
	prefixOK := true
	for p := i; p < t; p++ {
		if d, ok := lex().demonyms[ws[p].text]; ok {
			country = d
			out = append(out, span{kind: kDemonym, start: ws[p].start, end: ws[p].end, text: ws[p].text, name: d, country: d})
			continue
		}
		if k, ok := lex().names[ws[p].text]; ok && k.Type == parallax.GPE {
			country = k.Name
			out = append(out, nameSpan(s, ws, p, p+1, k.Type, k, heading))
			continue
		}
		prefixOK = false
	}
	if !prefixOK {
		// "Stimson Center Director Jane Doe": the words before the title are a name of their own
		out = out[:0]
		country = ""
		if le, lk := lexMatch(ws, i); le > 0 && le <= t {
			out = append(out, nameSpan(s, ws, i, le, lk.Type, lk, heading))
		} else if !(ws[i].initial && lowerSeen[strings.ToLower(ws[i].text)]) {
			out = append(out, nameSpan(s, ws, i, t, "", nil, heading))
		}
	}
	title := joinWords(ws, t, te)
	if te == end {
		if t == i && !ws[i].initial && !heading || country != "" {
			// a role alone: "Russian President", "the President"
			st := ws[t].start
			if prefixOK {
				st = ws[i].start
			}
			out = append(out, span{kind: kRole, start: st, end: ws[te-1].end, text: s[st:ws[te-1].end], country: country, role: strings.ToLower(title)})
		}
		return out
	}
	sp := nameSpan(s, ws, te, end, parallax.Person, nil, heading)
	sp.role = strings.ToLower(title)
	sp.roleCtry = country
	// the alias keeps the title: "Chinese President Xi Jinping"
	sp.start = ws[i].start
	if !prefixOK {
		sp.start = ws[t].start
	}
	sp.text = s[sp.start:sp.end]
	out = append(out, sp)
	return out
}

func joinWords(ws []word, i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		parts = append(parts, ws[k].text)
	}
	return strings.Join(parts, " ")
}

// nameSpan makes a name span of ws[i:j].
func nameSpan(s string, ws []word, i, j int, typ string, k *known, heading bool) span {
	name := joinWords(ws, i, j)
	sp := span{kind: kName, start: ws[i].start, end: ws[j-1].end, name: name, typ: typ, known: k, heading: heading}
	sp.text = s[sp.start:sp.end]
	if k != nil {
		sp.name = k.Name
	}
	if j-i > 1 && lex().suffixes[ws[j-1].text] {
		sp.suffixed = true
	}
	sp.acronym = j == i+1 && ws[i].acr
	if typ == "" && j-i == 1 && ws[i].tail == "based" {
		sp.ctx = parallax.GPE
	}
	return sp
}

// roleSpan finds a lower-case description of a person at i: "the Chinese
// president", "his Chinese counterpart", "the Russian leader", "the
// 70-year-old". It returns the span and how many words it covers.
func roleSpan(s string, ws []word, i int) (span, int) {
	w := strings.ToLower(ws[i].text)
	if w != "the" && w != "his" && w != "her" && w != "their" && w != "its" {
		return span{}, 0
	}
	j := i + 1
	if j < len(ws) && strings.HasSuffix(ws[j].text, "-year-old") && !ws[j].brk {
		if j+1 >= len(ws) || !isNounAfterAge(ws[j+1].text) {
			return span{kind: kAge, start: ws[i].start, end: ws[j].end, text: s[ws[i].start:ws[j].end]}, 2
		}
		return span{}, 0
	}
	country := ""
	if j < len(ws) {
		if d, ok := lex().demonyms[ws[j].text]; ok && !ws[j].brk {
			country = d
			j++
		}
	}
	if j >= len(ws) || ws[j].brk {
		return span{}, 0
	}
	role := strings.ToLower(ws[j].text)
	n := 1
	if j+1 < len(ws) && lex().roleNouns[role+" "+strings.ToLower(ws[j+1].text)] && !ws[j+1].brk {
		role += " " + strings.ToLower(ws[j+1].text)
		n = 2
	}
	if !lex().roleNouns[role] || (country == "" && role != "counterpart" && w != "the") {
		return span{}, 0
	}
	last := ws[j+n-1]
	if w == "their" || last.text != strings.ToLower(last.text) && !ws[j].cap {
		return span{}, 0
	}
	sp := span{kind: kRole, start: ws[i].start, end: last.end, country: country, role: role}
	sp.text = s[sp.start:sp.end]
	return sp, j + n - i
}

func isNounAfterAge(w string) bool {
	// "the 70-year-old leader": the description goes on; only a bare "the 70-year-old" is a reference
	return w != "" && unicode.IsLetter([]rune(w)[0]) && strings.ToLower(w) == w && !text.IsStop(w) && !speechish(w)
}

func speechish(w string) bool {
	switch w {
	case "said", "says", "told", "added", "declared", "stated", "noted", "was", "is", "has", "had", "who", "also":
		return true
	}
	return false
}

// contextTypes sets span.ctx from the words around a name: "energy company
// Gazprom", "economist Elina Ribakova", "X, director of Y", "in Kyiv".
func contextTypes(ws []word, sps []span) []span {
	at := map[int]int{} // word start offset -> word index
	for i, w := range ws {
		at[w.start] = i
	}
	endAt := map[int]int{}
	for i, w := range ws {
		endAt[w.end] = i
	}
	for k := range sps {
		sp := &sps[k]
		if sp.kind != kName || sp.ctx != "" {
			continue
		}
		i, ok := at[sp.start]
		if !ok {
			continue
		}
		e, ok := endAt[sp.end]
		if !ok {
			e = i
		}
		if sp.known == nil && workCue(ws, i, e) {
			sp.work = max(sp.work, 1)
			continue
		}
		if i > 1 && !ws[i].brk && !ws[i-1].brk && !ws[i-1].cap && (lex().heads[strings.ToLower(ws[i-1].text)] || lex().roleNouns[strings.ToLower(ws[i-1].text)]) {
			// "Russian dictator Vladimir Putin": a lower-case title after a demonym
			if d, ok := lex().demonyms[ws[i-2].text]; ok && (i < 3 || !determiner(ws[i-3].text)) {
				sp.ctx = parallax.Person
				sp.role = strings.ToLower(ws[i-1].text)
				sp.roleCtry = d
				continue
			}
		}
		if i > 0 && !ws[i].brk {
			p := strings.ToLower(ws[i-1].text)
			switch {
			case lex().orgNouns[p] && !ws[i-1].cap:
				sp.ctx = parallax.Org
			case lex().perNouns[p] && !ws[i-1].cap && !(i > 1 && modalOrTo(ws[i-2].text)):
				sp.ctx = parallax.Person
			case lex().placePrep[p] && !ws[i-1].cap:
				sp.ctx = parallax.GPE
			}
		}
		if sp.ctx == "" && e+2 < len(ws) && ws[e+1].brk {
			// appositions: "Yun Sun, director of ...", "Stimson Center, a think tank"
			a := strings.ToLower(ws[e+1].text)
			b := strings.ToLower(ws[e+2].text)
			switch {
			case lex().perNouns[a] && !ws[e+1].cap:
				sp.ctx = parallax.Person
			case (a == "a" || a == "an" || a == "the") && lex().perNouns[b]:
				sp.ctx = parallax.Person
			case (a == "a" || a == "an" || a == "the") && (lex().orgNouns[b] || b == "think"):
				sp.ctx = parallax.Org
			}
		}
		if sp.ctx == "" && e+1 < len(ws) && !ws[e+1].brk && !ws[e+1].cap {
			switch strings.ToLower(ws[e+1].text) {
			case "said", "says", "told", "added", "stressed", "noted", "who", "himself", "herself":
				if e > i {
					sp.ctx = parallax.Person
				}
			case "news", "agency":
				sp.ctx = parallax.Org
			}
		}
	}
	return sps
}

func determiner(w string) bool {
	switch strings.ToLower(w) {
	case "the", "his", "her", "its", "their", "a", "an":
		return true
	}
	return false
}

// titleCase: "AUGUST" -> "August".
func titleCase(w string) string {
	if len(w) < 2 {
		return w
	}
	return w[:1] + strings.ToLower(w[1:])
}

// modalOrTo: before a word that is then a verb ("to host", "will star").
func modalOrTo(w string) bool {
	switch strings.ToLower(w) {
	case "to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does", "not":
		return true
	}
	return false
}
