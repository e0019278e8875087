package pipeline

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/text"
)

// Options tune a batch analysis.
type Options struct {
	Analyze analyze.Options
	// Read, when set, is told how many documents and bytes of text were
	// read, once all inputs are read and before any is analysed: the
	// command sizes its memory policy by it.
	Read func(docs, bytes int)
}

// Prepare cleans a raw document and splits it into sentences. Notes are
// things worth telling the user (an unknown date); err is set when nothing
// of the article is left to analyse.
func Prepare(d ingest.Doc) (doc *text.Document, notes []string, err error) {
	a, r, pub := articleOf(d)
	doc = text.NewDocument(a, r.Paragraphs, pub)
	if len(doc.Sentences) == 0 {
		return nil, r.Notes, nothingLeft(r)
	}
	return doc, r.Notes, nil
}

// articleOf cleans d into its article record, without sentences yet, the
// cleaning's result and the publication day (zero when unknown).
func articleOf(d ingest.Doc) (*parallax.Article, clean.Result, time.Time) {
	r := clean.Clean(d)
	a := &parallax.Article{
		ID:        d.ID,
		Source:    parallax.NullString(r.Source),
		Published: parallax.NullString(r.Published),
		Dateline:  parallax.NullString(r.Dateline),
		Title:     parallax.NullString(r.Title),
		Headings:  r.Headings,
		Removed:   r.Removed,
		Sentences: []string{},
		URL:       d.URL,
		Path:      d.Path,
		Author:    d.Author,
		Language:  d.Language,
	}
	var pub time.Time
	if r.Published != "" {
		pub, _ = time.Parse("2006-01-02", r.Published)
	}
	return a, r, pub
}

// nothingLeft is the error of an article that cleaning emptied.
func nothingLeft(r clean.Result) error {
	return fmt.Errorf("%w: nothing left after cleaning (%d lines removed, %d headings)", parallax.ErrNoText, len(r.Removed), len(r.Headings))
}

// Analyze reads the inputs, groups the articles into stories and analyses
// each story. Inputs that cannot be read are in Report.Skipped; notes about
// articles that were read are in Report.Warnings.
func Analyze(ctx context.Context, paths []string, stdin io.Reader, opt Options) (parallax.Report, error) {
	rep := parallax.Report{Schema: parallax.Schema, Stories: []parallax.Story{}, Skipped: []parallax.Skipped{}, Warnings: []parallax.Skipped{}}
	var raws []ingest.Doc
	err := ingest.Walk(ctx, paths, stdin, func(d ingest.Doc) error {
		raws = append(raws, d)
		return nil
	}, func(s parallax.Skipped) { rep.Skipped = append(rep.Skipped, s) })
	if err != nil {
		return rep, err
	}
	if opt.Read != nil {
		n := 0
		for _, d := range raws {
			n += len(d.Text)
		}
		opt.Read(len(raws), n)
	}
	sites := clean.LearnSites(raws)
	// Articles are prepared on every core, then taken in input order.
	type prepared struct {
		doc       *text.Document
		notes     []string
		err       error
		siteLines []string
	}
	ready := make([]prepared, len(raws))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(raws)) {
		wg.Go(func() {
			for i := range next {
				d := raws[i]
				p := &ready[i]
				d.Text, p.siteLines = sites.Strip(clean.SiteKey(d), d.Text)
				p.doc, p.notes, p.err = Prepare(d)
			}
		})
	}
	for i := range raws {
		next <- i
	}
	close(next)
	wg.Wait()
	var docs []*text.Document
	seen := map[string]int{}
	for i, d := range raws {
		doc, notes, err, siteLines := ready[i].doc, ready[i].notes, ready[i].err, ready[i].siteLines
		for _, n := range notes {
			rep.Warnings = append(rep.Warnings, parallax.Skipped{Path: d.Path, Reason: n})
		}
		if err != nil {
			rep.Skipped = append(rep.Skipped, parallax.Skipped{Path: d.Path, Reason: err.Error()})
			continue
		}
		if len(siteLines) > 0 {
			doc.Article.Removed = append(siteLines, doc.Article.Removed...)
		}
		if n := seen[doc.Article.ID]; n > 0 { // ids must be unique within a report
			seen[doc.Article.ID]++
			doc.Article.ID += "~" + strconv.Itoa(n+1)
		} else {
			seen[doc.Article.ID] = 1
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return rep, nil
	}
	for _, group := range cluster.Group(docs) {
		sd := make([]*text.Document, len(group))
		for i, gi := range group {
			sd[i] = docs[gi]
		}
		rep.Stories = append(rep.Stories, analyze.Story(sd, opt.Analyze))
	}
	sort.SliceStable(rep.Stories, func(i, j int) bool {
		return len(rep.Stories[i].Articles) > len(rep.Stories[j].Articles)
	})
	return rep, nil
}

// Articles counts the articles of a report.
func Articles(rep parallax.Report) int {
	n := 0
	for _, s := range rep.Stories {
		n += len(s.Articles)
	}
	return n
}
