#!/usr/bin/env bash
# Benchmark of `tenantdb status` beside `tenantdb preflight` on the same servers (see Program.cs): publishes the
# tool as the workflows do (ReadyToRun, linux-x64) and times each command as a whole process (wall, CPU, peak RSS).
# Usage: bench/status/run.sh [tenants=2000] [servers=50] [silent=3] [timeout=5] [sample=3] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/status
rm -rf "$out" && mkdir -p "$out"
dotnet publish src/TenantDatabases.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/tenantdb" --nologo -v quiet >/dev/null
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_TENANTDB_DLL="$PWD/$out/tenantdb/tenantdb.dll" dotnet run -c Release --project bench/status -- "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
