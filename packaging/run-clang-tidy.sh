#!/usr/bin/env bash
# Runs clang-tidy with the repository's .clang-tidy (warnings are errors) over the product code in
# app/ and ui/, or over the files given. Its own build folder has no precompiled headers (clang
# cannot read GCC's) and is only configured, never built: no source in app/ or ui/ includes a file
# the build generates (moc output is compiled separately), so the configure step's
# compile_commands.json is all clang-tidy needs.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build-tidy -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON -DREWORK_TESTS=OFF -DREWORK_FAULT_INJECTION=ON >/dev/null
if [ "$#" -gt 0 ]; then
    files=("$@")
else
    mapfile -t files < <(git ls-files 'app/*.cpp' 'ui/*.cpp')
fi
log=build-tidy/clang-tidy.log
status=0
run-clang-tidy -quiet -p build-tidy -j "$(nproc)" "${files[@]/#/$PWD/}" >"$log" 2>&1 || status=$?
grep -v -e '^[0-9]* warnings generated\.$' -e 'Suppressed [0-9]* warnings' -e 'Use -header-filter=' \
     -e '^clang-tidy-[0-9]* ' -e '^Running clang-tidy' "$log" || true
if [ "$status" -ne 0 ]; then
    echo "clang-tidy: findings above (exit $status)" >&2
    exit 1
fi
echo "clang-tidy: ${#files[@]} files clean"
