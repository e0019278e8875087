package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

func collect(t *testing.T, paths []string, stdin string) ([]Doc, map[string]string) {
	t.Helper()
	var docs []Doc
	skipped := map[string]string{}
	err := Walk(context.Background(), paths, strings.NewReader(stdin), func(d Doc) error {
		docs = append(docs, d)
		return nil
	}, func(s parallax.Skipped) { skipped[s.Path] = s.Reason })
	if err != nil {
		t.Fatal(err)
	}
	return docs, skipped
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWalkBadInput(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "a/good.txt", []byte("A good article. It has text."))
	write(t, dir, "b/notes.md", []byte("# Notes\n\nMarkdown is text too."))
	empty := write(t, dir, "empty.txt", []byte("  \n\n"))
	bin := write(t, dir, "binary.txt", []byte("PK\x03\x04\x00\x00binary"))
	bad := write(t, dir, "latin1.txt", []byte("caf\xe9 au lait"))
	big := write(t, dir, "big.txt", []byte(strings.Repeat("word ", MaxSize/5+10)))
	pdf := write(t, dir, "page.pdf", []byte("%PDF-1.4"))
	write(t, dir, ".hidden/x.txt", []byte("hidden"))
	lines := write(t, dir, "feed.jsonl", []byte(`{"id":"x1","text":"First article text.","title":"T","published":"2022-12-30","source":"S","extra":1}
{"text":"No id here."}
{not json}
{"id":"x3","title":"no text"}

{"id":7,"text":"numeric id"}
`))
	docs, skipped := collect(t, []string{dir, filepath.Join(dir, "missing.txt")}, "")
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	sort.Strings(ids)
	want := []string{"7", "feed:2", "good", "notes", "x1"}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("ids %v, want %v", ids, want)
	}
	reasons := map[string]string{
		empty:                             "empty",
		bin:                               "binary",
		bad:                               "invalid UTF-8",
		big:                               "too large",
		pdf:                               "unsupported format",
		filepath.Join(dir, ".hidden"):     "hidden",
		lines + ":3":                      "malformed JSON",
		lines + ":4":                      "no article text",
		filepath.Join(dir, "missing.txt"): "cannot read",
	}
	for p, want := range reasons {
		if !strings.Contains(skipped[p], want) {
			t.Errorf("skipped[%s] = %q, want it to say %q", p, skipped[p], want)
		}
	}
	if len(skipped) != len(reasons) {
		t.Errorf("skipped %d inputs, want %d: %v", len(skipped), len(reasons), skipped)
	}
	for _, d := range docs {
		if d.ID == "x1" && (d.Title != "T" || d.Published != "2022-12-30" || d.Source != "S" || d.Format != "jsonl") {
			t.Errorf("jsonl metadata lost: %+v", d)
		}
		if d.ID == "good" && d.Path != good {
			t.Errorf("path %q", d.Path)
		}
	}
}

func TestWalkStdin(t *testing.T) {
	docs, skipped := collect(t, []string{"-"}, "{\"id\":\"a\",\"text\":\"One.\"}\n{\"text\":\"Two.\"}\nnot json\n")
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "stdin:2" {
		t.Fatalf("docs %+v", docs)
	}
	if !strings.Contains(skipped["-:3"], "malformed") {
		t.Fatalf("skipped %v", skipped)
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"plain text", nil},
		{"", parallax.ErrEmpty},
		{"\x00\x01", parallax.ErrBinary},
		{"\xff\xfe", parallax.ErrInvalidUTF8},
		{strings.Repeat("\x01\x02", 50) + "ab", parallax.ErrBinary},
	}
	for _, tc := range tests {
		err := CheckText([]byte(tc.in))
		if (err == nil) != (tc.want == nil) || err != nil && !strings.Contains(err.Error(), tc.want.Error()) {
			t.Errorf("CheckText(%q) = %v, want %v", tc.in, err, tc.want)
		}
	}
}

func FuzzJSONLine(f *testing.F) {
	f.Add(`{"id":"a","text":"x"}`)
	f.Add(`{"text":"\u0000"}`)
	f.Fuzz(func(t *testing.T, line string) {
		d, err := parseLine([]byte(line))
		if err == nil && strings.TrimSpace(d.Text) == "" {
			t.Fatalf("accepted a line without text: %q", line)
		}
	})
}
