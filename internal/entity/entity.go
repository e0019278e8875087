// Package entity finds the people, organisations, places and events named
// in a story's articles and merges every alias of one into a single entity
// under its canonical full name.
//
// There is no statistical model: candidate names are runs of capitalised
// words (with sentence openers, title-case headings, possessives, hyphenated
// pairs and acronyms handled), typed from embedded lexicons (countries with
// demonyms and capitals, titles, organisation and place words, well-known
// organisations and outlets) and from context ("energy company Gazprom",
// "economist Elina Ribakova", "a Washington-based think tank"). Aliases are
// merged across the story: surnames and given names into the full name,
// title forms, acronyms and expansions, and descriptions such as "the
// Chinese president" or "the 70-year-old" where the story makes the
// referent clear. Two people who differ by a generational suffix ("Jesse
// Jackson", "Jesse Jackson Jr.") are never merged, and a capital stays
// apart from its country.
//
// Titles of works (a title-case phrase the story quotes whole, or one next
// to a work noun: "the show X", "star of X", "the X actress") are typed
// OTHER and matched whole wherever written. A multi-word name with no type
// evidence is a person only when it opens with a common given name or holds
// a word the story does not also write in lower case; a one-word name that
// only ever opens sentences is dropped. Each person keeps the nouns it was
// introduced with ("rep Jack Ketsoyan"), so Described can resolve "her rep".
package entity

