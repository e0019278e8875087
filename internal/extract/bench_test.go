package extract

import (
	"bytes"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// loadPages reads the shared extraction pages, decompressed.
func loadPages(b *testing.B) [][]byte {
	_, keys := loadTruth(b)
	pages := make([][]byte, len(keys))
	for i, k := range keys {
		p, err := Gunzip(readPage(b, k))
		if err != nil {
			b.Fatal(err)
		}
		pages[i] = p
	}
	return pages
}

// BenchmarkHTML is parallax's extraction of the 181 shared pages; compare with
// BenchmarkLibrary, go-trafilatura alone on the same bytes.
func BenchmarkHTML(b *testing.B) {
	pages := loadPages(b)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		HTML(pages[i%len(pages)], "", Options{})
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkLibrary is go-trafilatura's own Extract with its defaults.
func BenchmarkLibrary(b *testing.B) {
	pages := loadPages(b)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		trafilatura.Extract(bytes.NewReader(pages[i%len(pages)]), trafilatura.Options{})
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
