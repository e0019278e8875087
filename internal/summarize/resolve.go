package summarize

import (
	"regexp"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/parallax-news/parallax/internal/text"
)

// A sentence that opens with "He", "She", "His" or "Her" (perhaps after a
// short phrase: "On Friday, he ...") cannot stand alone in a summary. When
// its article makes the person clear, the summary names them instead:
// "He stressed ..." becomes "Xi Jinping stressed ...", or "Xi stressed ..."
// when an earlier summary sentence already names him.
//
// The antecedent is the nearest person named before the pronoun, looking
// back a few sentences: in each sentence its grammatical subject first
// (the first person named outside an opening subordinate clause, a
// prepositional phrase, a possessive or a quotation), then the others;
// a person whose sex is known to match the pronoun before one of unknown
// sex, and never a person named in the pronoun's own sentence ("He met
// Putin" is not Putin). A pronoun with no such person is left as it is.

// sex is what the pronouns referring to a person say of them.
type sex uint8

const (
	sexUnknown sex = iota
	sexMale
	sexFemale
)

// maxBack is how many sentences back an antecedent is looked for.
const maxBack = 3

// sexes returns the sex of titles and given names, built in the
// background from start-up.
var sexes = lexicon.Table(func() [2]map[string]sex {
	titles, names := loadSexes()
	return [2]map[string]sex{titles, names}
})

func loadSexes() (titles, names map[string]sex) {
	titles, names = map[string]sex{}, map[string]sex{}
	cur := titles
	for _, l := range dataLines("data/gender.txt") {
		switch l {
		case "[titles]":
			cur = titles
			continue
		case "[names]":
			cur = names
			continue
		}
		f := strings.Fields(l)
		if len(f) != 2 {
			continue
		}
		s := sexMale
		if f[1] == "f" {
			s = sexFemale
		}
		cur[strings.ToLower(f[0])] = s
	}
	return titles, names
}

// people is what pronoun resolution knows of a story's persons.
type people struct {
	ents  *entity.Set
	sex   []sex    // by entity index
	short []string // by entity index: the name a later mention uses ("Xi")
}

func newPeople(ents *entity.Set) *people {
	if ents == nil {
		return nil
	}
	p := &people{ents: ents, sex: make([]sex, len(ents.Entities)), short: make([]string, len(ents.Entities))}
	// evidence of each person's sex, and how often each single word of
	// the full name is used alone
	male, female := make([]int, len(ents.Entities)), make([]int, len(ents.Entities))
	count := func(i int, words string, given bool) {
		for k, w := range strings.Fields(words) {
			w = strings.ToLower(strings.Trim(w, ".,"))
			s := sexes()[0][w]
			if s == sexUnknown && given && k == 0 {
				s = sexes()[1][w]
			}
			switch s {
			case sexMale:
				male[i]++
			case sexFemale:
				female[i]++
			}
		}
	}
	alone := make([]map[string]int, len(ents.Entities))
	for i, e := range ents.Entities {
		if e.Type != parallax.Person {
			continue
		}
		count(i, e.Name, len(strings.Fields(e.Name)) > 1)
		for _, a := range e.Aliases {
			count(i, a, false)
		}
		alone[i] = map[string]int{}
	}
	for _, m := range ents.Mentions {
		if alone[m.Entity] == nil {
			continue
		}
		if m.Kind == entity.ByDescription {
			count(m.Entity, m.Text, false)
		}
		if m.Kind == entity.ByName && !strings.Contains(m.Text, " ") {
			alone[m.Entity][m.Text]++
		}
	}
	for i, e := range ents.Entities {
		if alone[i] == nil {
			continue
		}
		switch {
		case male[i] > female[i]:
			p.sex[i] = sexMale
		case female[i] > male[i]:
			p.sex[i] = sexFemale
		}
		// the word of the full name most used alone; among equals the
		// later one (the surname in "Vladimir Putin")
		ws := strings.Fields(e.Name)
		p.short[i] = ws[len(ws)-1]
		best := 0
		for _, w := range ws {
			if n := alone[i][w]; n > 0 && n >= best {
				p.short[i], best = w, n
			}
		}
	}
	return p
}

func (p *people) person(m entity.Mention) bool {
	return m.Kind != entity.ByDemonym && p.ents.Entities[m.Entity].Type == parallax.Person
}

// opening finds a pronoun that opens s, perhaps after a short phrase: its
// token index and the sex it names, or -1.
func opening(s text.Sentence) (int, sex) {
	toks := s.Tokens
	i := 0
	// "On Friday, he ...": a phrase of at most four words and a comma
	for j := 0; j+1 < len(toks) && j < 4; j++ {
		if strings.Contains(s.Text[toks[j].End:toks[j+1].Start], ",") {
			i = j + 1
			break
		}
	}
	for _, k := range []int{0, i} {
		if k >= len(toks) {
			continue
		}
		switch toks[k].Lower {
		case "he", "his":
			return k, sexMale
		case "she", "her":
			return k, sexFemale
		}
	}
	return -1, sexUnknown
}

