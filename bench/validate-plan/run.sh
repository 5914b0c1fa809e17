#!/usr/bin/env bash
# Benchmark: `tenantdb validate` and `tenantdb plan` on a generated stack of 10,000 tenants on 50
# servers, each timed as a whole process (wall time, CPU time and peak RSS from /usr/bin/time), for
# two builds of the same code: a plain Release build (JIT at start-up) and a ReadyToRun publish
# (precompiled; what a CI image or a release should ship). Side by side, in the same run, baselines:
#   - `tenantdb --help`: the process start-up every command pays;
#   - `tenantdb validate` on a 3-tenant stack: start-up plus the fixed cost of a command;
#   - a plain YamlDotNet load (YamlStream) of the same 10,000-tenant file in its own process.
# Goal: validate and plan under 1 s wall and 200 MB peak. Not part of the test run.
# Usage: bench/validate-plan/run.sh [runs per measurement, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=bench/out/validate-plan
rm -rf "$out" && mkdir -p "$out"

if [ ! -x /usr/bin/time ]; then
  apt-get install -y -qq time >/dev/null
fi

echo "building (Release, and ReadyToRun)..." >&2
dotnet publish src/TenantDatabases.Cli -c Release -o "$out/tenantdb" --nologo -v quiet >/dev/null
# ReadyToRun needs the runtime pack and crossgen from the feed; without them those rows are skipped.
r2r=""
if dotnet publish src/TenantDatabases.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
     -o "$out/tenantdb-r2r" --nologo -v quiet >"$out/r2r-publish.log" 2>&1; then
  r2r="$out/tenantdb-r2r/tenantdb.dll"
else
  echo "note: the ReadyToRun publish failed (see $out/r2r-publish.log); its rows are skipped." >&2
fi
dotnet publish bench/validate-plan/YamlLoad -c Release -o "$out/yamlload" --nologo -v quiet >/dev/null
bench/validate-plan/generate-stack.sh "$out/large" 10000 50
bench/validate-plan/generate-stack.sh "$out/small" 3 2
tenantdb="$out/tenantdb/tenantdb.dll"

# measure <label> <expected exit code> <command...>: median wall, median CPU (user + sys) and the
# largest peak RSS over $runs runs.
measure() {
  local label=$1 expected=$2
  shift 2
  local walls=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" >"$out/stdout.txt" 2>"$out/stderr.txt"
    local status=$?
    set -e
    if [ "$status" -ne "$expected" ]; then
      echo "error: '$label' exited $status, expected $expected" >&2
      head -20 "$out/stdout.txt" "$out/stderr.txt" >&2
      exit 1
    fi
    read -r wall user system kb < <(tail -1 "$out/time.txt")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
  done
  printf '| %s | %.2f | %.2f | %.0f |\n' "$label" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$((rss / 1024))"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "stack: $(wc -c <"$out/large/Pulumi.bench.yaml") bytes, $(wc -l <"$out/large/Pulumi.bench.yaml") lines; $runs runs each; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| process | wall (s, median) | CPU user+sys (s, median) | peak RSS (MB, max) |"
echo "|---|---|---|---|"
measure "baseline: YamlDotNet YamlStream load of the 10,000-tenant file (plain build)" 0 dotnet "$out/yamlload/YamlLoad.dll" "$out/large/Pulumi.bench.yaml"
for build in plain r2r; do
  dll=$tenantdb
  if [ "$build" = r2r ]; then dll=$r2r; fi
  if [ -z "$dll" ]; then continue; fi
  measure "[$build] baseline: tenantdb --help" 0 dotnet "$dll" --help
  measure "[$build] baseline: tenantdb validate, 3 tenants" 0 dotnet "$dll" validate --stack bench --cwd "$out/small"
  measure "[$build] tenantdb validate, 10,000 tenants" 0 dotnet "$dll" validate --stack bench --cwd "$out/large"
  measure "[$build] tenantdb validate --format json, 10,000 tenants" 0 dotnet "$dll" validate --stack bench --cwd "$out/large" --format json
  measure "[$build] tenantdb plan, 10,000 tenants" 0 dotnet "$dll" plan --stack bench --cwd "$out/large"
  measure "[$build] tenantdb plan --previous (10,000 placements)" 0 dotnet "$dll" plan --stack bench --cwd "$out/large" --previous "$out/large/outputs.json"
done
echo
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
