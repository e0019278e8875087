// Package cluster groups articles into stories: articles about the same
// real-world event belong together, articles about another event (even one
// of the same kind) apart.
//
// Group is the batch grouping analyze uses: TF-IDF vectors of content-word
// stems, cosine similarity, and a single pass in input order that adds each
// article to the most similar story above a threshold. It does not detect
// near-copies (package dedup does).
package cluster
