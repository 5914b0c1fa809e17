#!/usr/bin/env bash
# The main job: the whole deployment of the dev stack against local PostgreSQL servers.
# Starts the servers Pulumi.dev.yaml declares (127.0.0.1 only), then runs `tenantdb deploy --stack dev`.
# Extra arguments go to deploy, e.g. `scripts/run.sh --yes` or `scripts/run.sh --skip-up`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

# The dev stack's passphrase protects nothing but the local servers; real stacks use their own.
# It reaches Pulumi and tenantdb through the environment only, never on a command line.
if [ -z "${PULUMI_CONFIG_PASSPHRASE:-}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
  export PULUMI_CONFIG_PASSPHRASE=tenantdb-dev-passphrase
fi

# Pulumi's own serverless state, in a git-ignored folder of this repository, unless a backend is chosen:
# a newcomer needs no Pulumi account and no `pulumi login` to deploy the dev stack.
if [ -z "${PULUMI_BACKEND_URL:-}" ]; then
  mkdir -p .pulumi-state
  export PULUMI_BACKEND_URL="file://$PWD/.pulumi-state"
fi
export PULUMI_SKIP_UPDATE_CHECK=true

dotnet build src/TenantDatabases.Cli -c Release -nologo -clp:ErrorsOnly -v:quiet
tenantdb() { dotnet src/TenantDatabases.Cli/bin/Release/net10.0/tenantdb.dll "$@"; }

tenantdb dev-servers start --stack dev
# --create-stack for dev only: any other stack is created only where an operator asks for it.
# (With --skip-up, `pulumi up` runs elsewhere and the stack must exist already.)
create=(--create-stack)
for argument in "$@"; do
  if [ "$argument" = --skip-up ]; then create=(); fi
done
tenantdb deploy --stack dev "${create[@]}" "$@"
