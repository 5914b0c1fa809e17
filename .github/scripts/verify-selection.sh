#!/usr/bin/env bash
# The tenants verify checks after migrate: every tenant of the stack but those that migrate failed, read
# from each migrate job's report (`status: failed`); a failed tenant is already reported by migrate, and
# verify would only fail it again. A shard whose report is missing (its job stopped before writing one) is
# verified whole. Writes the ids to <file>, one a line, and `scope` to $GITHUB_OUTPUT: `all` (the file is
# empty: no tenant failed), `some` or `none` (every tenant failed).
# Usage: verify-selection.sh <stack> <shards JSON> <reports folder> <plan.json> <file>
set -euo pipefail
stack=$1
shards=$2
reports=$3
plan=$4
out=$5
failed=$(mktemp)
trap 'rm -f "$failed"' EXIT
for shard in $(jq -r '.[] | if .server == "" then "all" else .server end' <<< "$shards"); do
  report="$reports/migrate-$stack-$shard.json"
  if [ -f "$report" ]; then
    jq -r '.tenants // [] | .[] | select(.status == "failed") | .tenant' "$report" >> "$failed"
  else
    echo "::warning::No migrate report for stack $stack, shard $shard (its job stopped before writing one): its tenants are verified as they are."
  fi
done
jq -r --rawfile failed "$failed" '($failed | split("\n") | map(select(length > 0))) as $skip
  | .tenants // [] | map(.id) | map(select(. as $id | $skip | index($id) | not)) | .[]' "$plan" > "$out"
total=$(jq '.tenants // [] | length' "$plan")
kept=$(grep -c . "$out" || true)
if [ "$kept" = "$total" ]; then
  : > "$out"
  scope=all
  echo "Migrate failed no tenant: verify checks all $total."
elif [ "$kept" = 0 ]; then
  scope=none
  echo "::notice::Migrate failed every tenant of stack $stack: there is nothing for verify to check (the migrate reports name each failure)."
else
  scope=some
  echo "Verify checks $kept of $total tenants; it leaves out those migrate failed: $(sort -u "$failed" | paste -sd, -)."
fi
echo "scope=$scope" >> "$GITHUB_OUTPUT"
