package clean

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestDateline(t *testing.T) {
	tests := []struct {
		name, in, ref             string
		place, agency, date, rest string
	}{
		{"ANI with region", "Beijing [China], December 30 (ANI): China and Russia should act.", "2022-12-30", "Beijing", "ANI", "2022-12-30", "China and Russia should act."},
		{"TDI day month year", "Beijing, 2 January 2023 (TDI): Chinese President Xi met Putin.", "", "Beijing", "TDI", "2023-01-02", "Chinese President Xi met Putin."},
		{"Reuters caps", "LONDON (Reuters) - British inflation rose.", "", "LONDON", "Reuters", "", "British inflation rose."},
		{"em dash caps", "WASHINGTON — The Senate voted on Tuesday.", "", "WASHINGTON", "", "", "The Senate voted on Tuesday."},
		{"caps with state", "WASHINGTON, D.C. — Lawmakers met.", "", "WASHINGTON", "", "", "Lawmakers met."},
		{"date and agency", "NEW YORK, Jan 5 (Reuters) - Stocks fell.", "2023-01-06", "NEW YORK", "Reuters", "2023-01-05", "Stocks fell."},
		{"PTI India", "New Delhi, March 3 (PTI) The government said on Friday.", "2021-03-04", "New Delhi", "PTI", "2021-03-03", "The government said on Friday."},
		{"AP with country", "Kyiv, Ukraine (AP) — Explosions rocked the capital.", "", "Kyiv", "AP", "", "Explosions rocked the capital."},
		{"year from reference before new year", "Tokyo, Dec. 31 (Kyodo) - Markets closed.", "2023-01-02", "Tokyo", "Kyodo", "2022-12-31", "Markets closed."},
		{"agency not a date", "Paris, 14 July (AFP): Crowds gathered.", "2020-07-14", "Paris", "AFP", "2020-07-14", "Crowds gathered."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ref time.Time
			if tc.ref != "" {
				ref = day(tc.ref)
			}
			got, ok := Dateline(tc.in, ref)
			if !ok {
				t.Fatalf("no dateline in %q", tc.in)
			}
			if got.Place != tc.place || got.Agency != tc.agency || got.Date != tc.date || strings.TrimSpace(tc.in[got.End:]) != tc.rest {
				t.Errorf("got place=%q agency=%q date=%q rest=%q, want %q %q %q %q", got.Place, got.Agency, got.Date, tc.in[got.End:], tc.place, tc.agency, tc.date, tc.rest)
			}
		})
	}
}

