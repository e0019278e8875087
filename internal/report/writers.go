package report

import (
	"bufio"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// markdown writes GitHub-flavoured Markdown.
type markdown struct{ w *bufio.Writer }

func newMarkdown(w io.Writer) *markdown { return &markdown{bufio.NewWriter(w)} }

func (m *markdown) heading(level int, s string) {
	m.w.WriteString(strings.Repeat("#", level) + " " + s + "\n\n")
}
func (m *markdown) para(s string) { m.w.WriteString(s + "\n\n") }
func (m *markdown) list(items []string) {
	for _, it := range items {
		m.w.WriteString("- " + it + "\n")
	}
	m.w.WriteString("\n")
}
func (m *markdown) table(head []string, rows [][]string) {
	cell := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ") }
	m.w.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		m.w.WriteString("---|")
	}
	m.w.WriteString("\n")
	for _, r := range rows {
		cs := make([]string, len(r))
		for i, c := range r {
			cs[i] = cell(c)
		}
		m.w.WriteString("| " + strings.Join(cs, " | ") + " |\n")
	}
	m.w.WriteString("\n")
}
func (m *markdown) flush() error { return m.w.Flush() }

// terminal writes plain text: underlined headings, aligned tables, long
// cells cut to keep rows on one line.
type terminal struct{ w *bufio.Writer }

func newTerminal(w io.Writer) *terminal { return &terminal{bufio.NewWriter(w)} }

// maxCell is the widest a terminal table cell gets.
const maxCell = 60

func (t *terminal) heading(level int, s string) {
	switch level {
	case 1:
		t.w.WriteString(s + "\n" + strings.Repeat("=", min(utf8.RuneCountInString(s), 78)) + "\n\n")
	case 2:
		t.w.WriteString(s + "\n" + strings.Repeat("-", utf8.RuneCountInString(s)) + "\n")
	default:
		t.w.WriteString("  " + s + ":\n")
	}
}
func (t *terminal) para(s string) { t.w.WriteString(s + "\n\n") }
func (t *terminal) list(items []string) {
	for _, it := range items {
		t.w.WriteString("  • " + it + "\n")
	}
	t.w.WriteString("\n")
}
func (t *terminal) table(head []string, rows [][]string) {
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	tw.Write([]byte(strings.Join(head, "\t") + "\n"))
	for _, r := range rows {
		cs := make([]string, len(r))
		for i, c := range r {
			cs[i] = cut(strings.ReplaceAll(c, "\t", " "), maxCell)
		}
		tw.Write([]byte(strings.Join(cs, "\t") + "\n"))
	}
	tw.Flush()
	t.w.WriteString("\n")
}
func (t *terminal) flush() error { return t.w.Flush() }

// cut shortens s to n characters with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
