package cluster

import (
	"slices"
	"testing"
	"time"
)

func TestFeatures(t *testing.T) {
	tests := []struct {
		name, title, body string
		wantEnt           []string // entity keys that must be present
		wantNot           []string // keys (any kind) that must be absent
		wantNum           []string
	}{
		{
			name:    "names mid-sentence, honorifics dropped",
			body:    "Police said Mr. Fred LaRue died in Biloxi on Saturday.\nLaRue was 75.",
			wantEnt: []string{"fred larue", "larue", "biloxi", "saturday"},
			wantNot: []string{"mr", "police"},
			wantNum: []string{"75"},
		},
		{
			name:    "sentence-initial capital is not a name unless seen mid-sentence",
			body:    "Earthquakes shook the coast. Rescuers from Chile arrived. Chile sent help.",
			wantEnt: []string{"chile"},
			wantNot: []string{"earthquakes", "rescuers"},
		},
		{
			name:    "headline-case title proves nothing by itself",
			title:   "Powerful Quake Hits Northern Chile",
			body:    "A quake hit Chile on Monday, officials said.",
			wantEnt: []string{"chile", "monday"},
			wantNot: []string{"powerful", "quake hits"},
		},
		{
			name:    "decimals and years are numbers",
			body:    "A magnitude 6.1 quake struck in 2013, the agency said.",
			wantNum: []string{"6.1", "2013"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := newExtractor().features(tt.title, tt.body, 2)
			has := map[kind][]string{}
			all := map[string]bool{}
			for _, f := range fs {
				has[f.kind] = append(has[f.kind], f.key)
				all[f.key] = true
			}
			for _, e := range tt.wantEnt {
				if !slices.Contains(has[kEntity], e) {
					t.Errorf("entity %q missing; entities %q", e, has[kEntity])
				}
			}
			for _, n := range tt.wantNum {
				if !slices.Contains(has[kNumber], n) {
					t.Errorf("number %q missing; numbers %q", n, has[kNumber])
				}
			}
			for _, k := range tt.wantNot {
				if slices.Contains(has[kEntity], k) {
					t.Errorf("%q should not be an entity", k)
				}
			}
		})
	}
}

func TestAddWindowAndDeterminism(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	quake := "A magnitude 7.1 earthquake struck Hualien in Taiwan on Wednesday, killing nine people. Taiwan's Central Weather Administration said the Hualien quake was the strongest in 25 years."
	quake2 := "Rescuers in Hualien searched for survivors after the Taiwan earthquake. The Central Weather Administration said aftershocks would follow the magnitude 7.1 quake."
	vote := "Voters in Portugal went to the polls on Sunday. Prime Minister Luis Montenegro's Democratic Alliance led the count in Lisbon and Porto."
	items := []Item{
		{ID: "a", Date: day, Text: quake},
		{ID: "b", Date: day.Add(24 * time.Hour), Text: quake2},
		{ID: "c", Date: day.Add(24 * time.Hour), Text: vote},
		{ID: "d", Date: day.Add(30 * 24 * time.Hour), Text: quake2}, // a month later: a new story
		{ID: "e", Text: vote},                                       // undated: may join by content
	}
	run := func() []int {
		c := New(Options{})
		var out []int
		for _, it := range items {
			out = append(out, c.Add(it).Story)
		}
		return out
	}
	got := run()
	want := []int{0, 0, 1, 2, 1}
	if !slices.Equal(got, want) {
		t.Errorf("stories = %v, want %v", got, want)
	}
	if again := run(); !slices.Equal(again, got) {
		t.Errorf("not deterministic: %v then %v", got, again)
	}
}

func TestExpiry(t *testing.T) {
	c := New(Options{Window: 24 * time.Hour})
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3000 {
		c.Add(Item{ID: "x", Date: day.Add(time.Duration(i) * time.Hour), Text: "Unique report number " + string(rune('A'+i%26)) + " about Springfield."})
	}
	if c.Open() > 100 {
		t.Errorf("open stories = %d after 3000 hourly articles with a one-day window", c.Open())
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("Title", "Body with Names like Chile and 6.1 numbers.\nSecond line.")
	f.Add("", "\xff\xfe U.S. Mr. . ! ? ’s 's -- 1,000.5")
	f.Fuzz(func(t *testing.T, title, body string) {
		c := New(Options{})
		a := c.Add(Item{ID: "1", Title: title, Text: body})
		b := c.Add(Item{ID: "2", Title: title, Text: body})
		if !a.New || a.Story != 0 {
			t.Fatalf("first article: %+v", a)
		}
		if b.Story < 0 || b.Story > 1 || b.Similarity < 0 || b.Similarity > 1.0001 {
			t.Fatalf("second article: %+v", b)
		}
	})
}
