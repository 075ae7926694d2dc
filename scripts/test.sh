#!/usr/bin/env bash
# THE test command: bash scripts/test.sh [extra dotnet test arguments, e.g. --filter Category=Postgres]
# Installs what a fresh Debian machine lacks (PostgreSQL server + contrib, Chromium, DejaVu fonts),
# then runs the whole suite. Exits with dotnet test's exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- system packages the tests need --------------------------------------------------------------
missing=()
if [[ -z "${POSAX_PG_BIN:-}" ]]; then
  # PostgresCluster runs initdb/pg_ctl from the highest /usr/lib/postgresql/*/bin.
  if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql postgresql-contrib)
  elif ! compgen -G '/usr/share/postgresql/*/extension/unaccent.control' >/dev/null \
    || ! compgen -G '/usr/share/postgresql/*/extension/pg_trgm.control' >/dev/null; then
    missing+=(postgresql-contrib)
  fi
fi
[[ -x /usr/bin/chromium ]] || missing+=(chromium)            # Playwright drives the Debian browser
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)

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

command -v dotnet >/dev/null || { echo "scripts/test.sh: dotnet SDK not found on PATH" >&2; exit 1; }

# --- the suite -------------------------------------------------------------------------------------
# verbosity=normal lists every test; its per-project summary is the block
#   "Test Run Successful." / "Total tests: N" / "Passed: N" / "Failed: N" / "Skipped: N" / "Total time: …"
# which .ci/run sums. A test hanging for 15 minutes aborts the run instead of eating CI's 90 minutes.
set +e
dotnet test PosaX.sln -c Release \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  "$@" </dev/null
rc=$?
set -e
exit "$rc"
