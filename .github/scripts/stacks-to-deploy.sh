#!/usr/bin/env bash
# The stacks a deploy runs, written to $GITHUB_OUTPUT as `deploy`, a JSON array of {stack, qualified}, and
# `plan`, a JSON array of names. With no argument: every region stack (every stack file but dev, which lives
# on local servers), deployed when DEPLOY_STACKS enables it and otherwise only validated and planned. With
# one (`prod`, or `org/prod` for an organisation's stack): that stack, which must be enabled.
# Usage: stacks-to-deploy.sh [stack | org/stack]
# Environment: DEPLOY_STACKS (lib/enabled-stacks.sh).
set -euo pipefail
only=${1:-}
here=$(dirname "$0")
# shellcheck source=lib/enabled-stacks.sh
. "$here/lib/enabled-stacks.sh"

enabled=$(enabled_stacks)
if [ -z "$only" ]; then
  # jq, not `grep -vx dev`: grep fails when nothing is left, and pipefail would fail the step.
  split=$("$here/stack-names.sh" | jq -R 'select(. != "dev")' -r | split_stacks "$enabled")
  deploy=$(jq -c '.enabled | map({stack: ., qualified: ""})' <<< "$split")
  plan=$(jq -c .other <<< "$split")
else
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
  if ! grep -qx -- "$stack" <<< "$enabled"; then
    echo "::error::Stack $stack is not enabled for deployment: add \"$stack\" to the repository variable DEPLOY_STACKS, after creating its environments $stack and $stack-approval (docs/deploy.md)." >&2
    exit 2
  fi
  qualified=""
  if [ "$only" != "$stack" ]; then qualified=$only; fi
  deploy=$(jq -nc --arg stack "$stack" --arg qualified "$qualified" '[{stack: $stack, qualified: $qualified}]')
  plan="[]"
fi
echo "deploy=$deploy" >> "$GITHUB_OUTPUT"
echo "plan=$plan" >> "$GITHUB_OUTPUT"
echo "Stacks to deploy (DEPLOY_STACKS): $deploy"
echo "Stacks validated and planned only: $plan"
