#!/usr/bin/env bash
# Drops a retired tenant's database and owner role for good, but only after a final dump of it has been
# made and checked. The steps of docs/runbooks/retire-a-tenant.md, "Drop the data deliberately".
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
usage: drop-retired-tenant.sh --outputs FILE --tenant ID --dump-dir DIR [--drop] [--admin-database NAME]

Makes a final dump of a retired tenant's database and checks it; with --drop, then drops the database
(WITH (FORCE)) and its owner role. Without --drop it stops after the checked dump. In order:
  1. refuses unless the database exists, is owned by the tenant's role, and that role cannot log in
     (a deployed tenant's role always can; retiring sets it NOLOGIN);
  2. grants the owner role to the admin again (Pulumi revoked it when the tenant was removed);
  3. pg_dump --format=custom into DIR/<ID>-final-<UTC time>.dump (never over another file);
  4. pg_restore --list on the dump, which must list the data of every table of the database;
  5. only with --drop: DROP DATABASE ... WITH (FORCE), then DROP ROLE.
Any failure stops it before anything is dropped.

  --outputs FILE         the tenant's entry of `pulumi stack output --json --show-secrets`, saved before it
                         was removed from the stack (host, port, sslMode, database and username are used;
                         the tenant's password is not needed and may be left out)
  --tenant ID            the tenant id
  --dump-dir DIR         an existing folder for the final dump
  --drop                 drop the database and the role once the dump is checked
  --admin-database NAME  the database the admin connects to (default postgres)

The admin is PGUSER, with PGPASSWORD or PGPASSFILE (never on the command line); host, port and sslmode
come from the outputs (PGSSLROOTCERT for verify-ca/verify-full). Needs psql, pg_dump and pg_restore
(PostgreSQL 13 or later, not older than the server) and jq, or python3 when jq is not installed.
Exit codes: 0 done, 1 refused or a step failed (nothing dropped unless the dump was checked), 2 usage.
EOF
}

outputs="" tenant="" dump_dir="" drop=false admin_database=postgres
while [ "$#" -gt 0 ]; do
  case $1 in
    --outputs) outputs=$(option_value "$@"); shift 2 ;;
    --tenant) tenant=$(option_value "$@"); shift 2 ;;
    --dump-dir) dump_dir=$(option_value "$@"); shift 2 ;;
    --admin-database) admin_database=$(option_value "$@"); shift 2 ;;
    --drop) drop=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1'." ;;
  esac
done
[ -n "$outputs" ] || usage_error "--outputs is required."
[ -n "$tenant" ] || usage_error "--tenant is required."
[ -n "$dump_dir" ] || usage_error "--dump-dir is required."
[ -n "${PGUSER:-}" ] || usage_error "PGUSER must name the server's admin (the stack's servers.<name>.username)."
require_programs psql pg_dump pg_restore

read_tenant t "$outputs" "$tenant"
where="$t_host:$t_port"
admin=$(conninfo "$t_host" "$t_port" "$admin_database" "" "$t_sslmode")
tenant_db=$(conninfo "$t_host" "$t_port" "$t_database" "" "$t_sslmode")

# The dump goes to a temporary name first: only a checked dump gets the final name.
[ -d "$dump_dir" ] || die "--dump-dir $dump_dir: no such folder. Create it (on storage kept for the retention period) and run again."
partial=$(mktemp "$dump_dir/.$tenant-final.XXXXXX" 2>/dev/null) || die "--dump-dir $dump_dir: cannot write there. Nothing was changed."
listing=""
trap 'rm -f "$partial" ${listing:+"$listing"}' EXIT

# 1. Is this a retired tenant? A deployed tenant's role can log in: never drop that one.
facts=$(run_psql "$admin" -F '|' -v db="$t_database" -v role="$t_username" <<'SQL'
SELECT (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :'db'),
       (SELECT rolcanlogin FROM pg_roles WHERE rolname = :'role');
SQL
) || die "cannot query $where as $PGUSER (see the message above). Nothing was changed."
IFS='|' read -r db_owner role_can_login <<<"$facts"
if [ -z "$db_owner" ] && [ -z "$role_can_login" ]; then
  die "neither database $t_database nor role $t_username exists on $where: already dropped? Nothing was changed."
fi
[ -n "$db_owner" ] || die "database $t_database does not exist on $where, but role $t_username does: check the outputs file. Nothing was changed."
[ "$db_owner" = "$t_username" ] || die "database $t_database on $where is owned by $db_owner, not $t_username: check the outputs file. Nothing was changed."
if [ "$role_can_login" = t ]; then
  die "role $t_username on $where can still log in: is $tenant still deployed? Retire it first (docs/runbooks/retire-a-tenant.md), which ends with ALTER ROLE ... NOLOGIN. Nothing was changed."
fi

# 2. Pulumi revoked the admin's membership in the owner role when the tenant was removed; without it the
#    admin may not even connect to the database (PUBLIC has no CONNECT).
run_psql "$admin" -v role="$t_username" <<'SQL' || die "cannot grant $t_username to $PGUSER on $where (see above). Nothing was dropped."
GRANT :"role" TO CURRENT_USER;
SQL

# 3. The final dump.
echo "dumping $t_database on $where ..."
pg_dump --format=custom --file="$partial" --dbname="$tenant_db" \
  || die "pg_dump of $t_database failed (see above). Nothing was dropped."

# 4. The dump must read back, and hold the data of every table the database has.
listing=$(mktemp "$dump_dir/.$tenant-list.XXXXXX")
pg_restore --list "$partial" >"$listing" \
  || die "pg_restore --list cannot read the dump of $t_database. Nothing was dropped."
tables=$(run_psql "$tenant_db" <<'SQL'
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_t%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e');
SQL
) || die "cannot count the tables of $t_database. Nothing was dropped."
dumped=$(grep -c '^[0-9]*; [0-9]* [0-9]* TABLE DATA ' "$listing" || true)
[ "$dumped" = "$tables" ] \
  || die "the dump holds the data of $dumped tables, but $t_database has $tables. Nothing was dropped."
stamp=$(date -u +%Y%m%dT%H%M%SZ)
final="$dump_dir/$tenant-final-$stamp.dump"
n=1
while [ -e "$final" ]; do
  n=$((n + 1))
  final="$dump_dir/$tenant-final-$stamp-$n.dump"
done
mv -n "$partial" "$final"
[ ! -e "$partial" ] || die "cannot name the dump $final. Nothing was dropped."
echo "final dump checked: $final ($tables tables)"

if [ "$drop" != true ]; then
  echo "nothing dropped: run again with --drop to drop database $t_database and role $t_username on $where."
  exit 0
fi

# 5. Drop. DROP DATABASE cannot run in a transaction block: psql sends each statement on its own.
run_psql "$admin" -v db="$t_database" -v role="$t_username" <<'SQL' || die "dropping on $where failed (see above); the checked dump is $final."
DROP DATABASE :"db" WITH (FORCE);
DROP ROLE :"role";
SQL
echo "dropped database $t_database and role $t_username on $where; the final dump is $final."
