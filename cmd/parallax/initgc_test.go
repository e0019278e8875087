package main

import (
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
