#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian/Ubuntu packages Ponder builds, runs and tests with. Safe to run again: it only
# installs what is missing. Needs root (or sudo). Other systems: see README.md, "Other systems".
set -euo pipefail

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config clang-format
  # Qt 6 and the backend's libraries
  qt6-base-dev qt6-websockets-dev libqt6sql6-sqlite
  libhiredis-dev qtkeychain-qt6-dev libsecret-1-0
  # OTLP/HTTP traces: protobuf bodies (Ponder's own .proto files, compiled by protoc) and gzip
  libprotobuf-dev protobuf-compiler zlib1g-dev
  # QML window
  qt6-declarative-dev qt6-declarative-dev-tools qml6-module-qtquick qml6-module-qtquick-controls
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtquick-templates
  qml6-module-qtqml-workerscript qml6-module-qtqml qml6-module-qttest
  # translations
  qt6-l10n-tools qt6-tools-dev
  # tests: a real Redis, headless rendering, fonts for screenshots
  redis-server fonts-dejavu-core
  # keychain tests: a private D-Bus session, and a real Secret Service on it
  dbus gnome-keyring
  # packaging tests: build the .deb, check it, and install it into a clean Debian root with apt
  dpkg-dev lintian desktop-file-utils appstream curl debootstrap
  # fuzzing (the fuzz preset): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
)
# The black-box tests run the official `openai` npm client. Node.js from any source will do (this
# machine has NodeSource's); only when there is none at all is Debian's taken.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "install-deps: apt-get not found; install these yourself: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
