package parallax

import (
	"context"
	"errors"
	"time"
)

// Store errors.
var (
	// ErrNotFound is returned when a story or article is not in the store.
	ErrNotFound = errors.New("not found")
	// ErrBadQuery is returned for a search query with no searchable words.
	ErrBadQuery = errors.New("bad query")
	// ErrSchemaTooNew is returned when a store was written by a newer parallax.
	ErrSchemaTooNew = errors.New("schema is newer than this program")
)

// Store keeps articles and the stories they belong to, and finds them by full
// text. Articles are keyed by a content hash chosen by the caller, so that
// putting the same input twice adds nothing. Implementations are safe for use
// by one writer and many readers at once.
type Store interface {
	// Put writes one batch atomically; see Batch. added[i] reports whether
	// b.Articles[i] was new.
	Put(ctx context.Context, b Batch) (added []bool, err error)
	// Has reports for each key whether an article with that key is stored.
	Has(ctx context.Context, keys []string) ([]bool, error)
	// Recent returns the n articles stored last, oldest first, so that a
	// process can warm its in-memory indexes.
	Recent(ctx context.Context, n int) ([]StoredArticle, error)
	// Stories lists stories, latest news first; merged stories are left out.
	Stories(ctx context.Context, q StoryQuery) ([]StoryInfo, error)
	// Story returns one story's summary, or ErrNotFound. The id of a story
	// merged into another gives the other.
	Story(ctx context.Context, id string) (StoryInfo, error)
	// StoryArticles returns a story's articles in the order they were added,
	// or ErrNotFound when there is no such story; merged ids are followed.
	StoryArticles(ctx context.Context, id string) ([]StoredArticle, error)
	// Search finds articles (title and text) and stories (headline) matching
	// the words of query, best first; ErrBadQuery when it has no words.
	Search(ctx context.Context, query string, limit int) (SearchResult, error)
	// Close releases the store.
	Close() error
}

// Batch is what Put writes in one transaction, in this order: stories are
// created or their headline updated; articles not yet stored (by Key) are
// added to their stories; then each merge moves every article of From into
// Into and retires From. A stored article's story changes only by a merge.
type Batch struct {
	Stories  []StoryInfo
	Articles []StoredArticle
	Merges   []Merge
}

// Merge says that story From turned out to be story Into.
type Merge struct {
	From, Into string
}

// StoredArticle is one article as a Store keeps it.
type StoredArticle struct {
	// Key is the content hash of the input (hex); the store's identity.
	Key string
	// StoryID is the story the article belongs to ("" for none).
	StoryID string
	// Article is the cleaned article; DuplicateOf names its first copy.
	Article Article
	// Text is the cleaned body text, searched by full text.
	Text string
	// Input is the article as read, kept so that it can be analysed again.
	Input Input
	// Added is when the store first saw the article (set by the store).
	Added time.Time
}

// Input is an article's input as a reader produced it.
type Input struct {
	Path      string
	Format    string // "text", "jsonl", ...
	Text      string
	Title     string
	Published string
	Source    string
	URL       string
	Author    string
}

// StoryInfo summarises a stored story. Put reads only ID and Headline; the
// other fields are derived from the story's articles.
type StoryInfo struct {
	ID       string
	Headline string
	Articles int
	Outlets  []string // distinct non-empty sources, sorted
	First    string   // earliest known publication date, YYYY-MM-DD or ""
	Last     string   // latest known publication date
	Created  time.Time
	Updated  time.Time
}

// StoryQuery selects stories to list.
type StoryQuery struct {
	// Since keeps stories whose latest publication date is on or after it
	// (YYYY-MM-DD); stories with no known date are kept too. "" keeps all.
	Since string
	// Limit is the most stories returned; 0 means no limit.
	Limit int
}

// SearchHit is one article or story found by Search.
type SearchHit struct {
	ID      string  // article or story id
	Key     string  // the article's key; "" for a story
	StoryID string  // the story of the article, or the story itself
	Title   string  // article title or story headline
	Snippet string  // matching text with matches in [brackets]
	Score   float64 // higher is better
}

// SearchResult holds the stories and articles a query found.
type SearchResult struct {
	Stories  []SearchHit
	Articles []SearchHit
}
