package temporal

import (
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
		{"At a September summit", "2022-12-30", ""},
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
