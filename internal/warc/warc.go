// Package warc reads WARC files (ISO 28500, versions 0.17 to 1.1) record by
// record, plain or gzip-compressed (one gzip member per record, or the whole
// file as members of any size), without holding a record in memory: a
// record's body is a reader over the file.
//
// Damage is reported per record and reading goes on: a record cut short, a
// corrupt gzip member or garbage between records comes back from Next as a
// *RecordError naming the record's offset and the reason, and the next call
// resumes at the next record that can be found. The package knows nothing of
// HTML or articles; ReadHTTP parses the HTTP message of a response record.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// ErrTruncated is the reason of a record that ends before its Content-Length.
var ErrTruncated = errors.New("truncated record")

// MaxHeader is the largest WARC header block read, in bytes.
const MaxHeader = 256 << 10

// RecordError is damage to one record (or to the bytes between records).
type RecordError struct {
	Offset int64  // in the file: of the record, or of its gzip member
	URI    string // WARC-Target-URI, when the header was read
	Err    error
}

func (e *RecordError) Error() string {
	if e.URI != "" {
		return fmt.Sprintf("warc record at offset %d (%s): %v", e.Offset, e.URI, e.Err)
	}
	return fmt.Sprintf("warc record at offset %d: %v", e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Record is one WARC record. Body reads its content block and is valid until
// the next call to Next.
type Record struct {
	Version       string // e.g. "WARC/1.1"
	Header        textproto.MIMEHeader
	Type          string // WARC-Type: response, request, warcinfo, ...
	TargetURI     string // WARC-Target-URI
	ID            string // WARC-Record-ID
	Date          string // WARC-Date
	ContentType   string
	ContentLength int64
	Offset        int64 // of the record in a plain file, of its gzip member in a compressed one
	Body          io.Reader
}

// Reader reads records from a WARC stream.
type Reader struct {
	src    io.Reader
	seeker io.Seeker // src as a Seeker, or nil
	cnt    *counter
	raw    *bufio.Reader // file bytes
	gz     *gzip.Reader  // nil for a plain file
	in     *bufio.Reader // record bytes: raw, or the current member decompressed

	memberStart int64
	memberDone  bool // in has hit the end of the current member
	badMember   bool // the current member is corrupt: skip to the next one
	resyncPlain bool // skip to the next "WARC/" line
	resyncing   bool // the current member was found by a scan
	cur         *body
	pending     error
	started     bool
}

// NewReader returns a Reader over r, which holds a plain or gzip-compressed
// WARC file. When r is also an io.Seeker, a corrupt gzip member is skipped
// exactly; otherwise the scan for the next member goes on from where
// decompression failed.
func NewReader(r io.Reader) *Reader {
	cnt := &counter{r: r}
	w := &Reader{src: r, cnt: cnt, raw: bufio.NewReaderSize(cnt, 64<<10)}
	if s, ok := r.(io.Seeker); ok {
		if pos, err := s.Seek(0, io.SeekCurrent); err == nil {
			w.seeker = s
			cnt.base = pos
		}
	}
	return w
}

// counter counts the bytes read from the file.
type counter struct {
	r    io.Reader
	base int64
	n    int64
	err  error // the last error other than io.EOF
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

// rawOffset is the offset in the file of the next raw byte not yet consumed.
func (w *Reader) rawOffset() int64 { return w.cnt.base + w.cnt.n - int64(w.raw.Buffered()) }

func (w *Reader) start() error {
	w.started = true
	head, err := w.raw.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		w.gz = new(gzip.Reader)
		w.memberDone = true // no member open yet
		return nil
	}
	w.in = w.raw
	if err == io.EOF && len(head) == 0 {
		return io.EOF
	}
	return nil
}

// Next returns the next record, io.EOF at the end of the stream, or a
// *RecordError for a damaged record, after which Next may be called again.
// Any other error is from the underlying reader and ends reading.
func (w *Reader) Next() (*Record, error) {
	if !w.started {
		if err := w.start(); err != nil {
			return nil, err
		}
	}
	if w.cur != nil {
		w.finish()
	}
	if w.pending != nil {
		err := w.pending
		w.pending = nil
		return nil, err
	}
	for {
		if w.gz != nil {
			if w.badMember {
				if err := w.skipMember(); err != nil {
					return nil, err
				}
			}
			if w.memberDone || w.atMemberEnd() {
				if err := w.openMember(); err != nil {
					if errors.Is(err, io.EOF) {
						return nil, io.EOF
					}
					var re *RecordError
					if errors.As(err, &re) {
						return nil, w.report(re)
					}
					return nil, err
				}
				continue
			}
		}
		offset := w.memberStart
		if w.gz == nil {
			offset = w.rawOffset()
		}
		if w.resyncPlain {
			w.resyncPlain = false
			if err := w.skipToVersion(); err != nil {
				return nil, err
			}
			continue
		}
		rec, err := w.readHeader(offset)
		if err == io.EOF {
			if w.gz != nil {
				w.memberDone = true
				continue
			}
			return nil, io.EOF
		}
		if err != nil {
			var re *RecordError
			if errors.As(err, &re) {
				return nil, w.report(re)
			}
			return nil, err
		}
		return rec, nil
	}
}

// report returns a record error, making sure the reader moves on.
func (w *Reader) report(re *RecordError) error {
	if w.gz != nil {
		w.badMember = true
	} else {
		w.resyncPlain = true
	}
	return re
}

// atMemberEnd reports whether the decompressed member has no bytes left.
func (w *Reader) atMemberEnd() bool {
	_, err := w.in.Peek(1)
	if err == nil {
		return false
	}
	if err == io.EOF {
		w.memberDone = true
		return true
	}
	return false // an error: readHeader will meet it
}

// openMember starts decompressing the gzip member at the current raw offset.
func (w *Reader) openMember() error {
	w.memberStart = w.rawOffset()
	if _, err := w.raw.Peek(1); err == io.EOF {
		return io.EOF
	}
	if err := w.gz.Reset(w.raw); err != nil {
		if err == io.EOF {
			return io.EOF
		}
		if w.cnt.err != nil && errors.Is(err, w.cnt.err) {
			return err
		}
		w.badMember = true
		if w.resyncing { // a false start found by the scan: scan on quietly
			return nil
		}
		return &RecordError{Offset: w.memberStart, Err: fmt.Errorf("%w: gzip member: %v", parallax.ErrMalformed, err)}
	}
	w.gz.Multistream(false)
	w.resyncing = false
	if w.in == nil {
		w.in = bufio.NewReaderSize(w.gz, 64<<10)
	} else {
		w.in.Reset(w.gz)
	}
	w.memberDone = false
	return nil
}

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// skipMember moves the raw reader to the next gzip header after the start of
// the current (corrupt) member.
func (w *Reader) skipMember() error {
	w.badMember = false
	w.memberDone = true
	w.resyncing = true
	// Decompression may have read into the next member: go back, at most 1 MiB.
	from := max(w.memberStart+1, w.rawOffset()-1<<20)
	if w.seeker != nil && from < w.rawOffset() {
		if _, err := w.seeker.Seek(from, io.SeekStart); err == nil {
			w.cnt.base, w.cnt.n = from, 0
			w.raw.Reset(w.cnt)
		}
	} else if w.rawOffset() < from {
		w.raw.Discard(int(from - w.rawOffset()))
	}
	for {
		buf, err := w.raw.Peek(w.raw.Size())
		if i := bytes.Index(buf, gzipMagic); i >= 0 {
			w.raw.Discard(i)
			return nil
		}
		if len(buf) < len(gzipMagic) || err != nil && err != bufio.ErrBufferFull {
			w.raw.Discard(len(buf))
			if err == nil || err == bufio.ErrBufferFull || err == io.EOF {
				return nil // at EOF: openMember reports it
			}
			return err
		}
		w.raw.Discard(len(buf) - len(gzipMagic) + 1)
	}
}

// skipToVersion discards plain-file lines up to the next one that starts with "WARC/".
func (w *Reader) skipToVersion() error {
	for {
		buf, err := w.in.Peek(5)
		if string(buf) == "WARC/" {
			return nil
		}
		if err != nil {
			if err == io.EOF {
				w.in.Discard(len(buf))
				return nil
			}
			return err
		}
		line, err := w.in.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull {
			if err == io.EOF {
				return nil
			}
			_ = line
			return err
		}
	}
}

// readLine reads one header line of at most the buffer size, without its end.
func readLine(r *bufio.Reader) ([]byte, error) {
	line, err := r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return nil, fmt.Errorf("%w: header line longer than %d bytes", parallax.ErrMalformed, r.Size())
	}
	if err != nil {
		if err == io.EOF && len(line) > 0 {
			return line, io.ErrUnexpectedEOF
		}
		return line, err
	}
	return line, nil
}

// readHeader reads the version line and header block of the next record.
// It returns io.EOF when no bytes but blank lines are left.
func (w *Reader) readHeader(offset int64) (*Record, error) {
	var line []byte
	var err error
	for { // skip blank lines between records
		line, err = readLine(w.in)
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, w.damage(offset, "", err)
		}
		if len(bytes.TrimRight(line, "\r\n")) > 0 {
			break
		}
	}
	version := string(bytes.TrimRight(line, "\r\n"))
	if w.gz == nil {
		offset = w.rawOffset() - int64(len(line))
	}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, &RecordError{Offset: offset, Err: fmt.Errorf("%w: no WARC version line: %.40q", parallax.ErrMalformed, version)}
	}
	var block bytes.Buffer
	for {
		line, err = readLine(w.in)
		if err != nil {
			return nil, w.damage(offset, "", err)
		}
		block.Write(line)
		if block.Len() > MaxHeader {
			return nil, &RecordError{Offset: offset, Err: fmt.Errorf("%w: header longer than %d bytes", parallax.ErrMalformed, MaxHeader)}
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			break
		}
	}
	hdr, err := textproto.NewReader(bufio.NewReader(&block)).ReadMIMEHeader()
	if err != nil && !(err == io.EOF && len(hdr) > 0) {
		return nil, &RecordError{Offset: offset, Err: fmt.Errorf("%w: header: %v", parallax.ErrMalformed, err)}
	}
	rec := &Record{
		Version:     version,
		Header:      hdr,
		Type:        hdr.Get("WARC-Type"),
		TargetURI:   strings.Trim(hdr.Get("WARC-Target-URI"), "<>"),
		ID:          hdr.Get("WARC-Record-ID"),
		Date:        hdr.Get("WARC-Date"),
		ContentType: hdr.Get("Content-Type"),
		Offset:      offset,
	}
	n, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		return nil, &RecordError{Offset: offset, URI: rec.TargetURI, Err: fmt.Errorf("%w: Content-Length %q", parallax.ErrMalformed, hdr.Get("Content-Length"))}
	}
	rec.ContentLength = n
	w.cur = &body{w: w, rec: rec, left: n}
	rec.Body = w.cur
	return rec, nil
}

