package summarize

import (
	"embed"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/pattern"
)

//go:embed data/*.txt
var dataFS embed.FS

var (
	connectives = dataLines("data/connectives.txt")
	pronounOpen = dataLines("data/pronouns.txt")
	reporting   = dataLines("data/reporting.txt")
	trailing    = dataLines("data/trailing.txt")
	endings     = dataLines("data/endings.txt")
)

func dataLines(name string) []string { return lexicon.Lines(dataFS, name) }

func alternation(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// minKeep is the fewest words a condensed sentence keeps: a cut that
// leaves less is not made.
const minKeep = 8

var (
	// a trailing comment clause: ", in what would be a show of ...", " — ..."
	reTrailing = pattern.MustCompile(`(?:,\s+(?:` + alternation(trailing) + `)\b|\s+[—–]\s+)[^,;]*[.!]?$`)
	// a trailing source credit after a sentence that names its speaker:
	// "Xi said ..., Xinhua news agency reported."
	reCredit = pattern.MustCompile(`,\s+(?:[Tt]he\s+|an?\s+)?[\p{L}][^,;“”"]{0,50}\s+(?:reported|reports|said|says|quoted\b[^,;]*)\.$`)
	// "According to Xinhua, ..." opening
	reAccording = pattern.MustCompile(`^(?:According to|As reported by|Citing)\s+[^,;]{1,60},\s+`)
	// an appositive description between a name and its verb:
	// "Yun Sun, director of the China Program at ..., said"
	reAppositive = pattern.MustCompile(`\b([A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}),\s+(?:a|an|the|[a-z][\p{L}-]*)\b[^,;“”"]{2,100},\s+(said|says|told|added|warned|wrote)\b`)
	// a non-restrictive relative clause inside the sentence: ", which ..., "
	reRelative = pattern.MustCompile(`,\s+(?:which|who|whose)\s+[^,;“”"]{2,160},\s+`)
	// "noted that" -> "said"; "also said that" -> "said": only before
	// "that", since "announced a plan" is no "said a plan"
	reportVerbs = append([]string{"said"}, reporting...) // the verbs reReporting rewrites before "that"
	reReporting = pattern.MustCompile(`\b(?:also\s+)?(?:` + alternation(reportVerbs) + `)\s+that\b|\balso\s+said\b`)
	reSpeech    = pattern.MustCompile(`\b(?:` + alternation(append([]string{"said", "told"}, reporting...)) + `)\b`)
	// a dateline or agency credit opening a text: "(CNN) - ",
	// "WASHINGTON (AP) — ", "LONDON — "
	reDateline = pattern.MustCompile(`^(?:[A-Z][A-Z.,' ]*[A-Z.]\s*(?:\([^()]{1,30}\))?|\([^()]{1,30}\))\s*[-—–]+\s+`)
	reSpaces   = pattern.MustCompile(`\s+([,.;:!?])`)
)

// speech reports whether t has a reporting verb before its last comma: a
// speaker named in the sentence, so a trailing credit adds nothing.
func speech(t string) bool {
	i := strings.LastIndex(t, ",")
	if i < 0 {
		return false
	}
	return reSpeech.MatchString(t[:i])
}

// condense shortens a sentence to what it states, without changing what
// it states: it drops parenthetical asides, opening connectives and source
// credits, appositive descriptions of a named speaker, non-restrictive
// relative clauses and trailing comment clauses, and writes reporting
// verbs as "said". A cut is made only when at least minKeep words remain.
func condense(t string) string {
	t = strings.TrimSpace(t)
	try := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if spaceBeforePunct(s) {
			s = strings.TrimSpace(reSpaces.ReplaceAllString(s, "$1"))
		}
		if len(strings.Fields(s)) >= minKeep {
			t = s
		}
	}
	if strings.Contains(t, "(") {
		try(reParen.ReplaceAllString(t, ""))
	} else {
		try(t) // white space normalised (the patterns below know only ASCII spaces)
	}
	t = dropConnective(t)
	if loc := reAccording.FindStringIndex(t); loc != nil {
		try(upperFirst(t[loc[1]:]))
	}
	if strings.Count(t, ",") >= 2 { // the pattern needs two commas
		try(reAppositive.ReplaceAllString(t, "$1 $2"))
	}
	if !quoteOpen(t) && (strings.Contains(t, "which") || strings.Contains(t, "who")) {
		if loc := reRelative.FindStringIndex(t); loc != nil {
			// "Iran, which ..., the White House said": the comma before a
			// trailing credit stays
			sep := " "
			if reCredit.MatchString(", " + t[loc[1]:]) {
				sep = ", "
			}
			try(t[:loc[0]] + sep + t[loc[1]:])
		}
	}
	if strings.Contains(t, ",") {
		t = cutTail(t, reCredit, speech(t))
	}
	if strings.ContainsAny(t, ",—–") {
		t = cutTail(t, reTrailing, true)
	}
	if mayReport(t) {
		try(reReporting.ReplaceAllString(t, "said"))
	}
	return t
}

