package cluster

import (
	"math"
	"slices"
	"sort"
	"time"
)

// Item is one article as the clusterer sees it.
type Item struct {
	ID    string
	Date  time.Time // publication time; zero when unknown
	Title string
	Text  string
}

// Options tune a Clusterer. Zero fields take the defaults (see DefaultOptions).
type Options struct {
	// Threshold is the least similarity (see Similarity weights) at which an article joins
	// a story.
	Threshold float64
	// WordWeight, EntityWeight and NumberWeight weigh the cosines of the three feature
	// families in the similarity; they are normalised over the families the article has.
	WordWeight, EntityWeight, NumberWeight float64
	// TitleWeight multiplies the counts of title terms.
	TitleWeight float64
	// Window is how long a story stays open after its latest dated article; an article
	// joins only stories whose dates lie within Window of its own date.
	Window time.Duration
	// MaxStories bounds the open stories; the least recently updated leave first.
	MaxStories int
	// TopTerms is how many of an article's heaviest terms index it for blocking, and
	// MaxCandidates how many stories sharing the most of them are scored.
	TopTerms, MaxCandidates int
	// ProtagonistPenalty multiplies the similarity when neither the article's main names
	// (its most repeated entities) occur in the story nor the story's main names in the
	// article: two events of one kind (two deaths of Watergate figures) share topic words
	// and background names but not their protagonists. 1 turns it off.
	ProtagonistPenalty float64
	// YearPenalty multiplies the similarity when the article's lead year (the first year in
	// its opening lines: dateline, "Updated:") differs from every lead year of the story.
	// 1 turns it off.
	YearPenalty float64
	// IDFPower raises inverse document frequencies to this power: above 1 it sharpens the
	// weight of rare terms (names, numbers) against topic words.
	IDFPower float64
	// SmallStoryMargin raises the threshold for joining a story of n articles by
	// SmallStoryMargin/n; a negative value turns it off.
	SmallStoryMargin float64
	// MergeThreshold is the least similarity between two open stories' centroids at which
	// the younger is merged into the older after an article joins one of them; a negative
	// value or one above 1 turns merging off.
	MergeThreshold float64
}

// DefaultOptions are the settings the package doc explains.
var DefaultOptions = Options{
	Threshold:     0.20,
	WordWeight:    0.15,
	EntityWeight:  0.70,
	NumberWeight:  0.15,
	TitleWeight:   2,
	Window:        72 * time.Hour,
	MaxStories:    20000,
	TopTerms:      24,
	MaxCandidates: 16,

	ProtagonistPenalty: 1,
	YearPenalty:        0.6,
	IDFPower:           1,
	SmallStoryMargin:   0.1,
	MergeThreshold:     0.6,
}

func (o Options) withDefaults() Options {
	d := DefaultOptions
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	if o.WordWeight <= 0 && o.EntityWeight <= 0 && o.NumberWeight <= 0 {
		o.WordWeight, o.EntityWeight, o.NumberWeight = d.WordWeight, d.EntityWeight, d.NumberWeight
	}
	if o.TitleWeight <= 0 {
		o.TitleWeight = d.TitleWeight
	}
	if o.Window <= 0 {
		o.Window = d.Window
	}
	if o.MaxStories <= 0 {
		o.MaxStories = d.MaxStories
	}
	if o.TopTerms <= 0 {
		o.TopTerms = d.TopTerms
	}
	if o.MaxCandidates <= 0 {
		o.MaxCandidates = d.MaxCandidates
	}
	if o.ProtagonistPenalty <= 0 {
		o.ProtagonistPenalty = d.ProtagonistPenalty
	}
	if o.SmallStoryMargin == 0 {
		o.SmallStoryMargin = d.SmallStoryMargin
	} else if o.SmallStoryMargin < 0 {
		o.SmallStoryMargin = 0
	}
	if o.MergeThreshold == 0 {
		o.MergeThreshold = d.MergeThreshold
	}
	if o.IDFPower <= 0 {
		o.IDFPower = d.IDFPower
	}
	if o.YearPenalty <= 0 {
		o.YearPenalty = d.YearPenalty
	}
	return o
}

