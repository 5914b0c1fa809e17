#!/usr/bin/env bash
# The stacks a deploy runs, as a JSON array of {stack, qualified} on standard output: the one named
# (`prod`, or `org/prod` for an organisation's stack), else every region stack, i.e. every stack file
# but dev, which lives on local servers.
# Usage: stacks-to-deploy.sh [stack | org/stack]
set -euo pipefail
only=${1:-}
here=$(dirname "$0")

if [ -z "$only" ]; then
  # jq, not `grep -vx dev`: grep fails when nothing is left, and pipefail would fail the step.
  "$here/stack-names.sh" | jq -Rnc '[inputs | select(length > 0 and . != "dev") | {stack: ., qualified: ""}]'
  exit 0
fi
if ! [[ $only =~ ^([A-Za-z0-9_.-]+/)?[A-Za-z0-9_.-]+$ ]]; then
  echo "::error::'$only' is not a stack name: give 'prod' or 'org/prod'." >&2
  exit 2
fi
stack=${only#*/}
if [ ! -f "Pulumi.$stack.yaml" ]; then
  echo "::error::No stack file Pulumi.$stack.yaml for stack '$only'." >&2
  exit 2
fi
if [ "$stack" = dev ]; then
  echo "::error::The dev stack lives on local servers: deploy it with scripts/run.sh, not from GitHub." >&2
  exit 2
fi
qualified=""
if [ "$only" != "$stack" ]; then qualified=$only; fi
jq -nc --arg stack "$stack" --arg qualified "$qualified" '[{stack: $stack, qualified: $qualified}]'
