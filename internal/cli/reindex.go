package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/herald-news/herald/internal/config"
)

// reindex rebuilds the search index and the related-article lists from the
// stories as they stand: after a bulk load, or when either is suspected to
// have drifted. Both are rebuilt in one transaction each, so the site keeps
// serving the old index until the new one is complete.
func reindex(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "reindex")
	cfg.DBFlag(fs)
	searchOnly := fs.Bool("search-only", false, "rebuild the search index but not the related-article lists")
	relatedOnly := fs.Bool("related-only", false, "rebuild the related-article lists from the current index only")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *searchOnly && *relatedOnly {
		return usageError("--search-only and --related-only exclude each other; give one or neither")
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if !*relatedOnly {
		start := time.Now()
		n, err := st.RebuildSearchIndex(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "indexed %s stories for search in %s\n", commas(n), shortDuration(time.Since(start)))
	}
	if !*searchOnly {
		start := time.Now()
		n, err := st.RebuildRelated(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "scored related articles for %s stories in %s\n", commas(n), shortDuration(time.Since(start)))
	}
	return nil
}
