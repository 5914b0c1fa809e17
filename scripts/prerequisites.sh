#!/usr/bin/env bash
# Makes sure this machine has what the build, the tests and the local servers need:
# the .NET SDK (which cannot be installed from here) and PostgreSQL's server programs.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed (dotnet is not on PATH). Install it, then run this again." >&2
  exit 2
fi

have_postgres() {
  [ -n "${TENANTDB_PG_BINDIR:-}" ] && [ -x "${TENANTDB_PG_BINDIR}/initdb" ] && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  command -v initdb >/dev/null 2>&1
}

if ! have_postgres; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL server programs (Debian package postgresql)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  else
    echo "error: PostgreSQL server programs (initdb, pg_ctl) not found. Install them with" >&2
    echo "       'sudo apt-get install postgresql', or set TENANTDB_PG_BINDIR to their folder." >&2
    exit 2
  fi
fi

# The runbook scripts (scripts/runbooks) read saved stack outputs with jq, or python3 where jq is missing.
if ! command -v jq >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing jq (the runbook scripts read stack outputs with it)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq jq >/dev/null
  else
    echo "error: neither jq nor python3 is installed; the runbook scripts need one. Install jq ('sudo apt-get install jq')." >&2
    exit 2
  fi
fi
