#!/usr/bin/env bash
# PosaX load benchmark: bash bench/run.sh   (about 10 minutes with the defaults; see docs/benchmarks.md)
#
# Publishes PosaX.Web (Release), starts a throwaway PostgreSQL (server defaults but shared_buffers,
# data in a temp folder), seeds it with `seed-demo` (5,000 artists, 100,000 works), times a 12-megapixel photo
# through the image pipeline (`bench-image`), starts the app in Production on 127.0.0.1 and drives
# it with wrk over loopback. Every page is compared with the same bytes served as a static file by
# the same Kestrel in the same run (the page's HTML copied into the media folder, which the app
# serves with its static file middleware behind the same middleware as the pages). Prints one
# table, the targets met or missed, and exits 1 if one is missed. Cold work pages and random searches
# are measured twice: in the first minute after start (nothing pre-rendered, nothing cached), and
# after the warm-up. Everything it starts is stopped and deleted on exit, whatever happens.
#
# BENCH_SIZES="10000 100000 1000000": the same run at each size (a fresh database each, artists =
# works / 20 unless BENCH_ARTISTS is set), then the rows side by side (bench/compare.py). 1,000,000
# works: ≈ 4 min of seeding and 1.9 GB of database (≈ 2.5 GB of disk in all while it runs).
#
# BENCH_SCALEOUT=1: issue 16's topology instead (Redis, s3rver, two instances behind nginx; the cached
# catalogue page against static, and the shared cache against the in-process one): bench/scaleout.sh,
# about 5 minutes with 20,000 works (its default); needs redis-server, nginx and node too.
#
# Settings (environment): BENCH_SIZES (unset: one size, BENCH_ARTWORKS), BENCH_ARTISTS (5000), BENCH_ARTWORKS (100000), BENCH_DURATION seconds per
# wrk run (10), BENCH_CONNECTIONS (64), BENCH_PORT (5392), BENCH_OUT (a file for the table too),
# BENCH_KEEP=1 keeps the temp folder (database, logs, URL lists) for a look afterwards; BENCH_WARMUP_ROUNDS (4, ≈ 25 s each).
# Needs: dotnet, wrk, python3, PostgreSQL server binaries (/usr/lib/postgresql/*/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
scaleout=${BENCH_SCALEOUT:-0}
# The scale-out mode measures cached pages only: a smaller catalogue keeps it short.
sizes=${BENCH_SIZES:-${BENCH_ARTWORKS:-$([[ $scaleout == 1 ]] && echo 20000 || echo 100000)}}
artworks=${sizes%% *}
artists=${BENCH_ARTISTS:-5000}
duration=${BENCH_DURATION:-10}
connections=${BENCH_CONNECTIONS:-64}
port=${BENCH_PORT:-5392}
base="http://127.0.0.1:$port"
threads=2

