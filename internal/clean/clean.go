package clean

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pattern"
	"github.com/parallax-news/parallax/internal/temporal"
)

// Result is an article's metadata and body as found in its text.
type Result struct {
	Title      string
	Published  string // YYYY-MM-DD, or "" when unknown
	Dateline   string // the place of the dateline
	Source     string // the outlet or agency
	Headings   []string
	Removed    []string
	Paragraphs []string // body paragraphs, dateline and credits cut
	Notes      []string // things the reader should know: an unknown date
}

// Limits of what counts as a title or a sub-heading line.
const (
	maxTitleWords   = 25
	maxHeadingWords = 14
	maxHeadingLen   = 120
)

// para is one paragraph and whether a blank line follows it.
type para struct {
	text       string
	blankAfter bool
}

var reDateMarker = pattern.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*`)

// Clean reads d's text. Metadata given by d (title, date, source) wins over
// what the text says.
func Clean(d ingest.Doc) Result {
	var r Result
	markup := Extracted(d.Format)
	paras := paragraphs(Normalize(d.Text), !markup)
	// the " date YYYY-MM-DD" marker at the top
	if len(paras) > 0 {
		if m := reDateMarker.FindStringSubmatch(paras[0].text); m != nil {
			if _, ok := temporal.ParseISO(m[1]); ok {
				r.Published = m[1]
			}
			paras[0].text = strings.TrimSpace(paras[0].text[len(m[0]):])
			if paras[0].text == "" {
				paras = paras[1:]
			}
		}
	}
	// a title line may stand before the marker
	if len(paras) > 1 {
		if m := reDateMarker.FindStringSubmatch(paras[1].text); m != nil && r.Published == "" {
			if _, ok := temporal.ParseISO(m[1]); ok {
				r.Published = m[1]
			}
			paras[1].text = strings.TrimSpace(paras[1].text[len(m[0]):])
		}
	}
	if d.Published != "" {
		if day, ok := parseDate(d.Published); ok {
			r.Published = day
		} else {
			r.Notes = append(r.Notes, "unknown date "+quote(d.Published)+"; publication date left empty")
		}
	}
	r.Source = strings.TrimSpace(d.Source)
	// the title
	if t := collapse(d.Title); t != "" {
		r.Title = t
		if len(paras) > 0 && strings.EqualFold(paras[0].text, t) {
			paras = paras[1:]
		}
	} else if len(paras) > 1 && isTitle(paras[0], isDateLine(paras[1].text) != "") {
		r.Title = paras[0].text
		paras = paras[1:]
	}
	// promos name the site
	site := ""
	for _, p := range paras {
		if site = promoSite(p.text); site != "" {
			break
		}
	}
	if r.Source == "" {
		r.Source = site
	}
	var body []string
	for _, p := range paras {
		t := p.text
		if t == "" {
			continue
		}
		// a closing agency credit: "... eyes." (ANI)
		if m := trailCredit(t); m != nil {
			if ag := t[m[2]:m[3]]; Agency(ag) != "" || isAllCaps(ag) {
				if r.Source == "" {
					r.Source = canonicalAgency(ag)
				}
				t = strings.TrimSpace(t[:m[0]+1])
			}
		}
		if day := ""; len(body) == 0 && len(r.Headings) == 0 && func() bool { day = isDateLine(t); return day != "" }() {
			if r.Published == "" {
				r.Published = day
			}
			r.Removed = append(r.Removed, t)
			continue
		}
		switch {
		case isPromo(t), isBoilerplate(t), isSiteName(t, site, r.Source):
			r.Removed = append(r.Removed, t)
		case isCredit(t) != "":
			if r.Source == "" {
				r.Source = isCredit(t)
			}
			r.Removed = append(r.Removed, t)
		case !markup && (len(body) > 0 && isHeading(t) || len(body) == 0 && isHeading(t) && !p.blankAfter):
			r.Headings = append(r.Headings, t)
		default:
			body = append(body, t)
		}
	}
	// a text that is only a headline: its lines are the body
	if len(body) == 0 && len(r.Headings) > 0 {
		body, r.Headings = r.Headings, []string{}
	}
	// the dateline of the first body paragraph
	if len(body) > 0 {
		ref := time.Time{}
		if r.Published != "" {
			ref, _ = temporal.ParseISO(r.Published)
		}
		dl, ok := Dateline(body[0], ref)
		if ok && dl.Date == "" && dl.DateText != "" && ref.IsZero() {
			// a date without a year: take the year from the text
			dl, ok = Dateline(body[0], yearHint(d.Text))
		}
		if ok {
			r.Dateline = dl.Place
			if r.Source == "" {
				r.Source = dl.Agency
			}
			if r.Published == "" && dl.Date != "" {
				r.Published = dl.Date
			}
			if dl.Date == "" && dl.DateText != "" && r.Published == "" {
				r.Notes = append(r.Notes, "dateline date "+quote(dl.DateText)+" has no year")
			}
			body[0] = strings.TrimSpace(body[0][dl.End:])
			if body[0] == "" {
				body = body[1:]
			}
		}
	}
	r.Paragraphs = body
	if r.Headings == nil {
		r.Headings = []string{}
	}
	if r.Removed == nil {
		r.Removed = []string{}
	}
	return r
}

// Extracted reports whether a document's text was extracted from markup
// (an HTML page, a crawl record, a fetched URL or feed item). Its lines are
// the extractor's paragraphs: no line is re-joined, and short lines are
// not guessed to be headings, since on web pages they are mostly list items
// and captions that belong to the article.
func Extracted(format string) bool {
	switch format {
	case "html", "warc", "url", "feed":
		return true
	}
	return false
}

// Normalize unifies line ends and white space: Unicode spaces become ASCII
// spaces, zero-width characters and soft hyphens go.
func Normalize(s string) string {
	// Most text, curly quotes and dashes included, has nothing to change:
	// find the first character that changes, and copy nothing if none does.
	first := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				first = i
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if normalizes(r, n) {
			first = i
			break
		}
		i += n
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad' || r == '\u2060':
		case r == '\t' || r == '\v' || r == '\f' || (r != ' ' && unicode.IsSpace(r)) || unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\ufffd')
		case r < 0x20 || r == 0x7f:
			// other control characters are dropped
		default:
			b.WriteString(s[i-n : i])
		}
	}
	return b.String()
}

// normalizes reports whether Normalize changes the non-ASCII character r
// of n bytes.
func normalizes(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad' || r == '\u2060':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// paragraphs splits normalised text into paragraphs: each non-blank line is
// one, except that a line which stops mid-sentence and is followed by a
// line starting in lower case is joined to it (hard-wrapped text).
func paragraphs(s string, joinWrapped bool) []para {
	var out []para
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		l := collapse(lines[i])
		if l == "" {
			if len(out) > 0 {
				out[len(out)-1].blankAfter = true
			}
			continue
		}
		for joinWrapped && i+1 < len(lines) {
			next := collapse(lines[i+1])
			if next == "" || endsSentence(l) || !startsLower(next) {
				break
			}
			l += " " + next
			i++
		}
		out = append(out, para{text: l})
	}
	return out
}

// collapse trims s and folds its runs of white space into one space, as
// strings.Join(strings.Fields(s), " ") does.
func collapse(s string) string {
	clean := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
				c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
				clean = false
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		isSpace := false
		if c < utf8.RuneSelf {
			isSpace = asciiSpace[c]
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’')]» ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// lastRune is the final character of s ignoring spaces.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r
}

// isTitle: a short first line with no closing period, a blank line after.
func isTitle(p para, dateNext bool) bool {
	if !p.blankAfter && !dateNext {
		return false
	}
	t := p.text
	if n := len(strings.Fields(t)); n == 0 || n > maxTitleWords || len(t) > 250 {
		return false
	}
	switch lastRune(t) {
	case '.', ',', ';', ':', '”', '"':
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '\'' || r == '‘'
}

// isHeading: a short line without closing punctuation, starting in upper case.
func isHeading(t string) bool {
	if len(t) > maxHeadingLen {
		return false
	}
	if n := len(strings.Fields(t)); n == 0 || n > maxHeadingWords {
		return false
	}
	switch lastRune(t) {
	case '.', '!', '?', '…', ',', ';', ':', '"', '”', '’', '\'':
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r)) || reTwoSentences.MatchString(t) {
		return false
	}
	return strings.IndexFunc(t, unicode.IsLetter) >= 0
}

// maxBoilerplateWords bounds a boilerplate paragraph: longer ones are prose.
const maxBoilerplateWords = 40

func isBoilerplate(t string) bool {
	return strings.Count(t, " ") < maxBoilerplateWords && boilerplate().match(strings.ToLower(t))
}

// promoSite returns the site a promo paragraph names, or "".
func promoSite(t string) string {
	if strings.Count(t, " ") >= maxBoilerplateWords {
		return ""
	}
	low := strings.ToLower(t)
	for _, ru := range promos {
		if !containsAny(low, ru.cues) {
			continue
		}
		if m := ru.re.FindStringSubmatch(t); m != nil {
			return strings.TrimSpace(m[ru.re.SubexpIndex("site")])
		}
	}
	return ""
}

func isPromo(t string) bool { return promoSite(t) != "" }

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return len(subs) == 0
}

// isSiteName: the paragraph is only the site's or outlet's name.
func isSiteName(t string, names ...string) bool {
	t = strings.Trim(t, " .|-–—")
	for _, n := range names {
		if n != "" && strings.EqualFold(t, n) {
			return true
		}
	}
	return false
}

var (
	reCreditLine   = pattern.MustCompile(`^(?:\(\s*(?i:with inputs from\s+)?([A-Za-z][A-Za-z .&/-]{0,30}?)\s*\)|(?:—|–|--|-)\s*([A-Za-z][A-Za-z .&/-]{0,30}?)|(?i:with inputs from)\s+([A-Za-z][A-Za-z .&/-]{0,30}?))\.?$`)
	reTrailCredit  = pattern.MustCompile(`[.!?"”’]\s*\(\s*(?i:with inputs from\s+)?([A-Za-z][A-Za-z .&/-]{0,20}?)\s*\)\s*$`)
	reTwoSentences = pattern.MustCompile(`\p{Ll}{2}[.!?] \p{Lu}`)
)

