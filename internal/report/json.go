package report

import (
	"bytes"
	"encoding/json"
	"io"

	parallax "github.com/parallax-news/parallax"
)

// JSON writes the report as indented JSON, HTML characters unescaped.
func JSON(w io.Writer, rep parallax.Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
