package frame

import (
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/parallax-news/parallax/internal/text"
)

// eventNames adds the article's names for the war or event, outside
// quotes, with the place they are tied to ("Ukraine crisis", "invasion of
// Ukraine").
func eventNames(d *text.Document, ts *termSet) {
	for _, s := range d.Sentences {
		toks := s.Tokens
		q := quoted(s)
		used := make([]bool, len(toks))
		heads := make(map[string]bool, len(toks))
		for _, t := range toks {
			heads[head(t.Lower)] = true
		}
		for _, p := range lex().events {
			if !heads[head(p.words[0])] {
				continue // its first word is not in the sentence
			}
			for i := 0; i+len(p.words) <= len(toks); i++ {
				if !stemsAt(toks, i, p.words) || anyTrue(used[i:i+len(p.words)]) {
					continue
				}
				for k := i; k < i+len(p.words); k++ {
					used[k] = true
				}
				if p.neg || q[i] {
					continue
				}
				a, b := i, i+len(p.words)
				// a place or people before: "Ukraine crisis", "Russian invasion"
				for a > 0 && toks[a-1].Capitalized() && !toks[a-1].Stop && a-1 > 0 && contiguous(s.Text, toks[a-1], toks[a]) {
					a--
				}
				// a place after: "invasion of Ukraine", "war against Ukraine"
				if b+1 < len(toks) && (toks[b].Lower == "of" || toks[b].Lower == "in" || toks[b].Lower == "on" || toks[b].Lower == "against") &&
					toks[b+1].Capitalized() && contiguous(s.Text, toks[b-1], toks[b]) && contiguous(s.Text, toks[b], toks[b+1]) {
					b += 2
				}
				ts.add(s.Text[toks[a].Start:toks[b-1].End], parallax.WarTerm, "")
			}
		}
	}
}

// stemsAt reports whether the phrase's words stand at i; the last word may
// take a plural ending.
func stemsAt(toks []text.Token, i int, words []string) bool {
	for k, w := range words {
		t := strings.TrimSuffix(strings.TrimSuffix(toks[i+k].Lower, "’s"), "'s")
		if t == w || k == len(words)-1 && (t == w+"s" || t == w+"es" || strings.HasSuffix(w, "is") && t == strings.TrimSuffix(w, "is")+"es") {
			continue
		}
		return false
	}
	return true
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// contiguous reports whether only spaces stand between two tokens.
func contiguous(s string, a, b text.Token) bool {
	return a.End <= b.Start && strings.TrimSpace(s[a.End:b.Start]) == ""
}

// loadedWords adds lexicon words the article uses in its own voice.
func loadedWords(d *text.Document, ts *termSet) {
	for _, s := range d.Sentences {
		q := quoted(s)
		for i := 0; i < len(s.Tokens); i++ {
			if n := loadedAt(s.Tokens, i); n > 0 {
				if !q[i] {
					ts.add(s.Text[s.Tokens[i].Start:s.Tokens[i+n-1].End], parallax.LoadedTerm, "")
				}
				i += n - 1
			}
		}
	}
}

// A source: capitalised words with the nouns news sources are named by
// ("American broadcaster CNN", "Chinese state television", "US information").
const srcWord = `(?:[A-Z][\p{L}\d.&'’-]*|state|official|government|media|television|TV|news|agency|broadcaster|newspaper|daily|radio|information|intelligence|sources?|officials|of|the|and|for)`
const src = `\b(` + srcWord + `(?:\s+` + srcWord + `){0,6})`

var (
	// "according to Xinhua", "quoted as saying by CNN", "told the New York Times"
	reCitedAfter = pattern.MustCompile(`(?i:according to|quoted as saying by|as saying by|quoted by|cited by|reported by|citing|told\s+the|in an interview with|wrote in|writing in|said in a statement to|confirmed to)\s+(?:the\s+|a\s+)?` + src)
	// "CNN reported", "Xinhua news agency reported", "Chinese state television quoted Xi"
	reCitedBefore = pattern.MustCompile(src + `\s+(?:reported|reports|has reported|had reported|quoted|cited|said in a report|said in a statement)\b`)
	// a long name with its acronym: New York Times (NYT)
	reAcronym  = pattern.MustCompile(`([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+){1,6})\s*\(\s*([A-Z][A-Z&]{1,7})\s*\)`)
	quoteMarks = strings.NewReplacer("“", " ", "”", " ", "\"", " ", "‘", " ", "«", " ", "»", " ")
	parens     = strings.NewReplacer("(", ",", ")", ",")
	// words without which reCitedAfter or reCitedBefore cannot match
	citedAfterCues  = []string{"according to", "saying by", "quoted by", "cited by", "reported by", "citing", "told", "interview with", "wrote in", "writing in", "statement to", "confirmed to"}
	citedBeforeCues = []string{"report", "quoted", "cited", "said in a"}
)

// hasAny reports whether s contains any of subs.
func hasAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// leading and trailing words a source phrase is trimmed of
var srcTrim = map[string]bool{"the": true, "of": true, "and": true, "for": true, "a": true, "The": true, "And": true, "A": true}

// attributions adds whom the article cites for its information.
func attributions(d *text.Document, ts *termSet) {
	found := map[string]bool{}
	for _, s := range d.Sentences {
		low := strings.ToLower(s.Text)
		after, before := hasAny(low, citedAfterCues), hasAny(low, citedBeforeCues)
		acronym := strings.Contains(low, "(")
		if !after && !before && !acronym {
			continue // the patterns below cannot match: skip their cost
		}
		plain := quoteMarks.Replace(s.Text)
		plainNoParen := parens.Replace(plain)
		for _, re := range []*pattern.Regexp{reCitedAfter, reCitedBefore} {
			if re == reCitedAfter && !after || re == reCitedBefore && !before {
				continue
			}
			for _, m := range re.FindAllStringSubmatch(plainNoParen, -1) {
				if name := cleanSource(m[1], re == reCitedBefore); name != "" {
					ts.add(name, parallax.AttributionTerm, "")
					found[name] = true
				}
			}
		}
		for _, m := range reAcronym.FindAllStringSubmatch(plain, -1) {
			if found[cleanSource(m[1], false)] {
				ts.add(m[2], parallax.AttributionTerm, "")
			}
		}
	}
}

// cleanSource trims a source phrase; it returns "" for phrases that name no
// source (a pronoun, a lone common noun). Before a reporting verb the
// phrase is cut to its last run that starts with a capital.
func cleanSource(p string, before bool) string {
	w := strings.Fields(p)
	if before {
		// "... since the war began in February, American broadcaster CNN"
		// has been cut at the comma by the pattern; keep the tail that
		// starts after the last lower-case function word
		for i := len(w) - 1; i > 0; i-- {
			if srcTrim[w[i-1]] && w[i-1] != "of" {
				w = w[i:]
				break
			}
		}
	}
	for len(w) > 0 && srcTrim[w[0]] {
		w = w[1:]
	}
	for len(w) > 0 && (srcTrim[w[len(w)-1]] || w[len(w)-1] == "sources" || w[len(w)-1] == "source") && len(w) > 1 {
		w = w[:len(w)-1]
	}
	for len(w) > 0 && srcTrim[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return ""
	}
	capital := false
	for _, x := range w {
		if x[0] >= 'A' && x[0] <= 'Z' {
			capital = true
		}
	}
	if !capital {
		return ""
	}
	if len(w) == 1 && pronouns[strings.ToLower(w[0])] {
		return ""
	}
	return strings.TrimRight(strings.Join(w, " "), ".,;:")
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "this": true, "that": true}
