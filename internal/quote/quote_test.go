package quote

import (
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/corpus/textdoc"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		continues bool
		want      []string
	}{
		{"straight", `He said "we will win" today.`, false, []string{"we will win"}},
		{"typographic", "He said “we will win” today.", false, []string{"we will win"}},
		{"single typographic", "The minister called it ‘a disgrace’ and left.", false, []string{"a disgrace"}},
		{"single straight", "Critics called it 'a cynical ploy' on Monday.", false, []string{"a cynical ploy"}},
		{"apostrophes are not quotes", "Putin’s aides and Russia's envoy don't agree; it's the '90s.", false, nil},
		{"broken by attribution", `"Xi will try," she said. "Russia is impatient."`, false, []string{"Xi will try,", "Russia is impatient."}},
		{"several sentences", "Putin stated that “We defend our interests. We also defend others.”", false, []string{"We defend our interests. We also defend others."}},
		{"no space before opening", "It grew.“The exchange will continue,” Putin said.", false, []string{"The exchange will continue,"}},
		{"nested single inside double", `"They told me 'no way' twice," he said.`, false, []string{"They told me 'no way' twice,"}},
		{"stray straight mark", `He measured 6" of snow and then the storm moved on to other towns.`, false, nil},
		{"stray opening swallows nothing", "The official said “the talks will go on, and nobody knows when they end.", false, nil},
		{"stray closing mark", "He told the New York Times” (“NYT”).", false, []string{"NYT"}},
		{"continued into the next paragraph", "“We will stay until the job is done.", true, []string{"We will stay until the job is done."}},
		{"unclosed mid-paragraph does not continue", "He said “we will stay until the job is done.", true, nil},
		{"guillemets", "Il a dit «nous gagnerons» hier.", false, []string{"nous gagnerons"}},
		{"german low-high", "Er sagte „wir gewinnen“ gestern.", false, []string{"wir gewinnen"}},
		{"empty quotes", `He said "" and left.`, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, sp := range Scan(tc.in, tc.continues) {
				got = append(got, tc.in[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Scan(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// wantQuote is a quote a test expects, with its speaker.
type wantQuote struct {
	text, speaker string
	direct        bool
}

// checkQuotes reports each wanted quote that got lacks or gives another
// speaker.
func checkQuotes(t *testing.T, got []parallax.Quote, want []wantQuote) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, g := range got {
			if g.Text == w.text && g.Direct == w.direct {
				found = true
				if string(g.Speaker) != w.speaker {
					t.Errorf("%q: speaker %q, want %q", w.text, g.Speaker, w.speaker)
				}
			}
		}
		if !found {
			t.Errorf("quote %q (direct=%v) not found in %+v", w.text, w.direct, got)
		}
	}
}

func TestExtract(t *testing.T) {
	type q = wantQuote
	tests := []struct {
		name string
		body string
		want []q
	}{
		{"cue after", `"We will rebuild," Mayor Jane Ortiz said on Monday.`, []q{{"We will rebuild", "Jane Ortiz", true}}},
		{"inverted cue", `"We will rebuild," said Jane Ortiz, the mayor.`, []q{{"We will rebuild", "Jane Ortiz", true}}},
		{"cue before with colon", `Jane Ortiz said: "We will rebuild."`, []q{{"We will rebuild.", "Jane Ortiz", true}}},
		{"pronoun", "Jane Ortiz, the mayor, visited the site.\n\"It is terrible,\" she said.", []q{{"It is terrible", "Jane Ortiz", true}}},
		{"broken by attribution", "Tom Reyes spoke first.\n\"We lost,\" he said. \"We will be back.\"", []q{{"We lost", "Tom Reyes", true}, {"We will be back.", "Tom Reyes", true}}},
		{"channel is not the speaker", "Analyst Mary Chen of the Hudson Institute told the New York Times that rates would rise next year.", []q{{"rates would rise next year", "Mary Chen", false}}},
		{"state television quoted", "Chinese state television quoted President Li Wei as saying “the road is long”.", []q{{"the road is long", "Li Wei", true}}},
		{"was quoted as saying by", "Ana Silva is an economist.\n\"Prices will fall,\" she was quoted as saying by Reuters.", []q{{"Prices will fall", "Ana Silva", true}}},
		{"partial quote", "Prime Minister Rishi Sunak said the plan was “fully funded” and “fair”.", []q{{"fully funded", "Rishi Sunak", true}, {"fair", "Rishi Sunak", true}}},
		{"description speaks", "German Chancellor Olaf Scholz arrived.\nThe German chancellor said “we stand together”.", []q{{"we stand together", "Olaf Scholz", true}}},
		{"reported, speaker after", "Prices rose sharply in March, central bank governor Ana Silva said.", []q{{"Prices rose sharply in March", "Ana Silva", false}}},
		{"according to", "According to Ana Silva, prices rose sharply in March.", []q{{"prices rose sharply in March", "Ana Silva", false}}},
		{"quote continues the last speaker", "\"We lost,\" Tom Reyes said.\n\"Next year is ours.\"", []q{{"We lost", "Tom Reyes", true}, {"Next year is ours.", "Tom Reyes", true}}},
		{"a name in quotes is no quote", `He wrote for the "Daily Planet" for years.`, nil},
		{"a title in quotes is no quote", `She was nominated for "Outstanding Performance in a Music Program." in 2007.`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := []*text.Document{textdoc.Of("a", tc.body)}
			got := Extract(docs, entity.Extract(docs))
			checkQuotes(t, got, tc.want)
			if tc.want == nil {
				for _, g := range got {
					if g.Direct {
						t.Errorf("unexpected quote %+v", g)
					}
				}
			}
			for _, g := range got {
				if !strings.Contains(tc.body, g.Text) {
					t.Errorf("quote text %q is not verbatim", g.Text)
				}
			}
		})
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{`"a," he said. "b."`, "“x” ‘y’ 'z' «w» „v“", `6" of snow "`, "it’s the '90s", "“unclosed", "”a“b”", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, p string, continues bool) {
		prev := -1
		for _, sp := range Scan(p, continues) {
			if sp.Open < 0 || sp.Open >= sp.Start || sp.Start >= sp.End || sp.End > sp.Close || sp.Close > len(p) {
				t.Fatalf("bad span %+v in %q", sp, p)
			}
			if sp.Open <= prev {
				t.Fatalf("overlapping or unordered span %+v after %d in %q", sp, prev, p)
			}
			if sp.Close == len(p) && !continues {
				// only a continued quotation may run to the end without a closing mark
				r := p[sp.Close-1:]
				_ = r
			}
			prev = sp.Close
		}
	})
}

func BenchmarkExtractSeeds(b *testing.B) {
	docs := textdoc.Seeds(b)
	ents := entity.Extract(docs)
	b.ResetTimer()
	for b.Loop() {
		Extract(docs, ents)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(docs))/1e3, "µs/article")
}

func BenchmarkExtractECB(b *testing.B) {
	stories := textdoc.ECBStories(b)
	ents := make([]*entity.Set, len(stories))
	n := 0
	for i, st := range stories {
		ents[i] = entity.Extract(st)
		n += len(st)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, st := range stories {
			Extract(st, ents[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/article")
}
