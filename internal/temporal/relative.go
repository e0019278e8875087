package temporal

import (
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/pattern"
)

// Seasons, northern hemisphere: the month each starts. Winter starts in
// December and is dated by the year it starts in.
var seasons = map[string]int{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

const seasonRE = `(spring|summer|fall|autumn|winter)`

var (
	// "the spring of 2023", "spring 2023", "summer of '22" is not read.
	reSeasonYear = pattern.MustCompile(`(?i)\b(?:(?:early|late|mid-?)\s*)?` + seasonRE + `(?:\s+of)?,?\s+((?:19|20)\d{2})\b`)
	// "last summer", "this fall", "next spring", "in the fall", "during the winter"
	reSeasonRel = pattern.MustCompile(`(?i)\b(last|this|next|in\s+the|during\s+the|over\s+the|since\s+the|by\s+the|until\s+the|in\s+the\s+(?:early|late))\s+` + seasonRE + `\b`)
	// "last year", "earlier this year", "next month", "this week" is not a date.
	reUnitRel = pattern.MustCompile(`(?i)\b(last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+in\s+the|the\s+previous|the\s+following|the\s+past)\s+(year|month)\b`)
	// "a year ago", "two years ago"
	reAgo = pattern.MustCompile(`(?i)\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|month|day|week)s?\s+ago\b`)
	// "yesterday", "today", "tomorrow"
	reDeictic = pattern.MustCompile(`(?i)\b(yesterday|today|tonight|tomorrow)\b`)
	// a bare month after a determiner: "a September summit", "the May elections"
	reDetMonth = pattern.MustCompile(`\b(?:[Aa]n?|[Tt]he|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+` + monthRE + `\s+[a-z]`)
	// a month's possessive: "February's invasion"
	rePossMonth = pattern.MustCompile(`\b` + monthRE + `['’]s\b`)
)

var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// ResolveSeason returns the year a season named relative to ref starts in:
// mod is "last", "this", "next" or "" (a bare "in the fall"). ok is false
// when a bare season has not begun by ref, since it could mean the coming
// or the past one.
func ResolveSeason(ref time.Time, season string, mod string) (year int, ok bool) {
	start, known := seasons[strings.ToLower(season)]
	if !known {
		return 0, false
	}
	m, y := int(ref.Month()), ref.Year()
	// latest start of this season on or before ref
	latest := y
	if start > m {
		latest = y - 1
	}
	// ref lies inside that occurrence when fewer than 3 months have passed
	inside := (m-start+12)%12 < 3
	switch mod {
	case "last":
		if inside {
			return latest - 1, true
		}
		return latest, true
	case "next":
		return latest + 1, true
	case "this":
		if start == 12 && m <= 2 {
			return y - 1, true
		}
		return y, true
	}
	// bare: the current one, or one that has ended earlier in ref's year
	if inside || latest == y {
		return latest, true
	}
	return 0, false
}

// relative adds the expressions of s that are relative to ref: seasons,
// "last year", "earlier this month", "two years ago", "yesterday".
func relative(s string, ref time.Time, c cues, add func(a, b int, d Date, rel bool)) {
	for _, m := range findAll(reSeasonYear, s, c.season && c.digit) {
		add(m[0], m[1], Date{Year: atoi(s[m[4]:m[5]])}, false)
	}
	if ref.IsZero() {
		return
	}
	for _, m := range findAll(reSeasonRel, s, c.season) {
		mod := strings.ToLower(strings.Join(strings.Fields(s[m[2]:m[3]]), " "))
		switch mod {
		case "last", "this", "next":
		default:
			mod = ""
		}
		if y, ok := ResolveSeason(ref, s[m[4]:m[5]], mod); ok {
			add(m[0], m[1], Date{Year: y}, true)
		}
	}
	for _, m := range findAll(reUnitRel, s, c.unit) {
		mod := strings.ToLower(strings.Join(strings.Fields(s[m[2]:m[3]]), " "))
		unit := strings.ToLower(s[m[4]:m[5]])
		step := 0
		switch mod {
		case "last", "the previous", "the past":
			step = -1
		case "next", "the following":
			step = 1
		case "earlier in the":
			continue // "earlier in the year": which year is not said
		}
		if (mod == "the previous" || mod == "the following" || mod == "the past") && unit == "year" {
			continue // relative to a date in the text, not to ref
		}
		if mod == "the past" {
			continue // "the past year" is a span ending at ref
		}
		switch unit {
		case "year":
			add(m[0], m[1], Date{Year: ref.Year() + step}, true)
		case "month":
			t := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
			add(m[0], m[1], Date{Year: t.Year(), Month: int(t.Month())}, true)
		}
	}
	for _, m := range findAll(reAgo, s, c.ago) {
		nw := strings.ToLower(s[m[2]:m[3]])
		n, ok := numberWords[nw]
		if !ok {
			n = atoi(nw)
		}
		if n == 0 {
			continue
		}
		switch strings.ToLower(s[m[4]:m[5]]) {
		case "year":
			add(m[0], m[1], Date{Year: ref.Year() - n}, true)
		case "month":
			t := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -n, 0)
			add(m[0], m[1], Date{Year: t.Year(), Month: int(t.Month())}, true)
		case "day":
			add(m[0], m[1], DayOf(ref.AddDate(0, 0, -n)), true)
		case "week":
			continue // a week ago names no single day
		}
	}
	for _, m := range findAll(reDeictic, s, c.deictic) {
		switch strings.ToLower(s[m[2]:m[3]]) {
		case "yesterday":
			add(m[0], m[1], DayOf(ref.AddDate(0, 0, -1)), true)
		case "today", "tonight":
			add(m[0], m[1], DayOf(ref), true)
		case "tomorrow":
			add(m[0], m[1], DayOf(ref.AddDate(0, 0, 1)), true)
		}
	}
	for _, re := range []*pattern.Regexp{reDetMonth, rePossMonth} {
		for _, m := range findAll(re, s, c.month) {
			mo := month(s[m[2]:m[3]])
			add(m[2], m[3], Date{Year: monthYear(ref, mo, false), Month: mo}, true)
		}
	}
}

// monthYear returns the year of a month named without one: the latest such
// month on or before ref's month, or with next the first one after it.
func monthYear(ref time.Time, mo int, next bool) int {
	y := ref.Year()
	if next {
		if mo <= int(ref.Month()) {
			y++
		}
		return y
	}
	if mo > int(ref.Month()) {
		y--
	}
	return y
}
