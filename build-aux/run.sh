#!/usr/bin/env bash
# Sets up, builds and opens Gongkai on a database made from the 2020
# measures' catalog (./gongkai-demo.db, kept between runs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/setup.sh"
"$here/build.sh"
cd "$here/.."
db=${1:-gongkai-demo.db}
[[ -f $db ]] || build/src/cli/gongkai-cli init "$db" --template jinzhong-2020 --demo
export GSETTINGS_SCHEMA_DIR=$PWD/build/data GONGKAI_LOCALEDIR=$PWD/build/po
exec build/src/gongkai --database "$db"
