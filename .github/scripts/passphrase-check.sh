#!/usr/bin/env bash
# Stops a job early when the stack keeps its secrets with a passphrase and PULUMI_CONFIG_PASSPHRASE is
# empty: a secret that does not exist reaches the job as "", Pulumi then uses the empty passphrase and
# ignores PULUMI_CONFIG_PASSPHRASE_FILE, and every decrypt fails with "incorrect passphrase".
# Usage: passphrase-check.sh <stack> <environment>
set -euo pipefail
stack=$1
environment=$2
file="Pulumi.$stack.yaml"
# A salt with no secretsprovider key, or the key `passphrase`, is the passphrase provider.
uses_passphrase() {
  grep -Eq '^encryptionsalt:' "$file" || return 1
  ! grep -Eq '^secretsprovider:' "$file" || grep -Eq '^secretsprovider:[[:space:]]*passphrase[[:space:]]*$' "$file"
}
if ! uses_passphrase; then
  exit 0
fi
if [ -z "${PULUMI_CONFIG_PASSPHRASE:-}" ]; then
  echo "::error file=$file::Stack $stack keeps its secrets with a passphrase, and PULUMI_CONFIG_PASSPHRASE is empty: add the secret PULUMI_CONFIG_PASSPHRASE to the GitHub environment '$environment' (a missing secret arrives as \"\", which Pulumi uses as the passphrase, ignoring PULUMI_CONFIG_PASSPHRASE_FILE)." >&2
  exit 1
fi
