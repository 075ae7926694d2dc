#!/usr/bin/env bash
# Lighthouse (mobile preset, simulated slow 4G) on the public pages of a published PosaX in Production:
#   bash scripts/lighthouse.sh            # ≈ 40 s a page after the publish
# Publishes PosaX.Web (Release) to a temporary folder, starts it in Production on 127.0.0.1 with a
# throwaway SQLite database, media and mail folder and the demo data, then audits the home page, the
# catalogue, a search, a work page, an artist page and a legal page, and the home, catalogue, work and
# artist pages in English (/en/…), with headless /usr/bin/chromium.
# Against an app already running: LIGHTHOUSE_URL=http://127.0.0.1:5000 bash scripts/lighthouse.sh
# (no publish; the app needs public works).
# Prints a table (scores, LCP, CLS, transfer sizes) and exits 1 if a threshold or budget is missed
# (thresholds in scripts/lighthouse/summarize.mjs). The JSON and HTML reports stay in
# $LIGHTHOUSE_OUT (default: a temporary folder, printed at the end).
# Needs: dotnet, node ≥ 18 (lighthouse 12; 13 needs node 22), npm registry access once, chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
port=${LIGHTHOUSE_PORT:-5391}
base=${LIGHTHOUSE_URL:-"http://127.0.0.1:$port"}
base=${base%/}

[[ -x "$CHROME_PATH" ]] || { echo "lighthouse.sh: no Chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null || { echo "lighthouse.sh: node is required" >&2; exit 2; }

# --- lighthouse@12, installed once into scripts/lighthouse/node_modules (git-ignored) ------------
lh="$root/scripts/lighthouse/node_modules/.bin/lighthouse"
if [[ ! -x "$lh" ]]; then
  echo "lighthouse.sh: installing lighthouse (package.json in scripts/lighthouse)"
  # Not `npm ci`: a dependency of lighthouse asks for third-party-web@"latest", which a lock file
  # cannot keep in sync; --no-save leaves package-lock.json as committed.
  (cd scripts/lighthouse && npm install --no-save --no-audit --no-fund --loglevel=error)
fi

work=$(mktemp -d -t posax-lh.XXXXXX)
out=${LIGHTHOUSE_OUT:-$work/reports}
mkdir -p "$out"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  # Keep the reports when asked to; the app, database and media always go.
  if [[ -n "${LIGHTHOUSE_OUT:-}" ]]; then rm -rf "$work"; else rm -rf "$work/app" "$work/data"; fi
}
trap cleanup EXIT INT TERM

# --- publish and start the app (unless one is running at LIGHTHOUSE_URL) --------------------------
if [[ -z "${LIGHTHOUSE_URL:-}" ]]; then
echo "lighthouse.sh: publishing PosaX.Web (Release)…"
# For this machine's platform, as a deployment publishes it (ReadyToRun: PosaX.Web.csproj).
dotnet publish PosaX.Web -c Release --use-current-runtime --self-contained false -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 2; }

mkdir -p "$work/data/media" "$work/data/mail"
if curl -fsS -o /dev/null "$base/health/live" 2>/dev/null; then
  echo "lighthouse.sh: port $port is already in use (set LIGHTHOUSE_PORT)" >&2; exit 2
fi
(
  cd "$work/app"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$base" \
  ConnectionStrings__PosaX="Data Source=$work/data/posax.db" \
  Database__Provider=Sqlite \
  Storage__Root="$work/data/media" \
  Email__PickupDirectory="$work/data/mail" \
  Site__BaseUrl="$base" \
  Demo__SeedWhenEmpty=true \
  Logging__LogLevel__Default=Warning \
  exec dotnet PosaX.Web.dll
) >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { echo "lighthouse.sh: the app stopped:" >&2; cat "$work/app.log" >&2; exit 2; }
  sleep 0.5
done
curl -fsS -o /dev/null "$base/health/ready" || { echo "lighthouse.sh: /health/ready never answered" >&2; cat "$work/app.log" >&2; exit 2; }
fi

# --- the pages ----------------------------------------------------------------------------------
home=$(curl -fsS "$base/")
work_path=$(grep -oE 'href="/oeuvres/[0-9]+/[^"]+"' <<<"$home" | head -n1 | cut -d'"' -f2)
artist_path=$(grep -oE 'href="/artistes/[^"/]+"' <<<"$home" | head -n1 | cut -d'"' -f2)
[[ -n "$work_path" && -n "$artist_path" ]] || { echo "lighthouse.sh: no work or artist link on the home page (demo data missing?)" >&2; exit 2; }

pages=(home catalogue search work artist legal en-home en-catalogue en-work en-artist)
declare -A urls=(
  [home]="$base/"
  [catalogue]="$base/oeuvres"
  [search]="$base/oeuvres?q=foret"
  [work]="$base$work_path"
  [artist]="$base$artist_path"
  [legal]="$base/mentions-legales"
  # The same page types in English (issue 18): /en + English path words, same ids and slugs.
  [en-home]="$base/en"
  [en-catalogue]="$base/en/artworks"
  [en-work]="$base/en/artworks/${work_path#/oeuvres/}"
  [en-artist]="$base/en/artists/${artist_path#/artistes/}"
)

# Warm-up: the first request of each page pays for JIT and the first queries, not what a visitor sees.
for p in "${pages[@]}"; do curl -fsS -o /dev/null "${urls[$p]}"; done

flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"
flags+=" --disable-component-update --disable-sync --no-first-run --no-default-browser-check"
# A French-speaking visitor: headless Chromium asks for English (en-US), and a first visit whose browser
# prefers English is redirected once to the English page (issue 18), which would audit /en/… for French URLs.
headers='{"Accept-Language":"fr-CM,fr;q=0.9"}'
run_lighthouse() {
  "$lh" "${urls[$1]}" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$out/$1" \
    --chrome-flags="$flags" \
    --extra-headers="$headers"
}
for p in "${pages[@]}"; do
  echo "lighthouse.sh: $p ${urls[$p]}"
  # Chromium's first trace sometimes fails to start (Lighthouse's NO_NAVSTART): one more try.
  run_lighthouse "$p" || { echo "lighthouse.sh: retrying $p" >&2; run_lighthouse "$p"; } \
    || { echo "lighthouse.sh: lighthouse failed on $p" >&2; exit 2; }
done

echo
status=0
node scripts/lighthouse/summarize.mjs "$out" "${pages[@]}" || status=$?
echo
echo "Reports: $out/<page>.report.html (and .report.json)"
exit $status
