// Package timeline dates what a story's articles tell: temporal expressions
// resolved against each article's publication day, gathered into dated
// events with their supporting sentences, and the day of the story's main
// event.
package timeline

import (
	"sort"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

// Build returns the story's timeline, sorted by date.
// The timeline issue fills this in; until then it returns none.
func Build(docs []*text.Document) []parallax.TimelineEvent {
	return []parallax.TimelineEvent{}
}

// leadSentences is how many opening sentences of an article speak for its
// main event.
const leadSentences = 2

// EventDate returns the day of the story's main event (YYYY-MM-DD), or ""
// when no article gives one. Each article votes once: for the day its lead
// sentences name ("on Friday" resolved against its publication day), else
// for its publication day. Lead-sentence days weigh double, since an
// outlet may publish days after the event; ties go to the earlier day.
func EventDate(docs []*text.Document) string {
	votes := map[string]int{}
	for _, d := range docs {
		day := ""
		for i := 0; i < len(d.Sentences) && i < leadSentences && day == ""; i++ {
			for _, m := range temporal.Find(d.Sentences[i].Text, d.Published) {
				if m.Date.Day != 0 && m.Relative && !d.Published.IsZero() && !m.Date.Time().After(d.Published) {
					day = m.Date.String()
					break
				}
			}
		}
		switch {
		case day != "":
			votes[day] += 2
		case !d.Published.IsZero():
			votes[d.Published.Format("2006-01-02")]++
		}
	}
	days := make([]string, 0, len(votes))
	for k := range votes {
		days = append(days, k)
	}
	sort.Slice(days, func(i, j int) bool {
		if votes[days[i]] != votes[days[j]] {
			return votes[days[i]] > votes[days[j]]
		}
		return strings.Compare(days[i], days[j]) < 0
	})
	if len(days) == 0 {
		return ""
	}
	return days[0]
}
