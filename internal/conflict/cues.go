package conflict

import (
	"embed"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/text"
)

//go:embed data/*.txt
var dataFS embed.FS

// cues are the word lists of data/cues.txt.
type cues struct {
	negative, silence, speech map[string]bool // stems
	agreement                 [][]string      // phrases as stems
	lower, upper, approx      [][]string      // phrases as lower-case words
	quantifiers               [][]string      // lower, upper and approx, in that order
}

// cue returns the cue words, built in the background from start-up.
var cue = lexicon.Table(func() cues { return loadCues("data/cues.txt") })

func loadCues(name string) cues {
	c := cues{negative: map[string]bool{}, silence: map[string]bool{}, speech: map[string]bool{}}
	sec := ""
	for _, l := range lexicon.Lines(dataFS, name) {
		if strings.HasPrefix(l, "[") {
			sec = strings.Trim(l, "[]")
			continue
		}
		switch sec {
		case "negative", "silence", "speech":
			m := map[string]map[string]bool{"negative": c.negative, "silence": c.silence, "speech": c.speech}[sec]
			for _, w := range strings.Fields(l) {
				m[text.Stem(w)] = true
				m[w] = true
			}
		case "agreement":
			// single words, and the two-word phrases "both sides" etc.
			f := strings.Fields(l)
			for i := 0; i < len(f); i++ {
				if (f[i] == "both" || f[i] == "two") && i+1 < len(f) {
					c.agreement = append(c.agreement, []string{f[i], text.Stem(f[i+1])})
					i++
					continue
				}
				c.agreement = append(c.agreement, []string{text.Stem(f[i])})
			}
		case "lower", "upper", "approx":
			var ps [][]string
			for _, p := range strings.Split(l, "|") {
				ps = append(ps, strings.Fields(strings.TrimSpace(p)))
			}
			switch sec {
			case "lower":
				c.lower = append(c.lower, ps...)
			case "upper":
				c.upper = append(c.upper, ps...)
			default:
				c.approx = append(c.approx, ps...)
			}
		}
	}
	c.quantifiers = slices.Concat(c.lower, c.upper, c.approx)
	return c
}

// endsWith reports whether the lower-case words before position i of toks
// end with phrase p.
func endsWith(toks []text.Token, i int, p []string) bool {
	if i < len(p) {
		return false
	}
	for k, w := range p {
		if toks[i-len(p)+k].Lower != w {
			return false
		}
	}
	return true
}

func anyEndsWith(toks []text.Token, i int, ps [][]string) bool {
	for _, p := range ps {
		if endsWith(toks, i, p) {
			return true
		}
	}
	return false
}

// hasAgreement reports whether a sentence says a thing was done jointly.
func hasAgreement(toks []text.Token) bool {
	for i := range toks {
		for _, p := range cue().agreement {
			if i+len(p) > len(toks) {
				continue
			}
			ok := true
			for k, w := range p {
				t := toks[i+k]
				if t.Stem != w && t.Lower != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
