// Package quote finds who said what: direct quotes in quote marks and
// reported speech, each with its speaker resolved to an entity.
//
// Quotations are found per paragraph (a quote may span sentences) by Scan.
// The speaker comes from an attribution cue in the quote's sentence (a
// speech verb from data/verbs.txt and its subject before it, or the name
// after it: "Putin said", "said Putin", "X told the Y", "Z quoted X as
// saying", "she was quoted as saying by Y"), with pronouns resolved to the
// person last named as a subject, and descriptions ("the Chinese
// president") through the entity set. A news outlet that carries the words
// (Xinhua reported, according to CCTV) is the speaker only when nobody else
// is named. A quote without a cue of its own continues the speaker of the
// quote or statement just before it. Reported speech ("X said that ...",
// "..., X said", "according to X, ...") is returned with Direct false.
//
// A speaker is a person or an organisation, or a place standing for its
// government as a subject ("Beijing said"); never a place after a
// preposition, a region, an event or a work. A capitalised word inside a
// name ("Promises Treatment Center") is no speech verb. A description as
// subject ("her rep told", "a friend of the actress said") names the person
// the story introduced with a noun of that role (entity.Set.Described), or
// nobody, and then the quote is not handed to the previous speaker.
// Reported text is a whole clause: it never opens with punctuation or a
// subordinator ("When asked ..."), never starts or ends inside a name, and
// without "that" it must hold a finite verb.
package quote

