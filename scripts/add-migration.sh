#!/usr/bin/env bash
# Adds a migration to both providers' sets: scripts/add-migration.sh Name
# Each set is generated against its own provider (never one set shared by two).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project PosaX.Web --context SqlitePosaXDbContext \
  --output-dir Data/Migrations/Sqlite -- --Database:Provider=Sqlite
dotnet ef migrations add "$name" --project PosaX.Web --context PosaXDbContext \
  --output-dir Data/Migrations/Postgres -- --Database:Provider=Postgres \
  "--ConnectionStrings:PosaX=Host=localhost;Database=design_time_only"
