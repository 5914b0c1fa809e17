#!/usr/bin/env bash
# Benchmark of `tenantdb migrate` (see Program.cs): publishes the tool as the workflows do (ReadyToRun,
# linux-x64), then runs the benchmark with that published tool as the `tenantdb migrate` rows.
# Usage: bench/migrate/run.sh [tenants=200] [parallel=8] [approaches=tenantdb,engine,baseline,floor] [rounds=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/migrate
rm -rf "$out" && mkdir -p "$out"
dotnet publish src/TenantDatabases.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/tenantdb" --nologo -v quiet >/dev/null
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_TENANTDB_DLL="$PWD/$out/tenantdb/tenantdb.dll" dotnet run -c Release --project bench/migrate -- "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
