package frame

import (
	"math"
	"sort"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// maxDistinctive is how many distinctive terms an article gets at most.
const maxDistinctive = 5

// minZ is the z-score a term's log-odds must reach to count as distinctive.
const minZ = 1.0

// distinctive returns for each document its terms most distinctive against
// the other documents of the story: the weighted log-odds ratio with an
// informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, eq. 16-22),
// the prior being the story's pooled word counts. Words are content stems,
// shown in their most frequent written form; a term must occur at least
// twice in its article.
func distinctive(docs []*text.Document, k int) [][]string {
	out := make([][]string, len(docs))
	if len(docs) < 2 {
		return out
	}
	counts := make([]map[string]float64, len(docs))
	pool := map[string]float64{}
	forms := map[string]map[string]int{}
	var poolN float64
	for i, d := range docs {
		counts[i] = map[string]float64{}
		for _, s := range d.Sentences {
			for _, t := range s.Tokens {
				if t.Stop || t.Kind != text.Word || len(t.Lower) < 3 {
					continue
				}
				counts[i][t.Stem]++
				pool[t.Stem]++
				poolN++
				if forms[t.Stem] == nil {
					forms[t.Stem] = map[string]int{}
				}
				forms[t.Stem][t.Lower]++
			}
		}
	}
	a0 := poolN // prior as strong as the story itself
	for i := range docs {
		var ni float64
		for _, c := range counts[i] {
			ni += c
		}
		nj := poolN - ni
		type scored struct {
			w string
			z float64
		}
		var sc []scored
		for w, yi := range counts[i] {
			if yi < 2 {
				continue
			}
			yj := pool[w] - yi
			aw := a0 * pool[w] / poolN
			d := math.Log((yi+aw)/(ni+a0-yi-aw)) - math.Log((yj+aw)/(nj+a0-yj-aw))
			z := d / math.Sqrt(1/(yi+aw)+1/(yj+aw))
			if z >= minZ {
				sc = append(sc, scored{w, z})
			}
		}
		sort.Slice(sc, func(a, b int) bool {
			if sc[a].z != sc[b].z {
				return sc[a].z > sc[b].z
			}
			return sc[a].w < sc[b].w
		})
		for _, s := range sc[:min(k, len(sc))] {
			out[i] = append(out[i], topForm(forms[s.w]))
		}
	}
	return out
}

func topForm(m map[string]int) string {
	best, n := "", -1
	for f, c := range m {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}

// omissions returns the claims that at least two other outlets state and
// document i does not.
func omissions(docs []*text.Document, i int, claims []parallax.Claim) []parallax.Claim {
	outlet := func(d *text.Document) string {
		if d.Article.Source != "" {
			return string(d.Article.Source)
		}
		return d.Article.ID
	}
	byID := map[string]*text.Document{}
	for _, d := range docs {
		byID[d.Article.ID] = d
	}
	me := docs[i]
	var out []parallax.Claim
	for _, c := range claims {
		others := map[string]bool{}
		mine := false
		for _, r := range c.Support {
			d, ok := byID[r.Article]
			if !ok {
				continue
			}
			if d == me || outlet(d) == outlet(me) {
				mine = true
				break
			}
			others[outlet(d)] = true
		}
		if !mine && len(others) >= 2 {
			out = append(out, c)
		}
	}
	return out
}