// mayReport reports whether reReporting can match t: "also said", or a
// reporting verb, white space and "that". It is a quick necessary test
// that spares the expression, slow on long sentences, the many sentences
// with a "that" of another kind.
func mayReport(t string) bool {
	if strings.Contains(t, "also") && strings.Contains(t, "said") {
		return true
	}
	for i := 0; ; {
		k := strings.Index(t[i:], "that")
		if k < 0 {
			return false
		}
		i += k
		j := i
		for j > 0 && strings.IndexByte(" \t\n\f\r", t[j-1]) >= 0 { // \s
			j--
		}
		if j < i {
			for _, v := range reportVerbs {
				if strings.HasSuffix(t[:j], v) {
					return true
				}
			}
		}
		i += len("that")
	}
}

var (
	// an opening subordinate clause: "While Moscow shells Kyiv, ..."
	// (never a condition: "If ..., " is kept)
	reOpening = pattern.MustCompile(`^(?:While|Although|Though|As|After|Amid|Despite|Before|Since|When|Following|Ahead of|Even as|In the wake of)\b[^,;“”"]{0,120},\s+`)
	// a trailing clause that adds circumstance to the main one
	reCircumstance = pattern.MustCompile(`,\s+(?:which|who|where|when|as|while|after|amid|with|despite|including|following|[a-z]{3,}ing)\b[^;“”"]*[.!]?$`)
)

// mainClause cuts a condensed sentence further, to its main clause: an
// opening subordinate clause and a trailing circumstance go. The summary
// may take it instead of the sentence when words are short. It returns ""
// when there is nothing to cut or too little would remain.
func mainClause(t string) string {
	u := t
	if loc := reOpening.FindStringIndex(u); loc != nil && len(strings.Fields(u[loc[1]:])) >= minSentenceWords {
		u = upperFirst(u[loc[1]:])
	}
	if loc := circumstance(u); loc != nil && !quoteOpen(u[:loc[0]]) && len(strings.Fields(u[:loc[0]])) >= minSentenceWords {
		u = strings.TrimRight(u[:loc[0]], " ,;") + "."
	}
	u = cutAfterList(u)
	if u == t {
		return ""
	}
	return u
}

var (
	// a list of three or more short items ("economy, trade, energy and
	// agriculture") followed by a comma and more words: further
	// coordinated clauses the list's sentence can do without
	reListTail = pattern.MustCompile(`(?:[\p{L}-]+(?:\s+[\p{L}-]+){0,2},\s+){2,}[\p{L}-]+(?:\s+[\p{L}-]+){0,2},?\s+(?:and|or)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2}(,\s+[^;“”"]+)$`)
	// a verb before the list: the words before it hold a clause
	reFinite = pattern.MustCompile(`\b(?:said|says|is|are|was|were|has|have|had|will|would|should|can|could|must|may|might|[a-z]{3,}ed)\b`)
)

