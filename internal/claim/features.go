package claim

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

// Feature classes and their weights (see the package doc).
const (
	classWord = iota
	classSyn
	classEntity
	classNumber
	classDate
	classPair
	classFrame
	classNeg
)

var classWeight = [...]float64{
	classWord:   1.0,
	classSyn:    1.0,
	classEntity: 1.0,
	classNumber: 1.5,
	classDate:   1.0,
	classPair:   0.5,
	classFrame:  0.25,
	classNeg:    1.0,
}

// pairSpan is how far apart two units of a word pair may stand; pairs are
// unordered, so "military cooperation" and "cooperation between the
// armed forces" share one.
const pairSpan = 2

// quoteBoost is the extra weight of a feature found inside quotation marks.
const quoteBoost = 0.5

// feat is one feature of a sentence before weighting.
type feat struct {
	id    int32
	cls   uint8
	quote bool
	scale float32 // 1, or less in a frame or circumstantial clause
}

// frameScale is the weight of a feature of the reporting frame ("Xi said
// in a meeting with Putin") against one of the statement it frames, and
// backgroundScale that of one of a circumstantial clause ("During the
// talks, ...") against one of the main clause.
const (
	frameScale      = 0.35
	backgroundScale = 0.5
)

// unitScale is the weight scale of a unit by where it stands.
func unitScale(u Unit) float64 {
	switch {
	case u.Frame:
		return frameScale
	case u.Background:
		return backgroundScale
	}
	return 1
}

// Unit is one content unit of a sentence: a stem, a near-synonym group, an
// entity or a number, with the byte span it covers.
type Unit struct {
	Key        string // "w:stem", "s:group", "e:Name", "n:value"
	Start, End int
	Quoted     bool
	Negated    bool // preceded by a negation the lexicon did not absorb
	Frame      bool // in the reporting frame ("Xi said that"), not the statement
	Background bool // in a circumstantial clause ("During the talks, ...")
}

// numberWords are spelled-out numbers; "one" is left out, since it is
// mostly a pronoun ("one of the biggest").
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24,
}

// scaleWords multiply the number before them.
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6,
}

