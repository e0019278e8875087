package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seeds is the shared reference case, beside the repository.
const seeds = "../../../shared/seeds"

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Logger: NewMain().Logger}
	err := m.Run(context.Background(), args)
	m.Close()
	return out.String(), errb.String(), ExitCode(err)
}

func needSeeds(t testing.TB) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("../shared/seeds not beside the repository")
	}
}

// TestAnalyzeSeedsGolden checks what the text reader makes of the seeds
// (the articles: metadata, sentences, removed lines, headings; the story's
// grouping and event date) against a golden file, and that the whole
// report is byte-identical from run to run. The analyses have their own
// tests and the seeds scorer in CI.
func TestAnalyzeSeedsGolden(t *testing.T) {
	needSeeds(t)
	out, stderr, code := run(t, "", "analyze", "--json", seeds)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep parallax.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	type storyText struct {
		ID        string              `json:"id"`
		EventDate parallax.NullString `json:"event_date"`
		Articles  []parallax.Article  `json:"articles"`
	}
	var texts []storyText
	for _, st := range rep.Stories {
		texts = append(texts, storyText{st.ID, st.EventDate, st.Articles})
	}
	got, err := json.MarshalIndent(texts, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "seeds.articles.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("seeds articles differ from %s (run go test ./cmd/parallax -update after checking the change)\n%s", golden, firstDiff(string(got), string(want)))
	}
	if len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != 5 {
		t.Fatalf("want one story of five articles, got %d stories", len(rep.Stories))
	}
	if rep.Stories[0].EventDate != "2022-12-30" {
		t.Errorf("event date %q", rep.Stories[0].EventDate)
	}
	again, _, _ := run(t, "", "analyze", "--json", seeds)
	if again != out {
		t.Error("two runs on the same input differ")
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + itoa(i+1) + ":\n got  " + la[i] + "\n want " + lb[i]
		}
	}
	return "lengths differ"
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestAnalyzeFormats(t *testing.T) {
	needSeeds(t)
	term, _, code := run(t, "", "analyze", seeds)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Articles\n--------", "ANI", "TDI", "California18", "2022-12-30", "Beijing"} {
		if !strings.Contains(term, want) {
			t.Errorf("terminal report lacks %q", want)
		}
	}
	md, _, _ := run(t, "", "analyze", "--md", seeds)
	for _, want := range []string{"# ", "## Articles", "| article | outlet |", "| 000_cb21c3443e73e9ca | ANI | 2022-12-30 | Beijing |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown report lacks %q", want)
		}
	}
}

func TestAnalyzeExitCodes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Officials met on Monday. They agreed on a plan."), 0o644)
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		err   string // in stderr
	}{
		{"no args", []string{}, "", 2, ""},
		{"unknown command", []string{"frobnicate"}, "", 2, "unknown command"},
		{"analyze without input", []string{"analyze"}, "", 2, "no input"},
		{"bad flag", []string{"analyze", "--nope", dir}, "", 2, "flag provided but not defined"},
		{"nothing readable", []string{"analyze", filepath.Join(dir, "empty.txt")}, "", 1, "empty"},
		{"one readable, one skipped", []string{"analyze", "--json", dir}, "", 0, "skipped " + filepath.Join(dir, "empty.txt")},
		{"stdin", []string{"analyze", "--json", "-"}, `{"text":"A bridge collapsed on Monday. Rescuers arrived."}` + "\n{broken\n", 0, "-:2: malformed"},
		{"flags after paths", []string{"analyze", dir, "--md"}, "", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.err) {
				t.Errorf("stderr %q lacks %q", stderr, tc.err)
			}
		})
	}
}

func TestSkippedInJSON(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte{0, 1, 2, 3}, 0o644)
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Officials met on Monday. They agreed on a plan."), 0o644)
	out, _, code := run(t, "", "analyze", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rep parallax.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "binary") {
		t.Errorf("skipped %+v", rep.Skipped)
	}
	if len(rep.Stories) != 1 || rep.Stories[0].Articles[0].ID != "ok" {
		t.Errorf("stories %+v", rep.Stories)
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, cmd := range []string{"analyze", "ingest", "stories", "show", "search"} {
		_, stderr, code := run(t, "", cmd, "-h")
		if code != 0 || strings.Contains(stderr, "usage error") || !strings.Contains(stderr, "Usage") {
			t.Errorf("%s -h: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}
