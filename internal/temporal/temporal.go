package temporal

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/zeebo/xxh3"
)

// Date is a calendar date at year, month or day precision: Month and Day
// are zero when unknown.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String returns YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Time returns the first instant of d in UTC.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// DayOf returns the day of t.
func DayOf(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// ParseISO reads YYYY-MM-DD.
func ParseISO(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	return t, err == nil
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

var (
	reISO      = pattern.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reMonthDay = pattern.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	reDayMonth = pattern.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `\b(?:,?\s+(\d{4})\b)?`)
	reMonthYr  = pattern.MustCompile(`\b` + monthRE + `(?:\s+of)?,?\s+(\d{4})\b`)
	reMonth    = pattern.MustCompile(`\b(?:in|since|from|until|by|last|this|next|early|late|mid-?)\s+` + monthRE + `\b`)
	reYear     = pattern.MustCompile(`\b(?:in|since|from|until|by|of|during|before|after|early|late|mid-?)\s+((?:19|20)\d{2})\b`)
	reWeekday  = pattern.MustCompile(`(?i)\b(?:(last|next|this|on|since|until|by)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b`)
)

// Match is one date expression found in a text.
type Match struct {
	Start, End int
	Text       string
	Date       Date
	Relative   bool // resolved against the reference day
}

// Find returns the date expressions of s, resolved against ref (the
// article's publication day; zero when unknown, in which case relative
// expressions and dates without a year are left out). Matches do not
// overlap and are in text order.
func Find(s string, ref time.Time) []Match {
	if !mayHoldDate(s) {
		return nil
	}
	if ms, ok := memo.get(s, ref); ok {
		return ms
	}
	ms := find(s, ref)
	memo.put(s, ref, ms)
	return append([]Match(nil), ms...)
}

// dateCues are the lower-case substrings without which no expression Find
// reads can occur (besides digits): month and weekday names, seasons and
// the words of relative dates.
var dateCues = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"day", "tonight", "tomorrow", "week", "month", "year", "spring", "summer", "fall", "autumn", "winter"}

// mayHoldDate is a cheap test that s can hold a date expression at all.
func mayHoldDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	low := strings.ToLower(s)
	for _, c := range dateCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// memo remembers recent results: the analyses of a story ask about the
// same sentences several times. Its slots are allocated on first use.
var memo memoCache

// memoSize is the number of slots of memo.
const memoSize = 4096

type memoEntry struct {
	s   string
	ref time.Time
	ms  []Match
}

type memoCache struct {
	mu      sync.Mutex
	entries []memoEntry // nil until the first put
	used    []bool
}

func slot(s string, ref time.Time) int {
	return int((xxh3.HashString(s) ^ uint64(ref.Unix())) % memoSize)
}

func (c *memoCache) get(s string, ref time.Time) ([]Match, bool) {
	i := slot(s, ref)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		return nil, false
	}
	e := c.entries[i]
	if !c.used[i] || e.s != s || !e.ref.Equal(ref) {
		return nil, false
	}
	return append([]Match(nil), e.ms...), true
}

func (c *memoCache) put(s string, ref time.Time, ms []Match) {
	i := slot(s, ref)
	c.mu.Lock()
	if c.entries == nil {
		c.entries, c.used = make([]memoEntry, memoSize), make([]bool, memoSize)
	}
	c.entries[i] = memoEntry{s, ref, ms}
	c.used[i] = true
	c.mu.Unlock()
}

// cues says which expressions of find can match a text: each expression
// needs a literal word (a month, a weekday, a season, "ago", ...) or a
// digit, and is run only on texts that hold it. Case-insensitive
// expressions are gated on the lower-cased text.
type cues struct {
	digit, dash, month, weekday, season, unit, ago, deictic bool
}

// allCues runs every expression.
var allCues = cues{true, true, true, true, true, true, true, true}

// monthCues are the capitalised starts of every spelling monthRE accepts.
var monthCues = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// cuesOf returns the cues of s.
func cuesOf(s string) cues {
	// (?i) also folds the long s (U+017F) to "s", which strings.ToLower
	// keeps as it is: on such a text every expression runs.
	if strings.ContainsRune(s, '\u017f') {
		return allCues
	}
	var c cues
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			c.digit = true
		case b == '-':
			c.dash = true
		}
	}
	for _, m := range monthCues {
		if strings.Contains(s, m) {
			c.month = true
			break
		}
	}
	low := strings.ToLower(s)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	c.weekday = has("day")
	c.season = has("spring", "summer", "fall", "autumn", "winter")
	c.unit = has("year", "month")
	c.ago = has("ago")
	c.deictic = has("yesterday", "today", "tonight", "tomorrow")
	return c
}

// find is Find without the cache.
func find(s string, ref time.Time) []Match { return findCues(s, ref, cuesOf(s)) }

