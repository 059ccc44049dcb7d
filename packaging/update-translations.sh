#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the sources (keeps existing translations).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$lupdate" -locations none -no-obsolete app ui -ts resources/translations/reworktrack_zh_CN.ts
