#!/usr/bin/env bash
# Build the one-folder bundle dist/liaison/ (PyInstaller) and stamp the version into it.
#   packaging/build_bundle.sh            # trimmed of unused Qt modules
#   LIAISON_BUNDLE_TRIM=0 packaging/build_bundle.sh   # everything, to compare sizes
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || { echo "run scripts/setup.sh first" >&2; exit 1; }
"$PY" -m PyInstaller --version >/dev/null 2>&1 || {
  echo "PyInstaller is missing: .venv/bin/pip install -e '.[dev]'" >&2; exit 1; }
VERSION=$("$PY" -c 'import liaison_app; print(liaison_app.__version__)')
"$PY" scripts/i18n.py compile >/dev/null
rm -rf build/liaison dist/liaison
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build packaging/liaison.spec
echo "$VERSION" > dist/liaison/VERSION
echo "bundle: dist/liaison ($(du -sh dist/liaison | cut -f1), version $VERSION)"
