#!/bin/sh
# run-smoke.sh TEST_SCRIPT LOCALEDIR
#
# Runs TEST_SCRIPT (a TAP-printing Python script) on a virtual X screen with a
# private D-Bus session and accessibility bus, the catalogs under LOCALEDIR.
set -eu

script=$1
export GONGKAI_LOCALEDIR=$2
export GTK_A11Y=atspi NO_AT_BRIDGE=0

for tool in Xvfb dbus-run-session; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done
# The distribution's Python has the gi bindings; another python3 first in
# PATH may not.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
  echo "1..0 # SKIP python3-gi and gir1.2-atspi-2.0 are not installed"
  exit 0
fi
if [ ! -x /usr/libexec/at-spi-bus-launcher ]; then
  echo "1..0 # SKIP at-spi2-core is not installed"
  exit 0
fi

# A screen of its own: Xvfb picks a free display itself (-displayfd) and
# writes its number once it accepts connections. (xvfb-run -a guesses one
# from lock files, and twice in CI the app then could not open it.) Only
# the socket file: a client tries the abstract socket first, which the
# previous test's server may still hold while it goes away.
dir=$(mktemp -d)
xvfb=
trap 'if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; fi; rm -rf "$dir"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -nolisten local 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do
  [ -s "$dir/display" ] && break
  sleep 0.1
done
if [ ! -s "$dir/display" ]; then
  echo "Bail out! Xvfb did not start: $(cat "$dir/xvfb.log")"
  exit 1
fi
DISPLAY=:$(cat "$dir/display")
export DISPLAY
unset XAUTHORITY

dbus-run-session -- \
  sh -c '/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
         exec "$0" "$1"' "$python" "$script"
