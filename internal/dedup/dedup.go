// Package dedup finds exact and near copies in a stream of articles.
//
// An Index is fed articles one at a time (query, then insert): Add reports whether the new
// article is a copy of one added earlier and, if so, names the first copy (the root of its
// copy family), so that a wire story re-published by many outlets points at its first
// appearance.
//
// Exact copies are found by a 64-bit xxh3 hash of the normalized word sequence (lower-cased
// words, punctuation and spacing ignored). Near copies are found with MinHash over word
// shingles and locality-sensitive hashing (LSH) by bands:
//
//   - Words are runs of letters and digits, lower-cased (ASCII folding only; other bytes are
//     kept as they are). Shingles are runs of Shingle consecutive words that do not cross a
//     sentence end ('.', '!', '?' or a line break), so that editors reordering or cutting
//     sentences break few shingles; a sentence shorter than Shingle words is one shingle.
//   - The signature is one-permutation MinHash with optimal densification (Shrivastava,
//     ICML 2017): every shingle is hashed once and kept in one of Hashes bins, empty bins
//     borrow from a fixed pseudo-random probe sequence. Two signatures agree in a bin with
//     probability equal to the Jaccard similarity of the shingle sets, at the cost of one
//     hash per shingle instead of one per shingle and permutation.
//   - The signature is cut into Bands bands of Hashes/Bands values; articles that agree on a
//     whole band are candidates. Only the first article seen in a bucket is kept there, which
//     bounds memory and makes the first copy the one reported.
//   - A candidate is a near copy when the share of agreeing bins (an estimate of the Jaccard
//     similarity of the shingle sets) is at least Threshold.
//
// The defaults: 3-word shingles, 128 bins of 16 bits, 32 bands of 3 bins (the first 96
// bins), threshold 0.5. A copy with its sentences shuffled and one word in twenty dropped
// keeps a Jaccard similarity of 0.58 or more (99th percentile on ECB+) and becomes a
// candidate with probability 1-(1-0.58^3)^32 > 0.998; the estimate from 128 bins has a
// standard deviation of about 0.045 there. Different reports of the same event mostly have
// a similarity below 0.1; the few between 0.3 and 0.5 share rewritten wire paragraphs and
// are the grey zone the threshold cuts through. Smaller shingles keep more in common under
// word drops (0.95^3 of shingles survive against 0.95^5 for 5 words); 2-word shingles make
// unrelated texts on the same topic too alike.
//
// Memory per article: the 256-byte signature, 32 bucket cells in an open-addressing table
// of 32-bit keys (8 bytes a cell at a load of 3/8 to 3/4), the exact-hash entry and the id;
// about 0.8 KB (see BenchmarkAdd).
//
// Add does both halves of the work in one call. Callers with many texts can instead compute
// each text's Sketch (words, shingles and signature: most of the time) on several goroutines
// with Index.Sketch, and feed the sketches in order to AddSketch, which only looks up and
// inserts; the results are the same.
//
// The package does not decide what text to compare (callers pass the cleaned body) and does
// not persist anything; memory is bounded by Options.Capacity (oldest articles leave first)
// or by Remove.
package dedup

import (
	"sync"

	"github.com/zeebo/xxh3"
)

// Options configure an Index. Zero fields take the defaults named in the package doc.
type Options struct {
	Shingle   int     // words per shingle (default 3)
	Hashes    int     // MinHash bins (default 128)
	Bands     int     // LSH bands (default 32)
	Rows      int     // bins per band; Bands*Rows <= Hashes (default 3)
	Threshold float64 // minimum estimated Jaccard similarity of a near copy (default 0.5)
	MinWords  int     // texts with fewer words are checked for exact copies only (default 8)
	Capacity  int     // most articles kept; the oldest leaves first (0: unbounded)
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 3
	}
	if o.Hashes <= 0 {
		o.Hashes = 128
	}
	if o.Bands <= 0 {
		o.Bands = 32
	}
	if o.Rows <= 0 {
		o.Rows = 3
	}
	if o.Bands*o.Rows > o.Hashes {
		o.Rows = max(1, o.Hashes/o.Bands)
		o.Bands = o.Hashes / o.Rows
	}
	if o.Threshold <= 0 || o.Threshold > 1 {
		o.Threshold = 0.5
	}
	if o.MinWords <= 0 {
		o.MinWords = 8
	}
	return o
}

