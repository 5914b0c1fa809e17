#!/usr/bin/env bash
# Benchmark of `tenantdb adopt` (see Program.cs): publishes the tool as the workflows do (ReadyToRun,
# linux-x64), then runs the benchmark with that published tool as the tenantdb rows.
# Usage: bench/adopt/run.sh [databases=5000] [rounds=3]
# A server of 5,000 databases takes about 38 GB of disk (each database is a copy of template0, 7.5 MB) for the
# few minutes of the run; the benchmark refuses to start without room for it.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/adopt
rm -rf "$out" && mkdir -p "$out"
dotnet publish src/TenantDatabases.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/tenantdb" --nologo -v quiet >/dev/null
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_TENANTDB_DLL="$PWD/$out/tenantdb/tenantdb.dll" dotnet run -c Release --project bench/adopt -- "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
