#!/usr/bin/env bash
# The outputs of a stack's last deploy, without secrets (the plan needs only what it compares), saved to <file>
# by `tenantdb last-deployment`, which reads them through its one gateway to the Pulumi CLI and knows Pulumi's
# answers: this script never reads Pulumi's text itself. It is the workflows' one reader of the last deploy's
# outputs.
# To $GITHUB_OUTPUT: `exists=true` and `file=<file>` when the stack exists in the backend (a stack created
# but never deployed has `{}`); `exists=false` and no `file` when the backend has no such stack, with a
# warning: the deploy never creates a stack. Any other error (login, backend, network, a wrong
# organisation) fails, so the plan never passes its move and removal checks because it could not look.
# Usage: previous-outputs.sh <pulumi stack> <file>
set -euo pipefail
stack=$1
file=$2
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
status=0
tenantdb last-deployment --stack "$stack" --out "$file" --format json > "$answer" || status=$?
if [ "$status" != 0 ]; then
  jq -r '.error // "tenantdb last-deployment gave no answer"' "$answer" >&2 || cat "$answer" >&2
  echo "::error::Could not read the outputs of stack $stack (above), so moved and removed tenants cannot be checked. Fix the Pulumi login, backend or organisation, then rerun." >&2
  exit 1
fi
if [ "$(jq -r '.exists' "$answer")" = true ]; then
  { echo "exists=true"; echo "file=$file"; } >> "$GITHUB_OUTPUT"
  echo "Outputs of the last deploy of $stack read."
else
  echo "exists=false" >> "$GITHUB_OUTPUT"
  echo "Stack $stack does not exist in the Pulumi backend (never deployed): planned without --previous, its first deploy previewed in a scratch backend."
  echo "::warning::Stack $stack does not exist in the Pulumi backend, and a deploy never creates one: after the merge its deploy stops at \`pulumi up\` with \"no stack named '$stack' found\" until someone runs \`pulumi stack init $stack\` with the stack's secrets provider (docs/runbooks/add-a-region.md). If it should exist, check PULUMI_ORG, PULUMI_STACK_NAME and PULUMI_BACKEND_URL."
fi
