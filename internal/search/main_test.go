package search_test

import (
	"os"
	"testing"

	"github.com/herald-news/herald/internal/pgtest"
)

func TestMain(m *testing.M) {
	code := pgtest.Main(m, nil)
	if fuzzStore.s != nil {
		fuzzStore.s.Close()
	}
	if fuzzStore.dir != "" {
		os.RemoveAll(fuzzStore.dir)
	}
	os.Exit(code)
}

func tempDir() (string, error) { return os.MkdirTemp("", "herald-search-") }
