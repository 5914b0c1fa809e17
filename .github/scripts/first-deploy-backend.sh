#!/usr/bin/env bash
# The first deploy of a stack that the Pulumi backend does not have yet, previewed in a scratch file backend
# on the runner: a pull request that adds a region shows what its deploy will create. Creates the stack
# there with the secrets provider its file records (the passphrase's salt, or a cloud KMS key and its
# encrypted data key), so its secrets decrypt as they will in the real backend, and writes `ready=true` to
# $GITHUB_OUTPUT. When no backend but the real one can decrypt them, writes `ready=false` and says why in the
# log and the job summary. A stack that Pulumi refuses to create (a wrong passphrase, a KMS key it may not
# use) fails with Pulumi's message.
# Usage: first-deploy-backend.sh <stack> <folder>   with PULUMI_BACKEND_URL=file://<folder>
set -euo pipefail
stack=$1
folder=$2
file="Pulumi.$stack.yaml"
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
if [ "${PULUMI_BACKEND_URL:-}" != "file://$folder" ]; then
  echo "::error::PULUMI_BACKEND_URL must be file://$folder for the scratch backend, not '${PULUMI_BACKEND_URL:-}'." >&2
  exit 2
fi

cannot() {
  echo "ready=false" >> "$GITHUB_OUTPUT"
  echo "::warning file=$file::The first deploy of stack $stack cannot be previewed: $1"
  { echo "### $stack: first deploy not previewed"; echo; echo "$1"; } >> "$summary"
  exit 0
}

# The provider as the stack file records it: `secretsprovider:` (quotes removed), else a passphrase salt.
provider=$(sed -n 's/^secretsprovider:[[:space:]]*//p' "$file" | sed 's/^["'\'']//; s/["'\'']\{0,1\}[[:space:]]*$//')
if grep -Eq '^encryptionsalt:' "$file" && { [ -z "$provider" ] || [ "$provider" = passphrase ]; }; then
  provider=passphrase
elif [ -n "$provider" ] && [ "$provider" != passphrase ] && grep -Eq '^encryptedkey:' "$file"; then
  : # a cloud KMS key: stack init reuses the encrypted data key the file holds
elif [ -n "$provider" ]; then
  cannot "$file names the secrets provider $provider but holds no encrypted data key (\`encryptedkey:\`), so its secrets were encrypted by a stack that the backend does not have. Create the stack in the backend (\`pulumi stack init $stack --secrets-provider '$provider'\`) and set its passwords again, then rerun this check."
else
  cannot "$file has neither a passphrase salt (\`encryptionsalt:\`) nor a cloud secrets provider, so its secrets were encrypted by Pulumi Cloud for a stack that the backend does not have, and nothing else can decrypt them. Create the stack (\`pulumi stack init <org>/$stack\`) and set its passwords again, then rerun this check."
fi

mkdir -p "$folder"
pulumi stack init "$stack" --secrets-provider "$provider" --non-interactive
echo "ready=true" >> "$GITHUB_OUTPUT"
echo "Stack $stack created in the scratch backend $PULUMI_BACKEND_URL (secrets provider: ${provider%%\?*}): its first deploy is previewed there."
{ echo "### $stack: first deploy previewed in a scratch backend"; echo;
  echo "The Pulumi backend has no stack $stack yet, so the preview below ran against an empty stack on the runner: it shows everything the first deploy would create. The deploy itself needs the stack in the backend first (\`pulumi stack init\`, docs/runbooks/add-a-region.md)."; } >> "$summary"