// cutAfterList cuts what follows a list of short items at the end of a
// sentence: "X stressed the two sides should push for cooperation on
// economy, trade, energy and agriculture, promote ..., and expand ..."
// keeps its first clause. The cut is made only when a verb stands before
// the list, the cut part is at least three words, and outside quotations.
func cutAfterList(u string) string {
	if strings.Count(u, ",") < 2 { // a list of three needs two commas
		return u
	}
	m := reListTail.FindStringSubmatchIndex(u)
	if m == nil || quoteOpen(u[:m[2]]) || !reFinite.MatchString(u[:m[0]]) {
		return u
	}
	if len(strings.Fields(u[m[2]:])) < 3 || len(strings.Fields(u[:m[2]])) < minSentenceWords {
		return u
	}
	return strings.TrimRight(u[:m[2]], " ,;") + "."
}

// cutTail removes the trailing clause re matches when ok, the cut is
// outside any quotation, and enough words remain.
func cutTail(t string, re *pattern.Regexp, ok bool) string {
	if !ok {
		return t
	}
	loc := re.FindStringIndex(t)
	if loc == nil || quoteOpen(t[:loc[0]]) || len(strings.Fields(t[:loc[0]])) < minKeep {
		return t
	}
	return strings.TrimRight(t[:loc[0]], " ,;") + "."
}

// quoteOpen reports whether s ends inside a quotation.
func quoteOpen(s string) bool {
	return strings.Count(s, "“") != strings.Count(s, "”") || strings.Count(s, `"`)%2 == 1
}

func dropConnective(t string) string {
	for _, c := range connectives {
		if !strings.HasPrefix(t, c) {
			continue
		}
		rest := t[len(c):]
		if !strings.HasSuffix(c, ",") && !strings.HasPrefix(rest, " ") {
			continue // "Butler", "Andrew"
		}
		rest = strings.TrimLeft(rest, " ,")
		if len(strings.Fields(rest)) < minKeep {
			return t
		}
		return upperFirst(rest)
	}
	return t
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// reExpletive matches an opening "it" that stands for the clause after
// it, not for anything before: "It was agreed that ...", "It is unclear
// whether ...", "It has been shown repeatedly that ...".
var reExpletive = pattern.MustCompile(`^It\s+(?:is|was|has been|had been|will be|would be|seems|seemed|appears|appeared|remains|remained)\s+(?:\S+\s+){0,3}?(?:that|to|whether|if|how|why|when)\b`)

// endsComparing reports whether t ends by comparing with something
// before it: "... is similar.", "... did the same."
func endsComparing(t string) bool {
	t = strings.ToLower(strings.TrimRight(t, ".!”\"’) "))
	for _, e := range endings {
		if t == e || strings.HasSuffix(t, " "+e) {
			return true
		}
	}
	return false
}

// startsWithPronoun reports whether t opens, perhaps after a short phrase
// ("On Friday, he ..."), with a word that needs an antecedent.
func startsWithPronoun(t string) bool {
	if i := strings.Index(t, ", "); i > 0 && len(strings.Fields(t[:i])) <= 4 {
		if startsWithPronoun(upperFirst(t[i+2:])) {
			return true
		}
	}
	first := strings.Fields(t)
	if len(first) == 0 {
		return false
	}
	w := strings.Trim(first[0], ",.;:")
	if reExpletive.MatchString(t) {
		return false // "It was agreed that ...": "it" points at nothing
	}
	for _, p := range pronounOpen {
		if w == p {
			return true
		}
	}
	return false
}

// spaceBeforePunct reports white space before , . ; : ! or ? (what reSpaces removes).
func spaceBeforePunct(s string) bool {
	for i := 1; i < len(s); i++ {
		if strings.IndexByte(",.;:!?", s[i]) >= 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n') {
			return true
		}
	}
	return false
}

// circumstance finds a trailing circumstance clause (reCircumstance), which
// needs a comma.
func circumstance(u string) []int {
	if !strings.Contains(u, ",") {
		return nil
	}
	return reCircumstance.FindStringIndex(u)
}
