package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"

	"github.com/parallax-news/parallax/cmd/parallax/internal/initgc"
)

// TestMain gives the collector back its target as main does: the tests run
// Main in-process, without main.
func TestMain(m *testing.M) {
	initgc.Restore()
	os.Exit(m.Run())
}

func TestInitGCRestored(t *testing.T) {
	if p := debug.SetGCPercent(100); p > 10_000 || p < 0 && os.Getenv("GOGC") != "off" {
		t.Errorf("collector still held after initgc.Restore (percent %d)", p)
	}
	initgc.Restore() // a second call must not hold it again
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("a second Restore changed the collector's target to %d", p)
	}
}

func TestAnalyzeGCPolicy(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	setAnalyzeGC(smallInput)
	if p := debug.SetGCPercent(100); p != heldGCPercent {
		t.Errorf("small input: collector's target %d, want %d", p, heldGCPercent)
	}
	if l := debug.SetMemoryLimit(-1); l != heldLimit {
		t.Errorf("small input: memory limit %d, want %d", l, heldLimit)
	}
	setAnalyzeGC(smallInput + 1)
	if p := debug.SetGCPercent(100); p != analyzeGCPercent {
		t.Errorf("large input: collector's target %d, want %d", p, analyzeGCPercent)
	}
}
