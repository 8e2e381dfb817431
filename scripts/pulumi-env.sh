#!/usr/bin/env bash
# shellcheck shell=bash
# Pulumi CLI for this repository (see docs/pulumi-cli.md). Two modes:
#
#   Your own CLI (default). Sourcing changes nothing: not PATH, not PULUMI_*, not ~/.pulumi. It only
#   says which `pulumi` your shell will use, and how to get the sandbox when there is none.
#       source scripts/pulumi-env.sh
#
#   The sandbox (asked for with --sandbox, or RESOURCEGROUPS_SANDBOX=1): the CLI the repository's own
#   commands use (npm test, npm run demo), with its home, state and passphrase inside the repository.
#       source scripts/pulumi-env.sh --sandbox           # set up the current bash/zsh shell
#       scripts/pulumi-env.sh --sandbox pulumi preview   # run one command in the sandbox
#       scripts/pulumi-env.sh --sandbox                  # print the environment it sets
#
# The sandbox uses Pulumi CLI v3.248.0, or the version in RESOURCEGROUPS_PULUMI_VERSION (3.277.0 for
# the Node.js 22/24 runs, kept in .cache/pulumi-3.277.0). It finds that CLI, in this order:
#   1. a `pulumi` already on PATH (with RESOURCEGROUPS_PULUMI_VERSION set: only if it is that version);
#   2. the build in .cache/pulumi/bin or .cache/pulumi-<version>/bin (scripts/build-pulumi-cli.sh; refreshed
#      when `go` is available and the pinned sources changed);
#   3. building it with Go (scripts/build-pulumi-cli.sh, ~6 min the first time);
#   4. the official npm launcher package `pulumi`, which downloads the CLI
#      from get.pulumi.com into $PULUMI_HOME/versions/ (needs internet).
# Each CLI of steps 2 and 3 has the Pulumi YAML language host next to it (a hard link to the one build in
# .cache/pulumi-language-yaml, made with the CLI); official CLIs ship their own.
# Existing values of the variables below are kept (except PATH, which is prepended).

_pulumi_env_main() {
    local want_version=${RESOURCEGROUPS_PULUMI_VERSION:-3.248.0}
    want_version=${want_version#v}
    # npm has no `pulumi` launcher at 3.248.0; its launchers read PULUMI_VERSION
    # to pick the CLI version they download.
    local npm_launcher=pulumi@3.250.0
    local here repo root cache cli_dir="" how="" have=""
    here=$1
    repo=$(cd "$(dirname "$here")/.." && pwd) || return 1
    # The default version keeps .cache/pulumi; any other one has a folder of its own.
    root="$repo/.cache/pulumi"
    [ "$want_version" = 3.248.0 ] || root="$repo/.cache/pulumi-$want_version"
    cache="$root/bin"

    # Keep plugins, credentials and workspace settings in the repo cache, not ~/.pulumi.
    export PULUMI_HOME="${PULUMI_HOME:-$root/home}"
    # Don't ask get.pulumi.com whether a newer CLI exists.
    export PULUMI_SKIP_UPDATE_CHECK=true
    # Never download provider/language plugins on the fly; missing ones are an error.
    export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
    # Don't ask the Pulumi Registry (network) to resolve package names.
    export PULUMI_DISABLE_REGISTRY_RESOLVE=true
    # Non-interactive: no "Do you want to perform this update?" prompts (still pass --yes for up/destroy).
    export PULUMI_SKIP_CONFIRMATIONS="${PULUMI_SKIP_CONFIRMATIONS:-true}"

    local go_bin=""
    if command -v go >/dev/null 2>&1; then
        go_bin=$(command -v go)
    elif [ -x /usr/local/go/bin/go ]; then
        go_bin=/usr/local/go/bin/go
    fi

    local on_path=""
    if command -v pulumi >/dev/null 2>&1; then
        on_path=$(command -v pulumi)
        # A version asked for by name is a requirement: a pulumi on PATH of another version is passed over.
        if [ -n "${RESOURCEGROUPS_PULUMI_VERSION:-}" ]; then
            have=$(pulumi version 2>/dev/null || true)
            [ "$have" = "v$want_version" ] || on_path=""
        fi
    fi

    if [ -n "$on_path" ]; then
        cli_dir=$(dirname "$on_path")
        how="already on PATH"
    elif [ -x "$cache/pulumi" ] && [ -x "$cache/pulumi-language-nodejs" ] && [ -z "$go_bin" ]; then
        cli_dir=$cache
        how="cached build"
    elif [ -n "$go_bin" ]; then
        # No-op (and silent) when .cache/pulumi/bin is up to date.
        PATH="$(dirname "$go_bin"):$PATH" RESOURCEGROUPS_PULUMI_VERSION=$want_version \
            "$repo/scripts/build-pulumi-cli.sh" --quiet || return 1
        cli_dir=$cache
        how="built with Go"
    elif command -v npx >/dev/null 2>&1; then
        echo "pulumi-env: no pulumi, no cached build, no go: trying npm package $npm_launcher (downloads CLI v$want_version)" >&2
        PULUMI_VERSION=$want_version npx --yes "$npm_launcher" version >&2 || return 1
        cli_dir="$PULUMI_HOME/versions/$want_version/bin"
        how="npm launcher ($npm_launcher)"
    else
        echo "pulumi-env: cannot find or build the Pulumi CLI: need pulumi on PATH, Go >= 1.25, or npx" >&2
        return 1
    fi

    # The CLI's folder first (it holds pulumi-language-nodejs and, for our build,
    # links to the launchers and to pulumi-language-yaml), then our launchers for a CLI installed elsewhere.
    case ":$PATH:" in *":$cli_dir:"*) ;; *) PATH="$cli_dir:$PATH" ;; esac
    case ":$PATH:" in *":$repo/scripts/bin:"*) ;; *) PATH="$PATH:$repo/scripts/bin" ;; esac
    export PATH

    # State of every stack lives in the repo (git-ignored .data/), no Pulumi Cloud login.
    export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$repo/.data/pulumi-state}"
    case "$PULUMI_BACKEND_URL" in
        file://*) mkdir -p "${PULUMI_BACKEND_URL#file://}" ;;
    esac
    mkdir -p "$PULUMI_HOME"
    # Passphrase for stack secrets in dev stacks; documented default, NOT a secret.
    if [ -z "${PULUMI_CONFIG_PASSPHRASE+set}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
        export PULUMI_CONFIG_PASSPHRASE=resource-groups-dev
    fi

    # Asked of the CLI in use, unless that one already answered above.
    if [ "$how" != "already on PATH" ] || [ -z "$have" ]; then
        have=$(pulumi version 2>/dev/null || true)
    fi
    if [ "$have" != "v$want_version" ]; then
        echo "pulumi-env: warning: using pulumi $have ($how, $(command -v pulumi)); this repo pins v$want_version" >&2
    fi
    PULUMI_ENV_CLI=$(command -v pulumi)
    export PULUMI_ENV_CLI
}

