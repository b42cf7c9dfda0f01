#!/bin/bash
# regenerate migrations: migrate.sh Name
set -e
cd /work/wt-routes2
/work/tools/dotnet-ef migrations add "$1" --project src/Evacuation.Data --startup-project src/Evacuation.Data --context SqliteEvacuationDb --output-dir Migrations/Sqlite
/work/tools/dotnet-ef migrations add "$1" --project src/Evacuation.Data --startup-project src/Evacuation.Data --context PostgresEvacuationDb --output-dir Migrations/Postgres
