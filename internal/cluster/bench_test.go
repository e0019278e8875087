package cluster

import (
	"fmt"
	"github.com/parallax-news/parallax/internal/corpus"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// BenchmarkAdd clusters ECB+ repeated 50 times (49,100 articles, each copy perturbed), one
// copy of the corpus per simulated day so that the window closes old stories, and reports
// articles/s and the heap held at the end per open story.
func BenchmarkAdd(b *testing.B) {
	docs := loadECB(b)
	r := rand.New(rand.NewPCG(5, 6))
	var items []Item
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := range 50 {
		for _, d := range docs {
			items = append(items, Item{ID: fmt.Sprintf("%s#%d", d.item.ID, c), Date: day.AddDate(0, 0, c),
				Title: d.item.Title, Text: corpus.Perturb(d.item.Text, r)})
		}
	}
	b.ResetTimer()
	var open, stories int
	var heap uint64
	for range b.N {
		c := New(Options{})
		for _, it := range items {
			c.Add(it)
		}
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = m.HeapAlloc
		open, stories = c.Open(), c.Stories()
		runtime.KeepAlive(c)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(items))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(stories), "stories")
	b.ReportMetric(float64(open), "open")
	b.ReportMetric(float64(heap)/(1<<20), "heapMiB")
}

// BenchmarkGroup is the batch path (online pass plus refinement) over the 982 ECB+ articles.
func BenchmarkGroup(b *testing.B) {
	docs := loadECB(b)
	its := make([]Item, len(docs))
	for i, d := range docs {
		its[i] = d.item
	}
	b.ResetTimer()
	for range b.N {
		groupItems(its, Options{}, defaultRefine)
	}
	b.ReportMetric(float64(b.N*len(its))/b.Elapsed().Seconds(), "articles/s")
}
