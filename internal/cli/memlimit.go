package cli

import (
	"log/slog"
	"runtime/debug"
)

// memoryHeadroom is what Herald needs beside its page cache: request
// buffers, rendering, the database driver's Go-side state and the runtime.
const memoryHeadroom = 96 << 20

// memoryLimit is the soft memory limit serve gives the Go runtime for a page
// cache of cacheBytes: the cache, counted as the cache counts it (with room
// for its compressed copies), and the headroom.
//
// Without a limit the collector lets the heap grow to twice what is live, so
// a full 128 MiB cache made a process of 360 MB (bench/memory.sh). With the limit the
// collector works harder only as the process nears it; the cache's own bound
// keeps the live heap well below, so the limit is not a ceiling the process
// would thrash against.
func memoryLimit(cacheBytes int64) int64 {
	return max(cacheBytes, 0) + memoryHeadroom
}

// gcPercent is serve's GOGC. What a request allocates dies with it, and
// outside the page cache little lives long: rendering with the cache off, the
// live heap is about 5 MB, so at the default GOGC of 100 the collector ran
// some 40 times a second and took a tenth of the CPU of a cold story page
// (bench/cold.sh). At 400 it runs a quarter as often. Memory stays bounded
// all the same: once the heap nears the soft limit, the limit, not GOGC,
// decides when to collect.
const gcPercent = 400

// applyMemoryLimit sets memoryLimit unless GOMEMLIMIT already sets one, and
// gcPercent unless GOGC does, and returns the limit in force.
func applyMemoryLimit(log *slog.Logger, getenv func(string) string, cacheBytes int64) int64 {
	applyGCPercent(getenv)
	if getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1) // reads the limit without changing it
	}
	limit := memoryLimit(cacheBytes)
	debug.SetMemoryLimit(limit)
	log.Debug("memory limit set from the page cache's size", "limit_mib", limit>>20, "gogc", gcPercent)
	return limit
}

// applyGCPercent sets gcPercent unless GOGC sets the collector's pace. A
// static export renders like a server with its cache off, and gains the same.
func applyGCPercent(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
