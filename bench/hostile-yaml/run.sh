#!/usr/bin/env bash
# Benchmark of issue 12's hostile stack files: `tenantdb validate` (and `plan`, `add-tenant`) on the
# ~20-line "billion laughs" file and its variants, on a file just over the 4 MiB bound and on a 9 MB
# file, each as a whole process (wall, CPU user + sys, peak RSS from /usr/bin/time; exit code; first
# line of output). Side by side, in the same rounds, the baselines: `validate` of the repository's own
# Pulumi.dev.yaml (a file of comparable length) and of a valid, alias-free 10,000-tenant stack; and, for
# reference, the largest file the bound lets through (exactly 4 MiB, 100,000 valid tenants).
# Then the read alone, in one warm process (StackFileParse), to separate process start-up from parsing.
# Goal: every hostile case answers in under 1 s and under 100 MB with a problem line, exit 1 (the size
# bound: exit 2). Not part of the test run; writes only under bench/out/hostile-yaml.
# Usage: bench/hostile-yaml/run.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
out=bench/out/hostile-yaml
rm -rf "$out" && mkdir -p "$out/results"

if [ ! -x /usr/bin/time ]; then
  apt-get install -y -qq time >/dev/null
fi

echo "building tenantdb (Release) and StackFileParse..." >&2
build() { "$@" --nologo -v quiet >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }; }
build dotnet build src/TenantDatabases.Cli -c Release
build dotnet publish bench/hostile-yaml/StackFileParse -c Release -o "$out/parse"
tenantdb=src/TenantDatabases.Cli/bin/Release/net10.0/tenantdb.dll
in=$out/in
bench/hostile-yaml/generate-inputs.sh "$in"

# key | label | command | expected exit | goal applies (yes/no/baseline)
cases=(
  "dev|baseline: Pulumi.dev.yaml (valid)|validate|0|baseline"
  "large|baseline: 10,000 tenants, no aliases (valid)|validate|0|baseline"
  "laughs|billion laughs: 10 levels x 10, flow mappings, under a tenant|validate|1|yes"
  "laughs|billion laughs, \`plan\`|plan|1|yes"
  "laughs|billion laughs, \`add-tenant\`|add-tenant|1|yes"
  "flow-sequences|flow sequences of aliases, 10 x 10, under a server|validate|1|yes"
  "alias-keys|aliases as keys, 10 x 10|validate|1|yes"
  "merge-keys|merge keys (<<: *l), 10 levels|validate|1|yes"
  "five-by-100|5 levels x 100 aliases|validate|1|yes"
  "block-style|billion laughs in block style, one alias a line|validate|1|yes"
  "deep-alias|one harmless alias at the end of the 10,000-tenant stack|validate|1|yes"
  "over-bound|4 MiB + 1 byte (100,000 tenants, padded)|validate|2|yes"
  "nine-mb|9,000,000 bytes|validate|2|yes"
  "at-bound|reference: exactly 4 MiB, 100,000 valid tenants (read)|validate|0|no"
)

# One round runs every case once, so a change in the machine's load falls on all of them alike.
for round in $(seq "$rounds"); do
  for index in "${!cases[@]}"; do
    IFS='|' read -r key _ command _ _ <<<"${cases[index]}"
    dir=$in/$key
    args=(validate --stack bench --cwd "$dir")
    case $command in
      plan) args=(plan --stack bench --cwd "$dir") ;;
      add-tenant)
        rm -rf "$out/scratch" && cp -r "$dir" "$out/scratch"
        args=(add-tenant newco --stack bench --cwd "$out/scratch") ;;
    esac
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" dotnet "$tenantdb" "${args[@]}" >"$out/output.txt" 2>&1
    status=$?
    set -e
    echo "$status $(tail -1 "$out/time.txt")" >>"$out/results/$index"
    if [ "$round" -eq 1 ]; then head -1 "$out/output.txt" >"$out/results/$index.line"; fi
    if [ "$command" = add-tenant ] && ! cmp -s "$dir/Pulumi.bench.yaml" "$out/scratch/Pulumi.bench.yaml"; then
      echo "changed" >"$out/results/$index.changed"
    fi
  done
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "$rounds rounds; $(nproc) cores; load average after the process runs $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| case | file | command | exit | wall (s, median; max) | CPU user+sys (s, median) | peak RSS (MB, max) | first line of output | goal |"
echo "|---|---|---|---|---|---|---|---|---|"
for index in "${!cases[@]}"; do
  IFS='|' read -r key label command expected goal <<<"${cases[index]}"
  file=$in/$key/Pulumi.bench.yaml
  walls=() cpus=() statuses=() rss=0
  while read -r status wall user system kb; do
    statuses+=("$status") walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
  done <"$out/results/$index"
  exits=$(printf '%s\n' "${statuses[@]}" | sort -u | paste -sd/)
  max_wall=$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)
  line=$(sed -e "s#$in/##" -e "s#$out/##" -e 's/ Fix: .*//' -e 's/|/\\|/g' "$out/results/$index.line")
  if [ ${#line} -gt 110 ]; then line="${line:0:110}…"; fi
  verdict=$goal
  if [ "$goal" = yes ]; then
    verdict="met"
    if [ "$exits" != "$expected" ] || [ -z "$line" ] || [ -e "$out/results/$index.changed" ] ||
       awk -v w="$max_wall" 'BEGIN { exit !(w >= 1.0) }' || [ "$rss" -ge $((100 * 1024)) ]; then
      verdict="**not met**"
    fi
  elif [ "$exits" != "$expected" ]; then
    verdict="$goal, **exit $exits, expected $expected**"
  fi
  printf '| %s | %s lines; %s bytes | %s | %s | %.2f; %.2f | %.2f | %.0f | %s | %s |\n' "$label" \
    "$(wc -l <"$file")" "$(wc -c <"$file")" "$command" "$exits" "$(median "${walls[@]}")" "$max_wall" \
    "$(median "${cpus[@]}")" "$((rss / 1024))" "\`$line\`" "$verdict"
done

echo
parse_rounds=$((rounds * 4))
echo "The read alone, in one warm process ($parse_rounds reads of each file after one untimed read):"
echo
parse_args=()
for key in dev large laughs flow-sequences alias-keys merge-keys five-by-100 block-style deep-alias over-bound nine-mb at-bound; do
  parse_args+=("$key=$in/$key/Pulumi.bench.yaml")
done
dotnet "$out/parse/StackFileParse.dll" "$parse_rounds" "${parse_args[@]}"
echo
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
