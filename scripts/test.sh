#!/usr/bin/env bash
# THE test command: bash scripts/test.sh [--fast] [extra dotnet test arguments, e.g. --filter Category=Postgres]
# Installs what a fresh Debian machine lacks (PostgreSQL server + contrib, Chromium, DejaVu fonts,
# Redis and nginx, a Java runtime; npm's s3rver into scripts/s3rver and vnu-jar into scripts/vnu), then runs the whole suite. Exits with dotnet test's exit code.
#   --fast   the day-to-day tier: feature, component and infrastructure tests on SQLite only
#            (no PostgreSQL, no browser, no fault, abuse or scale-out suite); a --filter given too narrows it.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The suite configures every app it starts itself, in process or as a child process. A shell that holds the app's own
# settings (ASPNETCORE_ENVIRONMENT, ConnectionStrings__PosaX, Database__Provider…: a benchmark's or a deployment's)
# would hand them to the child processes, which then mix them with the test's own (a SQLite file opened with the
# PostgreSQL provider: 6 command-line tests failed so). ASP.NET Core reads any variable with "__" as a setting.
unset ASPNETCORE_ENVIRONMENT DOTNET_ENVIRONMENT ASPNETCORE_URLS
while IFS= read -r setting; do unset "$setting" 2>/dev/null || true; done < <(compgen -e | grep -F '__' || true)

# The categories the fast tier leaves out (NUnit categories, see README "Test tiers"):
# Postgres (a fixture instance per provider carries its provider's category), Browser (Playwright),
# Faults, Abuse, ScaleOut (several app processes on Redis, s3rver and nginx).
fast_filter='Category!=Postgres&Category!=Browser&Category!=Faults&Category!=Abuse&Category!=ScaleOut'

fast=0
filter=''
args=()
while (($#)); do
  case "$1" in
    --fast) fast=1 ;;
    --filter) [[ $# -ge 2 ]] || { echo "scripts/test.sh: --filter needs a value" >&2; exit 2; }
              filter=$2; shift ;;
    --filter=*) filter=${1#--filter=} ;;
    *) args+=("$1") ;;
  esac
  shift
done
if ((fast)); then filter=${filter:+($filter)&}$fast_filter; fi
[[ -z "$filter" ]] || args+=(--filter "$filter")

# --- system packages the tests need --------------------------------------------------------------
missing=()
if ((fast)); then
  : # neither PostgreSQL nor Chromium: the fast tier uses neither
elif [[ -z "${POSAX_PG_BIN:-}" ]]; then
  # PostgresCluster runs initdb/pg_ctl from the highest /usr/lib/postgresql/*/bin.
  if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql postgresql-contrib)
  elif ! compgen -G '/usr/share/postgresql/*/extension/unaccent.control' >/dev/null \
    || ! compgen -G '/usr/share/postgresql/*/extension/pg_trgm.control' >/dev/null; then
    missing+=(postgresql-contrib)
  fi
fi
((fast)) || [[ -x /usr/bin/chromium ]] || missing+=(chromium)   # Playwright drives the Debian browser
# The ScaleOut tests: Redis and nginx in front of two app processes (they install these themselves
# too when run alone, as root).
((fast)) || [[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
((fast)) || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
# The Nu HTML Checker (npm vnu-jar, below) runs on Java.
command -v java >/dev/null || missing+=(default-jre-headless)

if ((${#missing[@]})); then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "scripts/test.sh: missing system packages: ${missing[*]}" >&2
    echo "Install them, then run this script again:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "scripts/test.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt may hold the lock (e.g. a machine's first boot): wait for it instead of failing.
  for try in 1 2 3 4 5 6 7 8 9 10; do
    apt-get -o DPkg::Lock::Timeout=300 update -qq </dev/null && break
    [[ $try -lt 10 ]] || { echo "scripts/test.sh: apt-get update failed" >&2; exit 1; }
    sleep 15
  done
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" </dev/null
fi

# The ScaleOut tests' S3 endpoint: npm's s3rver, pinned in scripts/s3rver/package.json.
if ((!fast)) && [[ ! -e scripts/s3rver/node_modules/s3rver/bin/s3rver.js ]]; then
  command -v npm >/dev/null || { echo "scripts/test.sh: npm not found (needed for s3rver)" >&2; exit 1; }
  echo "scripts/test.sh: installing s3rver into scripts/s3rver"
  (cd scripts/s3rver && npm ci --no-audit --no-fund --loglevel=error </dev/null)
fi

# The Nu HTML Checker the HtmlValidityTests run: npm's vnu-jar, pinned in scripts/vnu/package.json.
if [[ ! -e scripts/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]]; then
  command -v npm >/dev/null || { echo "scripts/test.sh: npm not found (needed for vnu-jar)" >&2; exit 1; }
  echo "scripts/test.sh: installing vnu-jar into scripts/vnu"
  (cd scripts/vnu && npm ci --no-audit --no-fund --loglevel=error </dev/null)
fi

command -v dotnet >/dev/null || { echo "scripts/test.sh: dotnet SDK not found on PATH" >&2; exit 1; }

# --- the suite -------------------------------------------------------------------------------------
# verbosity=normal lists every test; its per-project summary is the block
#   "Test Run Successful." / "Total tests: N" / "Passed: N" / "Failed: N" / "Skipped: N" / "Total time: …"
# which .ci/run sums. A test hanging for 15 minutes aborts the run instead of eating CI's 90 minutes.
# Before it the suite prints its time per category, lines starting "[time]" (none of .ci/run's shapes;
# PosaX.Tests/Infrastructure/TimeByCategory.cs).
set +e
dotnet test PosaX.sln -c Release \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  ${args[@]+"${args[@]}"} </dev/null
rc=$?
set -e
exit "$rc"