// Assignment is where Add put an article.
type Assignment struct {
	Story      int     // story number: 0, 1, ... in order of creation
	New        bool    // the article started the story
	Similarity float64 // similarity to the story joined (0 for a new story)
	// Merged lists stories that this article's arrival showed to be the same story as
	// Story: they are closed and their articles belong to Story from now on.
	Merged []int
}

// Clusterer groups a stream of articles into stories. It is deterministic for a given
// input order and not safe for concurrent use.
type Clusterer struct {
	opt   Options
	ex    *extractor
	vocab [nKinds]map[string]int32
	df    []int32
	kinds []kind
	n     int // articles seen

	open     map[int]*story    // open stories by number
	postings map[int32][]int32 // term -> open story numbers that posted it
	clock    time.Time         // latest date seen
	adds     int
	numbered int

	// scratch
	hits map[int32]int

	// keep, set by Group, records every article's raw features for the batch refinement.
	keep bool
	kept []rawArticle
}

// rawArticle is an article's term counts (sorted by id) and lead year, kept for the batch
// refinement, which weighs them with the IDF of the whole batch.
type rawArticle struct {
	ids  []int32
	tf   []float64
	year int
	date time.Time
}

type story struct {
	num        int
	size       int
	first, end time.Time // date range of dated members
	lastAdd    int       // Add count when it last grew
	centroid   map[int32]float32
	norm2      [nKinds]float64
	posted     map[int32]bool
	mains      []int32      // the story's main names: heaviest entities of the centroid
	years      map[int]bool // lead years of members
}

// article is an article's vector and the signals taken from it.
type article struct {
	vec   []term
	top   []int32 // ids of its heaviest terms, for blocking
	mains []int32 // its most repeated entities
	year  int
}

// New returns an empty clusterer.
func New(opt Options) *Clusterer {
	c := &Clusterer{
		opt:      opt.withDefaults(),
		ex:       newExtractor(),
		open:     map[int]*story{},
		postings: map[int32][]int32{},
		hits:     map[int32]int{},
	}
	for k := range c.vocab {
		c.vocab[k] = map[string]int32{}
	}
	return c
}

// term is a weighted term of an article vector.
type term struct {
	id   int32
	kind kind
	w    float64 // tf-idf weight, normalised within its kind
}

// Add places an article in the best open story or starts a new one.
func (c *Clusterer) Add(it Item) Assignment {
	c.adds++
	fs := c.ex.features(it.Title, it.Text, c.opt.TitleWeight)
	a := article{year: leadYear(c.ex.toks)}
	a.vec = c.vectorize(fs)
	if c.keep {
		c.keepRaw(fs, a.year, it.Date)
	}
	a.mains = c.mainNames(fs)
	a.top = c.top(a.vec)
	date := it.Date
	if !date.IsZero() && date.After(c.clock) {
		c.clock = date
	}
	if c.adds%1024 == 0 {
		c.expire()
	}

	// The best story is the one the article clears the threshold by most; a story of few
	// articles has a noisy centroid and asks for SmallStoryMargin/size more.
	best, bestSim, bestGap := (*story)(nil), 0.0, math.Inf(-1)
	for _, s := range c.candidates(&a, date) {
		sim := c.score(&a, s)
		gap := sim - c.opt.Threshold - c.opt.SmallStoryMargin/float64(s.size)
		if gap > bestGap || gap == bestGap && best != nil && s.num < best.num {
			best, bestSim, bestGap = s, sim, gap
		}
	}
	if best == nil || bestGap < 0 {
		best = &story{num: c.numbered, centroid: map[int32]float32{}, posted: map[int32]bool{}, years: map[int]bool{}}
		c.numbered++
		c.open[best.num] = best
		c.join(best, &a, date)
		if len(c.open) > c.opt.MaxStories {
			c.evictOldest(len(c.open) - c.opt.MaxStories*9/10)
		}
		keep, merged := c.merge(best, &a, date)
		return Assignment{Story: keep, New: keep == best.num, Merged: merged}
	}
	c.join(best, &a, date)
	keep, merged := c.merge(best, &a, date)
	return Assignment{Story: keep, Similarity: bestSim, Merged: merged}
}

