#!/usr/bin/env bash
# Installs the server programs of one PostgreSQL major from PGDG for this Ubuntu or Debian release, and fails
# unless $TENANTDB_PG_BINDIR (default /usr/lib/postgresql/<major>/bin) then holds that major.
#
# PGDG serves the supported majors from <codename>-pgdg on apt.postgresql.org and moves a major that reached
# its end of life (13 in November 2025) to <codename>-pgdg-archive on apt-archive.postgresql.org, which keeps
# every version it ever published. The script asks the first and, only when it has no package for the major,
# the second; it names the repository it installed from.
# Usage: install-postgresql.sh <major>   (needs sudo; the package's own cluster is not created)
set -euo pipefail
major=${1:-}
if ! [[ $major =~ ^[0-9]+$ ]] || [ "$major" -lt 13 ]; then
  echo "::error::'$major' is not a PostgreSQL major this project supports (13 or later)." >&2
  exit 2
fi
bindir=${TENANTDB_PG_BINDIR:-/usr/lib/postgresql/$major/bin}
codename=${PGDG_CODENAME:-$( . /etc/os-release && echo "${VERSION_CODENAME:-}")}
if [ -z "$codename" ]; then
  echo "::error::This release has no VERSION_CODENAME in /etc/os-release, so the PGDG repository cannot be chosen." >&2
  exit 2
fi
key=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc
package=postgresql-$major

candidate() {
  apt-cache policy "$package" | awk '$1 == "Candidate:" && $2 != "(none)" { print $2 }'
}

# The tests start their own servers; the package's own cluster is not needed.
sudo install -d /etc/postgresql-common/createcluster.d /usr/share/postgresql-common/pgdg
echo "create_main_cluster = false" | sudo tee /etc/postgresql-common/createcluster.d/tenantdb.conf >/dev/null
sudo curl -fsSL -o "$key" https://www.postgresql.org/media/keys/ACCC4CF8.asc
echo "deb [signed-by=$key] https://apt.postgresql.org/pub/repos/apt $codename-pgdg main" |
  sudo tee /etc/apt/sources.list.d/pgdg.list >/dev/null
sudo apt-get update -qq
repository="$codename-pgdg"
version=$(candidate)
if [ -z "$version" ]; then
  echo "$codename-pgdg has no $package (PGDG moves a major past its end of life to its archive): adding $codename-pgdg-archive."
  echo "deb [signed-by=$key] https://apt-archive.postgresql.org/pub/repos/apt $codename-pgdg-archive main" |
    sudo tee /etc/apt/sources.list.d/pgdg-archive.list >/dev/null
  sudo apt-get update -qq
  repository="$codename-pgdg-archive"
  version=$(candidate)
fi
if [ -z "$version" ]; then
  echo "::error::Neither $codename-pgdg nor $codename-pgdg-archive serves $package: PGDG does not build PostgreSQL $major for $codename. Use a runner image whose release PGDG builds it for, or drop $major from the matrix." >&2
  exit 1
fi
echo "Installing $package $version from $repository."
sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package=$version"

# The folder the tests use must hold this major, not another PostgreSQL the runner image brings.
for program in postgres initdb pg_ctl; do
  if [ ! -x "$bindir/$program" ]; then
    echo "::error::$bindir/$program is missing after installing $package $version: TENANTDB_PG_BINDIR must name PostgreSQL $major's binaries." >&2
    exit 1
  fi
  installed=$("$bindir/$program" --version)
  if ! [[ $installed =~ \(PostgreSQL\)\ $major([.a-z]|$) ]]; then
    echo "::error::$bindir/$program is '$installed', not PostgreSQL $major." >&2
    exit 1
  fi
done
echo "PostgreSQL $major ready in $bindir: $installed (from $repository)."
