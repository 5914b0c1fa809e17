#!/usr/bin/env bash
# The outputs of a stack's last deploy (`pulumi stack output --json`, not secret: the plan needs only
# `placements`), written to <file> with `file=<file>` in $GITHUB_OUTPUT. A stack that does not exist
# yet has no outputs and writes no `file`; any other error (login, backend, network, a wrong
# organisation) fails, so the move and drop guard never passes because it could not look.
# Usage: previous-outputs.sh <pulumi stack> <file>
set -euo pipefail
stack=$1
file=$2
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
if pulumi stack output --json --non-interactive --stack "$stack" > "$file" 2> "$errors"; then
  echo "file=$file" >> "$GITHUB_OUTPUT"
  echo "Outputs of the last deploy of $stack read."
elif grep -Eq "no stack named '[^']+' found" "$errors"; then
  rm -f "$file"
  echo "Stack $stack does not exist yet (never deployed): planning without --previous."
else
  cat "$errors" >&2
  echo "::error::Could not read the outputs of stack $stack (above), so moved and dropped tenants cannot be checked. Fix the Pulumi login, backend or organisation, then rerun." >&2
  exit 1
fi
