// Package feed reads RSS, Atom and JSON Feed documents and fetches the pages
// they link to, politely: a User-Agent naming parallax, a timeout and a size
// limit per request, a minimum interval between requests to one host, and
// conditional GET (ETag, Last-Modified) so that an unchanged feed or page
// costs the server a 304.
//
// Poll runs one pass over a list of feeds, or repeats passes until its
// context is cancelled, handing each new article (the page extracted by
// package extract) to a callback. It does not store anything: the caller
// decides where articles go.
package feed

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/parallax-news/parallax"
)

// Item is one entry of a feed.
type Item struct {
	Title     string
	Link      string
	GUID      string
	Published string // YYYY-MM-DD, or empty
	Author    string
	Summary   string // the item's description, often HTML
	Content   string // full content when the feed carries it, often HTML
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Link  string
	Items []Item
}

// Parse reads an RSS, Atom or JSON Feed document.
func Parse(data []byte) (*Feed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, parallax.ErrEmpty
	}
	f, err := parseSafe(data)
	if err != nil {
		return nil, fmt.Errorf("%w: not an RSS, Atom or JSON feed: %v", parallax.ErrMalformed, err)
	}
	out := &Feed{Title: oneLine(f.Title), Link: f.Link}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{
			Title:   oneLine(it.Title),
			Link:    strings.TrimSpace(it.Link),
			GUID:    it.GUID,
			Summary: it.Description,
			Content: it.Content,
		}
		if item.Link == "" && len(it.Links) > 0 {
			item.Link = strings.TrimSpace(it.Links[0])
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC().Format("2006-01-02")
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC().Format("2006-01-02")
		}
		var names []string
		for _, a := range it.Authors {
			if a != nil && a.Name != "" {
				names = append(names, oneLine(a.Name))
			}
		}
		item.Author = strings.Join(names, ", ")
		out.Items = append(out.Items, item)
	}
	return out, nil
}

func parseSafe(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parser panic: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ReadList reads a feeds list: one URL per line; blank lines and lines
// starting with # are ignored, as is anything after the URL on its line.
func ReadList(r io.Reader) ([]string, error) {
	var urls []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u := strings.Fields(line)[0]
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return urls, fmt.Errorf("feeds list line %d: %w: %q is not an http(s) URL", n, parallax.ErrMalformed, u)
		}
		urls = append(urls, u)
	}
	return urls, sc.Err()
}

// LoadList reads a feeds list file (see ReadList).
func LoadList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read feeds list %s: %w", path, err)
	}
	defer f.Close()
	urls, err := ReadList(f)
	if err != nil {
		return urls, fmt.Errorf("read feeds list %s: %w", path, err)
	}
	return urls, nil
}