// vectorize updates document frequencies with the article's terms and returns its
// TF-IDF vector, sorted by term id, each kind normalised to unit length.
func (c *Clusterer) vectorize(fs []feature) []term {
	c.n++
	vec := make([]term, 0, len(fs))
	var norm [nKinds]float64
	for _, f := range fs {
		id, ok := c.vocab[f.kind][f.key]
		if !ok {
			id = int32(len(c.df))
			c.vocab[f.kind][f.key] = id
			c.df = append(c.df, 0)
			c.kinds = append(c.kinds, f.kind)
		}
		c.df[id]++
		idf := math.Log(float64(c.n+1)/float64(c.df[id]+1)) + 1
		if c.opt.IDFPower != 1 {
			idf = math.Pow(idf, c.opt.IDFPower)
		}
		w := (1 + math.Log(f.tf)) * idf
		vec = append(vec, term{id: id, kind: f.kind, w: w})
		norm[f.kind] += w * w
	}
	for i := range vec {
		vec[i].w /= math.Sqrt(norm[vec[i].kind])
	}
	slices.SortFunc(vec, func(a, b term) int { return cmpInt32(a.id, b.id) })
	return vec
}

// keepRaw records an article's term counts for the batch refinement.
func (c *Clusterer) keepRaw(fs []feature, year int, date time.Time) {
	r := rawArticle{ids: make([]int32, len(fs)), tf: make([]float64, len(fs)), year: year, date: date}
	ord := make([]int, len(fs))
	for i, f := range fs {
		r.ids[i] = c.vocab[f.kind][f.key]
		ord[i] = i
	}
	sort.Slice(ord, func(a, b int) bool { return r.ids[ord[a]] < r.ids[ord[b]] })
	ids := make([]int32, len(fs))
	for i, o := range ord {
		ids[i], r.tf[i] = r.ids[o], fs[o].tf
	}
	r.ids = ids
	c.kept = append(c.kept, r)
}

// similarity is the weighted mean, over the feature kinds the article has, of the cosines
// between the article's and the story centroid's vectors of that kind.
func (c *Clusterer) similarity(vec []term, s *story) float64 {
	var dot [nKinds]float64
	var has [nKinds]bool
	for _, t := range vec {
		has[t.kind] = true
		if x, ok := s.centroid[t.id]; ok {
			dot[t.kind] += t.w * float64(x)
		}
	}
	weights := [nKinds]float64{c.opt.WordWeight, c.opt.EntityWeight, c.opt.NumberWeight}
	sum, wsum := 0.0, 0.0
	for k := range nKinds {
		if !has[k] {
			continue
		}
		wsum += weights[k]
		if s.norm2[k] > 0 {
			sum += weights[k] * dot[k] / math.Sqrt(s.norm2[k])
		}
	}
	if wsum == 0 {
		return 0
	}
	return sum / wsum
}

// score is the similarity of an article to a story with the protagonist and year
// penalties applied.
func (c *Clusterer) score(a *article, s *story) float64 {
	sim := c.similarity(a.vec, s)
	if c.conflict(a, s) {
		sim *= c.opt.ProtagonistPenalty
	}
	if a.year != 0 && len(s.years) > 0 && !s.years[a.year] {
		sim *= c.opt.YearPenalty
	}
	return sim
}

// conflict reports whether each side has a main name the other never mentions: the
// article's leading names include one absent from the story, and the story's include one
// absent from the article.
func (c *Clusterer) conflict(a *article, s *story) bool {
	if len(a.mains) == 0 || len(s.mains) == 0 {
		return false
	}
	aMiss := false
	for _, id := range a.mains[:min(len(a.mains), conflictNames)] {
		if _, ok := s.centroid[id]; !ok {
			aMiss = true
			break
		}
	}
	if !aMiss {
		return false
	}
	for _, id := range s.mains[:min(len(s.mains), conflictNames)] {
		if _, ok := sort.Find(len(a.vec), func(i int) int { return cmpInt32(id, a.vec[i].id) }); !ok {
			return true
		}
	}
	return false
}

const conflictNames = 2

func cmpInt32(a, b int32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// mainNames are the ids of the entities an article repeats most (at least twice).
func (c *Clusterer) mainNames(fs []feature) []int32 {
	type e struct {
		id int32
		tf float64
	}
	var es []e
	for _, f := range fs {
		if f.kind == kEntity && f.tf >= 2 {
			es = append(es, e{c.vocab[f.kind][f.key], f.tf})
		}
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].tf != es[j].tf {
			return es[i].tf > es[j].tf
		}
		return es[i].id < es[j].id
	})
	out := make([]int32, 0, mainNames)
	for _, x := range es[:min(len(es), mainNames)] {
		out = append(out, x.id)
	}
	return out
}

