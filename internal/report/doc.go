// Package report writes a parallax.Report: as the JSON of contract v1
// (byte-identical for the same report), as Markdown, or as a plain-text
// terminal report a person reads top to bottom. Markdown and the terminal
// share one layout (render.go) through a small writer interface.
package report
