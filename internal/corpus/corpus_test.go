package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestReaders(t *testing.T) {
	if s := Seeds(t); len(s) != 5 || !strings.HasSuffix(s[0].Name, ".txt") || s[0].Text == "" {
		t.Fatalf("seeds: %d", len(s))
	}
	ecb := ECB(t)
	if len(ecb) != 982 || ecb[0].Event == "" || ecb[0].Text == "" {
		t.Fatalf("ECB+: %d articles, first %+v", len(ecb), ecb[0].ID)
	}
}

func TestPerturb(t *testing.T) {
	text := "one two three four five six seven eight nine ten\nalpha beta gamma delta"
	got := Perturb(text, rand.New(rand.NewPCG(1, 2)))
	if got == text || len(strings.Fields(got)) > len(strings.Fields(text)) || len(strings.Fields(got)) < 10 {
		t.Fatalf("Perturb(%q) = %q", text, got)
	}
	if Perturb(text, rand.New(rand.NewPCG(1, 2))) != got {
		t.Fatal("Perturb is not deterministic for a seed")
	}
}
