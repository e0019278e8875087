package summarize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/claim"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// TestNeuS writes, for the NeuS stories (several outlets' openings of one
// story and an editor's neutral summary), two files that rouge.py reads:
// the summaries this package writes, and every single-outlet excerpt cut to
// the same word budget. It runs only when NEUS_OUT names a directory:
//
//	NEUS_OUT=/tmp/neus go test ./internal/summarize -run TestNeuS
//	python3 ../shared/tools/rouge.py /tmp/neus/summary.jsonl
//	python3 ../shared/tools/rouge.py /tmp/neus/excerpt.jsonl
//
// NEUS_FILE names another split (../../../shared/data/neus/train.jsonl,
// on which the weights are tuned). NEUS_WORDS sets the budget (default 60, about the references' median of
// 56 words). The budget is a limit for both: the summary has at most that
// many words (about 51 on average at 60), each excerpt is its outlet's
// text cut to that many words (about 49 on average at 60, since some
// excerpts are shorter). At 120, the product default, every excerpt is
// whole, the published "copy one outlet" baseline.
func TestNeuS(t *testing.T) {
	out := os.Getenv("NEUS_OUT")
	if out == "" {
		t.Skip("NEUS_OUT not set")
	}
	budget := 60
	if w := os.Getenv("NEUS_WORDS"); w != "" {
		budget, _ = strconv.Atoi(w)
	}
	path := "../../../shared/data/neus/val.jsonl"
	if p := os.Getenv("NEUS_FILE"); p != "" {
		path = p // the train split, for tuning
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	sumF, _ := os.Create(filepath.Join(out, "summary.jsonl"))
	excF, _ := os.Create(filepath.Join(out, "excerpt.jsonl"))
	defer sumF.Close()
	defer excF.Close()
	type story struct {
		ID       string `json:"id"`
		Articles []struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		} `json:"articles"`
		Reference struct {
			Text string `json:"text"`
		} `json:"reference"`
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		var st story
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			t.Fatalf("%s line %d: %v", path, n+1, err)
		}
		var docs []*text.Document
		for i, a := range st.Articles {
			art := &parallax.Article{ID: fmt.Sprintf("%s-%d", st.ID, i), Title: parallax.NullString(a.Title)}
			docs = append(docs, text.NewDocument(art, []string{a.Text}, time.Time{}))
			exc := cutWords(strings.Join(art.Sentences, " "), budget)
			writeJSON(t, excF, map[string]string{"id": art.ID, "candidate": exc, "reference": st.Reference.Text})
		}
		ents := entity.Extract(docs)
		claims := claim.Align(docs, ents)
		_, sum := Summarize(docs, claims, ents, Options{Words: budget})
		var parts []string
		for _, s := range sum {
			parts = append(parts, s.Text)
		}
		writeJSON(t, sumF, map[string]string{"id": st.ID, "candidate": strings.Join(parts, " "), "reference": st.Reference.Text})
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stories, budget %d words, files in %s", n, budget, out)
}

func writeJSON(t *testing.T, f *os.File, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(append(b, '\n'))
}
