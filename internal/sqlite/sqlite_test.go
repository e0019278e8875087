package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	parallax "github.com/parallax-news/parallax"
)

func openTest(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func art(key, id, story, source, published, title, text string) parallax.StoredArticle {
	return parallax.StoredArticle{
		Key:     key,
		StoryID: story,
		Article: parallax.Article{
			ID: id, Source: parallax.NullString(source), Published: parallax.NullString(published),
			Title: parallax.NullString(title), Sentences: []string{text},
		},
		Text:  text,
		Input: parallax.Input{Path: id + ".txt", Format: "text", Text: title + "\n\n" + text},
	}
}

func count(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenMigrates(t *testing.T) {
	ctx := context.Background()
	db, path := openTest(t)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != len(ms) || got == 0 {
		t.Fatalf("schema version = %d, want %d", got, len(ms))
	}
	var mode string
	if err := db.w.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var timeout int
	if err := db.r.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout < 1000 {
		t.Fatalf("busy_timeout = %d, %v", timeout, err)
	}
	if _, err := db.Put(ctx, parallax.Batch{Stories: []parallax.StoryInfo{{ID: "s1", Headline: "h"}}, Articles: []parallax.StoredArticle{art("k1", "a1", "s1", "", "", "t", "x")}}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// Reopening applies nothing and keeps the data.
	db2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if v, _ := db2.SchemaVersion(ctx); v != len(ms) {
		t.Fatalf("reopened schema version = %d", v)
	}
	if has, err := db2.Has(ctx, []string{"k1"}); err != nil || !has[0] {
		t.Fatalf("reopened Has = %v, %v", has, err)
	}

	// A database from a newer program is refused.
	if _, err := db2.w.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(ms)+1)); err != nil {
		t.Fatal(err)
	}
	db2.Close()
	if _, err := Open(ctx, path); !errors.Is(err, parallax.ErrSchemaTooNew) {
		t.Fatalf("Open newer schema: err = %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", ":memory:", "a?b.db", "file:x.db", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")} {
		t.Run(p, func(t *testing.T) {
			if db, err := Open(context.Background(), p); err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded", p)
			}
		})
	}
}

func TestLoadMigrations(t *testing.T) {
	sql := &fstest.MapFile{Data: []byte("CREATE TABLE t(x);")}
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []int
		wantErr bool
	}{
		{"ordered", fstest.MapFS{"m/0002_b.sql": sql, "m/0001_a.sql": sql, "m/README": sql}, []int{1, 2}, false},
		{"gap", fstest.MapFS{"m/0001_a.sql": sql, "m/0003_c.sql": sql}, nil, true},
		{"duplicate", fstest.MapFS{"m/0001_a.sql": sql, "m/0001_b.sql": sql}, nil, true},
		{"no number", fstest.MapFS{"m/init.sql": sql}, nil, true},
		{"zero", fstest.MapFS{"m/0000_a.sql": sql}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := loadMigrations(tt.files, "m")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.Version)
			}
			if !tt.wantErr && !slices.Equal(got, tt.want) {
				t.Fatalf("versions = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMigrationFailureRollsBack(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	ms, _ := migrations()
	bad := append(slices.Clone(ms), migration{Version: len(ms) + 1, Name: "bad", SQL: "CREATE TABLE x(a); THIS IS NOT SQL;"})
	if err := applyMigrations(ctx, db.w, bad); err == nil {
		t.Fatal("bad migration applied without error")
	}
	if v, _ := db.SchemaVersion(ctx); v != len(ms) {
		t.Fatalf("version after failed migration = %d, want %d", v, len(ms))
	}
	var n int
	db.w.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'x'").Scan(&n)
	if n != 0 {
		t.Fatal("failed migration left table x behind")
	}
	good := append(slices.Clone(ms), migration{Version: len(ms) + 1, Name: "good", SQL: "CREATE TABLE y(a);"})
	if err := applyMigrations(ctx, db.w, good); err != nil {
		t.Fatal(err)
	}
	if v, _ := db.SchemaVersion(ctx); v != len(ms)+1 {
		t.Fatalf("version after new migration = %d", v)
	}
}

func TestPutIsIdempotent(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	stories := []parallax.StoryInfo{{ID: "s1", Headline: "Quake hits city"}}
	arts := []parallax.StoredArticle{
		art("k1", "a1", "s1", "Reuters", "2024-01-02", "Quake", "A strong earthquake hit the city."),
		art("k2", "a2", "s1", "AP", "2024-01-03", "Quake kills 3", "Three people died in the earthquake."),
		art("k2", "a2", "s1", "AP", "2024-01-03", "Quake kills 3", "Three people died in the earthquake."), // same key in one batch
	}
	added, err := db.Put(ctx, parallax.Batch{Stories: stories, Articles: arts})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false}; !slices.Equal(added, want) {
		t.Fatalf("first put added = %v, want %v", added, want)
	}
	added, err = db.Put(ctx, parallax.Batch{Stories: stories, Articles: arts})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{false, false, false}; !slices.Equal(added, want) {
		t.Fatalf("second put added = %v, want %v", added, want)
	}
	for table, want := range map[string]int{"articles": 2, "stories": 1, "stories_fts": 1} {
		if got := count(t, db, table); got != want {
			t.Errorf("%s rows = %d, want %d", table, got, want)
		}
	}
	res, err := db.Search(ctx, "earthquake", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 2 {
		t.Fatalf("search after double put found %d articles, want 2", len(res.Articles))
	}
}

func TestStories(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	_, err := db.Put(ctx, parallax.Batch{Stories: []parallax.StoryInfo{{ID: "quake", Headline: "Quake hits city"}, {ID: "vote", Headline: "Parliament votes"}, {ID: "empty", Headline: "Nothing yet"}}, Articles: []parallax.StoredArticle{
		art("k1", "a1", "quake", "Reuters", "2024-01-02", "Quake", "A strong earthquake hit the city."),
		art("k2", "a2", "quake", "AP", "2024-01-04", "Quake kills 3", "Three people died."),
		art("k3", "a3", "quake", "Reuters", "", "Quake aftermath", "Rescuers searched."),
		art("k4", "a4", "vote", "BBC", "2023-05-01", "Vote", "Parliament voted on the budget."),
		art("k5", "a5", "", "", "", "Loose", "An article in no story."),
	}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Stories(ctx, parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ID, Headline string
		N            int
		Outlets      []string
		First, Last  string
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.ID, s.Headline, s.Articles, s.Outlets, s.First, s.Last})
		if s.Created.IsZero() || s.Updated.Before(s.Created) {
			t.Errorf("story %s: created %v updated %v", s.ID, s.Created, s.Updated)
		}
	}
	want := []row{
		{"quake", "Quake hits city", 3, []string{"AP", "Reuters"}, "2024-01-02", "2024-01-04"},
		{"vote", "Parliament votes", 1, []string{"BBC"}, "2023-05-01", "2023-05-01"},
		{"empty", "Nothing yet", 0, nil, "", ""},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("stories =\n%+v\nwant\n%+v", rows, want)
	}

	since, err := db.Stories(ctx, parallax.StoryQuery{Since: "2024-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(since) != 2 || since[0].ID != "quake" || since[1].ID != "empty" {
		t.Fatalf("stories since 2024 = %+v", since)
	}
	if lim, _ := db.Stories(ctx, parallax.StoryQuery{Limit: 1}); len(lim) != 1 {
		t.Fatalf("limit 1 gave %d stories", len(lim))
	}

	one, err := db.Story(ctx, "quake")
	if err != nil || one.Articles != 3 {
		t.Fatalf("Story(quake) = %+v, %v", one, err)
	}
	if _, err := db.Story(ctx, "nope"); !errors.Is(err, parallax.ErrNotFound) {
		t.Fatalf("Story(nope) err = %v", err)
	}
	if _, err := db.StoryArticles(ctx, "nope"); !errors.Is(err, parallax.ErrNotFound) {
		t.Fatalf("StoryArticles(nope) err = %v", err)
	}
	if arts, err := db.StoryArticles(ctx, "empty"); err != nil || len(arts) != 0 {
		t.Fatalf("StoryArticles(empty) = %v, %v", arts, err)
	}

	// A later batch can add to a stored story and rename it.
	time.Sleep(2 * time.Millisecond)
	if _, err := db.Put(ctx, parallax.Batch{Stories: []parallax.StoryInfo{{ID: "vote", Headline: "Budget passes"}}, Articles: []parallax.StoredArticle{art("k6", "a6", "vote", "NPR", "2023-05-02", "Budget", "The budget passed.")}}); err != nil {
		t.Fatal(err)
	}
	v, _ := db.Story(ctx, "vote")
	if v.Headline != "Budget passes" || v.Articles != 2 || !v.Updated.After(v.Created) {
		t.Fatalf("updated story = %+v", v)
	}
	res, err := db.Search(ctx, "budget", 10)
	if err != nil || len(res.Stories) != 1 || res.Stories[0].ID != "vote" {
		t.Fatalf("search budget stories = %+v, %v", res.Stories, err)
	}
	if res, _ := db.Search(ctx, "parliament", 10); len(res.Stories) != 0 {
		t.Fatalf("old headline still found: %+v", res.Stories)
	}
	// An article may name a story stored by an earlier batch without repeating it.
	if _, err := db.Put(ctx, parallax.Batch{Stories: nil, Articles: []parallax.StoredArticle{art("k7", "a7", "quake", "", "", "More", "Aftershocks.")}}); err != nil {
		t.Fatal(err)
	}
}

func TestStoryArticlesRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	in := parallax.StoredArticle{
		Key:     "abc123",
		StoryID: "s",
		Article: parallax.Article{
			ID: "wire-2", Source: "AP", Published: "2024-03-01", Dateline: "LONDON", Title: "Title",
			Headings: []string{"H1"}, Removed: []string{"Subscribe now"}, Sentences: []string{"One.", "Two \"quoted\"."},
			DuplicateOf: "wire-1", URL: "https://example.com/x", Path: "in/wire-2.html", Author: "Jane Roe",
		},
		Text:  "One. Two \"quoted\".",
		Input: parallax.Input{Path: "in/wire-2.html", Format: "html", Text: "<p>One.</p>", Title: "T", Published: "2024-03-01", Source: "AP", URL: "https://example.com/x"},
	}
	if _, err := db.Put(ctx, parallax.Batch{Stories: []parallax.StoryInfo{{ID: "s", Headline: "S"}}, Articles: []parallax.StoredArticle{in}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.StoryArticles(ctx, "s")
	if err != nil || len(got) != 1 {
		t.Fatalf("StoryArticles = %v, %v", got, err)
	}
	if got[0].Added.IsZero() {
		t.Error("Added not set")
	}
	got[0].Added = time.Time{}
	if !reflect.DeepEqual(got[0], in) {
		t.Fatalf("round trip\n got %+v\nwant %+v", got[0], in)
	}
}

func TestPutBadInput(t *testing.T) {
	good := art("k1", "a1", "s1", "", "", "t", "x")
	tests := []struct {
		name    string
		stories []parallax.StoryInfo
		arts    []parallax.StoredArticle
		want    error
	}{
		{"empty story id", []parallax.StoryInfo{{ID: ""}}, []parallax.StoredArticle{good}, parallax.ErrMalformed},
		{"empty key", []parallax.StoryInfo{{ID: "s1"}}, []parallax.StoredArticle{good, art("", "a2", "s1", "", "", "t", "x")}, parallax.ErrMalformed},
		{"empty id", []parallax.StoryInfo{{ID: "s1"}}, []parallax.StoredArticle{good, art("k2", "", "s1", "", "", "t", "x")}, parallax.ErrMalformed},
		{"unknown story", []parallax.StoryInfo{{ID: "s1"}}, []parallax.StoredArticle{good, art("k2", "a2", "ghost", "", "", "t", "x")}, parallax.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTest(t)
			if _, err := db.Put(context.Background(), parallax.Batch{Stories: tt.stories, Articles: tt.arts}); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if n := count(t, db, "articles") + count(t, db, "stories"); n != 0 {
				t.Fatalf("refused batch left %d rows", n)
			}
		})
	}
}

func TestPutOddText(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	odd := []string{"", "\x00nul\x00inside", "bad utf8 \xff\xfe here", strings.Repeat("long ", 200000), "emoji 🎉 and ünïcödé", "' OR 1=1; DROP TABLE articles; --"}
	var arts []parallax.StoredArticle
	for i, s := range odd {
		arts = append(arts, art(fmt.Sprintf("k%d", i), fmt.Sprintf("a%d", i), "s", s, "", s, s))
	}
	added, err := db.Put(ctx, parallax.Batch{Stories: []parallax.StoryInfo{{ID: "s", Headline: odd[5]}}, Articles: arts})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(added, false) {
		t.Fatalf("added = %v", added)
	}
	got, err := db.StoryArticles(ctx, "s")
	if err != nil || len(got) != len(odd) {
		t.Fatalf("StoryArticles = %d, %v", len(got), err)
	}
	for i, a := range got {
		if a.Text != odd[i] {
			t.Errorf("text %d changed: %q", i, a.Text[:min(len(a.Text), 40)])
		}
	}
	for _, q := range []string{"nul", "ünïcödé", "unicode", "DROP", "long"} {
		res, err := db.Search(ctx, q, 5)
		if err != nil || len(res.Articles) == 0 {
			t.Errorf("search %q = %+v, %v", q, res.Articles, err)
		}
	}
	if n := count(t, db, "articles"); n != len(odd) {
		t.Fatalf("articles = %d", n)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	_, err := db.Put(ctx, parallax.Batch{Stories: []parallax.StoryInfo{{ID: "quake", Headline: "Earthquake strikes Istanbul"}, {ID: "rehab", Headline: "Actress enters rehab"}}, Articles: []parallax.StoredArticle{
		art("k1", "q1", "quake", "", "", "Istanbul quake", "A magnitude 6.1 earthquake struck Istanbul on Monday, killing three people."),
		art("k2", "q2", "quake", "", "", "Turkey tremor", "Buildings collapsed after the tremor near Istanbul; rescuers searched rubble."),
		art("k3", "r1", "rehab", "", "", "Tara Reid in rehab", "Tara Reid entered the Promises Treatment Center in Malibu."),
		art("k4", "r2", "rehab", "", "", "Star checks in", "The actress checked into Promises, her representative said."),
	}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query    string
		articles []string
		stories  []string
	}{
		{"istanbul", []string{"q1", "q2"}, []string{"quake"}},    // title match ranks first
		{"Promises", []string{"r1", "r2"}, nil},                  //
		{"promise*", []string{"r1", "r2"}, nil},                  // prefix
		{`"treatment center"`, []string{"r1"}, nil},              // phrase
		{`"center treatment"`, nil, nil},                         // phrase order matters
		{"rehab actress", nil, []string{"rehab"}},                // all words, in one text
		{"malibu OR rubble", []string{"q2", "r1"}, nil},          // OR
		{"earthquake AND (NEAR", nil, nil},                       // operators are words
		{"ISTANBUL!!!", []string{"q1", "q2"}, []string{"quake"}}, // case, punctuation
		{"nothingmatches", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := db.Search(ctx, tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			var arts, stories []string
			for _, h := range res.Articles {
				arts = append(arts, h.ID)
				if h.StoryID == "" || h.Key == "" || h.Snippet == "" {
					t.Errorf("hit %+v lacks story or key", h)
				}
			}
			for _, h := range res.Stories {
				stories = append(stories, h.ID)
			}
			slices.Sort(arts)
			if !slices.Equal(arts, tt.articles) && (len(arts) > 0 || len(tt.articles) > 0) {
				t.Errorf("articles = %v, want %v", arts, tt.articles)
			}
			if !slices.Equal(stories, tt.stories) {
				t.Errorf("stories = %v, want %v", stories, tt.stories)
			}
		})
	}
	// Ranking: the article with the word in its title comes first.
	res, _ := db.Search(ctx, "istanbul", 10)
	if res.Articles[0].ID != "q1" || !strings.Contains(res.Articles[0].Snippet, "[Istanbul]") {
		t.Errorf("first hit = %+v", res.Articles[0])
	}
	if res.Articles[0].Score < res.Articles[1].Score {
		t.Errorf("scores not descending: %v, %v", res.Articles[0].Score, res.Articles[1].Score)
	}
	for _, q := range []string{"", "   ", "!!! ???", `""`, "OR", "*"} {
		if _, err := db.Search(ctx, q, 10); !errors.Is(err, parallax.ErrBadQuery) {
			t.Errorf("Search(%q) err = %v, want ErrBadQuery", q, err)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"earthquake", `"earthquake"`},
		{"Tara Reid", `"Tara" "Reid"`},
		{`"Tara Reid" rehab`, `"Tara Reid" "rehab"`},
		{"rehab*", `"rehab"*`},
		{"a OR b", `"a" OR "b"`},
		{"OR a OR", `"a"`},
		{"a OR OR b", `"a" OR "b"`},
		{"or a", `"or" "a"`},
		{`unterminated "phrase here`, `"unterminated" "phrase here"`},
		{"NEAR(a b) AND NOT c:d ^e -f", `"NEAR" "a" "b" "AND" "NOT" "c" "d" "e" "f"`},
		{"Reid's", `"Reid" "s"`},
		{"bad \xff utf8", `"bad" "utf8"`},
		{"", ""},
		{`"" * ()`, ""},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzSearch checks that no query makes a malformed FTS5 expression.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"earthquake", `"a b" OR c*`, "NEAR(x y, 2)", `col:word ^x -y "`, "\xff", "AND OR NOT", "a**", `"*"`} {
		f.Add(s)
	}
	db, _ := openTest(f)
	if _, err := db.Put(context.Background(), parallax.Batch{Stories: []parallax.StoryInfo{{ID: "s", Headline: "a b c"}}, Articles: []parallax.StoredArticle{art("k", "a", "s", "", "", "a b", "c d e")}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := db.Search(context.Background(), q, 3)
		if err != nil && !errors.Is(err, parallax.ErrBadQuery) {
			t.Fatalf("Search(%q): %v (fts %s)", q, err, ftsQuery(q))
		}
	})
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct {
		text  string
		terms []term
		want  string
	}{
		{"A quake hit Istanbul on Monday.", []term{{w: "istanbul"}}, "A quake hit [Istanbul] on Monday."},
		{"Rescuers\n\nsearched  the rubble.", []term{{w: "rubble"}}, "Rescuers searched the [rubble]."},
		{"Promises Treatment Center", []term{{w: "promise", prefix: true}}, "[Promises] Treatment Center"},
		{long + "needle " + long, []term{{w: "needle"}}, "…word word word word word word word word [needle] word word word word word word word word word word word word word word word…"},
		{long, []term{{w: "absent"}}, strings.TrimSpace(strings.Repeat("word ", 24)) + "…"},
		{"", []term{{w: "x"}}, ""},
		{"!!!", []term{{w: "x"}}, ""},
	}
	for _, tt := range tests {
		if got := snippet(tt.text, tt.terms); got != tt.want {
			t.Errorf("snippet(%.30q) =\n%q\nwant\n%q", tt.text, got, tt.want)
		}
	}
}

func TestPageSize(t *testing.T) {
	db, _ := openTest(t)
	var n int
	if err := db.r.QueryRow("PRAGMA page_size").Scan(&n); err != nil || n != 16384 {
		t.Fatalf("page_size = %d, %v", n, err)
	}
}

func TestMergeAndRecent(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	put := func(b parallax.Batch) {
		t.Helper()
		if _, err := db.Put(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	put(parallax.Batch{
		Stories: []parallax.StoryInfo{{ID: "a", Headline: "Floods in Valencia"}, {ID: "b", Headline: "Valencia rain"}, {ID: "c", Headline: "Other"}},
		Articles: []parallax.StoredArticle{
			art("k1", "a1", "a", "X", "2024-10-30", "Floods", "Floods hit Valencia."),
			art("k2", "b1", "b", "Y", "2024-10-31", "Rain", "Rain in Valencia."),
			art("k3", "c1", "c", "Z", "2024-10-31", "Other", "Something else."),
		},
	})
	// b turns out to be a; a later article names b and lands in a.
	put(parallax.Batch{
		Merges:   []parallax.Merge{{From: "b", Into: "a"}, {From: "b", Into: "a"}},
		Articles: []parallax.StoredArticle{art("k4", "b2", "b", "W", "2024-11-01", "More rain", "More rain in Valencia.")},
	})
	put(parallax.Batch{Articles: []parallax.StoredArticle{art("k5", "b3", "b", "V", "", "Still", "Still raining.")}})
	list, err := db.Stories(ctx, parallax.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range list {
		ids = append(ids, fmt.Sprintf("%s:%d", s.ID, s.Articles))
	}
	if want := []string{"a:4", "c:1"}; !slices.Equal(ids, want) {
		t.Fatalf("stories = %v, want %v", ids, want)
	}
	if s, err := db.Story(ctx, "b"); err != nil || s.ID != "a" || s.Articles != 4 {
		t.Fatalf("Story(b) = %+v, %v; want story a", s, err)
	}
	arts, err := db.StoryArticles(ctx, "b")
	if err != nil || len(arts) != 4 || arts[1].StoryID != "a" {
		t.Fatalf("StoryArticles(b) = %d, %v", len(arts), err)
	}
	if res, _ := db.Search(ctx, "rain", 10); len(res.Stories) != 0 || len(res.Articles) != 2 {
		t.Fatalf("search rain: %d stories (merged one must be gone), %d articles", len(res.Stories), len(res.Articles))
	}
	// Merging into a retired story goes to where it went; chains flatten.
	put(parallax.Batch{Merges: []parallax.Merge{{From: "c", Into: "b"}}})
	if s, _ := db.Story(ctx, "c"); s.ID != "a" || s.Articles != 5 {
		t.Fatalf("Story(c) after merge into retired b = %+v", s)
	}
	if _, err := db.Put(ctx, parallax.Batch{Merges: []parallax.Merge{{From: "zz", Into: "a"}}}); !errors.Is(err, parallax.ErrNotFound) {
		t.Fatalf("merge of unknown story: %v", err)
	}
	if _, err := db.Put(ctx, parallax.Batch{Merges: []parallax.Merge{{From: "", Into: "a"}}}); !errors.Is(err, parallax.ErrMalformed) {
		t.Fatalf("merge with empty id: %v", err)
	}

	recent, err := db.Recent(ctx, 2)
	if err != nil || len(recent) != 2 || recent[0].Key != "k4" || recent[1].Key != "k5" || recent[1].StoryID != "a" || recent[1].Text != "Still raining." {
		t.Fatalf("Recent(2) = %+v, %v", recent, err)
	}
	if all, _ := db.Recent(ctx, 100); len(all) != 5 || all[0].Key != "k1" {
		t.Fatalf("Recent(100) = %d articles", len(all))
	}
	if none, err := db.Recent(ctx, 0); err != nil || len(none) != 0 {
		t.Fatalf("Recent(0) = %v, %v", none, err)
	}
}

// TestSearchNearCopies checks that a near copy's text is not indexed on its
// own (its original's is), that its title is, and that a search still finds
// the story holding the copies through the original.
func TestSearchNearCopies(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	orig := art("k1", "o1", "flood", "Wire", "", "", "Floodwaters rose along the Danube near Budapest on Sunday.")
	cp := art("k2", "c1", "flood", "Daily", "", "Danube bursts banks", "Floodwaters rose along the Danube near Budapest on Sunday, officials in Szentendre said.")
	cp.Article.DuplicateOf = "o1"
	untitled := art("k3", "c2", "flood", "Herald", "", "", "Floodwaters rose along the Danube near Budapest on Sunday morning.")
	untitled.Article.DuplicateOf = "o1"
	other := art("k4", "x1", "fire", "", "", "", "A fire closed the Danube bridge at Szentendre.")
	_, err := db.Put(ctx, parallax.Batch{
		Stories:  []parallax.StoryInfo{{ID: "flood", Headline: "Flood in Hungary"}, {ID: "fire", Headline: "Bridge fire"}},
		Articles: []parallax.StoredArticle{orig, cp, untitled, other},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query    string
		articles []string
	}{
		{"floodwaters budapest", []string{"o1"}}, // the copies' shared text: found once, as the original
		{"bursts", []string{"c1"}},               // a copy's own title is indexed
		{"szentendre", []string{"x1"}},           // a copy's own text is not
		{"morning", nil},
	}
	for _, tt := range tests {
		res, err := db.Search(ctx, tt.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Articles {
			ids = append(ids, h.ID)
			if h.ID != "x1" && h.StoryID != "flood" {
				t.Errorf("%q: hit %s in story %q, want flood", tt.query, h.ID, h.StoryID)
			}
		}
		slices.Sort(ids)
		if !slices.Equal(ids, tt.articles) {
			t.Errorf("%q: articles = %v, want %v", tt.query, ids, tt.articles)
		}
	}
	// The story found through the original holds all three articles.
	arts, err := db.StoryArticles(ctx, "flood")
	if err != nil || len(arts) != 3 {
		t.Fatalf("flood articles = %d, %v", len(arts), err)
	}
	if n := count(t, db, "articles_fts_docsize"); n != 3 {
		t.Errorf("indexed rows = %d, want 3 (the untitled copy is not indexed)", n)
	}
}
