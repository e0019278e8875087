package claim

import (
	"math"
	"slices"
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

// builder interns the features of a story's sentences.
type builder struct {
	dict    map[string]int32 // unit and date keys
	pairs   map[uint64]int32 // word pairs by their two unit ids
	negs    map[uint64]int32 // denials by the denied unit's id
	outlets map[string]bool  // unit keys of news outlets
	cls     []uint8          // feature id -> class
	keys    keyer
	buf     []feat  // features of the sentence being read
	ids     []int32 // unit ids of the sentence being read
}

// id returns the id of a keyed feature, new or known.
func (b *builder) id(key string, cls int) int32 {
	if id, ok := b.dict[key]; ok {
		return id
	}
	id := int32(len(b.cls))
	b.dict[key] = id
	b.cls = append(b.cls, uint8(cls))
	return id
}

// derived returns the id of a feature made of unit ids (a pair, a denial).
func (b *builder) derived(m map[uint64]int32, k uint64, cls int) int32 {
	if id, ok := m[k]; ok {
		return id
	}
	id := int32(len(b.cls))
	m[k] = id
	b.cls = append(b.cls, uint8(cls))
	return id
}

// NewModel builds the vectors of every sentence of docs.
func NewModel(docs []*text.Document, ents *entity.Set) *Model {
	m := &Model{Docs: docs}
	byDoc := mentionIndex(ents)
	b := &builder{dict: map[string]int32{}, pairs: map[uint64]int32{}, negs: map[uint64]int32{}, outlets: map[string]bool{}}
	if ents != nil {
		for i, e := range ents.Entities {
			if ents.IsOutlet(i) {
				b.outlets["e:"+e.Name] = true
			}
		}
	}
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	m.Refs = make([]SentRef, 0, n)
	m.units = make([][]Unit, 0, n)
	// the merged features of every sentence, end to end
	var all []feat
	ends := make([]int, 0, n)
	var df []int32
	for di, d := range docs {
		m.first = append(m.first, len(m.Refs))
		for si, s := range d.Sentences {
			ms := byDoc[SentRef{di, si}]
			names := make([]string, len(ms))
			for k, mm := range ms {
				names[k] = ents.Entities[mm.Entity].Name
			}
			m.Refs = append(m.Refs, SentRef{di, si})
			us := units(s, ms, names, &b.keys)
			m.units = append(m.units, us)
			b.buf = b.buf[:0]
			b.features(d, s, us)
			for len(df) < len(b.cls) {
				df = append(df, 0)
			}
			// merge repeats: a feature counts once, at its strongest
			// (quoted, or in the main clause)
			f := b.buf
			slices.SortFunc(f, func(x, y feat) int { return int(x.id) - int(y.id) })
			start := len(all)
			for _, x := range f {
				if k := len(all) - 1; k >= start && all[k].id == x.id {
					all[k].quote = all[k].quote || x.quote
					all[k].scale = max(all[k].scale, x.scale)
					continue
				}
				all = append(all, x)
				df[x.id]++
			}
			ends = append(ends, len(all))
		}
	}
	m.df = df
	m.pair = make([]bool, len(b.cls))
	for id, c := range b.cls {
		m.pair[id] = c == classPair
	}
	nf := float64(n)
	m.vecs = make([][]entry, n)
	backing := make([]entry, len(all))
	start := 0
	for i, end := range ends {
		v := backing[start:end:end]
		var norm float64
		for k, f := range all[start:end] {
			w := classWeight[f.cls] * idf(nf, float64(df[f.id]))
			if f.quote {
				w *= 1 + quoteBoost
			}
			w *= float64(f.scale)
			if df[f.id] == 1 {
				w *= uniqueWeight[f.cls]
			}
			norm += w * w
			v[k] = entry{f.id, float32(w)}
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for k := range v {
				v[k].w *= inv
			}
		}
		m.vecs[i] = v
		start = end
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
	// pairs, which add nothing their words do not; postings end to end
	nf := len(m.df)
	off := make([]int32, nf+1)
	for id, d := range m.df {
		off[id+1] = off[id]
		if d >= 2 && !m.pair[id] {
			off[id+1] += d
		}
	}
	flat := make([]int32, off[nf])
	fill := slices.Clone(off[:nf])
	for i, v := range m.vecs {
		for _, e := range v {
			if m.df[e.id] >= 2 && !m.pair[e.id] {
				flat[fill[e.id]] = int32(i)
				fill[e.id]++
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
	for id := 0; id < nf; id++ {
		ps := flat[off[id]:off[id+1]]
		if len(ps) < 2 {
			continue
		}
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
	slices.Sort(keys)
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
	slices.SortStableFunc(out, func(a, b Pair) int {
		switch {
		case a.Sim > b.Sim:
			return -1
		case a.Sim < b.Sim:
			return 1
		}
		return 0
	})
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
