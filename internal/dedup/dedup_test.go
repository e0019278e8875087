package dedup

import (
	"fmt"
	"github.com/parallax-news/parallax/internal/corpus"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
)

const wire = `WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee after a long debate over her record on trade.
Supporters said she would bring experience to the post, while critics questioned her ties to industry groups.
The vote followed weeks of hearings in which senators from both parties pressed her on tariffs and export controls.
She is expected to be sworn in later this week, an aide said.`

func TestAdd(t *testing.T) {
	shuffled := strings.Join([]string{
		"She is expected to be sworn in later this week, an aide said.",
		"WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee after a long debate over her record on trade.",
		"The vote followed weeks of hearings in which senators from both parties pressed her on tariffs and export controls.",
		"Supporters said she would bring experience to the post, while critics questioned her ties to industry groups.",
	}, "\n")
	trimmed := strings.Replace(wire, "an aide said", "a spokesman for the White House told reporters", 1)
	related := `The nominee won confirmation in the Senate on Tuesday by a narrow margin, ending a bitter fight.
Democrats had argued that her record on trade made her unfit, and several Republicans wavered before the vote.
Her first task will be a review of export controls on chips, officials said.`
	tests := []struct {
		id, text  string
		wantDupOf string
		wantExact bool
	}{
		{"a", wire, "", false},
		{"exact", "  " + strings.ToUpper(wire) + "  ", "a", true},
		{"shuffled", shuffled, "a", false},
		{"trimmed", trimmed, "a", false},
		{"related", related, "", false},
		{"short", "Breaking news.", "", false},
		{"short2", "Breaking news!", "short", true},
		{"empty", "", "", false},
		{"empty2", "   ", "empty", true},
		{"copy-of-copy", trimmed + "\nMore to follow.", "a", false},
	}
	ix := New(Options{})
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := ix.Add(tt.id, tt.text)
			if got.DupOf != tt.wantDupOf || got.Exact != tt.wantExact {
				t.Errorf("Add(%q) = %+v, want DupOf %q Exact %v", tt.id, got, tt.wantDupOf, tt.wantExact)
			}
		})
	}
	if ix.Len() != len(tests) {
		t.Errorf("Len = %d, want %d", ix.Len(), len(tests))
	}
	if !ix.Remove("a") || ix.Remove("a") {
		t.Errorf("Remove(a) twice: want true then false")
	}
	if ix.Len() != len(tests)-1 {
		t.Errorf("Len after Remove = %d, want %d", ix.Len(), len(tests)-1)
	}
	// Re-adding a held id replaces it; it is never its own copy.
	if got := ix.Add("trimmed", trimmed); got.Match == "trimmed" || ix.Len() != len(tests)-1 {
		t.Errorf("re-add: %+v, Len %d", got, ix.Len())
	}
}

func TestCapacity(t *testing.T) {
	ix := New(Options{Capacity: 2})
	texts := []string{
		"The first article talks about rain in the northern hills and floods in the valley towns.",
		"The second article is about a football match won by the home side after extra time.",
		"The third article covers an election where turnout fell to a record low this spring.",
	}
	for i, s := range texts {
		ix.Add(fmt.Sprint(i), s)
	}
	if ix.Len() != 2 {
		t.Fatalf("Len = %d, want 2", ix.Len())
	}
	if got := ix.Add("x", texts[0]); got.DupOf != "" {
		t.Errorf("evicted article still matched: %+v", got)
	}
	if got := ix.Add("y", texts[2]); got.DupOf != "2" {
		t.Errorf("held article not matched: %+v", got)
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"one two", 1},
		{"one two three four five", 2},
		{"one two. three four five six seven", 1 + 2},
		// "3.14" goes on; "U.S. " ends a sentence, the same way in every copy.
		{"Pi is 3.14 and U.S. law applies here today", 4 + 1},
		{"a\nb\nc", 3},
	}
	for _, tt := range tests {
		var buf []byte
		ws := appendWordHashes(nil, &buf, tt.text)
		if got := len(appendShingles(nil, ws, 4)); got != tt.want {
			t.Errorf("shingles(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("a", wire, "b", wire[10:])
	f.Add("x", "", "x", "\xff\xfe. . !")
	f.Fuzz(func(t *testing.T, id1, t1, id2, t2 string) {
		ix := New(Options{Capacity: 3})
		ix.Add(id1, t1)
		r := ix.Add(id2, t2)
		if r.Exact && r.Similarity != 1 {
			t.Fatalf("exact with similarity %v", r.Similarity)
		}
		if t1 == t2 && id1 != id2 && (r.DupOf != id1 || !r.Exact) {
			t.Fatalf("same text not an exact copy: %+v", r)
		}
		if ix.Len() > 2 || ix.Bytes() <= 0 {
			t.Fatalf("Len %d Bytes %d", ix.Len(), ix.Bytes())
		}
		ix.Remove(id1)
		ix.Remove(id2)
		if ix.Len() != 0 || len(ix.exact) != 0 || ix.bands.n != 0 {
			t.Fatalf("not empty after Remove: %d %d %d", ix.Len(), len(ix.exact), ix.bands.n)
		}
	})
}

type article struct{ ID, Text string }

// loadECB returns the ECB+ articles shared by the project (982, 43 topics).
func loadECB(tb testing.TB) []article {
	var out []article
	for _, a := range corpus.ECB(tb) {
		out = append(out, article{a.ID, a.Text})
	}
	return out
}

// jaccard is the exact Jaccard similarity of two texts' shingle sets.
func jaccard(a, b string) float64 {
	set := func(s string) map[uint64]bool {
		var buf []byte
		m := map[uint64]bool{}
		for _, h := range appendShingles(nil, appendWordHashes(nil, &buf, s), 3) {
			m[h] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	n := 0
	for h := range sa {
		if sb[h] {
			n++
		}
	}
	if u := len(sa) + len(sb) - n; u > 0 {
		return float64(n) / float64(u)
	}
	return 0
}

// TestECBNearCopies measures duplicate detection on ECB+ articles and a perturbed copy of
// each (sentences shuffled, 5% of words dropped): every copy must point at its original's
// family, and no original may be taken for a copy of a different report of the same event.
// ECB+ itself holds wire stories re-published by several outlets; an original flagged as a
// copy counts as a false positive unless the exact shingle Jaccard similarity of the pair is
// at least 0.4 (then it is a re-publication, checked by hand for a sample).
func TestECBNearCopies(t *testing.T) {
	arts := loadECB(t)
	text := map[string]string{}
	r := rand.New(rand.NewPCG(1, 2))
	ix := New(Options{})
	root := map[string]string{}
	wireCopies, fpOrig := 0, 0
	minJ := 1.0
	for _, a := range arts {
		text[a.ID] = a.Text
		root[a.ID] = a.ID
		res := ix.Add(a.ID, a.Text)
		if res.DupOf == "" {
			continue
		}
		root[a.ID] = res.DupOf
		j := jaccard(a.Text, text[res.Match])
		minJ = min(minJ, j)
		if j >= 0.4 {
			wireCopies++
		} else {
			fpOrig++
			t.Logf("original %s flagged as copy of %s: estimate %.2f, exact Jaccard %.2f", a.ID, res.Match, res.Similarity, j)
		}
	}
	// Unflagged pairs of originals in the same topic that are in fact copies.
	missedOrig := 0
	for i, a := range arts {
		for _, b := range arts[i+1:] {
			if strings.Split(a.ID, "_")[0] != strings.Split(b.ID, "_")[0] || root[a.ID] == root[b.ID] {
				continue
			}
			if j := jaccard(a.Text, b.Text); j >= 0.5 {
				missedOrig++
				t.Logf("originals %s and %s not joined: exact Jaccard %.2f", a.ID, b.ID, j)
			}
		}
	}
	tp, fp, fn := 0, 0, 0
	for _, a := range arts {
		cp := corpus.Perturb(a.Text, r)
		res := ix.Add("copy:"+a.ID, cp)
		switch {
		case res.DupOf == root[a.ID]:
			tp++
		case res.DupOf == "":
			fn++
			t.Logf("copy of %s missed: exact Jaccard %.2f, %d bytes", a.ID, jaccard(a.Text, cp), len(cp))
		default:
			fp++
			fn++
			t.Logf("copy of %s taken for a copy of %s", a.ID, res.DupOf)
		}
	}
	p := float64(tp) / float64(tp+fp)
	rec := float64(tp) / float64(tp+fn)
	t.Logf("ECB+ perturbed copies: precision %.4f recall %.4f (tp %d fp %d fn %d)", p, rec, tp, fp, fn)
	t.Logf("ECB+ originals: %d flagged as re-published wire copies (lowest exact Jaccard %.2f), %d false positives, %d copy pairs (Jaccard >= 0.5) missed",
		wireCopies, minJ, fpOrig, missedOrig)
	if p < 0.99 || rec < 0.97 || fpOrig > 0 {
		t.Errorf("precision %.4f recall %.4f false positives %d, want >= 0.99, >= 0.97, 0", p, rec, fpOrig)
	}
}

func repeated(tb testing.TB, copies int) []article {
	arts := loadECB(tb)
	r := rand.New(rand.NewPCG(3, 4))
	out := make([]article, 0, len(arts)*copies)
	for c := 0; c < copies; c++ {
		for _, a := range arts {
			out = append(out, article{fmt.Sprintf("%s#%d", a.ID, c), corpus.Perturb(a.Text, r)})
		}
	}
	return out
}

// BenchmarkAdd adds ECB+ repeated 50 times, perturbed, and reports articles/s and the heap
// held per article.
func BenchmarkAdd(b *testing.B) {
	docs := repeated(b, 50)
	b.ResetTimer()
	var perArticle float64
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		ix := New(Options{})
		for _, d := range docs {
			ix.Add(d.ID, d.Text)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&m1)
		perArticle = float64(m1.HeapAlloc-m0.HeapAlloc) / float64(len(docs))
		b.ReportMetric(float64(ix.Bytes())/float64(len(docs)), "estbytes/article")
		runtime.KeepAlive(ix)
		b.StartTimer()
	}
	b.ReportMetric(perArticle, "bytes/article")
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}

// TestAddSketch checks that sketches computed on other goroutines and added in order give
// the same results as Add, including for short and empty texts.
func TestAddSketch(t *testing.T) {
	arts := loadECB(t)
	if len(arts) > 300 {
		arts = arts[:300]
	}
	r := rand.New(rand.NewPCG(3, 4))
	var texts []string
	for _, a := range arts {
		texts = append(texts, a.Text, corpus.Perturb(a.Text, r))
	}
	texts = append(texts, "", "Too short to sketch.", texts[0])
	serial, parallel := New(Options{}), New(Options{})
	sketches := make([]Sketch, len(texts))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(texts); i += 4 {
				sketches[i] = parallel.Sketch(texts[i])
			}
		})
	}
	wg.Wait()
	copies := 0
	for i, text := range texts {
		id := fmt.Sprint(i)
		want, got := serial.Add(id, text), parallel.AddSketch(id, sketches[i])
		if got != want {
			t.Fatalf("text %d: AddSketch = %+v, Add = %+v", i, got, want)
		}
		if got.DupOf != "" {
			copies++
		}
	}
	if copies < len(arts) {
		t.Errorf("%d copies found among %d originals and their copies", copies, len(arts))
	}
}
