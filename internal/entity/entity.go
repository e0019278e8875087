// Package entity finds the people, organisations, places and events named
// in a story's articles and merges every alias of one into a single entity
// under its canonical full name.
package entity

import (
	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// Mention is one place where an entity is named.
type Mention struct {
	Entity     int // index into Set.Entities
	Doc, Sent  int // indexes into the story's documents and their sentences
	Start, End int // byte offsets in the sentence
	Text       string
}

// Set is the entities of one story and where each is mentioned.
type Set struct {
	Entities []parallax.Entity
	Mentions []Mention
}

// In returns the mentions in sentence sent of document doc, in text order.
func (s *Set) In(doc, sent int) []Mention {
	if s == nil {
		return nil
	}
	var out []Mention
	for _, m := range s.Mentions {
		if m.Doc == doc && m.Sent == sent {
			out = append(out, m)
		}
	}
	return out
}

// Extract finds the entities of a story's documents.
// The entities-and-quotes issue fills this in; until then it finds none.
func Extract(docs []*text.Document) *Set {
	return &Set{Entities: []parallax.Entity{}}
}
