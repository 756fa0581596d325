#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a test in one of the three keychain situations a user can be in:
#   none     no D-Bus session at all (a headless machine, a bare X session)
#   bus      a private D-Bus session with no Secret Service on it
#   service  a private D-Bus session with a real Secret Service (gnome-keyring, unlocked)
# Usage: with-keychain.sh MODE COMMAND [ARGS...]. The test reads PONDER_KEYCHAIN_MODE to know which.
set -euo pipefail
mode=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ponder-keychain.XXXXXX")
cleanup() { rm -rf "$scratch"; }
trap cleanup EXIT
export PONDER_KEYCHAIN_MODE=$mode
# Nothing of the user's own session or keyrings: a fresh home for every run.
export HOME=$scratch/home XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config
export XDG_RUNTIME_DIR=$scratch/run
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# No X display: libdbus would otherwise autolaunch a session bus through it.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

case "$mode" in
none)
    "$@"
    ;;
bus)
    command -v dbus-daemon >/dev/null || { echo "with-keychain: dbus-daemon is missing (apt-get install dbus)" >&2; exit 1; }
    # A session bus that can start no service: asking it for the Secret Service gets "no such name".
    read -r address pid < <(dbus-daemon --config-file="$here/session-without-services.conf" \
        --fork --print-address=1 --print-pid=1 | paste -s -d ' ')
    trap 'kill "$pid" 2>/dev/null || true; cleanup' EXIT
    export DBUS_SESSION_BUS_ADDRESS=$address
    "$@"
    ;;
service)
    for tool in dbus-run-session gnome-keyring-daemon; do
        command -v "$tool" >/dev/null || { echo "with-keychain: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
    done
    dbus-run-session -- "$here/with-secret-service.sh" "$@"
    ;;
*)
    echo "with-keychain: unknown mode '$mode' (none, bus or service)" >&2
    exit 2
    ;;
esac
