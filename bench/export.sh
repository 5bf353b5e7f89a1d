#!/usr/bin/env bash
# export.sh [N=100000]: how many pages per second `herald export` writes for a
# site of N stories, into an empty folder (every file written). With
# EXPORT_AGAIN=1 it exports once more into the same folder (every file
# rendered and compared, none written) and prints that rate too.
#
# Settings (environment): HERALD_BENCH_DB, EXPORT_AGAIN.
source "$(dirname "$0")/lib.sh"

N=${1:-100000}

build_herald
DB=$(bench_db "$N")
OUT=$WORK/site
rate() { grep -o '[0-9.]* pages/s' <<<"$1" | cut -d' ' -f1; }
verdict() { awk -v r="$1" 'BEGIN { print (r >= 3000 ? "met" : "MISSED") }'; }

say "exporting into an empty folder"
# The export's own CPU time, which a busy machine disturbs less than the
# rate: user and system seconds, as bash's time keyword reports them.
TIMEFORMAT='%U %S'
cpu=$({ time "$HERALD" export --db "$DB" --out "$OUT" >"$WORK/export.out"; } 2>&1 | tail -1)
first=$(tail -1 "$WORK/export.out")
echo "first run:  $first"
read -r user sys <<<"$cpu"
files=$(grep -o '^exported [0-9]*' <<<"$first" | cut -d' ' -f2)
awk -v u="$user" -v s="$sys" -v f="$files" -v n="$(nproc)" 'BEGIN { printf "CPU: %.1f s user, %.1f s system: %.0f files per CPU-second (%.0f a second on %d CPUs kept busy)\n", u, s, f / (u + s), n * f / (u + s), n }' 
pages=$(find "$OUT" -name index.html | wc -l)
printf 'export of %d stories (%d files, %d of them HTML pages): %.0f pages/s into an empty folder (target >= 3000: %s)\n' \
	"$N" "$(grep -o '^exported [0-9]*' <<<"$first" | cut -d' ' -f2)" "$pages" "$(rate "$first")" "$(verdict "$(rate "$first")")"
if [[ ${EXPORT_AGAIN:-} == 1 ]]; then
	say "exporting again into the same folder"
	second=$("$HERALD" export --db "$DB" --out "$OUT" | tail -1)
	echo "second run: $second"
	printf 're-export with nothing changed: %.0f pages/s\n' "$(rate "$second")"
fi
