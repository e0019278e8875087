// Package summarize writes a story's neutral headline and short summary,
// consensus first, each sentence citing every article that states it.
package summarize

import (
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Options tune the summary.
type Options struct {
	Words int // the summary's length limit in words; 0 means DefaultWords
}

// DefaultWords is the summary's default length limit.
const DefaultWords = 120

// maxHeadlineWords bounds the fallback headline.
const maxHeadlineWords = 20

// Summarize returns the story's headline and summary. The summary issue
// writes a real one; until then the headline is the shortest article title
// under the word limit (else the first sentence of the first article,
// shortened) and the summary is empty.
func Summarize(docs []*text.Document, claims []parallax.Claim, ents *entity.Set, opt Options) (string, []parallax.SummarySentence) {
	return fallbackHeadline(docs), []parallax.SummarySentence{}
}

func fallbackHeadline(docs []*text.Document) string {
	best := ""
	for _, d := range docs {
		t := string(d.Article.Title)
		if n := len(strings.Fields(t)); n > 0 && n < maxHeadlineWords && (best == "" || len(t) < len(best)) {
			best = t
		}
	}
	if best != "" {
		return best
	}
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			w := strings.Fields(d.Sentences[0].Text)
			if len(w) >= maxHeadlineWords {
				w = append(w[:maxHeadlineWords-1:maxHeadlineWords-1], "…")
			}
			return strings.Join(w, " ")
		}
	}
	return ""
}
