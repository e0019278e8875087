// Package conflict finds where a story's sources contradict each other:
// numbers, dates, attributions, and things said to have happened or not.
package conflict

import (
	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Find returns the conflicts among the claims of a story.
// The claims issue fills this in; until then it returns none.
func Find(docs []*text.Document, claims []parallax.Claim, ents *entity.Set) []parallax.Conflict {
	return []parallax.Conflict{}
}
