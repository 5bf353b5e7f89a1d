# Shared by the bench scripts; sourced, not run. Everything runs on
# 127.0.0.1 on free ports, inside one temporary folder that is removed (with
# every process started here) when the script ends, however it ends.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench.XXXXXX")
chmod 755 "$WORK" # nginx's workers run as nobody and must read the export
PIDS=()

cleanup() {
	local code=$?
	trap - EXIT INT TERM
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	if [[ -n ${HERALD_BENCH_KEEP:-} ]]; then
		echo "kept $WORK" >&2
	else
		rm -rf "$WORK"
	fi
	exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

# need_tools installs Debian's packages for any of the commands that are missing.
need_tools() {
	local missing=()
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || missing+=("$t")
	done
	((${#missing[@]} == 0)) && return 0
	say "installing ${missing[*]} with apt-get"
	local sudo=()
	[[ $(id -u) -ne 0 ]] && sudo=(sudo)
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# free_port prints a TCP port nobody listens on at 127.0.0.1.
free_port() {
	local p
	for _ in $(seq 200); do
		p=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
	die "no free port found"
}

# build_herald builds the binary from this checkout into $WORK/herald.
build_herald() {
	command -v go >/dev/null || die "Go is needed to build herald"
	say "building herald"
	(cd "$ROOT" && go build -trimpath -o "$WORK/herald" ./cmd/herald)
	HERALD=$WORK/herald
}

# bench_db N prints the path of a database holding N generated stories. With
# HERALD_BENCH_DB set, that file is used when it exists and is made there
# when it does not, so one database serves several scripts; otherwise it is
# made in the temporary folder and removed at the end. GENERATE_FLAGS are
# passed to herald generate (large.sh passes --no-index).
bench_db() {
	local n=$1 db=${HERALD_BENCH_DB:-$WORK/bench.db}
	if [[ -s $db ]]; then
		say "using the existing database $db (HERALD_BENCH_DB); it is assumed to hold $n stories"
	else
		say "generating $n stories into $db"
		local start=$SECONDS
		# shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
		"$HERALD" generate --db "$db" --articles "$n" ${GENERATE_FLAGS:-} >&2
		say "generated in $((SECONDS - start)) s"
	fi
	echo "$db"
}

# start_herald DB PORT [serve flags…] starts herald serve and waits until it
# answers; its PID is in HERALD_PID.
start_herald() {
	local db=$1 port=$2
	shift 2
	"$HERALD" serve --db "$db" --addr "127.0.0.1:$port" --log-level warn "$@" >"$WORK/herald-$port.log" 2>&1 &
	HERALD_PID=$!
	PIDS+=("$HERALD_PID")
	wait_http "http://127.0.0.1:$port/healthz" 60 || {
		cat "$WORK/herald-$port.log" >&2
		die "herald serve did not start"
	}
}

# start_nginx ROOTDIR PORT serves a folder with Debian's nginx and a minimal
# configuration: sendfile on, no compression, no access log.
start_nginx() {
	local root=$1 port=$2 conf=$WORK/nginx.conf
	mkdir -p "$WORK/nginx"
	cat >"$conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	sendfile on;
	tcp_nopush on;
	gzip off;
	gzip_static off;
	access_log off;
	keepalive_requests 1000000;
	client_body_temp_path $WORK/nginx/body;
	proxy_temp_path $WORK/nginx/proxy;
	fastcgi_temp_path $WORK/nginx/fastcgi;
	uwsgi_temp_path $WORK/nginx/uwsgi;
	scgi_temp_path $WORK/nginx/scgi;
	server {
		listen 127.0.0.1:$port;
		root $root;
		index index.html;
		error_page 404 /404.html;
	}
}
EOF
	nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$conf" &
	NGINX_PID=$!
	PIDS+=("$NGINX_PID")
	wait_http "http://127.0.0.1:$port/" 20 || {
		cat "$WORK/nginx/error.log" >&2
		die "nginx did not start"
	}
}

# wait_http URL SECONDS waits until URL answers 200.
wait_http() {
	local url=$1 limit=$2 start=$SECONDS
	until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
		((SECONDS - start < limit)) || return 1
		sleep 0.2
	done
}

# story_paths BASE_URL N prints up to N story paths, a fixed sample, read
# from the site's story sitemaps.
story_paths() {
	local base=$1 n=$2 i=1
	while curl -fsS --max-time 60 "$base/sitemaps/stories-$i.xml" 2>/dev/null; do
		i=$((i + 1))
	done | grep -o '<loc>[^<]*</loc>' | sed -e 's|<loc>[a-z]*://[^/]*||' -e 's|</loc>||' |
		awk -v n="$n" 'BEGIN { srand(42) } { a[NR] = $0 } END {
			if (NR <= n) { for (i = 1; i <= NR; i++) print a[i]; exit }
			for (i = 1; i <= n; i++) { j = i + int(rand() * (NR - i + 1)); t = a[i]; a[i] = a[j]; a[j] = t; print a[i] } }'
}

# section_slugs BASE_URL prints the slug of every section: the paths of one
# segment in the sitemap of pages that have a feed (static pages have none).
section_slugs() {
	local base=$1 slug
	curl -fsS --max-time 30 "$base/sitemaps/pages.xml" | grep -o '<loc>[^<]*</loc>' |
		sed -e 's|<loc>[a-z]*://[^/]*||' -e 's|</loc>||' | grep -E '^/[a-z0-9-]+/$' | tr -d / |
		while read -r slug; do
			if curl -fsS -o /dev/null --max-time 10 "$base/$slug/feed.xml" 2>/dev/null; then
				echo "$slug"
			fi
		done
}

# run_wrk NAME URL SECONDS CONNECTIONS PATHS_FILE prints one line:
# NAME requests_per_second p50_ms p99_ms socket_errors non_2xx_3xx
run_wrk() {
	local name=$1 url=$2 secs=$3 conns=$4 paths=$5 out
	out=$(timeout $((secs + 30)) wrk -t 2 -c "$conns" -d "${secs}s" --timeout 5s \
		-s "$BENCH/mix.lua" "$url" -- "$paths" 2>&1) || { say "$out"; die "wrk failed against $name"; }
	local line
	line=$(grep '^RESULT ' <<<"$out") || { say "$out"; die "wrk printed no result for $name"; }
	echo "$name ${line#RESULT }"
}
