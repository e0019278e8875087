package clean

import (
	"bufio"
	"embed"
	"fmt"
	"regexp"
	"strings"
)

//go:embed data
var dataFS embed.FS

// rule is one line of a .tsv rule file.
type rule struct {
	kind string
	re   *regexp.Regexp
}

var (
	boilerplate = loadRules("data/boilerplate.tsv")
	promos      = loadRules("data/promos.tsv")
	agencies    = loadAgencies("data/agencies.txt")
)

func dataLines(name string) []string {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded: cannot fail at run time
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func loadRules(name string) []rule {
	var rs []rule
	for _, l := range dataLines(name) {
		kind, expr, ok := strings.Cut(l, "\t")
		if !ok {
			panic(fmt.Sprintf("%s: no tab in %q", name, l))
		}
		rs = append(rs, rule{kind, regexp.MustCompile("(?i)" + expr)})
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
