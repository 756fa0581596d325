#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the .deb built from this tree into a clean Debian root the way a user would
# (`apt-get install ./ponder_*.deb`, so that apt resolves its Depends from the mirror) and runs it there:
# `ponder --version`, `ponder serve` against /health, and the window offscreen for a few seconds, which
# must then exit cleanly on SIGTERM. A run-time need missing from Depends (a QML module, the SQLite
# driver, fonts) fails here; that is what this test is for (see cmake/PonderPackaging.cmake).
#
# Needs root (or password-less sudo), debootstrap and the machine's Debian mirror, read from its apt
# sources. The minimal root is made once and kept as a tarball in CACHE_DIR (under build/, so local runs
# reuse it; CI starts fresh). The root lives in a temporary folder; its processes, its /proc mount and
# the folder are removed when the script ends, however it ends.
# usage: check_clean_install.sh BUILD_DIR EXPECTED_VERSION CACHE_DIR
set -euo pipefail
build_dir=$(realpath "$1")
version=$2
cache_dir=$(realpath -m "$3")

fail() { echo "FAIL: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
[ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null || fail "needs root or password-less sudo (mount, chroot)"
debootstrap=$(PATH="$PATH:/usr/sbin:/sbin" command -v debootstrap) || fail "debootstrap is not installed (scripts/install-deps.sh)"

. /etc/os-release
codename=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
# The suites this machine installs from (e.g. bookworm, bookworm-updates, bookworm-security), main only.
sources=$(apt-get indextargets --format '$(SITE) $(RELEASE) $(COMPONENT)' 'Identifier: Packages' |
  awk -v c="$codename" '$3 == "main" && ($2 == c || $2 == c "-updates" || $2 == c "-security")' | sort -u)
mirror=$(awk -v c="$codename" '$2 == c { print $1; exit }' <<<"$sources")
[ -n "$mirror" ] || fail "no apt source for $codename main on this machine"

work=$(mktemp -d "${TMPDIR:-/tmp}/ponder-clean-root.XXXXXX")
root="$work/root"
# Stops whatever still runs inside the root (only processes this script started there), unmounts what is
# mounted under it, and removes it; the removal never crosses into a file system still mounted there.
cleanup() {
  local status=$? link pid
  for link in /proc/[0-9]*/root; do
    pid=${link#/proc/}
    pid=${pid%/root}
    if [ "$(as_root readlink "$link" 2>/dev/null)" = "$root" ]; then as_root kill -KILL "$pid" 2>/dev/null || true; fi
  done
  awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/self/mounts | sort -r |
    while read -r mount; do as_root umount -l "$mount" || true; done
  if awk -v r="$root/" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
    echo "warning: something is still mounted under $root; left in place" >&2
  else
    as_root rm -rf --one-file-system "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "[$(date +%T)] $*"; }

step "building the .deb"
cd "$build_dir"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack could not build the .deb"; }
deb=$(ls "$work"/out/ponder_"$version"_*.deb) || fail "no ponder_${version}_*.deb was built"

# A minimal Debian (debootstrap's minbase), made once per cache folder and kept for a week.
mkdir -p "$cache_dir"
tarball="$cache_dir/$codename-minbase.tar.gz"
if [ -z "$(find "$tarball" -mtime -7 2>/dev/null)" ]; then
  step "debootstrap $codename from $mirror (kept in $tarball)"
  as_root "$debootstrap" --variant=minbase "$codename" "$work/fresh" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 40 "$work/debootstrap.log"; fail "debootstrap failed"; }
  as_root tar -C "$work/fresh" -czf "$tarball.$$" . && as_root mv "$tarball.$$" "$tarball"
  as_root rm -rf --one-file-system "$work/fresh"
fi
step "unpacking the clean root"
as_root mkdir "$root"
as_root tar -C "$root" -xzf "$tarball"
as_root mount -t proc proc "$root/proc"
as_root cp /etc/resolv.conf "$root/etc/resolv.conf"
# Packages' maintainer scripts must not start services inside the root.
printf '#!/bin/sh\nexit 101\n' | as_root tee "$root/usr/sbin/policy-rc.d" >/dev/null
as_root chmod 755 "$root/usr/sbin/policy-rc.d"
awk '{ print "deb " $1 " " $2 " " $3 }' <<<"$sources" | as_root tee "$root/etc/apt/sources.list" >/dev/null
as_root cp "$deb" "$root/tmp/"
# A command run inside the root, with a clean environment. A simple command, not a function, so that a
# background one's $! is the process itself (chroot, env and ponder exec one another), which gets the signals.
in_root=(chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)
[ "$(id -u)" -eq 0 ] || in_root=(sudo -n "${in_root[@]}")

step "apt-get install ./$(basename "$deb") (Depends only, no Recommends)"
"${in_root[@]}" apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update failed in the root"; }
"${in_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1 || { tail -n 40 "$work/apt.log"; fail "apt-get could not install the .deb"; }
grep -E '^(Need to get|After this operation)' "$work/apt.log" || true
missing=$("${in_root[@]}" ldd /usr/bin/ponder | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries missing for /usr/bin/ponder: $missing"

# Qt draws text with what fontconfig finds; without a font file the window shows no text and says nothing.
fonts=$(find "$root/usr/share/fonts" -type f \( -name '*.ttf' -o -name '*.otf' -o -name '*.pfb' \) 2>/dev/null | wc -l)
[ "$fonts" -gt 0 ] || fail "no font came with the .deb's dependencies: the window would show no text"
echo "libraries and fonts ($fonts font files): ok"

reported=$("${in_root[@]}" ponder --version)
[ "$reported" = "ponder $version" ] || fail "ponder --version says '$reported'"
echo "ponder --version: ok"

# Waits for "listening on URL" in a log while the process lives; prints the URL.
wait_for_url() {
  local log=$1 pid=$2 url
  for _ in $(seq 1 300); do
    url=$(grep -o 'listening on http://[0-9.:]*' "$log" | head -1 | sed 's/listening on //') || true
    [ -n "$url" ] && { echo "$url"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
check_health() {
  local url=$1 health
  health=$(curl -sf --max-time 10 "$url/health") || fail "GET $url/health failed"
  grep -q '"status":"healthy"' <<<"$health" || fail "/health is not healthy: $health"
  grep -q "\"version\":\"$version\"" <<<"$health" || fail "/health does not report version $version: $health"
}
# Run-time needs that a missing dependency shows up as, in Qt's own words.
check_log() {
  local log=$1 what=$2 problems
  problems=$(grep -E 'is not installed|driver not loaded|Cannot find font|Could not (find|load) the Qt platform|failed to load|QQmlApplicationEngine failed|module ".*" plugin|Error:' "$log" || true)
  [ -z "$problems" ] || { cat "$log"; fail "$what reports a missing run-time dependency: $problems"; }
}
# SIGTERM, then the exit status (in $exit_status) once it has ended, within 15 s.
stop_with_sigterm() {
  local pid=$1
  kill -TERM "$pid"
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && fail "still running 15 s after SIGTERM"
  exit_status=0
  wait "$pid" || exit_status=$?
}

step "ponder serve"
"${in_root[@]}" ponder serve --port 0 --data-dir /tmp/serve-data 2>"$work/serve.log" &
pid=$!
url=$(wait_for_url "$work/serve.log" "$pid") || { cat "$work/serve.log"; fail "ponder serve did not start"; }
check_health "$url"
stop_with_sigterm "$pid"
check_log "$work/serve.log" "ponder serve"
[ "$exit_status" -eq 0 ] || { cat "$work/serve.log"; fail "ponder serve exited with status $exit_status on SIGTERM"; }
echo "ponder serve, /health and SIGTERM: ok"

step "the window, offscreen"
# The backend starts only once the window's QML has loaded, so its "listening on" says both worked.
"${in_root[@]}" env QT_QPA_PLATFORM=offscreen ponder --port 0 --data-dir /tmp/window-data 2>"$work/window.log" &
pid=$!
started=$(date +%s)
url=$(wait_for_url "$work/window.log" "$pid") || { cat "$work/window.log"; fail "the window did not start"; }
check_health "$url"
# Stays up: a crash while it settles (bindings, first frames, the keychain's answer) ends it early.
while [ $(($(date +%s) - started)) -lt 5 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/window.log"; fail "the window ended within 5 s"; }
  sleep 0.2
done
stop_with_sigterm "$pid"
check_log "$work/window.log" "the window"
[ "$exit_status" -eq 0 ] || { cat "$work/window.log"; fail "the window exited with status $exit_status on SIGTERM"; }
echo "the window offscreen for 5 s, /health and SIGTERM: ok"
# What Qt warned about in the clean root, for the log (the keychain's missing D-Bus is expected there).
grep -E ' (warning|critical) ' "$work/window.log" | head -n 20 | sed 's/^/  window: /' || true