// trailCredit finds a closing credit such as "(ANI)" at the end of t.
func trailCredit(t string) []int {
	if !strings.HasSuffix(t, ")") {
		return nil
	}
	return reTrailCredit.FindStringSubmatchIndex(t)
}

// isCredit returns the agency of a credit line such as "(ANI)", "— AFP" or
// "With inputs from PTI", or "".
func isCredit(t string) string {
	m := reCreditLine.FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	for _, g := range m[1:] {
		if g == "" {
			continue
		}
		if strings.EqualFold(g, "agencies") {
			return ""
		}
		if a := Agency(g); a != "" {
			return a
		}
		if isAllCaps(g) && len(g) <= 6 {
			return g
		}
	}
	return ""
}

func canonicalAgency(s string) string {
	if a := Agency(s); a != "" {
		return a
	}
	return s
}

func isAllCaps(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

func quote(s string) string { return "\"" + s + "\"" }

// parseDate reads a metadata date: YYYY-MM-DD, RFC 3339, RFC 1123 or a
// written date with a year.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "2006/01/02", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	if len(s) >= 10 {
		if t, ok := temporal.ParseISO(s[:10]); ok {
			return t.Format("2006-01-02"), true
		}
	}
	for _, m := range temporal.Find(s, time.Time{}) {
		if m.Date.Day != 0 {
			return m.Date.String(), true
		}
	}
	return "", false
}

