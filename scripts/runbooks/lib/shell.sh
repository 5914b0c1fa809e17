# Shared by the runbook scripts: errors, required programs and umask. Sourced, never run.
# Exit codes as tenantdb's: 0 done, 1 refused or a step failed, 2 usage error.

# Files made from here on (dumps, lists) are readable by their owner only.
umask 077

die() {
  echo "error: $*" >&2
  exit 1
}

usage_error() {
  echo "error: $*" >&2
  echo "run '$(basename "$0") --help' for the usage." >&2
  exit 2
}

require_programs() {
  local program missing=()
  for program in "$@"; do
    command -v "$program" >/dev/null 2>&1 || missing+=("$program")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "error: ${missing[*]} not found on PATH. Install the PostgreSQL client programs (13 or later, not" >&2
    echo "       older than the servers), e.g. 'apt-get install postgresql-client', or put their folder first on PATH." >&2
    exit 2
  fi
}

# The value after an option, or a usage error naming the option.
option_value() {
  [ "$#" -ge 2 ] && [ -n "$2" ] && [ "${2#--}" = "$2" ] || usage_error "$1 needs a value."
  printf '%s' "$2"
}
