// Package pattern holds the regular expressions of the stages and compiles
// them in the background (package warm) as soon as they are declared, so
// that start-up does not wait for them: Go's regexp compiler takes a few
// milliseconds for the case-folded alternations the stages use, and a short
// run of the command (five articles) would otherwise spend a fifth of its
// time there before reading its first file. A pattern offers the methods
// of *regexp.Regexp the stages use; the first use waits for its
// compilation to finish.
//
// It does not cache, rewrite or speed up matching.
package pattern

import (
	"regexp"
	"sync"

	"github.com/parallax-news/parallax/internal/warm"
)

// Regexp is a regular expression compiled in the background.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// MustCompile returns the pattern for expr and queues its compilation. An
// invalid expression is a programming mistake: compiling it panics, as
// regexp.MustCompile does, on the goroutine that compiles it first.
func MustCompile(expr string) *Regexp {
	r := &Regexp{expr: expr}
	warm.Go(func() { r.Regexp() })
	return r
}

// Regexp returns the compiled expression, waiting for it if need be.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

// MatchString reports whether s contains a match.
func (r *Regexp) MatchString(s string) bool { return r.Regexp().MatchString(s) }

// FindStringIndex returns the location of the leftmost match in s.
func (r *Regexp) FindStringIndex(s string) []int { return r.Regexp().FindStringIndex(s) }

// FindStringSubmatch returns the leftmost match in s and its groups.
func (r *Regexp) FindStringSubmatch(s string) []string {
	return r.Regexp().FindStringSubmatch(s)
}

// FindStringSubmatchIndex returns the locations of the leftmost match in s
// and its groups.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Regexp().FindStringSubmatchIndex(s)
}

// FindAllString returns up to n successive matches in s (all when n < 0).
func (r *Regexp) FindAllString(s string, n int) []string {
	return r.Regexp().FindAllString(s, n)
}

// FindAllStringSubmatch returns up to n successive matches and their groups.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Regexp().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex returns the locations of up to n successive
// matches and their groups.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString replaces the matches in src with repl, expanding $1 and
// the like.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Regexp().ReplaceAllString(src, repl)
}

// SubexpIndex returns the index of the group with the given name, or -1.
func (r *Regexp) SubexpIndex(name string) int { return r.Regexp().SubexpIndex(name) }
