// Package warm builds the stages' tables (compiled expressions, lexicons)
// on one background goroutine from start-up, in the order they are
// declared, so that the program's initialisation and its first steps do
// not wait for them. One goroutine, not one per table: the main goroutine
// keeps a core to itself on a two-core machine instead of queueing behind
// dozens of builders.
//
// It does not decide what a table is or cache anything: a caller passes a
// function that builds its table once (a sync.Once, sync.OnceValue) and
// calls that same function on first use, which either finds the table
// built or builds it there and then.
package warm

import "sync"

var (
	mu      sync.Mutex
	queue   []func()
	running bool
)

// Go queues build to run on the background goroutine after the functions
// queued before it. build must be safe to call more than once and from
// any goroutine.
func Go(build func()) {
	mu.Lock()
	defer mu.Unlock()
	queue = append(queue, build)
	if !running {
		running = true
		go work()
	}
}

// work runs the queue until it is empty.
func work() {
	for {
		mu.Lock()
		if len(queue) == 0 {
			running = false
			mu.Unlock()
			return
		}
		build := queue[0]
		queue[0] = nil
		queue = queue[1:]
		mu.Unlock()
		build()
	}
}
