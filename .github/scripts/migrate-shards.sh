#!/usr/bin/env bash
# The migrate jobs of a deploy, as `shards` in $GITHUB_OUTPUT: one job for the whole stack ([{"server": ""}]),
# or one per server that holds tenants when more than <split above> servers do. Read from the JSON of
# `tenantdb plan --format json`, before `pulumi up`, so that nothing after it needs a tool the runner lacks.
# Usage: migrate-shards.sh <plan.json> <split above>
set -euo pipefail
plan=$1
above=$2
if ! [[ $above =~ ^[0-9]+$ ]]; then
  echo "::error::MIGRATE_SPLIT_ABOVE is '$above': give a whole number of servers (default 3)." >&2
  exit 2
fi
shards=$(jq -c --argjson above "$above" '[.servers // [] | .[] | select(.tenantCount > 0) | .name]
  | if length > $above then map({server: .}) else [{server: ""}] end' "$plan")
echo "shards=$shards" >> "$GITHUB_OUTPUT"
echo "Migration shards: $shards"
