package text

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One sentence here. Another one there.", []string{"One sentence here.", "Another one there."}},
		{"title abbreviations", "Mr. Smith met Sen. Jones and Gen. Milley. They talked.", []string{"Mr. Smith met Sen. Jones and Gen. Milley.", "They talked."}},
		{"dotted inside", "It caused the U.S. to impose limits. U.S. House Speaker Nancy Pelosi came.", []string{"It caused the U.S. to impose limits.", "U.S. House Speaker Nancy Pelosi came."}},
		{"dotted at end", "He moved to the U.S. The move was hard.", []string{"He moved to the U.S.", "The move was hard."}},
		{"state abbreviation", "The company in Malibu, Calif., said so. Then it left.", []string{"The company in Malibu, Calif., said so.", "Then it left."}},
		{"state abbreviation before name", "She lives in Oakland, Calif. Her firm grew.", []string{"She lives in Oakland, Calif.", "Her firm grew."}},
		{"times", "It starts at 9 a.m. Friday in Paris. It ends at 5 p.m. He will speak.", []string{"It starts at 9 a.m. Friday in Paris.", "It ends at 5 p.m.", "He will speak."}},
		{"initials", "J. R. R. Tolkien wrote it. George W. Bush read it.", []string{"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
		{"decimals", "Growth was 2.5 percent. Prices rose 3.1 percent.", []string{"Growth was 2.5 percent.", "Prices rose 3.1 percent."}},
		{"number abbreviation", "He is ranked No. 2 in the world. No. 1 is Smith.", []string{"He is ranked No. 2 in the world.", "No. 1 is Smith."}},
		{"month abbreviation", "It happened on Jan. 5 in Kyiv. Then more came.", []string{"It happened on Jan. 5 in Kyiv.", "Then more came."}},
		{"straight quote closing", `"We will win." Then he left.`, []string{`"We will win."`, "Then he left."}},
		{"typographic quote closing", "“We will win.” Then he left.", []string{"“We will win.”", "Then he left."}},
		{"quote broken by attribution", `"Xi will try," she said. "Russia is impatient."`, []string{`"Xi will try," she said.`, `"Russia is impatient."`}},
		{"quote of several sentences", "Putin stated that “We defend our interests. We also defend others.”", []string{"Putin stated that “We defend our interests.", "We also defend others.”"}},
		{"question inside quote", `"Why now?" he asked. Nobody knew.`, []string{`"Why now?" he asked.`, "Nobody knew."}},
		{"exclamation", "Stop! The road is closed.", []string{"Stop!", "The road is closed."}},
		{"ellipsis lower", "He paused... and went on. Done.", []string{"He paused... and went on.", "Done."}},
		{"company", "Shares of Apple Inc. rose. Apple Inc. The firm said.", []string{"Shares of Apple Inc. rose.", "Apple Inc.", "The firm said."}},
		{"e.g.", "Some fruits, e.g. Apples, are red. Others are not.", []string{"Some fruits, e.g. Apples, are red.", "Others are not."}},
		{"no final period", "A sentence. And a fragment", []string{"A sentence.", "And a fragment"}},
		{"url-like dots", "See example.com for more. Thanks.", []string{"See example.com for more.", "Thanks."}},
		{"empty", "   ", nil},
		{"stray closing quote at the end", `He said: "It is done. It is over. "`, []string{`He said: "It is done.`, `It is over. "`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Split(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	got := Tokenize("Russia's cross-border trade with the U.S. rose 1,200.5 percent, G-20 said.")
	var words []string
	for _, tk := range got {
		words = append(words, tk.Text)
	}
	want := []string{"Russia's", "cross-border", "trade", "with", "the", "U.S.", "rose", "1,200.5", "percent", "G-20", "said"}
	if !reflect.DeepEqual(words, want) {
		t.Fatalf("tokens %q, want %q", words, want)
	}
	if got[0].Stem != "russia" {
		t.Errorf("stem of Russia's = %q", got[0].Stem)
	}
	if got[7].Kind != Number {
		t.Errorf("1,200.5 not a number")
	}
	if !got[4].Stop || got[2].Stop {
		t.Errorf("stop words wrong: the=%v trade=%v", got[4].Stop, got[2].Stop)
	}
	if got[5].Lower != "u.s." {
		t.Errorf("lower of U.S. = %q", got[5].Lower)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Mr. A. B. said “x. y.” z", "U.S. a.m. ... !? “”", "No. 2. 3.5.", "\"\"\"..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range SplitSpans(s) {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			prev = sp[1]
		}
		for _, tk := range Tokenize(s) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
		}
	})
}
