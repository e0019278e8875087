package sqlite

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

func TestSentencesRoundTrip(t *testing.T) {
	tests := []struct {
		name, body string
		sents      []string
		col        string // "" when only the round trip is checked
	}{
		{"spans", "One two. Three four!\n\nFive.", []string{"One two.", "Three four!", "Five."}, "@0+8,1+11,2+5"},
		{"none", "Some text.", nil, "[]"},
		{"repeated sentence", "Yes. Yes. No.", []string{"Yes.", "Yes.", "No."}, "@0+4,1+4,1+3"},
		{"not in the text", "One two.", []string{"One two.", "Elsewhere."}, `["One two.","Elsewhere."]`},
		{"out of order", "A b. C d.", []string{"C d.", "A b."}, `["C d.","A b."]`},
		{"empty sentence", "A b.", []string{"", "A b."}, "@0+0,0+4"},
		{"unicode", "Café «ouvert». Ça va…", []string{"Café «ouvert».", "Ça va…"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col := encodeSentences(tt.body, tt.sents)
			if tt.col != "" && col != tt.col {
				t.Errorf("encode = %q, want %q", col, tt.col)
			}
			got, err := decodeSentences(tt.body, col)
			if err != nil {
				t.Fatal(err)
			}
			if want := nonNil(tt.sents); !slices.Equal(got, want) || got == nil {
				t.Errorf("decode = %q, want %q", got, want)
			}
		})
	}
}

func TestDecodeSentencesBad(t *testing.T) {
	for _, col := range []string{"@5+1", "@0+9", "@-1+2", "@0+2,x", "@0-2", "@+", "[1,", "{}", "@0+1,,0+1"} {
		if got, err := decodeSentences("abcd", col); !errors.Is(err, parallax.ErrMalformed) {
			t.Errorf("decode(%q) = %q, %v, want ErrMalformed", col, got, err)
		}
	}
}

// FuzzSentences checks that any sentence list of any text comes back as it
// went in, and that no column makes the decoder fail other than cleanly.
func FuzzSentences(f *testing.F) {
	f.Add("One two. Three four!", "One two.|Three four!")
	f.Add("Yes. Yes.", "Yes.|Yes.|No.")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, body, list string) {
		if !utf8.ValidString(list) {
			return // a JSON array holds valid UTF-8 only, as before spans
		}
		var sents []string
		if list != "" {
			sents = strings.Split(list, "|")
		}
		got, err := decodeSentences(body, encodeSentences(body, sents))
		if err != nil || !slices.Equal(got, nonNil(sents)) {
			t.Fatalf("round trip of %q in %q = %q, %v", sents, body, got, err)
		}
		if _, err := decodeSentences(body, "@"+list); err != nil && !errors.Is(err, parallax.ErrMalformed) {
			t.Fatalf("decode error %v", err)
		}
	})
}