import (
	"embed"
	"github.com/parallax-news/parallax/internal/lexicon"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

//go:embed data/verbs.txt
var dataFS embed.FS

var speechVerbs, channelVerbs = loadVerbs()

func loadVerbs() (map[string]bool, map[string]bool) {
	speech, channel := map[string]bool{}, map[string]bool{}
	cur := speech
	for _, l := range lexicon.Lines(dataFS, "data/verbs.txt") {
		switch {
		case l == "[speech]":
			cur = speech
		case l == "[channel]":
			cur = channel
		default:
			for _, w := range strings.Fields(l) {
				cur[w] = true
			}
		}
	}
	return speech, channel
}

var prepositions = map[string]bool{"in": true, "at": true, "from": true, "of": true, "with": true, "by": true, "to": true, "for": true, "on": true, "about": true, "near": true, "against": true, "between": true, "into": true, "than": true, "like": true, "toward": true, "towards": true, "under": true, "over": true, "after": true, "before": true, "during": true, "via": true, "among": true}

// docState is one document being read.
type docState struct {
	di     int
	d      *text.Document
	ents   *entity.Set
	quotes [][]Span // per paragraph
	// the latest speaker and the sentence where it spoke
	lastSpeaker, lastSent int
}

// Extract returns the quotes of a story's documents: direct quotes in
// text order, then reported speech, per document.
func Extract(docs []*text.Document, ents *entity.Set) []parallax.Quote {
	out := []parallax.Quote{}
	for di, d := range docs {
		st := &docState{di: di, d: d, ents: ents, lastSpeaker: -1, lastSent: -10}
		st.quotes = make([][]Span, len(d.Paragraphs))
		for pi, p := range d.Paragraphs {
			next := pi+1 < len(d.Paragraphs) && startsWithQuote(d.Paragraphs[pi+1])
			st.quotes[pi] = Scan(p, next)
		}
		out = append(out, st.extract()...)
	}
	return out
}

func startsWithQuote(p string) bool {
	p = strings.TrimSpace(p)
	return strings.HasPrefix(p, "\"") || strings.HasPrefix(p, "“") || strings.HasPrefix(p, "‘")
}

// item is a quote or a statement found in a document, before sorting.
type item struct {
	sent, off int
	q         parallax.Quote
}

func (st *docState) extract() []parallax.Quote {
	var items []item
	d := st.d
	for k := range d.Sentences {
		s := &d.Sentences[k]
		// direct quotes that start in this sentence
		for _, sp := range st.quotes[s.Para] {
			lastInPara := k+1 == len(d.Sentences) || d.Sentences[k+1].Para != s.Para
			if sp.Open < s.Start && !(k == 0 || d.Sentences[k-1].Para != s.Para) || !lastInPara && sp.Open >= d.Sentences[k+1].Start {
				continue
			}
			p := d.Paragraphs[s.Para]
			txt := strings.TrimRight(p[sp.Start:sp.End], ", ")
			if txt == "" || nameOnly(txt) {
				continue
			}
			spk := st.speakerFor(k, sp)
			items = append(items, item{sent: k, off: sp.Start, q: parallax.Quote{Speaker: st.name(spk), Text: txt, Article: d.Article.ID, Direct: true}})
		}
		if !st.hasQuote(k) {
			if spk, txt, ok := st.reported(k); ok {
				items = append(items, item{sent: k, off: s.Start, q: parallax.Quote{Speaker: st.name(spk), Text: txt, Article: d.Article.ID, Direct: false}})
			}
		}
	}
	sort.SliceStable(items, func(a, b int) bool {
		if items[a].q.Direct != items[b].q.Direct {
			return items[a].q.Direct
		}
		return items[a].sent < items[b].sent || items[a].sent == items[b].sent && items[a].off < items[b].off
	})
	out := make([]parallax.Quote, len(items))
	for i, it := range items {
		out[i] = it.q
	}
	return out
}

func (st *docState) name(e int) parallax.NullString {
	if e < 0 || e >= len(st.ents.Entities) {
		return ""
	}
	return parallax.NullString(st.ents.Entities[e].Name)
}

// nameOnly: quote marks around a name or a title-case title ("NYT", “The
// Crown”, "Year of the Woman"), no words said.
func nameOnly(t string) bool {
	fs := strings.Fields(strings.TrimRight(t, ".,;:!? "))
	if len(fs) > 12 {
		return false
	}
	caps := 0
	for _, f := range fs {
		r := []rune(f)[0]
		switch {
		case text.IsStop(strings.ToLower(f)) && (len(fs) > 2 || unicode.IsUpper(r)):
			// "of the", or a capitalised function word ("We") that names nothing
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		default:
			return false
		}
	}
	return caps > 0
}

// hasQuote: a direct quotation overlaps sentence k.
func (st *docState) hasQuote(k int) bool {
	s := st.d.Sentences[k]
	for _, sp := range st.quotes[s.Para] {
		if sp.Open < s.End && sp.Close >= s.Start {
			return true
		}
	}
	return false
}

// inQuote: paragraph offset off of paragraph pi lies inside a quotation (marks included).
func (st *docState) inQuote(pi, off int) bool {
	for _, sp := range st.quotes[pi] {
		if off >= sp.Open && off <= sp.Close {
			return true
		}
	}
	return false
}

// speakerFor finds who speaks the quotation sp that starts in sentence k.
func (st *docState) speakerFor(k int, sp Span) int {
	d := st.d
	// the sentences the quotation touches, from its first
	var best, bestOutlet = -1, -1
	bestDist, outletDist := 1<<30, 1<<30
	for j := k; j < len(d.Sentences) && d.Sentences[j].Para == d.Sentences[k].Para && d.Sentences[j].Start <= sp.Close; j++ {
		for _, c := range st.cues(j) {
			dist := c.off - sp.Close
			if c.off < sp.Open {
				dist = sp.Open - c.off
			}
			if dist < 0 {
				dist = -dist
			}
			if st.ents.IsOutlet(c.speaker) {
				if dist < outletDist {
					bestOutlet, outletDist = c.speaker, dist
				}
			} else if dist < bestDist {
				best, bestDist = c.speaker, dist
			}
		}
	}
	if best < 0 && bestDist < 1<<30 {
		// "a friend of the actress said": a speaker the story does not name
		st.lastSpeaker, st.lastSent = -1, k
		return -1
	}
	if best < 0 {
		best = bestOutlet
	}
	if best < 0 && st.lastSpeaker >= 0 && k-st.lastSent <= 2 {
		best = st.lastSpeaker // the quote goes on from the speaker just before
	}
	if best < 0 && k+1 < len(d.Sentences) && !st.hasQuote(k+1) {
		for _, c := range st.cues(k + 1) {
			if !st.ents.IsOutlet(c.speaker) {
				best = c.speaker
				break
			}
		}
	}
	if best >= 0 {
		st.lastSpeaker, st.lastSent = best, k
	}
	return best
}

// cue is an attribution in a sentence: a speech verb at paragraph offset
// off and the entity that speaks.
type cue struct {
	off, tok int
	speaker  int
	channel  bool
	desc     bool // the speaker is a description ("a friend of the actress") no entity answers to
}

// cues lists the attributions of sentence k (outside quotation marks).
func (st *docState) cues(k int) []cue {
	s := &st.d.Sentences[k]
	toks := s.Tokens
	var out []cue
	for ti, t := range toks {
		if st.inQuote(s.Para, s.Start+t.Start) {
			continue
		}
		lw := t.Lower
		if !speechVerbs[lw] && !channelVerbs[lw] {
			continue
		}
		if ti > 0 && t.Text != t.Lower || st.inMention(k, t) {
			continue // a capitalised word inside a name ("Promises Treatment Center") is no verb
		}
		c := cue{off: s.Start + t.Start, tok: ti, speaker: -1, channel: channelVerbs[lw]}
		switch {
		case lw == "according":
			if ti+1 < len(toks) && toks[ti+1].Lower == "to" {
				c.speaker = st.mentionAfter(k, toks[ti+1].End, 4)
				if c.speaker >= 0 && !st.endsPhrase(k, c.speaker, toks[ti+1].End) {
					c.speaker = -1 // "according to US information": the source is not the name
				}
			}
		case lw == "saying" && ti > 0 && toks[ti-1].Lower == "as":
			continue // "quoted X as saying": the verb is "quoted"
		case lw == "quoted" || lw == "quoting" || lw == "cited" || lw == "citing":
			if ti > 0 && isBe(toks[ti-1].Lower) {
				// "she was quoted as saying by CNN": the subject speaks
				c.speaker = st.subject(k, ti-1)
				c.channel = false
			} else if e := st.mentionAfter(k, t.End, 4); e >= 0 {
				// "state television quoted Xi as saying": the object speaks
				c.speaker = e
				c.channel = false
			}
		default:
			c.speaker, c.desc = st.subjectDesc(k, ti)
			if c.speaker < 0 && !c.desc && (ti == 0 || st.inQuote(s.Para, s.Start+toks[ti-1].Start) || prevIsQuoteEnd(s.Text, t.Start)) {
				// inversion after a quote: `," said Putin`
				c.speaker = st.mentionAfter(k, t.End, 4)
			}
		}
		if c.speaker >= 0 && !st.canSpeak(c.speaker) {
			c.speaker = -1
		}
		if c.speaker >= 0 || c.desc {
			out = append(out, c)
		}
	}
	return out
}

// canSpeak: a speaker is a person or an organisation, or a place that
// stands for its government ("Beijing said"); never a region, an event or
// a work. (subject and mentionAfter already leave out places after a
// preposition: "in Malibu".)
func (st *docState) canSpeak(e int) bool {
	switch st.ents.Entities[e].Type {
	case parallax.Person, parallax.Org, parallax.GPE:
		return true
	}
	return false
}

// inMention: token t of sentence k lies inside a name written in it.
func (st *docState) inMention(k int, t text.Token) bool {
	for _, m := range st.ents.In(st.di, k) {
		if m.Kind == entity.ByName && m.Start <= t.Start && t.End <= m.End && strings.Contains(m.Text, " ") {
			return true
		}
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "was", "were", "is", "are", "been", "being", "be":
		return true
	}
	return false
}

// prevIsQuoteEnd: the text just before offset i ends a quotation (`,” said`).
func prevIsQuoteEnd(s string, i int) bool {
	t := strings.TrimRight(s[:i], " ")
	return strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "”") || strings.HasSuffix(t, "’") || strings.HasSuffix(t, "'")
}

