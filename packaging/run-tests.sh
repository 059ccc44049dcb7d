#!/usr/bin/env bash
# Builds ReworkTrack and runs every test once, under AddressSanitizer and UndefinedBehaviorSanitizer,
# with warnings as errors and libstdc++'s assertions. One run that checks memory, undefined
# behaviour and container bounds as it goes: CI on two cores could not afford the suite twice (an
# optimised run, then a sanitized one) within its 90 minutes. The optimised build is still compiled
# with warnings as errors by build-deb.sh, and its package smoke-tested by test-deb.sh; the
# benchmarks have their own optimised tree (build-bench.sh).
# -Og with line tables: the reports keep their file:line stacks, and GCC compiles the instrumented
# tree in under half the time -O1 takes (UBSan's checks make its optimiser slow: KpiQuery.cpp
# 32.5 s at -O1, 14.4 s at -Og, 9.4 s at -O0, whose tests run slower). Leak reports are off: Qt
# keeps some allocations for the life of the process by design.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
zpl_renderer=$(./packaging/install-zpl-renderer.sh)
cmake -S . -B build-tests -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREWORK_SHARED_LIBS=ON \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-Og -g1 -DNDEBUG" -DREWORK_WERROR=ON -DREWORK_BENCHMARKS=OFF \
      -DCMAKE_CXX_FLAGS="-D_GLIBCXX_ASSERTIONS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
      -DREWORK_ZPL_RENDERER_MODULES="$zpl_renderer"
cmake --build build-tests
cd build-tests
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --output-on-failure -j "$(nproc)"
