package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// dataDir holds 181 real news pages with their true article bodies.
const dataDir = "../../../shared/data/extraction"

var wordRE = regexp.MustCompile(`\w+`)

// shingles counts the 4-word shingles of text, lower-cased, words as Python's \w+.
func shingles(text string) map[[4]string]int {
	toks := wordRE.FindAllString(strings.ToLower(text), -1)
	m := make(map[[4]string]int)
	for i := 0; i+4 <= len(toks); i++ {
		m[[4]string{toks[i], toks[i+1], toks[i+2], toks[i+3]}]++
	}
	return m
}

// prf is precision and recall of got against want, as shared/tools/extraction_f1.py.
func prf(want, got string) (p, r float64) {
	ts, ps := shingles(want), shingles(got)
	tp, np, nt := 0, 0, 0
	for k, c := range ps {
		np += c
		tp += min(c, ts[k])
	}
	for _, c := range ts {
		nt += c
	}
	fp, fn := np-tp, nt-tp
	switch {
	case tp+fp > 0:
		p = float64(tp) / float64(tp+fp)
	case nt == 0:
		p = 1
	}
	r = 1
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	return p, r
}

type truthPage struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func loadTruth(tb testing.TB) (map[string]truthPage, []string) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "ground-truth.json"))
	if err != nil {
		tb.Skipf("extraction data absent: %v", err)
	}
	var truth map[string]truthPage
	if err := json.Unmarshal(b, &truth); err != nil {
		tb.Fatal(err)
	}
	keys := make([]string, 0, len(truth))
	for k := range truth {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return truth, keys
}

func readPage(tb testing.TB, key string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "html", key+".html.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestQuality measures F1 on the shared extraction pages. The page URL is
// not given, as `parallax analyze DIR` does not know it.
func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 181 pages")
	}
	truth, keys := loadTruth(t)
	var sp, sr float64
	for _, k := range keys {
		page, err := HTML(readPage(t, k), "", Options{})
		if err != nil {
			t.Logf("%s: %v", k, err)
		}
		p, r := prf(truth[k].ArticleBody, page.Text)
		sp += p
		sr += r
		if testing.Verbose() && (p < 0.8 || r < 0.8) {
			t.Logf("low %s P=%.3f R=%.3f", k, p, r)
		}
	}
	n := float64(len(keys))
	p, r := sp/n, sr/n
	f1 := 2 * p * r / (p + r)
	t.Logf("extraction on %d pages: P=%.3f R=%.3f F1=%.3f", len(keys), p, r, f1)
	if f1 < 0.95 {
		t.Errorf("F1 = %.3f, want >= 0.95", f1)
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		wantP, wR float64
	}{
		{"same", "one two three four five", "One, two three four five.", 1, 1},
		{"half", "a b c d e f g", "a b c d", 1, 0.25},
		{"none", "a b c d", "w x y z", 0, 0},
		{"both empty", "", "", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := prf(tt.want, tt.got)
			if p != tt.wantP || r != tt.wR {
				t.Errorf("prf = %v %v, want %v %v", p, r, tt.wantP, tt.wR)
			}
		})
	}
}