say() { echo "bench: $*" >&2; }
command -v wrk >/dev/null || { say "wrk is required (apt-get install wrk)"; exit 2; }
command -v python3 >/dev/null || { say "python3 is required"; exit 2; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[[ -x "$pg_bin/initdb" ]] || { say "PostgreSQL server binaries not found (apt-get install postgresql postgresql-contrib)"; exit 2; }
if curl -fsS -o /dev/null "$base/health/live" 2>/dev/null; then say "port $port is already in use (set BENCH_PORT)"; exit 2; fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d -t posax-bench.XXXXXX)
chmod 755 "$work"
app_pid=""
pg_data="$work/pg/data"
as_pg=()
[[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)   # initdb refuses root
[[ $scaleout == 1 ]] && source "$root/bench/scaleout.sh"
cleanup() {
  if declare -F scaleout_stop >/dev/null; then scaleout_stop; fi
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [[ -f "$pg_data/postmaster.pid" ]]; then
    (cd / && "${as_pg[@]}" "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate -w >/dev/null 2>&1) || true
  fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM

# --- publish ------------------------------------------------------------------------------------
say "publishing PosaX.Web (Release)…"
# For this machine's platform, as a deployment publishes it (ReadyToRun: PosaX.Web.csproj).
dotnet publish PosaX.Web -c Release --use-current-runtime --self-contained false -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 2; }

# --- PostgreSQL ---------------------------------------------------------------------------------
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/pg"
[[ ${#as_pg[@]} -gt 0 ]] && chown postgres:postgres "$work/pg"
say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port…"
(cd / && "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions >"$work/initdb.log" 2>&1) \
  || { cat "$work/initdb.log" >&2; exit 2; }
cat >>"$pg_data/postgresql.conf" <<EOF
# bench/run.sh: what a throwaway server needs, and one tuning setting; the rest are the defaults
# (fsync and synchronous commits on, as in production).
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
# The default 128 MB cannot hold the 100,000 works (≈ 170 MB with their indexes): every scan would
# copy pages from the kernel's cache. Size it as any deployment should (docs/benchmarks.md).
shared_buffers = ${BENCH_PG_SHARED_BUFFERS:-1GB}
EOF
(cd / && "${as_pg[@]}" "$pg_bin/pg_ctl" start -D "$pg_data" -l "$work/pg/postgres.log" -w -t 60 >/dev/null) \
  || { cat "$work/pg/postgres.log" >&2; exit 2; }
psql_() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
db=posax
psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null
sql() { psql_ -d "$db" -At -c "$1"; }

export ASPNETCORE_ENVIRONMENT=Production
# The runtime's settings of the image (PosaX.Web/Dockerfile): the GC's gen-0 budget, unless given. Read by
# scripts/image-env.sh, which stops the run when the Dockerfile no longer sets it (ImageSettingsTests run it too).
if [[ -z "${DOTNET_GCgen0size+set}" ]]; then DOTNET_GCgen0size=$(bash scripts/image-env.sh DOTNET_GCgen0size) || exit 2; fi
export DOTNET_GCgen0size
export Database__Provider=Postgres
export ConnectionStrings__PosaX="Host=127.0.0.1;Port=$pg_port;Database=posax;Username=postgres"
export Storage__Root="$work/media"
export Email__PickupDirectory="$work/mail"
export Site__BaseUrl="$base"
export Logging__LogLevel__Default=Warning
app() { (cd "$work/app" && dotnet PosaX.Web.dll "$@"); }

# Several instances: Redis and the bucket before seeding (the demo's pictures go to the bucket).
[[ $scaleout == 1 ]] && scaleout_services

# --- demo data and image processing -------------------------------------------------------------
run_size() {
artworks=$1
artists=${BENCH_ARTISTS:-$(( artworks / 20 > 50 ? artworks / 20 : 50 ))}
[[ -z "${BENCH_SIZES:-}" ]] && artists=${BENCH_ARTISTS:-5000}
if [[ $db != "posax_$artworks" && -n "${BENCH_SIZES:-}" ]]; then
  # A fresh database per size (deleting 1,000,000 demo works would take longer than seeding them).
  old=$db; db="posax_$artworks"
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $old" -c "CREATE DATABASE $db" >/dev/null
  export ConnectionStrings__PosaX="Host=127.0.0.1;Port=$pg_port;Database=$db;Username=postgres"
  rm -rf "$work/media" "$work/pages" "$work/urls"
fi
say "seed-demo --artists $artists --artworks $artworks…"
seed_start=$(date +%s.%N)
app seed-demo --artists "$artists" --artworks "$artworks" | tee "$work/seed.log" >&2
seed_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $seed_start:.1f}')")
if [[ $scaleout == 1 ]]; then scaleout_measure; exit 0; fi
say "12 MP photo through the image pipeline…"
app bench-image --runs 5 | tee "$work/image.log" >&2
image_ms=$(sed -nE 's/^bench-image: median ([0-9]+) ms, min ([0-9]+) ms, max ([0-9]+) ms.*/\1 \2 \3/p' "$work/image.log")

# --- the app ------------------------------------------------------------------------------------
say "starting the app (Release, Production) on $base…"
start_ns=$(date +%s%N)
(cd "$work/app" && ASPNETCORE_URLS="$base" exec dotnet PosaX.Web.dll) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 1200); do
  curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { say "the app stopped:"; cat "$work/app.log" >&2; exit 2; }
  sleep 0.05
done
curl -fsS -o /dev/null "$base/health/ready" || { say "/health/ready never answered"; cat "$work/app.log" >&2; exit 2; }
ready_seconds=$(python3 -c "print(f'{($(date +%s%N) - $start_ns) / 1e9:.1f}')")
say "ready $ready_seconds s after start"

# --- URLs ---------------------------------------------------------------------------------------
say "collecting URLs from the sitemap…"
mkdir -p "$work/urls" "$work/media/bench"
# The index and every child, cold: time to first byte (the slowest child and the index).
python3 "$root/bench/urls.py" "$base" "$work/urls"
sitemap_ttfb=$(cat "$work/urls/sitemap-ttfb.txt")
visible="a.\"HiddenAt\" IS NULL AND u.\"EmailConfirmed\" AND u.\"SuspendedAt\" IS NULL"
# The deep page: the keyset cursor of the work at position 48,000 (newest first), built as the app
# builds it (base64url of "sort.ticks.id"; .NET ticks from PostgreSQL's microseconds).
deep_offset=$(( artworks * 48 / 100 ))
deep_row=$(sql "SELECT (extract(epoch FROM a.\"CreatedAt\") * 1000000)::bigint, a.\"Id\" FROM \"Artworks\" a JOIN \"AspNetUsers\" u ON u.\"Id\" = a.\"ArtistId\" WHERE $visible ORDER BY a.\"CreatedAt\" DESC, a.\"Id\" DESC OFFSET $(( deep_offset - 1 )) LIMIT 1")
deep_cursor=$(python3 -c "
import base64,sys; us,i=sys.argv[1].split('|'); t=int(us)*10+621355968000000000
print(base64.urlsafe_b64encode(f'0.{t}.{i}'.encode()).decode().rstrip('='))" "$deep_row")
artist_slug=$(sql "SELECT u.\"Slug\" FROM \"AspNetUsers\" u JOIN \"Artworks\" a ON a.\"ArtistId\" = u.\"Id\" WHERE $visible GROUP BY u.\"Slug\" ORDER BY count(*) DESC LIMIT 1")
artist_works=$(sql "SELECT count(*) FROM \"Artworks\" a JOIN \"AspNetUsers\" u ON u.\"Id\" = a.\"ArtistId\" WHERE $visible AND u.\"Slug\" = '$artist_slug'")
read -r last_block block_works <"$work/urls/fullest-block.txt"

# Each row: name|path|wrk mode|connections. "list:<file>" rows take paths from a file.
# The first minute after start: no page rendered yet, nothing cached, nothing JIT-compiled twice.
first_rows=(
  "first minute: random work pages (cold: never asked for)|list:works-first.txt|list|$connections"
  "first minute: random filtered searches (cold)|list:searches-first.txt|list|16"
)
rows=(
  "catalogue page 1|/oeuvres|plain|$connections"
  "catalogue page 1, uncached|/oeuvres|unique|$connections"
  "deep page (position $deep_offset), uncached|/oeuvres?apres=$deep_cursor|unique|$connections"
  "random work pages (cold: never asked for)|list:works.txt|list|$connections"
  "random filtered searches (cold)|list:searches.txt|list|$connections"
  "random filtered searches (cold)|list:searches-b.txt|list|16"
  "artist page ($artist_works works)|/artistes/$artist_slug|plain|$connections"
  "sitemap (the index)|/sitemap.xml|plain|$connections"
)
# Beyond the contract, after the memory reading: a work sitemap (2,000 works, ≈ 480 KB), fetched a few
# at a time as crawlers do.
extra_rows=(
  "sitemap of $block_works works|/sitemaps/oeuvres-$last_block.xml|plain|4"
)

# The static twin of a row: the bytes of one such page, saved under the media folder.
static_of() {
  local name=$1 path=$2 file
  file="$work/media/bench/$(echo "$name" | tr -c 'a-z0-9' '-').jpg"
  # A list's last path: the run starts its slices at the front, so this one stays cold.
  if [[ $path == list:* ]]; then path=$(tail -n1 "$work/urls/${path#list:}"); fi
  curl -fsS -o "$file" "$base$path"
  echo "/media/bench/$(basename "$file")"
}

run_wrk() { # url connections mode [list file]
  local url=$1 c=$2 mode=$3 file=${4:-}
  wrk -t$threads -c"$c" -d"${duration}s" --latency -s bench/wrk.lua "$url" -- "$mode" $file $threads | sed -n 's/^BENCH //p'
}

measure() {
for row in "$@"; do
  IFS='|' read -r name path mode c <<<"$row"
  static_path=$(static_of "$name" "$path")
  say "$name @ $c connections"
  if [[ $path == list:* ]]; then
    page=$(run_wrk "$base" "$c" list "$work/urls/${path#list:}")
  else
    page=$(run_wrk "$base$path" "$c" "$mode")
  fi
  static=$(run_wrk "$base$static_path" "$c" plain)
  bytes=$(stat -c %s "$work/media/bench/$(basename "$static_path")")
  python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "path": sys.argv[2], "connections": int(sys.argv[3]), "html_bytes": int(sys.argv[4]), "page": json.loads(sys.argv[5]), "static": json.loads(sys.argv[6])}))' \
    "$name" "$path" "$c" "$bytes" "$page" "$static" >>"$results"
done
}
results="$work/results-$artworks.jsonl"
: >"$results"
first_minute=$(python3 -c "print(f'{($(date +%s%N) - $start_ns) / 1e9:.0f}')")
say "first-minute rows, $first_minute s after start…"
measure "${first_rows[@]}"

# Warm-up: the JIT (tiered compilation recompiles the hot paths during the first minute of load; with
# dynamic PGO, off since the twelfth pass, for minutes more), connection pools, the planner's caches.
# Cold lists use paths that no measured run asks for.
say "warming up (≈ 100 s)…"
for path in /oeuvres "/oeuvres?apres=$deep_cursor" "/artistes/$artist_slug" /sitemap.xml /; do curl -fsS -o /dev/null "$base$path"; done
warm() { wrk -t$threads -c16 -d"$1" -s bench/wrk.lua "${@:2}" >/dev/null; }
for _ in $(seq 1 "${BENCH_WARMUP_ROUNDS:-4}"); do
  warm 5s "$base/oeuvres" -- unique
  warm 5s "$base/oeuvres?apres=$deep_cursor" -- unique
  warm 6s "$base" -- list "$work/urls/warmup.txt" $threads
  warm 5s "$base" -- list "$work/urls/searches-warmup.txt" $threads
  warm 2s "$base/artistes/$artist_slug" -- plain
  warm 1s "$base/sitemap.xml" -- plain
  warm 1s "$base/health/live" -- plain
done

measure "${rows[@]}"

# Page 1 and the deep page, uncached, cost the same work, but two 10-second runs of one page differ
# by up to 25% from one moment to the next here (GC, the JIT, the other processes): the comparison
# takes the median of three runs each, interleaved (the rows above are the first of each).
pair="$work/pair-$artworks.jsonl"
: >"$pair"
for _ in 1 2; do
  for row in "catalogue page 1, uncached|/oeuvres" "deep page|/oeuvres?apres=$deep_cursor"; do
    IFS='|' read -r name path <<<"$row"
    say "$name again (median of three)"
    python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "page": json.loads(sys.argv[2])}))' \
      "$name" "$(run_wrk "$base$path" "$connections" unique)" >>"$pair"
  done
