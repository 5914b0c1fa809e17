#!/usr/bin/env bash
# Fails closed unless the GitHub environment <environment>, a stack's approval gate, requires approval by at
# least one reviewer. GitHub creates an environment that a workflow names and nobody created, with no rules,
# so a gate nobody set up passes with no human; this is asked of GitHub's REST API
# (GET /repos/{owner}/{repo}/environments/{name}) before `pulumi up`. The job's token needs `actions: read`.
# Usage: approval-check.sh <environment>   Environment: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL.
set -euo pipefail
environment=$1
api=${GITHUB_API_URL:-https://api.github.com}
stop() {
  echo "::error::Deploy stopped before pulumi up: $1" >&2
  exit 1
}
body=$(mktemp)
trap 'rm -f "$body"' EXIT
name=$(jq -rn --arg name "$environment" '$name | @uri')
if ! status=$(curl -sS -o "$body" -w '%{http_code}' \
    -H "Authorization: Bearer ${GITHUB_TOKEN:-}" -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28" \
    "$api/repos/$GITHUB_REPOSITORY/environments/$name"); then
  stop "GitHub's API ($api) could not be reached to check that environment $environment requires a reviewer."
fi
case "$status" in
  200) ;;
  404) stop "environment $environment does not exist. Create it under Settings → Environments with required reviewers (docs/deploy.md)." ;;
  401 | 403) stop "the job's token may not read environment $environment (HTTP $status): the calling job needs \`permissions: actions: read\`." ;;
  *) stop "GitHub's API answered HTTP $status for environment $environment: $(head -c 300 "$body")" ;;
esac
reviewers=$(jq -r '[.protection_rules // [] | .[] | select(.type == "required_reviewers") | .reviewers // [] | .[]
  | .reviewer | (.login // .slug // .name // "?")] | join(", ")' "$body")
if [ -z "$reviewers" ]; then
  stop "environment $environment has no required reviewers, so nobody approved this deploy (GitHub creates an environment a workflow names with no rules). Add required reviewers to it under Settings → Environments (docs/deploy.md)."
fi
echo "Environment $environment requires approval by one of: $reviewers."
if [ "$(jq -r '.can_admins_bypass // false' "$body")" = true ]; then
  echo "::notice::Administrators may bypass the reviewers of $environment (its setting \"Allow administrators to bypass configured protection rules\")."
fi
