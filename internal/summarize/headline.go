package summarize

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

const minHeadlineWords = 4

var (
	// a trailing clause a headline can do without
	reTail = pattern.MustCompile(`(?:,\s+(?:which|during which|who|where|when|as|while|after|amid|saying|adding|according|in what|with|despite|including|in a|in an)\b|;|\s+[—–]\s+).*$`)
	// a leading subordinate clause: "While Moscow continues ..., "
	reLead = pattern.MustCompile(`^(?:While|Although|As|After|Amid|Despite|Before|Since|In|On|During)\b[^,]{0,120},\s+`)
	// "X, Y said ..." with Y a named speaker
	reSaid  = pattern.MustCompile(`^(.+?),\s+([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})\s+(?:said|says|stressed|noted|added|told)\b.*$`)
	reParen = pattern.MustCompile(`\s*\([^)]*\)`)
	// a preposition left before a removed date
	reDatePrep = pattern.MustCompile(`(?i)\s+(?:on|in|at|since|by|last|this|next)\s*$`)
)

// saidVerbs are the verbs reSaid knows; a sentence without any is not tried.
var saidVerbs = []string{"said", "says", "stressed", "noted", "added", "told"}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// headlineRef resolves weekday names for removal only; any day will do.
var headlineRef = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// headline writes who did what from the story's central sentences: the
// highest-scored candidates stated by the most articles, compressed (no
// date, no trailing clause, no role labels) to at most MaxHeadlineWords.
func headline(cs []*cand, docs []*text.Document) (string, *cand) {
	var best, fallback *cand
	var bestH, fallbackH string
	for _, c := range cs { // best first
		if fallback != nil && best != nil && len(c.cites) <= len(best.cites) {
			continue // it could change neither
		}
		h := compress(c.text)
		n := len(strings.Fields(h))
		if n < minHeadlineWords {
			continue
		}
		if fallback == nil {
			fallback, fallbackH = c, cutWords(h, MaxHeadlineWords)
		}
		if n > MaxHeadlineWords || startsWithPronoun(h+" ") {
			continue
		}
		// stated by more articles wins; among equals, the better score
		if best == nil || len(c.cites) > len(best.cites) {
			best, bestH = c, h
		}
	}
	if best != nil {
		return bestH, best
	}
	return fallbackH, fallback
}

// compress shortens a sentence to its main clause.
func compress(t string) string {
	t = strings.TrimSpace(t)
	if strings.Contains(t, "(") {
		t = reParen.ReplaceAllString(t, "")
	}
	t = strings.TrimRight(t, ".!")
	if strings.Contains(t, ",") && containsAny(t, saidVerbs) {
		if m := reSaid.FindStringSubmatch(t); m != nil && len(strings.Fields(m[1])) >= 3 {
			t = m[2] + ": " + m[1]
		}
	}
	t = reLead.ReplaceAllString(t, "")
	if strings.ContainsAny(t, ",;—–") {
		t = reTail.ReplaceAllString(t, "")
	}
	// drop dates: "on Friday", "in 2014"
	ms := temporal.Find(t, headlineRef)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		before := reDatePrep.ReplaceAllString(t[:m.Start], "")
		t = before + t[m.End:]
	}
	t = strings.Join(strings.Fields(t), " ")
	if spaceBeforePunct(t) {
		t = reSpaces.ReplaceAllString(t, "$1")
	}
	t = strings.Trim(t, " ,;:")
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}
