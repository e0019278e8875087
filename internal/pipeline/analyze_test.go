package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
)

const seeds = "../../../shared/seeds"

func TestPrepareNothingLeft(t *testing.T) {
	_, _, err := Prepare(ingest.Doc{ID: "x", Text: "Leave a Reply\n\nShare this article\n"})
	if err == nil || !strings.Contains(err.Error(), "nothing left after cleaning") {
		t.Fatalf("err = %v", err)
	}
}

func TestAnalyzeReadCallback(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/a.txt", []byte("The river flooded the town on Monday."), 0o644)
	os.WriteFile(dir+"/b.txt", []byte("The dam held."), 0o644)
	os.WriteFile(dir+"/c.txt", nil, 0o644) // skipped: empty
	calls, docs, bytes := 0, 0, 0
	_, err := Analyze(context.Background(), []string{dir}, nil, Options{Read: func(d, b int) {
		calls++
		docs, bytes = d, b
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || docs != 2 || bytes != len("The river flooded the town on Monday.")+len("The dam held.") {
		t.Errorf("Read called %d times with %d docs, %d bytes; want once with 2 docs, 50 bytes", calls, docs, bytes)
	}
}

func TestAnalyzeUniqueIDs(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(dir+"/a", 0o755)
	os.MkdirAll(dir+"/b", 0o755)
	os.WriteFile(dir+"/a/x.txt", []byte("The river flooded the town on Monday."), 0o644)
	os.WriteFile(dir+"/b/x.txt", []byte("The river flooded the town on Monday night."), 0o644)
	rep, err := Analyze(context.Background(), []string{dir}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range rep.Stories {
		for _, a := range s.Articles {
			if seen[a.ID] {
				t.Fatalf("id %q twice", a.ID)
			}
			seen[a.ID] = true
		}
	}
	if !seen["x"] || !seen["x~2"] {
		t.Fatalf("ids %v", seen)
	}
}

func BenchmarkAnalyzeSeeds(b *testing.B) {
	if _, err := os.Stat(seeds); err != nil {
		b.Skip("no ../shared/seeds")
	}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Analyze(context.Background(), []string{seeds}, nil, Options{})
		if err != nil || len(rep.Stories) == 0 {
			b.Fatal(err)
		}
	}
}

// FuzzPrepare runs the whole text reader (checks, cleaning, sentences) on
// arbitrary bytes: it must never panic, and what it keeps must be sentences
// of the input.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{
		" date 2022-12-30 Beijing [China], December 30 (ANI): China and Russia should act, Xi said on Friday. (ANI)",
		"Title line\n\nLONDON (Reuters) - Mr. Smith went to the U.S. on Jan. 5. “He left.” \n\nAlso Read: x\n\nLeave a Reply",
		"Welcome to X, your number one source.\n\nX\n\nSub heading\n\nBody. More body!",
		"\xff\xfe\x00 binary",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if ingest.CheckText(data) != nil {
			return
		}
		doc, _, err := Prepare(ingest.Doc{ID: "f", Text: string(data)})
		if err != nil {
			return
		}
		if len(doc.Sentences) != len(doc.Article.Sentences) {
			t.Fatalf("sentences out of step")
		}
		for i, s := range doc.Sentences {
			if s.Text == "" || s.Text != doc.Article.Sentences[i] || strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("bad sentence %q", s.Text)
			}
			if doc.Paragraphs[s.Para][s.Start:s.End] != s.Text {
				t.Fatalf("sentence offsets wrong")
			}
		}
	})
}

// BenchmarkHTMLPrepare is parallax's whole path from HTML pages to
// sentences: walking, reading, extraction, site boilerplate, cleaning and
// sentence splitting. Compare with BenchmarkHTMLLibrary in internal/ingest
// (go-trafilatura alone) in the same run:
//
//	go test -run X -bench HTML ./internal/ingest ./internal/pipeline
func BenchmarkHTMLPrepare(b *testing.B) {
	const pages = "../../../shared/data/extraction/html"
	if _, err := os.Stat(pages); err != nil {
		b.Skip("shared/data/extraction absent")
	}
	n := 0
	for b.Loop() {
		var raws []ingest.Doc
		err := ingest.Walk(context.Background(), []string{pages}, nil, func(d ingest.Doc) error {
			raws = append(raws, d)
			return nil
		}, func(parallax.Skipped) {})
		if err != nil {
			b.Fatal(err)
		}
		sites := clean.LearnSites(raws)
		for _, d := range raws {
			d.Text, _ = sites.Strip(clean.SiteKey(d), d.Text)
			Prepare(d)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
