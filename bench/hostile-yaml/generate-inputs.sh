#!/usr/bin/env bash
# Writes one Pulumi project per case into <dir>/<case>/ (Pulumi.yaml and Pulumi.bench.yaml): the
# hostile stack files of issue 12 and the valid baselines they are compared with.
#   laughs          ~20 lines: ten levels of anchors under a tenant, each a flow mapping of ten aliases
#                   of the level below (10^10 scalars if expanded: the "billion laughs")
#   flow-sequences  the same under a server, each level a flow sequence of ten aliases
#   alias-keys      each level a sequence of ten one-entry mappings whose key is an alias of the level below
#   merge-keys      each level merges the level below (<<: *name) and adds nine aliases of it
#   five-by-100     five levels, each a flow sequence of 100 aliases of the level below (100^5)
#   block-style     the billion laughs written in block style, one alias per line (about 120 lines)
#   deep-alias      the valid 10,000-tenant stack with one harmless anchor and alias on its last two tenants
#   over-bound      a valid-looking stack of 100,000 tenants padded to 4 MiB + 1 byte
#   nine-mb         the same padded to 9,000,000 bytes
#   at-bound        the same padded to exactly 4 MiB: the largest file read (valid, 100,000 tenants)
#   dev             baseline: the repository's Pulumi.dev.yaml and Pulumi.yaml, copied
#   large           baseline: the valid, alias-free 10,000-tenant stack of bench/validate-plan
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir=$1
bound=$((4 * 1024 * 1024))
mkdir -p "$dir"

project() { mkdir -p "$dir/$1" && printf 'name: tenant-databases\nruntime: dotnet\n' >"$dir/$1/Pulumi.yaml"; }
stack() { printf '%s\n' "$dir/$1/Pulumi.bench.yaml"; }

# repeat <text> <count> <separator>
repeat() { local out=$1 i; for ((i = 1; i < $2; i++)); do out+="$3$1"; done; printf '%s' "$out"; }
keyed() { local out="" i keys=(a b c d e f g h i j); for ((i = 0; i < $2; i++)); do out+="${out:+, }${keys[i]}: $1"; done; printf '%s' "$out"; }

head_lines() {
  printf '# A stack file from a pull request: ten levels of YAML aliases, each repeating the one below ten times.\n'
  printf 'config:\n  tenant-databases:servers:\n    eu:\n      host: pg.eu.internal\n      region: eu\n      default: true\n'
}

project laughs
{
  head_lines
  printf '  tenant-databases:tenants:\n    acme:\n      server: eu\n'
  printf '      l0: &l0 {%s}\n' "$(keyed lol 10)"
  for level in 1 2 3 4 5 6 7 8 9; do printf '      l%d: &l%d {%s}\n' "$level" "$level" "$(keyed "*l$((level - 1))" 10)"; done
} >"$(stack laughs)"

project flow-sequences
{
  head_lines
  printf '      l0: &l0 [%s]\n' "$(repeat lol 10 ', ')"
  for level in 1 2 3 4 5 6 7 8 9; do printf '      l%d: &l%d [%s]\n' "$level" "$level" "$(repeat "*l$((level - 1))" 10 ', ')"; done
  printf '  tenant-databases:tenants:\n    acme:\n      server: eu\n'
} >"$(stack flow-sequences)"

project alias-keys
{
  head_lines
  printf '  tenant-databases:tenants:\n    acme:\n      server: eu\n'
  printf '      l0: &l0 [%s]\n' "$(repeat lol 10 ', ')"
  for level in 1 2 3 4 5 6 7 8 9; do
    items=""
    for item in 0 1 2 3 4 5 6 7 8 9; do items+="${items:+, }{*l$((level - 1)) : $item}"; done
    printf '      l%d: &l%d [%s]\n' "$level" "$level" "$items"
  done
} >"$(stack alias-keys)"

project merge-keys
{
  head_lines
  printf '  tenant-databases:tenants:\n    acme:\n      server: eu\n'
  printf '      l0: &l0 {%s}\n' "$(keyed lol 10)"
  for level in 1 2 3 4 5 6 7 8 9; do
    printf '      l%d: &l%d {<<: *l%d, %s}\n' "$level" "$level" "$((level - 1))" "$(keyed "*l$((level - 1))" 9 | sed "s/\([a-i]\): /\1$level: /g")"
  done
} >"$(stack merge-keys)"

project five-by-100
{
  head_lines
  printf '  tenant-databases:tenants:\n    acme:\n      server: eu\n'
  printf '      l0: &l0 [%s]\n' "$(repeat lol 100 ', ')"
  for level in 1 2 3 4; do printf '      l%d: &l%d [%s]\n' "$level" "$level" "$(repeat "*l$((level - 1))" 100 ', ')"; done
} >"$(stack five-by-100)"

project block-style
{
  head_lines
  printf '  tenant-databases:tenants:\n    acme:\n      server: eu\n      l0: &l0\n'
  for item in 0 1 2 3 4 5 6 7 8 9; do printf '        - lol\n'; done
  for level in 1 2 3 4 5 6 7 8 9; do
    printf '      l%d: &l%d\n' "$level" "$level"
    for item in 0 1 2 3 4 5 6 7 8 9; do printf '        - *l%d\n' "$((level - 1))"; done
  done
} >"$(stack block-style)"

"$repo/bench/validate-plan/generate-stack.sh" "$dir/large" 10000 50
rm "$dir/large/outputs.json"

# The last two tenants share their server through an anchor and an alias; nothing else differs.
project deep-alias
sed -e '/^    shop-09999:$/{n;s/server: \(.*\)/server: \&last \1/}' -e '/^    shop-10000:$/{n;s/server: .*/server: *last/}' \
  "$(stack large)" >"$(stack deep-alias)"

mkdir -p "$dir/dev"
cp "$repo/Pulumi.yaml" "$dir/dev/Pulumi.yaml"
cp "$repo/Pulumi.dev.yaml" "$dir/dev/Pulumi.bench.yaml"

# pad <case> <bytes>: the 100,000-tenant stack followed by comment lines up to exactly <bytes>.
"$repo/bench/validate-plan/generate-stack.sh" "$dir/huge" 100000 100
pad() {
  project "$1"
  local target=$2 file
  file=$(stack "$1")
  cp "$(stack huge)" "$file"
  local size
  size=$(wc -c <"$file")
  awk -v missing=$((target - size)) 'BEGIN {
    while (missing > 81) { printf "# %078d\n", 0; missing -= 81 }
    if (missing == 1) print ""
    else if (missing > 1) { line = "#"; while (length(line) < missing - 1) line = line " "; print line }
  }' >>"$file"
  [ "$(wc -c <"$file")" -eq "$target" ] || { echo "error: $file is not $target bytes" >&2; exit 1; }
}
pad at-bound "$bound"
pad over-bound $((bound + 1))
pad nine-mb 9000000
rm -rf "$dir/huge"
