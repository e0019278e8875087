package frame

import (
	"sort"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/parallax-news/parallax/internal/text"
)

// people is what the story says about its persons: canonical names, the
// forms they are called by and the demonyms their labels carry.
type people struct {
	canon    map[string]string         // a name form -> canonical name
	demonyms map[string]map[string]int // canonical name -> demonym -> count
	ents     *entity.Set
}

// label is a role phrase found in a sentence.
type label struct {
	start, end int    // byte span of the label text in the sentence
	name       string // the name it stands before, "" for "the Chinese president"
	demonym    string
	roleTok    int // token index of the role word
}

// collectPeople reads the story's person names from the entity set and
// from the names that role phrases stand before.
func collectPeople(docs []*text.Document, ents *entity.Set) *people {
	p := &people{canon: map[string]string{}, demonyms: map[string]map[string]int{}, ents: ents}
	if ents != nil {
		for _, e := range ents.Entities {
			if e.Type != parallax.Person {
				continue
			}
			p.addName(e.Name, e.Name)
			for _, a := range e.Aliases {
				p.addName(a, e.Name)
			}
		}
	}
	// names from labels: the longest form wins as canonical
	var names []string
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, l := range findLabels(s) {
				if l.name != "" {
					names = append(names, l.name)
				}
			}
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return len(strings.Fields(names[i])) > len(strings.Fields(names[j])) })
	for _, n := range names {
		if _, ok := p.canon[n]; !ok {
			p.addName(n, p.resolve(n))
		}
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, l := range findLabels(s) {
				if l.name != "" && l.demonym != "" {
					c := p.resolve(l.name)
					if p.demonyms[c] == nil {
						p.demonyms[c] = map[string]int{}
					}
					p.demonyms[c][l.demonym]++
				}
			}
		}
	}
	return p
}

// addName records a name form and, for a multi-word name, its first and
// last words ("Xi", "Putin").
func (p *people) addName(form, canon string) {
	if _, ok := p.canon[form]; !ok {
		p.canon[form] = canon
	}
	w := strings.Fields(form)
	if len(w) > 1 {
		for _, x := range []string{w[0], w[len(w)-1]} {
			if _, ok := p.canon[x]; !ok {
				p.canon[x] = canon
			}
		}
	}
}

// resolve returns the canonical name of a name form, the form itself when
// it is unknown.
func (p *people) resolve(n string) string {
	if c, ok := p.canon[n]; ok {
		return c
	}
	w := strings.Fields(n)
	if len(w) > 1 {
		if c, ok := p.canon[w[len(w)-1]]; ok {
			return c
		}
	}
	return n
}

var reAge = pattern.MustCompile(`\b[Tt]he\s+(\d{1,3}-year-old)\b`)

// labels adds the labels of document di: role phrases with the person they
// name, "the 70-year-old" and "the Russian leader" resolved to the person
// last named or labelled with that demonym, and names of sides (Moscow).
func (p *people) labels(di int, d *text.Document, ts *termSet) {
	last := "" // the person last named in the article
	for si, s := range d.Sentences {
		type hit struct {
			pos  int
			name string
		}
		var hits []hit // person mentions in text order
		for _, m := range p.entityMentions(di, si) {
			hits = append(hits, hit{m.Start, m.Text})
		}
		for _, t := range s.Tokens {
			if c, ok := p.canon[t.Text]; ok && t.Capitalized() {
				hits = append(hits, hit{t.Start, c})
			}
		}
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
		lastBefore := func(pos int) string {
			who := last
			for _, h := range hits {
				if h.pos < pos {
					who = p.resolve(h.name)
				}
			}
			return who
		}
		for _, l := range findLabels(s) {
			txt := s.Text[l.start:l.end]
			switch {
			case l.name != "":
				ts.add(txt, parallax.LabelTerm, p.resolve(l.name))
			case l.demonym != "":
				ts.add(txt, parallax.LabelTerm, p.byDemonym(l.demonym, lastBefore(l.start)))
			default:
				ts.add(txt, parallax.LabelTerm, lastBefore(l.start))
			}
		}
		for _, m := range reAge.FindAllStringSubmatchIndex(s.Text, -1) {
			if who := lastBefore(m[0]); who != "" {
				ts.add(s.Text[m[0]:m[1]], parallax.LabelTerm, who)
			}
		}
		sideLabels(s, ts)
		if len(hits) > 0 {
			last = p.resolve(hits[len(hits)-1].name)
		}
	}
}

// entityMentions returns the person mentions the entity set found in a
// sentence, with canonical names as Text.
func (p *people) entityMentions(di, si int) []entity.Mention {
	if p.ents == nil {
		return nil
	}
	var out []entity.Mention
	for _, m := range p.ents.In(di, si) {
		if m.Entity >= 0 && m.Entity < len(p.ents.Entities) && p.ents.Entities[m.Entity].Type == parallax.Person {
			m.Text = p.ents.Entities[m.Entity].Name
			out = append(out, m)
		}
	}
	return out
}

