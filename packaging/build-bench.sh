#!/usr/bin/env bash
# Builds the benchmarks of tests/bench (and the programs they time) optimised, into build-bench/:
# -O2 with line tables and libstdc++'s assertions, the build every figure in PERFORMANCE.md comes
# from. The test tree (run-tests.sh) is sanitized, so its timings would say nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREWORK_SHARED_LIBS=ON \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS="-D_GLIBCXX_ASSERTIONS" >/dev/null
cmake --build build-bench --target benchmarks
find build-bench/tests -maxdepth 1 -type f -executable -name "bench_*" | sort
