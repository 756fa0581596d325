#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb from this build tree and checks it as a user would meet it: its contents and
# dependencies, the desktop file and AppStream metadata validators, lintian, and the unpacked binary
# running `--version` and a `serve` smoke test against /health.
# usage: check_deb.sh BUILD_DIR EXPECTED_VERSION
set -euo pipefail
build_dir=$1
version=$2
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$build_dir"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack could not build the .deb"; }
deb=$(ls "$work"/out/ponder_"$version"_*.deb) || fail "no ponder_${version}_*.deb was built"
echo "built $(basename "$deb")"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/ponder \
  ./usr/share/applications/io.github.ponder_app.Ponder.desktop \
  ./usr/share/metainfo/io.github.ponder_app.Ponder.metainfo.xml \
  ./usr/share/icons/hicolor/scalable/apps/io.github.ponder_app.Ponder.svg \
  ./usr/share/icons/hicolor/256x256/apps/io.github.ponder_app.Ponder.png \
  ./usr/share/icons/hicolor/48x48/apps/io.github.ponder_app.Ponder.png \
  ./usr/share/doc/ponder/copyright \
  ./usr/share/doc/ponder/changelog.gz \
  ./usr/share/man/man1/ponder.1.gz \
  ./usr/lib/systemd/user/ponder.service; do
  grep -q " $path\$" <<<"$contents" || fail "the .deb lacks $path"
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6core6 libqt6quick6 libqt6websockets6 libhiredis libqt6keychain1 \
  libsecret-1-0 libqt6sql6-sqlite qml6-module-qtquick-controls libprotobuf-lite32 zlib1g; do
  grep -q "$package" <<<"$depends" || fail "Depends does not name $package: $depends"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package version is not $version"
echo "contents and Depends: ok"

root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/io.github.ponder_app.Ponder.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.ponder_app.Ponder.metainfo.xml"
lintian --fail-on error "$deb" >"$work/lintian.log" 2>&1 || { cat "$work/lintian.log"; fail "lintian reports errors"; }
echo "validators and lintian: ok"

reported=$("$root/usr/bin/ponder" --version)
[ "$reported" = "ponder $version" ] || fail "the unpacked ponder --version says '$reported'"
"$root/usr/bin/ponder" serve --port 0 --data-dir "$work/data" 2>"$work/serve.log" &
server_pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'listening on http://[0-9.:]*' "$work/serve.log" | head -1 | sed 's/listening on //') || true
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log"; fail "the unpacked ponder serve did not start"; }
health=$(curl -sf "$url/health") || fail "GET $url/health failed"
grep -q '"status":"healthy"' <<<"$health" || fail "/health is not healthy: $health"
grep -q "\"version\":\"$version\"" <<<"$health" || fail "/health does not report version $version: $health"
echo "unpacked ponder --version and serve /health: ok"
