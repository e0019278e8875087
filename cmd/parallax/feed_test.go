package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
)

// feedServer serves an RSS feed of two items and their article pages.
func feedServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var pageHits atomic.Int64
	page := func(title, body string) string {
		return `<html><head><title>` + title + `</title><meta property="og:site_name" content="Daily Test"></head><body><article><h1>` + title + `</h1>` +
			strings.Repeat("<p>"+body+"</p>", 4) + `</article></body></html>`
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>
<item><title>Bridge reopens</title><link>%[1]s/a/bridge.html</link><guid>1</guid><pubDate>Fri, 30 Dec 2022 10:00:00 GMT</pubDate></item>
<item><title>Port strike ends</title><link>%[1]s/a/port.html</link><guid>2</guid><pubDate>Fri, 30 Dec 2022 11:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a/bridge.html", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprint(w, page("Bridge reopens", "The river bridge in the old town reopened to traffic on Friday after two years of repairs, the city council said in a statement."))
	})
	mux.HandleFunc("/a/port.html", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprint(w, page("Port strike ends", "Dock workers at the northern port ended their strike on Friday after the union accepted a new wage offer from the port authority."))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pageHits
}

// fastFetcher lets tests poll a local server without the per-host pause.
func fastFetcher(t *testing.T) {
	old := ingest.Fetcher
	ingest.Fetcher = sync.OnceValue(func() *feed.Fetcher {
		f := feed.NewFetcher()
		f.PerHost = 0
		f.Timeout = 5 * time.Second
		return f
	})
	t.Cleanup(func() { ingest.Fetcher = old })
}

func TestIngestFeed(t *testing.T) {
	srv, _ := feedServer(t)
	fastFetcher(t)
	db := filepath.Join(t.TempDir(), "feeds.db")
	_, stderr, code := run(t, "", "ingest", "--db", db, "--quiet", "--feed", srv.URL+"/feed.xml")
	if code != 0 || !strings.Contains(stderr, "new 2") {
		t.Fatalf("first ingest: exit %d, %s", code, stderr)
	}
	_, stderr, code = run(t, "", "ingest", "--db", db, "--quiet", "--feed", srv.URL+"/feed.xml")
	if code != 0 || !strings.Contains(stderr, "new 0") {
		t.Fatalf("second ingest must add nothing: exit %d, %s", code, stderr)
	}
	out, _, _ := run(t, "", "search", "--db", db, "dock workers")
	if !strings.Contains(out, "port") {
		t.Errorf("search does not find the feed article: %q", out)
	}
}

func TestIngestFeedUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"ingest", "--db", db, "--every", "1m", "somefile.txt"},
		{"ingest", "--db", db, "--feed", "http://127.0.0.1:1/feed", "dir"},
	} {
		if _, _, code := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestIngestFeedEveryStops polls until interrupted: the cancellation ends
// the run cleanly and what was read is stored.
func TestIngestFeedEveryStops(t *testing.T) {
	srv, hits := feedServer(t)
	fastFetcher(t)
	db := filepath.Join(t.TempDir(), "every.db")
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Logger: NewMain().Logger}
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"ingest", "--db", db, "--quiet", "--every", "20ms", "--feed", srv.URL + "/feed.xml"})
	}()
	deadline := time.After(10 * time.Second)
	for hits.Load() < 2 {
		select {
		case <-deadline:
			t.Fatal("the pages were never fetched")
		case <-time.After(10 * time.Millisecond):
		}
	}
	time.Sleep(50 * time.Millisecond) // a few more polls: seen items are not fetched again
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("ingest --every did not stop after the interrupt")
	}
	m.Close()
	if hits.Load() != 2 {
		t.Errorf("pages fetched %d times, want each once", hits.Load())
	}
	_, stderr, _ := run(t, "", "ingest", "--db", db, "--quiet", "--feed", srv.URL+"/feed.xml")
	if !strings.Contains(stderr, "new 0") {
		t.Errorf("after the interrupted run both articles must be stored: %s", stderr)
	}
}
