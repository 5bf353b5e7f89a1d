#!/usr/bin/env bash
# Installs what Herald's test suite needs on a Debian 12 machine: Chromium for the
# browser tests, xmllint, Java and the Nu HTML Checker (vnu.jar) for markup checks,
# PostgreSQL 15's binaries and the postgres OS user for the store tests, and
# staticcheck. Idempotent, and silent unless something fails.
# nginx and wrk are for benchmarks only and are not installed here.
set -euo pipefail

: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
VNU_DIR="$HOME/.cache/herald-test/vnu"
VNU_JAR="$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar"
STATICCHECK_VERSION=v0.8.2

say() { printf 'install-test-deps: %s\n' "$*" >&2; }

# quiet runs a command and shows its output only if it fails.
quiet() {
	local out
	if ! out=$("$@" 2>&1); then
		printf '%s\n' "$out" >&2
		say "failed: $*"
		return 1
	fi
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_get waits for a dpkg or apt lock held by another process instead of failing.
apt_get() {
	local try out
	for try in $(seq 1 60); do
		if out=$(as_root env DEBIAN_FRONTEND=noninteractive \
			apt-get -q -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 "$@" 2>&1); then
			return 0
		fi
		if ! grep -qiE 'could not get lock|is held by|unable to lock' <<<"$out"; then
			printf '%s\n' "$out" >&2
			say "failed: apt-get $*"
			return 1
		fi
		sleep 10
	done
	printf '%s\n' "$out" >&2
	say "gave up waiting for the apt lock: apt-get $*"
	return 1
}

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Debian packages.
missing=()
for pkg in chromium libxml2-utils default-jre-headless; do
	installed "$pkg" || missing+=("$pkg")
done
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v npm >/dev/null || missing+=(npm)
command -v runuser >/dev/null || [ -x /usr/sbin/runuser ] || missing+=(util-linux)
if [ "${#missing[@]}" -gt 0 ]; then
	say "installing ${missing[*]}"
	apt_get update
	apt_get install -y "${missing[@]}"
fi

# initdb refuses to run as root, so the tests run PostgreSQL as this user.
if ! id postgres >/dev/null 2>&1; then
	say "creating the postgres OS user"
	quiet as_root useradd --system --home /var/lib/postgresql postgres
fi

# The Nu HTML Checker.
if [ ! -f "$VNU_JAR" ]; then
	say "installing the Nu HTML Checker into $VNU_DIR"
	mkdir -p "$VNU_DIR"
	quiet npm install --prefix "$VNU_DIR" --no-audit --no-fund --no-update-notifier vnu-jar@latest
	if [ ! -f "$VNU_JAR" ]; then
		say "vnu.jar is not where the tests look for it ($VNU_JAR); found instead:"
		find "$VNU_DIR" -name vnu.jar >&2
		exit 1
	fi
fi

# staticcheck, at the version CI uses.
gobin="$(go env GOBIN)"
[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
if ! "$gobin/staticcheck" -version 2>/dev/null | grep -qF "(${STATICCHECK_VERSION#v})"; then
	say "installing staticcheck $STATICCHECK_VERSION"
	quiet go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi

# Tests find the checker through HERALD_VNU_JAR, or at this path by default.
echo "vnu.jar: $VNU_JAR"
