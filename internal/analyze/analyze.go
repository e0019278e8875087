// Package analyze runs the analyses over one story, in order: entities,
// quotes, claims, conflicts, framing, timeline, summary. Each analysis is
// its own package; this one only composes them into a parallax.Story.
package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/claim"
	"github.com/parallax-news/parallax/internal/conflict"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/frame"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/summarize"
	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/timeline"
)

// Options tune the analyses.
type Options struct {
	SummaryWords int // 0: summarize.DefaultWords
}

// Story analyses the documents of one story.
func Story(docs []*text.Document, opt Options) parallax.Story {
	st := parallax.Story{
		ID:        StoryID(docs),
		EventDate: parallax.NullString(timeline.EventDate(docs)),
		Articles:  make([]parallax.Article, len(docs)),
	}
	for i, d := range docs {
		st.Articles[i] = *d.Article
	}
	ents := entity.Extract(docs)
	st.Entities = ents.Entities
	st.Quotes = quote.Extract(docs, ents)
	sents := claim.NewModel(docs, ents) // one sentence model for claims and conflicts
	st.Claims = claim.AlignModel(sents)
	st.Conflicts = conflict.FindModel(sents, st.Claims, ents)
	st.Framing = frame.Analyze(docs, ents, st.Claims)
	st.Timeline = timeline.Build(docs)
	st.Headline, st.Summary = summarize.Summarize(docs, st.Claims, ents, summarize.Options{Words: opt.SummaryWords})
	return st
}

// StoryID is a stable id for a story: a hash of its sorted article ids.
func StoryID(docs []*text.Document) string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.Article.ID
	}
	sort.Strings(ids)
	h := sha256.New()
	for _, id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	return "story-" + hex.EncodeToString(h.Sum(nil))[:12]
}
