package frame

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// LoadedWords returns the loaded-lexicon words of s, quoted ones included.
func LoadedWords(s text.Sentence) []string {
	var out []string
	for i := 0; i < len(s.Tokens); i++ {
		if n := loadedAt(s.Tokens, i); n > 0 {
			out = append(out, s.Text[s.Tokens[i].Start:s.Tokens[i+n-1].End])
			i += n - 1
		}
	}
	return out
}

// StripLabels returns s.Text with the role phrases before names cut down
// to the name ("Russian dictator Vladimir Putin met" -> "Vladimir Putin
// met"; "his Chinese counterpart Xi Jinping" -> "Xi Jinping"). Bare titles
// of one word before a name are kept ("President Biden").
func StripLabels(s text.Sentence) string {
	var b strings.Builder
	last := 0
	for _, l := range findLabels(s) {
		if l.name == "" {
			continue
		}
		k := strings.LastIndex(s.Text[l.start:l.end], l.name)
		if k <= 0 {
			continue
		}
		nameStart := l.start + k
		if l.roleTok >= 0 && s.Tokens[l.roleTok].Start == l.start && !isLoadedAt(s, l.roleTok) {
			continue // a bare title: "President Biden"
		}
		before := s.Text[last:l.start]
		if strings.HasSuffix(before, "the ") || strings.HasSuffix(before, "The ") {
			before = before[:len(before)-4] // "with the Russian President Vladimir Putin"
		}
		b.WriteString(before)
		last = nameStart
	}
	b.WriteString(s.Text[last:])
	return b.String()
}

func isLoadedAt(s text.Sentence, i int) bool { return loadedAt(s.Tokens, i) > 0 }
