package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/sqlite"
	"github.com/parallax-news/parallax/internal/text"
)

// The store subcommands register themselves here so that main.go needs no
// edit; an entry main.go already has wins.
func init() {
	for name, c := range map[string]command{
		"ingest":  {"store articles in a database, finding near-copies and stories", (*Main).runIngest},
		"stories": {"list the stories of a database", (*Main).runStories},
		"show":    {"print the report of one stored story", (*Main).runShow},
		"search":  {"find stored articles and stories by full text", (*Main).runSearch},
	} {
		if _, ok := commands[name]; !ok {
			commands[name] = c
		}
	}
}

// parseArgs parses flags that may come before, between or after the
// positional arguments, and returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func (m *Main) flagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: parallax %s\n\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// openStore opens the database named by --db, closed with m.
func (m *Main) openStore(ctx context.Context, path string) (parallax.Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: --db FILE is required", ErrUsage)
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	m.closers = append(m.closers, db)
	return db, nil
}

// usageError prints a usage error the way analyze does.
func (m *Main) usageError(name string, err error) error {
	if errors.Is(err, ErrUsage) && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(m.Stderr, "parallax %s: %v\n", name, err)
	}
	return err
}

func (m *Main) runIngest(ctx context.Context, args []string) error {
	fs := m.flagSet("ingest", "ingest --db FILE [--quiet] PATH...\n       ingest --db FILE --feed URL [--feed URL ...] [--feeds FILE] [--every 15m]\n\n"+
		"PATH is a directory (read recursively), a file, a URL, or - for JSON lines on standard input.\n"+
		"Feeds (RSS, Atom, JSON Feed) are polled, each new item's page fetched politely; with --every\n"+
		"they are polled again until interrupted, and Ctrl-C stores the articles in hand before stopping.")
	db := fs.String("db", "", "the database file (created if missing)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	batch := fs.Int("batch", 0, "articles per transaction (default 1000; 1 when polling feeds)")
	var feeds stringList
	fs.Var(&feeds, "feed", "a feed URL to poll (repeatable)")
	feedList := fs.String("feeds", "", "a file listing feed URLs, one a line (# comments)")
	every := fs.Duration("every", 0, "poll the feeds again at this interval until interrupted (e.g. 15m)")
	paths, err := parseArgs(fs, args)
	if err == nil && *feedList != "" {
		var more []string
		if more, err = feed.LoadList(*feedList); err == nil {
			feeds = append(feeds, more...)
		}
	}
	switch {
	case err != nil:
	case len(paths) == 0 && len(feeds) == 0:
		fs.Usage()
		err = fmt.Errorf("%w: no input given", ErrUsage)
	case len(paths) > 0 && len(feeds) > 0:
		err = fmt.Errorf("%w: give paths or feeds, not both", ErrUsage)
	case *every < 0 || *every > 0 && len(feeds) == 0:
		err = fmt.Errorf("%w: --every needs --feed or --feeds and a positive interval", ErrUsage)
	}
	if err != nil {
		return m.usageError("ingest", err)
	}
	st, err := m.openStore(ctx, *db)
	if err != nil {
		return m.usageError("ingest", err)
	}
	opt := pipeline.IngestOptions{Batch: *batch, Logger: m.Logger}
	if len(feeds) > 0 {
		if opt.Batch == 0 {
			opt.Batch = 1 // each article is stored as soon as it is read
		}
		popt := feed.PollOptions{Every: *every, Logger: m.Logger}
		opt.Read = func(ctx context.Context, emit func(ingest.Doc) error, skip func(parallax.Skipped)) error {
			return ingest.PollFeeds(ctx, feeds, popt, emit, skip)
		}
	}
	var bar *progressbar.ProgressBar
	if !*quiet && isTerminal(m.Stderr) {
		bar = newBar(m.Stderr, inputBytes(paths))
		start := time.Now()
		opt.Progress = func(n int, b int64) {
			rate := float64(n) / max(time.Since(start).Seconds(), 1e-3)
			bar.Describe(fmt.Sprintf("%d articles, %.0f/s", n, rate))
			bar.Set64(b)
		}
	}
	stats, err := pipeline.Ingest(ctx, st, paths, m.Stdin, opt)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(m.Stderr)
	}
	for _, s := range stats.Skipped {
		fmt.Fprintf(m.Stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	fmt.Fprintln(m.Stderr, stats.String())
	if err != nil {
		return err
	}
	if stats.Read == 0 {
		return ErrNothingRead
	}
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newBar(w io.Writer, total int64) *progressbar.ProgressBar {
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}

// inputBytes is the size of the input files, for the progress bar's ETA;
// -1 (a spinner) when it cannot be known, as for standard input.
func inputBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == "-" || strings.Contains(p, "://") {
			return -1
		}
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	if n == 0 {
		return -1
	}
	return n
}

func (m *Main) runStories(ctx context.Context, args []string) error {
	fs := m.flagSet("stories", "stories --db FILE [--since YYYY-MM-DD] [--limit N]")
	db := fs.String("db", "", "the database file")
	since := fs.String("since", "", "only stories with news on or after this date")
	limit := fs.Int("limit", 0, "at most this many stories (0: all)")
	pos, err := parseArgs(fs, args)
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("%w: unexpected argument %q", ErrUsage, pos[0])
	}
	if err != nil {
		return m.usageError("stories", err)
	}
	st, err := m.openStore(ctx, *db)
	if err != nil {
		return m.usageError("stories", err)
	}
	list, err := st.Stories(ctx, parallax.StoryQuery{Since: *since, Limit: *limit})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tARTICLES\tOUTLETS\tDATES\tHEADLINE")
	for _, s := range list {
		dates := s.First
		if s.Last != s.First {
			dates += ".." + s.Last
		}
		if dates == "" {
			dates = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", s.ID, s.Articles, outlets(s.Outlets), dates, oneLine(s.Headline, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "%d stories\n", len(list))
	return nil
}

func outlets(o []string) string {
	switch {
	case len(o) == 0:
		return "-"
	case len(o) <= 3:
		return strings.Join(o, ", ")
	default:
		return fmt.Sprintf("%s +%d", strings.Join(o[:3], ", "), len(o)-3)
	}
}

// oneLine folds white space and cuts s to n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (m *Main) runShow(ctx context.Context, args []string) error {
	fs := m.flagSet("show", "show --db FILE [--json|--md] [--words N] STORY")
	db := fs.String("db", "", "the database file")
	asJSON := fs.Bool("json", false, "write the story report as JSON (contract parallax/story-v1)")
	asMD := fs.Bool("md", false, "write the report as Markdown")
	words := fs.Int("words", 0, "summary length limit in words (default 120)")
	pos, err := parseArgs(fs, args)
	switch {
	case err != nil:
	case len(pos) != 1:
		fs.Usage()
		err = fmt.Errorf("%w: want one STORY id", ErrUsage)
	case *asJSON && *asMD:
		err = fmt.Errorf("%w: --json and --md exclude each other", ErrUsage)
	case *words < 0:
		err = fmt.Errorf("%w: --words must be positive", ErrUsage)
	}
	if err != nil {
		return m.usageError("show", err)
	}
	st, err := m.openStore(ctx, *db)
	if err != nil {
		return m.usageError("show", err)
	}
	rep, err := storyReport(ctx, st, pos[0], analyze.Options{SummaryWords: *words})
	if err != nil {
		return err
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(m.Stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	switch {
	case *asJSON:
		err = report.JSON(m.Stdout, rep)
	case *asMD:
		err = report.Markdown(m.Stdout, rep)
	default:
		err = report.Terminal(m.Stdout, rep)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// storyReport analyses a stored story again from its articles' inputs, as
// analyze does, keeping the stored story id, article ids and copies.
func storyReport(ctx context.Context, st parallax.Store, id string, opt analyze.Options) (parallax.Report, error) {
	rep := parallax.Report{Schema: parallax.Schema, Stories: []parallax.Story{}, Skipped: []parallax.Skipped{}, Warnings: []parallax.Skipped{}}
	info, err := st.Story(ctx, id)
	if err != nil {
		return rep, err
	}
	arts, err := st.StoryArticles(ctx, info.ID)
	if err != nil {
		return rep, err
	}
	dupOf := map[string]parallax.NullString{}
	var docs []*text.Document
	for _, a := range arts {
		in := a.Input
		d := ingest.Doc{ID: a.Article.ID, Path: in.Path, Text: in.Text, Title: in.Title, Published: in.Published,
			Source: in.Source, URL: in.URL, Author: in.Author, Format: in.Format}
		doc, notes, err := pipeline.Prepare(d)
		for _, n := range notes {
			rep.Warnings = append(rep.Warnings, parallax.Skipped{Path: in.Path, Reason: n})
		}
		if err != nil {
			rep.Skipped = append(rep.Skipped, parallax.Skipped{Path: in.Path, Reason: err.Error()})
			continue
		}
		dupOf[a.Article.ID] = a.Article.DuplicateOf
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return rep, fmt.Errorf("story %s: %w", info.ID, parallax.ErrNoText)
	}
	story := analyze.Story(docs, opt)
	story.ID = info.ID
	if story.Headline == "" {
		story.Headline = info.Headline
	}
	for i := range story.Articles {
		if story.Articles[i].DuplicateOf == "" {
			story.Articles[i].DuplicateOf = dupOf[story.Articles[i].ID]
		}
	}
	rep.Stories = append(rep.Stories, story)
	return rep, nil
}

func (m *Main) runSearch(ctx context.Context, args []string) error {
	fs := m.flagSet("search", "search --db FILE [--limit N] QUERY...\n\nQUERY is words (all must occur), \"a phrase\", prefix* and OR.\n"+
		"A near-copy is found by its own title; its text is found as its original's, in the same story.")
	db := fs.String("db", "", "the database file")
	limit := fs.Int("limit", 20, "at most this many articles and stories")
	pos, err := parseArgs(fs, args)
	if err == nil && len(pos) == 0 {
		fs.Usage()
		err = fmt.Errorf("%w: no query given", ErrUsage)
	}
	if err != nil {
		return m.usageError("search", err)
	}
	st, err := m.openStore(ctx, *db)
	if err != nil {
		return m.usageError("search", err)
	}
	res, err := st.Search(ctx, strings.Join(pos, " "), *limit)
	if errors.Is(err, parallax.ErrBadQuery) {
		return m.usageError("search", fmt.Errorf("%w: %v", ErrUsage, err))
	}
	if err != nil {
		return err
	}
	w := m.Stdout
	if len(res.Stories) > 0 {
		fmt.Fprintln(w, "Stories:")
		for _, h := range res.Stories {
			fmt.Fprintf(w, "  %s  %s\n", h.ID, oneLine(h.Snippet, 100))
		}
	}
	if len(res.Articles) > 0 {
		if len(res.Stories) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, "Articles:")
		for _, h := range res.Articles {
			title := h.Title
			if title == "" {
				title = "(no title)"
			}
			fmt.Fprintf(w, "  %s  (story %s)  %s\n      %s\n", h.ID, h.StoryID, oneLine(title, 80), oneLine(h.Snippet, 160))
		}
	}
	if len(res.Stories)+len(res.Articles) == 0 {
		fmt.Fprintln(m.Stderr, "nothing found")
	}
	return nil
}
