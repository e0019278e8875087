package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// The crash test re-runs this test binary as a child that ingests; these
// variables tell the child to do so.
const (
	childDBEnv = "PARALLAX_SQLITE_CRASH_DB"
	childNEnv  = "PARALLAX_SQLITE_CRASH_N"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(childDBEnv); path != "" {
		var n int
		fmt.Sscan(os.Getenv(childNEnv), &n)
		if err := ingestChild(path, n); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// synthetic returns article i of a deterministic stream: about 3 KB of text,
// ten articles to a story.
func synthetic(i int) (parallax.StoryInfo, parallax.StoredArticle) {
	story := parallax.StoryInfo{ID: fmt.Sprintf("story-%d", i/10), Headline: fmt.Sprintf("Story number %d", i/10)}
	var b strings.Builder
	for j := 0; b.Len() < 3000; j++ {
		fmt.Fprintf(&b, "Sentence %d of article %d says officials in city%d reported %d cases on day %d. ", j, i, i%97, (i*31+j)%1000, j%28+1)
	}
	a := art(fmt.Sprintf("key-%08d", i), fmt.Sprintf("a%d", i), story.ID, fmt.Sprintf("outlet%d", i%7),
		fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1), fmt.Sprintf("Article %d", i), b.String())
	return story, a
}

// ingest puts articles 0..n-1 in batches of batch, calling reported with
// each key after the batch holding it committed; it returns how many were new.
func ingest(ctx context.Context, db *DB, n, batch int, reported func(key string)) (int, error) {
	added := 0
	for lo := 0; lo < n; lo += batch {
		var stories []parallax.StoryInfo
		var arts []parallax.StoredArticle
		for i := lo; i < min(lo+batch, n); i++ {
			s, a := synthetic(i)
			if len(stories) == 0 || stories[len(stories)-1].ID != s.ID {
				stories = append(stories, s)
			}
			arts = append(arts, a)
		}
		got, err := db.Put(ctx, parallax.Batch{Stories: stories, Articles: arts})
		if err != nil {
			return added, err
		}
		for i, ok := range got {
			if ok {
				added++
			}
			if reported != nil {
				reported(arts[i].Key)
			}
		}
	}
	return added, nil
}

func ingestChild(path string, n int) error {
	db, err := Open(context.Background(), path)
	if err != nil {
		return err
	}
	defer db.Close()
	// Unbuffered: a key is printed only after its batch committed.
	_, err = ingest(context.Background(), db, n, 50, func(key string) { fmt.Fprintln(os.Stdout, key) })
	return err
}

// TestKillDuringIngest kills an ingesting process with SIGKILL and checks
// that every article it reported as stored is there, that the database is
// intact, and that ingesting again completes the set without duplicates.
func TestKillDuringIngest(t *testing.T) {
	const n = 20000
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childDBEnv+"="+path, fmt.Sprintf("%s=%d", childNEnv, n))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var reported []string
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		reported = append(reported, sc.Text())
		if !killed && len(reported) >= 3000 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	err = cmd.Wait()
	if !killed {
		t.Fatalf("child finished before it could be killed: %v", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child was not killed by SIGKILL: %v", cmd.ProcessState)
	}
	if len(reported) >= n {
		t.Fatalf("child stored all %d articles before the kill; the test proves nothing", n)
	}
	t.Logf("child reported %d of %d articles before SIGKILL", len(reported), n)

	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.w.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if _, err := db.w.Exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"); err != nil {
		t.Fatalf("fts integrity-check: %v", err)
	}
	has, err := db.Has(ctx, reported)
	if err != nil {
		t.Fatal(err)
	}
	for i, ok := range has {
		if !ok {
			t.Fatalf("reported article %s is not in the store", reported[i])
		}
	}
	var before int
	db.r.QueryRow("SELECT count(*) FROM articles").Scan(&before)
	if before < len(reported) || before >= n {
		t.Fatalf("stored %d articles, reported %d of %d", before, len(reported), n)
	}

	start := time.Now()
	added, err := ingest(ctx, db, n, 500, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("re-ingest added %d in %v", added, time.Since(start))
	if added != n-before {
		t.Fatalf("re-ingest added %d, want %d", added, n-before)
	}
	var total, distinct, fts int
	db.r.QueryRow("SELECT count(*), count(DISTINCT key) FROM articles").Scan(&total, &distinct)
	db.r.QueryRow("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"sentence\"'").Scan(&fts)
	if total != n || distinct != n || fts != n {
		t.Fatalf("after re-ingest: %d articles, %d distinct keys, %d indexed; want %d", total, distinct, fts, n)
	}
	stories, err := db.Stories(ctx, parallax.StoryQuery{})
	if err != nil || len(stories) != n/10 {
		t.Fatalf("stories = %d, %v; want %d", len(stories), err, n/10)
	}
	for _, s := range stories {
		if s.Articles != 10 {
			t.Fatalf("story %s has %d articles, want 10", s.ID, s.Articles)
		}
	}
}
