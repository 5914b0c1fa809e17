#!/usr/bin/env bash
# Writes a Pulumi project into <dir>: Pulumi.bench.yaml with <tenants> tenants spread over <servers>
# servers (80 % full, so the run is valid without warnings), and outputs.json, the stack outputs of
# the same placements as `pulumi stack output --json` prints them (for plan --previous).
set -euo pipefail
dir=$1 tenants=${2:-10000} servers=${3:-50}
mkdir -p "$dir"
printf 'name: tenant-databases\nruntime: dotnet\n' >"$dir/Pulumi.yaml"
awk -v tenants="$tenants" -v servers="$servers" 'BEGIN {
  capacity = int(tenants / servers * 1.25) + 1
  print "secretsprovider: passphrase"
  print "config:"
  print "  tenant-databases:protect: true"
  print "  tenant-databases:residency: [eu-west]"
  print "  tenant-databases:servers:"
  for (s = 1; s <= servers; s++) {
    printf "    pg-%02d:\n      host: pg-%02d.eu-west.internal\n      port: 5432\n      username: provisioner\n", s, s
    printf "      password:\n        secure: v1:AAAAAAAAAAAAAAAA:%032d\n", s
    printf "      region: eu-west\n      sslMode: verify-full\n      maxTenants: %d\n", capacity
    if (s == 1) print "      default: true"
  }
  print "  tenant-databases:tenants:"
  for (t = 1; t <= tenants; t++) {
    printf "    shop-%05d:\n      server: pg-%02d\n", t, (t - 1) % servers + 1
    if (t % 10 == 0) print "      connectionLimit: 5"
  }
}' >"$dir/Pulumi.bench.yaml"
awk -v tenants="$tenants" -v servers="$servers" 'BEGIN {
  printf "{\n  \"tenants\": \"[secret]\",\n  \"placements\": {\n"
  for (t = 1; t <= tenants; t++) {
    printf "    \"shop-%05d\": {\"server\": \"pg-%02d\", \"database\": \"tenant_shop_%05d\", \"role\": \"tenant_shop_%05d_owner\"}%s\n", t, (t - 1) % servers + 1, t, t, (t < tenants ? "," : "")
  }
  printf "  }\n}\n"
}' >"$dir/outputs.json"
