package temporal

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestFind(t *testing.T) {
	tests := []struct {
		in, ref, want string // want: first match's date
	}{
		{"Putin said on Friday in a video link", "2022-12-30", "2022-12-30"},
		{"On Thursday, Ukraine was attacked", "2022-12-30", "2022-12-29"},
		{"They meet next Monday", "2022-12-30", "2023-01-02"},
		{"Friday's talks", "2023-01-02", "2022-12-30"},
		{"the invasion of Ukraine on February 24", "2022-12-30", "2022-02-24"},
		{"Beijing, 2 January 2023 (TDI):", "", "2023-01-02"},
		{"from February 1, 2023, Russia will ban", "", "2023-02-01"},
		{"In August 2008 the Kremlin invaded Georgia", "", "2008-08"},
		{"in Ukraine in 2014 when", "", "2014"},
		{"At a September summit", "2022-12-30", "2022-09"},
		{"At a September summit", "", ""},
		{"since early September", "2022-12-30", "2022-09"},
		{"December 30 (ANI):", "2022-12-31", "2022-12-30"},
		{"December 30 (ANI):", "2023-01-02", "2022-12-30"},
		{"published 2022-12-30 here", "", "2022-12-30"},
		{"no date at all, friday lower case", "2022-12-30", ""},
		{"February 30 is not a day", "2022-12-30", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var ref time.Time
			if tc.ref != "" {
				ref = day(tc.ref)
			}
			ms := Find(tc.in, ref)
			got := ""
			if len(ms) > 0 {
				got = ms[0].Date.String()
			}
			if got != tc.want {
				t.Errorf("Find(%q, %s) = %q (%v), want %q", tc.in, tc.ref, got, ms, tc.want)
			}
		})
	}
}

func TestFindRelative(t *testing.T) {
	tests := []struct {
		name, in, ref, want string // want: every match's date, joined by " "
	}{
		{"weekday across month end", "The strike came on Thursday.", "2023-03-01", "2023-02-23"},
		{"weekday same day", "The strike came on Wednesday.", "2023-03-01", "2023-03-01"},
		{"weekday across year end", "He spoke Saturday.", "2024-01-02", "2023-12-30"},
		{"weekday leap day", "They met on Thursday.", "2024-03-01", "2024-02-29"},
		{"next weekday across year end", "They meet next Tuesday.", "2021-12-29", "2022-01-04"},
		{"last weekday", "It fell last Monday.", "2022-11-02", "2022-10-31"},
		{"last summer", "Prices rose last summer.", "2022-12-30", "2022"},
		{"last summer inside summer", "Prices rose last summer.", "2022-07-15", "2021"},
		{"last winter in January", "Last winter was mild.", "2023-01-10", "2021"},
		{"this winter in January", "This winter is mild.", "2023-01-10", "2022"},
		{"next spring", "They will vote next spring.", "2022-12-30", "2023"},
		{"next spring in spring", "They will vote next spring.", "2022-04-01", "2023"},
		{"in the fall after it", "The two met in the fall.", "2022-12-30", "2022"},
		{"in the fall before it", "The two will meet in the fall.", "2022-04-01", ""},
		{"spring of year", "a state visit in the spring of 2023", "", "2023"},
		{"autumn year", "elections in autumn 2019 and 2020", "", "2019"},
		{"earlier this year", "He went to Beijing earlier this year.", "2022-12-30", "2022"},
		{"later this year", "A vote is due later this year.", "2022-03-30", "2022"},
		{"next year", "Talks will continue next year.", "2022-12-30", "2023"},
		{"last year", "Exports fell last year.", "2023-01-02", "2022"},
		{"last month across year end", "Sales fell last month.", "2023-01-15", "2022-12"},
		{"next month across year end", "Sales open next month.", "2022-12-15", "2023-01"},
		{"earlier this month", "It opened earlier this month.", "2022-12-30", "2022-12"},
		{"years ago", "It was founded two years ago.", "2022-12-30", "2020"},
		{"days ago across month end", "It sank three days ago.", "2022-03-02", "2022-02-27"},
		{"yesterday across year end", "It was signed yesterday.", "2023-01-01", "2022-12-31"},
		{"month possessive", "sanctions after February's invasion", "2022-12-30", "2022-02"},
		{"month after determiner", "At a September summit in Uzbekistan", "2022-12-30", "2022-09"},
		{"determiner month later than ref", "the November vote", "2022-03-01", "2021-11"},
		{"next month name", "from next March", "2022-12-30", "2023-03"},
		{"relative without ref", "He went there last summer and next year.", "", ""},
		{"the following year is not ref-relative", "He left the following year.", "2022-12-30", ""},
		{"two dates", "in February and again on Thursday", "2022-12-30", "2022-02 2022-12-29"},
		{"may is a verb", "Russia may strike the grid.", "2022-12-30", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ref time.Time
			if tc.ref != "" {
				ref = day(tc.ref)
			}
			var got []string
			for _, m := range Find(tc.in, ref) {
				got = append(got, m.Date.String())
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("Find(%q, %s) = %q, want %q", tc.in, tc.ref, g, tc.want)
			}
		})
	}
}