var reYear = pattern.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)

// yearHint is a reference day for dates without a year: the end of the
// latest year the text mentions, or zero when it mentions none.
func yearHint(s string) time.Time {
	best := 0
	for _, m := range reYear.FindAllString(s, -1) {
		if y := atoi(m); y > best {
			best = y
		}
	}
	if best == 0 {
		return time.Time{}
	}
	return time.Date(best, 12, 31, 0, 0, 0, 0, time.UTC)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

var (
	reDateLabel = pattern.MustCompile(`(?i)^(?:(?:first |originally )?published|posted|updated|last updated|last modified|dated?)(?:\s+(?:on|at))?\s*[:\-–]?\s*`)
	reTimeOfDay = pattern.MustCompile(`(?i)\b\d{1,2}\s*[:.]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?\s*m\.?)?(?:\s+[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?\s*m\.?`)
	reDateRest  = pattern.MustCompile(`(?i)^[\s|,·•/\-–—()]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|[A-Z]{2,4}|updated|[\s|,·•/\-–—()])*$`)
)

// isDateLine returns the day of a line that is only a date, with an
// optional label and time ("First Published: June 13, 2013 4: 59 PM EDT",
// "Aug. 05, 2013 | 2: 47 p. m."), or "".
func isDateLine(t string) string {
	if len(t) > 160 || strings.Count(t, " ") > 14 {
		return ""
	}
	rest := reDateLabel.ReplaceAllString(t, "")
	var day string
	for _, m := range temporal.Find(rest, time.Time{}) {
		if m.Date.Day != 0 {
			day = m.Date.String()
			rest = rest[:m.Start] + " " + rest[m.End:]
			break
		}
	}
	if day == "" {
		return ""
	}
	rest = reTimeOfDay.ReplaceAllString(rest, " ")
	if !reDateRest.MatchString(rest) {
		return ""
	}
	return day
}