// mentionAfter: the first entity mention starting within maxToks tokens
// after sentence offset from (outside quotes).
func (st *docState) mentionAfter(k, from, maxToks int) int {
	s := &st.d.Sentences[k]
	n := 0
	for _, t := range s.Tokens {
		if t.Start < from {
			continue
		}
		n++
		if n > maxToks {
			break
		}
		for _, m := range st.ents.In(st.di, k) {
			if m.Start == t.Start && m.Kind != entity.ByDemonym {
				return m.Entity
			}
		}
		if e := st.pronoun(k, t); e >= 0 {
			return e
		}
	}
	return -1
}

func (st *docState) subject(k, ti int) int {
	e, _ := st.subjectDesc(k, ti)
	return e
}

// subjectDesc finds the speaker before token ti of sentence k: the nearest
// mention not inside a prepositional phrase ("from the Stimson Center",
// "in Washington"), or a pronoun; the search stops at a quotation.
func (st *docState) subjectDesc(k, ti int) (int, bool) {
	s := &st.d.Sentences[k]
	toks := s.Tokens
	ms := st.ents.In(st.di, k)
	j0 := ti - 1
	if j0 >= 0 && strings.HasSuffix(strings.TrimSpace(s.Text[toks[j0].End:toks[ti].Start]), ",") {
		// "Yun Sun, director of the China Program, said": skip the apposition
		if c := strings.LastIndex(s.Text[:toks[j0].End], ","); c >= 0 {
			for j0 >= 0 && toks[j0].End > c {
				j0--
			}
		}
	}
	for j := j0; j >= 0; j-- {
		t := toks[j]
		if st.inQuote(s.Para, s.Start+t.Start) {
			return -1, false
		}
		if strings.ContainsAny(s.Text[t.End:toks[j+1].Start], ";") {
			return -1, false
		}
		if t.Lower == "that" || t.Lower == "which" && j < ti-1 {
			return -1, false
		}
		if e := st.pronoun(k, t); e >= 0 {
			return e, false
		}
		inName := false
		for mi := len(ms) - 1; mi >= 0; mi-- {
			m := ms[mi]
			if m.Kind == entity.ByDemonym || !(m.Start <= t.Start && t.End <= m.End) {
				continue
			}
			inName = true
			if inPrepPhrase(s.Text, toks, m.Start) || namedBy(toks, m.Start) || !st.canSpeak(m.Entity) {
				break // "in Malibu", "a line called Mantra", a work: not the subject
			}
			if m.End < len(s.Text) && strings.HasPrefix(s.Text[m.End:], "’s") || strings.HasPrefix(s.Text[m.End:], "'s") {
				break // "Putin's spokesman said": the owner does not speak
			}
			return m.Entity, false
		}
		if inName || t.Text != t.Lower || !entity.IsPersonNoun(t.Lower) {
			continue
		}
		// a description heads the subject: "her rep told", "a friend of the actress said"
		if j > 1 && prepositions[toks[j-2].Lower] && determinerWord(toks[j-1].Lower) || j > 0 && prepositions[toks[j-1].Lower] {
			continue // the noun of an of-phrase: "(a friend) of the actress"
		}
		return st.describedSpeaker(k, t), true
	}
	return -1, false
}

