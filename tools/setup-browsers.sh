#!/usr/bin/env bash
# Installs the browsers the tests and `npm start` drive: Debian's chromium and firefox-esr.
# Runs from `npm install` (postinstall) and `.ci/run`. Never downloads a browser of its own.
# Set RXR_SKIP_BROWSERS=1 to skip (e.g. when building the extension only).
set -u
[ "${RXR_SKIP_BROWSERS:-}" = "1" ] && exit 0
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup-browsers: installing ${missing[*]} from Debian's packages…"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "setup-browsers: not root, so the browsers were not installed. Run:"
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    echo "then run the tests again (the browser tests need them)."
    exit 0
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null \
  && echo "setup-browsers: installed ${missing[*]}" \
  || { echo "setup-browsers: apt-get failed; install ${missing[*]} by hand (Debian packages)"; exit 1; }
