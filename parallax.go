package parallax

import (
	"encoding/json"
)

// Schema is the value of Report.Schema for contract v1.
const Schema = "parallax/story-v1"

// Report is the document `parallax analyze --json` writes.
type Report struct {
	Schema  string    `json:"schema"`
	Stories []Story   `json:"stories"`
	Skipped []Skipped `json:"skipped"`
	// Warnings are notes about inputs that were read (an unknown date).
	Warnings []Skipped `json:"warnings"`
}

// Skipped names an input that was not analysed and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Story is one real-world event told by one or more articles.
type Story struct {
	ID        string            `json:"id"`
	Headline  string            `json:"headline"`
	EventDate NullString        `json:"event_date"`
	Articles  []Article         `json:"articles"`
	Entities  []Entity          `json:"entities"`
	Quotes    []Quote           `json:"quotes"`
	Claims    []Claim           `json:"claims"`
	Conflicts []Conflict        `json:"conflicts"`
	Framing   []Framing         `json:"framing"`
	Timeline  []TimelineEvent   `json:"timeline"`
	Summary   []SummarySentence `json:"summary"`
}

// Article is one outlet's text after cleaning.
type Article struct {
	ID          string     `json:"id"`
	Source      NullString `json:"source"`
	Published   NullString `json:"published"` // YYYY-MM-DD
	Dateline    NullString `json:"dateline"`
	Title       NullString `json:"title"`
	Headings    []string   `json:"headings"`
	Removed     []string   `json:"removed"`
	Sentences   []string   `json:"sentences"`
	DuplicateOf NullString `json:"duplicate_of"`
	// Fields beyond the contract.
	URL      string `json:"url,omitempty"`
	Path     string `json:"path,omitempty"`
	Author   string `json:"author,omitempty"`
	Language string `json:"language,omitempty"` // ISO 639-1, when the page declares or shows it
}

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	Event  = "EVENT"
	Other  = "OTHER"
)

// Entity is a named person, organisation, place or event with its aliases merged.
type Entity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Articles []string `json:"articles"`
	Mentions int      `json:"mentions"`
}

// Quote is words attributed to a speaker.
type Quote struct {
	Speaker NullString `json:"speaker"`
	Text    string     `json:"text"`
	Article string     `json:"article"`
	Direct  bool       `json:"direct"`
}

// Ref points at one sentence of one article; Sentence is an element of that
// article's Sentences.
type Ref struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
}

// Claim is one fact with every sentence that states it.
type Claim struct {
	ID                 string `json:"id"`
	Text               string `json:"text"`
	Support            []Ref  `json:"support"`
	Sources            int    `json:"sources"`
	IndependentSources int    `json:"independent_sources"`
}

// Conflict kinds.
const (
	Contradiction  = "contradiction"
	NumberConflict = "number"
	DateConflict   = "date"
	Attribution    = "attribution"
)

// Conflict is two sentences of one story that disagree.
type Conflict struct {
	Kind        string `json:"kind"`
	A           Ref    `json:"a"`
	B           Ref    `json:"b"`
	Explanation string `json:"explanation"`
}

// Framing is how one article frames the story.
type Framing struct {
	Article string `json:"article"`
	Terms   []Term `json:"terms"`
}

// Term categories of Framing.
const (
	LabelTerm       = "label"
	WarTerm         = "war"
	AttributionTerm = "attribution"
	LoadedTerm      = "loaded"
	DistinctiveTerm = "distinctive"
	OmissionTerm    = "omission"
)

// Term is one framing choice of an article.
type Term struct {
	Text     string     `json:"text"`
	Category string     `json:"category"`
	RefersTo NullString `json:"refers_to"`
}

// TimelineEvent is a dated happening; Date is YYYY, YYYY-MM or YYYY-MM-DD.
type TimelineEvent struct {
	Date    string `json:"date"`
	Text    string `json:"text"`
	Support []Ref  `json:"support"`
}

// SummarySentence is one sentence of the neutral summary with the ids of the
// articles that state it.
type SummarySentence struct {
	Text      string   `json:"text"`
	Citations []string `json:"citations"`
}

// NullString is a string that is written as JSON null when empty.
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON reads a string or null.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}
