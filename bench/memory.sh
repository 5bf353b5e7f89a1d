#!/usr/bin/env bash
# memory.sh [N=100000]: the peak resident memory (VmHWM) of herald serve, with
# its default page cache, after every story page has been asked for once and
# then the URL mix of compare.sh has run for a while.
#
# Settings (environment): HERALD_BENCH_DB, SECONDS_PER_ROUND (20),
# CONNECTIONS (64).
source "$(dirname "$0")/lib.sh"

N=${1:-100000}
SECS=${SECONDS_PER_ROUND:-20}
CONNS=${CONNECTIONS:-64}

need_tools wrk curl
build_herald
DB=$(bench_db "$N")
PORT=$(free_port)
start_herald "$DB" "$PORT"
URL=http://127.0.0.1:$PORT
hwm() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$HERALD_PID/status"; }
rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$HERALD_PID/status"; }
say "started: peak $(hwm) MB"

ALL=$WORK/all-stories.txt
story_paths "$URL" 100000000 >"$ALL"
say "asking for each of $(wc -l <"$ALL") stories once"
start=$SECONDS
awk -v u="$URL" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", u, $0 }' "$ALL" >"$WORK/all.curl"
codes=$(timeout 3600 curl -sS --no-progress-meter --parallel --parallel-max 32 -K "$WORK/all.curl" -w '%{http_code}\n' 2>"$WORK/curl.err" | sort | uniq -c | tr '\n' ' ')
say "answers: $codes(count, status)"
say "done in $((SECONDS - start)) s: peak $(hwm) MB, now $(rss) MB"
after_all=$(hwm)

MIX=$WORK/mix.txt
{
	for _ in $(seq 20); do echo /; done
	for s in $(section_slugs "$URL"); do
		for _ in $(seq 5); do echo "/$s/"; done
		echo "/$s/feed.xml"
	done
	echo /feed.xml
	story_paths "$URL" 2000
} >"$MIX"
run_wrk mix "$URL" "$SECS" "$CONNS" "$MIX" >/dev/null
peak=$(hwm)
printf 'herald serve with %d stories: peak RSS %d MB after every story once, %d MB after the mix (target <= 300 MB: %s); RSS now %d MB\n' \
	"$N" "$after_all" "$peak" "$( ((peak <= 300)) && echo met || echo MISSED)" "$(rss)"
