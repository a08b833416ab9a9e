#!/usr/bin/env bash
# Sets up, builds and runs every test: unit tests, CLI tests, data
# validators, translation checks and the UI tests (which start their own
# Xvfb and D-Bus session). Ends with one line "tests: N passed, N failed".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/setup.sh"
"$here/build.sh"
cd "$here/.."
status=0
meson test -C build --print-errorlogs "$@" || status=$?
python3 - build/meson-logs/testlog.json <<'PY' || status=1
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    result = json.loads(line)["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
# A run that executed no test is a failure, not a pass.
sys.exit(1 if passed == 0 else 0)
PY
exit $status