func determinerWord(w string) bool {
	switch w {
	case "the", "a", "an", "his", "her", "their", "its":
		return true
	}
	return false
}

// namedBy: the mention at off follows "called", "named" or "dubbed": a name
// being given, not a subject ("a fashion line called Mantra").
func namedBy(toks []text.Token, off int) bool {
	j := -1
	for i, t := range toks {
		if t.Start >= off {
			break
		}
		j = i
	}
	if j < 0 {
		return false
	}
	switch toks[j].Lower {
	case "called", "named", "dubbed", "titled", "entitled":
		return true
	}
	return false
}

// describedSpeaker resolves a description's head noun t in sentence k to
// the person the story introduced with a noun of its group ("her rep" ->
// the one written "rep Jack Ketsoyan"); of several, the one named last
// before it in the document; else -1.
func (st *docState) describedSpeaker(k int, t text.Token) int {
	cands := st.ents.Described(t.Lower)
	if len(cands) == 1 {
		return cands[0]
	}
	if len(cands) == 0 {
		return -1
	}
	for j := k; j >= 0; j-- {
		ms := st.ents.In(st.di, j)
		for mi := len(ms) - 1; mi >= 0; mi-- {
			if j == k && ms[mi].Start >= t.Start {
				continue
			}
			for _, c := range cands {
				if ms[mi].Entity == c {
					return c
				}
			}
		}
	}
	return -1
}

// inPrepPhrase: the mention at off follows a preposition (skipping articles).
func inPrepPhrase(s string, toks []text.Token, off int) bool {
	j := -1
	for i, t := range toks {
		if t.Start >= off {
			break
		}
		j = i
	}
	for j >= 0 && (toks[j].Lower == "the" || toks[j].Lower == "a" || toks[j].Lower == "an" || isLowerAdj(toks[j])) {
		j--
	}
	return j >= 0 && prepositions[toks[j].Lower]
}

