#!/usr/bin/env bash
# Set up everything Liaison needs on a fresh Debian-family machine (Debian, Ubuntu, Kylin,
# UOS): the system libraries Qt needs, CJK fonts for forms, then a Python virtual
# environment with the project installed. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's runtime libraries, TrueType CJK fonts (forms embed them), poppler for PDF checks.
# (The tests' own tools are added below: test_tools.)
SYSTEM_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
                 libglib2.0-0 fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming
                 poppler-utils)
if [ -n "${LIAISON_EXTRA_PACKAGES:-}" ]; then
  read -r -a extra <<<"$LIAISON_EXTRA_PACKAGES"
  SYSTEM_PACKAGES+=("${extra[@]}")
fi

# The tests' tools: nginx for the HTTPS tests (tests/sync/test_tls.py start their own nginx
# on a loopback port) and openssl for their certificates.
test_tools() {
  command -v openssl >/dev/null 2>&1 || echo openssl
  [ -x /usr/sbin/nginx ] || echo nginx-light
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  while read -r tool; do
    [ -n "$tool" ] && missing+=("$tool")
  done < <(test_tools)
fi

# Installs packages without starting their services: the nginx package would otherwise run
# Debian's default site on port 80 and start again at every boot. policy-rc.d (101: "not
# allowed") stops the start during installation, then the service is disabled.
apt_install() {
  local guard=/usr/sbin/policy-rc.d added="" status=0
  if [ ! -e "$guard" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$guard" && chmod 755 "$guard" && added=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local packages=() pkg
  apt-get update -qq || status=$?
  for pkg in "$@"; do
    # Debian 13 has no nginx-light; its nginx package is as small.
    if [ "$pkg" = nginx-light ] && ! apt-cache show nginx-light >/dev/null 2>&1; then
      pkg=nginx
    fi
    packages+=("$pkg")
  done
  [ "$status" != 0 ] || apt-get install -y -qq --no-install-recommends "${packages[@]}" \
    >/dev/null || status=$?
  [ -z "$added" ] || rm -f "$guard"
  if [ -e /etc/init.d/nginx ] && printf '%s\n' "$@" | grep -qx 'nginx\(-light\)\{0,1\}'; then
    if [ -d /run/systemd/system ]; then
      systemctl disable --now --quiet nginx >/dev/null 2>&1 || true
    else
      update-rc.d nginx disable >/dev/null 2>&1 || true
    fi
  fi
  return "$status"
}

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt_install "${missing[@]}"
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    echo "Installing system packages (sudo): ${missing[*]}"
    sudo bash -c "$(declare -f apt_install); apt_install $(printf '%q ' "${missing[@]}")"
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
