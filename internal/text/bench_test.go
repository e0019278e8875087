package text

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/corpus"
)

// BenchmarkSplitTokenize splits and tokenises the paragraphs of the ECB+
// articles, as NewDocument does; it reports paragraphs/s.
func BenchmarkSplitTokenize(b *testing.B) {
	var paras []string
	for _, a := range corpus.ECB(b) {
		paras = append(paras, strings.Split(a.Text, "\n")...)
	}
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
