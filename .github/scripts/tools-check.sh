#!/usr/bin/env bash
# Stops a job at its start when the runner lacks a program that a later step needs, so that a deploy never
# changes infrastructure with `pulumi up` and then fails for want of a tool. Prints every missing one.
# Usage: tools-check.sh <program>...
set -euo pipefail
missing=()
for program in "$@"; do
  if ! command -v "$program" >/dev/null 2>&1; then missing+=("$program"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "::error::This runner lacks ${missing[*]}, which the job needs (docs/deploy.md lists what a self-hosted runner needs). Nothing has been changed." >&2
  exit 1
fi
echo "Tools present: $*."
