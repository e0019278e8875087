package cluster

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// Group returns the stories of docs as lists of indexes into docs, each list in input
// order, the lists ordered by their first article. It runs the online Clusterer with the
// default options over docs in input order, then the batch refinement the package doc
// describes.
func Group(docs []*text.Document) [][]int {
	its := make([]Item, len(docs))
	for i, d := range docs {
		its[i] = Item{ID: d.Article.ID, Date: d.Published, Title: string(d.Article.Title), Text: strings.Join(d.Paragraphs, "\n\n")}
	}
	return groupItems(its, Options{}, defaultRefine)
}

// refineOptions tune the batch refinement.
type refineOptions struct {
	Steps          string  // passes in order: s split, r reassign, m merge
	SplitThreshold float64 // halves whose centroids are less similar than this are split
	MinSplit       int     // smallest story a split is tried on
	MinHalf        int     // smallest half a split may leave
	LocalWords     float64 // weight of words against names and numbers when bisecting
	MergeThreshold float64 // stories whose centroids are this similar are merged
	// Attach pass (step a): a fragment (a story of at most AttachMax articles) joins the
	// story it is most similar to when that similarity reaches AttachFloor and at least
	// AttachRatio times its similarity to the runner-up story.
	AttachMax   int
	AttachFloor float64
	AttachScale float64
	AttachRatio float64
}

var defaultRefine = refineOptions{Steps: "rsrmra", SplitThreshold: 0.45, MinSplit: 6, MinHalf: 3, LocalWords: 0.2, MergeThreshold: 0.5,
	AttachMax: 5, AttachFloor: 0.042, AttachScale: 0.02, AttachRatio: 3}

// groupItems clusters items online in input order, refines the stories as a batch and
// returns them.
func groupItems(its []Item, opt Options, ro refineOptions) [][]int {
	c := New(opt)
	c.keep = true
	label := online(c, its)
	b := newBatch(c)
	for _, st := range ro.Steps {
		switch st {
		case 's':
			label = b.split(label, ro)
		case 'r':
			label = b.reassign(label)
		case 'm':
			label = b.merge(label, ro.MergeThreshold)
		case 'a':
			label = b.attach(label, ro)
		}
	}
	return stories(label)
}

// online adds its to c in order and returns the story of each item once
// all are added: a story merged into another on the way is the one that
// absorbed it.
func online(c *Clusterer, its []Item) []int {
	story := make([]int, len(its))
	into := map[int]int{} // merged story -> the story that absorbed it
	for i, it := range its {
		a := c.Add(it)
		story[i] = a.Story
		for _, m := range a.Merged {
			into[m] = a.Story
		}
	}
	for i, s := range story {
		for {
			t, ok := into[s]
			if !ok {
				break
			}
			s = t
		}
		story[i] = s
	}
	return story
}

