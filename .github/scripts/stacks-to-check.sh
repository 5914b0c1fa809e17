#!/usr/bin/env bash
# The stacks a pull request checks: every stack when the program, its build or these workflows changed (the
# merge deploys every enabled stack), else each stack whose file the pull request changed and which still
# exists. Written to $GITHUB_OUTPUT as two JSON arrays: `preview`, the stacks enabled in DEPLOY_STACKS
# (validated, planned against their last deploy and previewed with their secrets), and `plan`, every other
# stack (validated and planned only).
# Usage: stacks-to-check.sh <base commit>
# Environment: DEPLOY_STACKS (lib/enabled-stacks.sh).
set -euo pipefail
base=$1
here=$(dirname "$0")
# shellcheck source=lib/enabled-stacks.sh
. "$here/lib/enabled-stacks.sh"

enabled=$(enabled_stacks)
changed=$(git diff --name-only "$base"...HEAD)
program='^(src/|Pulumi\.yaml$|Directory\.[^/]*\.props$|global\.json$|\.github/(actions|scripts)/|\.github/workflows/pull-request\.yml$)'
if grep -Eq "$program" <<< "$changed"; then
  stacks=$("$here/stack-names.sh")
else
  # `if`, not `[ -f ] && echo`: the loop's status is its last command's, and pipefail would fail the
  # step when the last changed stack file was deleted.
  stacks=$(sed -n 's/^Pulumi\.\(.*\)\.yaml$/\1/p' <<< "$changed" | while read -r stack; do
    if [ -f "Pulumi.$stack.yaml" ]; then echo "$stack"; fi
  done)
fi
split=$(split_stacks "$enabled" <<< "$stacks")
preview=$(jq -c .enabled <<< "$split")
plan=$(jq -c .other <<< "$split")
echo "preview=$preview" >> "$GITHUB_OUTPUT"
echo "plan=$plan" >> "$GITHUB_OUTPUT"
echo "Stacks previewed with their secrets (DEPLOY_STACKS): $preview"
echo "Stacks validated and planned only: $plan"
