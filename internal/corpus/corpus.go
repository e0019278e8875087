// Package corpus reads the public data beside the repository (../shared:
// the seed story, ECB+, NeuS) for tests and benchmarks, and makes perturbed
// copies of texts. A test or benchmark that needs data which is absent is
// skipped, not failed. Nothing in the product imports this package.
package corpus

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// Shared returns the path of a file or folder under ../shared, found from
// this source file's place in the repository.
func Shared(rel string) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	return filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
}

// Text is one named text.
type Text struct {
	Name string // the file name
	Text string
}

// Seeds returns the seed articles, in file name order.
func Seeds(tb testing.TB) []Text {
	tb.Helper()
	files, _ := filepath.Glob(Shared("seeds/*.txt"))
	if len(files) == 0 {
		tb.Skip("shared/seeds absent")
	}
	sort.Strings(files)
	out := make([]Text, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, Text{Name: filepath.Base(f), Text: string(b)})
	}
	return out
}

// ECBArticle is one ECB+ article with its gold event and topic.
type ECBArticle struct {
	ID, Event, Topic, Text string
}

// ECB returns the 982 ECB+ articles in file order.
func ECB(tb testing.TB) []ECBArticle {
	tb.Helper()
	f, err := os.Open(Shared("data/ecbplus/ecbplus.jsonl"))
	if err != nil {
		tb.Skip("shared/data/ecbplus absent")
	}
	defer f.Close()
	var out []ECBArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var a ECBArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// Perturb shuffles the lines (sentences) of a text and drops about one word
// in twenty: a near-copy of it, as a re-edited wire story is.
func Perturb(text string, r *rand.Rand) string {
	lines := strings.Split(text, "\n")
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	for i, l := range lines {
		ws := strings.Fields(l)
		kept := ws[:0]
		for _, w := range ws {
			if r.Float64() >= 0.05 {
				kept = append(kept, w)
			}
		}
		lines[i] = strings.Join(kept, " ")
	}
	return strings.Join(lines, "\n")
}

// ECBEvents returns the ECB+ articles grouped by gold event, the events in
// the order they first appear.
func ECBEvents(tb testing.TB) [][]ECBArticle {
	tb.Helper()
	by := map[string][]ECBArticle{}
	var order []string
	for _, a := range ECB(tb) {
		if _, ok := by[a.Event]; !ok {
			order = append(order, a.Event)
		}
		by[a.Event] = append(by[a.Event], a)
	}
	out := make([][]ECBArticle, len(order))
	for i, e := range order {
		out[i] = by[e]
	}
	return out
}
