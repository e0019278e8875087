// Command parallax reads news articles about the same events from many
// outlets and reports, for every story, what the sources agree on, where
// they differ, who said what, how each frames it, and a neutral summary.
//
//	parallax analyze [--json|--md] [--words N] PATH...
//
// Run `parallax help` for every subcommand.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/cmd/parallax/internal/initgc"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	m.Close()
	os.Exit(ExitCode(err))
}

// Main is the program: its streams and the subcommand being run, so that
// tests run it in-process.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Logger         *slog.Logger
	closers        []io.Closer
}

// NewMain returns a Main on the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
}

// command is one subcommand.
type command struct {
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

// commands are the subcommands by name.
var commands = map[string]command{
	"analyze": {"analyze articles and print a report of each story", (*Main).runAnalyze},
}

// Errors that decide the exit status.
var (
	// ErrUsage is a command line that cannot be run (exit 2).
	ErrUsage = errors.New("usage error")
	// ErrNothingRead is a run in which no article could be read (exit 1).
	ErrNothingRead = errors.New("no article could be read")
)

// ExitCode maps Run's error to the process exit status.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, ErrUsage):
		return 2
	default:
		return 1
	}
}

// Run runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		m.usage(m.Stdout)
		if len(args) == 0 {
			return ErrUsage
		}
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(m.Stderr, "parallax: unknown command %q\n", args[0])
		m.usage(m.Stderr)
		return ErrUsage
	}
	initgc.Restore() // the collector held during package initialisation
	err := c.run(m, ctx, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return nil // -h: the usage was asked for and printed
	}
	if err != nil && !errors.Is(err, ErrUsage) {
		fmt.Fprintf(m.Stderr, "parallax %s: %v\n", args[0], err)
	}
	return err
}

// Close releases what the subcommand opened.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i].Close())
	}
	m.closers = nil
	return errors.Join(errs...)
}

func (m *Main) usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("parallax: what many outlets agree on, where they differ, who said what.\n\nUsage:\n  parallax COMMAND [flags] ...\n\nCommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun `parallax COMMAND -h` for a command's flags.\n")
	io.WriteString(w, b.String())
}
