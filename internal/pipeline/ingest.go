package pipeline

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zeebo/xxh3"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/text"
)

// IngestOptions tune Ingest. Zero fields take the defaults.
type IngestOptions struct {
	Workers int // goroutines cleaning and splitting articles (default GOMAXPROCS)
	Batch   int // articles per store transaction (default 1000)
	// Warm is how many of the articles stored last are replayed into the
	// near-copy index and the clusterer before reading, so that a later run
	// (or a run after a crash) continues the stories of the one before
	// (default 5000; negative: none). It happens when the first article not
	// yet stored comes up, so a run with nothing new stays quick.
	Warm int
	// Dedup configures the near-copy index. Its Capacity, the most recent
	// articles held, also bounds the article ids the runner remembers;
	// default 100000 (about 60 MB), negative for no bound.
	Dedup   dedup.Options
	Cluster cluster.Options
	// Progress is told the articles read so far and the input bytes they
	// came from after each committed batch and at the end; nil for none.
	Progress func(articles int, bytes int64)
	Logger   *slog.Logger
	// Read, when set, is where articles come from instead of walking the
	// paths: for example feeds polled until ctx is done.
	Read func(ctx context.Context, emit func(ingest.Doc) error, skip func(parallax.Skipped)) error
}

// IngestStats count what an ingest did.
type IngestStats struct {
	Read       int // articles read from the inputs
	New        int // articles stored by this run
	Stored     int // articles already in the store (same input before)
	NearCopies int // new articles that are near copies of an earlier one
	Exact      int // of those, copies word for word
	Skipped    []parallax.Skipped
	Created    int // stories started by this run
	Updated    int // stories from earlier runs that gained articles
	Merged     int // stories found to be another story
	Elapsed    time.Duration
}

// String is the closing line of an ingest.
func (s IngestStats) String() string {
	var b strings.Builder
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Read) / s.Elapsed.Seconds()
	}
	fmt.Fprintf(&b, "read %d, new %d, already stored %d, near-copies %d (%d exact), skipped %d",
		s.Read, s.New, s.Stored, s.NearCopies, s.Exact, len(s.Skipped))
	if reasons := skipReasons(s.Skipped); reasons != "" {
		b.WriteString(" (" + reasons + ")")
	}
	fmt.Fprintf(&b, "; stories created %d, updated %d, merged %d; %.1fs, %.0f articles/s",
		s.Created, s.Updated, s.Merged, s.Elapsed.Seconds(), rate)
	return b.String()
}