// isLowerAdj: a lower-case word that can stand between a preposition and a
// name ("from the state-owned Gazprom"): hyphenated compounds only.
func isLowerAdj(t text.Token) bool {
	return strings.Contains(t.Text, "-") && t.Text == t.Lower
}

// pronoun resolves he/she at token t of sentence k to the person named as
// the subject of the nearest sentence before it, or -1.
func (st *docState) pronoun(k int, t text.Token) int {
	switch t.Lower {
	case "he", "she":
	default:
		return -1
	}
	s := &st.d.Sentences[k]
	// a person named earlier in the same sentence, outside quotes
	for _, m := range st.ents.In(st.di, k) {
		if m.Start >= t.Start {
			break
		}
		if st.isPerson(m) && !st.inQuote(s.Para, s.Start+m.Start) {
			return m.Entity
		}
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		sj := &st.d.Sentences[j]
		for _, m := range st.ents.In(st.di, j) {
			if st.isPerson(m) && !st.inQuote(sj.Para, sj.Start+m.Start) {
				return m.Entity
			}
		}
	}
	return -1
}

func (st *docState) isPerson(m entity.Mention) bool {
	return m.Kind != entity.ByDemonym && st.ents.Entities[m.Entity].Type == parallax.Person
}

// reported finds reported speech in sentence k: "X said that ...",
// "..., X said.", "according to X, ...".
func (st *docState) reported(k int) (int, string, bool) {
	s := &st.d.Sentences[k]
	toks := s.Tokens
	cs := st.cues(k)
	sort.SliceStable(cs, func(a, b int) bool { return !cs[a].channel && cs[b].channel })
	for _, c := range cs {
		t := toks[c.tok]
		if c.channel && t.Lower != "according" {
			continue
		}
		var txt string
		switch {
		case t.Lower == "according":
			// "According to X, ...": the words after the comma
			if c.tok > 1 {
				continue
			}
			if i := strings.Index(s.Text[t.End:], ","); i >= 0 {
				txt = s.Text[t.End+i+1:]
			}
		case c.tok+1 < len(toks) && toks[c.tok+1].Lower == "that":
			txt = s.Text[toks[c.tok+1].End:]
		case (t.Lower == "told" || t.Lower == "tells" || t.Lower == "tell") && thatWithin(toks, c.tok, 8) > 0:
			// "told the New York Times that ...": the words after "that"
			txt = s.Text[toks[thatWithin(toks, c.tok, 8)].End:]
		case strings.HasPrefix(strings.TrimSpace(s.Text[t.End:]), ":"):
			txt = strings.TrimSpace(s.Text[t.End:])[1:]
		default:
			// "..., Putin said." with the speaker right after a comma
			head := strings.TrimRight(s.Text[:t.Start], " ")
			ms := st.ents.In(st.di, k)
			for mi := len(ms) - 1; mi >= 0; mi-- {
				m := ms[mi]
				if m.End > t.Start || m.Kind == entity.ByDemonym {
					continue
				}
				between := strings.TrimSpace(s.Text[m.End:t.Start])
				if m.Entity != c.speaker || len(strings.Fields(between)) > 1 {
					break
				}
				// "..., central bank governor Ana Silva said": a lower-case descriptor may stand before the name
				before := strings.TrimRight(s.Text[:m.Start], " ")
				if c := strings.LastIndex(before, ","); c > 0 {
					desc := strings.Fields(before[c+1:])
					if len(desc) <= 5 && strings.ToLower(before[c+1:]) == before[c+1:] && st.fullClause(k, strings.TrimSpace(before[:c])) {
						txt = before[:c]
					}
				}
				break
			}
			if txt == "" && strings.HasSuffix(head, ",") && c.tok+1 < len(toks) && (pronounWord(toks[c.tok-1].Lower)) {
				txt = "" // ", he said" is handled by the mention case when he resolves
			}
			if txt == "" && speechVerbs[t.Lower] && !objectVerb(t.Lower) && c.tok+1 < len(toks) && clauseStart(toks[c.tok+1]) && c.tok > 0 && hasVerb(toks[c.tok+2:]) {
				// "He stressed the two sides should ...": the rest of the sentence
				txt = s.Text[t.End:]
			}
		}
		txt = strings.TrimSpace(txt)
		txt = strings.TrimRight(txt, ".!? ")
		txt = stripAccording(txt)
		if !st.fullClause(k, txt) {
			continue
		}
		if len(strings.Fields(txt)) >= 4 {
			st.lastSpeaker, st.lastSent = c.speaker, k
			return c.speaker, txt, true
		}
	}
	return -1, "", false
}

