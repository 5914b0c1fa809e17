#!/usr/bin/env bash
# The outputs of a stack's last deploy (`pulumi stack output --json`, not secret: the plan needs only what
# it compares), written to <file>. This is the workflows' one reader of the last deploy's outputs: a step
# that runs it can be swapped for another reader that keeps these outputs.
# To $GITHUB_OUTPUT: `exists=true` and `file=<file>` when the stack exists in the backend (a stack created
# but never deployed has `{}`); `exists=false` and no `file` when the backend has no such stack, with a
# warning: the deploy never creates a stack. Any other error (login, backend, network, a wrong
# organisation) fails, so the plan never passes its move and removal checks because it could not look.
# Usage: previous-outputs.sh <pulumi stack> <file>
set -euo pipefail
stack=$1
file=$2
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
if pulumi stack output --json --non-interactive --stack "$stack" > "$file" 2> "$errors"; then
  { echo "exists=true"; echo "file=$file"; } >> "$GITHUB_OUTPUT"
  echo "Outputs of the last deploy of $stack read."
elif grep -Eq "no stack named '[^']+' found" "$errors"; then
  rm -f "$file"
  echo "exists=false" >> "$GITHUB_OUTPUT"
  echo "Stack $stack does not exist in the Pulumi backend (never deployed): planned without --previous, its first deploy previewed in a scratch backend."
  echo "::warning::Stack $stack does not exist in the Pulumi backend, and a deploy never creates one: after the merge its deploy stops at \`pulumi up\` with \"no stack named '$stack' found\" until someone runs \`pulumi stack init $stack\` with the stack's secrets provider (docs/runbooks/add-a-region.md). If it should exist, check PULUMI_ORG, PULUMI_STACK_NAME and PULUMI_BACKEND_URL."
else
  cat "$errors" >&2
  echo "::error::Could not read the outputs of stack $stack (above), so moved and removed tenants cannot be checked. Fix the Pulumi login, backend or organisation, then rerun." >&2
  exit 1
fi