const mainNames = 3

// join adds an article's vector to a story's centroid and posts its top terms.
func (c *Clusterer) join(s *story, a *article, date time.Time) {
	vec := a.vec
	if a.year != 0 {
		s.years[a.year] = true
	}
	for _, t := range vec {
		old := float64(s.centroid[t.id])
		nw := old + t.w
		s.centroid[t.id] = float32(nw)
		s.norm2[t.kind] += nw*nw - old*old
	}
	s.size++
	s.lastAdd = c.adds
	if !date.IsZero() {
		if s.first.IsZero() || date.Before(s.first) {
			s.first = date
		}
		if date.After(s.end) {
			s.end = date
		}
	}
	if c.opt.ProtagonistPenalty < 1 {
		c.storyMains(s)
	}
	for _, id := range a.top {
		if !s.posted[id] {
			s.posted[id] = true
			c.postings[id] = append(c.postings[id], int32(s.num))
		}
	}
}

// merge folds into s (or s into an older story) the open stories whose centroids are as
// similar to s's as MergeThreshold; it returns the story that holds the article in the
// end and the numbers of the stories closed. The older story always absorbs the younger.
func (c *Clusterer) merge(s *story, a *article, date time.Time) (int, []int) {
	if c.opt.MergeThreshold <= 0 || c.opt.MergeThreshold > 1 {
		return s.num, nil
	}
	var merged []int
	weights := [nKinds]float64{c.opt.WordWeight, c.opt.EntityWeight, c.opt.NumberWeight}
	for _, t := range c.candidates(a, date) {
		// Only a fragment (a story of a few articles) is merged: two grown stories that
		// stayed apart this long are two stories, and comparing their centroids is costly.
		if t == s || t.centroid == nil || min(s.size, t.size) > mergeFragment {
			continue
		}
		small, big := s, t
		if len(small.centroid) > len(big.centroid) {
			small, big = big, small
		}
		var dot [nKinds]float64
		for id, x := range small.centroid {
			if y, ok := big.centroid[id]; ok {
				dot[c.kinds[id]] += float64(x) * float64(y)
			}
		}
		sim, wsum := 0.0, 0.0
		for k := range nKinds {
			if s.norm2[k] > 0 && t.norm2[k] > 0 {
				sim += weights[k] * dot[k] / math.Sqrt(s.norm2[k]*t.norm2[k])
				wsum += weights[k]
			}
		}
		if wsum == 0 || sim/wsum < c.opt.MergeThreshold {
			continue
		}
		keep, gone := s, t
		if t.num < s.num {
			keep, gone = t, s
		}
		c.absorb(keep, gone)
		merged = append(merged, gone.num)
		s = keep
	}
	return s.num, merged
}

// mergeFragment is the largest story merging considers folding into another.
const mergeFragment = 3

// absorb adds story g's centroid, dates and postings to k and closes g.
func (c *Clusterer) absorb(k, g *story) {
	ids := make([]int32, 0, len(g.centroid))
	for id := range g.centroid {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		old := float64(k.centroid[id])
		nw := old + float64(g.centroid[id])
		k.centroid[id] = float32(nw)
		k.norm2[c.kinds[id]] += nw*nw - old*old
	}
	k.size += g.size
	k.lastAdd = max(k.lastAdd, g.lastAdd)
	if !g.first.IsZero() && (k.first.IsZero() || g.first.Before(k.first)) {
		k.first = g.first
	}
	if g.end.After(k.end) {
		k.end = g.end
	}
	for y := range g.years {
		k.years[y] = true
	}
	posted := make([]int32, 0, len(g.posted))
	for id := range g.posted {
		posted = append(posted, id)
	}
	sort.Slice(posted, func(i, j int) bool { return posted[i] < posted[j] })
	for _, id := range posted {
		if !k.posted[id] {
			k.posted[id] = true
			c.postings[id] = append(c.postings[id], int32(k.num))
		}
	}
	if c.opt.ProtagonistPenalty < 1 {
		c.storyMains(k)
	}
	c.close(g)
}

