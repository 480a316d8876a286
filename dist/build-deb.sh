#!/usr/bin/env bash
# Builds SiteMatch's Linux package for Debian, Kylin and UOS on x86_64 (glibc 2.28 or later):
#   dist/out/cn.sitematch.app_<version>_amd64.deb, and its line in dist/out/SHA256SUMS.
#
# Run it on a fresh Debian machine that has the Rust toolchain (rustup, the version the README
# names). It installs what it needs: Debian packages with apt-get, zig from PyPI (into a virtual
# environment under dist/build/), cargo-zigbuild from the crates registry (under dist/build/).
# The build has its own target folder, dist/build/linux/target. JOBS=n sets cargo's jobs
# (default 1; the build takes about half an hour on two busy cores).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Tested versions. cargo-zigbuild links against glibc 2.28's symbols with zig's linker, so the
# binary starts on Kylin V10 and UOS 20 (glibc 2.28) as on newer systems.
ZIG_VERSION="${ZIG_VERSION:-0.15.2}"
ZIGBUILD_VERSION="${ZIGBUILD_VERSION:-0.24.1}"
TARGET="x86_64-unknown-linux-gnu"
GLIBC="2.28"
DEB_MAINTAINER="${DEB_MAINTAINER:-The SiteMatch authors <sitematch@sitematch.cn>}"

build="$DIST/build/linux"
mkdir -p "$build" "$OUT"

say "tools"
need_debs python3-venv librsvg2-bin icoutils binutils dpkg-dev
if [ ! -x "$build/venv/bin/python" ]; then
    python3 -m venv "$build/venv"
fi
"$build/venv/bin/pip" install -q --disable-pip-version-check "ziglang==$ZIG_VERSION"
if ! "$build/tools/bin/cargo-zigbuild" --version 2>/dev/null | grep -q " $ZIGBUILD_VERSION\$"; then
    cargo install --locked --quiet --root "$build/tools" --version "$ZIGBUILD_VERSION" cargo-zigbuild
fi
# cargo-zigbuild runs zig as `python -m ziglang` with the venv's python.
export PATH="$build/tools/bin:$PATH"
export CARGO_ZIGBUILD_PYTHON_PATH="$build/venv/bin/python"

say "building sitematch for $TARGET with glibc $GLIBC (profile dist, $JOBS job(s))"
start=$(date +%s)
(cd "$ROOT" && nice -n 19 cargo zigbuild --locked --profile dist --bin sitematch \
    --target "$TARGET.$GLIBC" --target-dir "$build/target" -j "$JOBS")
echo "build took $(( $(date +%s) - start )) s" >&2
bin="$build/target/$TARGET/dist/sitematch"

needed="$(glibc_needed "$bin")"
echo "highest glibc symbol version: $needed" >&2
[ "$(printf '%s\n%s\n' "$needed" "GLIBC_$GLIBC" | sort -V | tail -n 1)" = "GLIBC_$GLIBC" ] \
    || die "the binary needs $needed, more than glibc $GLIBC"

say "staging the package"
pkg="$build/pkg"
rm -rf "$pkg"
install -D -m 0755 "$bin" "$pkg/usr/bin/sitematch"
strip --strip-all "$pkg/usr/bin/sitematch"
install -D -m 0644 "$DIST/linux/$APP_ID.desktop" "$pkg/usr/share/applications/$APP_ID.desktop"
"$ROOT/assets/icon/make_icons.sh" "$build/icons"
for dir in "$build"/icons/*x*; do
    size="$(basename "$dir")"
    install -D -m 0644 "$dir/sitematch.png" "$pkg/usr/share/icons/hicolor/$size/apps/$APP_ID.png"
done
install -D -m 0644 "$ROOT/assets/icon/sitematch.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
doc="$pkg/usr/share/doc/$APP_ID"
install -D -m 0644 "$DIST/linux/copyright" "$doc/copyright"
mkdir -p "$doc/licences"
install -m 0644 "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$doc/licences/"
install -m 0644 "$ROOT"/assets/fonts/OFL-*.txt "$ROOT"/assets/fonts/egui/LICENSE-*.txt "$doc/licences/"
python3 "$DIST/third_party.py" "$TARGET" "$doc/licences/THIRD-PARTY.txt"
gzip -9n "$doc/licences/THIRD-PARTY.txt"
printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' \
    "$APP_ID" "$VERSION" "$VERSION" "$DEB_MAINTAINER" "$(date -R -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" \
    | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

mkdir -p "$pkg/DEBIAN"
installed_kb="$(du -sk --exclude=DEBIAN "$pkg" | cut -f 1)"
# X11, Wayland and OpenGL are loaded at run time (dlopen), so the linker does not list them.
sed -e "s|@VERSION@|$VERSION|" -e "s|@MAINTAINER@|$DEB_MAINTAINER|" -e "s|@SIZE@|$installed_kb|" \
    "$DIST/linux/control.in" > "$pkg/DEBIAN/control"

deb="$OUT/${APP_ID}_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
record_sum "$deb"
echo "wrote $deb ($(du -h "$deb" | cut -f 1); sitematch $(du -h "$pkg/usr/bin/sitematch" | cut -f 1), $needed)" >&2
