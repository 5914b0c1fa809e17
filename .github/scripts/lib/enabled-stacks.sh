# shellcheck shell=bash
# The one switch that lets the workflows deploy a stack, and preview it with its secrets: the repository
# variable DEPLOY_STACKS, a JSON array of stack short names (e.g. ["prod", "us-east"]). Every other stack is
# validated and planned only, with no secret, no Pulumi backend and no GitHub environment. Unset or empty: none.
# It is a repository (or organisation) variable because the jobs that read it run before any environment.
# Sourced by stacks-to-check.sh and stacks-to-deploy.sh.

# enabled_stacks: prints each enabled stack on a line; returns 2 with an error line when DEPLOY_STACKS is not
# a JSON array of stack short names, or names dev (which lives on local servers).
enabled_stacks() {
  local value=${DEPLOY_STACKS:-} names bad
  if [ -z "${value//[[:space:]]/}" ]; then
    return 0
  fi
  if ! names=$(jq -r 'if type == "array" and all(.[]; type == "string") then .[] else error("not an array of strings") end' <<< "$value" 2>/dev/null); then
    echo "::error::The repository variable DEPLOY_STACKS is '$value': it must be a JSON array of stack short names, e.g. [\"prod\", \"us-east\"] (docs/deploy.md)." >&2
    return 2
  fi
  bad=$(grep -Ev '^[A-Za-z0-9_.-]+$' <<< "$names" || true)
  if [ -n "$bad" ]; then
    echo "::error::DEPLOY_STACKS names '$(head -n 1 <<< "$bad")', which is not a stack's short name: give the name of its file Pulumi.<stack>.yaml; an organisation goes in PULUMI_ORG or PULUMI_STACK_NAME (docs/deploy.md)." >&2
    return 2
  fi
  if grep -qx dev <<< "$names"; then
    echo "::error::DEPLOY_STACKS names dev, which lives on local servers and is never deployed from GitHub: remove it (scripts/run.sh deploys it)." >&2
    return 2
  fi
  while read -r name; do
    if [ -n "$name" ] && [ ! -f "Pulumi.$name.yaml" ]; then
      echo "::warning::DEPLOY_STACKS names $name, which has no stack file Pulumi.$name.yaml." >&2
    fi
  done <<< "$names"
  sort -u <<< "$names"
}

# split_stacks <enabled list>: reads stack names on standard input and prints a JSON object
# {"enabled": [...], "other": [...]}, each sorted.
split_stacks() {
  local enabled=$1
  jq -Rnc --arg enabled "$enabled" '
    ($enabled | split("\n") | map(select(length > 0))) as $on
    | [inputs | select(length > 0)] | unique
    | {enabled: map(select(. as $s | $on | index($s))), other: map(select(. as $s | $on | index($s) | not))}'
}
