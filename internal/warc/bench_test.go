package warc

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// BenchmarkReader reads 1000 per-record gzip response records of 20 KB.
func BenchmarkReader(b *testing.B) {
	page := "<html><body>" + strings.Repeat("<p>The council voted on the bridge late on Tuesday.</p>\n", 360) + "</body></html>"
	recs := make([]rec, 1000)
	for i := range recs {
		recs[i] = rec{"response", "https://news.example.com/a", httpResponse(page)}
	}
	data := perRecordGzip(recs)
	raw := int64(len(plain(recs)))
	b.SetBytes(raw)
	for b.Loop() {
		w := NewReader(bytes.NewReader(data))
		n := 0
		for {
			r, err := w.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if _, err := ReadHTTP(r, 1<<20); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != len(recs) {
			b.Fatalf("read %d records", n)
		}
	}
}
