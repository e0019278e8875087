package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one quotation in a paragraph: Open and Close are the byte offsets
// of its quote marks (Close == len(p) when it runs on into the next
// paragraph), Start and End those of its text.
type Span struct {
	Open, Start, End, Close int
}

// Scan finds the quotations of one paragraph: straight ("..."), typographic
// (“...”, „...“, «...») and single ('...', ‘...’) quote marks. A mark that
// opens no quotation closed in the paragraph is stray and opens nothing, so
// it never swallows the rest of the paragraph; the one exception is the
// news convention of a quotation that opens the paragraph and goes on in the
// next one (continues: the next paragraph opens with a quote mark).
// Apostrophes (Putin’s, rock 'n' roll, the '90s) are not quote marks.
// Single quotes are looked for only outside double ones.
func Scan(p string, continues bool) []Span {
	var out []Span
	prev := 0
	for _, sp := range scanDouble(p, continues) {
		out = append(out, scanSingle(p, prev, sp.Open)...)
		if sp.Start < sp.End {
			out = append(out, sp)
		}
		prev = sp.Close
		if prev < len(p) {
			_, n := utf8.DecodeRuneInString(p[prev:])
			prev += n
		}
	}
	return append(out, scanSingle(p, prev, len(p))...)
}

func runeBefore(p string, i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(p[:i])
	return r
}

func runeAt(p string, i int) rune {
	if i >= len(p) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(p[i:])
	return r
}

// canOpen: a straight mark opens before a word, after space, an opening
// bracket or dash, or at the start.
func canOpen(p string, i, n int) bool {
	b, a := runeBefore(p, i), runeAt(p, i+n)
	if unicode.IsSpace(a) || i+n >= len(p) {
		return false
	}
	return unicode.IsSpace(b) || strings.ContainsRune("([{—–-/:,.;", b) || i == 0
}

// canClose: a straight mark closes after a word or punctuation, before
// space, punctuation or the end.
func canClose(p string, i, n int) bool {
	b, a := runeBefore(p, i), runeAt(p, i+n)
	if unicode.IsSpace(b) && i > 0 {
		return false
	}
	return i+n >= len(p) || unicode.IsSpace(a) || unicode.IsPunct(a) && a != '\'' && a != '’' || a == '“' || a == '”'
}

func scanDouble(p string, continues bool) []Span {
	var out []Span
	open := -1 // offset of the pending opening mark
	openN := 0
	var openKind rune
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch r {
		case '“', '„', '«':
			if open >= 0 && openKind == '„' && r == '“' {
				// „...“ (German style): this one closes
				out = append(out, mk(p, open, openN, i))
				open = -1
				break
			}
			// a second opening mark before any close: the first was stray
			open, openN, openKind = i, n, r
		case '”', '»':
			if open >= 0 && openKind != '"' {
				out = append(out, mk(p, open, openN, i))
				open = -1
			} else if open >= 0 && openKind == '"' {
				out = append(out, mk(p, open, openN, i))
				open = -1
			} else if unicode.IsSpace(runeBefore(p, i)) && unicode.IsLetter(runeAt(p, i+n)) {
				// a closing mark used to open: ” at a word's start
				open, openN, openKind = i, n, '"'
			}
		case '"':
			switch {
			case open >= 0 && canClose(p, i, n):
				out = append(out, mk(p, open, openN, i))
				open = -1
			case open >= 0 && canOpen(p, i, n) && openKind != '"':
				open, openN, openKind = i, n, '"'
			case open < 0 && canOpen(p, i, n):
				open, openN, openKind = i, n, '"'
			case open >= 0 && openKind == '"' && !canOpen(p, i, n):
				// word"word: closes
				out = append(out, mk(p, open, openN, i))
				open = -1
			}
		}
		i += n
	}
	if open >= 0 && continues && strings.TrimSpace(p[:open]) == "" {
		sp := mk(p, open, openN, len(p))
		sp.Close = len(p)
		out = append(out, sp)
	}
	return out
}

func mk(p string, open, n, close int) Span {
	s, e := open+n, close
	for s < e {
		r, k := utf8.DecodeRuneInString(p[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += k
	}
	for e > s {
		r, k := utf8.DecodeLastRuneInString(p[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= k
	}
	return Span{Open: open, Start: s, End: e, Close: close}
}

// scanSingle finds single-quoted text in p[from:to].
func scanSingle(p string, from, to int) []Span {
	var out []Span
	open, openN := -1, 0
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch r {
		case '‘', '\'':
			b, a := runeBefore(p, i), runeAt(p, i+n)
			if i == from {
				b = runeBefore(p, i)
			}
			if open < 0 && (unicode.IsSpace(b) || strings.ContainsRune("([{—–-:", b) || i == 0) && unicode.IsLetter(a) {
				open, openN = i, n
			} else if open >= 0 && r == '\'' && singleCloses(p, i, n, to) {
				out = append(out, mk(p, open, openN, i))
				open = -1
			}
		case '’':
			if open >= 0 && singleCloses(p, i, n, to) {
				out = append(out, mk(p, open, openN, i))
				open = -1
			}
		}
		i += n
	}
	return out
}

// singleCloses: not an apostrophe inside a word (Putin’s, don't).
func singleCloses(p string, i, n, to int) bool {
	b := runeBefore(p, i)
	if unicode.IsSpace(b) {
		return false
	}
	if i+n >= to {
		return true
	}
	a := runeAt(p, i+n)
	return unicode.IsSpace(a) || unicode.IsPunct(a)
}
