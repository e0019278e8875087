package clean

import (
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/parallax-news/parallax/internal/temporal"
)

// DatelineInfo is what a dateline says.
type DatelineInfo struct {
	Place    string // "Beijing", "LONDON"
	Agency   string // "ANI", "Reuters"; "" when none
	Date     string // YYYY-MM-DD; "" when none or without a year to infer
	DateText string // the date as written
	End      int    // byte offset where the article text starts
}

const (
	placeRE  = `(?P<place>\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:de|del|da|do|la|el|al|of|upon|on)\s+)?\p{Lu}[\p{L}.'’-]*){0,3})`
	capsRE   = `(?P<place>\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3})`
	regionRE = `(?:\s*\[(?P<region>[^\]]{1,40})\])?`
	stateRE  = `(?:,\s*(?P<state>\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?))?`
	dateRE   = `(?P<date>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8}\.?|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)`
	agencyRE = `\(\s*(?P<agency>[\p{L}][\p{L}0-9 .&/-]{0,30}?)\s*\)`
	sepRE    = `\s*(?:[:\-–—]+|--)\s*`
)

var datelines = []*pattern.Regexp{
	// Beijing [China], December 30 (ANI): / Beijing, 2 January 2023 (TDI): / NEW YORK, Jan 5 (Reuters) -
	pattern.MustCompile(`^` + placeRE + regionRE + `,\s*` + dateRE + `\s*(?:` + agencyRE + `(?:` + sepRE + `|\s+)|` + sepRE + `)`),
	// LONDON (Reuters) - / Kyiv, Ukraine (AP) —
	pattern.MustCompile(`^` + placeRE + regionRE + stateRE + `\s*` + agencyRE + sepRE),
	// WASHINGTON — / WASHINGTON, D.C. —
	pattern.MustCompile(`^` + capsRE + stateRE + `\s*(?:—|–|--|\s-)\s*`),
}

// Dateline reads the dateline at the start of a paragraph; ref is the
// publication day (or a hint) used to give a year to a date without one.
func Dateline(p string, ref time.Time) (DatelineInfo, bool) {
	for _, re := range datelines {
		m := re.FindStringSubmatchIndex(p)
		if m == nil {
			continue
		}
		get := func(name string) string {
			i := re.SubexpIndex(name)
			if i < 0 || m[2*i] < 0 {
				return ""
			}
			return p[m[2*i]:m[2*i+1]]
		}
		place := strings.TrimSpace(get("place"))
		if !plausiblePlace(place) {
			continue
		}
		info := DatelineInfo{Place: place, End: m[1]}
		if ag := get("agency"); ag != "" {
			if isDateWord(ag) {
				continue
			}
			info.Agency = canonicalAgency(ag)
		}
		if dt := get("date"); dt != "" {
			if !isDateText(dt) {
				continue
			}
			info.DateText = dt
			if d, ok := temporal.ParseDay(dt, ref); ok {
				info.Date = d.String()
			}
		}
		if p[info.End:] == "" || m[1] == len(p) {
			// a dateline with nothing after it on its line is still a dateline
			return info, true
		}
		return info, true
	}
	return DatelineInfo{}, false
}

// plausiblePlace rejects sentence openings that look like a place.
func plausiblePlace(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	first := strings.ToLower(strings.Fields(s)[0])
	switch first {
	case "the", "a", "an", "in", "on", "at", "as", "but", "and", "while", "when", "after", "before", "he", "she", "it", "they", "we", "i", "this", "that", "however", "meanwhile", "also", "read", "related", "update", "updated", "watch", "photo", "video", "breaking":
		return false
	}
	return true
}

// isDateText checks that a matched date names a month or weekday.
func isDateText(s string) bool {
	return reDateWord.MatchString(s)
}

var reDateWord = pattern.MustCompile(`(?i)^\d{4}-\d{2}-\d{2}$|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`)

// isDateWord: a parenthesised date is no agency.
func isDateWord(s string) bool { return isDateText(s) }
