package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/feed"
)

func newsPage(title string) string {
	p := "<p>" + title + " was decided by the council on Tuesday after a long debate in which members of every party spoke for and against the proposal.</p>"
	return `<html lang="en"><head><title>` + title + `</title><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05"></head><body><nav><a href="/">Home</a></nav><article><h1>` + title + `</h1>` +
		strings.Repeat(p, 3) + `</article></body></html>`
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestWalkHTML(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "bridge.html", []byte(newsPage("Bridge approved")))
	write(t, dir, "budget.html.gz", gzipped([]byte(newsPage("Budget cut"))))
	write(t, dir, "empty.htm", []byte("<html><body><script>x()</script></body></html>"))
	docs, skipped := collect(t, []string{dir}, "")
	if len(docs) != 2 {
		t.Fatalf("docs %+v", docs)
	}
	d := docs[0]
	if d.ID != "bridge" || d.Format != "html" || d.Title != "Bridge approved" || d.Source != "Example News" ||
		d.Published != "2024-03-05" || !strings.Contains(d.Text, "decided by the council") || strings.Contains(d.Text, "Home") {
		t.Errorf("doc %+v", d)
	}
	if strings.Count(d.Text, "\n\n") < 2 {
		t.Errorf("paragraph breaks lost: %q", d.Text)
	}
	if docs[1].ID != "budget" || docs[1].Title != "Budget cut" {
		t.Errorf("gzip doc %+v", docs[1])
	}
	if r := skipped[dir+"/empty.htm"]; !strings.Contains(r, "no article text") {
		t.Errorf("skipped %v", skipped)
	}
}

// warcRecord is one WARC/1.1 record, gzip-compressed on its own.
func warcRecord(typ, uri, block string) []byte {
	h := fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n", typ, uri, len(block))
	return gzipped([]byte(h + block + "\r\n\r\n"))
}

func httpMsg(ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ctype, len(body), body)
}

func TestWalkWARC(t *testing.T) {
	dir := t.TempDir()
	good := warcRecord("response", "https://news.example.com/bridge", httpMsg("text/html; charset=utf-8", newsPage("Bridge approved")))
	cut := warcRecord("response", "https://news.example.com/cut", httpMsg("text/html", newsPage("Cut short")))
	var data []byte
	data = append(data, warcRecord("request", "https://news.example.com/bridge", "GET / HTTP/1.1\r\n\r\n")...)
	data = append(data, good...)
	data = append(data, warcRecord("response", "https://news.example.com/logo.png", httpMsg("image/png", "\x89PNG"))...)
	offCut := len(data)
	data = append(data, cut[:len(cut)/2]...)
	data = append(data, warcRecord("response", "https://news.example.com/budget", httpMsg("text/html", newsPage("Budget cut")))...)
	path := write(t, dir, "crawl.warc.gz", data)
	docs, skipped := collect(t, []string{dir}, "")
	if len(docs) != 2 || docs[0].ID != "crawl:1" || docs[1].ID != "crawl:2" {
		t.Fatalf("docs %+v, skipped %v", docs, skipped)
	}
	if d := docs[0]; d.Format != "warc" || d.URL != "https://news.example.com/bridge" || d.Title != "Bridge approved" || d.Source != "Example News" {
		t.Errorf("doc %+v", d)
	}
	where := fmt.Sprintf("%s@%d", path, offCut)
	if r, ok := skipped[where]; !ok || !strings.Contains(r, "truncated") {
		t.Errorf("truncated record not named at %s: %v", where, skipped)
	}
	if len(skipped) != 1 {
		t.Errorf("skipped %v, want only the truncated record", skipped)
	}
}

func TestWalkURL(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/2024/bridge.html", "/a", "/b":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, newsPage("Story "+r.URL.Path))
		case "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>%[1]s/a</link></item><item><title>B</title><link>%[1]s/b</link></item></channel></rss>`, srv.URL)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	old := Fetcher
	defer func() { Fetcher = old }()
	f := feed.NewFetcher()
	f.PerHost = 0
	Fetcher = func() *feed.Fetcher { return f }
	docs, skipped := collect(t, []string{srv.URL + "/2024/bridge.html", srv.URL + "/missing", srv.URL + "/rss"}, "")
	var got []string
	for _, d := range docs {
		got = append(got, d.ID+"/"+d.Format)
	}
	if fmt.Sprint(got) != "[bridge/url a/feed b/feed]" {
		t.Errorf("docs %v", got)
	}
	if r := skipped[srv.URL+"/missing"]; !strings.Contains(r, "404") {
		t.Errorf("skipped %v", skipped)
	}
	if docs[0].URL != srv.URL+"/2024/bridge.html" || docs[0].Title != "Story /2024/bridge.html" {
		t.Errorf("url doc %+v", docs[0])
	}
}

func TestURLID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example.com/2024/03/05/bridge.html", "bridge"},
		{"https://news.example.com/world/story-123/", "story-123"},
		{"https://news.example.com/", "news.example.com"},
		{"https://news.example.com/news/index.html", "news.example.com/news/index.html"},
	}
	for _, tt := range tests {
		if got := urlID(tt.in); got != tt.want {
			t.Errorf("urlID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var _ = parallax.ErrEmpty
