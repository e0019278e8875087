package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func pageHTML(title string) string {
	p := "<p>" + title + " was decided by the council on Tuesday after a long debate in which members of every party spoke for and against the proposal.</p>"
	return `<html><head><title>` + title + `</title><meta property="og:site_name" content="Example News"></head><body><article><h1>` + title + `</h1>` +
		strings.Repeat(p, 4) + `</article></body></html>`
}

// newsServer serves an RSS feed of three items (one broken) with ETags.
func newsServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var pageHits atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		etag := `"` + r.URL.Path + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		switch r.URL.Path {
		case "/rss":
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title>
<item><title>Bridge</title><link>%[1]s/a</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Missing</title><link>%[1]s/missing</link></item>
<item><title>Budget</title><link>%[1]s/b</link></item></channel></rss>`, srv.URL)
		case "/notxml":
			fmt.Fprint(w, "this is not a feed")
		case "/a", "/b":
			pageHits.Add(1)
			fmt.Fprint(w, pageHTML("Story "+r.URL.Path[1:]))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &pageHits
}

func TestPollOnce(t *testing.T) {
	srv, _ := newsServer(t)
	f := testFetcher(&fakeClock{t: time.Unix(0, 0)})
	var arts []Article
	var skipped []parallax.Skipped
	err := Poll(context.Background(), f, []string{srv.URL + "/notxml", srv.URL + "/rss"}, PollOptions{},
		func(a Article) error { arts = append(arts, a); return nil },
		func(s parallax.Skipped) { skipped = append(skipped, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].URL != srv.URL+"/a" || arts[1].URL != srv.URL+"/b" {
		t.Fatalf("articles %+v", arts)
	}
	if a := arts[0]; a.Page.Title != "Story a" || a.Page.Site != "Example News" || a.Page.Published != "2024-03-05" ||
		!strings.Contains(a.Page.Text, "decided by the council") || a.Feed != srv.URL+"/rss" {
		t.Errorf("article a = %+v", a.Page)
	}
	if len(skipped) != 2 || skipped[0].Path != srv.URL+"/notxml" || skipped[1].Path != srv.URL+"/missing" {
		t.Fatalf("skipped %+v", skipped)
	}
	if !strings.Contains(skipped[0].Reason, "not an RSS") || !strings.Contains(skipped[1].Reason, "404") {
		t.Errorf("reasons %+v", skipped)
	}
}

// TestPollEvery: repeated passes fetch nothing new (304, and seen links),
// and cancelling inside handle ends Poll after that article.
func TestPollEvery(t *testing.T) {
	srv, hits := newsServer(t)
	f := NewFetcher()
	f.PerHost = 0
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var arts []string
	done := make(chan error, 1)
	go func() {
		done <- Poll(ctx, f, []string{srv.URL + "/rss"}, PollOptions{Every: 10 * time.Millisecond},
			func(a Article) error { mu.Lock(); arts = append(arts, a.URL); mu.Unlock(); return nil },
			func(parallax.Skipped) {})
	}()
	time.Sleep(100 * time.Millisecond) // several passes
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Poll did not return after cancel")
	}
	if len(arts) != 2 || hits.Load() != 2 {
		t.Errorf("articles %v, page fetches %d; want 2 and 2", arts, hits.Load())
	}

	// Cancel while handling the first article: it completes, no other starts.
	ctx2, cancel2 := context.WithCancel(context.Background())
	var handled []string
	err := Poll(ctx2, NewFetcher(), []string{srv.URL + "/rss"}, PollOptions{Every: time.Hour},
		func(a Article) error {
			cancel2()
			time.Sleep(10 * time.Millisecond) // the write in hand
			handled = append(handled, a.URL)
			return nil
		}, func(parallax.Skipped) {})
	if err != nil || len(handled) != 1 || handled[0] != srv.URL+"/a" {
		t.Errorf("handled %v, err %v; want only /a", handled, err)
	}
}

func TestPollSeen(t *testing.T) {
	srv, hits := newsServer(t)
	f := testFetcher(&fakeClock{t: time.Unix(0, 0)})
	var n int
	Poll(context.Background(), f, []string{srv.URL + "/rss"},
		PollOptions{Seen: func(link string) bool { return strings.HasSuffix(link, "/a") }},
		func(Article) error { n++; return nil }, func(parallax.Skipped) {})
	if n != 1 || hits.Load() != 1 {
		t.Errorf("handled %d, fetched %d; want 1 and 1", n, hits.Load())
	}
}
