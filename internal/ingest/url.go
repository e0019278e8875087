package ingest

import (
	"context"
	"net/url"
	"path"
	"strings"
	"sync"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
)

// Fetcher gets the http(s) URLs given as inputs: politely, see package feed.
// Replace it (before Walk) to change limits or the client.
var Fetcher = sync.OnceValue(feed.NewFetcher)

// isURL reports an http(s) URL argument.
func isURL(p string) bool {
	low := strings.ToLower(p)
	return strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://")
}

// readURL fetches a page and extracts its article. A URL that turns out to
// be a feed (RSS, Atom, JSON Feed) yields the articles of its items.
func readURL(ctx context.Context, rawURL string, emit func(Doc) error, skip func(parallax.Skipped)) error {
	f := Fetcher()
	resp, err := f.Get(ctx, rawURL)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		skip(parallax.Skipped{Path: rawURL, Reason: strings.TrimPrefix(err.Error(), "get "+rawURL+": ")})
		return nil
	}
	if !isHTML(resp.ContentType, resp.Body) {
		if fd, perr := feed.Parse(resp.Body); perr == nil {
			return feed.Articles(ctx, f, rawURL, fd, feed.PollOptions{}, func(a feed.Article) error {
				return emit(FeedDoc(a))
			}, skip)
		}
	}
	p, err := extract.HTML(resp.Body, resp.URL, extract.Options{})
	if err != nil {
		skip(parallax.Skipped{Path: rawURL, Reason: err.Error()})
		return nil
	}
	return emit(pageDoc(urlID(resp.URL), rawURL, resp.URL, p, "url"))
}

// FeedDoc is the document of a feed item's fetched page.
func FeedDoc(a feed.Article) Doc {
	d := pageDoc(urlID(a.URL), a.URL, a.URL, a.Page, "feed")
	if d.Title == "" {
		d.Title = a.Item.Title
	}
	if d.Published == "" {
		d.Published = a.Item.Published
	}
	return d
}

// PollFeeds reads the articles of feeds, again every opt.Every until ctx
// is done (once when Every is zero), through the shared polite Fetcher.
func PollFeeds(ctx context.Context, feeds []string, opt feed.PollOptions, emit func(Doc) error, skip func(parallax.Skipped)) error {
	return feed.Poll(ctx, Fetcher(), feeds, opt, func(a feed.Article) error { return emit(FeedDoc(a)) }, skip)
}

// urlID is a document id for a URL: the last path segment without its
// extension, or the host for a bare domain.
func urlID(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	seg := path.Base(strings.TrimRight(u.Path, "/"))
	if seg == "." || seg == "/" || seg == "" {
		return u.Host
	}
	if ext := path.Ext(seg); len(ext) <= 6 {
		seg = strings.TrimSuffix(seg, ext)
	}
	if seg == "" || seg == "index" {
		return u.Host + strings.TrimSuffix(u.Path, "/")
	}
	return seg
}
