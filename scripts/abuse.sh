#!/usr/bin/env bash
# The abuse suite alone (PosaX.Tests/Abuse, NUnit category "Abuse"): fuzzing of every POST handler,
# stored XSS in Chromium, hostile uploads, security headers, the role × handler matrix.
#   bash scripts/abuse.sh                      # ≈ 3–4 minutes on 2 cores
#   bash scripts/abuse.sh --filter "Category=Abuse&FullyQualifiedName~PostFuzz"   # narrower
# It also runs in CI as part of the whole suite (scripts/test.sh). Extra arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="Category=Abuse"
if [[ "${1:-}" == "--filter" && -n "${2:-}" ]]; then filter="$2"; shift 2; fi
exec bash scripts/test.sh --filter "$filter" "$@"
