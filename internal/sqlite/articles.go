package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
)

const timeFormat = time.RFC3339Nano

// Put writes stories and articles in one transaction; see parallax.Store.
// A batch with a bad element (empty key, id or story id, an article whose
// story is neither in the batch nor stored) is refused as a whole before
// anything is written.
func (db *DB) Put(ctx context.Context, b parallax.Batch) ([]bool, error) {
	for i, s := range b.Stories {
		if s.ID == "" {
			return nil, fmt.Errorf("put story %d: %w: empty id", i, parallax.ErrMalformed)
		}
	}
	for i, m := range b.Merges {
		if m.From == "" || m.Into == "" {
			return nil, fmt.Errorf("put merge %d: %w: empty story id", i, parallax.ErrMalformed)
		}
	}
	for i, a := range b.Articles {
		switch {
		case a.Key == "":
			return nil, fmt.Errorf("put article %d (%s): %w: empty key", i, a.Article.ID, parallax.ErrMalformed)
		case a.Article.ID == "":
			return nil, fmt.Errorf("put article %d (key %s): %w: empty id", i, a.Key, parallax.ErrMalformed)
		}
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	added, err := put(ctx, tx, b)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	return added, nil
}

func put(ctx context.Context, tx *sql.Tx, b parallax.Batch) ([]bool, error) {
	stories, articles := b.Stories, b.Articles
	now := time.Now().UTC().Format(timeFormat)
	rowOf := make(map[string]int64, len(stories))
	touched := make(map[int64]bool)
	// Full-text rows are written after the plain rows, each index by one
	// statement: FTS5 flushes its pending terms to a new segment at every
	// statement savepoint, so writing it row by row between other
	// statements makes one tiny segment per article and endless merging.
	var newStories, renamed, newArticles, newCopies, retired []int64

	getStory, err := tx.PrepareContext(ctx, "SELECT coalesce(merged_into, rowid), headline FROM stories WHERE id = ?")
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer getStory.Close()
	for _, s := range stories {
		var row int64
		var head string
		var merged sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT rowid, headline, merged_into FROM stories WHERE id = ?", s.ID).Scan(&row, &head, &merged)
		switch {
		case err == nil && merged.Valid:
			row = merged.Int64 // a retired story keeps its headline; its articles go on
		case errors.Is(err, sql.ErrNoRows):
			if err := tx.QueryRowContext(ctx,
				"INSERT INTO stories(id, headline, created, updated) VALUES(?, ?, ?, ?) RETURNING rowid",
				s.ID, s.Headline, now, now).Scan(&row); err != nil {
				return nil, fmt.Errorf("put story %s: %w", s.ID, err)
			}
			newStories = append(newStories, row)
		case err != nil:
			return nil, fmt.Errorf("put story %s: %w", s.ID, err)
		case head != s.Headline:
			if _, err := tx.ExecContext(ctx, "UPDATE stories SET headline = ?, updated = ? WHERE rowid = ?", s.Headline, now, row); err != nil {
				return nil, fmt.Errorf("put story %s: %w", s.ID, err)
			}
			renamed = append(renamed, row)
		}
		rowOf[s.ID] = row
	}

	ins, err := tx.PrepareContext(ctx, `INSERT INTO articles(key, id, story, duplicate_of, source, published, dateline,
		title, url, path, author, headings, removed, sentences, body, input, added)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(key) DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer ins.Close()

	added := make([]bool, len(articles))
	for i := range articles {
		a := &articles[i]
		var story any // NULL when the article has no story
		if a.StoryID != "" {
			row, ok := rowOf[a.StoryID]
			if !ok {
				var head string
				err := getStory.QueryRowContext(ctx, a.StoryID).Scan(&row, &head)
				if errors.Is(err, sql.ErrNoRows) {
					return nil, fmt.Errorf("put article %s: story %s: %w", a.Article.ID, a.StoryID, parallax.ErrNotFound)
				}
				if err != nil {
					return nil, fmt.Errorf("put article %s: %w", a.Article.ID, err)
				}
				rowOf[a.StoryID] = row
			}
			story = row
		}
		art := &a.Article
		headings, _ := json.Marshal(nonNil(art.Headings))
		removed, _ := json.Marshal(nonNil(art.Removed))
		input, _ := json.Marshal(a.Input)
		res, err := ins.ExecContext(ctx, a.Key, art.ID, story, string(art.DuplicateOf), string(art.Source),
			string(art.Published), string(art.Dateline), string(art.Title), art.URL, art.Path, art.Author,
			string(headings), string(removed), encodeSentences(a.Text, art.Sentences), a.Text, string(input), now)
		if err != nil {
			return nil, fmt.Errorf("put article %s: %w", art.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			continue // already stored
		}
		row, err := res.LastInsertId()
		if err != nil {
			return nil, fmt.Errorf("put article %s: %w", art.ID, err)
		}
		if art.DuplicateOf != "" {
			if art.Title != "" {
				newCopies = append(newCopies, row)
			}
		} else {
			newArticles = append(newArticles, row)
		}
		added[i] = true
		if r, ok := story.(int64); ok {
			touched[r] = true
		}
	}
	for _, m := range b.Merges {
		var from, into int64
		var fromMerged sql.NullInt64
		var head string
		err := tx.QueryRowContext(ctx, "SELECT rowid, merged_into FROM stories WHERE id = ?", m.From).Scan(&from, &fromMerged)
		if err == nil {
			err = getStory.QueryRowContext(ctx, m.Into).Scan(&into, &head)
		}
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("put merge %s into %s: %w", m.From, m.Into, parallax.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("put merge %s into %s: %w", m.From, m.Into, err)
		}
		if fromMerged.Valid || from == into {
			continue // already merged, or Into was merged into From
		}
		for _, q := range []string{
			"UPDATE articles SET story = ?1 WHERE story = ?2",
			"UPDATE stories SET merged_into = ?1 WHERE merged_into = ?2",
			"UPDATE stories SET merged_into = ?1, updated = ?3 WHERE rowid = ?2",
		} {
			if _, err := tx.ExecContext(ctx, q, into, from, now); err != nil {
				return nil, fmt.Errorf("put merge %s into %s: %w", m.From, m.Into, err)
			}
		}
		retired = append(retired, from)
		touched[into] = true
		// Articles of this batch already mapped to From now belong to Into.
		for id, r := range rowOf {
			if r == from {
				rowOf[id] = into
			}
		}
	}
	if len(touched) > 0 {
		upd, err := tx.PrepareContext(ctx, "UPDATE stories SET updated = ? WHERE rowid = ?")
		if err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
		defer upd.Close()
		rows := make([]int64, 0, len(touched))
		for r := range touched {
			rows = append(rows, r)
		}
		sort.Slice(rows, func(i, j int) bool { return rows[i] < rows[j] })
		for _, r := range rows {
			if _, err := upd.ExecContext(ctx, now, r); err != nil {
				return nil, fmt.Errorf("put: touch story: %w", err)
			}
		}
	}
	for _, step := range []struct {
		rows  []int64
		query string
	}{
		{append(renamed, retired...), "DELETE FROM stories_fts WHERE rowid IN (SELECT value FROM json_each(?))"},
		{append(renamed, newStories...), "INSERT INTO stories_fts(rowid, headline) SELECT rowid, headline FROM stories WHERE rowid IN (SELECT value FROM json_each(?)) AND merged_into IS NULL"},
		{newArticles, "INSERT INTO articles_fts(rowid, title, body) SELECT rowid, title, body FROM articles WHERE rowid IN (SELECT value FROM json_each(?))"},
		// A near copy's text is its original's, which is indexed: only
		// its own title is (see the package doc).
		{newCopies, "INSERT INTO articles_fts(rowid, title, body) SELECT rowid, title, '' FROM articles WHERE rowid IN (SELECT value FROM json_each(?))"},
	} {
		if len(step.rows) == 0 {
			continue
		}
		ids, _ := json.Marshal(step.rows)
		if _, err := tx.ExecContext(ctx, step.query, string(ids)); err != nil {
			return nil, fmt.Errorf("put: index: %w", err)
		}
	}
	return added, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Has reports which keys are stored.
func (db *DB) Has(ctx context.Context, keys []string) ([]bool, error) {
	out := make([]bool, len(keys))
	const chunk = 500
	for lo := 0; lo < len(keys); lo += chunk {
		hi := min(lo+chunk, len(keys))
		args := make([]any, hi-lo)
		for i, k := range keys[lo:hi] {
			args[i] = k
		}
		q := "SELECT key FROM articles WHERE key IN (?" + strings.Repeat(", ?", hi-lo-1) + ")"
		rows, err := db.r.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("has: %w", err)
		}
		found := make(map[string]bool)
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("has: %w", err)
			}
			found[k] = true
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("has: %w", err)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("has: %w", err)
		}
		for i, k := range keys[lo:hi] {
			out[lo+i] = found[k]
		}
	}
	return out, nil
}

// storySelect summarises stories from their articles. Outlets are joined
// with the unit separator, which cleaned sources never contain.
const storySelect = `SELECT s.id, s.headline, s.created, s.updated, count(a.rowid),
	coalesce(min(nullif(a.published, '')), ''), coalesce(max(nullif(a.published, '')), ''),
	coalesce(group_concat(DISTINCT nullif(a.source, '') || char(31)), '')
	FROM stories s LEFT JOIN articles a ON a.story = s.rowid`

func scanStory(sc interface{ Scan(...any) error }) (parallax.StoryInfo, error) {
	var s parallax.StoryInfo
	var created, updated, outlets string
	if err := sc.Scan(&s.ID, &s.Headline, &created, &updated, &s.Articles, &s.First, &s.Last, &outlets); err != nil {
		return s, err
	}
	s.Created, _ = time.Parse(timeFormat, created)
	s.Updated, _ = time.Parse(timeFormat, updated)
	for _, o := range strings.Split(outlets, "\x1f") {
		o = strings.TrimPrefix(o, ",")
		if o != "" {
			s.Outlets = append(s.Outlets, o)
		}
	}
	sort.Strings(s.Outlets)
	return s, nil
}

// Stories lists stories, latest news first: by last publication date (undated
// stories after dated ones), then by size, then by id.
func (db *DB) Stories(ctx context.Context, q parallax.StoryQuery) ([]parallax.StoryInfo, error) {
	query := storySelect + ` WHERE s.merged_into IS NULL GROUP BY s.rowid
		HAVING ?1 = '' OR max(nullif(a.published, '')) IS NULL OR max(nullif(a.published, '')) >= ?1
		ORDER BY max(nullif(a.published, '')) IS NULL, max(nullif(a.published, '')) DESC, count(a.rowid) DESC, s.id`
	args := []any{q.Since}
	if q.Limit > 0 {
		query += " LIMIT ?2"
		args = append(args, q.Limit)
	}
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []parallax.StoryInfo
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	return out, nil
}

// resolve returns the row and id of story id, following a merge.
func (db *DB) resolve(ctx context.Context, id string) (int64, string, error) {
	var row int64
	var sid string
	err := db.r.QueryRowContext(ctx, `SELECT t.rowid, t.id FROM stories s JOIN stories t ON t.rowid = coalesce(s.merged_into, s.rowid)
		WHERE s.id = ?`, id).Scan(&row, &sid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("story %s: %w", id, parallax.ErrNotFound)
	}
	if err != nil {
		return 0, "", fmt.Errorf("story %s: %w", id, err)
	}
	return row, sid, nil
}

// Story returns one story's summary.
func (db *DB) Story(ctx context.Context, id string) (parallax.StoryInfo, error) {
	row, _, err := db.resolve(ctx, id)
	if err != nil {
		return parallax.StoryInfo{}, err
	}
	s, err := scanStory(db.r.QueryRowContext(ctx, storySelect+" WHERE s.rowid = ? GROUP BY s.rowid", row))
	if err != nil {
		return s, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

const articleColumns = `a.key, a.id, coalesce(s.id, ''), a.duplicate_of, a.source, a.published, a.dateline, a.title, a.url,
	a.path, a.author, a.headings, a.removed, a.sentences, a.body, a.input, a.added
	FROM articles a LEFT JOIN stories s ON s.rowid = a.story`

// StoryArticles returns a story's articles in the order they were added.
func (db *DB) StoryArticles(ctx context.Context, id string) ([]parallax.StoredArticle, error) {
	row, _, err := db.resolve(ctx, id)
	if err != nil {
		return nil, err
	}
	out, err := db.articles(ctx, "SELECT "+articleColumns+" WHERE a.story = ? ORDER BY a.rowid", row)
	if err != nil {
		return nil, fmt.Errorf("story %s articles: %w", id, err)
	}
	return out, nil
}

// Recent returns the n articles stored last, oldest first.
func (db *DB) Recent(ctx context.Context, n int) ([]parallax.StoredArticle, error) {
	if n <= 0 {
		return nil, nil
	}
	out, err := db.articles(ctx, "SELECT * FROM (SELECT a.rowid AS r, "+articleColumns+" ORDER BY a.rowid DESC LIMIT ?) ORDER BY r", n)
	if err != nil {
		return nil, fmt.Errorf("recent articles: %w", err)
	}
	return out, nil
}

func (db *DB) articles(ctx context.Context, query string, args ...any) ([]parallax.StoredArticle, error) {
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []parallax.StoredArticle
	for rows.Next() {
		var a parallax.StoredArticle
		art := &a.Article
		var skip int64
		var dup, source, published, dateline, title, headings, removed, sentences, input, added string
		dst := []any{&a.Key, &art.ID, &a.StoryID, &dup, &source, &published, &dateline, &title, &art.URL, &art.Path,
			&art.Author, &headings, &removed, &sentences, &a.Text, &input, &added}
		if len(cols) > len(dst) {
			dst = append([]any{&skip}, dst...)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		art.DuplicateOf = parallax.NullString(dup)
		art.Source = parallax.NullString(source)
		art.Published = parallax.NullString(published)
		art.Dateline = parallax.NullString(dateline)
		art.Title = parallax.NullString(title)
		for _, f := range []struct {
			dst any
			src string
		}{{&art.Headings, headings}, {&art.Removed, removed}, {&a.Input, input}} {
			if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
				return nil, fmt.Errorf("article %s: %w: %v", art.ID, parallax.ErrMalformed, err)
			}
		}
		var err error
		if art.Sentences, err = decodeSentences(a.Text, sentences); err != nil {
			return nil, fmt.Errorf("article %s: %w", art.ID, err)
		}
		a.Added, _ = time.Parse(timeFormat, added)
		out = append(out, a)
	}
	return out, rows.Err()
}
