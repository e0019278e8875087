package pattern

import (
	"reflect"
	"regexp"
	"sync"
	"testing"
)

func TestSameAsRegexp(t *testing.T) {
	exprs := []string{`(?i)\b(mon|tues)day\b`, `(\d+)-(\d+)`, `^\s*$`, `x*`}
	inputs := []string{"", "Monday and TUESDAY", "12-34 and 5-6", "   ", "xxyx"}
	for _, e := range exprs {
		p, want := MustCompile(e), regexp.MustCompile(e)
		for _, s := range inputs {
			if got, w := p.MatchString(s), want.MatchString(s); got != w {
				t.Errorf("%q MatchString(%q) = %v, want %v", e, s, got, w)
			}
			if got, w := p.FindAllStringSubmatchIndex(s, -1), want.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, w) {
				t.Errorf("%q FindAllStringSubmatchIndex(%q) = %v, want %v", e, s, got, w)
			}
			if got, w := p.ReplaceAllString(s, "<$0>"), want.ReplaceAllString(s, "<$0>"); got != w {
				t.Errorf("%q ReplaceAllString(%q) = %q, want %q", e, s, got, w)
			}
			if got, w := p.FindStringSubmatch(s), want.FindStringSubmatch(s); !reflect.DeepEqual(got, w) {
				t.Errorf("%q FindStringSubmatch(%q) = %q, want %q", e, s, got, w)
			}
		}
	}
}

// TestConcurrentFirstUse has many goroutines use a pattern at once while it
// compiles; run with -race it checks that they all see the compiled form.
func TestConcurrentFirstUse(t *testing.T) {
	p := MustCompile(`(?i)(january|february|march|april)\s+\d{1,2}`)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if !p.MatchString("on April 3") {
				t.Error("no match")
			}
		})
	}
	wg.Wait()
}

func TestInvalidPanics(t *testing.T) {
	r := &Regexp{expr: `(`}
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic")
		}
	}()
	r.Regexp()
}

func BenchmarkFirstUse(b *testing.B) {
	for b.Loop() {
		MustCompile(`(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?)\b`).MatchString("in April")
	}
}
