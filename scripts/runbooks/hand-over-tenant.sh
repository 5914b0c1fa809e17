#!/usr/bin/env bash
# Moves the objects in an adopted tenant's database from the server's admin to the tenant's own owner role, in that
# database only, after the deploy that handed the database over. The last part of docs/runbooks/adopt-an-existing-server.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/shell.sh
source "$here/lib/shell.sh"
# shellcheck source=lib/outputs.sh
source "$here/lib/outputs.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"

usage() {
  cat <<'EOF_USAGE'
usage: hand-over-tenant.sh --outputs FILE --tenant ID [--apply]

Moves every object the server's admin (PGUSER) owns in an adopted tenant's database to the tenant's owner role,
once the deploy that handed the database over has run (tenants.<id>.owner removed: the program created the role,
made the admin a member of it and made it the database's owner). Without --apply it only lists them. In order:
  1. refuses unless the database is owned by the tenant's role, PGUSER is not that role, and PGUSER can act as it;
  2. lists each object PGUSER owns in the database (schemas, tables, views, materialized views, sequences not
     owned by a column, foreign tables, functions, procedures, aggregates, types, domains; extension members left
     out), and any other kind it owns there, which is moved by hand;
  3. only with --apply: ALTER ... OWNER TO the role for each listed object, all in one transaction (any failure
     moves nothing), then lists what PGUSER still owns in the database.
It never runs REASSIGN OWNED BY the admin, which would also move every database and shared object the admin owns
on the server, every other tenant's included.

  --outputs FILE   `pulumi stack output --json --show-secrets` saved after the handover deploy (host, port, sslMode,
                   database and username are used; the tenant's password is not needed and may be left out)
  --tenant ID      the tenant id
  --apply          move the objects (without it, nothing is changed)

The admin is PGUSER, with PGPASSWORD or PGPASSFILE (never on the command line); host, port and sslmode come from
the outputs (PGSSLROOTCERT for verify-ca/verify-full). Needs psql (PostgreSQL 13 or later, not older than the
server) and jq, or python3 when jq is not installed.
Exit codes: 0 done (or listed), 1 refused, a step failed (nothing moved) or objects left to move by hand, 2 usage.
EOF_USAGE
}

outputs="" tenant="" apply=false
while [ "$#" -gt 0 ]; do
  case $1 in
    --outputs) outputs=$(option_value "$@"); shift 2 ;;
    --tenant) tenant=$(option_value "$@"); shift 2 ;;
    --apply) apply=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1'." ;;
  esac
done
[ -n "$outputs" ] || usage_error "--outputs is required."
[ -n "$tenant" ] || usage_error "--tenant is required."
[ -n "${PGUSER:-}" ] || usage_error "PGUSER must name the server's admin (the stack's servers.<name>.username)."
require_programs psql

read_tenant t "$outputs" "$tenant"
where="$t_host:$t_port/$t_database"
tenant_db=$(conninfo "$t_host" "$t_port" "$t_database" "" "$t_sslmode")

# 1. The handover deploy ran: the database is the tenant role's, and the admin is a member of that role.
facts=$(run_psql "$tenant_db" -F '|' -v role="$t_username" <<'SQL'
SELECT pg_get_userbyid(datdba), current_user,
       coalesce((SELECT pg_has_role(current_user, r.oid, 'MEMBER') FROM pg_roles r WHERE r.rolname = :'role'), false)
FROM pg_database WHERE datname = current_database();
SQL
) || die "cannot query $where as $PGUSER (see the message above). Nothing was changed."
IFS='|' read -r db_owner me member <<<"$facts"
[ "$me" != "$t_username" ] || die "PGUSER is $t_username, the tenant's own role: run this as the server's admin. Nothing was changed."
[ "$db_owner" = "$t_username" ] \
  || die "database $t_database on $t_host:$t_port is owned by $db_owner, not $t_username: deploy the handover first (remove tenants.$tenant.owner, then pulumi up), and save the outputs again. Nothing was changed."
[ "$member" = t ] || die "$PGUSER is not a member of $t_username, which the program grants on the handover deploy: deploy it first. Nothing was changed."