// stories turns labels into index lists ordered by first member.
func stories(label []int) [][]int {
	idx := map[int]int{}
	var out [][]int
	for i, l := range label {
		k, ok := idx[l]
		if !ok {
			k = len(out)
			idx[l] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// batch holds the articles' vectors weighed with the IDF of the whole batch.
type batch struct {
	c       *Clusterer
	vecs    [][]term
	years   []int
	weights [nKinds]float64
}

func newBatch(c *Clusterer) *batch {
	b := &batch{c: c, weights: [nKinds]float64{c.opt.WordWeight, c.opt.EntityWeight, c.opt.NumberWeight}}
	n := float64(len(c.kept))
	for _, r := range c.kept {
		vec := make([]term, len(r.ids))
		var norm [nKinds]float64
		for j, id := range r.ids {
			k := c.kinds[id]
			idf := math.Log((n+1)/float64(c.df[id]+1)) + 1
			w := (1 + math.Log(r.tf[j])) * idf
			vec[j] = term{id: id, kind: k, w: w}
			norm[k] += w * w
		}
		for j := range vec {
			vec[j].w /= math.Sqrt(norm[vec[j].kind])
		}
		b.vecs = append(b.vecs, vec)
		y := r.year
		if !r.date.IsZero() {
			y = r.date.Year()
		}
		b.years = append(b.years, y)
	}
	return b
}

// cent is a story's centroid in the batch: the sum of its members' vectors.
type cent struct {
	w     map[int32]float64
	norm2 [nKinds]float64
	years map[int]int
	n     int
	top   []int32
}

func (b *batch) centroid(members []int) *cent {
	ct := &cent{w: map[int32]float64{}, years: map[int]int{}, n: len(members)}
	for _, i := range members {
		for _, t := range b.vecs[i] {
			ct.w[t.id] += t.w
		}
		if b.years[i] != 0 {
			ct.years[b.years[i]]++
		}
	}
	for id, x := range ct.w {
		ct.norm2[b.c.kinds[id]] += x * x
	}
	return ct
}

// articleSim is the similarity of article i to centroid ct, leaving i out of it when
// self is set; the year penalty applies as in Add.
func (b *batch) articleSim(i int, ct *cent, self bool) float64 {
	var dot, vn [nKinds]float64
	var has [nKinds]bool
	for _, t := range b.vecs[i] {
		has[t.kind] = true
		vn[t.kind] += t.w * t.w
		dot[t.kind] += t.w * ct.w[t.id]
	}
	sum, wsum := 0.0, 0.0
	for k := range nKinds {
		if !has[k] {
			continue
		}
		wsum += b.weights[k]
		d, n2 := dot[k], ct.norm2[k]
		if self {
			d -= vn[k]
			n2 += vn[k] - 2*dot[k]
		}
		if n2 > 1e-12 {
			sum += b.weights[k] * d / math.Sqrt(n2)
		}
	}
	if wsum == 0 {
		return 0
	}
	sim := sum / wsum
	if y := b.years[i]; y != 0 {
		others := len(ct.years)
		if self && ct.years[y] == 1 {
			others--
		}
		if others > 0 && (ct.years[y] == 0 || self && ct.years[y] == 1) {
			sim *= b.c.opt.YearPenalty
		}
	}
	return sim
}

// centSim is the similarity of two centroids, weighted over the kinds both have, with
// the year penalty when their years are disjoint.
func (b *batch) centSim(x, y *cent) float64 {
	if len(x.w) > len(y.w) {
		x, y = y, x
	}
	var dot [nKinds]float64
	for id, a := range x.w {
		if c, ok := y.w[id]; ok {
			dot[b.c.kinds[id]] += a * c
		}
	}
	sim, wsum := 0.0, 0.0
	for k := range nKinds {
		if x.norm2[k] > 0 && y.norm2[k] > 0 {
			sim += b.weights[k] * dot[k] / math.Sqrt(x.norm2[k]*y.norm2[k])
			wsum += b.weights[k]
		}
	}
	if wsum == 0 {
		return 0
	}
	sim /= wsum
	if len(x.years) > 0 && len(y.years) > 0 {
		shared := false
		for yr := range x.years {
			if y.years[yr] > 0 {
				shared = true
				break
			}
		}
		if !shared {
			sim *= b.c.opt.YearPenalty
		}
	}
	return sim
}

// members lists each label's articles, labels sorted.
func members(label []int) ([]int, map[int][]int) {
	m := map[int][]int{}
	for i, l := range label {
		m[l] = append(m[l], i)
	}
	ls := make([]int, 0, len(m))
	for l := range m {
		ls = append(ls, l)
	}
	sort.Ints(ls)
	return ls, m
}

// split bisects each story of at least MinSplit articles into two halves by 2-means over
// its names and numbers, weighed by how few of the story's articles carry them (a name
// every member shares tells no half apart), and keeps the halves apart when their
// centroids are less similar than SplitThreshold.
func (b *batch) split(label []int, ro refineOptions) []int {
	out := slices.Clone(label)
	next := slices.Max(label) + 1
	ls, m := members(label)
	queue := make([][]int, 0, len(ls))
	for _, l := range ls {
		queue = append(queue, m[l])
	}
	for len(queue) > 0 {
		ms := queue[0]
		queue = queue[1:]
		if len(ms) < ro.MinSplit || len(ms) > maxSplit {
			continue
		}
		h1, h2 := b.bisect(ms, ro)
		if len(h1) < ro.MinHalf || len(h2) < ro.MinHalf {
			continue
		}
		if b.centSim(b.centroid(h1), b.centroid(h2)) >= ro.SplitThreshold {
			continue
		}
		for _, i := range h2 {
			out[i] = next
		}
		next++
		queue = append(queue, h1, h2)
	}
	return out
}

// maxSplit bounds the stories split tries: bisecting costs a Gram matrix of n² products.
const maxSplit = 2000

// bisect splits ms in two by spherical 2-means over story-local vectors.
func (b *batch) bisect(ms []int, ro refineOptions) (h1, h2 []int) {
	n := float64(len(ms))
	df := map[int32]int{}
	for _, i := range ms {
		for _, t := range b.vecs[i] {
			df[t.id]++
		}
	}
	loc := make([]map[int32]float64, len(ms))
	for j, i := range ms {
		v := map[int32]float64{}
		norm := 0.0
		for _, t := range b.vecs[i] {
			lidf := math.Log(n / float64(df[t.id]))
			if lidf <= 0 {
				continue
			}
			w := t.w * lidf
			if t.kind == kWord {
				w *= ro.LocalWords
			}
			v[t.id] = w
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for id := range v {
				v[id] /= norm
			}
		}
		loc[j] = v
	}
	dotm := func(a, c map[int32]float64) float64 {
		if len(a) > len(c) {
			a, c = c, a
		}
		s := 0.0
		for id, x := range a {
			s += x * c[id]
		}
		return s
	}
	// Start from the sign of the leading eigenvector of the centred Gram matrix (the
	// principal direction of the members), found by power iteration from a fixed vector.
	m := len(ms)
	mean := map[int32]float64{}
	for _, v := range loc {
		for id, x := range v {
			mean[id] += x / n
		}
	}
	mm := dotm(mean, mean)
	gram := make([]float64, m*m)
	mdot := make([]float64, m)
	for j := range loc {
		mdot[j] = dotm(loc[j], mean)
	}
	for j := range m {
		for k := j; k < m; k++ {
			g := dotm(loc[j], loc[k]) - mdot[j] - mdot[k] + mm
			gram[j*m+k], gram[k*m+j] = g, g
		}
	}
	u := make([]float64, m)
	for j := range u {
		u[j] = 1 + float64(j%7)/7
	}
	w := make([]float64, m)
	for range 100 {
		norm := 0.0
		for j := range m {
			s := 0.0
			for k := range m {
				s += gram[j*m+k] * u[k]
			}
			w[j] = s
			norm += s * s
		}
		if norm == 0 {
			return ms, nil
		}
		norm = math.Sqrt(norm)
		for j := range w {
			w[j] /= norm
		}
		u, w = w, u
	}
	side := make([]bool, len(ms)) // true: the second half
	for j := range ms {
		side[j] = u[j] > 0
	}
	var ca, cc map[int32]float64
	for it := range 10 {
		changed := false
		for j, v := range loc {
			if it == 0 {
				break
			}
			s := dotm(v, cc) > dotm(v, ca)
			if s != side[j] {
				side[j], changed = s, true
			}
		}
		na, nc := map[int32]float64{}, map[int32]float64{}
		for j, v := range loc {
			dst := na
			if side[j] {
				dst = nc
			}
			for id, x := range v {
				dst[id] += x
			}
		}
		ca, cc = na, nc
		if it > 0 && !changed {
			break
		}
	}
	for j, i := range ms {
		if side[j] {
			h2 = append(h2, i)
		} else {
			h1 = append(h1, i)
		}
	}
	return h1, h2
}

// reassign moves each article to the story it clears the threshold by most (leaving
// itself out of its own story), by the rule Add uses, all moves at once.
func (b *batch) reassign(label []int) []int {
	opt := b.c.opt
	ls, m := members(label)
	cs := map[int]*cent{}
	post := map[int32][]int{} // term -> stories whose centroid has it
	for _, l := range ls {
		cs[l] = b.centroid(m[l])
		ids := make([]int32, 0, len(cs[l].w))
		for id := range cs[l].w {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			post[id] = append(post[id], l)
		}
	}
	out := slices.Clone(label)
	next := slices.Max(label) + 1
	hits := map[int]int{}
	for i := range label {
		own := label[i]
		bestL, bestGap := -1, 0.0
		if n := cs[own].n - 1; n > 0 {
			bestL = own
			bestGap = b.articleSim(i, cs[own], true) - opt.Threshold - opt.SmallStoryMargin/float64(n)
		}
		clear(hits)
		for _, id := range b.c.top(b.vecs[i]) {
			for _, l := range post[id] {
				hits[l]++
			}
		}
		type cand struct{ l, h int }
		cands := make([]cand, 0, len(hits))
		for l, h := range hits {
			if l != own {
				cands = append(cands, cand{l, h})
			}
		}
		sort.Slice(cands, func(x, y int) bool {
			if cands[x].h != cands[y].h {
				return cands[x].h > cands[y].h
			}
			return cands[x].l < cands[y].l
		})
		for _, cd := range cands[:min(len(cands), opt.MaxCandidates)] {
			ct := cs[cd.l]
			gap := b.articleSim(i, ct, false) - opt.Threshold - opt.SmallStoryMargin/float64(ct.n)
			if gap > bestGap {
				bestL, bestGap = cd.l, gap
			}
		}
		if bestL < 0 {
			if cs[own].n > 1 {
				bestL = next
				next++
			} else {
				bestL = own
			}
		}
		out[i] = bestL
	}
	return out
}

// merge joins, greedily from the most similar pair, stories whose centroids reach
// MergeThreshold, round after round until none do.
func (b *batch) merge(label []int, threshold float64) []int {
	out := slices.Clone(label)
	for range 20 {
		_, m, cs, post := b.storyIndex(out)
		type pair struct {
			a, b int
			sim  float64
		}
		seen := map[[2]int]bool{}
		var pairs []pair
		pids := make([]int32, 0, len(post))
		for id := range post {
			pids = append(pids, id)
		}
		slices.Sort(pids)
		for _, id := range pids {
			p := post[id]
			for x := 0; x < len(p); x++ {
				for y := x + 1; y < len(p); y++ {
					k := [2]int{p[x], p[y]}
					if seen[k] {
						continue
					}
					seen[k] = true
					if s := b.centSim(cs[p[x]], cs[p[y]]); s >= threshold {
						pairs = append(pairs, pair{p[x], p[y], s})
					}
				}
			}
		}
		if len(pairs) == 0 {
			break
		}
		sort.Slice(pairs, func(x, y int) bool {
			if pairs[x].sim != pairs[y].sim {
				return pairs[x].sim > pairs[y].sim
			}
			if pairs[x].a != pairs[y].a {
				return pairs[x].a < pairs[y].a
			}
			return pairs[x].b < pairs[y].b
		})
		done := map[int]bool{}
		for _, p := range pairs {
			if done[p.a] || done[p.b] {
				continue
			}
			done[p.a], done[p.b] = true, true
			for _, i := range m[p.b] {
				out[i] = p.a
			}
		}
	}
	return out
}

// attach joins fragments (stories of at most AttachMax articles) to the story each is
// most similar to, when that similarity reaches AttachFloor and stands out from the
// runner-up by AttachRatio; round after round, the most similar fragment first, each
// story touched at most once a round.
func (b *batch) attach(label []int, ro refineOptions) []int {
	out := slices.Clone(label)
	for range 20 {
		ls, m, cs, post := b.storyIndex(out)
		type move struct {
			from, to int
			sim      float64
		}
		var moves []move
		hits := map[int]int{}
		for _, l := range ls {
			if len(m[l]) > ro.AttachMax {
				continue
			}
			clear(hits)
			for _, id := range b.centTop(cs[l]) {
				for _, o := range post[id] {
					if o != l {
						hits[o]++
					}
				}
			}
			type cand struct{ l, h int }
			cands := make([]cand, 0, len(hits))
			for o, h := range hits {
				cands = append(cands, cand{o, h})
			}
			sort.Slice(cands, func(x, y int) bool {
				if cands[x].h != cands[y].h {
					return cands[x].h > cands[y].h
				}
				return cands[x].l < cands[y].l
			})
			cands = cands[:min(len(cands), b.c.opt.MaxCandidates)]
			sims := make([]float64, len(cands))
			best := -1
			for k, cd := range cands {
				sims[k] = b.centSim(cs[l], cs[cd.l])
				if best < 0 || sims[k] > sims[best] {
					best = k
				}
			}
			if best < 0 || sims[best] < ro.AttachFloor+ro.AttachScale*math.Log(float64(len(cands))) {
				continue
			}
			// A rival is another story nearly as similar to the fragment (within AttachRatio)
			// that is less similar to the best story than to the fragment: the fragment
			// would bridge two events. A runner-up close to the best story is the same event.
			rival := false
			for k, cd := range cands {
				if k != best && ro.AttachRatio*sims[k] > sims[best] && b.centSim(cs[cands[best].l], cs[cd.l]) < sims[best] {
					rival = true
					break
				}
			}
			if !rival {
				moves = append(moves, move{l, cands[best].l, sims[best]})
			}
		}
		if len(moves) == 0 {
			break
		}
		sort.Slice(moves, func(x, y int) bool {
			if moves[x].sim != moves[y].sim {
				return moves[x].sim > moves[y].sim
			}
			return moves[x].from < moves[y].from
		})
		done := map[int]bool{}
		for _, mv := range moves {
			if done[mv.from] || done[mv.to] {
				continue
			}
			done[mv.from], done[mv.to] = true, true
			to := mv.to
			if mv.from < to { // the older label survives
				to, mv.from = mv.from, to
			}
			for _, i := range m[mv.from] {
				out[i] = to
			}
		}
	}
	return out
}

// centTop is the heaviest terms of a centroid, as top gives them for an article.
// storyIndex returns the stories of label, their members and centroids, and
// for each top term of a centroid the stories it is a top term of.
func (b *batch) storyIndex(label []int) (ls []int, m map[int][]int, cs map[int]*cent, post map[int32][]int) {
	ls, m = members(label)
	cs = make(map[int]*cent, len(ls))
	post = map[int32][]int{}
	for _, l := range ls {
		ct := b.centroid(m[l])
		cs[l] = ct
		for _, id := range b.centTop(ct) {
			post[id] = append(post[id], l)
		}
	}
	return ls, m, cs, post
}

func (b *batch) centTop(ct *cent) []int32 {
	vec := make([]term, 0, len(ct.w))
	for id, x := range ct.w {
		k := b.c.kinds[id]
		vec = append(vec, term{id: id, kind: k, w: x / math.Sqrt(ct.norm2[k])})
	}
	slices.SortFunc(vec, func(p, q term) int { return cmpInt32(p.id, q.id) })
	return b.c.top(vec)
}
