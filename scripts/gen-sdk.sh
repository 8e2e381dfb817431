#!/usr/bin/env bash
# Generates the Node.js, Python and Go SDKs of the provider plugin from its package schema
# (see docs/plugin.md, "SDKs").
#
#   scripts/gen-sdk.sh                       regenerate sdk/{nodejs,python,go} from plugin/dist/schema.json
#   scripts/gen-sdk.sh --out DIR [--schema F] write them under DIR instead (the tests compare the two)
#   scripts/gen-sdk.sh --build-only           only build the generator (CI does it before the tests)
#
# The generator, tools/pulumi-sdkgen, is built from Go modules into .cache/pulumi-sdkgen/bin/ the
# first time (and again when its stamp changes), with the flags scripts/build-pulumi-cli.sh uses so the
# two share the Go build cache.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO_ROOT/sdk"
SCHEMA="$REPO_ROOT/plugin/dist/schema.json"
BUILD_ONLY=false
while [ $# -gt 0 ]; do
    case "$1" in
        --build-only) BUILD_ONLY=true; shift ;;
        --out) OUT=$2; shift 2 ;;
        --schema) SCHEMA=$2; shift 2 ;;
        *) echo "usage: $0 [--out DIR] [--schema schema.json] | --build-only" >&2; exit 2 ;;
    esac
done

log() { printf '[gen-sdk %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

GO=$(command -v go || true)
if [ -z "$GO" ] && [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go; fi
if [ -z "$GO" ]; then
    log "error: no 'go' on PATH (or /usr/local/go/bin/go); install Go >= 1.25 to generate the SDKs"
    exit 1
fi
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GOFLAGS="${GOFLAGS:-} -buildvcs=false -trimpath"

MODULE="$REPO_ROOT/tools/pulumi-sdkgen"
BIN="$REPO_ROOT/.cache/pulumi-sdkgen/bin/pulumi-sdkgen"
want=$(cd "$MODULE" && find . -type f \( -name '*.go' -o -name 'go.mod' -o -name 'go.sum' \) -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
want="$want $("$GO" env GOVERSION)"
if [ ! -x "$BIN" ] || [ "$(cat "$BIN.stamp" 2>/dev/null || true)" != "$want" ]; then
    log "building pulumi-sdkgen (module tools/pulumi-sdkgen); ~1 min after the CLI build, longer from a cold Go cache..."
    start=$(date +%s)
    mkdir -p "$(dirname "$BIN")"
    (cd "$MODULE" && "$GO" build -ldflags "-s -w" -o "$BIN.tmp" .)
    mv -f "$BIN.tmp" "$BIN"
    echo "$want" >"$BIN.stamp"
    log "built $BIN in $(($(date +%s) - start))s"
fi

if [ "$BUILD_ONLY" = true ]; then exit 0; fi
if [ ! -f "$SCHEMA" ]; then
    log "error: no schema at $SCHEMA; run 'npm run build --workspace plugin' first"
    exit 1
fi
"$BIN" --schema "$SCHEMA" --out "$OUT"