// Result is what Add found for one article.
type Result struct {
	DupOf      string  // id of the first copy of the family ("" when the article is new)
	Match      string  // id of the article held that matched (DupOf or one of its copies)
	Exact      bool    // the normalized words are identical to Match's
	Similarity float64 // estimated Jaccard similarity to Match (1 when Exact)
}

// Index is a streaming near-copy index. It is not safe for concurrent use.
type Index struct {
	opt   Options
	slots []slot
	ids   map[string]int32 // id -> slot
	exact map[uint64]int32 // content hash -> slot of the first article with it
	bands table            // band key -> slot of the first article in the bucket
	sigs  []uint16         // slot i's signature at [i*Hashes : (i+1)*Hashes]
	next  int              // next slot to use when Capacity is set
	live  int

	// scratch of Add
	scratch sketcher
	sig     []uint16
	cand    []int32
}

type slot struct {
	id    string
	root  string // id of the first copy of this article's family (id itself if new)
	hash  uint64
	ok    bool // holds an article
	hasMH bool // has a signature in the band index
}

// New returns an empty index.
func New(opt Options) *Index {
	opt = opt.withDefaults()
	return &Index{
		opt:   opt,
		ids:   make(map[string]int32),
		exact: make(map[uint64]int32),
		sig:   make([]uint16, opt.Hashes),
	}
}

// Len is the number of articles held.
func (ix *Index) Len() int { return ix.live }

// Sketch is what an Index keeps of a text: the hash of its normalized words, its word count
// and its MinHash signature. Computing it is most of the work of Add and needs no index
// state, so callers with many texts can compute sketches in parallel (see Index.Sketch) and
// add them in order with AddSketch.
type Sketch struct {
	hash  uint64
	words int
	sig   []uint16 // nil when the text has fewer than MinWords words
}

// sketcher holds the scratch buffers of one goroutine computing sketches.
type sketcher struct {
	words []uint64
	shs   []uint64
	full  []bool
	lower []byte
}

func (sk *sketcher) sketch(opt *Options, text string, sig []uint16) Sketch {
	sk.words = appendWordHashes(sk.words[:0], &sk.lower, text)
	out := Sketch{hash: contentHash(sk.words)}
	for _, w := range sk.words {
		if w != sentenceEnd {
			out.words++
		}
	}
	if out.words < opt.MinWords {
		return out
	}
	if len(sk.full) != opt.Hashes {
		sk.full = make([]bool, opt.Hashes)
	}
	sk.shs = appendShingles(sk.shs[:0], sk.words, opt.Shingle)
	signature(sig, sk.full, sk.shs)
	out.sig = sig
	return out
}

var sketchers = sync.Pool{New: func() any { return new(sketcher) }}

// Sketch computes the sketch of text under the index's options. Unlike Add it is safe to call
// from several goroutines at once, also while Add or AddSketch run.
func (ix *Index) Sketch(text string) Sketch {
	sk := sketchers.Get().(*sketcher)
	out := sk.sketch(&ix.opt, text, make([]uint16, ix.opt.Hashes))
	sketchers.Put(sk)
	return out
}

// Add looks up text among the articles held and then inserts it under id. It returns the
// first copy of the family the article belongs to, if any. Adding an id already held
// first removes the article held under it.
func (ix *Index) Add(id, text string) Result {
	return ix.AddSketch(id, ix.scratch.sketch(&ix.opt, text, ix.sig))
}

