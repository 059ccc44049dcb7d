#!/usr/bin/env bash
# Builds ReworkTrack and starts the GUI on its embedded SQLite database (default: the user's data
# folder; override with REWORKTRACK_DB or --db). An empty database is filled with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --target reworktrack reworkctl
exec ./build/bin/reworktrack --demo-if-empty "$@"
