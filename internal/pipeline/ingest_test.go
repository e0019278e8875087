package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/sqlite"
	"github.com/parallax-news/parallax/internal/text"
)

const ecbPlus = "../../../shared/data/ecbplus/ecbplus.jsonl"

type ecbDoc struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func loadECB(tb testing.TB) []ecbDoc {
	tb.Helper()
	f, err := os.Open(ecbPlus)
	if os.IsNotExist(err) {
		tb.Skip("ECB+ corpus not present")
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []ecbDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d ecbDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d) // the event and topic labels are left behind
	}
	return docs
}

// perturb shuffles a text's sentences and drops about one word in twenty,
// as an outlet re-editing a wire story would.
func perturb(s string, r *rand.Rand) string {
	var sents []string
	for _, line := range strings.Split(s, "\n") {
		sents = append(sents, text.Split(line)...)
	}
	r.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
	var b strings.Builder
	for i, snt := range sents {
		if i > 0 {
			if i%4 == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		kept := 0
		for _, w := range strings.Fields(snt) {
			if r.IntN(20) == 0 {
				continue
			}
			if kept > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			kept++
		}
	}
	return b.String()
}

// writeCorpus writes ECB+ repeated copies times as JSON lines into dir, one
// file per copy (copy-NN.jsonl), every copy after the first perturbed, with
// ids ID-rN; it returns the articles written.
func writeCorpus(tb testing.TB, dir string, copies int) int {
	tb.Helper()
	docs := loadECB(tb)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(6, 49))
	n := 0
	for c := range copies {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("copy-%02d.jsonl", c)))
		if err != nil {
			tb.Fatal(err)
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for _, d := range docs {
			t := d.Text
			if c > 0 {
				t = perturb(t, r)
			}
			if err := enc.Encode(ecbDoc{ID: fmt.Sprintf("%s-r%d", d.ID, c), Text: t}); err != nil {
				tb.Fatal(err)
			}
			n++
		}
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return n
}

func TestPerturb(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	in := "The storm hit the coast on Monday. Thousands lost power. Officials said repairs would take days.\nSchools were closed."
	var words, kept int
	for range 200 {
		out := perturb(in, r)
		words += len(strings.Fields(in))
		kept += len(strings.Fields(out))
		if out == in {
			t.Fatalf("perturb left the text as it was")
		}
	}
	if drop := 1 - float64(kept)/float64(words); drop < 0.03 || drop > 0.07 {
		t.Fatalf("dropped %.3f of words, want about 0.05", drop)
	}
}

// TestWriteCorpus checks the generated corpus, and writes the 50-copy
// corpus of the throughput run to the directory $PARALLAX_CORPUS_OUT when
// it is set:
//
//	PARALLAX_CORPUS_OUT=/tmp/ecb50 go test -count=1 -run TestWriteCorpus ./internal/pipeline
func TestWriteCorpus(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c")
	n := writeCorpus(t, path, 2)
	var ids []string
	err := ingest.Walk(context.Background(), []string{path}, nil, func(d ingest.Doc) error {
		ids = append(ids, d.ID)
		return nil
	}, func(s parallax.Skipped) { t.Errorf("skipped %v", s) })
	if err != nil || len(ids) != n || n < 1900 {
		t.Fatalf("read %d of %d, %v", len(ids), n, err)
	}
	if out := os.Getenv("PARALLAX_CORPUS_OUT"); out != "" {
		t.Logf("wrote %d articles to %s", writeCorpus(t, out, 50), out)
	}
}