// AddSketch is Add for a text whose sketch was computed by Sketch on this index (or on one
// with the same options).
func (ix *Index) AddSketch(id string, sk Sketch) Result {
	if old, ok := ix.ids[id]; ok {
		ix.removeSlot(old)
	}
	h := sk.hash
	if s, ok := ix.exact[h]; ok {
		root, match := ix.slots[s].root, ix.slots[s].id
		ix.insert(id, h, root, nil)
		return Result{DupOf: root, Match: match, Exact: true, Similarity: 1}
	}
	if sk.sig == nil || sk.words < ix.opt.MinWords || len(sk.sig) != ix.opt.Hashes {
		ix.insert(id, h, id, nil)
		return Result{}
	}
	sig := sk.sig

	best, bestSim := int32(-1), 0.0
	ix.cand = ix.cand[:0]
	for b := 0; b < ix.opt.Bands; b++ {
		if s, ok := ix.bands.get(ix.bandKey(sig, b)); ok {
			dup := false
			for _, c := range ix.cand {
				if c == s {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			ix.cand = append(ix.cand, s)
			sim := similarity(sig, ix.sigOf(s))
			if sim > bestSim {
				best, bestSim = s, sim
			}
		}
	}
	if best >= 0 && bestSim >= ix.opt.Threshold {
		root, match := ix.slots[best].root, ix.slots[best].id
		ix.insert(id, h, root, sig)
		return Result{DupOf: root, Match: match, Similarity: bestSim}
	}
	ix.insert(id, h, id, sig)
	return Result{}
}

// insert stores an article in a slot (evicting the oldest when at capacity) and indexes it.
func (ix *Index) insert(id string, h uint64, root string, sig []uint16) {
	withSig := sig != nil
	var s int32
	if ix.opt.Capacity > 0 && len(ix.slots) >= ix.opt.Capacity {
		s = int32(ix.next)
		ix.next = (ix.next + 1) % ix.opt.Capacity
		if ix.slots[s].ok {
			ix.removeSlot(s)
		}
	} else {
		s = int32(len(ix.slots))
		ix.slots = append(ix.slots, slot{})
		ix.sigs = append(ix.sigs, make([]uint16, ix.opt.Hashes)...)
	}
	ix.slots[s] = slot{id: id, root: root, hash: h, ok: true, hasMH: withSig}
	ix.ids[id] = s
	ix.live++
	if _, ok := ix.exact[h]; !ok {
		ix.exact[h] = s
	}
	if withSig {
		copy(ix.sigOf(s), sig)
		for b := 0; b < ix.opt.Bands; b++ {
			ix.bands.putNew(ix.bandKey(sig, b), s)
		}
	}
}

// Remove drops an article; it reports whether the id was held. Copies of it that are still
// held keep reporting it as DupOf, but the buckets it held go with it: later copies are
// found through the family's other members only where those hold buckets of their own.
func (ix *Index) Remove(id string) bool {
	s, ok := ix.ids[id]
	if !ok {
		return false
	}
	ix.removeSlot(s)
	return true
}

func (ix *Index) removeSlot(s int32) {
	sl := &ix.slots[s]
	if !sl.ok {
		return
	}
	if ix.exact[sl.hash] == s {
		delete(ix.exact, sl.hash)
	}
	if sl.hasMH {
		sig := ix.sigOf(s)
		for b := 0; b < ix.opt.Bands; b++ {
			ix.bands.delete(ix.bandKey(sig, b), s)
		}
	}
	if ix.ids[sl.id] == s {
		delete(ix.ids, sl.id)
	}
	sl.ok, sl.hasMH, sl.id, sl.root = false, false, "", ""
	ix.live--
}

// Bytes estimates the memory the index holds, in bytes.
func (ix *Index) Bytes() int {
	const mapEntry = 24 // a swiss-table slot of 8+4 (or 16+4) bytes at 7/8 load, rounded
	n := len(ix.slots)*(sizeofSlot+2*ix.opt.Hashes) + ix.bands.bytes() +
		len(ix.exact)*mapEntry + len(ix.ids)*(mapEntry+16)
	for _, s := range ix.slots {
		n += len(s.id)
	}
	return n
}

const sizeofSlot = 16 + 16 + 8 + 8 // id, root, hash, flags and padding

func (ix *Index) sigOf(s int32) []uint16 {
	k := ix.opt.Hashes
	return ix.sigs[int(s)*k : int(s)*k+k]
}

func (ix *Index) bandKey(sig []uint16, b int) uint32 {
	r := ix.opt.Rows
	h := uint64(b+1) * 0x9E3779B97F4A7C15
	for _, v := range sig[b*r : b*r+r] {
		h = mix(h ^ uint64(v))
	}
	return fixKey(uint32(h >> 32))
}

// similarity is the share of bins in which two signatures agree.
func similarity(a, b []uint16) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// sentenceEnd marks a sentence boundary in a word-hash stream.
const sentenceEnd = 0

// appendWordHashes appends the hash of each lower-cased word of text, and sentenceEnd after
// a word followed by '.', '!' or '?' or at a line break.
func appendWordHashes(dst []uint64, buf *[]byte, text string) []uint64 {
	lower := (*buf)[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if isWordByte(c) {
			j := i
			lower = lower[:0]
			for j < len(text) && isWordByte(text[j]) {
				b := text[j]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				lower = append(lower, b)
				j++
			}
			h := xxh3.Hash(lower)
			if h == sentenceEnd {
				h = 1
			}
			dst = append(dst, h)
			i = j
			continue
		}
		if (c == '.' || c == '!' || c == '?' || c == '\n') && len(dst) > 0 && dst[len(dst)-1] != sentenceEnd {
			// "3.5" and "U.S." keep going: a '.' between word bytes is not an end.
			if !(c == '.' && i+1 < len(text) && isWordByte(text[i+1])) {
				dst = append(dst, sentenceEnd)
			}
		}
		i++
	}
	*buf = lower
	return dst
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// contentHash hashes the word sequence, ignoring sentence marks.
func contentHash(words []uint64) uint64 {
	h := uint64(0x243F6A8885A308D3)
	for _, w := range words {
		if w != sentenceEnd {
			h = mix(h ^ w)
		}
	}
	return h
}

// appendShingles appends one hash per shingle of k words within a sentence.
func appendShingles(dst, words []uint64, k int) []uint64 {
	start := 0
	for i := 0; i <= len(words); i++ {
		if i < len(words) && words[i] != sentenceEnd {
			continue
		}
		sent := words[start:i]
		start = i + 1
		if len(sent) == 0 {
			continue
		}
		if len(sent) <= k {
			dst = append(dst, shingleHash(sent))
			continue
		}
		for j := 0; j+k <= len(sent); j++ {
			dst = append(dst, shingleHash(sent[j:j+k]))
		}
	}
	return dst
}

func shingleHash(ws []uint64) uint64 {
	h := uint64(0x13198A2E03707344)
	for _, w := range ws {
		h = mix(h ^ w)
	}
	return h
}

// mix is the 64-bit finalizer of SplitMix64/Murmur3, after a multiply to spread the input.
func mix(x uint64) uint64 {
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 31
	x *= 0x94D049BB133111EB
	x ^= x >> 29
	return x
}

const empty = ^uint16(0)

// signature fills sig with the densified one-permutation MinHash of the shingle hashes;
// full is scratch of the same length.
func signature(sig []uint16, full []bool, shs []uint64) {
	k := uint64(len(sig))
	for i := range sig {
		sig[i] = empty
	}
	for _, h := range shs {
		bin := (h >> 32) * k >> 32 // uniform bin from the high half
		v := uint16(h)
		if v == empty {
			v--
		}
		if v < sig[bin] {
			sig[bin] = v
		}
	}
	any := false
	for i, v := range sig {
		full[i] = v != empty
		any = any || full[i]
	}
	if !any {
		return
	}
	// Optimal densification: an empty bin copies the first originally filled bin of its own
	// fixed pseudo-random probe sequence, the same for every text.
	for i := range sig {
		if full[i] {
			continue
		}
		for t := uint64(1); ; t++ {
			j := (mix(uint64(i)<<32|t) >> 32) * k >> 32
			if full[j] {
				sig[i] = sig[j]
				break
			}
		}
	}
}
