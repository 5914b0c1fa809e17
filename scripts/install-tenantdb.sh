#!/usr/bin/env bash
# Puts `tenantdb` on PATH: packs src/TenantDatabases.Cli as a .NET tool and installs it, or updates an earlier
# install, from that pack alone. The install reads a NuGet.Config that clears every feed, so it needs no network;
# the pack's restore needs only the packages the build already restored.
# Usage: scripts/install-tenantdb.sh [--tool-path <dir>]
#   default: a global tool, in ~/.dotnet/tools; --tool-path: into <dir> instead (put <dir> on PATH yourself).
# Rerun it after pulling: each pack gets a version of its own, so an update never comes from NuGet's cache.
set -euo pipefail
cd "$(dirname "$0")/.."

target=(--global)
folder="${HOME}/.dotnet/tools"
if [ "$#" -gt 0 ]; then
  if [ "$1" != --tool-path ] || [ "$#" -ne 2 ]; then
    echo "usage: scripts/install-tenantdb.sh [--tool-path <dir>]" >&2
    exit 2
  fi
  mkdir -p "$2"
  folder=$(cd "$2" && pwd)
  target=(--tool-path "$folder")
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed (dotnet is not on PATH). Install it, then run this again." >&2
  exit 2
fi

pack=artifacts/tool
rm -rf "$pack"
mkdir -p "$pack"
version="0.0.0-local.$(date -u +%Y%m%d%H%M%S)"
echo "Packing tenantdb ${version}..."
dotnet pack src/TenantDatabases.Cli -c Release -nologo -v:quiet -clp:ErrorsOnly -o "$pack" -p:PackageVersion="$version"
cat > "$pack/NuGet.Config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="tenantdb-repository" value="$PWD/$pack" />
  </packageSources>
</configuration>
EOF
# update installs when tenantdb is not there yet, and replaces an earlier version when it is.
dotnet tool update "${target[@]}" --configfile "$pack/NuGet.Config" --version "$version" tenantdb >/dev/null
echo "Installed tenantdb ${version} in ${folder}."
case ":${PATH}:" in
  *":${folder}:"*) echo "Run it as: tenantdb --help" ;;
  *) echo "That folder is not on PATH: add it (e.g. export PATH=\"\$PATH:${folder}\" in your shell's profile), then run tenantdb --help." ;;
esac
