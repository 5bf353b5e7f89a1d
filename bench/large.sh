#!/usr/bin/env bash
# large.sh [N=1000000]: with N generated stories, how long Herald takes to
# answer the front page, a section front and a story with its page cache off
# (the median of several requests each, curl's time_total), against a target of
# 50 ms each. The last page of that section and the story's first tag page are
# timed too, for information.
#
# The stories are generated with --no-index: none of the pages timed uses the
# search index, which would take most of the generating time, and story pages
# then choose related stories by shared tags, authors and section (the
# slower way). Generating a million stories still takes a while and several
# gigabytes of disk; the script says how much before it starts and stops when
# there is not enough room. Settings (environment): HERALD_BENCH_DB (the
# database to reuse or to keep), REQUESTS (9 per page).
source "$(dirname "$0")/lib.sh"

N=${1:-1000000}
REQUESTS=${REQUESTS:-9}
# A story generated without the search index takes about 14 kB of SQLite
# database with its indexes (274 MB at 20,000); the WAL needs room while it
# grows. herald generate --no-index made 20,000 stories in 19 s on the 2-core
# development machine.
BYTES_PER_STORY=14000

need_tools curl
DB=${HERALD_BENCH_DB:-$WORK/bench.db}
if [[ ! -s $DB ]]; then
	need_mb=$((N * BYTES_PER_STORY * 13 / 10 / 1000000 + 100))
	free_mb=$(df -Pm "$(dirname "$DB")" | awk 'NR == 2 { print $4 }')
	say "$N stories need about $need_mb MB of disk in $(dirname "$DB") ($free_mb MB free) and take a while to generate"
	((free_mb > need_mb)) || die "not enough disk: set HERALD_BENCH_DB to a path with more room, or choose a smaller N"
fi
build_herald
GENERATE_FLAGS=--no-index
DB=$(bench_db "$N")
PORT=$(free_port)
start_herald "$DB" "$PORT" --cache-mb 0
URL=http://127.0.0.1:$PORT

section=$(section_slugs "$URL" | sed -n 1p)
story=$(curl -fsS "$URL/$section/" | grep -o "href=\"/$section/[a-z0-9-]*/\"" | sed -n 1p | cut -d'"' -f2)
[[ -n $section && -n $story ]] || die "found no section or story to time"
last=$(curl -fsS "$URL/$section/" | grep -o 'Page 1 of [0-9]*' | grep -o '[0-9]*$' || echo 1)

# median_ms PATH: the median of REQUESTS timed requests, after one untimed.
median_ms() {
	local url=$URL$1
	curl -fsS -o /dev/null "$url"
	for _ in $(seq "$REQUESTS"); do
		curl -fsS -o /dev/null -w '%{time_total}\n' "$url"
	done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", 1000 * t[int((NR + 1) / 2)] }'
}

printf 'uncached answers with %d stories (median of %d requests):\n' "$N" "$REQUESTS"
worst=0
for p in / "/$section/" "$story"; do
	ms=$(median_ms "$p")
	printf '  %-60s %8s ms\n' "$p" "$ms"
	worst=$(awk -v a="$worst" -v b="$ms" 'BEGIN { print (b > a ? b : a) }')
done
tag=$(curl -fsS "$URL$story" | grep -o 'href="/tags/[a-z0-9-]*/"' | sed -n 1p | cut -d'"' -f2)
for p in "/$section/?page=$last" "$tag"; do
	[[ -n $p ]] && printf '  %-60s %8s ms (not a target)\n' "$p" "$(median_ms "$p")"
done
printf 'slowest of the three: %s ms (target <= 50 ms: %s)\n' "$worst" "$(awk -v w="$worst" 'BEGIN { print (w <= 50 ? "met" : "MISSED") }')"