// damage turns a read error inside a record into a RecordError, or returns
// an error of the underlying reader as is.
func (w *Reader) damage(offset int64, uri string, err error) error {
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return &RecordError{Offset: offset, URI: uri, Err: fmt.Errorf("%w: stream ends inside the header", ErrTruncated)}
	case errors.Is(err, parallax.ErrMalformed):
		return &RecordError{Offset: offset, URI: uri, Err: err}
	case w.gzipDamage(err):
		return &RecordError{Offset: offset, URI: uri, Err: fmt.Errorf("%w: gzip: %v", parallax.ErrMalformed, err)}
	}
	return err
}

// gzipDamage reports whether err comes from decompression rather than from
// reading the file.
func (w *Reader) gzipDamage(err error) bool {
	return w.gz != nil && !(w.cnt.err != nil && errors.Is(err, w.cnt.err))
}

// finish drains the current record and checks the blank lines that end it.
func (w *Reader) finish() {
	b := w.cur
	w.cur = nil
	if b.err == nil {
		_, err := io.Copy(io.Discard, b)
		if err != nil && !b.reported {
			w.pending = err
			b.reported = true
		}
	} else if !b.reported {
		w.pending = b.err
		b.reported = true
	}
	if b.err != nil {
		return
	}
	// The record ends with two CRLFs; tolerate bare LFs and, at the end of a
	// gzip member or the file, their absence.
	for i := 0; i < 2; i++ {
		c, err := w.in.ReadByte()
		if err != nil {
			return
		}
		if c == '\r' {
			c, err = w.in.ReadByte()
			if err != nil {
				return
			}
		}
		if c != '\n' {
			w.in.UnreadByte()
			if w.gz == nil {
				w.pending = &RecordError{Offset: b.rec.Offset, URI: b.rec.TargetURI,
					Err: fmt.Errorf("%w: no blank line after %d content bytes (wrong Content-Length?)", parallax.ErrMalformed, b.rec.ContentLength)}
				w.resyncPlain = true
			}
			return
		}
	}
}

