package timeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/temporal"
	"github.com/parallax-news/parallax/internal/text"
)

func doc(id, published string, paras ...string) *text.Document {
	var t time.Time
	if published != "" {
		t, _ = temporal.ParseISO(published)
	}
	return text.NewDocument(&parallax.Article{ID: id}, paras, t)
}

// show writes events as "date:article ids" for comparison.
func show(evs []parallax.TimelineEvent) string {
	var parts []string
	for _, e := range evs {
		var ids []string
		for _, r := range e.Support {
			ids = append(ids, r.Article)
		}
		parts = append(parts, e.Date+":"+strings.Join(ids, ","))
	}
	return strings.Join(parts, " ")
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name string
		docs []*text.Document
		want string
	}{
		{"same event from two outlets is merged",
			[]*text.Document{
				doc("a", "2023-01-02", "The leaders held a video summit on Friday. Trade grew."),
				doc("b", "2022-12-30", "Xi and Putin held a video summit on Friday, state media said."),
			},
			"2022-12-30:a,b"},
		{"no date expression: not dated by publication",
			[]*text.Document{doc("a", "2022-12-30", "The leaders held a video summit. Trade grew.")},
			""},
		{"undated article uses the story's earliest publication day",
			[]*text.Document{
				doc("a", "", "Missiles hit the power grid on Thursday."),
				doc("b", "2023-01-04", "Officials met."),
				doc("c", "2023-01-02", "Officials spoke."),
			},
			"2022-12-29:a"},
		{"sorted by date, precision kept",
			[]*text.Document{doc("a", "2022-12-30", "Russia will ban oil sales from February 1, 2023. Russia annexed Crimea in 2014. In August 2008 Russia invaded Georgia.")},
			"2008-08:a 2014:a 2023-02-01:a"},
		{"two happenings on one day stay apart",
			[]*text.Document{doc("a", "2022-12-30", "Missiles struck Kyiv on Thursday. Oil prices climbed in London on Thursday.")},
			"2022-12-29:a 2022-12-29:a"},
		{"one sentence, two dates, two events",
			[]*text.Document{doc("a", "2022-12-30", "The barrage on Thursday was the biggest since the war began in February.")},
			"2022-02:a 2022-12-29:a"},
		{"no publication day anywhere: only absolute dates",
			[]*text.Document{doc("a", "", "They met on Friday. The deal was signed on March 3, 2021.")},
			"2021-03-03:a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(Build(tc.docs)); got != tc.want {
				t.Errorf("Build = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBuildSupportIsArticleSentence(t *testing.T) {
	d := doc("a", "2022-12-30", "Putin said on Friday that ties were strong. Nothing else happened.")
	evs := Build([]*text.Document{d})
	if len(evs) != 1 || len(evs[0].Support) != 1 || evs[0].Support[0].Sentence != d.Article.Sentences[0] || evs[0].Text == "" {
		t.Fatalf("got %+v", evs)
	}
}

func BenchmarkBuild(b *testing.B) {
	dir := "../../../shared/seeds"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no seeds")
	}
	var docs []*text.Document
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc(fmt.Sprint(i), "2022-12-30", strings.Split(string(raw), "\n")...))
	}
	b.ResetTimer()
	for b.Loop() {
		Build(docs)
	}
}