# 2. What the admin owns in this database, from the catalog of owners (pg_shdepend), with the statement that moves
#    each one; the statement is empty for a kind moved by hand.
owned() {
  run_psql "$tenant_db" -F $'\t' -v role="$t_username" <<'SQL'
WITH mine AS (
  SELECT s.classid, s.objid
  FROM pg_shdepend s
  WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND s.refclassid = 'pg_authid'::regclass AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = current_user)
    AND s.deptype = 'o'
    -- Extension members go with their extension.
    AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = s.classid AND e.objid = s.objid AND e.deptype = 'e')
),
statements AS (
  SELECT pg_describe_object(m.classid, m.objid, 0) AS object, m.classid = 'pg_namespace'::regclass AS is_schema,
    CASE
      WHEN m.classid = 'pg_namespace'::regclass THEN format('ALTER SCHEMA %I OWNER TO %I', (SELECT nspname FROM pg_namespace WHERE oid = m.objid), :'role')
      WHEN m.classid = 'pg_class'::regclass THEN (
        SELECT CASE
          WHEN c.relkind IN ('i', 'I', 't') THEN '-'
          -- A sequence owned by a column (serial, identity) goes with its table.
          WHEN c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) THEN '-'
          WHEN c.relkind IN ('r', 'p') THEN format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, :'role')
          WHEN c.relkind = 'v' THEN format('ALTER VIEW %s OWNER TO %I', c.oid::regclass, :'role')
          WHEN c.relkind = 'm' THEN format('ALTER MATERIALIZED VIEW %s OWNER TO %I', c.oid::regclass, :'role')
          WHEN c.relkind = 'S' THEN format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, :'role')
          WHEN c.relkind = 'f' THEN format('ALTER FOREIGN TABLE %s OWNER TO %I', c.oid::regclass, :'role')
          WHEN c.relkind = 'c' THEN format('ALTER TYPE %s OWNER TO %I', c.reltype::regtype, :'role')
        END FROM pg_class c WHERE c.oid = m.objid)
      WHEN m.classid = 'pg_proc'::regclass THEN (
        SELECT format('ALTER %s %s OWNER TO %I', CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, p.oid::regprocedure, :'role')
        FROM pg_proc p WHERE p.oid = m.objid)
      WHEN m.classid = 'pg_type'::regclass THEN (
        SELECT CASE
          -- Row types of tables and array types go with what they belong to; a multirange goes with its range.
          WHEN t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) <> 'c' THEN '-'
          WHEN t.typcategory = 'A' OR t.typtype = 'm' THEN '-'
          WHEN t.typtype = 'd' THEN format('ALTER DOMAIN %s OWNER TO %I', t.oid::regtype, :'role')
          ELSE format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, :'role')
        END FROM pg_type t WHERE t.oid = m.objid)
    END AS statement
  FROM mine m
)
-- Schemas first: the new owner needs CREATE on an object's schema to be given the object.
SELECT object, coalesce(statement, '') FROM statements WHERE statement IS DISTINCT FROM '-' ORDER BY is_schema DESC, 1;
SQL
}

listing=$(owned) || die "cannot list what $PGUSER owns in $where (see above). Nothing was changed."
movable=$(printf '%s\n' "$listing" | awk -F '\t' 'NF && $2 != ""' | wc -l)
by_hand=$(printf '%s\n' "$listing" | awk -F '\t' 'NF && $2 == ""' | wc -l)
printf '%s\n' "$listing" | awk -F '\t' -v role="$t_username" 'NF && $2 != "" { print "move to " role ": " $1 } NF && $2 == "" { print "move by hand: " $1 }'

if [ "$apply" != true ]; then
  echo "$movable object(s) of $PGUSER in $where would move to $t_username, $by_hand by hand; nothing was changed (run again with --apply)."
  exit 0
fi
if [ "$movable" -gt 0 ]; then
  # 3. One transaction: psql stops at the first error, and its connection's end rolls everything back.
  printf '%s\n' "$listing" | awk -F '\t' 'NF && $2 != "" { print $2 ";" }' \
    | { echo "BEGIN;"; cat; echo "COMMIT;"; } \
    | run_psql "$tenant_db" >/dev/null \
    || die "moving the objects of $where failed (see above); nothing was moved."
fi
# Every object the catalog of owners still gives the admin in this database, those that follow another one included.
left=$(run_psql "$tenant_db" <<'SQL'
SELECT pg_describe_object(s.classid, s.objid, 0)
FROM pg_shdepend s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND s.refclassid = 'pg_authid'::regclass AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = current_user)
  AND s.deptype = 'o'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = s.classid AND e.objid = s.objid AND e.deptype = 'e')
ORDER BY 1;
SQL
) || die "cannot list what $PGUSER still owns in $where (see above)."
if [ -n "$left" ]; then
  printf '%s\n' "$left" | awk 'NF { print "still owned by the admin: " $0 }'
  die "$movable object(s) moved to $t_username; what is listed above is still $PGUSER's in $where: move it by hand (ALTER ... OWNER TO \"$t_username\")."
fi
echo "moved $movable object(s) in $where from $PGUSER to $t_username; $PGUSER owns nothing there any more."
