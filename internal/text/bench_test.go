package text

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// ecbParagraphs reads the paragraphs of the ECB+ articles (real news).
func ecbParagraphs(b *testing.B) []string {
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
			out = append(out, strings.Split(row.Text, "\n")...)
		}
	}
	return out
}

// BenchmarkSplitTokenize splits and tokenises the ECB+ paragraphs, as
// NewDocument does; it reports paragraphs/s.
func BenchmarkSplitTokenize(b *testing.B) {
	paras := ecbParagraphs(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, p := range paras {
			for _, sp := range SplitSpans(p) {
				Tokenize(p[sp[0]:sp[1]])
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "paragraphs/s")
}
