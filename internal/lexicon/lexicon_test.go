package lexicon

import (
	"reflect"
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
