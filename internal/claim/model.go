package claim

import (
	"math"
	"sort"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// SentRef names one sentence of a story: document and sentence index.
type SentRef struct{ Doc, Sent int }

// entry is one weighted feature of a sentence vector.
type entry struct {
	id int32
	w  float32
}

// Model holds the weighted feature vectors of every body sentence of a
// story and answers which pairs are worth comparing and how similar they
// are. Package conflict reuses it.
type Model struct {
	Docs  []*text.Document
	Refs  []SentRef // global sentence index -> document and sentence
	first []int     // first global index of each document
	vecs  [][]entry // unit-length, sorted by feature id
	df    []int32
	pair  []bool // feature id -> is a word pair
	units [][]Unit
}

// Blocking parameters.
const (
	postingCap = 48 // longer posting lists pair only neighbours
	window     = 6  // neighbours paired in each ordering of a long list
)

// NewModel builds the vectors of every sentence of docs.
func NewModel(docs []*text.Document, ents *entity.Set) *Model {
	m := &Model{Docs: docs}
	byDoc := mentionIndex(ents)
	outlets := map[string]bool{}
	if ents != nil {
		for i, e := range ents.Entities {
			if ents.IsOutlet(i) {
				outlets["e:"+e.Name] = true
			}
		}
	}
	dict := map[string]int32{}
	var raws [][]rawFeature
	for di, d := range docs {
		m.first = append(m.first, len(m.Refs))
		for si, s := range d.Sentences {
			ms := byDoc[SentRef{di, si}]
			names := make([]string, len(ms))
			for k, mm := range ms {
				names[k] = ents.Entities[mm.Entity].Name
			}
			m.Refs = append(m.Refs, SentRef{di, si})
			us := Units(s, ms, names)
			m.units = append(m.units, us)
			raws = append(raws, sentenceFeatures(d, s, us, outlets))
		}
	}
	type fw struct {
		cls   int
		quote bool
		scale float64
	}
	bags := make([]map[int32]fw, len(raws))
	for i, rf := range raws {
		bag := map[int32]fw{}
		for _, f := range rf {
			id, ok := dict[f.key]
			if !ok {
				id = int32(len(dict))
				dict[f.key] = id
				m.df = append(m.df, 0)
				m.pair = append(m.pair, f.class == classPair)
			}
			old, seen := bag[id]
			if !seen {
				m.df[id]++
			}
			// a feature counts at its strongest: quoted, or in the main clause
			sc := f.scale
			if seen {
				sc = max(sc, old.scale)
			}
			bag[id] = fw{f.class, f.quote || (seen && old.quote), sc}
		}
		bags[i] = bag
	}
	n := float64(len(raws))
	m.vecs = make([][]entry, len(raws))
	for i, bag := range bags {
		v := make([]entry, 0, len(bag))
		var norm float64
		for id, f := range bag {
			w := classWeight[f.cls] * idf(n, float64(m.df[id]))
			if f.quote {
				w *= 1 + quoteBoost
			}
			w *= f.scale
			if m.df[id] == 1 {
				w *= uniqueWeight[f.cls]
			}
			norm += w * w
			v = append(v, entry{id, float32(w)})
		}
		sort.Slice(v, func(a, b int) bool { return v[a].id < v[b].id })
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for k := range v {
				v[k].w *= inv
			}
		}
		m.vecs[i] = v
	}
	return m
}

// uniqueWeight scales the features no other sentence of the story has, by
// class. A word said once still tells that a sentence says something the
// others do not; a word pair seen once tells nothing more than its words.
var uniqueWeight = [...]float64{
	classWord:   1,
	classSyn:    1,
	classEntity: 1,
	classNumber: 1,
	classDate:   1,
	classPair:   0,
	classFrame:  1,
	classNeg:    0,
}

// idf is the weight of a feature found in df of n sentences.
var idf = func(n, df float64) float64 { return math.Log(1 + n/df) }

