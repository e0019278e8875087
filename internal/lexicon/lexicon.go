// Package lexicon reads the word lists and rule tables that the stages keep
// as embedded data files: one entry a line, blank lines and lines starting
// with # left out. Each stage owns its files and their meaning; this package
// only reads them.
package lexicon

import (
	"bufio"
	"io/fs"
	"strings"
)

// Lines returns the entries of a data file, trimmed. An embedded file that
// cannot be read is a build mistake, so it panics.
func Lines(fsys fs.FS, name string) []string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}
