package clean

import (
	"embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/pattern"
)

//go:embed data
var dataFS embed.FS

// rule is one line of a .tsv rule file; a rule with a cue is tried only
// on text that contains it.
type rule struct {
	kind string
	cues []string
	re   *pattern.Regexp
}

var (
	// boilerplate returns the matcher of data/boilerplate.tsv, built in
	// the background from start-up.
	boilerplate = lexicon.Table(func() *matcher { return newMatcher(ruleExprs("data/boilerplate.tsv")) })
	promos      = loadRules("data/promos.tsv")
	agencies    = loadAgencies("data/agencies.txt")
)

// matcher tests a paragraph against many rules at once: the rules anchored
// at the start are joined into one expression, and each other rule runs
// only where its literal prefix occurs. It works on lower-cased text.
type matcher struct {
	anchored *regexp.Regexp
	loose    []looseRule
}

type looseRule struct {
	literal string
	re      *regexp.Regexp
}

// newMatcher builds a matcher of expressions written for lower-case text.
func newMatcher(exprs []string) *matcher {
	m := &matcher{}
	var starts []string
	for _, expr := range exprs {
		if strings.HasPrefix(expr, "^") {
			starts = append(starts, "(?:"+expr[1:]+")")
			continue
		}
		re := regexp.MustCompile(expr)
		lit, _ := re.LiteralPrefix()
		m.loose = append(m.loose, looseRule{strings.ToLower(lit), re})
	}
	if len(starts) > 0 {
		m.anchored = regexp.MustCompile("^(?:" + strings.Join(starts, "|") + ")")
	}
	return m
}

// match reports whether a lower-cased paragraph matches any rule.
func (m *matcher) match(low string) bool {
	if m.anchored != nil && m.anchored.MatchString(low) {
		return true
	}
	for _, r := range m.loose {
		if (r.literal == "" || strings.Contains(low, r.literal)) && r.re.MatchString(low) {
			return true
		}
	}
	return false
}

func dataLines(name string) []string { return lexicon.Lines(dataFS, name) }

// ruleFields splits the lines of a .tsv rule file into their fields.
func ruleFields(name string) [][]string {
	var fs [][]string
	for _, l := range dataLines(name) {
		f := strings.Split(l, "\t")
		if len(f) != 2 && len(f) != 3 {
			panic(fmt.Sprintf("%s: want kind<TAB>[cue<TAB>]expression, got %q", name, l))
		}
		fs = append(fs, f)
	}
	return fs
}

// ruleExprs returns the expressions of a .tsv rule file, not compiled: the
// matcher compiles them together.
func ruleExprs(name string) []string {
	var exprs []string
	for _, f := range ruleFields(name) {
		exprs = append(exprs, f[len(f)-1])
	}
	return exprs
}

func loadRules(name string) []rule {
	var rs []rule
	for _, f := range ruleFields(name) {
		var r rule
		switch len(f) {
		case 2:
			r = rule{kind: f[0], re: pattern.MustCompile("(?i)" + f[1])}
		case 3:
			r = rule{kind: f[0], cues: strings.Split(f[1], "|"), re: pattern.MustCompile("(?i)" + f[2])}
		}
		rs = append(rs, r)
	}
	return rs
}

func loadAgencies(name string) map[string]string {
	m := map[string]string{}
	for _, l := range dataLines(name) {
		m[strings.ToLower(strings.TrimSpace(l))] = strings.TrimSpace(l)
	}
	return m
}

// Agency returns the canonical spelling of a known news agency, or "".
func Agency(s string) string { return agencies[strings.ToLower(strings.TrimSpace(s))] }
