#!/usr/bin/env bash
# The stacks a pull request checks, as a JSON array on standard output: every stack when the program,
# its build or these workflows changed (the merge runs `pulumi up` on every region), else each stack
# whose file the pull request changed and which still exists.
# Usage: stacks-to-check.sh <base commit>
set -euo pipefail
base=$1
here=$(dirname "$0")

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
jq -Rnc '[inputs | select(length > 0)] | unique' <<< "$stacks"
