// Package initgc holds the garbage collector off while the program's
// packages initialise. Their initialisation builds tables (compiled
// expressions, lexicons) that are all kept, so collecting during it only
// costs time; main calls Restore before doing any work. The package imports
// nothing of the module so that it is initialised before the packages that
// allocate.
package initgc

import "runtime/debug"

// percent is the collector's target before init turned it off: GOGC, or 100.
var percent = debug.SetGCPercent(-1)

// Restore gives the collector back its target; calling it again does nothing.
func Restore() {
	if percent != -2 {
		debug.SetGCPercent(percent)
		percent = -2
	}
}
