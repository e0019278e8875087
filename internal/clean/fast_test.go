package clean

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeRef is Normalize written plainly, rune by rune; the fast paths
// of Normalize must give the same text.
func normalizeRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad' || r == '\u2060':
		case r == '\t' || r == '\v' || r == '\f' || (r != ' ' && unicode.IsSpace(r)) || unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\ufffd')
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var fastSeeds = []string{
	"", " ", "plain text", "  lead and trail  ", "a\tb\r\nc\rd", "“Curly” quotes — and dashes…",
	"no\u00a0break\u2003em\u200bzero\u00adsoft", "bad \xff byte \xe2\x80", "ctrl\x01\x7f\u0085next",
	"ends with space ", "\u3000ideographic\u3000", "\ufffd valid replacement",
}

func TestFastPathsMatchReference(t *testing.T) {
	for _, s := range fastSeeds {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
