package cluster

import (
	"bufio"
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

//go:embed data/honorifics.txt
var honorificsFile string

// honorifics are titles that precede names; they are not entities themselves.
var honorifics = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(honorificsFile))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}()

// kind tells the three feature families apart; each has its own vector and cosine.
type kind uint8

const (
	kWord   kind = iota // stem of a lower-case content word
	kEntity             // a capitalised name or name phrase, lower-cased, not stemmed
	kNumber             // a number as written ("6.1", "2013")
	nKinds
)

// feature is one term of an article with its raw weight (term frequency, title boost).
type feature struct {
	key  string
	kind kind
	tf   float64
}

// tok is a token of the feature tokenizer.
type tok struct {
	text    string // as written
	lower   string
	cap     bool // starts upper-case
	initial bool // first word of a sentence or headline-case line: capital proves nothing
	num     bool
	joined  bool // only spaces separate it from the previous token
	title   bool
}

// extractor turns an item into features; it caches stems, which dominate the cost.
type extractor struct {
	stems map[string]string
	toks  []tok
	ents  map[string]bool
	tf    map[string]*feature
}

const maxStemCache = 1 << 17

func newExtractor() *extractor {
	return &extractor{stems: map[string]string{}, ents: map[string]bool{}, tf: map[string]*feature{}}
}

func (e *extractor) stem(lower string) string {
	if s, ok := e.stems[lower]; ok {
		return s
	}
	s := text.Stem(lower)
	if len(e.stems) >= maxStemCache {
		clear(e.stems)
	}
	e.stems[lower] = s
	return s
}

// leadYear is the first year (1900-2099) written in the first lines of an article, where
// datelines and "Updated:" lines stand; 0 when there is none.
func leadYear(toks []tok) int {
	for i, t := range toks {
		if i >= 60 {
			break
		}
		if t.num && len(t.lower) == 4 && (t.lower[:2] == "19" || t.lower[:2] == "20") {
			return int(t.lower[0]-'0')*1000 + int(t.lower[1]-'0')*100 + int(t.lower[2]-'0')*10 + int(t.lower[3]-'0')
		}
	}
	return 0
}

// features returns the item's features sorted by kind and key, weights as raw counts (title terms
// count TitleWeight times).
func (e *extractor) features(title, body string, titleWeight float64) []feature {
	e.toks = e.toks[:0]
	e.toks = tokenize(e.toks, title, true)
	e.toks = tokenize(e.toks, body, false)
	// A capitalised word that starts a sentence is a name only if the text also capitalises
	// it where a capital proves something.
	clear(e.ents)
	for _, t := range e.toks {
		if t.cap && !t.initial && !t.num {
			e.ents[t.lower] = true
		}
	}
	clear(e.tf)
	add := func(key string, k kind, w float64) {
		f := e.tf[key]
		if f == nil {
			f = &feature{key: key, kind: k}
			e.tf[key] = f
		}
		f.tf += w
	}
	var name []string
	nameW := 0.0
	flush := func() {
		if len(name) > 1 {
			add(strings.Join(name, " "), kEntity, nameW)
		}
		name = name[:0]
	}
	for _, t := range e.toks {
		w := 1.0
		if t.title {
			w = titleWeight
		}
		isEnt := t.cap && !t.num && e.ents[t.lower] && !text.IsStop(t.lower) && !honorifics[t.lower] && len(t.lower) > 1
		if !isEnt || !t.joined {
			flush()
		}
		switch {
		case t.num:
			add(t.lower, kNumber, w)
		case isEnt:
			add(t.lower, kEntity, w)
			name = append(name, t.lower)
			nameW = w
		case len(t.lower) > 1 && !text.IsStop(t.lower):
			add(e.stem(t.lower), kWord, w)
		}
	}
	flush()
	out := make([]feature, 0, len(e.tf))
	for _, f := range e.tf {
		out = append(out, *f)
	}
	// Map order is random; callers get a fixed order (kind, then key).
	slices.SortFunc(out, func(a, b feature) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		return strings.Compare(a.key, b.key)
	})
	return out
}

// tokenize appends the tokens of s: runs of letters and digits with inner apostrophes,
// hyphens and (between digits) decimal points. A line whose words are mostly capitalised
// and that does not end with a full stop (a headline) marks all its tokens initial.
func tokenize(dst []tok, s string, title bool) []tok {
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		start := len(dst)
		dst = tokenizeLine(dst, line, title)
		words, caps := 0, 0
		for _, t := range dst[start:] {
			if !t.num && !text.IsStop(t.lower) {
				words++
				if t.cap {
					caps++
				}
			}
		}
		// A headline has mostly capitalised words and no closing full stop; a sentence
		// crowded with names ends with one.
		if words >= 3 && caps*10 >= words*7 && !strings.HasSuffix(strings.TrimSpace(line), ".") {
			for i := start; i < len(dst); i++ {
				dst[i].initial = true
			}
		}
	}
	return dst
}

func tokenizeLine(dst []tok, s string, title bool) []tok {
	initial, joined := true, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			switch r {
			case '.':
				if !abbrevBefore(s[:i]) {
					initial, joined = true, false
				}
			case '!', '?', ':', '"', '“', '”', '\'', '‘':
				initial, joined = true, false
			case ' ', '\t':
			default:
				joined = false
			}
			i += n
			continue
		}
		j := i + n
		num := unicode.IsDigit(r)
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				if !unicode.IsDigit(r2) {
					num = false
				}
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',') && j+n2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+n2:])
				prev, _ := utf8.DecodeLastRuneInString(s[i:j])
				if (r2 == '.' || r2 == ',') && unicode.IsDigit(prev) && unicode.IsDigit(r3) ||
					(r2 == '\'' || r2 == '’' || r2 == '-') && isWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := s[i:j]
		t := tok{text: w, lower: lower(w), cap: unicode.IsUpper(r), initial: initial, num: num, joined: joined, title: title}
		if strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s") {
			t.lower = strings.TrimSuffix(strings.TrimSuffix(t.lower, "'s"), "’s")
		}
		dst = append(dst, t)
		initial, joined = false, true
		i = j
	}
	return dst
}

// abbrevBefore reports whether the word before a '.' is a one-letter or title abbreviation
// (U.S., Mr., Dr.) that does not end the sentence.
func abbrevBefore(s string) bool {
	k := len(s)
	for k > 0 && s[k-1] != ' ' {
		k--
	}
	w := s[k:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev", "Jr", "Sr":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}