// storyMains recomputes the story's main names: its heaviest entity terms.
func (c *Clusterer) storyMains(s *story) {
	s.mains = s.mains[:0]
	var ws []float32
	for id, w := range s.centroid {
		if c.kindOf(id) != kEntity {
			continue
		}
		// keep the mainNames heaviest, ties to the lower id
		i := len(ws)
		for i > 0 && (w > ws[i-1] || w == ws[i-1] && id < s.mains[i-1]) {
			i--
		}
		if i >= mainNames {
			continue
		}
		ws = append(ws, 0)
		s.mains = append(s.mains, 0)
		copy(ws[i+1:], ws[i:])
		copy(s.mains[i+1:], s.mains[i:])
		ws[i], s.mains[i] = w, id
		if len(ws) > mainNames {
			ws, s.mains = ws[:mainNames], s.mains[:mainNames]
		}
	}
}

// top returns the ids of the article's heaviest terms (by weight times the kind's weight).
func (c *Clusterer) top(vec []term) []int32 {
	weights := [nKinds]float64{c.opt.WordWeight, c.opt.EntityWeight, c.opt.NumberWeight}
	type tw struct {
		id int32
		w  float64
	}
	ws := make([]tw, len(vec))
	for i, t := range vec {
		ws[i] = tw{t.id, t.w * weights[t.kind]}
	}
	slices.SortFunc(ws, func(a, b tw) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return cmpInt32(a.id, b.id)
	})
	ws = ws[:min(len(ws), c.opt.TopTerms)]
	out := make([]int32, len(ws))
	for i, x := range ws {
		out[i] = x.id
	}
	return out
}

// candidates are the open stories sharing the most top terms with the article, within the
// time window, in story order.
func (c *Clusterer) candidates(a *article, date time.Time) []*story {
	clear(c.hits)
	for _, id := range a.top {
		ps := c.postings[id]
		k := 0
		for _, sn := range ps {
			if _, ok := c.open[int(sn)]; ok {
				ps[k] = sn
				k++
				c.hits[sn]++
			}
		}
		if k == 0 {
			delete(c.postings, id)
		} else {
			c.postings[id] = ps[:k]
		}
	}
	type cand struct {
		s    *story
		hits int
	}
	cs := make([]cand, 0, len(c.hits))
	for sn, h := range c.hits {
		s := c.open[int(sn)]
		if !date.IsZero() && !s.end.IsZero() &&
			(date.Sub(s.end) > c.opt.Window || s.first.Sub(date) > c.opt.Window) {
			continue
		}
		cs = append(cs, cand{s, h})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].hits != cs[j].hits {
			return cs[i].hits > cs[j].hits
		}
		return cs[i].s.num < cs[j].s.num
	})
	if len(cs) > c.opt.MaxCandidates {
		cs = cs[:c.opt.MaxCandidates]
	}
	out := make([]*story, len(cs))
	for i, x := range cs {
		out[i] = x.s
	}
	return out
}

// expire closes stories whose latest date is more than Window before the clock.
func (c *Clusterer) expire() {
	if c.clock.IsZero() {
		return
	}
	for _, num := range c.openNums() {
		s := c.open[num]
		if !s.end.IsZero() && c.clock.Sub(s.end) > c.opt.Window {
			c.close(s)
		}
	}
}

// evictOldest closes the k least recently updated stories.
func (c *Clusterer) evictOldest(k int) {
	nums := c.openNums()
	sort.SliceStable(nums, func(i, j int) bool { return c.open[nums[i]].lastAdd < c.open[nums[j]].lastAdd })
	for _, num := range nums[:min(k, len(nums))] {
		c.close(c.open[num])
	}
}

func (c *Clusterer) close(s *story) {
	delete(c.open, s.num)
	s.centroid, s.posted, s.years = nil, nil, nil
}

func (c *Clusterer) openNums() []int {
	nums := make([]int, 0, len(c.open))
	for n := range c.open {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	return nums
}

func (c *Clusterer) kindOf(id int32) kind { return c.kinds[id] }

// Open is the number of stories still open to new articles.
func (c *Clusterer) Open() int { return len(c.open) }

// Stories is the number of stories created.
func (c *Clusterer) Stories() int { return c.numbered }
