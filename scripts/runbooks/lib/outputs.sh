# Reads one tenant's entry from a saved `pulumi stack output --json --show-secrets`:
# {"tenants": {"<id>": {server, region, host, port, sslMode, database, username, password}}, ...}.
# Uses jq when installed, else python3. Sourced, never run.

json_tool() {
  if command -v jq >/dev/null 2>&1; then
    echo jq
  elif command -v python3 >/dev/null 2>&1; then
    echo python3
  else
    echo "error: neither jq nor python3 is installed; one of them reads the outputs file (apt-get install jq)." >&2
    exit 2
  fi
}

# Prints server, host, port, sslMode, database, username and password (empty when absent), one a line,
# or a single line "!<problem>". Fails when the file is not JSON.
tenant_entry_lines() {
  local file=$1 id=$2
  case "$(json_tool)" in
    jq)
      jq -r --arg id "$id" '
        if type != "object" then "!is not a JSON object"
        elif (.tenants | type) == "string" then "!hides the tenants output (\"[secret]\"): save it with pulumi stack output --json --show-secrets"
        elif (.tenants | type) != "object" then "!has no tenants output"
        elif (.tenants | has($id) | not) then "!has no entry for tenant \"\($id)\" under tenants"
        else .tenants[$id] as $entry
          | ("server", "host", "port", "sslMode", "database", "username", "password")
          | ($entry[.] // "" | tostring)
        end' "$file" 2>/dev/null
      ;;
    python3)
      python3 - "$file" "$id" <<'PY'
import json, sys
path, tenant = sys.argv[1], sys.argv[2]
try:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
except (OSError, ValueError):
    sys.exit(1)
tenants = document.get("tenants") if isinstance(document, dict) else None
if not isinstance(document, dict):
    print("!is not a JSON object")
elif isinstance(tenants, str):
    print('!hides the tenants output ("[secret]"): save it with pulumi stack output --json --show-secrets')
elif not isinstance(tenants, dict):
    print("!has no tenants output")
elif tenant not in tenants:
    print('!has no entry for tenant "%s" under tenants' % tenant)
else:
    entry = tenants[tenant] if isinstance(tenants[tenant], dict) else {}
    for key in ("server", "host", "port", "sslMode", "database", "username", "password"):
        value = entry.get(key)
        print("" if value is None else str(value))
PY
      ;;
  esac
}

# read_tenant PREFIX FILE ID [--with-password]: sets PREFIX_server, _host, _port, _sslmode, _database,
# _username (and _password) or stops with every missing key named. The password is never printed.
read_tenant() {
  local prefix=$1 file=$2 id=$3 need_password=${4:-}
  [ -r "$file" ] || die "--outputs $file: cannot read the file."
  local text
  text=$(tenant_entry_lines "$file" "$id") || die "--outputs $file: not valid JSON (save it with: pulumi stack output --json --show-secrets --stack <stack> > $file)."
  case "$text" in
    '!'*) die "--outputs $file ${text#!}." ;;
  esac
  local lines=()
  mapfile -t lines <<<"$text"
  local keys=(server host port sslMode database username password) missing=() i
  for i in 0 1 2 3 4 5 6; do
    if [ -z "${lines[$i]:-}" ] && { [ "$i" -lt 6 ] || [ -n "$need_password" ]; }; then
      missing+=("tenants.$id.${keys[$i]}")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] || die "--outputs $file: missing ${missing[*]} (save the outputs of the current deploy again)."
  printf -v "${prefix}_server" '%s' "${lines[0]}"
  printf -v "${prefix}_host" '%s' "${lines[1]}"
  printf -v "${prefix}_port" '%s' "${lines[2]}"
  printf -v "${prefix}_sslmode" '%s' "${lines[3]}"
  printf -v "${prefix}_database" '%s' "${lines[4]}"
  printf -v "${prefix}_username" '%s' "${lines[5]}"
  printf -v "${prefix}_password" '%s' "${lines[6]:-}"
}
