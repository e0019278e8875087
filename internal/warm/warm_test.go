package warm

import (
	"sync"
	"testing"
	"time"
)

func TestRunsInOrderOnce(t *testing.T) {
	var mu sync.Mutex
	var got []int
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		Go(func() {
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
			wg.Done()
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("queued functions did not all run")
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("ran %v, want 0..49 in order", got)
		}
	}
}

func TestOnceFirstUse(t *testing.T) {
	n := 0
	get := sync.OnceValue(func() int { n++; return 7 })
	Go(func() { get() })
	if get() != 7 {
		t.Fatal("wrong value")
	}
	// let the worker reach it; it must not build again
	ch := make(chan struct{})
	Go(func() { close(ch) })
	<-ch
	if n != 1 {
		t.Fatalf("built %d times, want once", n)
	}
}