// possessive reports whether a name ending at end in s is followed by 's.
func possessive(s string, end int) bool {
	r := s[end:]
	return strings.HasPrefix(r, "'s") || strings.HasPrefix(r, "’s")
}

var prepositions = map[string]bool{
	"with": true, "to": true, "by": true, "from": true, "for": true, "of": true, "on": true, "at": true,
	"about": true, "against": true, "between": true, "among": true, "toward": true, "towards": true,
	"than": true, "like": true, "into": true, "under": true, "without": true, "behind": true,
}

// afterPreposition reports whether the name at byte off of the sentence
// stands in a prepositional phrase ("a meeting with Russian President
// Vladimir Putin"): a preposition before it, past articles, capitalised
// title words and adjectives.
func afterPreposition(toks []text.Token, off int) bool {
	j := -1
	for i, t := range toks {
		if t.Start >= off {
			break
		}
		j = i
	}
	for j >= 0 && (toks[j].Lower == "the" || toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Capitalized() && j > 0) {
		j--
	}
	return j >= 0 && prepositions[toks[j].Lower]
}

// subject is the person sentence si of document di is about: the first
// person named outside an opening subordinate clause, a prepositional
// phrase, a possessive and a quotation; or -1.
func (p *people) subject(di, si int, s text.Sentence) int {
	skip := 0
	if loc := reOpening.FindStringIndex(s.Text); loc != nil {
		skip = loc[1]
	}
	for _, m := range p.ents.In(di, si) {
		if m.Start < skip || !p.person(m) || quoteOpen(s.Text[:m.Start]) ||
			possessive(s.Text, m.End) || afterPreposition(s.Tokens, m.Start) {
			continue
		}
		return m.Entity
	}
	return -1
}

// resolve returns, for each sentence of document di, the person its
// opening pronoun refers to, or -1.
func (p *people) resolve(di int, d *text.Document) []int {
	res := make([]int, len(d.Sentences))
	subj := make([]int, len(d.Sentences))
	for si, s := range d.Sentences {
		res[si] = -1
		k, want := opening(s)
		if k >= 0 {
			res[si] = p.antecedent(di, d, si, subj, want)
		}
		subj[si] = p.subject(di, si, s)
		if res[si] >= 0 && (s.Tokens[k].Lower == "he" || s.Tokens[k].Lower == "she") {
			subj[si] = res[si]
		}
	}
	return res
}

// antecedent finds the person a pronoun of sex want opening sentence si
// refers to, given the subjects of the sentences before it.
func (p *people) antecedent(di int, d *text.Document, si int, subj []int, want sex) int {
	own := map[int]bool{}
	for _, m := range p.ents.In(di, si) {
		own[m.Entity] = true
	}
	for j := si - 1; j >= 0 && j >= si-maxBack; j-- {
		var cands []int
		if subj[j] >= 0 {
			cands = append(cands, subj[j])
		}
		for _, m := range p.ents.In(di, j) {
			if p.person(m) && !quoteOpen(d.Sentences[j].Text[:m.Start]) {
				cands = append(cands, m.Entity)
			}
		}
		for _, ok := range []func(sex) bool{
			func(s sex) bool { return s == want },
			func(s sex) bool { return s == sexUnknown },
		} {
			for _, c := range cands {
				if !own[c] && ok(p.sex[c]) {
					return c
				}
			}
		}
	}
	return -1
}

// reOpenPronoun matches a pronoun opening a condensed sentence, perhaps
// after a short phrase: "He", "On Friday, he", "His".
var reOpenPronoun = pattern.MustCompile(`^((?:[^,;“”"]{1,40},\s+)?)(He|She|His|Her|he|she|his|her)\b`)

// named rewrites the pronoun opening t as the name (a possessive for
// "his" and "her"); it returns the new text and the byte offset of the
// name, or t and -1 when t opens with no pronoun.
func named(t, name string) (string, int) {
	m := reOpenPronoun.FindStringSubmatchIndex(t)
	if m == nil {
		return t, -1
	}
	if lead := t[m[2]:m[3]]; len(strings.Fields(lead)) > 4 {
		return t, -1
	}
	switch strings.ToLower(t[m[4]:m[5]]) {
	case "his", "her":
		apos := "'s"
		if strings.ContainsRune(t, '’') {
			apos = "’s"
		}
		return t[:m[4]] + name + apos + t[m[5]:], m[4]
	}
	return t[:m[4]] + name + t[m[5]:], m[4]
}

// render is c's text as the summary prints it after the sentences before:
// a person it names in place of a pronoun is named in short ("Xi") when
// one of them already names them.
func render(c *cand, before []parallax.SummarySentence) string {
	if c.nameAt < 0 || c.short == "" || c.short == c.full {
		return c.text
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(c.short) + `\b`)
	for _, b := range before {
		if re.MatchString(b.Text) {
			return c.text[:c.nameAt] + c.short + c.text[c.nameAt+len(c.full):]
		}
	}
	return c.text
}