// byDemonym returns the person whose labels carry the demonym most often,
// else fallback.
func (p *people) byDemonym(dem, fallback string) string {
	best, n := "", 0
	names := make([]string, 0, len(p.demonyms))
	for k := range p.demonyms {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if c := p.demonyms[k][dem]; c > n {
			best, n = k, c
		}
	}
	if best == "" {
		return fallback
	}
	return best
}

// findLabels finds role phrases in s: modifiers and demonyms, a role noun,
// and the name after it ("Russian dictator Vladimir Putin", "his Chinese
// counterpart Xi Jinping"), or after "the" with no full name ("the
// Chinese president").
func findLabels(s text.Sentence) []label {
	toks := s.Tokens
	var out []label
	for i := 0; i < len(toks); i++ {
		n := roleAt(toks, i)
		if n == 0 {
			continue
		}
		a := i
		dem := ""
		for a > 0 && contiguous(s.Text, toks[a-1], toks[a]) {
			w := toks[a-1]
			if c := demonymOf(w.Text); c != "" && w.Capitalized() || c != "" && w.Text == "U.S." {
				dem = c
				a--
				continue
			}
			if lex().modifiers[w.Lower] || strings.HasSuffix(w.Lower, "-year-old") || roleAt(toks, a-1) > 0 {
				a--
				continue
			}
			break
		}
		the := a > 0 && toks[a-1].Lower == "the" && contiguous(s.Text, toks[a-1], toks[a])
		// the name: up to three capitalised words after the role, a comma allowed
		b := i + n
		var name []string
		j := b
		// a comma may stand before the name: "Russian President, Vladimir Putin"
		if j < len(toks) && !contiguous(s.Text, toks[j-1], toks[j]) && strings.TrimSpace(s.Text[toks[j-1].End:toks[j].Start]) != "," {
			j = len(toks)
		}
		for j < len(toks) && len(name) < 3 && toks[j].Capitalized() && roleAt(toks, j) == 0 && demonymOf(toks[j].Text) == "" && !toks[j].Stop {
			if len(name) > 0 && !contiguous(s.Text, toks[j-1], toks[j]) {
				break
			}
			name = append(name, strings.TrimSuffix(strings.TrimSuffix(toks[j].Text, "’s"), "'s"))
			j++
		}
		if the && len(name) < 2 {
			name = nil // "the Russian leader Xi also said": Xi is the next subject
		}
		l := label{start: toks[a].Start, roleTok: i, demonym: dem}
		switch {
		case len(name) > 0:
			l.end = toks[j-1].End
			l.name = strings.Join(name, " ")
			// the label of a name reads from the role phrase: keep the possessive off
			if strings.HasSuffix(s.Text[l.start:l.end], "’s") || strings.HasSuffix(s.Text[l.start:l.end], "'s") {
				l.end -= len("’s")
				if strings.HasSuffix(s.Text[:l.end+1], "'") {
					l.end = toks[j-1].End - 2
				}
			}
		case the:
			l.start = toks[a-1].Start
			l.end = toks[i+n-1].End
		default:
			i += n - 1
			continue
		}
		out = append(out, l)
		i = max(i+n-1, j-1)
	}
	return out
}

// roleAt returns how many tokens from i form a role noun, 0 for none.
func roleAt(toks []text.Token, i int) int {
	if !lex().roleFirst[toks[i].Lower] {
		return 0
	}
	for n := 3; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		var w []string
		for k := i; k < i+n; k++ {
			w = append(w, toks[k].Lower)
		}
		if lex().roles[strings.Join(w, " ")] {
			return n
		}
		// plural role nouns do not label one person
	}
	return 0
}

// sideLabels adds names that stand for a country ("Moscow", "the Chinese
// side"), unless a place preposition shows a place is meant.
func sideLabels(s text.Sentence, ts *termSet) {
	var taken [][2]int
	for _, p := range lex().sides {
		for off := 0; ; {
			k := strings.Index(s.Text[off:], p.key)
			if k < 0 {
				break
			}
			a, b := off+k, off+k+len(p.key)
			off = b
			overlap := false
			for _, t := range taken {
				if a < t[1] && b > t[0] {
					overlap = true
				}
			}
			if overlap {
				continue
			}
			taken = append(taken, [2]int{a, b})
			if a > 0 && isWordByte(s.Text[a-1]) || b < len(s.Text) && isWordByte(s.Text[b]) {
				continue
			}
			prev := strings.Fields(s.Text[:a])
			if len(prev) > 0 && placePreps[strings.ToLower(prev[len(prev)-1])] {
				continue
			}
			ts.add(p.key, parallax.LabelTerm, p.value)
		}
	}
}

var placePreps = map[string]bool{"in": true, "to": true, "at": true, "near": true, "into": true, "outside": true, "across": true, "around": true, "from": true, "via": true, "visited": true, "visit": true}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
