# Connections and queries shared by the runbook scripts. Passwords reach libpq only through the
# environment (PGPASSWORD) or PGPASSFILE, never through a command line. Sourced, never run.

# A libpq connection string; every value single-quoted. An empty user leaves it to PGUSER.
conninfo() {
  local host=$1 port=$2 database=$3 user=$4 sslmode=$5 text key value
  text="connect_timeout=15 application_name=tenantdb-runbook"
  for key in host port dbname user sslmode; do
    case $key in
      host) value=$host ;; port) value=$port ;; dbname) value=$database ;; user) value=$user ;; sslmode) value=$sslmode ;;
    esac
    [ -n "$value" ] || continue
    value=${value//\\/\\\\}
    text+=" $key='${value//\'/\\\'}'"
  done
  printf '%s' "$text"
}

# psql without ~/.psqlrc, stopping at the first error, unaligned tuples only; SQL on stdin or -c.
run_psql() {
  local connection=$1
  shift
  # Warnings and errors only: a NOTICE such as "already a member" is no news to the operator.
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$connection" "$@"
}

# Every ordinary and partitioned table outside the system schemas (extension members left out, as
# pg_dump leaves them out), with its exact row count: "schema.table<TAB>count".
row_counts() {
  run_psql "$1" -F $'\t' <<'SQL'
SELECT format('%I.%I', nspname, relname) AS qualified,
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', nspname, relname), false, true, '')))[1]::text
FROM (
  SELECT n.nspname, c.relname
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_t%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
) AS user_tables
ORDER BY 1;
SQL
}
