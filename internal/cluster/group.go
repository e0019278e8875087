package cluster

import (
	"math"
	"sort"

	"github.com/parallax-news/parallax/internal/text"
)

// Threshold is the cosine similarity, between an article and a story's
// centroid, above which the article joins the story. Two reports of one
// event share names and topic words well above it; unrelated articles rarely
// reach it.
const Threshold = 0.2

// Group returns the stories of docs as lists of indexes into docs, each
// list in input order, the lists ordered by their first article.
func Group(docs []*text.Document) [][]int {
	vecs := vectors(docs)
	type story struct {
		members  []int
		centroid map[string]float64
	}
	var stories []*story
	for i, v := range vecs {
		best, bestSim := -1, Threshold
		for si, s := range stories {
			if sim := cosine(v, s.centroid); sim >= bestSim {
				best, bestSim = si, sim
			}
		}
		if best < 0 {
			c := map[string]float64{}
			for k, x := range v {
				c[k] = x
			}
			stories = append(stories, &story{members: []int{i}, centroid: c})
			continue
		}
		s := stories[best]
		s.members = append(s.members, i)
		for k, x := range v {
			s.centroid[k] += x
		}
	}
	out := make([][]int, len(stories))
	for i, s := range stories {
		out[i] = s.members
	}
	return out
}

// vectors are TF-IDF vectors of content stems, L2-normalised. Capitalised
// words (names) count double: they tell events apart best.
func vectors(docs []*text.Document) []map[string]float64 {
	tfs := make([]map[string]float64, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		tf := map[string]float64{}
		add := func(toks []text.Token) {
			for _, t := range toks {
				if t.Stop || len(t.Stem) < 2 {
					continue
				}
				w := 1.0
				if t.Capitalized() {
					w = 2
				}
				tf[t.Stem] += w
			}
		}
		if d.Article.Title != "" {
			add(text.Tokenize(string(d.Article.Title)))
		}
		for _, s := range d.Sentences {
			add(s.Tokens)
		}
		for k := range tf {
			df[k]++
		}
		tfs[i] = tf
	}
	n := float64(len(docs))
	for _, tf := range tfs {
		norm := 0.0
		for k, x := range tf {
			idf := math.Log((1+n)/(1+float64(df[k]))) + 1
			w := (1 + math.Log(x)) * idf
			tf[k] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for k := range tf {
			tf[k] /= norm
		}
	}
	return tfs
}

func cosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys) // a fixed order keeps float sums identical run to run
	dot, nb := 0.0, 0.0
	for _, k := range keys {
		dot += a[k] * b[k]
	}
	bk := make([]string, 0, len(b))
	for k := range b {
		bk = append(bk, k)
	}
	sort.Strings(bk)
	for _, k := range bk {
		nb += b[k] * b[k]
	}
	if nb == 0 {
		return 0
	}
	return dot / math.Sqrt(nb)
}
