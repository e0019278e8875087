// Package claim aligns the sentences of a story's articles into claims: one
// claim per fact, holding every sentence that states it, with the number
// of articles and of independent origins behind it.
package claim

import (
	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Align groups the body sentences of docs into claims.
// The claims issue fills this in; until then it returns none.
func Align(docs []*text.Document, ents *entity.Set) []parallax.Claim {
	return []parallax.Claim{}
}
