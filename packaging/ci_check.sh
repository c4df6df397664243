#!/usr/bin/env bash
# CI step after the test suite: build the bundle, self-test it frozen, build the .deb,
# install it, self-test the installed app, remove it. Runs as root on a fresh machine.
# Each step says what it does; a failure names the step and shows the end of its log.
set -uo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp -d /tmp/liaison-packaging.XXXXXX)
WORK=$(mktemp -d /tmp/liaison-selftest.XXXXXX)

step() {
  local name=$1; shift
  echo "packaging: $name"
  if ! "$@" >"$LOG/$name.log" 2>&1; then
    echo "PACKAGING STEP FAILED: $name (the test suite itself passed). Last lines of its log:" >&2
    tail -n 40 "$LOG/$name.log" >&2
    echo "full log: $LOG/$name.log" >&2
    dpkg -r liaison >/dev/null 2>&1 || true
    exit 1
  fi
}

install_deb() {
  dpkg -i dist/liaison_*.deb || apt-get -f install -y -q
  dpkg-query -W -f='${Status}\n' liaison | grep -q "install ok installed"
}

step build-bundle packaging/build_bundle.sh
step bundle-self-test sh -c "cd '$WORK' && '$PWD/dist/liaison/liaison' self-test"
step build-deb packaging/deb/build_deb.sh
step install-deb install_deb
step installed-self-test sh -c "cd '$WORK' && /usr/bin/liaison self-test && /usr/bin/liaison --version"
step remove-deb dpkg -r liaison
echo "packaging: bundle $(du -sh dist/liaison | cut -f1), $(ls dist/*.deb | xargs -n1 basename) $(du -h dist/*.deb | cut -f1); all steps passed"
rm -rf "$WORK"
