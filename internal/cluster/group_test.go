package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestGroupECB runs the batch grouping (online pass plus refinement) over ECB+ in file order
// and guards its B-cubed F1. Titles here are the first lines; through analyze (cleaned text,
// publication dates from date lines) the same grouping scores P 0.934 R 0.950 F1 0.942.
func TestGroupECB(t *testing.T) {
	docs := loadECB(t)
	its := make([]Item, len(docs))
	events := make([]string, len(docs))
	for i, d := range docs {
		its[i], events[i] = d.item, d.event
	}
	g := groupItems(its, Options{}, defaultRefine)
	pred := make([]string, len(docs))
	for gi, ms := range g {
		for _, i := range ms {
			pred[i] = fmt.Sprint(gi)
		}
	}
	p, r, f := bcubed(pred, events)
	t.Logf("ECB+ Group: B-cubed P %.4f R %.4f F1 %.4f, %d stories", p, r, f, len(g))
	if f < 0.925 {
		t.Errorf("B-cubed F1 %.4f < 0.925", f)
	}
	// Deterministic: the same input gives the same stories.
	if g2 := groupItems(its, Options{}, defaultRefine); fmt.Sprint(g2) != fmt.Sprint(g) {
		t.Error("Group is not deterministic")
	}
}

type neusStory struct {
	ID       string `json:"id"`
	Articles []struct {
		Title string `json:"title"`
		Text  string `json:"text"`
	} `json:"articles"`
}

func loadNeuS(tb testing.TB, n int) []neusStory {
	f, err := os.Open("../../../shared/data/neus/val.jsonl")
	if err != nil {
		tb.Skipf("NeuS not available: %v", err)
	}
	defer f.Close()
	var out []neusStory
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(out) < n {
		var s neusStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestGroupNeuS: three outlets' reports of one event should stay together, alone and among
// the other stories' articles. Alone, 94 of 100 do (51 without the attach pass); all 300
// together, purity stays near the online pass's level (see the package doc). The test
// guards those levels.
func TestGroupNeuS(t *testing.T) {
	neusRefine := defaultRefine
	stories := loadNeuS(t, 100)
	alone := 0
	var all []Item
	var gold []string
	for _, s := range stories {
		var its []Item
		for k, a := range s.Articles {
			it := Item{ID: fmt.Sprintf("%s-%d", s.ID, k), Title: a.Title, Text: a.Text}
			its = append(its, it)
			all = append(all, it)
			gold = append(gold, s.ID)
		}
		if len(groupItems(its, Options{}, neusRefine)) == 1 {
			alone++
		}
	}
	g := groupItems(all, Options{}, neusRefine)
	pred := make([]string, len(all))
	for gi, ms := range g {
		for _, i := range ms {
			pred[i] = fmt.Sprint(gi)
		}
	}
	together := 0
	for i := 0; i+2 < len(all); i += 3 {
		if pred[i] == pred[i+1] && pred[i] == pred[i+2] {
			together++
		}
	}
	p, r, f := bcubed(pred, gold)
	t.Logf("NeuS %d stories: alone %d in one story; all together: %d stories, %d with all three articles in one, B-cubed P %.4f R %.4f F1 %.4f",
		len(stories), alone, len(g), together, p, r, f)
	if alone < len(stories)*92/100 {
		t.Errorf("only %d of %d stories' articles form one story when clustered alone", alone, len(stories))
	}
	if p < 0.71 || together < 55 {
		t.Errorf("all stories together: purity (B-cubed P) %.4f < 0.71 or %d < 55 triples together", p, together)
	}
}

// TestGroupSeeds: the five seed articles report one meeting and form one story in Group
// too.
func TestGroupSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	sort.Strings(files)
	var its []Item
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		its = append(its, Item{ID: filepath.Base(f), Text: string(b)})
	}
	if g := groupItems(its, Options{}, defaultRefine); len(g) != 1 {
		t.Errorf("seeds in %d stories, want 1: %v", len(g), g)
	}
}

// TestAttach: short reports of one event that share a few terms form one story however
// low their cosine; short reports of unrelated events stay apart.
func TestAttach(t *testing.T) {
	tests := []struct {
		name  string
		items []Item
		want  int // stories
	}{
		{
			name: "three outlets, one event, different framing",
			items: []Item{
				{Title: "Fears grow over flooded refinery.", Text: "Residents near Pelton fear the worst as flood water surrounds the Norvik refinery, whose managers warned on Monday that stored chemicals could ignite once cooling fails."},
				{Title: "Blast rocks refinery cut off by floods.", Text: "A blast shook a flooded refinery before dawn, sending dark smoke over the valley while crews from Pelton waited for the water to recede."},
				{Title: "Two workers hurt as flooded refinery burns.", Text: "Two workers were taken to hospital after breathing fumes when fire broke out at the flooded Norvik site on Tuesday, Governor Ames said, adding that the water kept fire engines away."},
			},
			want: 1,
		},
		{
			name: "three unrelated events",
			items: []Item{
				{Title: "Fears grow over flooded refinery.", Text: "Residents near Pelton fear the worst as flood water surrounds the Norvik refinery, whose managers warned on Monday that stored chemicals could ignite once cooling fails."},
				{Title: "Parliament passes pension reform.", Text: "Lawmakers in Paris approved the pension bill on Tuesday after weeks of strikes, and Prime Minister Elisabeth Borne said the retirement age would rise to 64."},
				{Title: "Striker signs four-year deal.", Text: "The Brazilian forward joined Real Madrid from Santos for a fee of 45 million euros, the club announced, ending months of talks with Barcelona."},
			},
			want: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := groupItems(tt.items, Options{}, defaultRefine); len(g) != tt.want {
				t.Errorf("%d stories %v, want %d", len(g), g, tt.want)
			}
			ro := defaultRefine
			ro.Steps = "rsrmr" // without the attach pass
			t.Logf("without attach: %d stories", len(groupItems(tt.items, Options{}, ro)))
		})
	}
}

// TestGroupECBEventsAlone: each ECB+ event's articles (several outlets' reports of one
// event) given alone, as a user gives a story's articles together, should come out as one
// story. 75 of 86 do (53 without the attach pass); the test guards that level.
func TestGroupECBEventsAlone(t *testing.T) {
	docs := loadECB(t)
	by := map[string][]Item{}
	var order []string
	for _, d := range docs {
		if _, ok := by[d.event]; !ok {
			order = append(order, d.event)
		}
		by[d.event] = append(by[d.event], d.item)
	}
	one := 0
	for _, e := range order {
		if g := groupItems(by[e], Options{}, defaultRefine); len(g) == 1 {
			one++
		} else {
			t.Logf("%s: %d articles in %d stories", e, len(by[e]), len(g))
		}
	}
	t.Logf("%d of %d ECB+ events, each clustered alone, form one story", one, len(order))
	if one < 73 {
		t.Errorf("only %d of %d events alone form one story, want >= 73", one, len(order))
	}
}
