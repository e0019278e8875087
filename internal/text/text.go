package text

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"

	parallax "github.com/parallax-news/parallax"
)

// Document is one article ready for analysis: its contract record, its
// publication day, and its body as paragraphs and sentences.
type Document struct {
	Article    *parallax.Article
	Published  time.Time // zero when unknown
	Paragraphs []string
	Sentences  []Sentence // Sentences[i].Text == Article.Sentences[i]
}

// Sentence is one body sentence and where it stands in its paragraph.
type Sentence struct {
	Text       string
	Para       int // index into Document.Paragraphs
	Start, End int // byte offsets of Text in its paragraph
	Tokens     []Token
}

// Kind says what a token is.
type Kind uint8

// Token kinds.
const (
	Word Kind = iota
	Number
)

// Token is a word or number of a sentence.
type Token struct {
	Text       string // as written
	Start, End int    // byte offsets in the sentence
	Lower      string // lower-cased, typographic apostrophes straightened
	Stem       string // Snowball English stem of Lower (Lower for numbers)
	Stop       bool   // a function word
	Kind       Kind
}

// Capitalized reports whether the token starts with an upper-case letter.
func (t Token) Capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// NewDocument splits paragraphs into sentences and tokens and fills
// a.Sentences with the sentence texts.
func NewDocument(a *parallax.Article, paragraphs []string, published time.Time) *Document {
	d := &Document{Article: a, Published: published, Paragraphs: paragraphs}
	a.Sentences = a.Sentences[:0]
	for pi, p := range paragraphs {
		for _, sp := range SplitSpans(p) {
			s := p[sp[0]:sp[1]]
			d.Sentences = append(d.Sentences, Sentence{Text: s, Para: pi, Start: sp[0], End: sp[1], Tokens: Tokenize(s)})
			a.Sentences = append(a.Sentences, s)
		}
	}
	if a.Sentences == nil {
		a.Sentences = []string{}
	}
	return d
}

// Tokenize returns the words and numbers of s. Words keep inner apostrophes
// (Russia's), hyphens (cross-border, G-20) and the dots of dotted
// abbreviations (U.S.); numbers keep inner commas and decimal points.
func Tokenize(s string) []Token {
	// about one token in six bytes of news text: one allocation, most times
	toks := make([]Token, 0, len(s)/6+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		num := true
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				if !unicode.IsDigit(r) {
					num = false
				}
				j += n
				continue
			}
			// inner joiners: a joiner followed by a word rune
			if j+n < len(s) && (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				prev, _ := utf8.DecodeLastRuneInString(s[start:j])
				switch {
				case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(r2):
					j += n
					continue
				case r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(r2) && isDotted(s[start:], j-start):
					j += n
					continue
				case (r == '\'' || r == '’' || r == '-') && isWordRune(r2):
					j += n
					continue
				}
			}
			break
		}
		// a dotted abbreviation keeps its final dot: U.S.
		if j < len(s) && s[j] == '.' && strings.Contains(s[start:j], ".") && !num {
			j++
		}
		t := Token{Text: s[start:j], Start: start, End: j}
		t.Lower = Lower(t.Text)
		if num {
			t.Kind = Number
			t.Stem = t.Lower
		} else {
			t.Stem = Stem(t.Lower)
			t.Stop = IsStop(t.Lower)
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}

// isDotted reports whether the word at w, with a dot at byte k, is a dotted
// abbreviation such as U.S or a.m (single letters between dots).
func isDotted(w string, k int) bool {
	// the part before the dot must be a single letter, or end in ".X"
	before := w[:k]
	if utf8.RuneCountInString(before) == 1 {
		return true
	}
	if len(before) >= 2 && before[len(before)-2] == '.' {
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Lower lower-cases s and straightens typographic apostrophes.
func Lower(s string) string {
	ascii, lower := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	switch {
	case ascii && lower:
		return s
	case ascii:
		return strings.ToLower(s)
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// Stem returns the Snowball English stem of a lower-case word; a possessive
// 's is dropped first.
func Stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if w == "" || !isASCIIWord(w) {
		return w
	}
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	s := env.Current()
	if stemCount.Add(1) <= maxCachedStems {
		stems.Store(strings.Clone(w), s)
	}
	return s
}

// The stem cache: news vocabulary is small next to the text, so most words
// are stemmed once. It stops growing at maxCachedStems words.
var (
	stems     sync.Map
	stemCount atomic.Int64
)

const maxCachedStems = 1 << 20

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z') && c != '-' && c != '\'' {
			return false
		}
	}
	return true
}

// IsStop reports whether a lower-case word is a function word.
func IsStop(w string) bool {
	_, ok := stopwords[w]
	return ok
}

// ContentStems returns the stems of the non-stop-word tokens of s, in order.
func ContentStems(toks []Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if !t.Stop && t.Stem != "" {
			out = append(out, t.Stem)
		}
	}
	return out
}