// skipReasons counts skips by reason (the text after the last ": "), most
// frequent first.
func skipReasons(sk []parallax.Skipped) string {
	n := map[string]int{}
	for _, s := range sk {
		r := s.Reason
		if i := strings.LastIndex(r, ": "); i >= 0 && i+2 < len(r) {
			r = r[i+2:]
		}
		n[r]++
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if n[keys[i]] != n[keys[j]] {
			return n[keys[i]] > n[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", n[k], k)
	}
	return strings.Join(parts, ", ")
}

// Key is the content hash that identifies an input in the store: the same
// id, metadata and text give the same key, so reading an input twice adds
// nothing, while the same text from another outlet is a new article (a copy).
func Key(d ingest.Doc) string {
	h := xxh3.New()
	for _, f := range []string{d.ID, d.Title, d.Published, d.Source, d.URL, d.Author, d.Text} {
		var n [8]byte
		l := len(f)
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.WriteString(f)
	}
	sum := h.Sum128().Bytes()
	return hex.EncodeToString(sum[:])
}

// job is one document on its way through the runner.
type job struct {
	seq    int
	doc    ingest.Doc
	key    string
	stored bool // the store has it already
	skip   *parallax.Skipped
	// set by a worker
	article   *parallax.Article
	body      string // the cleaned paragraphs, as stored and compared
	sketch    dedup.Sketch
	published time.Time
	err       error
}

// prepareArticle is Prepare without tokens: ingest needs the cleaned
// article and its sentences, not the tokens and stems that analysis uses
// (show prepares the stored input again). TestPrepareArticle holds the two
// to the same articles.
func prepareArticle(d ingest.Doc) (*parallax.Article, []string, time.Time, error) {
	a, r, pub := articleOf(d)
	for _, p := range r.Paragraphs {
		a.Sentences = append(a.Sentences, text.Split(p)...)
	}
	if len(a.Sentences) == 0 {
		return nil, nil, pub, nothingLeft(r)
	}
	return a, r.Paragraphs, pub, nil
}

// Ingest reads the inputs and stores every article not yet stored, each
// marked as a near copy of its first copy if it is one and placed in a
// story. Cleaning, sentence splitting and the near-copy sketch of each text
// run on Workers goroutines; near-copy lookups, stories and writes follow
// the input order, so a run is deterministic. Memory is bounded by the
// near-copy index's capacity (IngestOptions.Dedup), the clusterer's window
// and a few batches in flight, not by the length of the run.
// Articles are written in batches; once Progress has counted an article it
// is in the store. Per-input problems are in IngestStats.Skipped.
func Ingest(ctx context.Context, st parallax.Store, paths []string, stdin io.Reader, opt IngestOptions) (IngestStats, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Batch <= 0 {
		opt.Batch = 1000
	}
	if opt.Warm == 0 {
		opt.Warm = 5000
	}
	if opt.Dedup.Capacity == 0 {
		opt.Dedup.Capacity = 100000
	}
	// What the ordered stage remembers per article (ids, keys, stories of
	// copies) is bounded like the near-copy index: an ingest that runs for
	// days (feeds polled with --every) holds the same memory after a week as
	// after a day. Keys need remembering only until their batch is
	// committed, after which the walker's Has check finds them; far fewer
	// articles than the bound are in flight at once.
	remember := opt.Dedup.Capacity
	if remember < 0 {
		remember = 0 // no bound
	} else {
		remember = max(remember, 8*opt.Batch+4096)
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	// Reading stops when the caller's ctx is done (Ctrl-C); what was read by
	// then is still cleaned, placed and stored, so an interrupted run leaves
	// every article it took either fully stored or not at all. The stages
	// after reading stop early only on an error of their own.
	readCtx := ctx
	ctx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cancel(nil)
	read := opt.Read
	if read == nil {
		read = func(ctx context.Context, emit func(ingest.Doc) error, skip func(parallax.Skipped)) error {
			return ingest.Walk(ctx, paths, stdin, emit, skip)
		}
	}

	r := &runner{
		st:      st,
		opt:     opt,
		dd:      dedup.New(opt.Dedup),
		cl:      cluster.New(opt.Cluster),
		storyOf: map[int]string{},
		byID:    newRecent[string](remember),
		ids:     newRecent[int](remember),
		seen:    newRecent[bool](remember),
		known:   map[string]bool{},
		ctx:     ctx,
	}

	// Walk -> key check -> workers -> in order: dedup, cluster -> writer.
	walked := make(chan []*job, 4)
	work := make(chan *job, 4*opt.Workers)
	done := make(chan *job, 4*opt.Workers)
	batches := make(chan pending, 2)
	var walkErr error
	go func() {
		defer close(walked)
		var chunk []*job
		seq := 0
		flush := func() error {
			if len(chunk) == 0 {
				return nil
			}
			keys := make([]string, len(chunk))
			for i, j := range chunk {
				keys[i] = j.key
			}
			has, err := st.Has(ctx, keys)
			if err != nil {
				return err
			}
			for i, j := range chunk {
				j.stored = has[i]
			}
			select {
			case walked <- chunk:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			chunk = nil
			return nil
		}
		walkErr = read(readCtx, func(d ingest.Doc) error {
			chunk = append(chunk, &job{seq: seq, doc: d, key: Key(d)})
			seq++
			if len(chunk) == 256 {
				return flush()
			}
			return nil
		}, func(s parallax.Skipped) {
			chunk = append(chunk, &job{seq: seq, skip: &s})
			seq++
		})
		if err := flush(); walkErr == nil {
			walkErr = err
		}
	}()
	go func() { // fan the chunks out in order
		defer close(work)
		for chunk := range walked {
			for _, j := range chunk {
				select {
				case work <- j:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for j := range work {
				if j.skip == nil && !j.stored {
					var paras []string
					j.article, paras, j.published, j.err = prepareArticle(j.doc)
					if j.err == nil {
						// The near-copy sketch is most of the near-copy work
						// and needs no shared state: it is done here, in
						// parallel, and only looked up in order.
						j.body = strings.Join(paras, "\n\n")
						j.sketch = r.dd.Sketch(j.body)
					}
				}
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()

	var writeErr error
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for p := range batches {
			if writeErr != nil {
				continue // drain
			}
			added, err := st.Put(ctx, p.batch)
			if err != nil {
				writeErr = err
				cancel(err)
				continue
			}
			for i, ok := range added {
				if ok {
					r.stats.New++
					if p.batch.Articles[i].Article.DuplicateOf != "" {
						r.stats.NearCopies++
						if p.exact[i] {
							r.stats.Exact++
						}
					}
				}
			}
			r.progressed += p.read
			r.bytes += p.bytes
			if opt.Progress != nil {
				opt.Progress(r.progressed, r.bytes)
			}
		}
	}()

	// The ordered stage: jobs come back in any order and leave in seq order.
	held := map[int]*job{}
	next := 0
	cur := pending{}
	for j := range done {
		held[j.seq] = j
		for {
			j, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			r.order(j, &cur)
			if len(cur.batch.Articles) >= opt.Batch {
				batches <- cur
				cur = pending{}
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	if cur.read > 0 || len(cur.batch.Articles) > 0 || len(cur.batch.Merges) > 0 {
		batches <- cur
	}
	close(batches)
	<-writerDone
	for range done { // let the workers finish after a cancel
	}
	r.stats.Elapsed = time.Since(start)
	r.stats.Updated = len(r.updated)
	if r.warmErr != nil {
		return r.stats, r.warmErr
	}
	if writeErr != nil {
		return r.stats, fmt.Errorf("ingest: store: %w", writeErr)
	}
	if walkErr != nil && !errors.Is(walkErr, writeErr) {
		return r.stats, fmt.Errorf("ingest: %w", walkErr)
	}
	if err := ctx.Err(); err != nil {
		return r.stats, fmt.Errorf("ingest: %w", context.Cause(ctx))
	}
	if err := readCtx.Err(); err != nil {
		return r.stats, fmt.Errorf("ingest: interrupted; what was read is stored: %w", err)
	}
	return r.stats, nil
}

// pending is a batch being built by the ordered stage.
type pending struct {
	batch parallax.Batch
	exact []bool // per article: an exact copy
	read  int    // articles read since the last batch, stored or not
	bytes int64
}

// runner holds the in-memory state of the ordered stage.
type runner struct {
	st  parallax.Store
	opt IngestOptions
	dd  *dedup.Index
	cl  *cluster.Clusterer

	warmed  bool
	warmErr error
	ctx     context.Context

	storyOf map[int]string  // clusterer story number -> story id
	byID    *recent[string] // article id -> story id, for copies
	ids     *recent[int]    // article ids used in this run
	seen    *recent[bool]   // keys met in this run
	known   map[string]bool // story ids stored before this run
	updated map[string]bool // stories from before this run that gained articles

	stats      IngestStats
	progressed int
	bytes      int64
}

// warm replays the articles stored last into the near-copy index and the
// clusterer, mapping the clusterer's stories to the stored ones.
func (r *runner) warm(ctx context.Context) error {
	if r.opt.Warm < 0 {
		return nil
	}
	recent, err := r.st.Recent(ctx, r.opt.Warm)
	if err != nil {
		return fmt.Errorf("ingest: warm up: %w", err)
	}
	for _, a := range recent {
		id := a.Article.ID
		r.dd.Add(id, a.Text)
		as := r.cl.Add(cluster.Item{ID: id, Date: parseDate(string(a.Article.Published)), Title: string(a.Article.Title), Text: a.Text})
		if _, ok := r.storyOf[as.Story]; !ok && a.StoryID != "" {
			r.storyOf[as.Story] = a.StoryID
		}
		if a.StoryID != "" {
			r.known[a.StoryID] = true
			r.byID.put(id, a.StoryID)
		}
	}
	return nil
}

func parseDate(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// order handles one job in input order: count it, find its copies and its
// story, and add it to the batch.
func (r *runner) order(j *job, p *pending) {
	if j.skip != nil {
		r.stats.Skipped = append(r.stats.Skipped, *j.skip)
		return
	}
	r.stats.Read++
	p.read++
	p.bytes += int64(len(j.doc.Text))
	if j.stored || r.seen.get(j.key) {
		r.stats.Stored++
		return
	}
	if j.err != nil {
		r.stats.Skipped = append(r.stats.Skipped, parallax.Skipped{Path: j.doc.Path, Reason: j.err.Error()})
		return
	}
	if !r.warmed {
		r.warmed = true
		if r.warmErr = r.warm(r.ctx); r.warmErr != nil {
			return
		}
	}
	if r.warmErr != nil {
		return
	}
	r.seen.put(j.key, true)
	a := j.article
	// Ids are unique within a run, as in a report.
	if n := r.ids.get(a.ID); n > 0 {
		r.ids.put(a.ID, n+1)
		a.ID += "~" + strconv.Itoa(n+1)
	} else {
		r.ids.put(a.ID, 1)
	}
	body := j.body
	res := r.dd.AddSketch(a.ID, j.sketch)
	var storyID string
	if res.DupOf != "" {
		a.DuplicateOf = parallax.NullString(res.DupOf)
		storyID = r.byID.get(res.Match)
		if storyID == "" {
			storyID = r.byID.get(res.DupOf)
		}
	}
	if storyID == "" {
		as := r.cl.Add(cluster.Item{ID: a.ID, Date: j.published, Title: string(a.Title), Text: body})
		sid, ok := r.storyOf[as.Story]
		if !ok {
			sid = "s" + j.key[:12]
			r.storyOf[as.Story] = sid
			r.stats.Created++
			head := string(a.Title)
			if head == "" && len(a.Sentences) > 0 {
				head = a.Sentences[0]
			}
			p.batch.Stories = append(p.batch.Stories, parallax.StoryInfo{ID: sid, Headline: head})
		}
		storyID = sid
		for _, m := range as.Merged {
			if from, ok := r.storyOf[m]; ok && from != sid {
				p.batch.Merges = append(p.batch.Merges, parallax.Merge{From: from, Into: sid})
				r.stats.Merged++
				r.storyOf[m] = sid
			}
		}
	}
	if r.known[storyID] {
		if r.updated == nil {
			r.updated = map[string]bool{}
		}
		r.updated[storyID] = true
	}
	r.byID.put(a.ID, storyID)
	d := j.doc
	p.batch.Articles = append(p.batch.Articles, parallax.StoredArticle{
		Key: j.key, StoryID: storyID, Article: *a, Text: body,
		Input: parallax.Input{Path: d.Path, Format: d.Format, Text: d.Text, Title: d.Title, Published: d.Published, Source: d.Source, URL: d.URL, Author: d.Author},
	})
	p.exact = append(p.exact, res.Exact)
}

// recent is a map that forgets its oldest keys beyond a capacity (0: never).
type recent[V any] struct {
	m    map[string]V
	ring []string // keys in the order they came, when bounded
	next int
	cap  int
}

func newRecent[V any](capacity int) *recent[V] {
	return &recent[V]{m: map[string]V{}, cap: capacity}
}

func (r *recent[V]) get(k string) V { return r.m[k] }

// put sets k's value; a new key pushes out the oldest one when full.
func (r *recent[V]) put(k string, v V) {
	if _, ok := r.m[k]; !ok && r.cap > 0 {
		if len(r.ring) < r.cap {
			r.ring = append(r.ring, k)
		} else {
			delete(r.m, r.ring[r.next])
			r.ring[r.next] = k
			r.next = (r.next + 1) % r.cap
		}
	}
	r.m[k] = v
}