func pronounWord(w string) bool { return w == "he" || w == "she" || w == "they" }

// clauseStart: a word that can open the reported clause after a verb with no "that".
func clauseStart(t text.Token) bool {
	switch t.Lower {
	case "the", "both", "it", "he", "she", "they", "we", "there", "this", "these":
		return true
	}
	return t.Capitalized() && t.Lower != "on" && t.Lower != "in"
}

// stripAccording drops a closing ", according to X" or ", X reported".
func stripAccording(t string) string {
	if i := strings.LastIndex(t, ", according to"); i > 0 {
		t = t[:i]
	}
	if i := strings.LastIndex(t, ","); i > 0 && strings.HasSuffix(t, " reported") {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// endsPhrase: the first mention of entity e after offset from in sentence k
// is followed by punctuation or the sentence end, not by more of a noun phrase.
func (st *docState) endsPhrase(k, e, from int) bool {
	s := &st.d.Sentences[k]
	for _, m := range st.ents.In(st.di, k) {
		if m.Entity != e || m.Start < from {
			continue
		}
		rest := strings.TrimLeft(s.Text[m.End:], " ")
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "’s"), "'s")
		if rest == "" {
			return true
		}
		r := []rune(rest)[0]
		return unicode.IsPunct(r)
	}
	return false
}

// thatWithin: the index of "that" within n tokens after token i, or -1.
func thatWithin(toks []text.Token, i, n int) int {
	for j := i + 1; j < len(toks) && j <= i+n; j++ {
		if toks[j].Lower == "that" {
			return j
		}
	}
	return -1
}

// objectVerb: a verb whose next words are its object, not what was said
// ("called the relations exemplary", "described the talks as").
func objectVerb(w string) bool {
	switch w {
	case "called", "calls", "calling", "described", "describes", "describing", "asked", "asks", "urged", "urges", "praised", "hailed", "criticized", "criticised", "accused", "told", "tells", "promised", "denied", "denies", "expressed", "pointed", "posted", "announced", "announces":
		return true
	}
	return false
}

// subordinators open a clause that frames the speech, not what was said:
// "When asked whether she was still a party girl, the star said ...".
var subordinators = map[string]bool{"when": true, "if": true, "after": true, "before": true, "while": true, "although": true, "though": true, "because": true, "since": true, "as": true, "asked": true, "in": true, "during": true, "following": true, "despite": true, "until": true, "once": true, "unless": true, "whether": true}

// fullClause: reported text txt of sentence k is a whole clause: it opens
// with a word, not punctuation (", there is no open bar"), not with a
// subordinator, and neither starts nor ends inside a name.
func (st *docState) fullClause(k int, txt string) bool {
	if txt == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(txt)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '"' && r != '“' && r != '‘' && r != '\'' {
		return false
	}
	if f := strings.Fields(txt); subordinators[strings.ToLower(strings.Trim(f[0], ",;:"))] {
		return false
	}
	s := &st.d.Sentences[k]
	off := strings.Index(s.Text, txt)
	if off < 0 {
		return true
	}
	end := off + len(txt)
	for _, m := range st.ents.In(st.di, k) {
		if m.Kind != entity.ByName {
			continue
		}
		if m.Start < off && off < m.End || m.Start < end && end < m.End {
			return false
		}
	}
	return true
}

// hasVerb: the words hold a finite verb, as a clause does ("the two sides
// should meet"), told apart from an object ("the actress's stay at
// Promises") by auxiliaries, modals, common past forms and -ed endings.
func hasVerb(toks []text.Token) bool {
	for _, t := range toks {
		switch t.Lower {
		case "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does", "do", "went", "got", "came", "made", "took", "gave", "left", "saw", "knew", "thought", "felt", "kept", "won", "lost", "met", "told", "said", "needs", "wants", "plans", "remains":
			return true
		}
		if len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ed") {
			return true
		}
	}
	return false
}
