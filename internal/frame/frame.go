// Package frame describes how each article frames the story: the labels it
// gives people and sides, its name for the war or event, whom it cites,
// loaded words, its most distinctive terms and what it leaves out.
package frame

import (
	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Analyze returns one Framing per document, in document order.
// The framing issue fills the terms in; until then they are empty.
func Analyze(docs []*text.Document, ents *entity.Set, claims []parallax.Claim) []parallax.Framing {
	out := make([]parallax.Framing, len(docs))
	for i, d := range docs {
		out[i] = parallax.Framing{Article: d.Article.ID, Terms: []parallax.Term{}}
	}
	return out
}
