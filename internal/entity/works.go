package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// Titles of works (films, shows, books, albums) are written in title case
// like names, and news quotes them: "American Pie", "Scrubs". A title-case
// phrase that the story writes whole inside quote marks, or that follows a
// work noun ("the show Taradise", "star of Scrubs") or precedes one ("the
// Mean Girls star"), is a work: typed OTHER, never a person or an
// organisation, and matched as one name wherever the story writes it, so
// "American Pie" is not read as the demonym "American" and a name "Pie".

const maxWorkWords = 7

// isQuoteMark: a mark that can open or close a quotation.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„':
		return true
	}
	return false
}

// quotedTitles returns the title-case phrases written whole inside quote
// marks in sentence s ("American Pie", "The Big Lebowski" as "Big
// Lebowski"), leaving out names the lexicons know.
func quotedTitles(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isQuoteMark(r) || !unicode.IsUpper(runeAt(s, i+n)) || i > 0 && unicode.IsLetter(runeBefore(s, i)) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			q, m := utf8.DecodeRuneInString(s[j:])
			if isQuoteMark(q) && !(q == '\'' || q == '’') || (q == '\'' || q == '’') && !unicode.IsLetter(runeAt(s, j+m)) {
				break
			}
			j += m
		}
		if j >= len(s) {
			break
		}
		inner := strings.TrimRight(strings.TrimSpace(s[i+n:j]), ",.!?;: ")
		if t := titlePhrase(inner); t != "" {
			out = append(out, t)
		}
		_, m := utf8.DecodeRuneInString(s[j:])
		i = j + m
	}
	return out
}

func runeBefore(s string, i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// titlePhrase returns phrase without a leading article when it reads as a
// title: one to seven words, every content word capitalised, no sentence
// punctuation inside, not a name the lexicons know; else "".
func titlePhrase(phrase string) string {
	fs := strings.Fields(phrase)
	if len(fs) > 0 && (fs[0] == "The" || fs[0] == "A" || fs[0] == "An") && len(fs) > 1 {
		fs = fs[1:]
	}
	if len(fs) == 0 || len(fs) > maxWorkWords || strings.ContainsAny(phrase, ",;:!?\"“”") {
		return ""
	}
	for k, f := range fs {
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) && k > 0:
		case k > 0 && k < len(fs)-1 && text.IsStop(f):
		default:
			return ""
		}
	}
	t := strings.Join(fs, " ")
	if _, ok := lex().names[t]; ok {
		return ""
	}
	if _, ok := lex().demonyms[t]; ok {
		return ""
	}
	if lex().given[fs[0]] {
		return "" // "Ellen", "Carson Daly": a person's name in quote marks is more often the person
	}
	if len(fs) == 1 && (lex().nonEntity[t] || lex().titles[t] || isAcronym(t) || utf8.RuneCountInString(t) < 3) {
		return ""
	}
	return t
}

// workAt returns the end of the longest work title of the story starting
// at word i, or -1.
func workAt(ws []word, i int, works map[string]bool) int {
	if len(works) == 0 || !ws[i].cap {
		return -1
	}
	best := -1
	var sb strings.Builder
	for j := i; j < len(ws) && j-i < maxWorkWords; j++ {
		if j > i {
			if ws[j].brk {
				break
			}
			sb.WriteByte(' ')
		}
		sb.WriteString(ws[j].text)
		if works[sb.String()] && (j+1 == len(ws) || !ws[j+1].cap || ws[j+1].brk) {
			best = j + 1
		}
		if ws[j].poss {
			break
		}
	}
	return best
}

// workCue reports whether the words around the name ws[i..e] say it names
// a work: a work noun before it ("the show", "star of", "roles in") or after
// it ("actress", "franchise"; "star" only after a name of several words).
func workCue(ws []word, i, e int) bool {
	if i > 0 && !ws[i].brk && !ws[i-1].cap {
		p := strings.ToLower(ws[i-1].text)
		if lex().workPre[p] && !(i > 1 && determiner(ws[i-2].text) && p != "show" && p != "film" && p != "movie" && p != "series" && p != "sitcom" && p != "franchise") {
			return true
		}
		if i > 1 && !ws[i-1].brk && !ws[i-2].cap && lex().workPre[strings.ToLower(ws[i-2].text)+" "+p] {
			return true
		}
	}
	if e+1 < len(ws) && !ws[e+1].brk && !ws[e+1].cap {
		a := strings.ToLower(ws[e+1].text)
		if lex().workPost[a] && (a != "star" || e > i) && (e+2 >= len(ws) || !ws[e+2].cap || ws[e+2].brk) {
			return i > 0 && determiner(ws[i-1].text) || a != "actress" && a != "actor" && a != "star"
		}
	}
	return false
}