import (
	"sort"
	"strings"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// MentionKind says how an entity is named.
type MentionKind uint8

// Mention kinds.
const (
	ByName        MentionKind = iota // a name or alias: "Xi Jinping", "Xi", "U.S."
	ByDemonym                        // "Chinese": names the country
	ByDescription                    // "the Chinese president", "the 70-year-old"
)

// Mention is one place where an entity is named.
type Mention struct {
	Entity     int // index into Set.Entities
	Doc, Sent  int // indexes into the story's documents and their sentences
	Start, End int // byte offsets in the sentence
	Text       string
	Kind       MentionKind
}

// Set is the entities of one story and where each is mentioned.
type Set struct {
	Entities []parallax.Entity
	Mentions []Mention // ordered by document, sentence and offset
	Outlet   []bool    // Outlet[i]: entity i is a news outlet or agency

	descs [][]string // per entity: the groups of the person nouns it was introduced with

	bySent map[[2]int][2]int // (doc, sent) -> range in Mentions
}

// In returns the mentions in sentence sent of document doc, in text order.
func (s *Set) In(doc, sent int) []Mention {
	if s == nil {
		return nil
	}
	if s.bySent == nil {
		s.index()
	}
	r, ok := s.bySent[[2]int{doc, sent}]
	if !ok {
		return nil
	}
	return s.Mentions[r[0]:r[1]]
}

// Names returns the canonical names of the entities mentioned in sentence
// sent of document doc, each once, in text order; descriptions ("the
// Chinese president") count as mentions of the entity they refer to.
func (s *Set) Names(doc, sent int) []string {
	var out []string
	seen := map[int]bool{}
	for _, m := range s.In(doc, sent) {
		if !seen[m.Entity] {
			seen[m.Entity] = true
			out = append(out, s.Entities[m.Entity].Name)
		}
	}
	return out
}

// Find returns the index of the entity whose name or alias is name
// (case-insensitive), or -1.
func (s *Set) Find(name string) int {
	if s == nil {
		return -1
	}
	n := strings.ToLower(strings.TrimSpace(name))
	for i, e := range s.Entities {
		if strings.ToLower(e.Name) == n {
			return i
		}
	}
	for i, e := range s.Entities {
		for _, a := range e.Aliases {
			if strings.ToLower(a) == n {
				return i
			}
		}
	}
	return -1
}

// Described returns the people the story introduces with a person noun of
// the same group as noun ("rep" for "her rep said": those written "rep
// Jack Ketsoyan" or "her publicist, Jack Ketsoyan"), in entity order.
func (s *Set) Described(noun string) []int {
	if s == nil {
		return nil
	}
	g := descKey(strings.ToLower(noun))
	var out []int
	for i, ds := range s.descs {
		for _, d := range ds {
			if d == g && s.Entities[i].Type == parallax.Person {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

func descKey(noun string) string {
	if g, ok := lex().descGroup[noun]; ok {
		return g
	}
	return noun
}

// IsOutlet reports whether entity i is a news outlet or agency.
func (s *Set) IsOutlet(i int) bool {
	return s != nil && i >= 0 && i < len(s.Outlet) && s.Outlet[i]
}

func (s *Set) index() {
	s.bySent = map[[2]int][2]int{}
	for i := 0; i < len(s.Mentions); {
		k := [2]int{s.Mentions[i].Doc, s.Mentions[i].Sent}
		j := i
		for j < len(s.Mentions) && s.Mentions[j].Doc == k[0] && s.Mentions[j].Sent == k[1] {
			j++
		}
		s.bySent[k] = [2]int{i, j}
		i = j
	}
}

// raw is a span found in one sentence of one document.
type raw struct {
	doc, sent int
	sp        span
	cl        int // cluster, -1 until resolved
}

// cluster is one entity being built.
type cluster struct {
	name    string
	typ     string
	known   *known
	votes   map[string]int
	forms   []string
	persons bool
	roles   map[[2]string]bool // (country, lower-case title)
	count   int
	docs    map[int]bool
	descs   map[string]bool
	// what the mentions say about an unknown name with no type votes
	nonInitial, given, uncommon, det bool
	first                            int // order of first mention
}

// Extract finds the entities of a story's documents.
func Extract(docs []*text.Document) *Set {
	lowerSeen := map[string]bool{}
	works := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, t := range quotedTitles(s.Text) {
				works[t] = true
			}
			for ti, t := range s.Tokens {
				if ti > 0 && t.Kind == text.Word && t.Text == t.Lower {
					lowerSeen[t.Lower] = true
				}
			}
		}
	}
	var raws []raw
	for di, d := range docs {
		for si, s := range d.Sentences {
			for _, sp := range sentenceSpans(s.Text, s.Tokens, lowerSeen, works) {
				raws = append(raws, raw{doc: di, sent: si, sp: sp, cl: -1})
			}
		}
	}
	return build(docs, raws)
}

// nameKey is how unknown names are grouped before alias merging.
func nameKey(sp span) string {
	if sp.known != nil {
		return "K\x00" + sp.known.Name
	}
	return "N\x00" + sp.name
}

func build(docs []*text.Document, raws []raw) *Set {
	// names written outside headings
	bodyNames := map[string]bool{}
	for _, r := range raws {
		if r.sp.kind == kName && !r.sp.heading {
			bodyNames[r.sp.name] = true
		}
	}
	clusters := []*cluster{}
	byKey := map[string]int{}
	get := func(key, name string) int {
		if c, ok := byKey[key]; ok {
			return c
		}
		byKey[key] = len(clusters)
		clusters = append(clusters, &cluster{name: name, votes: map[string]int{}, roles: map[[2]string]bool{}, docs: map[int]bool{}, descs: map[string]bool{}, first: len(clusters)})
		return len(clusters) - 1
	}
	// 1. names and demonyms by their form
	for i := range raws {
		r := &raws[i]
		sp := r.sp
		switch sp.kind {
		case kName:
			if sp.heading && sp.known == nil && !bodyNames[sp.name] {
				continue
			}
			c := clusters[get(nameKey(sp), sp.name)]
			r.cl = byKey[nameKey(sp)]
			if sp.known != nil {
				c.known = sp.known
				c.typ = sp.known.Type
			}
			if sp.typ != "" {
				c.votes[sp.typ] += 3
			}
			if sp.ctx != "" {
				c.votes[sp.ctx]++
			}
			if sp.role != "" {
				c.roles[[2]string{sp.roleCtry, sp.role}] = true
			}
			c.votes[parallax.Other] += sp.work
			c.nonInitial = c.nonInitial || !sp.initial
			c.given = c.given || sp.given
			c.uncommon = c.uncommon || !sp.common
			c.det = c.det || sp.det
			if sp.desc != "" {
				c.descs[descKey(sp.desc)] = true
			}
		case kDemonym:
			k := lex().names[sp.country]
			if k == nil {
				continue
			}
			r.cl = get("K\x00"+k.Name, k.Name)
			clusters[r.cl].known = k
			clusters[r.cl].typ = k.Type
		}
	}
	// 2. types of unknown names
	for _, c := range clusters {
		if c.known != nil {
			continue
		}
		best, bv := "", 0
		for _, t := range []string{parallax.Person, parallax.Org, parallax.GPE, parallax.Loc, parallax.Event} {
			if c.votes[t] > bv {
				best, bv = t, c.votes[t]
			}
		}
		// a work (quoted title, "the show X", "the X actress") unless other evidence is as strong
		if c.votes[parallax.Other] > 2*bv {
			best = parallax.Other
		}
		c.typ = best
	}
	// 3. a shorter name joins the one full name that holds it (Xi, Xi Jinping)
	merged := map[int]int{} // cluster -> cluster it is an alias of (ambiguous: -2)
	full := map[int][]int{}
	for ci, c := range clusters {
		if c.known != nil || (c.typ != "" && c.typ != parallax.Person) {
			continue
		}
		toks := strings.Fields(c.name)
		var cands []int
		for cj, d := range clusters {
			if cj == ci || d.known != nil || d.typ != parallax.Person && d.typ != "" {
				continue
			}
			dt := strings.Fields(d.name)
			if len(dt) < 2 || len(dt) <= len(toks) {
				continue
			}
			if holdsName(dt, toks) {
				cands = append(cands, cj)
			}
		}
		switch len(cands) {
		case 0:
		case 1:
			merged[ci] = cands[0]
		default:
			merged[ci] = -2
			full[ci] = cands
		}
	}
	// a name that joins a person is a person
	for ci, to := range merged {
		if to >= 0 && clusters[ci].typ == "" {
			clusters[ci].typ = parallax.Person
		}
	}
	// an acronym joins the organisation whose initials it spells
	for ci, c := range clusters {
		if c.known != nil || !isAcronym(c.name) {
			continue
		}
		a := strings.NewReplacer(".", "", "-", "").Replace(c.name)
		var cands []int
		for cj, d := range clusters {
			if cj != ci && strings.Contains(d.name, " ") && (d.typ == parallax.Org || d.known != nil && d.known.Type == parallax.Org) && initials(d.name) == a {
				cands = append(cands, cj)
			}
		}
		if len(cands) == 1 {
			merged[ci] = cands[0]
		}
	}
	root := func(c int) int {
		for n := 0; n < 8; n++ {
			to, ok := merged[c]
			if !ok || to < 0 {
				return c
			}
			c = to
		}
		return c
	}
	// 4. resolve mentions: merged names, ambiguous surnames by the nearest full name before them
	last := map[int]int{} // cluster -> index in raws of its latest mention
	for i := range raws {
		r := &raws[i]
		if r.cl < 0 {
			continue
		}
		if to, ok := merged[r.cl]; ok && to == -2 {
			best, bi := -1, -1
			for _, c := range full[r.cl] {
				if li, ok := last[c]; ok && raws[li].doc == r.doc && li > bi {
					best, bi = c, li
				}
			}
			if best >= 0 {
				r.cl = best
			}
		}
		r.cl = root(r.cl)
		last[r.cl] = i
		if r.sp.desc != "" {
			clusters[r.cl].descs[descKey(r.sp.desc)] = true
		}
		if r.sp.role != "" {
			clusters[r.cl].roles[[2]string{r.sp.roleCtry, r.sp.role}] = true
		}
	}
	// 5. descriptions: "the Chinese president", "his Chinese counterpart", "the 70-year-old"
	lastPerson := -1
	for i := range raws {
		r := &raws[i]
		if r.cl >= 0 && clusters[r.cl].typ == parallax.Person && r.sp.kind == kName {
			lastPerson = i
			continue
		}
		switch r.sp.kind {
		case kRole:
			r.cl = resolveRole(clusters, raws, i, r.sp)
		case kAge:
			if lastPerson >= 0 && raws[lastPerson].doc == r.doc && r.sent-raws[lastPerson].sent <= 2 {
				r.cl = raws[lastPerson].cl
			}
		}
	}
	// 6. drop what is no entity: unknown types with a single mention
	for i := range raws {
		r := &raws[i]
		if r.cl < 0 {
			continue
		}
		c := clusters[r.cl]
		c.count++
		c.docs[r.doc] = true
	}
	keep := make([]bool, len(clusters))
	for ci, c := range clusters {
		if c.count == 0 || root(ci) != ci {
			continue
		}
		if c.typ == "" {
			if c.count < 2 && !isAcronym(c.name) && !strings.Contains(c.name, " ") {
				continue
			}
			if !c.nonInitial && !isAcronym(c.name) && !strings.Contains(c.name, " ") {
				continue // only ever opens a sentence ("Sadly", "Trust me"): no name
			}
			if strings.Contains(c.name, " ") && !c.given && (!c.uncommon || c.det) {
				continue // a phrase in title case ("the Perennial Party Girl"), no name
			}
			if isAcronym(c.name) {
				c.typ = parallax.Org
			} else {
				c.typ = parallax.Person
				if !strings.Contains(c.name, " ") {
					c.typ = parallax.Org
				}
			}
		}
		keep[ci] = true
	}
	// canonical names: the longest form of a person
	for i := range raws {
		r := raws[i]
		if r.cl < 0 || !keep[r.cl] || r.sp.kind != kName {
			continue
		}
		c := clusters[r.cl]
		if c.known == nil && c.typ == parallax.Person && len(strings.Fields(r.sp.name)) > len(strings.Fields(c.name)) {
			c.name = r.sp.name
		}
	}
	// order: most outlets, then most mentions, then name
	var order []int
	for ci := range clusters {
		if keep[ci] {
			order = append(order, ci)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := clusters[order[a]], clusters[order[b]]
		if len(ca.docs) != len(cb.docs) {
			return len(ca.docs) > len(cb.docs)
		}
		if ca.count != cb.count {
			return ca.count > cb.count
		}
		return ca.name < cb.name
	})
	newIdx := map[int]int{}
	set := &Set{Entities: make([]parallax.Entity, len(order)), Outlet: make([]bool, len(order)), descs: make([][]string, len(order))}
	for ni, ci := range order {
		newIdx[ci] = ni
		c := clusters[ci]
		e := parallax.Entity{Name: c.name, Type: c.typ, Aliases: []string{}, Articles: []string{}, Mentions: c.count}
		for di := range docs {
			if c.docs[di] {
				e.Articles = append(e.Articles, docs[di].Article.ID)
			}
		}
		set.Entities[ni] = e
		set.Outlet[ni] = c.known != nil && c.known.Outlet
		for d := range c.descs {
			set.descs[ni] = append(set.descs[ni], d)
		}
		sort.Strings(set.descs[ni])
	}
	seenAlias := map[int]map[string]bool{}
	for _, r := range raws {
		if r.cl < 0 || !keep[r.cl] {
			continue
		}
		ni := newIdx[r.cl]
		kind := ByName
		switch r.sp.kind {
		case kDemonym:
			kind = ByDemonym
		case kRole, kAge:
			kind = ByDescription
		}
		set.Mentions = append(set.Mentions, Mention{Entity: ni, Doc: r.doc, Sent: r.sent, Start: r.sp.start, End: r.sp.end, Text: r.sp.text, Kind: kind})
		if kind == ByDemonym {
			continue
		}
		e := &set.Entities[ni]
		form := strings.TrimSpace(r.sp.text)
		lf := strings.ToLower(form)
		if seenAlias[ni] == nil {
			seenAlias[ni] = map[string]bool{strings.ToLower(e.Name): true}
		}
		if !seenAlias[ni][lf] {
			seenAlias[ni][lf] = true
			e.Aliases = append(e.Aliases, form)
		}
		// the bare name is an alias too when only titled forms were written
		if kind == ByName && r.sp.name != e.Name && !seenAlias[ni][strings.ToLower(r.sp.name)] {
			seenAlias[ni][strings.ToLower(r.sp.name)] = true
			e.Aliases = append(e.Aliases, r.sp.name)
		}
	}
	sort.SliceStable(set.Mentions, func(a, b int) bool {
		ma, mb := set.Mentions[a], set.Mentions[b]
		if ma.Doc != mb.Doc {
			return ma.Doc < mb.Doc
		}
		if ma.Sent != mb.Sent {
			return ma.Sent < mb.Sent
		}
		return ma.Start < mb.Start
	})
	if set.Mentions == nil {
		set.Mentions = []Mention{}
	}
	set.index()
	return set
}

// holdsName reports whether full (a person's full name) holds short as its
// given name or surname part: "Xi" in "Xi Jinping", "Jackson" in "Jesse
// Jackson Jr."; never a name that differs only by a suffix ("Jesse Jackson"
// is not "Jesse Jackson Jr.").
func holdsName(full, short []string) bool {
	f := full
	suffixed := len(f) > 1 && lex().suffixes[f[len(f)-1]]
	if suffixed {
		f = f[:len(f)-1]
	}
	if len(short) > 0 && lex().suffixes[short[len(short)-1]] {
		return false
	}
	if len(short) >= len(f) {
		return false // equal but for the suffix: another person
	}
	prefix, suffix := true, true
	for i := range short {
		if f[i] != short[i] {
			prefix = false
		}
		if f[len(f)-len(short)+i] != short[i] {
			suffix = false
		}
	}
	return prefix || suffix
}

// initials of an organisation's name: "New York Times" -> "NYT".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch w {
		case "of", "the", "and", "for", "on", "in", "&", "The":
			continue
		}
		for _, p := range strings.Split(w, "-") {
			if p != "" {
				r := []rune(p)[0]
				b.WriteString(strings.ToUpper(string(r)))
			}
		}
	}
	return b.String()
}

// resolveRole finds the person a description names: a person the story
// titles with that role and country; failing that, none.
func resolveRole(clusters []*cluster, raws []raw, i int, sp span) int {
	var cands []int
	for ci, c := range clusters {
		if c.typ != parallax.Person {
			continue
		}
		for rc := range c.roles {
			if sp.country != "" && rc[0] != sp.country {
				continue
			}
			if rc[1] == sp.role || (sp.role == "leader" || sp.role == "counterpart" || lex().heads[sp.role]) && (lex().heads[rc[1]] || lex().roleNouns[rc[1]]) && sp.country != "" {
				cands = append(cands, ci)
				break
			}
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	if len(cands) == 0 {
		return -1
	}
	// several: the one named last before the description in its document
	for j := i - 1; j >= 0 && raws[j].doc == raws[i].doc; j-- {
		for _, c := range cands {
			if raws[j].cl == c {
				return c
			}
		}
	}
	return -1
}
