package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

func writeArticles(t *testing.T, dir string, texts map[string]string) {
	t.Helper()
	for name, s := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStoreCommands(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	quake := "Earthquake strikes Istanbul\n\nA magnitude 6.1 earthquake struck Istanbul on Monday, killing three people, officials said. Buildings collapsed in the old city and rescuers searched the rubble through the night."
	writeArticles(t, in, map[string]string{
		"a.txt":     quake,
		"b.txt":     strings.Replace(quake, "three", "four", 1) + " Schools were closed.",
		"c.txt":     "Parliament passes budget\n\nThe parliament passed the national budget on Tuesday after a long debate about taxes and spending on hospitals.",
		"empty.txt": "",
	})
	db := filepath.Join(dir, "p.db")

	_, errOut, code := run(t, "", "ingest", "--db", db, in)
	if code != 0 || !strings.Contains(errOut, "read 3, new 3") || !strings.Contains(errOut, "near-copies 1") || !strings.Contains(errOut, "skipped 1") {
		t.Fatalf("ingest: code %d\n%s", code, errOut)
	}
	_, errOut, code = run(t, "", "ingest", in, "--db", db)
	if code != 0 || !strings.Contains(errOut, "new 0, already stored 3") {
		t.Fatalf("second ingest: code %d\n%s", code, errOut)
	}

	out, _, code := run(t, "", "stories", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "STORY") {
		t.Fatalf("stories: code %d\n%s", code, out)
	}
	var quakeStory string
	for _, l := range lines[1:] {
		if strings.Contains(l, "Istanbul") {
			quakeStory = strings.Fields(l)[0]
			if strings.Fields(l)[1] != "2" {
				t.Fatalf("quake story should hold 2 articles: %s", l)
			}
		}
	}
	if quakeStory == "" {
		t.Fatalf("no quake story in\n%s", out)
	}

	out, errOut, code = run(t, "", "show", "--db", db, quakeStory, "--json")
	var rep parallax.Report
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || len(rep.Stories) != 1 {
		t.Fatalf("show --json: code %d\n%s\n%s", code, out, errOut)
	}
	st := rep.Stories[0]
	if st.ID != quakeStory || len(st.Articles) != 2 || st.Articles[1].DuplicateOf != "a" || rep.Schema != parallax.Schema {
		t.Fatalf("show: story %s with %d articles, copy of %q", st.ID, len(st.Articles), st.Articles[1].DuplicateOf)
	}
	if out, _, code = run(t, "", "show", "--db", db, "--md", quakeStory); code != 0 || !strings.Contains(out, "#") {
		t.Fatalf("show --md: code %d\n%s", code, out)
	}

	out, _, code = run(t, "", "search", "--db", db, "rubble")
	if code != 0 || !strings.Contains(out, "Articles:") || !strings.Contains(out, "[rubble]") || strings.Contains(out, "c  (story") {
		t.Fatalf("search: code %d\n%s", code, out)
	}
	if out, _, _ = run(t, "", "search", "--db", db, "budget"); !strings.Contains(out, "Stories:") {
		t.Fatalf("search budget finds no story:\n%s", out)
	}

	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"ingest", in}, 2},         // no --db
		{[]string{"ingest", "--db", db}, 2}, // no input
		{[]string{"show", "--db", db}, 2},   // no story
		{[]string{"show", "--db", db, "--json", "--md", "x"}, 2},
		{[]string{"show", "--db", db, "nosuchstory"}, 1},
		{[]string{"search", "--db", db, "!!!"}, 2},
		{[]string{"stories", "--db", db, "extra"}, 2},
		{[]string{"stories", "--db", filepath.Join(dir, "no", "such", "dir.db")}, 1},
		{[]string{"ingest", "--db", filepath.Join(dir, "x.db"), filepath.Join(dir, "missing")}, 1},
	} {
		if _, errOut, code := run(t, "", tc.args...); code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.code, errOut)
		}
	}
}