// ambiguousKnown: a known one-word name that is also a common word the
// story writes in lower case ("People", "Time") read at a sentence start,
// where its capital says nothing, unless a speech verb or "magazine"
// follows ("People reported").
func ambiguousKnown(ws []word, i int, lowerSeen map[string]bool) bool {
	lw := strings.ToLower(ws[i].text)
	k := lex().names[ws[i].text]
	if !ws[i].initial || ws[i].text == strings.ToUpper(ws[i].text) || !lowerSeen[lw] && !text.IsStop(lw) && (k == nil || !k.Common) {
		return false
	}
	if i+1 < len(ws) && !ws[i+1].brk {
		switch strings.ToLower(ws[i+1].text) {
		case "said", "says", "reported", "reports", "magazine", "told":
			return false
		}
	}
	return true
}

// annotate sets what the name spans of a sentence need for typing: quoted
// whole (a work), sentence-initial, common words, an article before, a
// given name, a describing person noun before ("rep Jack Ketsoyan",
// "her publicist, Jack Ketsoyan"), a web address.
func annotate(s string, ws []word, sps []span, lowerSeen map[string]bool) []span {
	at := map[int]int{}
	for i, w := range ws {
		at[w.start] = i
	}
	for k := range sps {
		sp := &sps[k]
		if sp.kind != kName {
			continue
		}
		i, ok := at[sp.start]
		if !ok {
			continue
		}
		sp.initial = ws[i].initial
		fs := strings.Fields(sp.name)
		sp.given = lex().given[fs[0]]
		if sp.known == nil && !sp.given && quotedWhole(s, sp.start, sp.end) {
			sp.work = 2
		}
		if len(fs) > 1 {
			common := true
			for _, f := range fs {
				lf := strings.ToLower(f)
				if !lowerSeen[lf] && !text.IsStop(lf) && !connectors[f] {
					common = false
					break
				}
			}
			sp.common = common && !sp.given
		}
		if i > 0 && !ws[i-1].cap && (ws[i-1].text == "the" || ws[i-1].text == "a" || ws[i-1].text == "an") && !ws[i].brk {
			sp.det = true
		}
		if ws[i].site && sp.typ == "" && sp.known == nil {
			sp.typ = parallax.Org
		}
		if i > 0 && !ws[i-1].cap {
			p := strings.ToLower(ws[i-1].text)
			if lex().perNouns[p] && (!ws[i].brk || strings.TrimSpace(s[ws[i-1].end:ws[i].start]) == "," && i > 1 && (possessive(ws[i-2].text) || ws[i-2].poss)) {
				sp.desc = p
			}
		}
	}
	return sps
}

func possessive(w string) bool {
	switch strings.ToLower(w) {
	case "his", "her", "their", "its", "the":
		return true
	}
	return false
}

// quotedWhole: the name at s[start:end] (after an optional article) is all
// that stands inside a pair of quote marks.
func quotedWhole(s string, start, end int) bool {
	b := strings.TrimRight(s[:start], " ")
	for _, a := range []string{"The", "the", "A", "An"} {
		if strings.HasSuffix(b, a) {
			b = strings.TrimRight(strings.TrimSuffix(b, a), " ")
			break
		}
	}
	if b == "" {
		return false
	}
	open, _ := utf8.DecodeLastRuneInString(b)
	if !isQuoteMark(open) || len(b) > 1 && unicode.IsLetter(runeBefore(b, len(b)-1)) {
		return false
	}
	a := strings.TrimLeft(s[end:], ",.!? ")
	if a == "" {
		return false
	}
	cl, n := utf8.DecodeRuneInString(a)
	return isQuoteMark(cl) && !unicode.IsLetter(runeAt(a, n)) // not the apostrophe of Kafoury's
}
