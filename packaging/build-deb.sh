#!/usr/bin/env bash
# Builds the Debian 12 package: the app, reworkctl, translations, desktop entry, icons, AppStream
# metainfo and the nightly sync timer. The .deb lands in build-deb/.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DREWORK_TESTS=OFF >/dev/null
cmake --build build-deb
(cd build-deb && cpack -G DEB)
ls -1 build-deb/reworktrack_*.deb
