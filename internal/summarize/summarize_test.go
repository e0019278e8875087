package summarize

import (
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

func doc(id string, paras ...string) *text.Document {
	return text.NewDocument(&parallax.Article{ID: id}, paras, time.Time{})
}

func TestSummarize(t *testing.T) {
	docs := []*text.Document{
		doc("a", "Russian dictator Vladimir Putin met Xi Jinping by video link on Friday. The two leaders agreed to expand energy trade. Also Read: more news here"),
		doc("b", "Vladimir Putin and Xi Jinping met by video link on Friday. They spoke for an hour. Xi Jinping promised to resume cross-border travel with Russia soon."),
		doc("c", "Xi Jinping and Vladimir Putin met via a video link on Friday, officials said. The two leaders agreed to expand energy trade between their countries."),
	}
	h, sum := Summarize(docs, nil, nil, Options{Words: 40})
	if n := len(strings.Fields(h)); n == 0 || n > MaxHeadlineWords || !strings.Contains(h, "Putin") || !strings.Contains(h, "Xi") {
		t.Errorf("headline %q", h)
	}
	var all []string
	words := 0
	for _, s := range sum {
		all = append(all, s.Text)
		words += len(strings.Fields(s.Text))
		if strings.Contains(s.Text, "dictator") || strings.Contains(s.Text, "Also Read") || strings.HasPrefix(s.Text, "They ") {
			t.Errorf("sentence %q should not be in a neutral summary", s.Text)
		}
	}
	if words > 40 || len(sum) == 0 {
		t.Fatalf("summary %d words: %q", words, all)
	}
	if !strings.Contains(sum[0].Text, "met") || len(sum[0].Citations) != 3 {
		t.Errorf("first sentence %+v should be the meeting, cited by all three", sum[0])
	}
	for i := range sum {
		for j := i + 1; j < len(sum); j++ {
			if strings.Contains(sum[i].Text, "energy") && strings.Contains(sum[j].Text, "energy") {
				t.Errorf("two sentences say one thing: %q / %q", sum[i].Text, sum[j].Text)
			}
		}
	}
}

func TestCompress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vladimir Putin and Xi Jinping held a video summit on Friday, during which they discussed bilateral relations.", "Vladimir Putin and Xi Jinping held a video summit"},
		{"While Moscow shells Kyiv, China and Russia agreed to expand trade in 2022.", "China and Russia agreed to expand trade"},
		{"China will resume cross-border travel with Russia soon, Xi Jinping said on Friday.", "Xi Jinping: China will resume cross-border travel with Russia soon"},
	}
	for _, tc := range tests {
		if got := compress(tc.in); got != tc.want {
			t.Errorf("compress(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
