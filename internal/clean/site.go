package clean

import (
	"net/url"
	"sort"
	"strings"

	"github.com/zeebo/xxh3"

	"github.com/parallax-news/parallax/internal/ingest"
)

// MinSiteArticles is how many articles of one site a line must appear in to
// be that site's boilerplate.
const MinSiteArticles = 3

// maxSiteLineWords bounds a learned boilerplate line: a longer line shared
// by three articles of one site is more likely one wire text reused than
// site furniture, and is left to near-copy detection.
const maxSiteLineWords = 30

// SiteLearner learns each site's boilerplate from its articles: a line that
// appears in at least MinArticles different articles of one site (a
// newsletter pitch, a copyright footer, a list of sections) is boilerplate of
// that site. A block of such lines is boilerplate line by line. Lines are
// compared after collapsing spaces and case. It keeps a hash and a count per
// distinct line, and the text of a line only once it is boilerplate.
type SiteLearner struct {
	MinArticles int
	sites       map[string]*siteLines
}

type siteLines struct {
	articles int
	count    map[uint64]int
	text     map[uint64]string // the lines that reached MinArticles, as written then
}

// NewSiteLearner returns a learner with MinArticles = MinSiteArticles.
func NewSiteLearner() *SiteLearner {
	return &SiteLearner{MinArticles: MinSiteArticles, sites: map[string]*siteLines{}}
}

// SiteKey names a document's site: the host of its URL without "www.",
// else its source, else "" (no site: nothing is learned).
func SiteKey(d ingest.Doc) string {
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return strings.ToLower(strings.TrimSpace(d.Source))
}

// lineKey is the comparison form of a line; empty for a blank line.
func lineKey(l string) string { return strings.ToLower(collapse(l)) }

// Add counts the lines of one article of site. A line repeated within the
// article counts once.
func (l *SiteLearner) Add(site, text string) {
	if site == "" {
		return
	}
	s := l.sites[site]
	if s == nil {
		s = &siteLines{count: map[uint64]int{}, text: map[uint64]string{}}
		l.sites[site] = s
	}
	s.articles++
	seen := map[uint64]bool{}
	for _, line := range strings.Split(text, "\n") {
		k := lineKey(line)
		if k == "" {
			continue
		}
		h := xxh3.HashString(k)
		if seen[h] {
			continue
		}
		seen[h] = true
		s.count[h]++
		if s.count[h] == l.MinArticles {
			s.text[h] = collapse(line)
		}
	}
}

// AddDoc is Add for a document, under its SiteKey.
func (l *SiteLearner) AddDoc(d ingest.Doc) { l.Add(SiteKey(d), d.Text) }

// Boilerplate returns the boilerplate lines of site, sorted, each as written
// in the article that made it boilerplate.
func (l *SiteLearner) Boilerplate(site string) []string {
	s := l.sites[site]
	if s == nil {
		return nil
	}
	out := make([]string, 0, len(s.text))
	for _, t := range s.text {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// IsBoilerplate reports whether line is boilerplate of site.
func (l *SiteLearner) IsBoilerplate(site, line string) bool {
	s := l.sites[site]
	if s == nil {
		return false
	}
	k := lineKey(line)
	if k == "" || len(strings.Fields(k)) > maxSiteLineWords {
		return false
	}
	return s.count[xxh3.HashString(k)] >= l.MinArticles
}

// Strip removes site's boilerplate lines from text, keeping the line
// structure (blank lines) of the rest, and returns what it removed.
func (l *SiteLearner) Strip(site, text string) (kept string, removed []string) {
	if l.sites[site] == nil {
		return text, nil
	}
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for _, line := range lines {
		if l.IsBoilerplate(site, line) {
			removed = append(removed, collapse(line))
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n"), removed
}

// LearnSites learns the boilerplate of every site among docs.
func LearnSites(docs []ingest.Doc) *SiteLearner {
	l := NewSiteLearner()
	for _, d := range docs {
		l.AddDoc(d)
	}
	return l
}
