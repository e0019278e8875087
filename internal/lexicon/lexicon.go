// Package lexicon reads the word lists and rule tables that the stages keep
// as embedded data files: one entry a line, blank lines and lines starting
// with # left out. Each stage owns its files and their meaning; this package
// only reads them.
package lexicon

import (
	"bufio"
	"io/fs"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/warm"
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

// Table queues build to run in the background (package warm) and returns
// a function that returns what it built, building it or waiting for it the
// first time if need be. A stage declares its tables with it (var words =
// lexicon.Table(loadWords)) so that building them, from the data files at
// start-up, runs beside the program's other initialisation instead of
// before its first step.
func Table[T any](build func() T) func() T {
	get := sync.OnceValue(build)
	warm.Go(func() { get() })
	return get
}
