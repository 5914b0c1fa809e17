#!/usr/bin/env bash
# The main job: the whole deployment of the dev stack against local PostgreSQL servers.
# Starts the servers Pulumi.dev.yaml declares (127.0.0.1 only), then runs `tenantdb deploy --stack dev`.
# Extra arguments go to deploy, e.g. `scripts/run.sh --yes` or `scripts/run.sh --skip-up`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

# The dev stack's passphrase protects nothing but the local servers; real stacks use their own.
if [ -z "${PULUMI_CONFIG_PASSPHRASE:-}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
  export PULUMI_CONFIG_PASSPHRASE=tenantdb-dev-passphrase
fi

dotnet build src/TenantDatabases.Cli -c Release -nologo -clp:ErrorsOnly -v:quiet
tenantdb() { dotnet src/TenantDatabases.Cli/bin/Release/net10.0/tenantdb.dll "$@"; }

tenantdb dev-servers start --stack dev
tenantdb deploy --stack dev "$@"
