#!/usr/bin/env bash
# Builds SiteMatch's Windows installer (x86_64, Windows 10 and 11), cross-compiled on Linux:
#   dist/out/SiteMatch-<version>-windows-x64-installer.exe, and its line in dist/out/SHA256SUMS.
#
# Run it on a fresh Debian machine that has the Rust toolchain (rustup, the version the README
# names). No Rust standard library for Windows comes from Debian or rustup here, so the script
# builds it from source: Debian's `rust-src` of exactly the installed rustc's version (from the
# trixie-backports suite, fetched with an apt state of its own under dist/build/, nothing added
# to the system's sources), with cargo's `-Zbuild-std` and the mingw-w64 linker. It installs
# mingw-w64 and NSIS from Debian. JOBS=n sets cargo's jobs (default 1; the build takes about an
# hour on two busy cores). The build has its own target folder, dist/build/windows/target.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

TARGET="x86_64-pc-windows-gnu"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BACKPORTS="${RUST_SRC_SUITE:-trixie-backports}"

build="$DIST/build/windows"
mkdir -p "$build" "$OUT"
console_version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$DIST/windows/console/Cargo.toml" | head -n 1)"
[ "$console_version" = "$VERSION" ] \
    || die "dist/windows/console/Cargo.toml is version $console_version, SiteMatch $VERSION: make them the same"

say "tools"
need_debs gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis debian-archive-keyring python3

rustc_version="$(rustc -V | awk '{print $2}')"
src="$build/rust-src-$rustc_version"
if [ ! -d "$src/usr/src/rustc-$rustc_version/library" ]; then
    say "fetching Debian's rust-src $rustc_version from $BACKPORTS"
    apt_dir="$build/apt"
    mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $BACKPORTS main" \
        > "$apt_dir/sources.list"
    apt_opts=(-o "Dir::State=$apt_dir/state" -o "Dir::Cache=$apt_dir/cache"
        -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/parts"
        -o "APT::Sandbox::User=$(id -un)")
    apt-get "${apt_opts[@]}" -qq update
    deb_version="$(apt-cache "${apt_opts[@]}" madison rust-src | awk '{print $3}' \
        | grep "^$rustc_version+" | head -n 1 || true)"
    [ -n "$deb_version" ] || die "$BACKPORTS has no rust-src $rustc_version; install a rustc that it has"
    (cd "$build" && apt-get "${apt_opts[@]}" -qq download "rust-src=$deb_version")
    rm -rf "$src"
    dpkg-deb -x "$build"/rust-src_"${deb_version//:/%3a}"_all.deb "$src"
    rm -f "$build"/rust-src_*.deb
fi

# A copy of the toolchain (hard links: no extra space) with that source as its rust-src. Its own
# cargo is run, not rustup's proxy, which would look for rust-src in the installed toolchain.
tc="$build/toolchain-$rustc_version"
if [ ! -x "$tc/bin/cargo" ]; then
    say "toolchain copy"
    rm -rf "$tc"
    cp -al "$(rustc --print sysroot)" "$tc" 2>/dev/null || cp -a "$(rustc --print sysroot)" "$tc"
    rm -rf "$tc/lib/rustlib/src"
    mkdir -p "$tc/lib/rustlib/src/rust"
    ln -s "$src/usr/src/rustc-$rustc_version/library" "$tc/lib/rustlib/src/rust/library"
fi

# -Zbuild-std is an unstable cargo flag; RUSTC_BOOTSTRAP=1 lets the stable toolchain use it.
# Only these two cargo runs get it.
cross() {
    PATH="$tc/bin:$PATH" RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
        WINDRES=x86_64-w64-mingw32-windres \
        nice -n 19 "$tc/bin/cargo" build --locked -Zbuild-std=std,panic_abort --target "$TARGET" \
        --target-dir "$build/target" -j "$JOBS" "$@"
}

say "building the app for $TARGET (profile dist, $JOBS job(s))"
start=$(date +%s)
(cd "$ROOT" && cross --profile dist --bin sitematch)
(cd "$DIST/windows/console" && cross --profile dist)
echo "build took $(( $(date +%s) - start )) s" >&2

say "staging"
stage="$build/stage"
rm -rf "$stage"
mkdir -p "$stage/licences"
cp "$build/target/$TARGET/dist/sitematch.exe" "$stage/sitematch-app.exe"
cp "$build/target/$TARGET/dist/sitematch-console.exe" "$stage/sitematch.exe"
x86_64-w64-mingw32-strip --strip-all "$stage/sitematch-app.exe" "$stage/sitematch.exe"
for f in "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$ROOT"/assets/fonts/OFL-*.txt \
    "$ROOT"/assets/fonts/egui/LICENSE-*.txt; do
    name="$(basename "$f" .txt).txt"
    # Notepad reads UTF-8 either way; CRLF line ends for older viewers.
    sed 's/$/\r/' "$f" > "$stage/licences/$name"
done
python3 "$DIST/third_party.py" "$TARGET" "$build/THIRD-PARTY.txt"
sed 's/$/\r/' "$build/THIRD-PARTY.txt" > "$stage/licences/THIRD-PARTY.txt"

say "installer"
installer="$OUT/SiteMatch-$VERSION-windows-x64-installer.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DSTAGE="$stage" \
    -DICON="$ROOT/assets/icon/sitematch.ico" -DOUTFILE="$installer" "$DIST/windows/installer.nsi"
record_sum "$installer"
echo "wrote $installer ($(du -h "$installer" | cut -f 1); sitematch-app.exe $(du -h "$stage/sitematch-app.exe" | cut -f 1))" >&2