// body reads a record's content block.
type body struct {
	w        *Reader
	rec      *Record
	left     int64
	err      error
	reported bool
}

func (b *body) Read(p []byte) (int, error) {
	if b.err != nil {
		b.reported = true
		return 0, b.err
	}
	if b.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.w.in.Read(p)
	b.left -= int64(n)
	if err != nil && b.left > 0 {
		got, want := b.rec.ContentLength-b.left, b.rec.ContentLength
		switch {
		case err == io.EOF:
			b.w.memberDone = true
			b.err = &RecordError{Offset: b.rec.Offset, URI: b.rec.TargetURI,
				Err: fmt.Errorf("%w: %d of %d content bytes", ErrTruncated, got, want)}
		case b.w.gzipDamage(err):
			b.w.badMember = true
			b.err = &RecordError{Offset: b.rec.Offset, URI: b.rec.TargetURI,
				Err: fmt.Errorf("%w: %d of %d content bytes, then gzip: %v", ErrTruncated, got, want, err)}
		case err == io.ErrUnexpectedEOF:
			b.err = &RecordError{Offset: b.rec.Offset, URI: b.rec.TargetURI,
				Err: fmt.Errorf("%w: %d of %d content bytes", ErrTruncated, got, want)}
		default:
			b.err = err
		}
		if n > 0 {
			return n, nil
		}
		b.reported = true
		return 0, b.err
	}
	return n, nil
}
