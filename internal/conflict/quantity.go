package conflict

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/claim"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

// Quantity is a number of a sentence read as an interval in a unit.
type Quantity struct {
	Value  float64
	Lo, Hi float64 // the values the wording allows
	Unit   string  // stem of the counted word ("page", "minut"), "$", "percent"
	Text   string  // the words it was read from
}

// scales multiply the number before them.
var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6}

// fractions of a quantity named before them: "less than half that time".
var fractions = map[string]float64{"half": 0.5, "third": 1.0 / 3, "quarter": 0.25}

// approxTolerance is how far "about" lets a value stray.
const approxTolerance = 0.15

// Quantities reads the numbers of a sentence with their units and bounds.
// Dates and bare years are not quantities.
func Quantities(s string) []Quantity {
	toks := text.Tokenize(s)
	dates := temporal.Find(s, fixedRef)
	inDate := func(t text.Token) bool {
		for _, d := range dates {
			if t.Start < d.End && t.End > d.Start {
				return true
			}
		}
		return false
	}
	var out []Quantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if f, ok := fractions[t.Lower]; ok && len(out) > 0 && i+1 < len(toks) && (toks[i+1].Lower == "that" || toks[i+1].Lower == "of") {
			ref := out[len(out)-1]
			q := Quantity{Value: ref.Value * f, Unit: ref.Unit}
			q.Lo, q.Hi = bounds(toks, i, q.Value, false)
			q.Text = span(s, toks, i, i+1)
			out = append(out, q)
			continue
		}
		v, ok := claim.NumberValue(t)
		if !ok || inDate(t) {
			continue
		}
		start, end := i, i
		unit := ""
		if h := strings.IndexByte(t.Lower, '-'); h > 0 && t.Kind != text.Number {
			unit = text.Stem(t.Lower[h+1:]) // 48-page
		}
		if end+1 < len(toks) {
			if sc, ok := scales[toks[end+1].Lower]; ok {
				v *= sc
				end++
			}
		}
		if t.Start > 0 && strings.ContainsAny(s[t.Start-1:t.Start], "$€£") {
			unit = s[t.Start-1 : t.Start]
		}
		if unit == "" && end+1 < len(toks) {
			n := toks[end+1]
			switch {
			case n.Lower == "percent" || n.Lower == "per" || strings.HasPrefix(s[t.End:], "%"):
				unit = "percent"
			case n.Kind == text.Word && !n.Stop:
				unit = n.Stem
			}
			if unit != "" && unit != "percent" || n.Lower == "percent" {
				end++
			}
		} else if unit == "" && strings.HasPrefix(s[t.End:], "%") {
			unit = "percent"
		}
		if unit == "" {
			continue // a bare number: no telling what it counts
		}
		if t.Kind == text.Number && v >= 1900 && v <= 2100 && !strings.Contains(t.Text, ",") && unit != "$" {
			continue // a year
		}
		q := Quantity{Value: v, Unit: unit, Text: span(s, toks, start, end)}
		q.Lo, q.Hi = bounds(toks, start, v, t.Kind == text.Number)
		out = append(out, q)
		i = end
	}
	return out
}

// fixedRef resolves no relative date: only the spans of dates matter here.
var fixedRef = temporal.Date{Year: 2000, Month: 1, Day: 1}.Time()

func span(s string, toks []text.Token, a, b int) string {
	if a > 0 {
		for _, p := range cue().quantifiers {
			if endsWith(toks, a, p) {
				a -= len(p)
				break
			}
		}
	}
	return s[toks[a].Start:toks[b].End]
}

// bounds returns the interval the words before toks[i] allow for value v.
func bounds(toks []text.Token, i int, v float64, digits bool) (lo, hi float64) {
	tol := rounding(v, digits)
	lo, hi = v-tol, v+tol
	approx := anyEndsWith(toks, i, cue().approx)
	if approx {
		lo, hi = math.Min(lo, v*(1-approxTolerance)), math.Max(hi, v*(1+approxTolerance))
	}
	switch {
	case anyEndsWith(toks, i, cue().lower):
		hi = math.Inf(1)
	case anyEndsWith(toks, i, cue().upper):
		lo = math.Inf(-1)
		if approx { // nearly, almost: a little under
			lo = v * (1 - approxTolerance)
		}
	}
	return lo, hi
}

// rounding is the error a figure written as v may carry: half a unit of
// its last significant digit when it ends in zeros (250,000 is 250,000
// give or take 5,000), none for a precise count.
func rounding(v float64, digits bool) float64 {
	if v != math.Trunc(v) {
		return 0.05 * math.Abs(v) // 2.5 may be 2.45 to 2.55, and a little more
	}
	if !digits || v < 100 {
		return 0
	}
	step := 1.0
	for x := v; x >= 10 && math.Mod(x, 10) == 0; x /= 10 {
		step *= 10
	}
	return step / 2
}

// compatible reports whether two quantities of one unit can both hold.
func compatible(a, b Quantity) bool { return a.Lo <= b.Hi && b.Lo <= a.Hi }
