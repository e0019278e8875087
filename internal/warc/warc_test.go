package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// rec is a record of a test fixture.
type rec struct {
	typ, uri, body string
}

func (r rec) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%x>\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n", r.typ, len(r.uri)+len(r.body))
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	ct := "application/warc-fields"
	if r.typ == "response" {
		ct = "application/http; msgtype=response"
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", ct, len(r.body), r.body)
	return b.Bytes()
}

func httpResponse(body string) string {
	return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
		fmt.Sprint(len(body)) + "\r\n\r\n" + body
}

var fixture = []rec{
	{"warcinfo", "", "software: parallax-test\r\nformat: WARC File Format 1.1\r\n"},
	{"request", "https://news.example.com/a", "GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n"},
	{"response", "https://news.example.com/a", httpResponse("<html><body><p>Story A</p></body></html>")},
	{"response", "https://news.example.com/b", httpResponse("<html><body><p>Story B</p></body></html>")},
	{"metadata", "https://news.example.com/b", "fetchTimeMs: 12\r\n"},
}

func plain(recs []rec) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(r.bytes())
	}
	return b.Bytes()
}

func gz(p []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(p)
	zw.Close()
	return b.Bytes()
}

// perRecordGzip compresses each record as its own gzip member.
func perRecordGzip(recs []rec) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(gz(r.bytes()))
	}
	return b.Bytes()
}

// item is what reading a stream gave: a record or an error.
type item struct {
	typ, uri, body string
	err            error
}

func readAll(t *testing.T, r io.Reader) []item {
	t.Helper()
	w := NewReader(r)
	var out []item
	for i := 0; i < 1000; i++ {
		rec, err := w.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("fatal error: %v", err)
			}
			out = append(out, item{err: err})
			continue
		}
		b, err := io.ReadAll(rec.Body)
		out = append(out, item{typ: rec.Type, uri: rec.TargetURI, body: string(b), err: err})
	}
	t.Fatal("no end after 1000 calls")
	return nil
}

