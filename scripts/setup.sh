#!/usr/bin/env bash
# Set up everything Liaison needs on a fresh Debian-family machine (Debian, Ubuntu, Kylin,
# UOS): the system libraries Qt needs, CJK fonts for forms, then a Python virtual
# environment with the project installed. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's runtime libraries, TrueType CJK fonts (forms embed them), poppler for PDF checks,
# Chromium and its driver for the browser tests of the server's phone scoring page.
SYSTEM_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
                 libglib2.0-0 fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming
                 poppler-utils chromium chromium-driver)
if [ -n "${LIAISON_EXTRA_PACKAGES:-}" ]; then
  read -r -a extra <<<"$LIAISON_EXTRA_PACKAGES"
  SYSTEM_PACKAGES+=("${extra[@]}")
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    echo "Installing system packages (sudo): ${missing[*]}"
    sudo apt-get update -qq
    sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Note: these system packages are missing: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.liaison-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
.venv/bin/python scripts/i18n.py compile >/dev/null