// findCues is find running only the expressions that c allows.
func findCues(s string, ref time.Time, c cues) []Match {
	var out []Match
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m.End && b > m.Start {
				return true
			}
		}
		return false
	}
	add := func(a, b int, d Date, rel bool) {
		if d.IsZero() || taken(a, b) {
			return
		}
		out = append(out, Match{Start: a, End: b, Text: s[a:b], Date: d, Relative: rel})
	}
	for _, m := range findAll(reISO, s, c.digit && c.dash) {
		y, mo, d := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		if valid(y, mo, d) {
			add(m[0], m[1], Date{y, mo, d}, false)
		}
	}
	// "December 30[, 2022]" and "30 December [2022]": groups 1 and 2 are the
	// month and day in the order written, group 3 an optional year
	for _, form := range []struct {
		re       *pattern.Regexp
		dayFirst bool
	}{{reMonthDay, false}, {reDayMonth, true}} {
		for _, m := range findAll(form.re, s, c.month && c.digit) {
			first, second := s[m[2]:m[3]], s[m[4]:m[5]]
			mo, d := month(first), atoi(second)
			if form.dayFirst {
				mo, d = month(second), atoi(first)
			}
			y := 0
			if m[6] >= 0 {
				y = atoi(s[m[6]:m[7]])
			}
			if dt, ok := complete(y, mo, d, ref); ok {
				add(m[0], m[1], dt, y == 0)
			}
		}
	}
	for _, m := range findAll(reMonthYr, s, c.month && c.digit) {
		add(m[0], m[1], Date{Year: atoi(s[m[4]:m[5]]), Month: month(s[m[2]:m[3]])}, false)
	}
	if !ref.IsZero() {
		for _, m := range findAll(reMonth, s, c.month) {
			mo := month(s[m[2]:m[3]])
			// a month after the publication month is last year's, unless "next"
			y := monthYear(ref, mo, strings.HasPrefix(strings.ToLower(s[m[0]:m[1]]), "next"))
			add(m[2], m[1], Date{Year: y, Month: mo}, true)
		}
	}
	relative(s, ref, c, add)
	for _, m := range findAll(reYear, s, c.digit) {
		add(m[2], m[3], Date{Year: atoi(s[m[2]:m[3]])}, false)
	}
	if !ref.IsZero() {
		for _, m := range findAll(reWeekday, s, c.weekday) {
			mod := ""
			if m[2] >= 0 {
				mod = strings.ToLower(s[m[2]:m[3]])
			}
			wd := weekdays[strings.ToLower(s[m[4]:m[5]])]
			if !isCapitalized(s[m[4]:m[5]]) {
				continue
			}
			a := m[0]
			if mod == "on" || mod == "since" || mod == "until" || mod == "by" {
				a = m[4]
			}
			add(a, m[1], DayOf(ResolveWeekday(ref, wd, mod == "next")), true)
		}
	}
	sortMatches(out)
	return out
}

// findAll is re.FindAllStringSubmatchIndex(s, -1) when cue holds, and nil
// (no match is possible) when it does not.
func findAll(re *pattern.Regexp, s string, cue bool) [][]int {
	if !cue {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// ResolveWeekday returns the day named by a weekday relative to ref: the
// latest such day on or before ref, or with next the first one after it.
func ResolveWeekday(ref time.Time, wd time.Weekday, next bool) time.Time {
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	if next {
		d := (int(wd) - int(ref.Weekday()) + 7) % 7
		if d == 0 {
			d = 7
		}
		return ref.AddDate(0, 0, d)
	}
	d := (int(ref.Weekday()) - int(wd) + 7) % 7
	return ref.AddDate(0, 0, -d)
}

// ParseDay reads one date such as "December 30", "2 January 2023",
// "Dec. 30, 2022" or "2022-12-30"; a missing year is inferred from ref
// (the year that puts the date nearest before ref, allowing a week ahead).
func ParseDay(s string, ref time.Time) (Date, bool) {
	ms := Find(s, ref)
	for _, m := range ms {
		if m.Date.Day != 0 {
			return m.Date, true
		}
	}
	return Date{}, false
}

func complete(y, mo, d int, ref time.Time) (Date, bool) {
	if mo == 0 || d < 1 || d > 31 {
		return Date{}, false
	}
	if y == 0 {
		if ref.IsZero() {
			return Date{}, false
		}
		y = ref.Year()
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.After(ref.AddDate(0, 0, 7)) && t.Sub(ref) > 180*24*time.Hour {
			y--
		}
	}
	if !valid(y, mo, d) {
		return Date{}, false
	}
	return Date{y, mo, d}, true
}

func valid(y, mo, d int) bool {
	if y < 1000 || mo < 1 || mo > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func month(s string) int { return months[strings.TrimSuffix(strings.ToLower(s), ".")] }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func isCapitalized(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
