#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Inside dbus-run-session: starts gnome-keyring's Secret Service with a fresh login keyring unlocked by a
# throwaway password, waits until it answers, then runs the test.
set -euo pipefail
printf 'ponder-test-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
# The daemon registers on the bus shortly after it forks; the test must not race it.
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
        break
    fi
    sleep 0.1
done
exec "$@"
