package lexicon

import (
	"reflect"
	"sync"
	"testing"
	"testing/fstest"
)

func TestLines(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("# a comment\n\n  one  \ntwo\tthree\r\n#x\nfour")}}
	got := Lines(fsys, "a.txt")
	want := []string{"one", "two\tthree", "four"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Lines = %q, want %q", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("a missing file must panic")
		}
	}()
	Lines(fsys, "missing.txt")
}

func TestTable(t *testing.T) {
	calls := make(chan int, 4)
	get := Table(func() map[string]bool {
		calls <- 1
		return map[string]bool{"x": true}
	})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if !get()["x"] {
				t.Error("table without its entry")
			}
		})
	}
	wg.Wait()
	if len(calls) != 1 {
		t.Errorf("built %d times, want once", len(calls))
	}
}
