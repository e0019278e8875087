// Package ingest reads articles from what the user gives: files,
// directories walked recursively, JSON lines files and standard input.
//
// It only gets raw text in, checking that it is text (not empty, not binary,
// valid UTF-8, within the size limit) and naming every input it skips with
// the reason. Cleaning the text is package clean's job.
package ingest
