#!/usr/bin/env bash
# The value the image gives an environment variable: `ENV NAME=value` in PosaX.Web/Dockerfile, on a line of
# its own or as one line of a multi-line ENV (`    NAME=value \`). Prints the value; exits 1, saying so, when
# the Dockerfile sets no such variable (a renamed or dropped line must not go unnoticed).
# Used by bench/run.sh (the bench runs with the image's runtime settings: DOTNET_GCgen0size) and run by
# PosaX.Tests/Deployment/ImageSettingsTests, so the test exercises the bench's own extraction.
# usage: scripts/image-env.sh NAME [DOCKERFILE]
set -euo pipefail
name=${1:?usage: scripts/image-env.sh NAME [DOCKERFILE]}
dockerfile=${2:-"$(dirname "$0")/../PosaX.Web/Dockerfile"}
[[ -r "$dockerfile" ]] || { echo "scripts/image-env.sh: cannot read $dockerfile" >&2; exit 2; }
# The last setting wins, as in the image.
value=$(sed -nE "s/^(ENV[[:space:]]+|[[:space:]]+)${name}=([^[:space:]\\\\]+).*/\\2/p" "$dockerfile" | tail -n 1)
[[ -n "$value" ]] || { echo "scripts/image-env.sh: $dockerfile sets no $name" >&2; exit 1; }
printf '%s\n' "$value"
