package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ingest"
)

// pagesDir holds 181 real news pages, gzip-compressed.
const pagesDir = "../../../shared/data/extraction/html"

func pageFiles(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join(pagesDir, "*.html.gz"))
	if len(files) == 0 {
		b.Skip("shared/data/extraction absent")
	}
	return files
}

// BenchmarkHTMLLibrary is the baseline: read, gunzip and go-trafilatura's
// Extract with its defaults, for every page of the directory.
func BenchmarkHTMLLibrary(b *testing.B) {
	files := pageFiles(b)
	n := 0
	for b.Loop() {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			page, _ := io.ReadAll(zr)
			trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{})
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkHTMLIngest is parallax's ingest of the same directory: walking,
// reading, extraction and the conversion to a Doc.
func BenchmarkHTMLIngest(b *testing.B) {
	pageFiles(b)
	n := 0
	for b.Loop() {
		err := ingest.Walk(context.Background(), []string{pagesDir}, nil, func(d ingest.Doc) error { n++; return nil },
			func(parallax.Skipped) {})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
