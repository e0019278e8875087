package clean

import (
	"testing"

	"github.com/parallax-news/parallax/internal/corpus"
	"github.com/parallax-news/parallax/internal/ingest"
)

// BenchmarkCleanECB cleans the 982 ECB+ articles; it reports articles/s.
func BenchmarkCleanECB(b *testing.B) {
	arts := corpus.ECB(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			Clean(ingest.Doc{Text: a.Text, Format: "jsonl"})
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
