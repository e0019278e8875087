package warc

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax"
)

// Response is the HTTP message held by a response record.
type Response struct {
	StatusCode  int
	ContentType string // media type without parameters, lower case, e.g. "text/html"
	Header      http.Header
	Body        []byte // with transfer and content encodings removed
}

// IsHTTPResponse reports whether the record is an HTTP response (WARC-Type response,
// Content-Type application/http) and so may hold a page.
func (r *Record) IsHTTPResponse() bool {
	if r.Type != "response" {
		return false
	}
	mt, _, _ := mime.ParseMediaType(r.ContentType)
	return mt == "application/http" || r.ContentType == ""
}

// ReadHTTP parses the HTTP response in rec's body and reads its payload, at
// most max bytes after decoding (parallax.ErrTooLarge beyond). Chunked
// transfer coding and gzip or deflate content coding are undone.
func ReadHTTP(rec *Record, max int64) (*Response, error) {
	resp, err := http.ReadResponse(bufio.NewReader(rec.Body), nil)
	if err != nil {
		return nil, fmt.Errorf("read http response: %w: %v", parallax.ErrMalformed, err)
	}
	defer resp.Body.Close()
	out := &Response{StatusCode: resp.StatusCode, Header: resp.Header}
	out.ContentType, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return out, fmt.Errorf("read http body: %w: gzip: %v", parallax.ErrMalformed, err)
		}
		body = zr
	case "deflate":
		// Servers send zlib-wrapped or raw deflate under this name.
		br := bufio.NewReader(body)
		if h, _ := br.Peek(2); len(h) == 2 && h[0]&0x0f == 8 && (int(h[0])<<8|int(h[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return out, fmt.Errorf("read http body: %w: deflate: %v", parallax.ErrMalformed, err)
			}
			body = zr
		} else {
			body = flate.NewReader(br)
		}
	default:
		return out, fmt.Errorf("read http body: %w: content encoding %q", parallax.ErrUnsupported, enc)
	}
	b, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return out, fmt.Errorf("read http body: %w", err)
	}
	if int64(len(b)) > max {
		return out, fmt.Errorf("read http body: %w: over %d bytes", parallax.ErrTooLarge, max)
	}
	out.Body = b
	return out, nil
}
