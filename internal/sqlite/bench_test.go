package sqlite

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

// ecbTexts reads the ECB+ articles' texts, each padded with the next ones to
// at least 3 KB, the size of a typical news article.
func ecbTexts(b *testing.B) []string {
	f, err := os.Open("../../../shared/data/ecbplus/ecbplus.jsonl")
	if os.IsNotExist(err) {
		b.Skip("ECB+ corpus not present")
	}
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var raw []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		raw = append(raw, d.Text)
	}
	out := make([]string, len(raw))
	for i := range raw {
		s := raw[i]
		for j := i + 1; len(s) < 3000; j++ {
			s += "\n" + raw[j%len(raw)]
		}
		out[i] = s
	}
	return out
}

// BenchmarkPut measures the store alone: batches of 1,000 new articles of
// about 3 KB (ECB+ texts), 10 to a story, with full-text indexing.
func BenchmarkPut(b *testing.B) {
	texts := ecbTexts(b)
	db, _ := openTest(b)
	ctx := context.Background()
	const batch = 1000
	var bytes int64
	b.ResetTimer()
	for lo := 0; lo < b.N; lo += batch {
		b.StopTimer()
		var stories []parallax.StoryInfo
		var arts []parallax.StoredArticle
		for i := lo; i < min(lo+batch, b.N); i++ {
			t := texts[i%len(texts)]
			sid := fmt.Sprintf("s%d", i/10)
			if i%10 == 0 || i == lo {
				stories = append(stories, parallax.StoryInfo{ID: sid, Headline: firstLine(t)})
			}
			a := art(fmt.Sprintf("%032x", i), fmt.Sprintf("a%d", i), sid, fmt.Sprintf("outlet%d", i%13), fmt.Sprintf("2024-01-%02d", i%28+1), firstLine(t), t)
			a.Article.Sentences = strings.Split(t, ". ")
			a.Input.Text = t
			bytes += int64(len(t))
			arts = append(arts, a)
		}
		b.StartTimer()
		if _, err := db.Put(ctx, parallax.Batch{Stories: stories, Articles: arts}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/article")
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
