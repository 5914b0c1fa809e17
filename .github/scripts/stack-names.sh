#!/usr/bin/env bash
# Prints the short name of every stack file beside Pulumi.yaml (Pulumi.<stack>.yaml), one a line, sorted.
set -euo pipefail
find . -maxdepth 1 -type f -name 'Pulumi.*.yaml' | sed -n 's|^\./Pulumi\.\(.*\)\.yaml$|\1|p' | LC_ALL=C sort
