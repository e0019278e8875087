package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split returns the sentences of one paragraph, trimmed.
func Split(paragraph string) []string {
	spans := SplitSpans(paragraph)
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = paragraph[sp[0]:sp[1]]
	}
	return out
}

// closers may follow a sentence's final punctuation: closing quotes and brackets.
const closers = "\"”’')]»"

// SplitSpans returns the byte spans [start, end) of the sentences of one
// paragraph. A sentence ends at . ! ? or … (with any closing quotes or
// brackets after it) followed by white space and a sentence start, except
// after abbreviations (Mr., U.S., Calif.), initials (J. R.), "No. 2" and
// ellipses followed by lower case. Quotes do not stop a split: a quote of
// several sentences gives several sentences.
func SplitSpans(p string) [][2]int {
	var spans [][2]int
	start := skipSpace(p, 0)
	i := start
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		term := i
		j := i + n
		for j < len(p) { // runs of terminators: ?! ... ."
			r2, n2 := utf8.DecodeRuneInString(p[j:])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' {
				j += n2
				continue
			}
			break
		}
		for j < len(p) {
			r2, n2 := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(closers, r2) {
				break
			}
			// a straight quote right after the terminator closes only if
			// space or the end follows it
			j += n2
		}
		if j < len(p) {
			r2, _ := utf8.DecodeRuneInString(p[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue
			}
		}
		k := skipSpace(p, j)
		if k >= len(p) {
			break
		}
		if isBoundary(p, term, j, k) {
			spans = append(spans, [2]int{start, trimRight(p, j)})
			start = k
		}
		i = k
	}
	if end := trimRight(p, len(p)); start < end {
		spans = append(spans, [2]int{start, end})
	}
	return mergeBare(p, spans)
}

// mergeBare joins a span without letters or digits (a stray closing quote)
// to the sentence before it.
func mergeBare(p string, spans [][2]int) [][2]int {
	out := spans[:0]
	for _, sp := range spans {
		if len(out) > 0 && strings.IndexFunc(p[sp[0]:sp[1]], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			out[len(out)-1][1] = sp[1]
			continue
		}
		out = append(out, sp)
	}
	return out
}

// isBoundary decides whether the terminator at term, with its closers up to
// j and the next sentence's first character at k, ends a sentence.
func isBoundary(p string, term, j, k int) bool {
	next, _ := utf8.DecodeRuneInString(p[k:])
	if unicode.IsLower(next) {
		return false
	}
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“‘'([«¿¡", next) || unicode.IsLetter(next)) {
		return false
	}
	if p[term] != '.' || j > term+1 && strings.HasPrefix(p[term:], "..") {
		// ! ? … and ellipses end a sentence before an upper-case start
		return true
	}
	if j > term+1 { // closing quote or bracket after the period: a real end
		return true
	}
	word := wordBefore(p, term)
	if word == "" {
		return true
	}
	nextWord := wordAt(p, k)
	lw := strings.ToLower(word)
	if cls, ok := abbrev[lw]; ok {
		switch cls {
		case abbrTitle, abbrNever:
			return false
		case abbrNumber:
			if unicode.IsDigit(next) {
				return false
			}
			return isStarter(nextWord)
		case abbrOther:
			return isStarter(nextWord)
		}
	}
	if strings.Contains(word, ".") { // dotted: U.S, a.m, D.C
		return isStarter(nextWord)
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) { // an initial: J. R. Tolkien
			return isStarter(nextWord)
		}
	}
	return true
}

func isStarter(w string) bool {
	_, ok := starters[strings.ToLower(strings.Trim(w, "\"“‘'([«"))]
	return ok
}

// wordBefore returns the run of letters, digits and dots ending at p[end-1].
func wordBefore(p string, end int) string {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
			i -= n
			continue
		}
		break
	}
	return strings.Trim(p[i:end], ".")
}

// wordAt returns the word starting at k (up to the next space).
func wordAt(p string, k int) string {
	e := k
	for e < len(p) {
		r, n := utf8.DecodeRuneInString(p[e:])
		if unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' {
			break
		}
		e += n
	}
	return p[k:e]
}

func skipSpace(p string, i int) int {
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func trimRight(p string, end int) int {
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}
