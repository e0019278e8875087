package ingest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/warc"
)

// A streamer reads a file too large to hold in memory, such as a crawl.
type streamer func(path string, emit func(Doc) error, skip func(parallax.Skipped)) error

// streams maps an extension to its streamer; these files have no size limit.
var streams = map[string]streamer{".warc": readWARC, ".warc.gz": readWARC}

// streamFor returns the streamer for a file name, or nil.
func streamFor(name string) streamer {
	low := strings.ToLower(name)
	for _, ext := range []string{".warc.gz", ".warc"} {
		if strings.HasSuffix(low, ext) {
			return streams[ext]
		}
	}
	return nil
}

// readWARC extracts the article of every HTML response record of a WARC
// file, streaming. A document's id is FILE:N, N counting the HTML pages of
// the file; its path is FILE@OFFSET. Damaged records and pages without
// article text are skipped with their reason; responses that are not HTML
// pages with status 200 (images, redirects) are passed over silently.
func readWARC(path string, emit func(Doc) error, skip func(parallax.Skipped)) error {
	f, err := os.Open(path)
	if err != nil {
		skip(parallax.Skipped{Path: path, Reason: "cannot read: " + errText(err)})
		return nil
	}
	defer f.Close()
	w := warc.NewReader(f)
	base := baseID(path)
	n := 0
	for {
		rec, err := w.Next()
		if err == io.EOF {
			if n == 0 {
				skip(parallax.Skipped{Path: path, Reason: parallax.ErrNoText.Error() + ": no HTML response record"})
			}
			return nil
		}
		var re *warc.RecordError
		if errors.As(err, &re) {
			skip(parallax.Skipped{Path: fmt.Sprintf("%s@%d", path, re.Offset), Reason: withURI(re.URI, re.Err)})
			continue
		}
		if err != nil {
			skip(parallax.Skipped{Path: path, Reason: "cannot read: " + errText(err)})
			return nil
		}
		if !rec.IsHTTPResponse() {
			continue
		}
		where := fmt.Sprintf("%s@%d", path, rec.Offset)
		resp, err := warc.ReadHTTP(rec, extract.MaxSize)
		if err != nil {
			if errors.As(err, &re) {
				err = re.Err
			}
			skip(parallax.Skipped{Path: where, Reason: withURI(rec.TargetURI, err)})
			continue
		}
		if resp.StatusCode != http.StatusOK || !isHTML(resp.ContentType, resp.Body) {
			continue
		}
		n++
		p, err := extract.HTML(resp.Body, rec.TargetURI, extract.Options{})
		if err != nil {
			skip(parallax.Skipped{Path: where, Reason: withURI(rec.TargetURI, err)})
			continue
		}
		if err := emit(pageDoc(fmt.Sprintf("%s:%d", base, n), where, rec.TargetURI, p, "warc")); err != nil {
			return err
		}
	}
}

func withURI(uri string, err error) string {
	if uri == "" {
		return err.Error()
	}
	return uri + ": " + err.Error()
}

// isHTML reports an HTML media type, or none given and HTML content.
func isHTML(mediaType string, body []byte) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml":
		return true
	case "":
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}
