#!/usr/bin/env bash
# Builds ReworkTrack with warnings as errors and libstdc++ assertions, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
zpl_renderer=$(./packaging/install-zpl-renderer.sh)
cmake -S . -B build-tests -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREWORK_WERROR=ON -DREWORK_SHARED_LIBS=ON \
      -DCMAKE_CXX_FLAGS="-D_GLIBCXX_ASSERTIONS" -DREWORK_ZPL_RENDERER_MODULES="$zpl_renderer"
cmake --build build-tests
cd build-tests
ctest --output-on-failure -j "$(nproc)"
