package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// docOf makes a document of paragraphs separated by blank lines or newlines.
func docOf(id, body string) *text.Document {
	var paras []string
	for _, p := range strings.Split(body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return text.NewDocument(&parallax.Article{ID: id}, paras, time.Time{})
}

// seedDocs reads the shared seed story (skips when absent).
func seedDocs(tb testing.TB) []*text.Document {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		tb.Skip("no shared seeds")
	}
	var docs []*text.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Skip(err)
		}
		docs = append(docs, docOf(filepath.Base(f)[:3], string(b)))
	}
	return docs
}

// ecbStories reads ECB+ articles grouped by gold event (skips when absent).
func ecbStories(tb testing.TB) [][]*text.Document {
	f, err := os.Open("../../../shared/data/ecbplus/ecbplus.jsonl")
	if err != nil {
		tb.Skip(err)
	}
	defer f.Close()
	by := map[string][]*text.Document{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var r struct{ ID, Event, Text string }
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue
		}
		if _, ok := by[r.Event]; !ok {
			order = append(order, r.Event)
		}
		by[r.Event] = append(by[r.Event], docOf(r.ID, r.Text))
	}
	var out [][]*text.Document
	for _, e := range order {
		out = append(out, by[e])
	}
	return out
}
