package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
)

// The garbage collector's policy for analyze, unless the GOGC or GOMEMLIMIT
// environment variable sets one. While the inputs are read (HTML extraction
// makes garbage in proportion to them) it collects at analyzeGCPercent.
// Then, as a batch run is short and keeps most of what it builds:
//   - up to smallInput bytes of text (a handful of articles; the five seeds
//     are 19 KB), the collector is held back as during start-up: such a run
//     allocates a few tens of MB in all, and collecting it cost about a
//     sixth of the run's time; a memory limit of heldLimit bounds it should
//     the input allocate more than expected;
//   - above that, it collects at analyzeGCPercent (Go's default is 100):
//     half as often, for at most a third more memory.
const (
	smallInput       = 128 << 10
	heldGCPercent    = 1_000_000
	heldLimit        = 512 << 20
	analyzeGCPercent = 200
)

// setAnalyzeGC sets the collector's policy for the analysis of bytes of
// text.
func setAnalyzeGC(bytes int) {
	if bytes <= smallInput {
		debug.SetMemoryLimit(heldLimit)
		debug.SetGCPercent(heldGCPercent)
		return
	}
	debug.SetGCPercent(analyzeGCPercent)
}

// analyzeConfig is the analyze command line.
type analyzeConfig struct {
	JSON, Markdown bool
	Words          int
	Paths          []string
}

// parseAnalyze reads the analyze flags; flags may follow the paths.
func (m *Main) parseAnalyze(args []string) (analyzeConfig, error) {
	var c analyzeConfig
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.BoolVar(&c.JSON, "json", false, "write the story report as JSON (contract parallax/story-v1)")
	fs.BoolVar(&c.Markdown, "md", false, "write the report as Markdown")
	fs.IntVar(&c.Words, "words", 0, "summary length limit in words (default 120)")
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: parallax analyze [--json|--md] [--words N] PATH...\n\n"+
			"PATH is a directory (read recursively), a .txt/.md/.jsonl file, or - for JSON lines on standard input.\n\n")
		fs.PrintDefaults()
	}
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return c, fmt.Errorf("%w: %w", ErrUsage, err)
		}
		args = fs.Args()
		if len(args) > 0 {
			c.Paths = append(c.Paths, args[0])
			args = args[1:]
		}
	}
	if len(c.Paths) == 0 {
		fs.Usage()
		return c, fmt.Errorf("%w: no input given", ErrUsage)
	}
	if c.JSON && c.Markdown {
		return c, fmt.Errorf("%w: --json and --md exclude each other", ErrUsage)
	}
	if c.Words < 0 {
		return c, fmt.Errorf("%w: --words must be positive", ErrUsage)
	}
	return c, nil
}

func (m *Main) runAnalyze(ctx context.Context, args []string) error {
	c, err := m.parseAnalyze(args)
	if err != nil {
		if errors.Is(err, ErrUsage) && !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(m.Stderr, "parallax analyze: %v\n", err)
		}
		return err
	}
	opt := pipeline.Options{Analyze: analyze.Options{SummaryWords: c.Words}}
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(analyzeGCPercent)
		opt.Read = func(_, bytes int) { setAnalyzeGC(bytes) }
	}
	rep, err := pipeline.Analyze(ctx, c.Paths, m.Stdin, opt)
	if err != nil {
		return err
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(m.Stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	for _, s := range rep.Warnings {
		fmt.Fprintf(m.Stderr, "warning %s: %s\n", s.Path, s.Reason)
	}
	switch {
	case c.JSON:
		err = report.JSON(m.Stdout, rep)
	case c.Markdown:
		err = report.Markdown(m.Stdout, rep)
	default:
		err = report.Terminal(m.Stdout, rep)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if pipeline.Articles(rep) == 0 {
		return ErrNothingRead
	}
	return nil
}
