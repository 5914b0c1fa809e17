#!/usr/bin/env bash
# A stack the repository has not enabled for deployment (DEPLOY_STACKS, lib/enabled-stacks.sh): validated
# and planned with no secret, no Pulumi backend and no GitHub environment, and the job summary says so.
# Exits non-zero when validate or plan fails.
# Usage: plan-only.sh <stack>
set -euo pipefail
stack=$1
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
status=0
tenantdb validate --stack "$stack" | tee validate.txt || status=$?
if [ "$status" = 0 ]; then
  tenantdb plan --stack "$stack" | tee plan.txt || status=$?
fi
note="Stack $stack is not enabled for deployment (it is not in the repository variable DEPLOY_STACKS), so it was validated and planned only: no secret was read, nothing was compared with its last deploy and nothing was previewed or deployed. To enable it, see docs/deploy.md#enabling-a-stack."
echo "::notice file=Pulumi.$stack.yaml::$note"
{
  echo "### $stack: validated and planned only"
  echo
  echo "$note"
  echo
  echo '```'
  cat validate.txt
  if [ -f plan.txt ]; then cat plan.txt; fi
  echo '```'
} >> "$summary"
exit "$status"
