#!/usr/bin/env bash
# cold.sh [N=100000]: how many story pages per second Herald renders with its
# page cache off (herald serve --cache-mb 0), with N stories in the database,
# under wrk asking for stories picked at random from 20,000 of them.
#
# Settings (environment): HERALD_BENCH_DB, SECONDS_PER_ROUND (20), WARMUP (5),
# CONNECTIONS (32).
source "$(dirname "$0")/lib.sh"

N=${1:-100000}
SECS=${SECONDS_PER_ROUND:-20}
WARMUP=${WARMUP:-5}
CONNS=${CONNECTIONS:-32}

need_tools wrk curl
build_herald
DB=$(bench_db "$N")
PORT=$(free_port)
start_herald "$DB" "$PORT" --cache-mb 0
URL=http://127.0.0.1:$PORT

PATHS=$WORK/stories.txt
story_paths "$URL" 20000 >"$PATHS"
say "$(wc -l <"$PATHS") story paths"
[[ $(curl -fsS -o /dev/null -w '%{http_code}' "$URL$(sed -n 1p "$PATHS")") == 200 ]] || die "the first story does not answer 200"

run_wrk warmup "$URL" "$WARMUP" "$CONNS" "$PATHS" >/dev/null
# Herald's CPU time (user and system, in clock ticks) around the measured
# run: CPU per page is steadier than pages a second on a busy machine.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$HERALD_PID/stat"; }
before=$(cpu_ticks)
read -r _ rps p50 p99 errs bad < <(run_wrk cold "$URL" "$SECS" "$CONNS" "$PATHS")
after=$(cpu_ticks)
printf 'cold story pages, cache off, %d stories, %d connections: %.0f pages/s (target >= 1500: %s), p50 %.2f ms, p99 %.2f ms, errors %d, non-2xx %d\n' \
	"$N" "$CONNS" "$rps" "$(awk -v r="$rps" 'BEGIN { print (r >= 1500 ? "met" : "MISSED") }')" "$p50" "$p99" "$errs" "$bad"
awk -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" -v rps="$rps" -v secs="$SECS" -v n="$(nproc)" 'BEGIN {
	cpu = (a - b) / hz; pages = rps * secs
	printf "Herald CPU: %.3f ms a page, %.0f pages per CPU-second (%.0f a second on %d CPUs kept busy, wrk aside)\n", 1000 * cpu / pages, pages / cpu, n * pages / cpu, n
}'