# Your own CLI: reports, changes nothing (not even a shell variable) and runs no `pulumi` command,
# which could write to ~/.pulumi (update checks).
_pulumi_env_report() {
    if command -v pulumi >/dev/null 2>&1; then
        echo "pulumi-env: using your pulumi ($(command -v pulumi)) with your own ~/.pulumi, login and settings; nothing was changed. For the repository's sandbox: source scripts/pulumi-env.sh --sandbox" >&2
        return 0
    fi
    echo "pulumi-env: no pulumi on PATH. Install it (https://www.pulumi.com/docs/install/), or use the repository's build in a sandbox: source scripts/pulumi-env.sh --sandbox" >&2
    return 1
}

if [ -n "${ZSH_VERSION:-}" ]; then
    eval '_pulumi_env_self=${(%):-%x}'
    case "${ZSH_EVAL_CONTEXT:-}" in *:file*) _pulumi_env_sourced=1 ;; *) _pulumi_env_sourced=0 ;; esac
else
    _pulumi_env_self=${BASH_SOURCE[0]:-$0}
    if [ "${BASH_SOURCE[0]:-$0}" != "$0" ]; then _pulumi_env_sourced=1; else _pulumi_env_sourced=0; fi
fi
_pulumi_env_sandbox=0
case "${RESOURCEGROUPS_SANDBOX:-}" in 1 | true | yes) _pulumi_env_sandbox=1 ;; esac
if [ "${1:-}" = "--sandbox" ]; then
    _pulumi_env_sandbox=1
    # Only when executed: a sourced script must not shift the caller's own arguments.
    [ "$_pulumi_env_sourced" = 1 ] || shift
fi

if [ "$_pulumi_env_sourced" = 1 ]; then
    if [ "$_pulumi_env_sandbox" = 1 ]; then
        _pulumi_env_main "$_pulumi_env_self"
    else
        _pulumi_env_report
    fi
    _pulumi_env_status=$?
    unset -f _pulumi_env_main _pulumi_env_report
    unset _pulumi_env_self _pulumi_env_sourced _pulumi_env_sandbox
    # The status of the last command is the status of `source`.
    eval "unset _pulumi_env_status; return $_pulumi_env_status"
elif [ "$_pulumi_env_sandbox" = 1 ]; then
    _pulumi_env_main "$_pulumi_env_self" || exit 1
    if [ $# -gt 0 ]; then
        exec "$@"
    fi
    for v in PULUMI_ENV_CLI PULUMI_HOME PULUMI_BACKEND_URL PULUMI_CONFIG_PASSPHRASE PULUMI_SKIP_UPDATE_CHECK \
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION PULUMI_DISABLE_REGISTRY_RESOLVE PULUMI_SKIP_CONFIRMATIONS PATH; do
        printf '%s=%s\n' "$v" "${!v}"
    done
else
    _pulumi_env_report || exit 1
    if [ $# -gt 0 ]; then
        exec "$@"
    fi
fi