func TestResolveWeekdayAcrossYearEnd(t *testing.T) {
	got := ResolveWeekday(day("2023-01-02"), time.Friday, false)
	if got.Format("2006-01-02") != "2022-12-30" {
		t.Fatalf("got %s", got)
	}
	got = ResolveWeekday(day("2022-12-30"), time.Monday, true)
	if got.Format("2006-01-02") != "2023-01-02" {
		t.Fatalf("next Monday got %s", got)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("on Friday, December 30, 2022 and 2 January 2023 in 2014", "2022-12-30")
	f.Fuzz(func(t *testing.T, s, ref string) {
		r, _ := ParseISO(ref)
		prev := -1
		for _, m := range Find(s, r) {
			if m.Start < prev || m.End > len(s) || s[m.Start:m.End] != m.Text || m.Date.IsZero() {
				t.Fatalf("bad match %+v", m)
			}
			prev = m.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := "Putin said on Friday that the two last met at a September summit in Uzbekistan in the fall, after February's invasion, and will meet next spring or in the spring of 2023."
	ref := day("2022-12-30")
	for b.Loop() {
		Find(s, ref)
	}
}

// cueTexts are texts on which the cue gates must not change what find reads.
var cueTexts = []string{
	"Putin said on Friday that the two last met at a September summit in Uzbekistan in the fall, after February's invasion, and will meet next spring or in the spring of 2023.",
	"published 2022-12-30 here", "Beijing, 2 January 2023 (TDI):", "In August 2008 the Kremlin invaded Georgia",
	"two years ago", "a month ago", "3 days ago", "yesterday and TOMORROW", "Tonight, or TODAY",
	"EARLIER THIS YEAR", "the previous month", "last Winter", "in the Autumn of 2021", "FRIDAY", "on friday",
	"the May elections", "February’s invasion", "laſt ſpring", "ſunday", "the ſpring of 2023", "Jan. 5",
	"mid-March", "until Dec 2020", "no date at all", "", "2022-13-45", "by 1999 and since 2010",
}

func TestFindCues(t *testing.T) {
	texts := append([]string(nil), cueTexts...)
	// every sentence of the seed articles, when present
	if files, _ := filepath.Glob("../../../shared/seeds/*.txt"); len(files) > 0 {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, strings.Split(string(b), "\n")...)
		}
	}
	for _, ref := range []time.Time{{}, day("2022-12-30"), day("2023-06-15")} {
		for _, s := range texts {
			got, want := find(s, ref), findCues(s, ref, allCues)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("find(%q, %v) = %v, every expression gives %v", s, ref, got, want)
			}
		}
	}
}

func FuzzFindCues(f *testing.F) {
	for _, s := range cueTexts {
		f.Add(s, "2022-12-30")
	}
	f.Fuzz(func(t *testing.T, s, ref string) {
		r, _ := ParseISO(ref)
		if got, want := find(s, r), findCues(s, r, allCues); !reflect.DeepEqual(got, want) {
			t.Fatalf("find(%q, %v) = %v, every expression gives %v", s, r, got, want)
		}
	})
}
