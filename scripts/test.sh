#!/usr/bin/env bash
# The whole test suite, as CI runs it. PostgreSQL server tests run when a server can be
# started here (as root with apt-get); otherwise they are skipped and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
if [ -z "${LIAISON_TEST_PG_URL:-}" ] && [ -x scripts/ci-postgres.sh ]; then
  if url=$(scripts/ci-postgres.sh 2>/tmp/liaison-ci-postgres.log); then
    export LIAISON_TEST_PG_URL="$url"
  else
    echo "PostgreSQL not available; its server tests will be skipped (see /tmp/liaison-ci-postgres.log)"
    if [ -n "${LIAISON_CI:-}" ]; then
      echo "CI must run them: failing" >&2
      exit 1
    fi
  fi
fi
# Two workers for everything that has its own temporary files; the PostgreSQL variants share
# one server database, so they run afterwards in one process.
status=0
.venv/bin/python -m pytest -p no:cacheprovider -n 2 --timeout 600 -m "not postgres" "$@" \
  || status=$?
if [ -n "${LIAISON_TEST_PG_URL:-}" ]; then
  .venv/bin/python -m pytest -p no:cacheprovider --timeout 600 -m postgres "$@" || status=$?
fi
exit "$status"
