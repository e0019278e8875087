package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	parallax "github.com/parallax-news/parallax"
)

// Search finds stories by headline and articles by title and text. The query
// is words, "quoted phrases", word* prefixes and OR between terms; every
// other character only separates words, so no input can make a malformed
// FTS5 query. Title matches weigh four times text matches. Near copies are
// matched by their title only; their text is found as their original's.
func (db *DB) Search(ctx context.Context, query string, limit int) (parallax.SearchResult, error) {
	var res parallax.SearchResult
	match, terms := parseQuery(query)
	if match == "" {
		return res, fmt.Errorf("search %q: %w: no words", query, parallax.ErrBadQuery)
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := db.r.QueryContext(ctx, `SELECT s.id, s.headline, bm25(stories_fts)
		FROM stories_fts JOIN stories s ON s.rowid = stories_fts.rowid
		WHERE stories_fts MATCH ? ORDER BY 3, s.id LIMIT ?`, match, limit)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", query, err)
	}
	for rows.Next() {
		var h parallax.SearchHit
		if err := rows.Scan(&h.ID, &h.Title, &h.Score); err != nil {
			rows.Close()
			return res, fmt.Errorf("search %q: %w", query, err)
		}
		h.StoryID, h.Score, h.Snippet = h.ID, -h.Score, snippet(h.Title, terms)
		res.Stories = append(res.Stories, h)
	}
	if err := rows.Close(); err != nil {
		return res, fmt.Errorf("search %q: %w", query, err)
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("search %q: %w", query, err)
	}

	rows, err = db.r.QueryContext(ctx, `SELECT a.id, a.key, coalesce(s.id, ''), a.title,
		substr(a.body, 1, ?), bm25(articles_fts, 4.0, 1.0)
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		LEFT JOIN stories s ON s.rowid = a.story
		WHERE articles_fts MATCH ? ORDER BY 6, a.rowid LIMIT ?`, snippetScan, match, limit)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h parallax.SearchHit
		if err := rows.Scan(&h.ID, &h.Key, &h.StoryID, &h.Title, &h.Snippet, &h.Score); err != nil {
			return res, fmt.Errorf("search %q: %w", query, err)
		}
		h.Score = -h.Score
		if h.Snippet = snippet(h.Snippet, terms); !strings.Contains(h.Snippet, "[") {
			if t := snippet(h.Title, terms); strings.Contains(t, "[") {
				h.Snippet = t
			}
		}
		res.Articles = append(res.Articles, h)
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("search %q: %w", query, err)
	}
	return res, nil
}

// ftsQuery returns the MATCH expression of parseQuery.
func ftsQuery(q string) string {
	m, _ := parseQuery(q)
	return m
}

// parseQuery turns a user's query into an FTS5 MATCH expression of quoted
// terms: words and prefixes (word*) become "word" and "word"*, text between
// double quotes a phrase, and a bare OR between two terms stays OR. It
// returns "" when the query has no words, and the words for snippets.
func parseQuery(q string) (string, []term) {
	var terms []string
	var words []term
	pendingOr := false
	add := func(t string) {
		if pendingOr && len(terms) > 0 {
			terms = append(terms, "OR")
		}
		pendingOr = false
		terms = append(terms, t)
	}
	rs := []rune(strings.ToValidUTF8(q, " "))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if ws := wordsOf(rs[i+1 : j]); len(ws) > 0 {
				add(`"` + strings.Join(ws, " ") + `"`)
				for _, w := range ws {
					words = append(words, term{w: strings.ToLower(w)})
				}
			}
			i = j + 1
		case isWord(r):
			j := i
			for j < len(rs) && isWord(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			prefix := j < len(rs) && rs[j] == '*'
			if w == "OR" && !prefix {
				pendingOr = len(terms) > 0
			} else if prefix {
				add(`"` + w + `"*`)
				words = append(words, term{w: strings.ToLower(w), prefix: true})
			} else {
				add(`"` + w + `"`)
				words = append(words, term{w: strings.ToLower(w)})
			}
			i = j
		default:
			i++
		}
	}
	return strings.Join(terms, " "), words
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func wordsOf(rs []rune) []string {
	return strings.FieldsFunc(string(rs), func(r rune) bool { return !isWord(r) })
}

// term is one query word for snippets.
type term struct {
	w      string // lower case
	prefix bool
}

// snippetScan is how many characters of an article's text are searched for
// a snippet. FTS5's own snippet() takes time quadratic in the matches of a
// long text (3 s for one 80 KB article), so snippets are cut here instead.
const snippetScan = 20000

// snippet returns about 24 words of text around the first word matching a
// term, matches in [brackets]; the opening words when none matches.
func snippet(text string, terms []term) string {
	const before, width = 8, 24
	type span struct{ start, end int }
	var words []span
	first := -1
	inWord, start := false, 0
	for i, r := range text {
		w := isWord(r)
		if w && !inWord {
			start = i
		}
		if !w && inWord {
			words = append(words, span{start, i})
		}
		inWord = w
	}
	if inWord {
		words = append(words, span{start, len(text)})
	}
	match := func(s span) bool {
		lw := strings.ToLower(text[s.start:s.end])
		for _, t := range terms {
			if lw == t.w || t.prefix && strings.HasPrefix(lw, t.w) {
				return true
			}
		}
		return false
	}
	for i, s := range words {
		if match(s) {
			first = i
			break
		}
	}
	if len(words) == 0 {
		return ""
	}
	lo := max(0, first-before)
	hi := min(len(words), lo+width)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := words[lo].start
	for _, s := range words[lo:hi] {
		b.WriteString(oneLine(text[pos:s.start]))
		if match(s) {
			b.WriteString("[" + text[s.start:s.end] + "]")
		} else {
			b.WriteString(text[s.start:s.end])
		}
		pos = s.end
	}
	if hi < len(words) {
		b.WriteString("…")
	} else {
		b.WriteString(oneLine(text[pos:]))
	}
	return strings.TrimSpace(b.String())
}

// oneLine folds runs of white space (newlines included) to one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return " "
	}
	out := strings.Join(f, " ")
	if s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || s[0] == '\r' {
		out = " " + out
	}
	if e := s[len(s)-1]; e == ' ' || e == '\n' || e == '\t' || e == '\r' {
		out += " "
	}
	return out
}
