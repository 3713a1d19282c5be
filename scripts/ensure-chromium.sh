#!/bin/sh
# Browser tests drive Debian's chromium through Playwright (no browser download: the machine has
# no internet but the package registries). Install it when missing and we are allowed to.
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "chromium is missing and cannot be installed here (needs root and apt-get):" \
       "browser tests will be skipped. Install it with: sudo apt-get install chromium" >&2
fi