// NumberValue returns the value of a number token ("1,200.5", "two",
// "48-page" gives 48) and whether it is one.
func NumberValue(t text.Token) (float64, bool) {
	if t.Kind == text.Number {
		v, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
		return v, err == nil
	}
	if v, ok := numberWords[t.Lower]; ok {
		return v, true
	}
	if i := strings.IndexByte(t.Lower, '-'); i > 0 && isDigits(t.Lower[:i]) {
		v, err := strconv.ParseFloat(t.Lower[:i], 64)
		return v, err == nil
	}
	return 0, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// FormatNumber writes a value without trailing zeros.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// quoted marks the bytes of s that lie inside quotation marks.
func quoted(s string) []bool {
	in := make([]bool, len(s))
	open := false
	for i, r := range s {
		switch r {
		case '“', '«', '„':
			open = true
		case '”', '»':
			open = false
		case '"':
			open = !open
		}
		if open {
			n := utf8.RuneLen(r)
			for k := 0; k < n && i+k < len(s); k++ {
				in[i+k] = true
			}
		}
	}
	return in
}

// matchNegator returns the length (in tokens) of the negation phrase of
// data/negators.txt starting at toks[i] ("not", "refrained from"), or 0.
func matchNegator(toks []text.Token, i int) int {
	if strings.HasSuffix(toks[i].Lower, "n't") {
		return 1
	}
	for _, p := range lex().negators[toks[i].Stem] {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, s := range p {
			if toks[i+k].Stem != s {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// Units returns the content units of sentence si of a document, with the
// entity mentions of ms (mentions of this sentence) folded into one unit each.
func Units(s text.Sentence, ms []entity.Mention, names []string) []Unit {
	return units(s, ms, names, nil)
}

// keyer interns unit keys, so that a word seen in many sentences makes one
// string; a nil keyer builds every key afresh.
type keyer struct{ keys [4]map[string]string }

// key returns prefix + ":" + v; prefix is one of "wsen".
func (k *keyer) key(prefix byte, v string) string {
	if k == nil {
		return string(prefix) + ":" + v
	}
	i := strings.IndexByte("wsen", prefix)
	m := k.keys[i]
	if m == nil {
		m = map[string]string{}
		k.keys[i] = m
	}
	if s, ok := m[v]; ok {
		return s
	}
	s := string(prefix) + ":" + v
	m[strings.Clone(v)] = s
	return s
}

func units(s text.Sentence, ms []entity.Mention, names []string, kr *keyer) []Unit {
	toks := s.Tokens
	inQ := quoted(s.Text)
	fr := frameMask(s.Text, toks, inQ)
	bg := backgroundMask(s.Text, toks, inQ)
	out := make([]Unit, 0, len(toks)/2+1)
	neg := false
	mi := 0
	for i := 0; i < len(toks); {
		t := toks[i]
		q := t.Start < len(inQ) && inQ[t.Start]
		// an entity mention covering this token
		for mi < len(ms) && ms[mi].End <= t.Start {
			mi++
		}
		if mi < len(ms) && ms[mi].Start <= t.Start && t.Start < ms[mi].End {
			m := ms[mi]
			j := i
			for j < len(toks) && toks[j].Start < m.End {
				j++
			}
			out = append(out, Unit{Key: kr.key('e', names[mi]), Start: toks[i].Start, End: toks[j-1].End, Quoted: q, Negated: neg, Frame: fr != nil && fr[i], Background: bg != nil && bg[i]})
			neg = false
			i = j
			mi++
			continue
		}
		g, n := matchSynonym(toks, i)
		if nn := matchNegator(toks, i); nn > n {
			// a negation phrase longer than any lexicon phrase here:
			// "declined to" denies, "declined" alone is a fall
			neg = true
			i += nn
			continue
		}
		if n > 0 {
			out = append(out, Unit{Key: kr.key('s', g), Start: t.Start, End: toks[i+n-1].End, Quoted: q, Negated: neg, Frame: fr != nil && fr[i], Background: bg != nil && bg[i]})
			neg = false
			i += n
			continue
		}
		if v, ok := NumberValue(t); ok {
			if i+1 < len(toks) {
				if sc, ok := scaleWords[toks[i+1].Lower]; ok {
					v *= sc
					i++
				}
			}
			out = append(out, Unit{Key: kr.key('n', FormatNumber(v)), Start: t.Start, End: toks[i].End, Quoted: q, Frame: fr != nil && fr[i], Background: bg != nil && bg[i]})
			if h := strings.IndexByte(t.Lower, '-'); h > 0 && t.Kind != text.Number && isDigits(t.Lower[:h]) {
				// 48-page: the unit word after the number
				out = append(out, Unit{Key: kr.key('w', text.Stem(t.Lower[h+1:])), Start: t.Start, End: t.End, Quoted: q, Frame: fr != nil && fr[i], Background: bg != nil && bg[i]})
			}
			i++
			continue
		}
		if n := matchNegator(toks, i); n > 0 {
			neg = true
			i += n
			continue
		}
		if t.Stop || !hasLetter(t.Lower) {
			i++
			continue
		}
		out = append(out, Unit{Key: kr.key('w', t.Stem), Start: t.Start, End: t.End, Quoted: q, Negated: neg, Frame: fr != nil && fr[i], Background: bg != nil && bg[i]})
		neg = false
		i++
	}
	return out
}

// frameMask marks the tokens of the reporting frame of a sentence: the
// speaker and verb of "X said (that) P" or "X told Y that P", the whole
// clause of a closing attribution (", Xi said in a meeting with Putin on
// Friday."), and "according to ..." to the end of its clause. What is
// left is the statement. A speech verb inside a quotation, or one after a
// subject of more than frameSubject tokens, opens no frame.
func frameMask(s string, toks []text.Token, inQ []bool) []bool {
	var mask []bool
	for v, t := range toks {
		if !lex().speechWords[t.Stem] || (t.Start < len(inQ) && inQ[t.Start]) {
			continue
		}
		if mask == nil {
			mask = make([]bool, len(toks))
		}
		// the clause the verb stands in
		cs := v
		for cs > 0 && !boundary(s, toks, cs) {
			cs--
		}
		ce := v + 1
		for ce < len(toks) && !boundary(s, toks, ce) {
			ce++
		}
		if t.Stem == "accord" {
			for k := v; k < ce; k++ {
				mask[k] = true
			}
			continue
		}
		if v-cs > frameSubject || !speakerPhrase(toks[cs:v]) {
			continue
		}
		end := v + 1 // "X said P": the speaker and the verb
		that := -1
		for k := v + 1; k < ce && k <= v+frameThat; k++ {
			if toks[k].Lower == "that" {
				that = k
				break
			}
		}
		closing := cs > 0 && ce == len(toks) // "P, X said on Friday."
		switch {
		case that >= 0: // "X told Y on Friday that P"
			end = that + 1
		case closing:
			end = ce
		case lex().thatSpeech[t.Stem] && !(v+1 < len(toks) && boundary(s, toks, v+1)):
			continue // "employers added 250,000 jobs" reports no speech
		}
		for k := cs; k < end; k++ {
			mask[k] = true
		}
	}
	return mask
}

// backgroundMask marks the tokens of circumstantial clauses: a leading
// phrase up to its comma that opens with a word of data/background.txt
// [leading] ("During the talks, ...", "And while sanctions bite, ..."), and
// a trailing clause from a comma and a word of [trailing] to the end
// (", as the shutdown continued."). Each must leave a main clause of at
// least mainMin tokens.
func backgroundMask(s string, toks []text.Token, inQ []bool) []bool {
	n := len(toks)
	if n < mainMin+2 {
		return nil
	}
	var mask []bool
	mark := func(from, to int) {
		if mask == nil {
			mask = make([]bool, n)
		}
		for k := from; k < to; k++ {
			mask[k] = true
		}
	}
	first := 0
	if toks[0].Lower == "and" || toks[0].Lower == "but" {
		first = 1
	}
	if !inQ[toks[first].Start] && lex().leadingOpeners[toks[first].Stem] {
		k := first + 1
		for k < n && !boundary(s, toks, k) {
			k++
		}
		if k < n && n-k >= mainMin && strings.Contains(s[toks[k-1].End:toks[k].Start], ",") {
			mark(0, k)
		}
	}
	for k := mainMin; k < n-1; k++ {
		if lex().trailingOpeners[toks[k].Stem] && !inQ[toks[k].Start] &&
			strings.Contains(s[toks[k-1].End:toks[k].Start], ",") && (mask == nil || !mask[k-1]) {
			mark(k, n)
			break
		}
	}
	return mask
}

// mainMin is the fewest tokens a main clause keeps beside its circumstances.
const mainMin = 4

// speakerPhrase reports whether the words before a speech verb can be its
// subject: after auxiliaries and adverbs next to the verb ("has also"), no
// word that makes them a clause of their own ("has become the first
// president to declare").
func speakerPhrase(toks []text.Token) bool {
	k := len(toks)
	for k > 0 && verbLead[toks[k-1].Lower] {
		k--
	}
	for _, t := range toks[:k] {
		if clauseWords[t.Lower] {
			return false
		}
	}
	return true
}

var verbLead, clauseWords = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range strings.Fields("has have had is was were are also further later earlier again repeatedly then previously once reportedly publicly") {
		verbLead[w] = true
	}
	for _, w := range strings.Fields("to is are was were be been being become became becomes has have had will would can could should must that which who whom") {
		clauseWords[w] = true
	}
}

// Frame limits, in tokens.
const (
	frameSubject = 8  // the longest speaker phrase before a speech verb
	frameThat    = 12 // how far after the verb its "that" may stand
)

// boundary reports whether a clause boundary (a comma, semicolon, colon,
// dash or quotation mark) stands between token k-1 and token k.
func boundary(s string, toks []text.Token, k int) bool {
	if k == 0 || k >= len(toks) {
		return true
	}
	return strings.ContainsAny(s[toks[k-1].End:toks[k].Start], ",;:—–\"“”«»()")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// features appends the features of one sentence to b.buf: its units, the
// denial of a negated unit, pairs of nearby units, and resolved dates.
func (b *builder) features(d *text.Document, s text.Sentence, units []Unit) {
	ids := b.ids[:0]
	for i, u := range units {
		cls := classWord
		switch u.Key[0] {
		case 's':
			cls = classSyn
		case 'e':
			cls = classEntity
			if b.outlets[u.Key] {
				cls = classFrame
			}
		case 'n':
			cls = classNumber
		case 'w':
			if lex().frameWords[u.Key[2:]] {
				cls = classFrame
			}
		}
		sc := float32(unitScale(u))
		id := b.id(u.Key, cls)
		ids = append(ids, id)
		b.buf = append(b.buf, feat{id: id, cls: uint8(cls), quote: u.Quoted, scale: sc})
		if u.Negated && (cls == classWord || cls == classSyn) {
			b.buf = append(b.buf, feat{id: b.derived(b.negs, uint64(id), classNeg), cls: classNeg, quote: u.Quoted, scale: sc})
		}
		for k := i - pairSpan; k < i; k++ {
			if k < 0 || ids[k] == id {
				continue
			}
			lo, hi := ids[k], id
			if lo > hi {
				lo, hi = hi, lo
			}
			b.buf = append(b.buf, feat{id: b.derived(b.pairs, uint64(lo)<<32|uint64(hi), classPair), cls: classPair,
				quote: u.Quoted && units[k].Quoted, scale: min(sc, float32(unitScale(units[k])))})
		}
	}
	b.ids = ids
	if !mayHoldDate(s.Tokens) {
		return
	}
	for _, m := range temporal.Find(s.Text, d.Published) {
		if m.Date.Month == 0 {
			continue // a bare year is already a number
		}
		b.buf = append(b.buf, feat{id: b.id("d:"+m.Date.String(), classDate), cls: classDate, scale: 1})
	}
}

// dateWords are the words without which package temporal finds no date
// finer than a year (a bare year is already a number feature).
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("january february march april may june july august september october november december " +
		"jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday " +
		"yesterday today tonight tomorrow ago month spring summer autumn fall winter") {
		dateWords[w] = true
	}
}

// mayHoldDate reports whether a sentence has a month, day or season name,
// a relative day word or an ISO date (2022-12-30): a cheap test that
// spares the date patterns most sentences.
func mayHoldDate(toks []text.Token) bool {
	for _, t := range toks {
		if dateWords[t.Lower] || dateWords[t.Stem] || (len(t.Lower) == 10 && t.Lower[4] == '-' && isDigits(t.Lower[:4])) {
			return true
		}
	}
	return false
}
