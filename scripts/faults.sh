#!/usr/bin/env bash
# The fault tests alone (NUnit category "Faults", PosaX.Tests/Faults/): PostgreSQL restarted under
# load, media disk full, kill -9 during uploads, SendGrid out of reach, three app restarts.
# Everything runs on loopback and stops by itself; each test prints its figures. They are part of
# the normal suite too (scripts/test.sh). Extra arguments go to dotnet test.
set -euo pipefail
exec bash "$(dirname "$0")/test.sh" --filter "Category=Faults" "$@"