// mentionIndex groups entity mentions by sentence, in text order.
func mentionIndex(ents *entity.Set) map[SentRef][]entity.Mention {
	out := map[SentRef][]entity.Mention{}
	if ents == nil {
		return out
	}
	for _, mm := range ents.Mentions {
		if mm.Entity < 0 || mm.Entity >= len(ents.Entities) {
			continue
		}
		k := SentRef{mm.Doc, mm.Sent}
		out[k] = append(out[k], mm)
	}
	for k, ms := range out {
		// drop overlapping mentions, keeping the longest
		sort.SliceStable(ms, func(a, b int) bool {
			if la, lb := ms[a].End-ms[a].Start, ms[b].End-ms[b].Start; la != lb {
				return la > lb
			}
			return ms[a].Start < ms[b].Start
		})
		var kept []entity.Mention
		for _, mm := range ms {
			free := true
			for _, k := range kept {
				if mm.Start < k.End && k.Start < mm.End {
					free = false
					break
				}
			}
			if free {
				kept = append(kept, mm)
			}
		}
		sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
		out[k] = kept
	}
	return out
}

// Len is the number of sentences.
func (m *Model) Len() int { return len(m.Refs) }

// Index returns the global index of a sentence.
func (m *Model) Index(r SentRef) int { return m.first[r.Doc] + r.Sent }

// Units returns the content units of sentence i.
func (m *Model) Units(i int) []Unit { return m.units[i] }

// Similarity is the cosine of the vectors of sentences i and j.
func (m *Model) Similarity(i, j int) float64 { return dot(m.vecs[i], m.vecs[j]) }

func dot(a, b []entry) float64 {
	var s float64
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch {
		case a[x].id < b[y].id:
			x++
		case a[x].id > b[y].id:
			y++
		default:
			s += float64(a[x].w) * float64(b[y].w)
			x++
			y++
		}
	}
	return s
}

// Pair is two sentences (global indexes, I < J) and their similarity.
type Pair struct {
	I, J int
	Sim  float64
}

// Pairs returns the candidate pairs proposed by blocking whose similarity
// is at least min, most similar first.
func (m *Model) Pairs(min float64) []Pair {
	// every feature shared by two sentences proposes pairs, except word
	// pairs, which add nothing their words do not
	post := map[int32][]int32{}
	for i, v := range m.vecs {
		for _, e := range v {
			if m.df[e.id] >= 2 && !m.pair[e.id] {
				post[e.id] = append(post[e.id], int32(i))
			}
		}
	}
	var keys []uint64
	add := func(a, b int32) {
		if a == b {
			return
		}
		if a > b {
			a, b = b, a
		}
		keys = append(keys, uint64(a)<<32|uint64(b))
	}
	var sig [2][]uint64
	for _, ps := range post {
		if len(ps) <= postingCap {
			for x := 0; x < len(ps); x++ {
				for y := x + 1; y < len(ps); y++ {
					add(ps[x], ps[y])
				}
			}
			continue
		}
		// sorted neighbourhood: order the list by two MinHash keys of the
		// sentences' feature sets and pair each with its next neighbours
		if sig[0] == nil {
			sig[0], sig[1] = m.minhash(0x9e3779b97f4a7c15), m.minhash(0xc2b2ae3d27d4eb4f)
		}
		for k := 0; k < 2; k++ {
			order := append([]int32(nil), ps...)
			s := sig[k]
			sort.Slice(order, func(a, b int) bool {
				if s[order[a]] != s[order[b]] {
					return s[order[a]] < s[order[b]]
				}
				return order[a] < order[b]
			})
			for x := range order {
				for y := x + 1; y < len(order) && y <= x+window; y++ {
					add(order[x], order[y])
				}
			}
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	var out []Pair
	for k, key := range keys {
		if k > 0 && keys[k-1] == key {
			continue
		}
		i, j := int(key>>32), int(key&0xffffffff)
		if s := m.Similarity(i, j); s >= min {
			out = append(out, Pair{i, j, s})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Sim > out[b].Sim })
	return out
}

// minhash gives each sentence the minimum of a seeded hash over its
// features shared with another sentence.
func (m *Model) minhash(seed uint64) []uint64 {
	out := make([]uint64, len(m.vecs))
	for i, v := range m.vecs {
		min := uint64(math.MaxUint64)
		for _, e := range v {
			if m.df[e.id] < 2 {
				continue
			}
			if h := mix(uint64(e.id) ^ seed); h < min {
				min = h
			}
		}
		out[i] = min
	}
	return out
}

func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}
