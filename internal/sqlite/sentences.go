package sqlite

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	parallax "github.com/parallax-news/parallax"
)

// An article's sentences are pieces of its cleaned text, so the sentences
// column keeps where they are rather than a second copy of the text: "@"
// and, for each sentence, the bytes skipped since the end of the one before
// and its length, as "skip+len" joined by commas ("@0+94,1+120,2+87"). A
// sentence list that is not pieces of the text in order is kept as a JSON
// array, and rows written before migration 2 hold JSON arrays too.

// encodeSentences returns the sentences column for sents of body.
func encodeSentences(body string, sents []string) string {
	if len(sents) == 0 {
		return "[]"
	}
	b := make([]byte, 1, 1+8*len(sents))
	b[0] = '@'
	pos := 0
	for i, s := range sents {
		j := strings.Index(body[pos:], s)
		if j < 0 {
			js, _ := json.Marshal(sents)
			return string(js)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(j), 10)
		b = append(b, '+')
		b = strconv.AppendInt(b, int64(len(s)), 10)
		pos += j + len(s)
	}
	return string(b)
}

// decodeSentences reverses encodeSentences; the sentences share body's memory.
func decodeSentences(body, col string) ([]string, error) {
	if !strings.HasPrefix(col, "@") {
		var out []string
		if err := json.Unmarshal([]byte(col), &out); err != nil {
			return nil, fmt.Errorf("sentences: %w: %v", parallax.ErrMalformed, err)
		}
		return nonNil(out), nil
	}
	col = col[1:]
	out := make([]string, 0, strings.Count(col, ",")+1)
	pos := 0
	for col != "" {
		var pair string
		pair, col, _ = strings.Cut(col, ",")
		a, b, ok := strings.Cut(pair, "+")
		skip, err1 := strconv.Atoi(a)
		n, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || skip < 0 || n < 0 || skip > len(body)-pos || n > len(body)-pos-skip {
			return nil, fmt.Errorf("sentences: %w: bad span %q", parallax.ErrMalformed, pair)
		}
		pos += skip
		out = append(out, body[pos:pos+n])
		pos += n
	}
	return out, nil
}
