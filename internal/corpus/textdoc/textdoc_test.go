package textdoc

import "testing"

func TestOf(t *testing.T) {
	d := Of("a", "First paragraph here.\n\n  Second one, after a blank line.  \nThird.")
	if d.Article.ID != "a" {
		t.Errorf("id %q, want a", d.Article.ID)
	}
	if len(d.Sentences) != 3 {
		t.Errorf("%d sentences, want 3: %+v", len(d.Sentences), d.Sentences)
	}
}

func TestSeeds(t *testing.T) {
	docs := Seeds(t)
	if len(docs) != 5 {
		t.Fatalf("%d seed documents, want 5", len(docs))
	}
	for _, d := range docs {
		if len(d.Article.ID) != 3 || len(d.Sentences) == 0 {
			t.Errorf("seed %q: %d sentences", d.Article.ID, len(d.Sentences))
		}
	}
}
