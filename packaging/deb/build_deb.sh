#!/usr/bin/env bash
# Build dist/liaison_<version>_<arch>.deb from the bundle in dist/liaison (build_bundle.sh).
# Installs to /opt/liaison, a `liaison` command in /usr/bin, a menu entry named 驻企通.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x dist/liaison/liaison ] || { echo "no bundle: run packaging/build_bundle.sh first" >&2; exit 1; }
VERSION=$(cat dist/liaison/VERSION)
ARCH=$(dpkg --print-architecture)
STAGE=build/deb/liaison_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a dist/liaison "$STAGE/opt/liaison"
ln -s /opt/liaison/liaison "$STAGE/usr/bin/liaison"
install -m 644 packaging/deb/liaison.desktop "$STAGE/usr/share/applications/liaison.desktop"
install -m 644 resources/icons/liaison.png "$STAGE/usr/share/icons/hicolor/256x256/apps/liaison.png"
install -m 644 resources/icons/liaison.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/liaison.svg"
SIZE=$(du -sk "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
    packaging/deb/control.in > "$STAGE/DEBIAN/control"
install -m 755 packaging/deb/postinst "$STAGE/DEBIAN/postinst"
install -m 755 packaging/deb/postrm "$STAGE/DEBIAN/postrm"
OUT=dist/liaison_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT" >/dev/null
echo "package: $OUT ($(du -h "$OUT" | cut -f1))"
