#!/usr/bin/env bash
# Builds the Pulumi CLI, a Node.js language host and the Pulumi YAML language host from Go modules
# into .cache/pulumi/bin/ (see docs/pulumi-cli.md).
#
#   scripts/build-pulumi-cli.sh          build what is missing or stale
#   scripts/build-pulumi-cli.sh --force  rebuild all three binaries
#   scripts/build-pulumi-cli.sh --quiet  print nothing when there is nothing to do
#   RESOURCEGROUPS_PULUMI_VERSION=3.277.0 scripts/build-pulumi-cli.sh
#                                        the CLI of the Node.js 22/24 runs, into .cache/pulumi-3.277.0/bin/
#
# Inputs (committed): tools/pulumi-cli/{go.mod,go.sum} pin
# github.com/pulumi/pulumi/pkg/v3 v3.248.0 (the default), tools/pulumi-cli-<major.minor>/
# pin any other version; tools/pulumi-language-nodejs/ holds the Node.js language host,
# built for every version. tools/pulumi-language-yaml/ pins the YAML language host: it does not
# depend on the CLI version, so it is built once into .cache/pulumi-language-yaml/bin/ and
# hard-linked next to every CLI. A binary is rebuilt only when its stamp (version, Go version, hash of its
# module's files) changes. Takes ~6 minutes (CLI) plus ~2 minutes (YAML host) the first time on
# 2 cores (plus ~1 minute of module downloads); a no-op afterwards.
set -euo pipefail

VERSION=${RESOURCEGROUPS_PULUMI_VERSION:-3.248.0}
VERSION=${VERSION#v}
PULUMI_VERSION=v$VERSION

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The default version keeps the paths it always had; another one gets its own module and folder.
if [ "$VERSION" = 3.248.0 ]; then
    CLI_MODULE="$REPO_ROOT/tools/pulumi-cli"
    BIN_DIR="$REPO_ROOT/.cache/pulumi/bin"
else
    CLI_MODULE="$REPO_ROOT/tools/pulumi-cli-${VERSION%.*}"
    BIN_DIR="$REPO_ROOT/.cache/pulumi-$VERSION/bin"
fi
if ! grep -qE "^[[:space:]]*(require[[:space:]]+)?github\.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION( |$)" \
    "$CLI_MODULE/go.mod" 2>/dev/null; then
    echo "build-pulumi-cli: no module pins pulumi $PULUMI_VERSION (looked for ${CLI_MODULE#"$REPO_ROOT"/}/go.mod);" \
        "RESOURCEGROUPS_PULUMI_VERSION must be 3.248.0 or a version with a tools/pulumi-cli-<major.minor>/ module" >&2
    exit 2
fi
FORCE=0
QUIET=0
for arg in "$@"; do
    case "$arg" in
        --force) FORCE=1 ;;
        --quiet) QUIET=1 ;;
        *) echo "usage: $0 [--force] [--quiet]" >&2; exit 2 ;;
    esac
done
BUILT=0

