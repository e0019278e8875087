package clean

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
)

func siteDoc(host string, i int, extra ...string) ingest.Doc {
	body := []string{fmt.Sprintf("Story number %d tells what happened in the town on day %d.", i, i)}
	body = append(body, extra...)
	return ingest.Doc{URL: fmt.Sprintf("https://www.%s/news/%d", host, i), Text: strings.Join(body, "\n\n")}
}

func TestSiteLearner(t *testing.T) {
	footer := "Copyright 2024 Example News. All rights reserved."
	pitch := "Sign up for our morning newsletter"
	docs := []ingest.Doc{
		siteDoc("example.com", 1, footer, pitch, pitch), // repeated within one article: counts once
		siteDoc("example.com", 2, footer),
		siteDoc("example.com", 3, "copyright 2024  example news. all rights reserved."),
		siteDoc("example.com", 4, pitch),
		siteDoc("other.org", 1, footer),
		siteDoc("other.org", 2, footer),
	}
	l := LearnSites(docs)
	if got := l.Boilerplate("example.com"); len(got) != 1 || lineKey(got[0]) != lineKey(footer) {
		t.Errorf("example.com boilerplate %q, want only the footer", got)
	}
	if got := l.Boilerplate("other.org"); len(got) != 0 {
		t.Errorf("other.org boilerplate %q: two articles are not enough", got)
	}
	tests := []struct {
		site, line string
		want       bool
	}{
		{"example.com", footer, true},
		{"example.com", "  COPYRIGHT 2024 Example News.   All rights reserved. ", true},
		{"example.com", pitch, false},
		{"other.org", footer, false},
		{"example.com", "", false},
		{"unknown.net", footer, false},
	}
	for _, tt := range tests {
		if got := l.IsBoilerplate(tt.site, tt.line); got != tt.want {
			t.Errorf("IsBoilerplate(%q, %q) = %v, want %v", tt.site, tt.line, got, tt.want)
		}
	}
	kept, removed := l.Strip("example.com", docs[1].Text)
	if strings.Contains(kept, "Copyright") || len(removed) != 1 || !strings.Contains(kept, "Story number 2") {
		t.Errorf("Strip kept %q removed %q", kept, removed)
	}
}

func TestSiteKey(t *testing.T) {
	tests := []struct {
		d    ingest.Doc
		want string
	}{
		{ingest.Doc{URL: "https://www.BBC.co.uk/news/1"}, "bbc.co.uk"},
		{ingest.Doc{URL: "", Source: "Reuters"}, "reuters"},
		{ingest.Doc{}, ""},
	}
	for _, tt := range tests {
		if got := SiteKey(tt.d); got != tt.want {
			t.Errorf("SiteKey(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func BenchmarkSiteLearner(b *testing.B) {
	docs := make([]ingest.Doc, 1000)
	for i := range docs {
		docs[i] = siteDoc(fmt.Sprintf("site%d.com", i%20), i, "Share this article", "Copyright Example", strings.Repeat("A body line of the story. ", 10))
	}
	for b.Loop() {
		l := LearnSites(docs)
		for _, d := range docs {
			l.Strip(SiteKey(d), d.Text)
		}
	}
}
