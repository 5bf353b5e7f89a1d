#!/usr/bin/env bash
# Herald's test command: installs what the tests need, runs every test, then
# gives each fuzz target a short run.
#
#   scripts/test.sh                  # everything
#   scripts/test.sh ./internal/store # go test on these packages only, no fuzzing
#   HERALD_FUZZTIME=1m scripts/test.sh   # longer fuzz runs; 0 skips them
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh >/dev/null
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HERALD_VNU_JAR="${HERALD_VNU_JAR:-$HOME/.cache/herald-test/vnu/node_modules/vnu-jar/build/dist/vnu.jar}"

if [ "$#" -gt 0 ]; then
	exec go test -count=1 -timeout 25m "$@"
fi

go test -count=1 -timeout 25m ./...

# ---- Fuzzing ------------------------------------------------------------------
# Every `func FuzzXxx` in a _test.go file gets a short run of its own, one after
# the other (go test -fuzz takes one target in one package at a time).
FUZZTIME="${HERALD_FUZZTIME:-10s}"

# The list is found afresh on each run; to pin it instead, replace fuzz_targets's
# output below with lines of "PKG NAME".
# fuzz_targets prints "PKG NAME" for each fuzz target, e.g. "./internal/feed FuzzParse".
fuzz_targets() {
	grep -rEo --include='*_test.go' --exclude-dir=testdata --exclude-dir=vendor \
		'^func Fuzz[A-Za-z0-9_]*\(' . |
		sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#\1 \2#' |
		sort -u || true
}

# fuzz runs one target for FUZZTIME. Go 1.26's fuzzing coordinator can fail a
# run that found nothing with a bare "context deadline exceeded" when FUZZTIME
# ends while a worker is busy (go.dev/issue/75804, fixed in Go 1.27); a run
# that fails so, with no failing input written, gets one more try. Any other
# failure, or the same one twice, fails the suite.
fuzz() {
	local pkg="$1" name="$2" out status
	for try in 1 2; do
		echo "--- fuzz $pkg $name ($FUZZTIME)"
		out="$(mktemp)"
		status=0
		go test -run='^$' -fuzz="^${name}\$" -fuzztime="$FUZZTIME" "$pkg" </dev/null 2>&1 | tee "$out" || status=$?
		if [ "$status" = 0 ]; then
			rm -f "$out"
			return 0
		fi
		if [ "$try" = 1 ] && grep -q 'context deadline exceeded' "$out" &&
			! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' "$out"; then
			echo "--- fuzz $pkg $name stopped on Go's deadline race with nothing found; trying once more"
			rm -f "$out"
			continue
		fi
		rm -f "$out"
		return "$status"
	done
}

if [ "$FUZZTIME" != 0 ]; then
	while read -r pkg name; do
		[ -n "$pkg" ] || continue
		fuzz "$pkg" "$name"
	done < <(fuzz_targets)
fi
