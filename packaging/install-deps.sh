#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing ReworkTrack need.
# Safe to run again: apt skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git clang-format clang libclang-rt-14-dev appstream desktop-file-utils
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n qt6-svg-dev qt6-charts-dev libqt6opengl6-dev libsqlite3-dev
  libgl-dev libxkbcommon-dev
  libspdlog-dev libfmt-dev libsodium-dev libzint-dev libssl-dev
  libqt6sql6-psql postgresql libpq-dev
  xvfb xauth sqlite3 poppler-utils zbar-tools dmtx-utils fonts-wqy-microhei fonts-dejavu-core
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
