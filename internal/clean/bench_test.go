package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
)

// ecbTexts reads the ECB+ article texts (real news, shared/data).
func ecbTexts(b *testing.B) []string {
	f, err := os.Open("../../../shared/data/ecbplus/ecbplus.jsonl")
	if err != nil {
		b.Skip("shared/data/ecbplus absent")
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &row) == nil {
			out = append(out, row.Text)
		}
	}
	return out
}

// BenchmarkCleanECB cleans the 982 ECB+ articles; it reports articles/s.
func BenchmarkCleanECB(b *testing.B) {
	texts := ecbTexts(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, t := range texts {
			Clean(ingest.Doc{Text: t, Format: "jsonl"})
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