func TestReader(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"plain", plain(fixture)},
		{"gzip per record", perRecordGzip(fixture)},
		{"gzip whole file", gz(plain(fixture))},
		{"plain LF only", bytes.ReplaceAll(plain(fixture[:1]), []byte("\r\n\r\nsoftware"), []byte("\r\n\r\nsoftware"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, bytes.NewReader(tt.data))
			want := fixture
			if tt.name == "plain LF only" {
				want = fixture[:1]
			}
			if len(got) != len(want) {
				t.Fatalf("got %d items, want %d: %+v", len(got), len(want), got)
			}
			for i, w := range want {
				g := got[i]
				if g.err != nil || g.typ != w.typ || g.uri != w.uri || g.body != w.body {
					t.Errorf("record %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestReaderOffsets(t *testing.T) {
	data := perRecordGzip(fixture)
	w := NewReader(bytes.NewReader(data))
	var offs []int64
	for {
		rec, err := w.Next()
		if err != nil {
			break
		}
		offs = append(offs, rec.Offset)
	}
	want := int64(0)
	for i, r := range fixture {
		if offs[i] != want {
			t.Errorf("record %d offset %d, want %d", i, offs[i], want)
		}
		want += int64(len(gz(r.bytes())))
	}
}

func TestReaderDamage(t *testing.T) {
	full := plain(fixture)
	third := bytes.Index(full, []byte("WARC/1.1\r\nWARC-Type: response"))
	members := make([][]byte, len(fixture))
	for i, r := range fixture {
		members[i] = gz(r.bytes())
	}
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name     string
		data     []byte
		wantURIs []string // records read whole, in order; "!" for a damage report
		reason   error
		noSeek   []string // wantURIs when the input cannot seek, if different
	}{
		{"plain cut at end", full[:len(full)-30],
			[]string{"", "https://news.example.com/a", "https://news.example.com/a", "https://news.example.com/b", "!"}, ErrTruncated, nil},
		{"plain cut in header", full[:third+20],
			[]string{"", "https://news.example.com/a", "!"}, ErrTruncated, nil},
		{"plain garbage between records", join(full[:third], []byte("junk line\r\nmore junk\r\n"), full[third:]),
			[]string{"", "https://news.example.com/a", "!", "https://news.example.com/a", "https://news.example.com/b", "https://news.example.com/b"}, parallax.ErrMalformed, nil},
		{"gzip member cut at end", join(members[0], members[1], members[2][:len(members[2])/2]),
			[]string{"", "https://news.example.com/a", "!"}, ErrTruncated, nil},
		{"gzip member trailer cut", join(members[0], members[1], members[2][:len(members[2])-6]),
			[]string{"", "https://news.example.com/a", "https://news.example.com/a", "!"}, ErrTruncated, nil},
		// Without Seek, decompression has eaten the start of the next member.
		{"gzip member cut in the middle", join(members[0], members[1][:len(members[1])/2], members[2], members[3]),
			[]string{"", "!", "https://news.example.com/a", "https://news.example.com/b"}, nil,
			[]string{"", "!", "https://news.example.com/b"}},
		{"gzip member corrupt", join(members[0], corrupt(members[1]), members[2]),
			[]string{"", "!", "https://news.example.com/a"}, nil, nil},
		{"gzip record shorter than its length", join(members[0], gz(bytes.Replace(fixture[1].bytes(),
			[]byte(fmt.Sprintf("Content-Length: %d", len(fixture[1].body))), []byte("Content-Length: 999"), 1)), members[2]),
			[]string{"", "!", "https://news.example.com/a"}, ErrTruncated, nil},
		{"gzip then garbage", join(members[0], []byte("not gzip at all"), members[2]),
			[]string{"", "!", "https://news.example.com/a"}, parallax.ErrMalformed, nil},
	}
	for _, tt := range tests {
		for _, seek := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s seek=%v", tt.name, seek), func(t *testing.T) {
				var r io.Reader = bytes.NewReader(tt.data)
				if !seek {
					r = io.MultiReader(r) // hides Seek
				}
				got := readAll(t, r)
				var uris []string
				for _, g := range got {
					if g.err != nil {
						uris = append(uris, "!")
						if tt.reason != nil && !errors.Is(g.err, tt.reason) {
							t.Errorf("reason %v, want %v", g.err, tt.reason)
						}
						if !strings.Contains(g.err.Error(), "offset") {
							t.Errorf("error %q does not name the offset", g.err)
						}
						continue
					}
					uris = append(uris, g.uri)
				}
				want := tt.wantURIs
				if !seek && tt.noSeek != nil {
					want = tt.noSeek
				}
				if fmt.Sprint(uris) != fmt.Sprint(want) {
					t.Errorf("got %q, want %q (%+v)", uris, want, got)
				}
			})
		}
	}
}

// corrupt flips bytes in the middle of a gzip member's deflate data.
func corrupt(m []byte) []byte {
	c := bytes.Clone(m)
	for i := len(c) / 3; i < len(c)/3+6 && i < len(c)-8; i++ {
		c[i] ^= 0xff
	}
	return c
}

