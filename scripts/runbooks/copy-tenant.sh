#!/usr/bin/env bash
# Copies a tenant's data into a new, empty tenant on another server, and proves the copy complete. The
# steps of docs/runbooks/move-a-tenant.md: the source is made read-only first and kept as it is.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/shell.sh
source "$here/lib/shell.sh"
# shellcheck source=lib/outputs.sh
source "$here/lib/outputs.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"

usage() {
  cat <<'EOF'
usage: copy-tenant.sh --outputs FILE --from ID --to ID [--work-dir DIR]

Copies tenant --from into tenant --to (deployed and migrated, still empty), as each tenant's owner role:
  1. refuses unless both journals (tenantdb.schema_journal) hold the same scripts and --to holds no rows
     outside the journal (so swapped ids can never overwrite data);
  2. makes --from read-only for every new session (ALTER DATABASE ... SET default_transaction_read_only
     = on) and ends its sessions of the owner role; refuses while sessions of other roles remain;
  3. pg_dump --format=custom --no-owner --no-acl of --from into a temporary file in DIR, checked with
     pg_restore --list;
  4. pg_restore --clean --if-exists --no-owner --no-acl --single-transaction into --to;
  5. compares the row count of every table, --from against --to: any difference fails.
The dump file is deleted at the end, whatever happened. --from stays read-only and is never changed
otherwise: after a failure, fix the cause and run again; to give up the move instead, make it writable
again: psql -c 'SET default_transaction_read_only = off' -c 'ALTER DATABASE <database> RESET
default_transaction_read_only' (as its owner or the admin).

  --outputs FILE  `pulumi stack output --json --show-secrets` saved after --to was deployed
                  (host, port, sslMode, database, username and password of both tenants are used)
  --from ID       the tenant whose data is copied
  --to ID         the new tenant that receives it
  --work-dir DIR  where the temporary dump is written (default $TMPDIR or /tmp); it needs room for it

The passwords come from the outputs file and reach libpq only through the environment; sslmode is each
server's own (PGSSLROOTCERT names the CA file for verify-ca and verify-full). Needs psql,
pg_dump and pg_restore (PostgreSQL 13 or later, not older than either server) and jq, or python3 when jq
is not installed. Exit codes: 0 copied and every count equal, 1 refused or failed, 2 usage.
EOF
}

