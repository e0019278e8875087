package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
)

// para is a paragraph long enough that the extractor keeps it.
func para(topic string) string {
	return "The council voted on " + topic + " late on Tuesday after a long debate in which members " +
		"of every party spoke for and against the proposal, and residents filled the public gallery."
}

func article(head, charsetMeta string, paras ...string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head>` + charsetMeta + head + `</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Council approves the new bridge</h1>`)
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</article><footer>Copyright Example News</footer></body></html>`)
	return b.String()
}

const meta = `<title>Council approves the new bridge | Example News</title>
<meta property="og:title" content="Council approves the new bridge">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://news.example.com/2024/03/05/bridge">`

func TestHTML(t *testing.T) {
	page := article(meta, `<meta charset="utf-8">`, para("the bridge"), para("the budget"), para("the road"))
	got, err := HTML([]byte(page), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"title", got.Title, "Council approves the new bridge"},
		{"site", got.Site, "Example News"},
		{"author", got.Author, "Jane Doe"},
		{"published", got.Published, "2024-03-05"},
		{"language", got.Language, "en"},
		{"url", got.URL, "https://news.example.com/2024/03/05/bridge"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	paras := strings.Split(got.Text, "\n\n")
	want := []string{para("the bridge"), para("the budget"), para("the road")}
	for _, w := range want {
		found := false
		for _, p := range paras {
			if p == w {
				found = true
			}
		}
		if !found {
			t.Errorf("paragraph %q not found as its own paragraph in %q", w[:40], got.Text)
		}
	}
	for _, bad := range []string{"Home", "Copyright"} {
		if strings.Contains(got.Text, bad) {
			t.Errorf("text keeps boilerplate %q: %q", bad, got.Text)
		}
	}
}

func TestHTMLGzipAndCharset(t *testing.T) {
	latin := article(meta, `<meta charset="iso-8859-1">`, para("caf\xe9 licences"), para("the budget"), para("the road"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(latin))
	zw.Close()
	for name, data := range map[string][]byte{"plain": []byte(latin), "gzip": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			got, err := HTML(data, "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got.Text, "café licences") {
				t.Errorf("latin-1 not decoded: %q", got.Text)
			}
			if !utf8.ValidString(got.Text) {
				t.Error("text is not UTF-8")
			}
		})
	}
}

func TestHTMLBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, parallax.ErrEmpty},
		{"blank", []byte(" \n\t "), parallax.ErrEmpty},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), parallax.ErrBinary},
		{"no text", []byte("<html><body><script>var x = 1;</script></body></html>"), parallax.ErrNoText},
		{"broken gzip", []byte{0x1f, 0x8b, 8, 0, 0, 0}, parallax.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML(tt.data, "", Options{})
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>One  two.</p><p>Three\nfour.</p>", "One two.\n\nThree four."},
		{"inline", "<p>A <b>bold</b> and <i>it</i>alic.</p>", "A bold and italic."},
		{"line break", "<p>Line one<br>line two</p>", "Line one\nline two"},
		{"list", "<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
		{"heading", "<h2>Sub head</h2><p>Body.</p>", "Sub head\n\nBody."},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a | b\n\nc"},
		{"script dropped", "<p>Kept.<script>dropped()</script></p>", "Kept."},
		{"nbsp", "<p>ten\u00a0dollars</p>", "ten dollars"},
		{"empty", "<div> </div>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := Text(doc); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(article(meta, `<meta charset="utf-8">`, para("a"), para("b"))), "https://example.com/a")
	f.Add([]byte("<p>short</p>"), "")
	f.Add([]byte("<html><head><meta charset=shift_jis><title>\x82\xa0</title></head><body><table><tr><td>x"), "not a url")
	f.Add([]byte{0x1f, 0x8b, 8, 0}, "")
	f.Fuzz(func(t *testing.T, data []byte, u string) {
		if len(data) > 64<<10 {
			return
		}
		p, err := HTML(data, u, Options{})
		if err != nil {
			return
		}
		if p.Text == "" {
			t.Fatal("nil error with empty text")
		}
		for _, s := range []string{p.Text, p.Title, p.Site, p.Author} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output %q", s)
			}
		}
		if strings.Contains(p.Text, "\n\n\n") {
			t.Fatalf("more than one blank line between paragraphs: %q", p.Text)
		}
		if p.Published != "" && len(p.Published) != len("2006-01-02") {
			t.Fatalf("published %q is not YYYY-MM-DD", p.Published)
		}
	})
}
