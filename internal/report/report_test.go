package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

func sample() parallax.Report {
	return parallax.Report{
		Schema: parallax.Schema,
		Stories: []parallax.Story{{
			ID: "story-1", Headline: "Leaders meet <online>", EventDate: "2022-12-30",
			Articles: []parallax.Article{
				{ID: "a", Source: "AP", Published: "2022-12-30", Headings: []string{}, Removed: []string{"Leave a Reply"}, Sentences: []string{"Leaders met on Friday.", "They spoke | briefly."}},
				{ID: "b", Headings: []string{}, Removed: []string{}, Sentences: []string{"The leaders met by video."}},
			},
			Entities:  []parallax.Entity{{Name: "Xi Jinping", Type: parallax.Person, Aliases: []string{"Xi"}, Articles: []string{"a", "b"}, Mentions: 3}},
			Quotes:    []parallax.Quote{{Speaker: "Xi Jinping", Text: "peace", Article: "a", Direct: true}, {Text: "more talks", Article: "b"}},
			Claims:    []parallax.Claim{{ID: "c1", Text: "Leaders met on Friday.", Support: []parallax.Ref{{Article: "a", Sentence: "Leaders met on Friday."}, {Article: "b", Sentence: "The leaders met by video."}}, Sources: 2, IndependentSources: 2}, {ID: "c2", Text: "They spoke | briefly.", Support: []parallax.Ref{{Article: "a", Sentence: "They spoke | briefly."}}, Sources: 1, IndependentSources: 1}},
			Conflicts: []parallax.Conflict{{Kind: parallax.NumberConflict, A: parallax.Ref{Article: "a", Sentence: "x"}, B: parallax.Ref{Article: "b", Sentence: "y"}, Explanation: "48 pages | 47 pages"}},
			Framing:   []parallax.Framing{{Article: "a", Terms: []parallax.Term{{Text: "dictator", Category: parallax.LabelTerm, RefersTo: "Xi Jinping"}}}, {Article: "b", Terms: []parallax.Term{}}},
			Timeline:  []parallax.TimelineEvent{{Date: "2022-12-30", Text: "Leaders met", Support: []parallax.Ref{{Article: "a", Sentence: "Leaders met on Friday."}}}},
			Summary:   []parallax.SummarySentence{{Text: "Leaders met on Friday.", Citations: []string{"a", "b"}}},
		}},
		Skipped:  []parallax.Skipped{{Path: "x.bin", Reason: "binary content"}},
		Warnings: []parallax.Skipped{},
	}
}

func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	st := m["stories"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "headline", "event_date", "articles", "entities", "quotes", "claims", "conflicts", "framing", "timeline", "summary"} {
		if _, ok := st[k]; !ok {
			t.Errorf("story lacks %q", k)
		}
	}
	a := st["articles"].([]any)[1].(map[string]any)
	if a["source"] != nil || a["published"] != nil || a["duplicate_of"] != nil {
		t.Errorf("unknown fields must be null: %v", a)
	}
	if !strings.Contains(buf.String(), "<online>") {
		t.Error("HTML characters must not be escaped")
	}
	q := st["quotes"].([]any)[1].(map[string]any)
	if q["speaker"] != nil {
		t.Errorf("unknown speaker must be null, got %v", q["speaker"])
	}
}

func TestMarkdownAndTerminal(t *testing.T) {
	var md, term bytes.Buffer
	if err := Markdown(&md, sample()); err != nil {
		t.Fatal(err)
	}
	if err := Terminal(&term, sample()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Leaders meet <online>", "| a | AP | 2022-12-30 |", "### Xi Jinping", "48 pages \\| 47 pages", "x.bin: binary content", "Leaders met on Friday. [a, b]"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	for _, want := range []string{"Leaders meet <online>\n=====", "What the sources agree on", "Leaders met on Friday. (2 sources, 2 independent: a, b)", "Reported by one outlet only", "  AP (a):", "dictator (Xi Jinping)", "unknown speaker"} {
		if !strings.Contains(term.String(), want) {
			t.Errorf("terminal report lacks %q", want)
		}
	}
}

func BenchmarkReports(b *testing.B) {
	rep := sample()
	for range 6 { // a story of a few hundred claims
		rep.Stories[0].Claims = append(rep.Stories[0].Claims, rep.Stories[0].Claims...)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		JSON(&buf, rep)
		Markdown(&buf, rep)
		Terminal(&buf, rep)
	}
}
