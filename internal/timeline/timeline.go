// Package timeline dates what a story's articles tell: temporal expressions
// resolved against each article's publication day, gathered into dated
// events with their supporting sentences, and the day of the story's main
// event.
package timeline

import (
	"sort"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

// mention is one date expression in one sentence.
type mention struct {
	doc, sent int
	date      string
	stems     map[string]bool // content stems of the sentence, date words left out
}

// minShared is how many content stems two same-day mentions must share to
// be one event.
const minShared = 2

// Build returns the story's timeline, sorted by date: every sentence that
// dates something, with dates resolved against its article's publication
// day, grouped so that one event told by several sentences or articles is
// one entry citing all of them. An article without a publication day
// resolves relative dates against the story's earliest known one; a
// sentence without a date expression is never dated by publication.
func Build(docs []*text.Document) []parallax.TimelineEvent {
	storyRef := earliestPublished(docs)
	var ms []mention
	for di, d := range docs {
		ref := d.Published
		if ref.IsZero() {
			ref = storyRef
		}
		for si, s := range d.Sentences {
			found := temporal.Find(s.Text, ref)
			if len(found) == 0 {
				continue
			}
			dateWords := map[string]bool{}
			for _, m := range found {
				for _, t := range text.Tokenize(m.Text) {
					dateWords[t.Stem] = true
				}
			}
			stems := map[string]bool{}
			for _, t := range s.Tokens {
				if !t.Stop && t.Kind == text.Word && !dateWords[t.Stem] && len(t.Stem) > 1 {
					stems[t.Stem] = true
				}
			}
			seen := map[string]bool{}
			for _, m := range found {
				ds := m.Date.String()
				if seen[ds] {
					continue
				}
				seen[ds] = true
				ms = append(ms, mention{doc: di, sent: si, date: ds, stems: stems})
			}
		}
	}
	// union same-date mentions that share content words
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if ms[i].date == ms[j].date && shared(ms[i].stems, ms[j].stems) >= minShared {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range ms {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([]parallax.TimelineEvent, 0, len(roots))
	for _, r := range roots {
		g := groups[r]
		ev := parallax.TimelineEvent{Date: ms[r].date, Text: docs[ms[central(ms, g)].doc].Sentences[ms[central(ms, g)].sent].Text}
		for _, i := range g {
			d := docs[ms[i].doc]
			ev.Support = append(ev.Support, parallax.Ref{Article: d.Article.ID, Sentence: d.Sentences[ms[i].sent].Text})
		}
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// central returns the mention of g sharing most words with the others,
// the shorter sentence on ties.
func central(ms []mention, g []int) int {
	best, bestScore := g[0], -1
	for _, i := range g {
		score := 0
		for _, j := range g {
			if i != j {
				score += shared(ms[i].stems, ms[j].stems)
			}
		}
		if score > bestScore || score == bestScore && len(ms[i].stems) < len(ms[best].stems) {
			best, bestScore = i, score
		}
	}
	return best
}

func shared(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// earliestPublished returns the earliest publication day of docs, zero
// when none is known.
func earliestPublished(docs []*text.Document) time.Time {
	var t time.Time
	for _, d := range docs {
		if !d.Published.IsZero() && (t.IsZero() || d.Published.Before(t)) {
			t = d.Published
		}
	}
	return t
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
