#!/usr/bin/env bash
# speed.sh [N=100000]: generates N stories on SQLite and on PostgreSQL (a
# throwaway cluster from /usr/lib/postgresql/15/bin), and reports the rate of
# publishing them with their search index and related lists, the rate of
# rebuilding the search index, and the p50/p95 latency of typical searches.
# Targets (issue 5): p95 ≤ 20 ms on SQLite, indexing ≥ 5,000 stories/s.
#
# Settings (environment): ENGINES (sqlite,postgres), QUERIES (100 of each
# kind), HERALD_BENCH_KEEP (a directory to keep, and reuse, the SQLite
# database in: search-N.db), HERALD_BENCH_POSTGRES (the DSN of a PostgreSQL
# database to use and keep instead of a throwaway cluster), INDEX (true; false
# searches a kept database without timing its indexing first).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
exec go test -tags searchbench -run 'TestSearchSpeed' -count 1 -v -timeout 0 ./bench/search/ -args \
	-stories "$N" -engines "${ENGINES:-sqlite,postgres}" -queries "${QUERIES:-100}" -keep "${HERALD_BENCH_KEEP:-}" -index="${INDEX:-true}" \
	-keep-postgres "${HERALD_BENCH_POSTGRES:-}"