func TestNoDateline(t *testing.T) {
	for _, in := range []string{
		"The two Presidents exchanged views on the Ukraine crisis.",
		"While Moscow continues targeting civilians, Chinese President Xi Jinping said so.",
		"In a response that lasted about two minutes, Xi said that China is ready.",
		"Russian President Vladimir Putin and his Chinese counterpart Xi Jinping held a video summit on Friday.",
		"Ukraine: Heavy attacks on infrastructure",
		"“The intensive bilateral exchange will continue next year,” Putin said.",
	} {
		if got, ok := Dateline(in, time.Time{}); ok {
			t.Errorf("Dateline(%q) = %+v, want none", in, got)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		doc  ingest.Doc
		want Result
	}{
		{
			name: "title, marker, dateline, closing credit",
			doc:  ingest.Doc{Text: "Storm hits the coast\n\n date 2021-03-04 MIAMI (AP) — A storm hit Florida on Thursday.\n\nPower was cut. (AP)\n"},
			want: Result{Title: "Storm hits the coast", Published: "2021-03-04", Dateline: "MIAMI", Source: "AP",
				Paragraphs: []string{"A storm hit Florida on Thursday.", "Power was cut."}},
		},
		{
			name: "boilerplate and headings",
			doc:  ingest.Doc{Text: "Officials met on Monday to discuss the budget and agreed on a plan.\n\nRead more: Budget talks stall\n\nWhat comes next\n\nThe plan goes to a vote.\n\nShare this article\n\nFollow us on Twitter for more\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nSubscribe to our newsletter\n"},
			want: Result{Headings: []string{"What comes next"},
				Removed:    []string{"Read more: Budget talks stall", "Share this article", "Follow us on Twitter for more", "Leave a Reply", "Your email address will not be published. Required fields are marked *", "Subscribe to our newsletter"},
				Paragraphs: []string{"Officials met on Monday to discuss the budget and agreed on a plan.", "The plan goes to a vote."}},
		},
		{
			name: "site promo names the source and its name line goes",
			doc:  ingest.Doc{Text: "The council approved the new park on Tuesday evening.\n\nNewsDaily24\n\nWelcome to NewsDaily24, your number one source for all things news. We're dedicated to giving you the very best of news.\n"},
			want: Result{Source: "NewsDaily24",
				Removed:    []string{"NewsDaily24", "Welcome to NewsDaily24, your number one source for all things news. We're dedicated to giving you the very best of news."},
				Paragraphs: []string{"The council approved the new park on Tuesday evening."}},
		},
		{
			name: "related link with non-breaking space and typographic quotes",
			doc:  ingest.Doc{Text: "He said the deal was “done” on Friday.\n\nAlso Read:\u00a0Markets rally after the deal\n\nRelated: Another story here\n"},
			want: Result{Removed: []string{"Also Read: Markets rally after the deal", "Related: Another story here"},
				Paragraphs: []string{"He said the deal was “done” on Friday."}},
		},
		{
			name: "hard-wrapped lines are joined",
			doc:  ingest.Doc{Text: "The minister said the talks would\ncontinue next week in Geneva.\nA second round is planned.\n"},
			want: Result{Paragraphs: []string{"The minister said the talks would continue next week in Geneva.", "A second round is planned."}},
		},
		{
			name: "metadata wins and an unknown date is a note",
			doc:  ingest.Doc{Title: "Given title", Source: "Outlet", Published: "sometime soon", Text: "Given title\n\nBody text is here and long enough.\n"},
			want: Result{Title: "Given title", Source: "Outlet", Notes: []string{`unknown date "sometime soon"; publication date left empty`},
				Paragraphs: []string{"Body text is here and long enough."}},
		},
		{
			name: "with inputs from credit line",
			doc:  ingest.Doc{Text: "Rescue teams reached the village after the flood.\n\n(With inputs from PTI)\n"},
			want: Result{Source: "PTI", Removed: []string{"(With inputs from PTI)"}, Paragraphs: []string{"Rescue teams reached the village after the flood."}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Clean(tc.doc)
			if tc.want.Headings == nil {
				tc.want.Headings = []string{}
			}
			if tc.want.Removed == nil {
				tc.want.Removed = []string{}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Clean()\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestHeading(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Ukraine Crisis", true},
		{"Xi sees bumpy road to peace talks", true},
		{"Ukraine: Heavy attacks on infrastructure", true},
		{"Statements made by Russian President", true},
		{"The plan goes to a vote.", false},
		{"What happens now?", false},
		{"and then some more", false},
		{"This line is a long sentence without a final period that goes on and on well past any heading length", false},
		{"2024 in review", true},
	}
	for _, tc := range tests {
		if got := isHeading(tc.in); got != tc.want {
			t.Errorf("isHeading(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]string{
		"2022-12-30":                    "2022-12-30",
		"2022-12-30T10:00:00Z":          "2022-12-30",
		"Fri, 30 Dec 2022 10:00:00 GMT": "2022-12-30",
		"December 30, 2022":             "2022-12-30",
		"2 January 2023":                "2023-01-02",
		"yesterday":                     "",
	}
	for in, want := range tests {
		got, _ := parseDate(in)
		if got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		" date 2022-12-30 Beijing [China], December 30 (ANI): Text here. (ANI)",
		"Title\n\nLONDON (Reuters) - Body.\n\nAlso Read: x\n\nLeave a Reply",
		"Welcome to X, your number one source. \n\nX\n",
		"\r\n\u00a0\u200b\xff\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Clean(ingest.Doc{Text: s})
		for _, p := range r.Paragraphs {
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		if r.Published != "" {
			if _, err := time.Parse("2006-01-02", r.Published); err != nil {
				t.Fatalf("bad date %q", r.Published)
			}
		}
	})
}

func TestHeadlineOnly(t *testing.T) {
	r := Clean(ingest.Doc{Text: "Robbers steal diamonds from Paris store in biggest heist\n"})
	if len(r.Paragraphs) != 1 || len(r.Headings) != 0 {
		t.Fatalf("a headline-only text lost its text: %+v", r)
	}
}

func TestDateLine(t *testing.T) {
	tests := map[string]string{
		"First Published: June 13, 2013 4: 59 PM EDT":   "2013-06-13",
		"Aug. 05, 2013 | 2: 47 p. m.":                   "2013-08-05",
		"December 15th, 2008, 7: 35 am":                 "2008-12-15",
		"Updated on Friday, 30 December 2022 10:15 IST": "2022-12-30",
		"Posted: 2022-12-30":                            "2022-12-30",
		"The summit opened on June 13, 2013 in Paris.":  "",
		"June 2013": "",
	}
	for in, want := range tests {
		if got := isDateLine(in); got != want {
			t.Errorf("isDateLine(%q) = %q, want %q", in, got, want)
		}
	}
	r := Clean(ingest.Doc{Text: "Red Sox offer Teixeira $200 million\nDecember 15th, 2008, 7: 35 am\nThe Red Sox made an offer on Monday.\n"})
	if r.Title != "Red Sox offer Teixeira $200 million" || r.Published != "2008-12-15" || len(r.Paragraphs) != 1 {
		t.Errorf("title and date line: %+v", r)
	}
}
