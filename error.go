package parallax

import (
	"errors"
	"fmt"
)

// Error codes for input that cannot be analysed.
var (
	ErrEmpty       = errors.New("empty")
	ErrBinary      = errors.New("binary content")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("too large")
	ErrUnsupported = errors.New("unsupported format")
	ErrMalformed   = errors.New("malformed")
	ErrNoText      = errors.New("no article text")
)

// InputError is a problem with one input: a file, a line of a file, or a URL.
type InputError struct {
	Path string // file, FILE:LINE, or URL
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }
