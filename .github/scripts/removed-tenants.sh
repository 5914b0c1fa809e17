#!/usr/bin/env bash
# A pull request that removes a tenant says so with the label `retire-tenant`. Which tenants are removed is
# decided by `tenantdb plan --previous` alone (Fleet's PlanComparison, which also refuses a move and the
# removal of a tenant the last deploy protected): this reads the `removed` changes of its JSON report.
# Usage: removed-tenants.sh <plan.json>   Environment: STACK, ALLOW_RETIRE (true when the label is set).
set -euo pipefail
report=$1
removed=$(jq -c '[.changes // [] | .[] | select(.kind == "removed") | .tenantId]' "$report")
if [ "$removed" = "[]" ]; then
  echo "No tenant is removed from stack $STACK."
elif [ "${ALLOW_RETIRE:-false}" = true ]; then
  echo "::warning file=Pulumi.$STACK.yaml::Tenants retired (label retire-tenant): $removed"
else
  echo "::error file=Pulumi.$STACK.yaml::Tenants removed: $removed. If that is intended, add the label retire-tenant (docs/runbooks/retire-a-tenant.md)." >&2
  exit 1
fi
