package entity

import (
	"github.com/parallax-news/parallax/internal/corpus"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// docOf makes a document of paragraphs separated by blank lines or newlines.
func docOf(id, body string) *text.Document {
	var paras []string
	for _, p := range strings.Split(body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return text.NewDocument(&parallax.Article{ID: id}, paras, time.Time{})
}

// seedDocs reads the shared seed story (skips when absent).
func seedDocs(tb testing.TB) []*text.Document {
	var docs []*text.Document
	for _, s := range corpus.Seeds(tb) {
		docs = append(docs, docOf(s.Name[:3], s.Text))
	}
	return docs
}

// ecbStories reads ECB+ articles grouped by gold event (skips when absent).
func ecbStories(tb testing.TB) [][]*text.Document {
	var out [][]*text.Document
	for _, ev := range corpus.ECBEvents(tb) {
		var docs []*text.Document
		for _, a := range ev {
			docs = append(docs, docOf(a.ID, a.Text))
		}
		out = append(out, docs)
	}
	return out
}