done

# Memory: the app process right after the load (resident now, and its peak), after the extra rows,
# then after 30 s without requests.
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$app_pid/status")
measure "${extra_rows[@]}"
extra_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
sleep 30
idle_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
if grep -qE '^(fail|crit)' "$work/app.log"; then say "the app logged errors:"; grep -A5 -E '^(fail|crit)' "$work/app.log" | head -40 >&2; fi
# Disk used by the app's caches: the work pages kept on disk (PageSnapshots, bounded by PageSnapshots__MaxBytes).
cache_kb=$(du -sk "$work/pages" 2>/dev/null | cut -f1); cache_kb=${cache_kb:-0}
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""

python3 "$root/bench/report.py" "$results" \
  --machine "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
  --load "$load_size → $(cut -d' ' -f1-3 /proc/loadavg)" \
  --seed "$seed_seconds" --seed-log "$work/seed.log" --image "$image_ms" --rss "$rss_kb" --hwm "$hwm_kb" --extra "$extra_kb" --idle "$idle_kb" \
  --artists "$artists" --artworks "$artworks" --duration "$duration" --pg "$("$pg_bin/postgres" --version | awk '{print $3}')" \
  --ready "$ready_seconds" --first-minute "$first_minute" --sitemap-ttfb "$sitemap_ttfb" --cache-kb "$cache_kb" --pair "$pair" \
  --json "$work/summary-$artworks.json" ${BENCH_OUT:+--out "$BENCH_OUT.$artworks"} || failed=1
}

failed=0
for size in $sizes; do
  load_size=$(cut -d' ' -f1-3 /proc/loadavg)
  run_size "$size"
done
summaries=()
for size in $sizes; do summaries+=("$work/summary-$size.json"); done
if (( ${#summaries[@]} > 1 )); then
  python3 "$root/bench/compare.py" "${summaries[@]}" ${BENCH_OUT:+--out "$BENCH_OUT"}
elif [[ -n "${BENCH_OUT:-}" ]]; then
  mv "$BENCH_OUT.$artworks" "$BENCH_OUT"
fi
exit $failed
