// Package quote finds who said what: direct quotes in quote marks and
// reported speech, each with its speaker resolved to an entity.
package quote

import (
	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Extract returns the quotes of a story's documents.
// The entities-and-quotes issue fills this in; until then it finds none.
func Extract(docs []*text.Document, ents *entity.Set) []parallax.Quote {
	return []parallax.Quote{}
}
