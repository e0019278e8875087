package claim

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

func doc(id string, paras ...string) *text.Document {
	return text.NewDocument(&parallax.Article{ID: id}, paras, time.Date(2022, 12, 30, 0, 0, 0, 0, time.UTC))
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"step up", "increase"},
		{"stepped up", "increase"},
		{"increasing", "increase"},
		{"bumpy", "difficult"},
		{"not easy", "difficult"},
		{"impartial", "fair"},
		{"video link", "videocall"},
		{"armed forces", "military"},
		{"will", ""},      // "willing" stems to "will": a stop word never matches
		{"banana", ""},    // in no group
		{"step", ""},      // half a phrase
		{"according", ""}, // not "accord"
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Canonical(tc.in); got != tc.want {
				t.Errorf("Canonical(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// groupOf returns, for each "article/sentence index", the claim index.
func groupOf(claims []parallax.Claim, docs []*text.Document) map[string]int {
	out := map[string]int{}
	for ci, c := range claims {
		for _, r := range c.Support {
			for _, d := range docs {
				for si, s := range d.Sentences {
					if d.Article.ID == r.Article && s.Text == r.Sentence {
						out[fmt.Sprintf("%s/%d", r.Article, si)] = ci
					}
				}
			}
		}
	}
	return out
}

func story() []*text.Document {
	return []*text.Document{
		doc("a",
			"China stands ready to step up strategic cooperation with Russia amid a difficult situation in the world, Xi said.",
			"The road to peace talks will be bumpy, state television quoted Xi as saying.",
			"Gazprom reported three days of new records for daily deliveries of natural gas to China."),
		doc("b",
			"Xi told Putin the road to peace talks on Ukraine will not be easy.",
			"Xi said China is ready to increase strategic cooperation with Russia against the background of a difficult situation in the whole world.",
			"The visit will show the world the closeness of Russian-Chinese relations, Putin said."),
		doc("c",
			"This visit will “demonstrate to the world the closeness of Russian-Chinese relations”, Putin said.",
			"The city council approved a new budget for public schools on Tuesday."),
	}
}

func TestAlignParaphrases(t *testing.T) {
	docs := story()
	claims := Align(docs, &entity.Set{})
	g := groupOf(claims, docs)
	same := [][2]string{{"a/0", "b/1"}, {"a/1", "b/0"}, {"b/2", "c/0"}}
	for _, p := range same {
		if g[p[0]] != g[p[1]] {
			t.Errorf("%s and %s state one fact but are in claims %d and %d", p[0], p[1], g[p[0]], g[p[1]])
		}
	}
	apart := [][2]string{{"a/0", "a/1"}, {"a/2", "c/1"}, {"a/0", "b/2"}, {"b/0", "c/0"}}
	for _, p := range apart {
		if g[p[0]] == g[p[1]] {
			t.Errorf("%s and %s state different facts but share claim %d", p[0], p[1], g[p[0]])
		}
	}
	// every sentence in exactly one claim
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	m := 0
	for _, c := range claims {
		m += len(c.Support)
		if c.Text == "" || c.Sources < 1 || c.IndependentSources < 1 || c.IndependentSources > c.Sources {
			t.Errorf("bad claim %+v", c)
		}
	}
	if m != n || len(g) != n {
		t.Errorf("%d sentences, %d supports, %d placed", n, m, len(g))
	}
}

func TestClaimIDsStable(t *testing.T) {
	a := Align(story(), &entity.Set{})
	docs := story()
	docs[0], docs[2] = docs[2], docs[0]
	b := Align(docs, &entity.Set{})
	ids := map[string]bool{}
	for _, c := range a {
		ids[c.ID] = true
	}
	for _, c := range b {
		if !ids[c.ID] {
			t.Errorf("claim %s (%q) not found when the articles come in another order", c.ID, c.Text)
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d claims, then %d", len(a), len(b))
	}
}

func TestIndependentSources(t *testing.T) {
	wire := "The central bank raised its main interest rate by half a point to 4.5 percent on Thursday, the highest level in fifteen years."
	docs := []*text.Document{
		doc("a", wire),
		doc("b", "In other news, "+strings.ToLower(wire[:1])+wire[1:]),
		doc("c", "On Thursday, the bank lifted its key interest rate to 4.5 percent, up by half a point from the previous level."),
	}
	claims := Align(docs, &entity.Set{})
	if len(claims) != 1 {
		t.Fatalf("want one claim, got %d: %+v", len(claims), claims)
	}
	if c := claims[0]; c.Sources != 3 || c.IndependentSources != 2 {
		t.Errorf("sources %d, independent %d; want 3 and 2 (a and b copy one wire text)", c.Sources, c.IndependentSources)
	}
	docs[1].Article.DuplicateOf = "c"
	docs[1].Sentences[0].Text = "A different wording entirely, about the central bank raising its rate by half a point to 4.5 percent on Thursday."
	docs[1].Sentences[0].Tokens = text.Tokenize(docs[1].Sentences[0].Text)
	docs[1].Article.Sentences[0] = docs[1].Sentences[0].Text
	claims = Align(docs, &entity.Set{})
	for _, c := range claims {
		if c.Sources == 3 && c.IndependentSources != 2 {
			t.Errorf("a marked duplicate counts with its original: got %d independent", c.IndependentSources)
		}
	}
}

func TestQuoteContinuation(t *testing.T) {
	docs := []*text.Document{doc("a",
		"Putin stated that “We defend not only our own interests. We also defend those who stand for a democratic system.”",
		"Trade between the two countries grew in the first eleven months.")}
	claims := Align(docs, &entity.Set{})
	g := groupOf(claims, docs)
	if g["a/0"] != g["a/1"] {
		t.Errorf("the second sentence of one quotation is a claim of its own")
	}
	if g["a/0"] == g["a/2"] {
		t.Errorf("an unrelated sentence joined the quotation")
	}
}

func TestClearestText(t *testing.T) {
	docs := []*text.Document{
		doc("a", "He met with Russian dictator Vladimir Putin via video link on Friday."),
		doc("b", "Chinese President Xi Jinping met Russian President Vladimir Putin via video link on Friday."),
	}
	claims := Align(docs, &entity.Set{})
	if len(claims) != 1 {
		t.Fatalf("want one claim, got %+v", claims)
	}
	if !strings.HasPrefix(claims[0].Text, "Chinese President") {
		t.Errorf("claim text %q: the loaded, pronoun-led sentence was chosen", claims[0].Text)
	}
}

func TestEmptyStory(t *testing.T) {
	if got := Align(nil, nil); len(got) != 0 {
		t.Fatalf("got %v", got)
	}
}

// ecbDocs reads the first n articles of ECB+ (topics in order).
func ecbDocs(tb testing.TB, n int) []*text.Document {
	f, err := os.Open("../../../shared/data/ecbplus/ecbplus.jsonl")
	if err != nil {
		tb.Skip("ECB+ not present")
	}
	defer f.Close()
	var docs []*text.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() && len(docs) < n {
		var r struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, doc(r.ID, strings.Split(r.Text, "\n")...))
	}
	return docs
}

// BenchmarkAlign aligns stories of 10, 100 and 400 ECB+ articles.
func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{10, 100, 400} {
		docs := ecbDocs(b, n)
		sents := 0
		for _, d := range docs {
			sents += len(d.Sentences)
		}
		b.Run(fmt.Sprintf("articles=%d", len(docs)), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Align(docs, &entity.Set{})
			}
			b.ReportMetric(float64(sents), "sentences")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(sents), "µs/sentence")
		})
	}
}
