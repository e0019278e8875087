package summarize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/claim"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// BenchmarkSummarize summarizes the first 100 NeuS validation stories
// (three outlets each), claims and entities prepared beforehand.
func BenchmarkSummarize(b *testing.B) {
	f, err := os.Open("../../../shared/data/neus/val.jsonl")
	if err != nil {
		b.Skip("NeuS data absent")
	}
	defer f.Close()
	type story struct {
		docs   []*text.Document
		claims []parallax.Claim
		ents   *entity.Set
	}
	var sts []story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(sts) < 100 {
		var st struct {
			ID       string `json:"id"`
			Articles []struct {
				Title string `json:"title"`
				Text  string `json:"text"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			b.Fatal(err)
		}
		var docs []*text.Document
		for i, a := range st.Articles {
			art := &parallax.Article{ID: fmt.Sprintf("%s-%d", st.ID, i), Title: parallax.NullString(a.Title)}
			docs = append(docs, text.NewDocument(art, []string{a.Text}, time.Time{}))
		}
		ents := entity.Extract(docs)
		sts = append(sts, story{docs, claim.Align(docs, ents), ents})
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range sts {
			Summarize(s.docs, s.claims, s.ents, Options{Words: DefaultWords})
		}
	}
}
