package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
)

// UserAgent names parallax in every request.
const UserAgent = "parallax/1 (news analyser; +https://github.com/parallax-news/parallax)"

// ErrHTTP is the reason of a response with a status other than 200 and 304.
var ErrHTTP = errors.New("http error")

// Fetcher gets URLs politely. Its zero value is not ready: use NewFetcher.
// It is safe for concurrent use.
type Fetcher struct {
	Client    *http.Client
	UserAgent string
	MaxSize   int64         // largest body read; parallax.ErrTooLarge beyond
	Timeout   time.Duration // per request, headers and body
	PerHost   time.Duration // minimum interval between requests to one host

	// now and sleep are the clock, replaced in tests.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error

	mu         sync.Mutex
	next       map[string]time.Time  // host: earliest time of the next request
	validators map[string]Validators // URL: from its last 200 response
}

// Validators are what a conditional GET sends back to the server.
type Validators struct {
	ETag         string
	LastModified string
}

// NewFetcher returns a Fetcher with a 30 s timeout, a 10 MiB size limit and
// one request per second per host.
func NewFetcher() *Fetcher {
	return &Fetcher{
		Client:     &http.Client{},
		UserAgent:  UserAgent,
		MaxSize:    10 << 20,
		Timeout:    30 * time.Second,
		PerHost:    time.Second,
		now:        time.Now,
		sleep:      sleepCtx,
		next:       map[string]time.Time{},
		validators: map[string]Validators{},
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Response is a fetched URL.
type Response struct {
	URL         string // after redirects
	Status      int
	NotModified bool // 304: the body is empty and the caller has it already
	ContentType string
	Body        []byte
	Validators  Validators
}

// SetValidators records what the server sent for rawURL last time, for
// example from a store, so that the next Get is conditional.
func (f *Fetcher) SetValidators(rawURL string, v Validators) {
	f.mu.Lock()
	f.validators[rawURL] = v
	f.mu.Unlock()
}

// wait blocks until a request to host is allowed and books the next slot.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	now := f.now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.PerHost)
	f.mu.Unlock()
	return f.sleep(ctx, at.Sub(now))
}

// Get fetches rawURL, conditionally when it was fetched before.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("get %s: %w: not an http(s) URL", rawURL, parallax.ErrUnsupported)
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	f.mu.Lock()
	v := f.validators[rawURL]
	f.mu.Unlock()
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode}
	out.ContentType, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		out.NotModified = true
		out.Validators = v
		return out, nil
	default:
		return out, fmt.Errorf("get %s: %w: %s", rawURL, ErrHTTP, resp.Status)
	}
	if resp.ContentLength > f.MaxSize {
		return out, fmt.Errorf("get %s: %w: %d bytes, the limit is %d", rawURL, parallax.ErrTooLarge, resp.ContentLength, f.MaxSize)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxSize+1))
	if err != nil {
		return out, fmt.Errorf("get %s: %w", rawURL, err)
	}
	if int64(len(body)) > f.MaxSize {
		return out, fmt.Errorf("get %s: %w: over %d bytes", rawURL, parallax.ErrTooLarge, f.MaxSize)
	}
	out.Body = body
	out.Validators = Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if out.Validators != (Validators{}) {
		f.SetValidators(rawURL, out.Validators)
	}
	return out, nil
}
