package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// MaxSize is the largest input read, per file or per JSON line.
const MaxSize = 10 << 20

// Doc is one raw article as read, before cleaning.
type Doc struct {
	ID        string // file name without extension, the JSON line's "id", or FILE:LINE
	Path      string // where it came from: a path, PATH:LINE, "-:LINE" or a URL
	Text      string
	Title     string // given by the input's metadata, if any
	Published string // YYYY-MM-DD or any date text given by metadata
	Source    string // the outlet, if the input names it
	URL       string
	Author    string
	Language  string // ISO 639-1, from an HTML page
	Format    string // "text", "jsonl", ...
}

// A reader turns one file's bytes into documents; errs are per-item problems
// (for example a bad JSON line) that do not stop the rest of the file.
type reader func(path string, data []byte, emit func(Doc) error, skip func(parallax.Skipped)) error

// formats maps a file name's extension to its reader.
var formats = map[string]reader{
	".txt":   readText,
	".text":  readText,
	".md":    readText,
	".jsonl": readJSONL,
}

// readerFor returns the reader for a file name, or nil.
func readerFor(name string) reader {
	low := strings.ToLower(name)
	for ext, r := range formats {
		if strings.Contains(ext, ".") && strings.Count(ext, ".") > 1 && strings.HasSuffix(low, ext) {
			return r // multi-part extensions first: .html.gz
		}
	}
	return formats[filepath.Ext(low)]
}

// Walk reads every path in order (a directory in lexical order of its
// files) and calls emit for each document and skip for each input that
// cannot be read. "-" reads JSON lines from stdin. It stops early only when
// emit returns an error or ctx is done.
func Walk(ctx context.Context, paths []string, stdin io.Reader, emit func(Doc) error, skip func(parallax.Skipped)) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := scanJSONL("-", stdin, emit, skip); err != nil {
				return err
			}
			continue
		}
		if isURL(p) { // url.go
			if err := readURL(ctx, p, emit, skip); err != nil {
				return err
			}
			continue
		}
		if err := walkPath(ctx, p, emit, skip); err != nil {
			return err
		}
	}
	return nil
}

func walkPath(ctx context.Context, root string, emit func(Doc) error, skip func(parallax.Skipped)) error {
	info, err := os.Stat(root)
	if err != nil {
		skip(parallax.Skipped{Path: root, Reason: "cannot read: " + errText(err)})
		return nil
	}
	if !info.IsDir() {
		return readFile(root, info, emit, skip)
	}
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			skip(parallax.Skipped{Path: p, Reason: "cannot read: " + errText(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			skip(parallax.Skipped{Path: p, Reason: "hidden, not read"})
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(f)
		if err != nil {
			skip(parallax.Skipped{Path: f, Reason: "cannot read: " + errText(err)})
			continue
		}
		if err := readFile(f, info, emit, skip); err != nil {
			return err
		}
	}
	return nil
}

func readFile(path string, info fs.FileInfo, emit func(Doc) error, skip func(parallax.Skipped)) error {
	if s := streamFor(filepath.Base(path)); s != nil && info.Mode().IsRegular() {
		return s(path, emit, skip) // warc.go: crawls of any size
	}
	r := readerFor(filepath.Base(path))
	if r == nil {
		ext := filepath.Ext(path)
		if ext == "" {
			ext = "no extension"
		}
		skip(parallax.Skipped{Path: path, Reason: fmt.Sprintf("unsupported format (%s); parallax reads .txt, .text, .md, .jsonl, .html, .htm, .html.gz, .warc and .warc.gz", ext)})
		return nil
	}
	if !info.Mode().IsRegular() {
		skip(parallax.Skipped{Path: path, Reason: "not a regular file"})
		return nil
	}
	if info.Size() > MaxSize {
		skip(parallax.Skipped{Path: path, Reason: fmt.Sprintf("too large: %d bytes, the limit is %d", info.Size(), MaxSize)})
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		skip(parallax.Skipped{Path: path, Reason: "cannot read: " + errText(err)})
		return nil
	}
	return r(path, data, emit, skip)
}

// readText reads one plain-text article.
func readText(path string, data []byte, emit func(Doc) error, skip func(parallax.Skipped)) error {
	if err := CheckText(data); err != nil {
		skip(parallax.Skipped{Path: path, Reason: err.Error()})
		return nil
	}
	return emit(Doc{ID: baseID(path), Path: path, Text: string(data), Format: "text"})
}

func readJSONL(path string, data []byte, emit func(Doc) error, skip func(parallax.Skipped)) error {
	if len(bytes.TrimSpace(data)) == 0 {
		skip(parallax.Skipped{Path: path, Reason: parallax.ErrEmpty.Error() + " file"})
		return nil
	}
	return scanJSONL(path, bytes.NewReader(data), emit, skip)
}

// jsonArticle is one line of a JSON lines input.
type jsonArticle struct {
	ID        any    `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Author    string `json:"author"`
}

func scanJSONL(path string, r io.Reader, emit func(Doc) error, skip func(parallax.Skipped)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	base := baseID(path)
	if path == "-" {
		base = "stdin"
	}
	for n := 1; ; n++ {
		line, err := readLine(br)
		if len(line) > 0 {
			where := path + ":" + strconv.Itoa(n)
			if len(line) > MaxSize {
				skip(parallax.Skipped{Path: where, Reason: fmt.Sprintf("too large: a line of over %d bytes", MaxSize)})
			} else if len(bytes.TrimSpace(line)) > 0 {
				d, perr := parseLine(line)
				if perr != nil {
					skip(parallax.Skipped{Path: where, Reason: perr.Error()})
				} else {
					if d.ID == "" {
						d.ID = base + ":" + strconv.Itoa(n)
					}
					d.Path = where
					if err := emit(d); err != nil {
						return err
					}
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			skip(parallax.Skipped{Path: path, Reason: "cannot read: " + errText(err)})
			return nil
		}
	}
}

// readLine reads one line, keeping at most MaxSize+1 bytes of it.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf) <= MaxSize {
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

func parseLine(line []byte) (Doc, error) {
	if !utf8.Valid(line) {
		return Doc{}, fmt.Errorf("%w in JSON line", parallax.ErrInvalidUTF8)
	}
	var ja jsonArticle
	if err := json.Unmarshal(line, &ja); err != nil {
		return Doc{}, fmt.Errorf("%w JSON line: %v", parallax.ErrMalformed, err)
	}
	if strings.TrimSpace(ja.Text) == "" {
		return Doc{}, fmt.Errorf("%w: no \"text\" field", parallax.ErrNoText)
	}
	if err := CheckText([]byte(ja.Text)); err != nil {
		return Doc{}, err
	}
	id := ""
	switch v := ja.ID.(type) {
	case string:
		id = v
	case float64:
		id = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return Doc{ID: id, Text: ja.Text, Title: ja.Title, Published: ja.Published, Source: ja.Source, URL: ja.URL, Author: ja.Author, Format: "jsonl"}, nil
}

// CheckText says why data is not usable article text: empty, binary,
// invalid UTF-8. It returns nil for text.
func CheckText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("%w file", parallax.ErrEmpty)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return fmt.Errorf("%w: NUL bytes, not text", parallax.ErrBinary)
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		return fmt.Errorf("%w at byte %d", parallax.ErrInvalidUTF8, off)
	}
	ctrl := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(data) {
		return fmt.Errorf("%w: %d control characters", parallax.ErrBinary, ctrl)
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// baseID is a file's name without its extension(s).
func baseID(path string) string {
	b := filepath.Base(path)
	for _, ext := range []string{".gz"} {
		b = strings.TrimSuffix(b, ext)
	}
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
