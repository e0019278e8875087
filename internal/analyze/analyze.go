// Package analyze runs the analyses over one story: entities first, then
// quotes and the timeline beside the claims, then conflicts and framing
// beside the summary. Each analysis is its own package and holds no
// goroutines; this one composes them into a parallax.Story and is, with the
// ingest runner, the only place where work runs concurrently.
package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"

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
	// The analyses only read the documents and the entities; those that do
	// not need each other's results run side by side, each writing its own
	// field of the story.
	var wg sync.WaitGroup
	wg.Go(func() { st.Quotes = quote.Extract(docs, ents) })
	wg.Go(func() { st.Timeline = timeline.Build(docs) })
	sents := claim.NewModel(docs, ents) // one sentence model for claims and conflicts
	st.Claims = claim.AlignModel(sents)
	wg.Go(func() { st.Conflicts = conflict.FindModel(sents, st.Claims, ents) })
	wg.Go(func() { st.Framing = frame.Analyze(docs, ents, st.Claims) })
	st.Headline, st.Summary = summarize.Summarize(docs, st.Claims, ents, summarize.Options{Words: opt.SummaryWords})
	wg.Wait()
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
