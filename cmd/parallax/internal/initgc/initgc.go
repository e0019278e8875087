// Package initgc holds the garbage collector back while the program's
// packages initialise. Their initialisation builds tables (compiled
// expressions, lexicons) that are all kept, so collecting during it only
// costs time; main calls Restore before doing any work. The package imports
// nothing of the module so that it is initialised before the packages of
// the module that allocate.
//
// It raises the collector's target rather than turning the collector off:
// debug.SetGCPercent(-1) waits for a collection already under way to end
// (one usually is, started by the dependencies initialised before this
// package), which stalled start-up for about 3 ms.
package initgc

import "runtime/debug"

// held is the target while packages initialise: the heap may grow ten
// thousand times over what the last collection kept before another starts.
const held = 1_000_000

// percent is the collector's target before init raised it: GOGC, or 100.
var percent = debug.SetGCPercent(held)

// restored is set once Restore has run.
var restored bool

// Restore gives the collector back its target; calling it again does nothing.
func Restore() {
	if !restored {
		debug.SetGCPercent(percent)
		restored = true
	}
}
