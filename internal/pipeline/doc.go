// Package pipeline wires the stages together: read -> clean -> text ->
// stories -> analyses -> report. Analyze does it for a batch of inputs (the
// analyze command); the ingest runner does it for a stream into a store.
//
// It holds no analysis of its own; each stage lives in its own package.
package pipeline