log() { printf '[build-pulumi-cli %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

GO=$(command -v go || true)
if [ -z "$GO" ] && [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go; fi
if [ -z "$GO" ]; then
    log "error: no 'go' on PATH (or /usr/local/go/bin/go); install Go >= 1.25 to build the Pulumi CLI"
    exit 1
fi

# Never pick another toolchain behind our back, never stamp VCS info of this repo.
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GOFLAGS="${GOFLAGS:-} -buildvcs=false -trimpath"
# Module hashes are checked against the committed go.sum files (default
# -mod=readonly: the build never edits go.mod/go.sum).

LDFLAGS="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"

# The YAML language host: its version is the one its module pins.
YAML_MODULE="$REPO_ROOT/tools/pulumi-language-yaml"
YAML_BIN_DIR="$REPO_ROOT/.cache/pulumi-language-yaml/bin"
YAML_VERSION=$(grep -oE 'github\.com/pulumi/pulumi-yaml v[^[:space:]]+' "$YAML_MODULE/go.mod" | head -n 1 | cut -d' ' -f2)
if [ -z "$YAML_VERSION" ]; then
    echo "build-pulumi-cli: ${YAML_MODULE#"$REPO_ROOT"/}/go.mod pins no github.com/pulumi/pulumi-yaml version" >&2
    exit 2
fi
YAML_LDFLAGS="-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION"

# stamp MODULE_DIR VERSION -> a line identifying everything the binary is built from.
stamp() {
    local dir=$1 version=$2 sum
    sum=$(cd "$dir" && find . -type f \( -name '*.go' -o -name 'go.mod' -o -name 'go.sum' \) -print0 \
        | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
    echo "$version $("$GO" env GOVERSION) $sum"
}

# build NAME MODULE_DIR PACKAGE [OUT_DIR VERSION LDFLAGS]: by default into BIN_DIR, as the CLI's version.
build() {
    local name=$1 dir=$2 pkg=$3 out_dir=${4:-$BIN_DIR} version=${5:-$PULUMI_VERSION} ldflags=${6:-$LDFLAGS}
    local out="$out_dir/$name" want have start
    want=$(stamp "$dir" "$version")
    have=$(cat "$out.stamp" 2>/dev/null || true)
    if [ "$FORCE" = 0 ] && [ -x "$out" ] && [ "$want" = "$have" ]; then
        [ "$QUIET" = 1 ] || log "$name is up to date ($want)"
        return
    fi
    log "building $name $version from $pkg (module ${dir#"$REPO_ROOT"/}); first build on 2 cores: ~1 min (Node.js host), ~2 min (YAML host), ~6 min (pulumi)..."
    start=$(date +%s)
    mkdir -p "$out_dir"
    (cd "$dir" && "$GO" build -ldflags "$ldflags" -o "$out.tmp" "$pkg")
    mv -f "$out.tmp" "$out"
    echo "$want" >"$out.stamp"
    BUILT=1
    log "built $out in $(($(date +%s) - start))s ($(du -h "$out" | cut -f1))"
}

mkdir -p "$BIN_DIR"
[ "$QUIET" = 1 ] || log "using $("$GO" version)"
build pulumi-language-nodejs "$REPO_ROOT/tools/pulumi-language-nodejs" .
build pulumi "$CLI_MODULE" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
# One build for every CLI version (its own folder, its own stamp). It keeps pulumi-yaml's own Pulumi
# modules (v3.206.0), so it shares little of the CLI's compiled packages.
build pulumi-language-yaml "$YAML_MODULE" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml \
    "$YAML_BIN_DIR" "$YAML_VERSION" "$YAML_LDFLAGS"

# The CLI looks for its bundled plugins (dynamic provider, policy launcher)
# next to its own executable first; link our launcher scripts there so the
# one found on PATH is the same file and the CLI prints no "using X from $PATH" warning.
for script in "$REPO_ROOT"/scripts/bin/pulumi-*; do
    ln -sfn "../../../scripts/bin/$(basename "$script")" "$BIN_DIR/$(basename "$script")"
done
# The YAML host is a bundled plugin too: the one build, hard-linked next to every CLI (again after each
# rebuild). Not a symlink: the CLI resolves a symlink found on PATH and, where the repository's path
# itself goes through a symlink, would warn that the host it found is not the one next to it.
ln -f "$YAML_BIN_DIR/pulumi-language-yaml" "$BIN_DIR/pulumi-language-yaml" 2>/dev/null ||
    cp -f "$YAML_BIN_DIR/pulumi-language-yaml" "$BIN_DIR/pulumi-language-yaml"

actual=$(PULUMI_SKIP_UPDATE_CHECK=true "$BIN_DIR/pulumi" version 2>/dev/null || true)
if [ "$actual" != "$PULUMI_VERSION" ]; then
    log "error: $BIN_DIR/pulumi reports version '$actual', expected $PULUMI_VERSION"
    exit 1
fi
if [ "$QUIET" = 0 ] || [ "$BUILT" = 1 ]; then
    log "ready: $BIN_DIR (pulumi $actual)"
fi