outputs="" from="" to="" work_dir=${TMPDIR:-/tmp}
while [ "$#" -gt 0 ]; do
  case $1 in
    --outputs) outputs=$(option_value "$@"); shift 2 ;;
    --from) from=$(option_value "$@"); shift 2 ;;
    --to) to=$(option_value "$@"); shift 2 ;;
    --work-dir) work_dir=$(option_value "$@"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1'." ;;
  esac
done
[ -n "$outputs" ] || usage_error "--outputs is required."
[ -n "$from" ] || usage_error "--from is required."
[ -n "$to" ] || usage_error "--to is required."
[ "$from" != "$to" ] || usage_error "--from and --to name the same tenant."
require_programs psql pg_dump pg_restore

read_tenant src "$outputs" "$from" --with-password
read_tenant dst "$outputs" "$to" --with-password
if [ "$src_host:$src_port/$src_database" = "$dst_host:$dst_port/$dst_database" ]; then
  die "--from and --to are the same database ($src_database on $src_host:$src_port)."
fi
source_db=$(conninfo "$src_host" "$src_port" "$src_database" "$src_username" "$src_sslmode")
target_db=$(conninfo "$dst_host" "$dst_port" "$dst_database" "$dst_username" "$dst_sslmode")
# Each command gets its tenant's password in its own environment only.
as_source() { PGPASSWORD=$src_password "$@"; }
as_target() { PGPASSWORD=$dst_password "$@"; }

[ -d "$work_dir" ] || die "--work-dir $work_dir: no such folder."
dump=$(mktemp "$work_dir/tenantdb-copy-$from.XXXXXX" 2>/dev/null) || die "--work-dir $work_dir: cannot write there. Nothing was changed."
trap 'rm -f "$dump"' EXIT

journal() {
  run_psql "$1" <<'SQL'
SELECT CASE WHEN to_regclass('tenantdb.schema_journal') IS NULL THEN ''
  ELSE coalesce((xpath('/row/s/text()', query_to_xml(
    'SELECT string_agg(script_name, '' '' ORDER BY script_name COLLATE "C") AS s FROM tenantdb.schema_journal', false, true, '')))[1]::text, '') END;
SQL
}

# 1. Checks that change nothing.
source_journal=$(as_source journal "$source_db") || die "cannot read $from ($src_database on $src_host:$src_port) as $src_username (see above). Nothing was changed."
target_journal=$(as_target journal "$target_db") || die "cannot read $to ($dst_database on $dst_host:$dst_port) as $dst_username (see above). Nothing was changed."
if [ "$source_journal" != "$target_journal" ]; then
  die "$from and $to are not at the same migration scripts: run tenantdb migrate --tenant $from --tenant $to first. Nothing was changed."
fi
target_counts=$(as_target row_counts "$target_db") || die "cannot count the rows of $to (see above). Nothing was changed."
holding=$(awk -F '\t' '$2 > 0 && $1 !~ /^tenantdb\./ { printf "%s%s (%s rows)", sep, $1, $2; sep = ", " }' <<<"$target_counts")
if [ -n "$holding" ]; then
  die "$to already holds data: $holding. The copy only fills a new, empty tenant: check --from and --to. Nothing was changed."
fi

# 2. No write may land after the dump: new sessions are read-only, and the old ones are ended.
# (A rerun finds it read-only already: this session lifts that for itself to change the setting.)
since=$(as_source run_psql "$source_db" -v db="$src_database" <<'SQL'
SET default_transaction_read_only = off;
ALTER DATABASE :"db" SET default_transaction_read_only = on;
SELECT clock_timestamp();
SQL
) || die "cannot make $src_database read-only (see above). Nothing was changed."
echo "$from ($src_database on $src_host:$src_port) is read-only for new sessions; ending its older sessions ..."
remaining=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  remaining=$(as_source run_psql "$source_db" -v since="$since" <<'SQL'
SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_start <= :'since' AND usename = current_user;
SELECT 'left:' || coalesce(string_agg(DISTINCT coalesce(usename, 'pid ' || pid), ', '), '') FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_start <= :'since';
SQL
  ) || die "cannot end the sessions on $src_database (see above). $src_database stays read-only."
  remaining=$(tail -n 1 <<<"$remaining")
  remaining=${remaining#left:}
  [ -n "$remaining" ] || break
  sleep 0.3
done
if [ -n "$remaining" ]; then
  die "sessions of $remaining, opened before $src_database became read-only, are still connected; end them as the server's admin (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$src_database'), then run again. $src_database stays read-only."
fi

# 3. Dump and check it reads back.
echo "dumping $src_database ..."
as_source pg_dump --format=custom --no-owner --no-acl --file="$dump" --dbname="$source_db" \
  || die "pg_dump of $src_database failed (see above); $to was not touched. $src_database stays read-only."
pg_restore --list "$dump" >/dev/null || die "pg_restore --list cannot read the dump of $src_database; $to was not touched."
source_counts=$(as_source row_counts "$source_db") || die "cannot count the rows of $from (see above); $to was not touched."

# 4. Restore: all or nothing.
echo "restoring into $dst_database on $dst_host:$dst_port ..."
as_target pg_restore --clean --if-exists --no-owner --no-acl --single-transaction --exit-on-error \
  --dbname="$target_db" "$dump" \
  || die "pg_restore into $dst_database failed and was rolled back (see above). $src_database stays read-only and unchanged."

# 5. Every table, both sides: the same tables with the same number of rows.
copy_counts=$(as_target row_counts "$target_db") || die "cannot count the rows of $to after the restore (see above)."
differences=$(awk -F '\t' '
  NF == 0 { next }
  FILENAME == ARGV[1] { source[$1] = $2; next }
  { copy[$1] = $2 }
  END {
    for (t in source) if (!(t in copy)) print t ": " source[t] " rows in the source, missing in the copy"
    for (t in copy) if (!(t in source)) print t ": missing in the source, " copy[t] " rows in the copy"
    for (t in source) if ((t in copy) && source[t] != copy[t]) print t ": " source[t] " rows in the source, " copy[t] " in the copy"
  }' <(printf '%s\n' "$source_counts") <(printf '%s\n' "$copy_counts") | sort)
if [ -n "$differences" ]; then
  echo "the copy differs from the source:" >&2
  sed 's/^/  /' <<<"$differences" >&2
  die "the copy of $from into $to is not complete. $src_database stays read-only and unchanged; do not retire $from."
fi
tables=$(grep -c . <<<"$source_counts" || true)
rows=$(awk -F '\t' '{ n += $2 } END { print n + 0 }' <<<"$source_counts")
echo "copied $from into $to: $tables tables, $rows rows, every count equal. $from stays read-only and kept."
