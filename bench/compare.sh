#!/usr/bin/env bash
# compare.sh [N=20000]: Herald serving from its page cache against nginx
# serving Herald's own static export of the same site, under the same URL mix,
# in alternating rounds. Prints throughput, p50 and p99 latency of each and the
# ratios herald/nginx.
#
# Settings (environment): HERALD_BENCH_DB (reuse or keep the database),
# ROUNDS (3), SECONDS_PER_ROUND (10), WARMUP (10), CONNECTIONS (64),
# HERALD_BENCH_ACCEPT_ENCODING (empty: no Accept-Encoding, identity bodies).
source "$(dirname "$0")/lib.sh"

N=${1:-20000}
ROUNDS=${ROUNDS:-3}
SECS=${SECONDS_PER_ROUND:-10}
WARMUP=${WARMUP:-10}
CONNS=${CONNECTIONS:-64}
BASE=http://news.bench # the same public address for both, so the bodies match byte for byte

need_tools nginx wrk curl
build_herald
DB=$(bench_db "$N")

HPORT=$(free_port)
start_herald "$DB" "$HPORT" --base-url "$BASE"
HURL=http://127.0.0.1:$HPORT

say "exporting the same site"
"$HERALD" export --db "$DB" --out "$WORK/site" --base-url "$BASE" >&2
NPORT=$(free_port)
while [[ $NPORT == "$HPORT" ]]; do NPORT=$(free_port); done
start_nginx "$WORK/site" "$NPORT"
NURL=http://127.0.0.1:$NPORT

# The URL mix: the front page, every section front, the site's and every
# section's feeds, and 200 stories; the front page and section fronts weigh
# more, as they do on a news site.
PATHS=$WORK/paths.txt
{
	for _ in $(seq 20); do echo /; done
	for s in $(section_slugs "$HURL"); do
		for _ in $(seq 5); do echo "/$s/"; done
		echo "/$s/feed.xml"
		echo "/$s/atom.xml"
	done
	echo /feed.xml
	echo /atom.xml
	echo /feed.json
	story_paths "$HURL" 200
} >"$PATHS"
say "URL mix: $(wc -l <"$PATHS") paths ($(grep -c -E '^/[^/]+/[^/]+/$' "$PATHS") stories) in $PATHS"

# Both must give the same answers, but for the pager links the export rewrites.
for p in $(sort -u "$PATHS" | sed -n 1,50p); do
	h=$(curl -fsS "$HURL$p" | sed -E 's#"(('"$BASE"')?/[^"?]*/)\?page=([0-9]+)"#"\1page/\3/"#g' | md5sum)
	n=$(curl -fsS "$NURL$p" | md5sum)
	[[ $h == "$n" ]] || die "herald and nginx answer $p differently"
done

say "warming up: ${WARMUP}s each"
run_wrk herald "$HURL" "$WARMUP" "$CONNS" "$PATHS" >/dev/null
run_wrk nginx "$NURL" "$WARMUP" "$CONNS" "$PATHS" >/dev/null

RESULTS=$WORK/results.txt
: >"$RESULTS"
for r in $(seq "$ROUNDS"); do
	for srv in herald nginx; do
		url=$HURL
		[[ $srv == nginx ]] && url=$NURL
		line=$(run_wrk "$srv" "$url" "$SECS" "$CONNS" "$PATHS")
		echo "$line" >>"$RESULTS"
		read -r _ rps p50 p99 errs bad <<<"$line"
		printf 'round %d %-6s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  non-2xx %d\n' "$r" "$srv" "$rps" "$p50" "$p99" "$errs" "$bad"
	done
done

awk -v n="$N" -v conns="$CONNS" -v enc="${HERALD_BENCH_ACCEPT_ENCODING:-identity}" '
	{ rps[$1] += $2; p50[$1] += $3; p99[$1] += $4; k[$1]++; bad += $5 + $6 }
	END {
		for (s in k) { rps[s] /= k[s]; p50[s] /= k[s]; p99[s] /= k[s] }
		printf "\n%d stories, %d connections, 2 wrk threads, Accept-Encoding: %s; means of %d rounds\n", n, conns, enc, k["herald"]
		printf "%-8s %12s %10s %10s\n", "", "req/s", "p50 ms", "p99 ms"
		printf "%-8s %12.0f %10.2f %10.2f\n", "herald", rps["herald"], p50["herald"], p99["herald"]
		printf "%-8s %12.0f %10.2f %10.2f\n", "nginx", rps["nginx"], p50["nginx"], p99["nginx"]
		tr = rps["herald"] / rps["nginx"]; lr = p99["herald"] / p99["nginx"]
		printf "ratio herald/nginx: throughput %.2f (target >= 0.90: %s), p99 %.2f (target <= 2.00: %s), p50 %.2f\n",
			tr, (tr >= 0.9 ? "met" : "MISSED"), lr, (lr <= 2 ? "met" : "MISSED"), p50["herald"] / p50["nginx"]
		if (bad > 0) printf "WARNING: %d socket errors or non-2xx answers\n", bad
	}' "$RESULTS"
