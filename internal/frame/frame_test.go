package frame

import (
	"sort"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

func doc(id string, paras ...string) *text.Document {
	return text.NewDocument(&parallax.Article{ID: id, Source: parallax.NullString(id)}, paras, zeroTime)
}

// termsOf returns "text=>refers_to" (or just text) of one category.
func termsOf(f parallax.Framing, cat string) []string {
	var out []string
	for _, t := range f.Terms {
		if t.Category != cat {
			continue
		}
		s := t.Text
		if t.RefersTo != "" {
			s += "=>" + string(t.RefersTo)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, cat string
		paras     []string
		want      string // sorted terms joined by "|"
	}{
		{"label before name", parallax.LabelTerm,
			[]string{"Russian dictator Vladimir Putin spoke. Later Putin left."},
			"Russian dictator Vladimir Putin=>Vladimir Putin"},
		{"age label to the person last named", parallax.LabelTerm,
			[]string{"Prime Minister Boris Johnson resigned. Johnson spoke. The 58-year-old said he was proud."},
			"Prime Minister Boris Johnson=>Boris Johnson|The 58-year-old=>Boris Johnson"},
		{"demonym label resolved across the story", parallax.LabelTerm,
			[]string{"French President Emmanuel Macron met German Chancellor Olaf Scholz. Scholz spoke first. Then the French leader answered."},
			"French President Emmanuel Macron=>Emmanuel Macron|German Chancellor Olaf Scholz=>Olaf Scholz|the French leader=>Emmanuel Macron"},
		{"comma before name and possessive", parallax.LabelTerm,
			[]string{"Iranian President, Ebrahim Raisi said so. Israeli Prime Minister Benjamin Netanyahu’s office declined."},
			"Iranian President, Ebrahim Raisi=>Ebrahim Raisi|Israeli Prime Minister Benjamin Netanyahu=>Benjamin Netanyahu"},
		{"side names but not places", parallax.LabelTerm,
			[]string{"Moscow rejected the plan, and the Kremlin said talks in Beijing would wait."},
			"Moscow=>Russia|the Kremlin=>Russia"},
		{"war names with places", parallax.WarTerm,
			[]string{"The special military operation went on. Critics called the invasion of Ukraine a war of aggression. The Gaza conflict grew."},
			"Gaza conflict|invasion of Ukraine|special military operation|war of aggression"},
		{"war names: not in quotes, not war games", parallax.WarTerm,
			[]string{`China staged war games. "This war must end," he said.`},
			""},
		{"attribution forms", parallax.AttributionTerm,
			[]string{"The strike killed 12, according to Reuters. The figure rose, Al Jazeera reported. State broadcaster NHK quoted officials. She told the Washington Post (WP) that it was true, citing US intelligence."},
			"Al Jazeera|Reuters|State broadcaster NHK|US intelligence|WP|Washington Post"},
		{"attribution: no pronouns, no people told", parallax.AttributionTerm,
			[]string{"He told reporters that Biden told Putin nothing. According to him, it was fine."},
			""},
		{"loaded words in the outlet's voice only", parallax.LoadedTerm,
			[]string{`The regime slammed the lavish party. "These thugs will fail," he said.`},
			"lavish|regime|slammed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fr := Analyze([]*text.Document{doc("a", tc.paras...)}, nil, nil)
			if got := strings.Join(termsOf(fr[0], tc.cat), "|"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDistinctiveAndOmissions(t *testing.T) {
	docs := []*text.Document{
		doc("a", "The ministers met in Rome. Tariffs on steel, tariffs on steel, tariffs again. Steel tariffs hurt."),
		doc("b", "The ministers met in Rome. They discussed climate."),
		doc("c", "The ministers met in Rome. They discussed energy."),
	}
	claims := []parallax.Claim{
		{ID: "c1", Text: "They discussed the weather.", Support: []parallax.Ref{{Article: "b"}, {Article: "c"}}},
		{ID: "c2", Text: "The ministers met in Rome.", Support: []parallax.Ref{{Article: "a"}, {Article: "b"}, {Article: "c"}}},
	}
	fr := Analyze(docs, nil, claims)
	if got := termsOf(fr[0], parallax.DistinctiveTerm); len(got) == 0 || got[0] != "steel" && got[0] != "tariffs" {
		t.Errorf("distinctive of a = %v, want steel/tariffs", got)
	}
	if got := termsOf(fr[1], parallax.DistinctiveTerm); len(got) != 0 {
		t.Errorf("distinctive of b = %v, want none", got)
	}
	if got := termsOf(fr[0], parallax.OmissionTerm); strings.Join(got, "|") != "They discussed the weather.=>c1" {
		t.Errorf("omissions of a = %v", got)
	}
	if got := termsOf(fr[1], parallax.OmissionTerm); len(got) != 0 {
		t.Errorf("omissions of b = %v, want none (only one other outlet)", got)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	d := doc("a", strings.Repeat("Russian President Vladimir Putin slammed the war of aggression, according to Reuters. The 70-year-old spoke. ", 20))
	docs := []*text.Document{d, doc("b", "Chinese President Xi Jinping met Putin in Moscow.")}
	for b.Loop() {
		Analyze(docs, nil, nil)
	}
}

var zeroTime time.Time

func TestStripLabels(t *testing.T) {
	tests := []struct{ in, want string }{
		{"He met with Russian dictator Vladimir Putin via video link.", "He met with Vladimir Putin via video link."},
		{"Russian President Vladimir Putin and his Chinese counterpart Xi Jinping held a summit.", "Vladimir Putin and Xi Jinping held a summit."},
		{"President Biden spoke.", "President Biden spoke."},
		{"Dictator Kim Jong Un spoke.", "Kim Jong Un spoke."},
		{"No label here.", "No label here."},
	}
	for _, tc := range tests {
		d := doc("a", tc.in)
		if got := StripLabels(d.Sentences[0]); got != tc.want {
			t.Errorf("StripLabels(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