func TestReadHTTP(t *testing.T) {
	page := "<html><body><p>Chunked and gzipped page</p></body></html>"
	zipped := gz([]byte(page))
	var chunked bytes.Buffer
	fmt.Fprintf(&chunked, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
	fmt.Fprintf(&chunked, "%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 10, zipped[:10], len(zipped)-10, zipped[10:])
	tests := []struct {
		name     string
		body     string
		max      int64
		want     string
		wantType string
		wantErr  error
	}{
		{"plain", httpResponse(page), 1 << 20, page, "text/html", nil},
		{"chunked gzip", chunked.String(), 1 << 20, page, "text/html", nil},
		{"too large", httpResponse(page), 10, "", "text/html", parallax.ErrTooLarge},
		{"not http", "hello", 1 << 20, "", "", parallax.ErrMalformed},
		{"brotli", "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 1\r\n\r\nx", 1 << 20, "", "", parallax.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := plain([]rec{{"response", "https://x.example/", tt.body}})
			w := NewReader(bytes.NewReader(data))
			r, err := w.Next()
			if err != nil {
				t.Fatal(err)
			}
			if !r.IsHTTPResponse() {
				t.Fatal("not an HTTP response record")
			}
			resp, err := ReadHTTP(r, tt.max)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if string(resp.Body) != tt.want || resp.ContentType != tt.wantType {
				t.Errorf("got %q %q, want %q %q", resp.ContentType, resp.Body, tt.wantType, tt.want)
			}
		})
	}
}

// TestReaderTruncatedHTTP: a response cut short is reported once, by
// ReadHTTP, and reading goes on.
func TestReaderTruncatedHTTP(t *testing.T) {
	cut := fixture[2].bytes()
	cut = cut[:len(cut)-20]
	data := bytes.Join([][]byte{gz(fixture[0].bytes()), gz(cut), gz(fixture[3].bytes())}, nil)
	w := NewReader(bytes.NewReader(data))
	var reports, ok int
	for {
		r, err := w.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			reports++
			continue
		}
		if r.IsHTTPResponse() {
			if _, err := ReadHTTP(r, 1<<20); err != nil {
				if !errors.Is(err, ErrTruncated) {
					t.Errorf("err = %v, want ErrTruncated", err)
				}
				reports++
				continue
			}
			ok++
		}
	}
	if reports != 1 || ok != 1 {
		t.Errorf("reports %d, good responses %d; want 1 and 1", reports, ok)
	}
}

// bigBody streams n bytes of HTML-ish text without holding them.
type bigBody struct{ n int64 }

func (b *bigBody) Read(p []byte) (int, error) {
	if b.n == 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), b.n)
	for i := range p[:k] {
		p[i] = "<p>news </p>\n"[i%13]
	}
	b.n -= k
	return int(k), nil
}

// TestReaderStreams reads a 256 MiB record from a pipe and checks the heap
// stays small: records are never held in memory.
func TestReaderStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 256 MiB through a pipe")
	}
	const size = 256 << 20
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprintf(pw, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://big.example/\r\nContent-Length: %d\r\n\r\n", size)
		io.Copy(pw, &bigBody{n: size})
		io.WriteString(pw, "\r\n\r\n")
		pw.Write(plain(fixture[2:3]))
		pw.Close()
	}()
	w := NewReader(pr)
	rec, err := w.Next()
	if err != nil {
		t.Fatal(err)
	}
	var peak uint64
	buf := make([]byte, 1<<20)
	var total int64
	for {
		n, err := rec.Body.Read(buf)
		total += int64(n)
		if total%(32<<20) < int64(n) {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if total != size {
		t.Fatalf("read %d bytes, want %d", total, size)
	}
	rec, err = w.Next()
	if err != nil || rec.TargetURI != fixture[2].uri {
		t.Fatalf("next record %+v, %v", rec, err)
	}
	if peak > 32<<20 {
		t.Errorf("heap in use %d MiB while streaming, want < 32", peak>>20)
	}
}

// TestReaderFile reads a fixture written to disk, as the ingest walker does.
func TestReaderFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(path, perRecordGzip(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := readAll(t, f); len(got) != len(fixture) {
		t.Errorf("got %d records, want %d", len(got), len(fixture))
	}
}

func FuzzReader(f *testing.F) {
	f.Add(plain(fixture))
	f.Add(perRecordGzip(fixture[:3]))
	f.Add(plain(fixture)[:200])
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\nx"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: -1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := NewReader(bytes.NewReader(data))
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("%d calls to Next on %d bytes: no progress", i, len(data))
			}
			rec, err := w.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var re *RecordError
				if !errors.As(err, &re) {
					t.Fatalf("not a RecordError: %v", err)
				}
				continue
			}
			if rec.ContentLength < 0 {
				t.Fatalf("negative length %d", rec.ContentLength)
			}
			if i%2 == 0 {
				n, err := io.Copy(io.Discard, rec.Body)
				if err == nil && n != rec.ContentLength {
					t.Fatalf("read %d body bytes without error, want %d", n, rec.ContentLength)
				}
			}
			if rec.IsHTTPResponse() {
				ReadHTTP(rec, 1<<16)
			}
		}
	})
}
