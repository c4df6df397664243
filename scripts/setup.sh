#!/usr/bin/env bash
# Set up everything Liaison needs on a fresh Debian-family machine (Debian, Ubuntu, Kylin,
# UOS): the system libraries Qt needs, CJK fonts for forms, then a Python virtual
# environment with the project installed. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything the desktop package depends on (packaging/deb/control.in: Qt's libraries,
# among them every xcb library its window-system plugin loads, and a CJK font), so that
# `make run` works wherever the installed package would, instead of aborting in Qt. Then
# what developing needs besides: all three TrueType CJK fonts (forms embed them), poppler
# for PDF checks, and Chromium with its driver for the browser tests of the server's phone
# scoring page. An "a | b" group is satisfied by any one of them; apt installs the first
# it knows (older Debian-family releases name some libraries differently).
deb_depends() {
  sed -n 's/^Depends: //p' packaging/deb/control.in | tr ',' '\n' \
    | sed -e 's/([^)]*)//g' -e 's/^ *//' -e 's/ *$//' -e 's/ *| */|/g' | grep -v '^$'
}
SYSTEM_PACKAGES=()
while IFS= read -r group; do SYSTEM_PACKAGES+=("$group"); done < <(deb_depends)
# Forms: UKai stands in for FangSong (letters, undertakings); Hanazono covers CJK Extensions
# A-F so rare name characters (𠮷) print from an embedded TrueType face. Chromium and its
# driver run the phone scoring page's browser tests.
SYSTEM_PACKAGES+=(fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming poppler-utils
                 chromium chromium-driver)
SYSTEM_PACKAGES+=(fonts-arphic-ukai fonts-hanazono)
if [ -n "${LIAISON_EXTRA_PACKAGES:-}" ]; then
  read -r -a extra <<<"$LIAISON_EXTRA_PACKAGES"
  SYSTEM_PACKAGES+=("${extra[@]}")
fi
if [ "${1:-}" = "--list-system-packages" ]; then
  printf '%s\n' "${SYSTEM_PACKAGES[@]}"
  exit 0
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# The first alternative of a group that apt knows (run after apt-get update).
pick() {
  local alt
  for alt in ${1//|/ }; do
    if apt-cache show "$alt" >/dev/null 2>&1; then echo "$alt"; return; fi
  done
  echo "${1%%|*}"
}

# The tests' tools: nginx for the HTTPS tests (tests/sync/test_tls.py start their own nginx
# on a loopback port) and openssl for their certificates. Debian 13 has no nginx-light; its
# nginx package is as small.
test_tools() {
  command -v openssl >/dev/null 2>&1 || echo openssl
  [ -x /usr/sbin/nginx ] || echo "nginx-light|nginx"
  # A virtual printer for the print-path tests (tests/ui/test_print_queue.py): CUPS with
  # cups-pdf, and ipptool to make a queue report "out of paper".
  [ -x /usr/sbin/cupsd ] || echo cups
  [ -x /usr/lib/cups/backend/cups-pdf ] || echo printer-driver-cups-pdf
  command -v ipptool >/dev/null 2>&1 || echo cups-ipp-utils
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for group in "${SYSTEM_PACKAGES[@]}"; do
    found=""
    for alt in ${group//|/ }; do
      if installed "$alt"; then found=1; break; fi
    done
    [ -n "$found" ] || missing+=("$group")
  done
  while IFS= read -r tool; do missing+=("$tool"); done < <(test_tools)
fi

# Installs the first alternative apt knows of each group, without starting services: the
# nginx package would otherwise run Debian's default site on port 80 and start again at
# every boot. policy-rc.d (101: "not allowed") stops the start during installation, then
# the service is disabled. Runs as root.
apt_install() {
  local guard=/usr/sbin/policy-rc.d added="" status=0 group chosen=()
  if [ ! -e "$guard" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$guard" && chmod 755 "$guard" && added=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || status=$?
  for group in "$@"; do chosen+=("$(pick "$group")"); done
  [ "$status" != 0 ] || apt-get install -y -qq --no-install-recommends "${chosen[@]}" \
    >/dev/null || status=$?
  [ -z "$added" ] || rm -f "$guard"
  if [ -e /etc/init.d/nginx ] && printf '%s\n' "${chosen[@]}" | grep -qx 'nginx\(-light\)\{0,1\}'
  then
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
    sudo bash -c "$(declare -f pick apt_install); apt_install $(printf '%q ' "${missing[@]}")"
  else
    echo "Note: these system packages are missing: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]//|*/}" >&2
  fi
fi

# The tests' print queue "Liaison-PDF" (cups-pdf writes each job to ~/PDF of its owner).
# The scheduler is started when it is not running (containers have no init to start it).
# `lpstat -r` exits 0 whether or not the scheduler runs: only its words tell.
scheduler_up() {
  [ "$(LC_ALL=C lpstat -r 2>/dev/null)" = "scheduler is running" ]
}
print_queue() {
  [ -x /usr/sbin/cupsd ] && [ -x /usr/lib/cups/backend/cups-pdf ] || return 0
  if ! scheduler_up; then
    if [ -d /run/systemd/system ]; then systemctl start cups >/dev/null 2>&1 || true; fi
    scheduler_up || /usr/sbin/cupsd || return 0
    for _ in $(seq 40); do scheduler_up && break; sleep 0.5; done
  fi
  lpstat -p Liaison-PDF >/dev/null 2>&1 && return 0
  # lpadmin warns that printer drivers are deprecated; only a failure is worth showing.
  local out
  out=$(lpadmin -p Liaison-PDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd \
    -o PageSize=A4 2>&1) \
    || echo "Note: could not add the print queue Liaison-PDF: $out" >&2
}
if [ "$(id -u)" = "0" ]; then print_queue; fi

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
