package feed

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/extract"
)

// Article is a new item of a feed with its page extracted.
type Article struct {
	Feed string // the feed's URL
	Item Item
	URL  string // the page's URL after redirects
	Page extract.Page
}

// PollOptions tune Poll. The zero value polls once with defaults.
type PollOptions struct {
	// Every repeats the pass at this interval until ctx is cancelled; zero
	// makes one pass.
	Every time.Duration
	// Seen reports links already stored, which are not fetched again; nil
	// means none. Links handled during this Poll are remembered anyway.
	Seen    func(link string) bool
	Extract extract.Options
	Logger  *slog.Logger
}

// Poll fetches each feed and the page of each item not seen before, and
// calls handle with the extracted article. Inputs that fail (a feed that is
// not a feed, a page that cannot be fetched or has no text) go to skip with
// their reason, and the rest goes on.
//
// Cancelling ctx stops Poll between articles: the article in hand is fetched
// (within the fetcher's timeout) and handed to handle before Poll returns,
// so handle is never interrupted. Poll returns nil after a cancellation, or
// the first error handle returns.
func Poll(ctx context.Context, f *Fetcher, feeds []string, opt PollOptions, handle func(Article) error, skip func(parallax.Skipped)) error {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	seen := map[string]bool{}
	for pass := 1; ; pass++ {
		for _, fu := range feeds {
			if ctx.Err() != nil {
				return nil
			}
			if err := pollFeed(ctx, f, fu, opt, seen, handle, skip, log); err != nil {
				return err
			}
		}
		if opt.Every <= 0 {
			return nil
		}
		log.Info("feeds polled", "pass", pass, "next", opt.Every)
		if err := sleepCtx(ctx, opt.Every); err != nil {
			return nil
		}
	}
}

func pollFeed(ctx context.Context, f *Fetcher, feedURL string, opt PollOptions, seen map[string]bool,
	handle func(Article) error, skip func(parallax.Skipped), log *slog.Logger) error {
	resp, err := f.Get(ctx, feedURL)
	if err != nil {
		if ctx.Err() == nil {
			skip(parallax.Skipped{Path: feedURL, Reason: errText(err, feedURL)})
		}
		return nil
	}
	if resp.NotModified {
		log.Debug("feed not modified", "feed", feedURL)
		return nil
	}
	fd, err := Parse(resp.Body)
	if err != nil {
		skip(parallax.Skipped{Path: feedURL, Reason: err.Error()})
		return nil
	}
	return fetchItems(ctx, f, feedURL, fd, opt, seen, handle, skip)
}

// Articles fetches the page of each item of an already parsed feed, as Poll
// does for one pass.
func Articles(ctx context.Context, f *Fetcher, feedURL string, fd *Feed, opt PollOptions, handle func(Article) error, skip func(parallax.Skipped)) error {
	return fetchItems(ctx, f, feedURL, fd, opt, map[string]bool{}, handle, skip)
}

func fetchItems(ctx context.Context, f *Fetcher, feedURL string, fd *Feed, opt PollOptions, seen map[string]bool,
	handle func(Article) error, skip func(parallax.Skipped)) error {
	for _, it := range fd.Items {
		if ctx.Err() != nil {
			return nil
		}
		if it.Link == "" {
			skip(parallax.Skipped{Path: feedURL, Reason: "item " + quoteShort(it.Title) + " has no link"})
			continue
		}
		if seen[it.Link] || (opt.Seen != nil && opt.Seen(it.Link)) {
			continue
		}
		seen[it.Link] = true
		// The article in hand is finished even if ctx is cancelled now.
		art, err := fetchArticle(context.WithoutCancel(ctx), f, feedURL, it, opt.Extract)
		if err != nil {
			skip(parallax.Skipped{Path: it.Link, Reason: errText(err, it.Link)})
			continue
		}
		if art == nil {
			continue // not modified
		}
		if err := handle(*art); err != nil {
			return err
		}
	}
	return nil
}

// fetchArticle fetches and extracts one item's page; nil when not modified.
func fetchArticle(ctx context.Context, f *Fetcher, feedURL string, it Item, opt extract.Options) (*Article, error) {
	resp, err := f.Get(ctx, it.Link)
	if err != nil {
		return nil, err
	}
	if resp.NotModified {
		return nil, nil
	}
	page, err := extract.HTML(resp.Body, resp.URL, opt)
	if err != nil {
		return nil, err
	}
	if page.Title == "" {
		page.Title = it.Title
	}
	if page.Published == "" {
		page.Published = it.Published
	}
	if page.Author == "" {
		page.Author = it.Author
	}
	return &Article{Feed: feedURL, Item: it, URL: resp.URL, Page: page}, nil
}

// errText is err's message without the repeated "get URL: " prefix.
func errText(err error, u string) string {
	s := err.Error()
	if p := "get " + u + ": "; len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	var e *parallax.InputError
	if errors.As(err, &e) {
		return e.Err.Error()
	}
	return s
}

func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return `"` + s + `"`
}
