#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists. Playwright cannot download its own
# browsers here, so the tests drive Debian's chromium package. Installs it when missing and
# this user can (root with apt-get); otherwise says what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[sit-atlas] installing Debian's chromium for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[sit-atlas] The end-to-end tests need Chromium at $CHROMIUM." >&2
echo "            Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
exit 1
