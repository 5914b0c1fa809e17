# shellcheck shell=bash
# Whether the test command runs the end-to-end test (tests/TenantDatabases.EndToEnd.Tests): sourced by
# scripts/test.sh, and run on its own by tests/TenantDatabases.Cli.Tests/Workflows.
#
# The test runs where the Pulumi packages restore and the Pulumi CLI is on PATH; elsewhere it is skipped with
# one SKIPPED line. With TENANTDB_REQUIRE_E2E=1 (set by .github/workflows/test.yml) a skip is a failure
# instead: a runner that lost its Pulumi CLI must not turn the job green without the test.

# end_to_end_gate <yes|no>: the argument says whether the Pulumi packages restored.
# Returns 0 when the test can run; 1 when it is skipped (its SKIPPED line printed); 2 when it is required
# but cannot run, or TENANTDB_REQUIRE_E2E has a value other than 0 or 1 (an error line on standard error).
end_to_end_gate() {
  local packages=$1 require=${TENANTDB_REQUIRE_E2E:-0} reason where
  if [ "$require" != 0 ] && [ "$require" != 1 ]; then
    echo "error: TENANTDB_REQUIRE_E2E is '$require': set it to 1 (the end-to-end test must run) or 0, or leave it unset." >&2
    return 2
  fi
  if [ "$packages" != yes ]; then
    reason="the Pulumi program cannot be built here (the feed lacks the Pulumi packages)"
    where="it runs where they restore and the Pulumi CLI is on PATH"
  elif ! command -v pulumi >/dev/null 2>&1; then
    reason="the Pulumi CLI is not on PATH"
    where="it runs where it is (the test workflow installs it)"
  else
    return 0
  fi
  if [ "$require" = 1 ]; then
    echo "error: TENANTDB_REQUIRE_E2E=1, and TenantDatabases.EndToEnd.Tests cannot run: $reason. Install what it needs, or unset TENANTDB_REQUIRE_E2E to allow the skip." >&2
    return 2
  fi
  echo "SKIPPED TenantDatabases.EndToEnd.Tests: $reason; $where."
  return 1
}
