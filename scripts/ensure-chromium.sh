#!/usr/bin/env bash
# Playwright drives Debian's Chromium (never a downloaded browser build: nothing outside the
# npm registry and Debian's packages is reachable from our machines).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but no executable is there." >&2
  echo "Point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's /usr/bin/chromium." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "Chromium is missing: installing Debian's chromium package (about 20 s)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  if [ ! -x "$CHROMIUM" ]; then
    echo "apt-get finished but $CHROMIUM is still missing." >&2
    exit 1
  fi
  echo "Installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)." >&2
  exit 0
fi

cat >&2 <<MSG
The end-to-end tests need Chromium at $CHROMIUM, and it is not installed.
Install it with:

  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium

or point CHROMIUM_PATH at an existing Chromium binary. (Do not run 'npx playwright install':
it downloads a browser build and fails on machines without internet access.)
MSG
exit 1
