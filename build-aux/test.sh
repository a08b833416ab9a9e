#!/usr/bin/env bash
# Sets up, builds and runs every test: unit tests, CLI tests, data
# validators, translation checks and the UI tests (which start their own
# Xvfb and D-Bus session), then the core and CLI tests again under the
# address and undefined-behaviour sanitizers. Ends with one line
# "tests: N passed, N failed" counting both runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/setup.sh"
"$here/build.sh"
cd "$here/.."
status=0
meson test -C build --print-errorlogs "$@" || status=$?
logs=(build/meson-logs/testlog.json)

# The core and CLI tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer (not the UI: GTK under ASan is slow and
# noisy). Full stacks so that build-aux/lsan.supp can name known leaks.
# GONGKAI_SANITIZE=0 skips it.
if [[ ${GONGKAI_SANITIZE:-1} != 0 ]]; then
  [[ -f build-asan/build.ninja ]] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false
  rm -f build-asan/meson-logs/testlog.json
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:halt_on_error=1:abort_on_error=1 \
  LSAN_OPTIONS=suppressions="$here/lsan.supp":print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --suite core --suite shared --timeout-multiplier 10 --print-errorlogs || status=$?
  logs+=(build-asan/meson-logs/testlog.json)
fi

python3 - "${logs[@]}" <<'PY' || status=1
import json, os, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    if not os.path.exists(log):
        failed += 1
        continue
    for line in open(log, encoding="utf-8"):
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
