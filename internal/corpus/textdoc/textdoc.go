// Package textdoc makes text.Documents for the analysis stages' tests: from
// a plain text, and from the shared seed story and ECB+ (package corpus).
// It lives apart from corpus because package text's own tests use corpus.
// Nothing in the product imports this package.
package textdoc

import (
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/corpus"
	"github.com/parallax-news/parallax/internal/text"
)

// Of makes a document of paragraphs separated by newlines, blank or not.
func Of(id, body string) *text.Document {
	var paras []string
	for _, p := range strings.Split(body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return text.NewDocument(&parallax.Article{ID: id}, paras, time.Time{})
}

// Seeds returns the shared seed story, each article with the first three
// characters of its file name as id (skips when absent).
func Seeds(tb testing.TB) []*text.Document {
	var docs []*text.Document
	for _, s := range corpus.Seeds(tb) {
		docs = append(docs, Of(s.Name[:3], s.Text))
	}
	return docs
}

// ECBStories returns the ECB+ articles grouped by gold event (skips when
// absent).
func ECBStories(tb testing.TB) [][]*text.Document {
	var out [][]*text.Document
	for _, ev := range corpus.ECBEvents(tb) {
		var docs []*text.Document
		for _, a := range ev {
			docs = append(docs, Of(a.ID, a.Text))
		}
		out = append(out, docs)
	}
	return out
}
