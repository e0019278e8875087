package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

const rssDoc = `<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title><link>https://news.example.com/</link>
<item><title>Bridge approved</title><link>%s/a</link><guid>a</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><author>jane@example.com (Jane Doe)</author><description>The council voted.</description></item>
<item><title>Budget cut</title><link>%s/b</link><guid>b</guid><pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>
</channel></rss>`

const atomDoc = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Storm hits coast</title><link href="https://atom.example.com/storm"/><id>urn:1</id><published>2024-01-02T03:04:05Z</published><author><name>Ann Lee</name></author><content type="html">&lt;p&gt;Wind.&lt;/p&gt;</content></entry>
</feed>`

const jsonDoc = `{"version":"https://jsonfeed.org/version/1.1","title":"JSON News","items":[
{"id":"1","url":"https://json.example.com/one","title":"First","date_published":"2023-12-31T23:00:00-02:00","authors":[{"name":"Bo Kim"}],"content_html":"<p>Hi</p>"}]}`

func TestParse(t *testing.T) {
	tests := []struct {
		name, doc, title string
		want             Item
	}{
		{"rss", fmt.Sprintf(rssDoc, "https://news.example.com", "https://news.example.com"), "Example News",
			Item{Title: "Bridge approved", Link: "https://news.example.com/a", GUID: "a", Published: "2024-03-05", Author: "Jane Doe", Summary: "The council voted."}},
		{"atom", atomDoc, "Atom News",
			Item{Title: "Storm hits coast", Link: "https://atom.example.com/storm", GUID: "urn:1", Published: "2024-01-02", Author: "Ann Lee", Content: "<p>Wind.</p>"}},
		{"json feed", jsonDoc, "JSON News",
			Item{Title: "First", Link: "https://json.example.com/one", GUID: "1", Published: "2024-01-01", Author: "Bo Kim", Content: "<p>Hi</p>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || len(f.Items) == 0 {
				t.Fatalf("title %q, %d items", f.Title, len(f.Items))
			}
			if f.Items[0] != tt.want {
				t.Errorf("item = %+v\nwant   %+v", f.Items[0], tt.want)
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want error
	}{
		{"empty", "  ", parallax.ErrEmpty},
		{"html page", "<html><body><p>not a feed</p></body></html>", parallax.ErrMalformed},
		{"plain text", "hello world", parallax.ErrMalformed},
		{"broken xml", "<rss><channel><item><title>x", parallax.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.doc)); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadList(t *testing.T) {
	got, err := ReadList(strings.NewReader("# my feeds\nhttps://a.example/rss\n\n  http://b.example/atom  news\n"))
	if err != nil || fmt.Sprint(got) != "[https://a.example/rss http://b.example/atom]" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := ReadList(strings.NewReader("ftp://x\n")); !errors.Is(err, parallax.ErrMalformed) {
		t.Errorf("err = %v, want ErrMalformed", err)
	}
}

// fakeClock records the waits the fetcher asks for instead of sleeping.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	if d > 0 {
		c.t = c.t.Add(d)
	}
	return ctx.Err()
}

func testFetcher(clock *fakeClock) *Fetcher {
	f := NewFetcher()
	f.now, f.sleep = clock.now, clock.sleep
	return f
}

func TestFetcherConditionalGet(t *testing.T) {
	var mu sync.Mutex
	var got []http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Clone())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>page</p>")
	}))
	defer srv.Close()
	f := testFetcher(&fakeClock{t: time.Unix(0, 0)})
	r1, err := f.Get(context.Background(), srv.URL+"/a")
	if err != nil || r1.NotModified || string(r1.Body) != "<p>page</p>" || r1.ContentType != "text/html" {
		t.Fatalf("first get: %+v, %v", r1, err)
	}
	r2, err := f.Get(context.Background(), srv.URL+"/a")
	if err != nil || !r2.NotModified || len(r2.Body) != 0 {
		t.Fatalf("second get: %+v, %v", r2, err)
	}
	if ua := got[0].Get("User-Agent"); !strings.Contains(ua, "parallax") {
		t.Errorf("User-Agent %q does not name parallax", ua)
	}
	if got[0].Get("If-None-Match") != "" {
		t.Error("first request is conditional")
	}
	if got[1].Get("If-None-Match") != `"v1"` || got[1].Get("If-Modified-Since") != "Tue, 05 Mar 2024 10:00:00 GMT" {
		t.Errorf("second request headers %v", got[1])
	}
}

func TestFetcherPerHostRate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer srv.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer other.Close()
	clock := &fakeClock{t: time.Unix(0, 0)}
	f := testFetcher(clock)
	f.PerHost = 2 * time.Second
	for _, u := range []string{srv.URL + "/1", other.URL + "/1", srv.URL + "/2", srv.URL + "/3"} {
		if _, err := f.Get(context.Background(), u); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{0, 0, 2 * time.Second, 2 * time.Second}
	if fmt.Sprint(clock.sleeps) != fmt.Sprint(want) {
		t.Errorf("waits %v, want %v", clock.sleeps, want)
	}
}

func TestFetcherLimits(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write([]byte(strings.Repeat("x", 2000)))
		case "/chunked-big":
			w.(http.Flusher).Flush() // no Content-Length
			w.Write([]byte(strings.Repeat("x", 2000)))
		case "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		}
	}))
	defer srv.Close()
	f := testFetcher(&fakeClock{t: time.Unix(0, 0)})
	f.MaxSize = 1000
	f.Timeout = 50 * time.Millisecond
	tests := []struct {
		path string
		want error
	}{
		{"/big", parallax.ErrTooLarge},
		{"/chunked-big", parallax.ErrTooLarge},
		{"/slow", context.DeadlineExceeded},
		{"/gone", ErrHTTP},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := f.Get(context.Background(), srv.URL+tt.path)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := f.Get(context.Background(), "file:///etc/passwd"); !errors.Is(err, parallax.ErrUnsupported) {
		t.Errorf("file URL: err = %v, want ErrUnsupported", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(fmt.Sprintf(rssDoc, "https://x", "https://x")))
	f.Add([]byte(atomDoc))
	f.Add([]byte(jsonDoc))
	f.Add([]byte("<rss><channel><item><link>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data)
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			if it.Published != "" && len(it.Published) != 10 {
				t.Fatalf("published %q is not YYYY-MM-DD", it.Published)
			}
			if strings.ContainsAny(it.Title, "\n\t") {
				t.Fatalf("title %q spans lines", it.Title)
			}
		}
	})
}
