package ingest

import (
	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/extract"
)

// HTML pages, plain or gzip-compressed, go through package extract.
func init() {
	for _, ext := range []string{".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"} {
		formats[ext] = readHTML
	}
}

// readHTML extracts the article of one HTML page.
func readHTML(path string, data []byte, emit func(Doc) error, skip func(parallax.Skipped)) error {
	p, err := extract.HTML(data, "", extract.Options{})
	if err != nil {
		skip(parallax.Skipped{Path: path, Reason: err.Error()})
		return nil
	}
	return emit(pageDoc(baseID(path), path, "", p, "html"))
}

// pageDoc is the document of an extracted page; pageURL is where it was
// fetched from, used when the page names no canonical URL.
func pageDoc(id, path, pageURL string, p extract.Page, format string) Doc {
	u := p.URL
	if u == "" {
		u = pageURL
	}
	return Doc{ID: id, Path: path, Text: p.Text, Title: p.Title, Published: p.Published,
		Source: p.Site, URL: u, Author: p.Author, Language: p.Language, Format: format}
}
