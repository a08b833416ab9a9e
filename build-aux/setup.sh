#!/usr/bin/env bash
# Installs what Gongkai needs to build, run and test on Debian 12 (bookworm),
# and the zh_CN.UTF-8 locale for the Chinese interface. Installs only what is
# missing; uses sudo when not run as root.
set -euo pipefail

packages=(
  # build
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin librsvg2-common libadwaita-1-dev libsqlite3-dev
  libpoppler-glib-dev libpango1.0-dev libcairo2-dev libfontconfig-dev
  libjson-glib-dev libcsv-dev
  # fonts for the printed notices (DESIGN §7): FandolFang 仿宋 comes with
  # texlive-lang-chinese; Noto CJK for 小标宋/黑体 fallbacks; AR PL KaitiM GB 楷体
  texlive-lang-chinese fonts-noto-cjk fonts-arphic-gkai00mp
  # validation and tests
  desktop-file-utils appstream locales poppler-utils libical-dev
  # the user guide: yelp-check validates the Mallard pages (xmllint, from
  # libxml2-utils, checks they are well-formed where yelp-tools is missing)
  yelp-tools libxml2-utils
  xvfb xauth dbus at-spi2-core python3 python3-gi gir1.2-atspi-2.0
)

as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: installing ${missing[*]}" >&2
  "${as_root[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  echo "setup: generating the zh_CN.UTF-8 locale" >&2
  "${as_root[@]}" sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | "${as_root[@]}" tee -a /etc/locale.gen >/dev/null
  "${as_root[@]}" locale-gen
fi
