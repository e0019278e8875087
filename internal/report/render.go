package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	parallax "github.com/parallax-news/parallax"
)

// writer is what a report format knows how to write.
type writer interface {
	heading(level int, s string)
	para(s string)
	list(items []string)
	table(head []string, rows [][]string)
	flush() error
}

// Markdown writes the report as Markdown.
func Markdown(w io.Writer, rep parallax.Report) error { return render(newMarkdown(w), rep) }

// Terminal writes the report as plain text for a terminal.
func Terminal(w io.Writer, rep parallax.Report) error { return render(newTerminal(w), rep) }

// maxPerOutlet bounds the "reported by one outlet only" list of each article.
const maxPerOutlet = 8

func render(w writer, rep parallax.Report) error {
	for si := range rep.Stories {
		st := &rep.Stories[si]
		w.heading(1, st.Headline)
		outlets := outletNames(st)
		meta := fmt.Sprintf("Story %s · %d articles from %d outlets", st.ID, len(st.Articles), len(uniq(outlets)))
		if st.EventDate != "" {
			meta += " · event date " + string(st.EventDate)
		}
		w.para(meta)
		articlesSection(w, st)
		summarySection(w, st)
		claimsSection(w, st)
		conflictsSection(w, st)
		entitiesSection(w, st)
		quotesSection(w, st)
		framingSection(w, st)
		timelineSection(w, st)
	}
	if len(rep.Stories) == 0 {
		w.heading(1, "No story")
		w.para("No article could be read.")
	}
	if len(rep.Skipped) > 0 {
		w.heading(2, "Skipped inputs")
		items := make([]string, len(rep.Skipped))
		for i, s := range rep.Skipped {
			items[i] = s.Path + ": " + s.Reason
		}
		w.list(items)
	}
	if len(rep.Warnings) > 0 {
		w.heading(2, "Warnings")
		items := make([]string, len(rep.Warnings))
		for i, s := range rep.Warnings {
			items[i] = s.Path + ": " + s.Reason
		}
		w.list(items)
	}
	return w.flush()
}

// outletNames maps each article to its outlet, or its id when the outlet is unknown.
func outletNames(st *parallax.Story) []string {
	out := make([]string, len(st.Articles))
	for i, a := range st.Articles {
		out[i] = or(string(a.Source), a.ID)
	}
	return out
}

func articlesSection(w writer, st *parallax.Story) {
	w.heading(2, "Articles")
	rows := make([][]string, len(st.Articles))
	for i, a := range st.Articles {
		dup := ""
		if a.DuplicateOf != "" {
			dup = "copy of " + string(a.DuplicateOf)
		}
		rows[i] = []string{a.ID, or(string(a.Source), "?"), or(string(a.Published), "?"), or(string(a.Dateline), "-"),
			strconv.Itoa(len(a.Sentences)), strconv.Itoa(len(a.Removed)), strconv.Itoa(len(a.Headings)), dup}
	}
	w.table([]string{"article", "outlet", "date", "dateline", "sentences", "removed", "headings", "note"}, rows)
}

func summarySection(w writer, st *parallax.Story) {
	w.heading(2, "Summary")
	if len(st.Summary) == 0 {
		w.para("No summary yet.")
		return
	}
	var b strings.Builder
	for i, s := range st.Summary {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(s.Text + " [" + strings.Join(s.Citations, ", ") + "]")
	}
	w.para(b.String())
}

