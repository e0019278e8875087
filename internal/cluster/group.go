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
		norm2    float64 // squared length of centroid
	}
	var stories []*story
	for i, v := range vecs {
		best, bestSim := -1, Threshold
		for si, s := range stories {
			if sim := cosine(v, s.centroid, s.norm2); sim >= bestSim {
				best, bestSim = si, sim
			}
		}
		if best < 0 {
			s := &story{members: []int{i}, centroid: map[string]float64{}}
			stories = append(stories, s)
			best = len(stories) - 1
			s.members = s.members[:0]
		}
		s := stories[best]
		s.members = append(s.members, i)
		for _, t := range v { // in key order, so the sum is the same every run
			old := s.centroid[t.key]
			s.centroid[t.key] = old + t.w
			s.norm2 += (old+t.w)*(old+t.w) - old*old
		}
	}
	out := make([][]int, len(stories))
	for i, s := range stories {
		out[i] = s.members
	}
	return out
}

// gfeat is one weighted feature of a batch vector; vectors are sorted by key.
type gfeat struct {
	key string
	w   float64
}

// vectors are TF-IDF vectors of content stems, L2-normalised. Capitalised
// words (names) count double: they tell events apart best.
func vectors(docs []*text.Document) [][]gfeat {
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
	out := make([][]gfeat, len(docs))
	for i, tf := range tfs {
		v := make([]gfeat, 0, len(tf))
		for k, x := range tf {
			idf := math.Log((1+n)/(1+float64(df[k]))) + 1
			v = append(v, gfeat{k, (1 + math.Log(x)) * idf})
		}
		sort.Slice(v, func(a, b int) bool { return v[a].key < v[b].key })
		norm := 0.0
		for _, t := range v {
			norm += t.w * t.w
		}
		norm = math.Sqrt(norm)
		for j := range v {
			v[j].w /= norm
		}
		out[i] = v
	}
	return out
}

// cosine of a unit vector and a centroid of squared length norm2.
func cosine(v []gfeat, centroid map[string]float64, norm2 float64) float64 {
	if norm2 <= 0 {
		return 0
	}
	dot := 0.0
	for _, t := range v {
		dot += t.w * centroid[t.key]
	}
	return dot / math.Sqrt(norm2)
}
