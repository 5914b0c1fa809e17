#!/usr/bin/env bash
# The name Pulumi knows a stack by, written to $GITHUB_OUTPUT as `pulumi-stack` and `org`: the fully
# qualified name given (a deploy's input, else the variable PULUMI_STACK_NAME), else
# <PULUMI_ORG>/<stack> when a default organisation is set, else the stack's own name.
# Usage: pulumi-stack.sh <stack> [org/stack]
# Environment: PULUMI_STACK_NAME, PULUMI_ORG (either may be empty).
set -euo pipefail
stack=$1
qualified=${2:-}
if [ -z "$qualified" ]; then qualified=${PULUMI_STACK_NAME:-}; fi
if [ -z "$qualified" ] && [ -n "${PULUMI_ORG:-}" ]; then qualified="$PULUMI_ORG/$stack"; fi

org=""
if [ -n "$qualified" ]; then
  if ! [[ $qualified =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || [ "${qualified#*/}" != "$stack" ]; then
    echo "::error::'$qualified' is not the organisation stack of Pulumi.$stack.yaml: give '<org>/$stack' (PULUMI_STACK_NAME, PULUMI_ORG or the deploy's input)." >&2
    exit 2
  fi
  org=${qualified%%/*}
fi
echo "pulumi-stack=${qualified:-$stack}" >> "$GITHUB_OUTPUT"
echo "org=$org" >> "$GITHUB_OUTPUT"
echo "Stack $stack is ${qualified:-$stack} in Pulumi${org:+ (organisation $org)}."
