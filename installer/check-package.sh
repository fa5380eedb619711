#!/usr/bin/env bash
# Checks a built socketlab .deb: its metadata, and that it holds every file a desktop expects.
set -euo pipefail
deb="$1"
app_id="org.socketlab.SocketLab"
fail() { echo "check-package: $*" >&2; exit 1; }

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in \
    ./usr/bin/socketlab \
    ./usr/share/applications/$app_id.desktop \
    ./usr/share/metainfo/$app_id.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    ./usr/share/icons/hicolor/16x16/apps/$app_id.png \
    ./usr/share/icons/hicolor/32x32/apps/$app_id.png \
    ./usr/share/icons/hicolor/48x48/apps/$app_id.png \
    ./usr/share/icons/hicolor/128x128/apps/$app_id.png \
    ./usr/share/icons/hicolor/256x256/apps/$app_id.png \
    ./usr/share/man/man1/socketlab.1 \
    ./usr/share/doc/socketlab/user-guide.md \
    ./usr/share/socketlab/profiles/misbehaving-http.json \
    ./usr/share/socketlab/profiles/slow-lossy-echo.json; do
    grep -qxF "$path" <<<"$contents" || fail "$deb lacks $path"
done

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Section)" = net ] || fail "Section is '$(field Section)', not net"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends="$(field Depends)"
# libssl3 comes from dpkg-shlibdeps (the binary links libcrypto); Qt's TLS plug-in loads its libssl.
for lib in libqt6widgets6 libqt6network6 libqt6gui6 libqt6svg6 libssl3; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -q qt6-wayland <<<"$(field Recommends)" || fail "Recommends lacks qt6-wayland"

# The installed desktop entry and metainfo, as the package holds them, must validate.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work"
desktop-file-validate "$work/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$work/usr/share/metainfo/$app_id.metainfo.xml"
# The man page renders without warnings.
if command -v groff >/dev/null 2>&1; then
    [ -z "$(groff -man -Tutf8 -ww "$work/usr/share/man/man1/socketlab.1" 2>&1 >/dev/null)" ] \
        || fail "the man page has warnings"
fi
echo "check-package: $deb holds every file and validates"
