#!/usr/bin/env bash
# Install headless Chromium (Debian package `chromium`) for tests/viz/test_html_page.py.
# Does nothing when a chromium binary is already on PATH; installs with apt-get only when run as
# root (CI containers); otherwise says how and leaves the test to skip.
set -euo pipefail
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    echo "install-chromium: $(command -v "$name") is present"
    exit 0
  fi
done
if [ "$(id -u)" != "0" ]; then
  echo "install-chromium: not root; install it with: sudo apt-get install chromium (the browser test skips until then)" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here; install Chromium by other means (the browser test skips until then)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium
chromium --version
