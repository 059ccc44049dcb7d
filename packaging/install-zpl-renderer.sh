#!/usr/bin/env bash
# Installs the independent ZPL renderer the label tests print through (zebrash, via the npm package
# zpl-renderer-js) into build-deps/zpl-renderer, and prints the node_modules folder to pass as
# REWORK_ZPL_RENDERER_MODULES. Node.js comes from Debian when the machine has none.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.4.0
dir=build-deps/zpl-renderer
if ! command -v npm >/dev/null; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends nodejs npm >&2
fi
if [ ! -f "$dir/node_modules/zpl-renderer-js/package.json" ] ||
   ! grep -q "\"version\": \"$version\"" "$dir/node_modules/zpl-renderer-js/package.json"; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent "zpl-renderer-js@$version" >&2
fi
echo "$PWD/$dir/node_modules"