func claimsSection(w writer, st *parallax.Story) {
	w.heading(2, "What the sources agree on")
	claims := append([]parallax.Claim(nil), st.Claims...)
	sort.SliceStable(claims, func(i, j int) bool {
		if claims[i].IndependentSources != claims[j].IndependentSources {
			return claims[i].IndependentSources > claims[j].IndependentSources
		}
		return claims[i].Sources > claims[j].Sources
	})
	var shared []string
	for _, c := range claims {
		if c.Sources < 2 {
			continue
		}
		shared = append(shared, fmt.Sprintf("%s (%d sources, %d independent: %s)", c.Text, c.Sources, c.IndependentSources, strings.Join(refArticles(c.Support), ", ")))
	}
	if len(shared) == 0 {
		w.para("No claim is made by more than one article.")
	} else {
		w.list(shared)
	}
	w.heading(2, "Reported by one outlet only")
	byArticle := map[string][]string{}
	for _, c := range claims {
		if c.Sources == 1 && len(c.Support) > 0 {
			a := c.Support[0].Article
			byArticle[a] = append(byArticle[a], c.Text)
		}
	}
	any := false
	for _, a := range st.Articles {
		items := byArticle[a.ID]
		if len(items) == 0 {
			continue
		}
		any = true
		if len(items) > maxPerOutlet {
			items = append(items[:maxPerOutlet:maxPerOutlet], fmt.Sprintf("… and %d more", len(byArticle[a.ID])-maxPerOutlet))
		}
		name := a.ID
		if a.Source != "" {
			name = string(a.Source) + " (" + a.ID + ")"
		}
		w.heading(3, name)
		w.list(items)
	}
	if !any {
		w.para("None found.")
	}
}

func conflictsSection(w writer, st *parallax.Story) {
	w.heading(2, "Where they disagree")
	if len(st.Conflicts) == 0 {
		w.para("No conflict found.")
		return
	}
	rows := make([][]string, len(st.Conflicts))
	for i, c := range st.Conflicts {
		rows[i] = []string{c.Kind, c.A.Article + ": " + c.A.Sentence, c.B.Article + ": " + c.B.Sentence, c.Explanation}
	}
	w.table([]string{"kind", "one says", "another says", "why it matters"}, rows)
}

func entitiesSection(w writer, st *parallax.Story) {
	w.heading(2, "Who and what is named")
	if len(st.Entities) == 0 {
		w.para("No entity found.")
		return
	}
	rows := make([][]string, len(st.Entities))
	for i, e := range st.Entities {
		rows[i] = []string{e.Name, e.Type, strings.Join(e.Aliases, "; "), strconv.Itoa(len(e.Articles)), strconv.Itoa(e.Mentions)}
	}
	w.table([]string{"name", "type", "aliases", "outlets", "mentions"}, rows)
}

func quotesSection(w writer, st *parallax.Story) {
	w.heading(2, "Who said what")
	if len(st.Quotes) == 0 {
		w.para("No quote found.")
		return
	}
	var speakers []string
	by := map[string][]string{}
	for _, q := range st.Quotes {
		sp := or(string(q.Speaker), "unknown speaker")
		if _, ok := by[sp]; !ok {
			speakers = append(speakers, sp)
		}
		t := "“" + q.Text + "”"
		if !q.Direct {
			t = "(reported) " + q.Text
		}
		by[sp] = append(by[sp], t+" ["+q.Article+"]")
	}
	for _, sp := range speakers {
		w.heading(3, sp)
		w.list(by[sp])
	}
}

func framingSection(w writer, st *parallax.Story) {
	w.heading(2, "How each outlet frames it")
	any := false
	for _, f := range st.Framing {
		if len(f.Terms) == 0 {
			continue
		}
		any = true
		var cats []string
		by := map[string][]string{}
		for _, t := range f.Terms {
			if _, ok := by[t.Category]; !ok {
				cats = append(cats, t.Category)
			}
			s := t.Text
			if t.RefersTo != "" {
				s += " (" + string(t.RefersTo) + ")"
			}
			by[t.Category] = append(by[t.Category], s)
		}
		items := make([]string, len(cats))
		for i, c := range cats {
			items[i] = c + ": " + strings.Join(by[c], "; ")
		}
		w.heading(3, f.Article)
		w.list(items)
	}
	if !any {
		w.para("No framing terms found.")
	}
}

func timelineSection(w writer, st *parallax.Story) {
	w.heading(2, "Timeline")
	if len(st.Timeline) == 0 {
		w.para("No dated event found.")
		return
	}
	rows := make([][]string, len(st.Timeline))
	for i, e := range st.Timeline {
		rows[i] = []string{e.Date, e.Text, strings.Join(refArticles(e.Support), ", ")}
	}
	w.table([]string{"date", "what", "articles"}, rows)
}

// refArticles lists the distinct articles of refs in order.
func refArticles(refs []parallax.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Article)
	}
	return uniq(out)
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
