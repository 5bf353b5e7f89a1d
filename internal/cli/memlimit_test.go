package cli

import (
	"log/slog"
	"runtime/debug"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	oldGC := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetMemoryLimit(old); debug.SetGCPercent(oldGC) })
	log := slog.New(slog.DiscardHandler)

	got := applyMemoryLimit(log, func(string) string { return "" }, 128<<20)
	if want := int64(128<<20 + memoryHeadroom); got != want || debug.SetMemoryLimit(-1) != want {
		t.Errorf("128 MiB cache: limit %d (runtime %d), want %d", got, debug.SetMemoryLimit(-1), want)
	}
	if gc := debug.SetGCPercent(100); gc != gcPercent {
		t.Errorf("GOGC %d, want %d", gc, gcPercent)
	}
	if got := memoryLimit(-1); got != memoryHeadroom {
		t.Errorf("cache off: limit %d, want the headroom %d", got, memoryHeadroom)
	}
	// An operator's GOMEMLIMIT wins: the runtime's limit is left alone.
	debug.SetMemoryLimit(1 << 40)
	env := map[string]string{"GOMEMLIMIT": "1TiB", "GOGC": "150"}
	debug.SetGCPercent(150)
	if got := applyMemoryLimit(log, func(k string) string { return env[k] }, 128<<20); got != 1<<40 {
		t.Errorf("with GOMEMLIMIT set: limit %d, want it untouched (%d)", got, int64(1<<40))
	}
	if gc := debug.SetGCPercent(100); gc != 150 {
		t.Errorf("with GOGC set: GOGC %d, want it untouched (150)", gc)
	}
}