func openStore(t testing.TB) (*sqlite.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c")
	n := writeCorpus(t, corpus, 2)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("\xff\xfe\x00\x01binary"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	db, _ := openStore(t)
	ctx := context.Background()

	var last int
	st, err := Ingest(ctx, db, []string{corpus, bad, empty}, nil, IngestOptions{Batch: 300, Progress: func(n int, _ int64) { last = n }})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(st)
	if st.Read != n || st.New+len(st.Skipped) < n-5 || st.New < n-20 || st.Stored != 0 || last != n {
		t.Fatalf("first run: %+v (progress %d), want %d read and new", st, last, n)
	}
	if len(st.Skipped) < 2 {
		t.Fatalf("bad and empty inputs not skipped: %v", st.Skipped)
	}
	// Each perturbed copy is a near copy of its original, in its story.
	if st.NearCopies < n/2*95/100 {
		t.Fatalf("near copies = %d, want about %d", st.NearCopies, n/2)
	}
	stories, err := db.Stories(ctx, parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range stories {
		total += s.Articles
	}
	if total != st.New || len(stories) != st.Created-st.Merged || len(stories) < 50 || len(stories) > n/2 {
		t.Fatalf("%d stories holding %d articles; stats %+v", len(stories), total, st)
	}
	arts, err := db.StoryArticles(ctx, stories[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]parallax.StoredArticle{}
	for _, a := range arts {
		byID[a.Article.ID] = a
	}
	for _, a := range arts {
		if a.Article.DuplicateOf != "" && strings.HasSuffix(a.Article.ID, "-r1") {
			want := parallax.NullString(strings.TrimSuffix(a.Article.ID, "-r1") + "-r0")
			if o, ok := byID[string(want)]; ok && o.Article.DuplicateOf != "" {
				want = o.Article.DuplicateOf // the original is itself a copy: name the first
			}
			if a.Article.DuplicateOf != want {
				t.Errorf("%s is a copy of %s, want %s", a.Article.ID, a.Article.DuplicateOf, want)
			}
		}
	}

	st2, err := Ingest(ctx, db, []string{corpus}, nil, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st2.New != 0 || st2.Stored != st.New || st2.Created != 0 {
		t.Fatalf("second run: %+v; want nothing new, %d already stored", st2, st.New)
	}
	if !strings.Contains(st.String(), "skipped") || !strings.Contains(st2.String(), fmt.Sprintf("already stored %d", st.New)) {
		t.Fatalf("closing lines: %q / %q", st, st2)
	}
}

// TestIngestContinues checks that a second run with new articles continues
// the stories of the first: copies of stored articles join their stories.
func TestIngestContinues(t *testing.T) {
	docs := loadECB(t)[:200]
	dir := t.TempDir()
	write := func(name string, rep int) string {
		p := filepath.Join(dir, name)
		var b strings.Builder
		r := rand.New(rand.NewPCG(uint64(rep), 7))
		for _, d := range docs {
			t := d.Text
			if rep > 0 {
				t = perturb(t, r)
			}
			line, _ := json.Marshal(ecbDoc{ID: fmt.Sprintf("%s-r%d", d.ID, rep), Text: t})
			b.Write(line)
			b.WriteByte('\n')
		}
		os.WriteFile(p, []byte(b.String()), 0o644)
		return p
	}
	db, _ := openStore(t)
	ctx := context.Background()
	st1, err := Ingest(ctx, db, []string{write("a.jsonl", 0)}, nil, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st2, err := Ingest(ctx, db, []string{write("b.jsonl", 1)}, nil, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st2.New != 200 || st2.NearCopies < 190 || st2.Created > 10 || st2.Updated < st1.Created*8/10 {
		t.Fatalf("second run %+v after first %+v: copies must join the stored stories", st2, st1)
	}
	stories, _ := db.Stories(ctx, parallax.StoryQuery{})
	if len(stories) > st1.Created+st2.Created {
		t.Fatalf("%d stories", len(stories))
	}
}

// TestPrepareArticle holds ingest's token-free preparation to Prepare.
func TestPrepareArticle(t *testing.T) {
	docs := loadECB(t)
	inputs := []ingest.Doc{{ID: "empty", Text: "Leave a Reply\n\nShare this article\n"}}
	for _, d := range docs[:300] {
		inputs = append(inputs, ingest.Doc{ID: d.ID, Text: d.Text, Path: d.ID + ".txt", Format: "text"})
	}
	inputs = append(inputs, ingest.Doc{ID: "meta", Title: "A title", Published: "2024-03-05", Source: "Reuters",
		Text: "LONDON (Reuters) - The bank raised rates on Tuesday. Markets fell.\n\nAdvertisement\n\nMore text follows here."})
	for _, d := range inputs {
		want, _, werr := Prepare(d)
		a, paras, pub, err := prepareArticle(d)
		if (err != nil) != (werr != nil) {
			t.Fatalf("%s: err %v, Prepare's %v", d.ID, err, werr)
		}
		if err != nil {
			continue
		}
		if !reflect.DeepEqual(a, want.Article) || !slices.Equal(paras, want.Paragraphs) || !pub.Equal(want.Published) {
			t.Fatalf("%s:\n got %+v\nwant %+v", d.ID, a, want.Article)
		}
	}
}

func TestKey(t *testing.T) {
	base := ingest.Doc{ID: "a", Text: "Some text.", Source: "X", Path: "in/a.txt"}
	moved := base
	moved.Path = "elsewhere/a.txt"
	other := base
	other.Source = "Y"
	shifted := ingest.Doc{ID: "aS", Text: "ome text.", Source: "X"}
	if Key(base) != Key(moved) {
		t.Error("the key depends on the path")
	}
	for _, d := range []ingest.Doc{other, shifted} {
		if Key(d) == Key(base) {
			t.Errorf("%+v has the key of %+v", d, base)
		}
	}
	if k := Key(base); len(k) != 32 {
		t.Errorf("key %q", k)
	}
}

func TestSkipReasons(t *testing.T) {
	got := skipReasons([]parallax.Skipped{{Path: "a", Reason: "read a: empty"}, {Path: "b", Reason: "binary content"}, {Path: "c", Reason: "x: empty"}})
	if want := "2 empty, 1 binary content"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// BenchmarkIngest runs the whole ingest (read, prepare, near copies,
// stories, store) over ECB+ repeated 5 times, perturbed.
// BenchmarkIngest ingests ECB+ five times over (a fifth of the articles are
// originals, the rest perturbed copies) into a fresh store; BenchmarkIngest50
// fifty times (49,100 articles, the speed bar's corpus). Both report
// articles/s and the CPU time per article, user and system, of the whole
// process while ingesting, which a machine shared with other work leaves
// readable when wall time is not.
func BenchmarkIngest(b *testing.B)   { benchIngest(b, 5) }
func BenchmarkIngest50(b *testing.B) { benchIngest(b, 50) }

func benchIngest(b *testing.B, copies int) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "c")
	n := writeCorpus(b, corpus, copies)
	var cpu time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		db, err := sqlite.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		st, err := Ingest(context.Background(), db, []string{corpus}, nil, IngestOptions{})
		if err != nil || st.New < n*99/100 {
			b.Fatalf("%v: %+v", err, st)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		db.Close()
		os.Remove(filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-us/article")
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestRecent(t *testing.T) {
	tests := []struct {
		name  string
		cap   int
		puts  []string
		held  []string
		gone  []string
		count int
	}{
		{"unbounded", 0, []string{"a", "b", "c", "d"}, []string{"a", "b", "c", "d"}, nil, 4},
		{"oldest leave", 2, []string{"a", "b", "c", "d"}, []string{"c", "d"}, []string{"a", "b"}, 2},
		{"a second put does not renew", 2, []string{"a", "b", "a", "c"}, []string{"b", "c"}, []string{"a"}, 2},
		{"under capacity", 5, []string{"a", "b"}, []string{"a", "b"}, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRecent[int](tt.cap)
			for i, k := range tt.puts {
				r.put(k, i+1)
			}
			for _, k := range tt.held {
				if r.get(k) == 0 {
					t.Errorf("%s forgotten", k)
				}
			}
			for _, k := range tt.gone {
				if r.get(k) != 0 {
					t.Errorf("%s still held", k)
				}
			}
			if len(r.m) != tt.count {
				t.Errorf("holds %d keys, want %d", len(r.m), tt.count)
			}
		})
	}
}

// TestIngestSearchFindsCopies checks that a search for the words of a near
// copy finds the story holding it, though only originals have their text in
// the full-text index.
func TestIngestSearchFindsCopies(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c")
	writeCorpus(t, corpus, 2)
	db, _ := openStore(t)
	ctx := context.Background()
	if _, err := Ingest(ctx, db, []string{corpus}, nil, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	stories, err := db.Stories(ctx, parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	checked, found := 0, 0
	for _, s := range stories {
		arts, err := db.StoryArticles(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			if a.Article.DuplicateOf == "" || checked == 40 {
				continue
			}
			// The copy's five longest words: a query only its family matches.
			words := strings.FieldsFunc(a.Text, func(r rune) bool { return !unicode.IsLetter(r) })
			slices.SortStableFunc(words, func(x, y string) int { return len(y) - len(x) })
			words = slices.Compact(words)
			q := strings.Join(words[:min(5, len(words))], " ")
			res, err := db.Search(ctx, q, 50)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			for _, h := range res.Articles {
				if h.StoryID == s.ID {
					found++
					break
				}
			}
		}
	}
	if checked < 40 || found < checked*95/100 {
		t.Fatalf("the story of %d of %d near copies found by searching their words", found, checked)
	}
}
