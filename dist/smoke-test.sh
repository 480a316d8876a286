#!/usr/bin/env bash
# Checks the artefacts in dist/out/ as an officer would use them, on this Debian machine:
#
#   .deb        installs it with apt-get (for real, then removes it), checks the files, the
#               .desktop entry, that the binary is stripped and needs at most GLIBC_2.28; opens
#               the app under Xvfb as from the menu (on a Chinese desktop: the data folder must
#               appear as ~/文档/SiteMatch) and takes a screenshot; runs `sitematch score` on the
#               seeded samples with SITEMATCH_HOME in a temporary folder.
#   installer   runs it silently under wine + Xvfb in a throwaway wine prefix, checks the files,
#               shortcuts and the installed-programs entry; opens the app (its data folder must
#               appear under Documents) and takes a screenshot; runs `sitematch.exe score` (the
#               same ranking as on Linux) and a usage error (exit status 2); uninstalls silently
#               and checks that everything but the officer's data folder is gone.
#
# Wine 8 lacks bcryptprimitives.dll, which Rust's standard library needs and every Windows 10
# and 11 has: a test-only stand-in (dist/smoke/processprng-shim.c) is built into the wine
# prefix's system32. It is never shipped.
#
# The installer's own pages are Windows dialogs in the system's font, SimSun (宋体) on a Chinese
# Windows; a fresh wine prefix has no Chinese font and would show boxes. For the screenshot of
# its first page only, a copy of the prefix gets a free one in SimSun's place (Debian's
# WenQuanYi Micro Hei, downloaded, not installed on this machine); everything else runs in the
# prefix without it, and the installer ships no font.
#
# Usage: dist/smoke-test.sh [deb|windows]...   (both by default). Screenshots go to
# dist/out/screenshots/. Everything else happens in a temporary folder, removed at the end.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

what=("$@")
[ ${#what[@]} -gt 0 ] || what=(deb windows)

need_debs xvfb xauth x11-utils imagemagick desktop-file-utils binutils python3
work="$(mktemp -d)"
shots="$OUT/screenshots"
mkdir -p "$shots"
xvfb_pid=""
ui_prefix=""
cleanup() {
    # The throwaway wine prefix's processes first, so that its folder can go.
    local prefix
    for prefix in "${WINEPREFIX:-}" "${ui_prefix:-}"; do
        [ -n "$prefix" ] || continue
        WINEPREFIX="$prefix" wineserver -k 2>/dev/null || true
        WINEPREFIX="$prefix" wineserver -w 2>/dev/null || true
    done
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

failures=0
pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { # check "what" command...
    local label="$1"; shift
    if "$@" >/dev/null 2>&1; then pass "$label"; else fail "$label"; fi
}

# A virtual screen for the app windows.
start_xvfb() {
    local n=90
    while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.2; done
    die "Xvfb did not start"
}

# Waits up to $2 seconds for a top-level window whose title contains $1.
wait_window() {
    for _ in $(seq "$2"); do
        xwininfo -root -tree 2>/dev/null | grep -q "$1" && return 0
        sleep 1
    done
    return 1
}

# The zones of a JSON ranking, in rank order, with their scores: what two builds must agree on.
ranking_of() {
    python3 -c 'import json,sys; print(" ".join("%s=%s" % (z["zone"], z["score"]) for z in json.load(sys.stdin)["ranking"]))' 2>/dev/null
}

export LANG=C.UTF-8 LIBGL_ALWAYS_SOFTWARE=1
start_xvfb
linux_ranking=""

smoke_deb() {
    local deb="$OUT/${APP_ID}_${VERSION}_amd64.deb"
    say "the .deb: $(basename "$deb")"
    [ -f "$deb" ] || { fail "$deb exists (run dist/build-deb.sh)"; return; }
    check "the package is named $APP_ID" test "$(dpkg-deb -f "$deb" Package)" = "$APP_ID"
    local listing
    listing="$(dpkg-deb -c "$deb")"
    for f in ./usr/bin/sitematch "./usr/share/applications/$APP_ID.desktop" \
        "./usr/share/icons/hicolor/48x48/apps/$APP_ID.png" "./usr/share/icons/hicolor/256x256/apps/$APP_ID.png" \
        "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" "./usr/share/doc/$APP_ID/copyright" \
        "./usr/share/doc/$APP_ID/licences/THIRD-PARTY.txt.gz"; do
        check "it holds $f" grep -qF " $f" <<<"$listing"
    done
    mkdir -p "$work/deb"
    dpkg-deb -x "$deb" "$work/deb"
    check "the .desktop entry is valid" desktop-file-validate "$work/deb/usr/share/applications/$APP_ID.desktop"
    check "the .desktop entry has a Chinese name" grep -q '^Name\[zh_CN\]=' "$work/deb/usr/share/applications/$APP_ID.desktop"

    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
    check "apt-get installs it" dpkg -s "$APP_ID"
    check "sitematch is on PATH" test "$(command -v sitematch)" = /usr/bin/sitematch
    local glibc
    glibc="$(glibc_needed /usr/bin/sitematch)"
    echo "  info  highest glibc symbol: $glibc"
    check "it needs at most GLIBC_2.28" test "$(printf '%s\nGLIBC_2.28\n' "$glibc" | sort -V | tail -n 1)" = GLIBC_2.28
    check "it is stripped" bash -c "! readelf -S /usr/bin/sitematch | grep -q '\.symtab'"
    check "it prints its version" bash -c "sitematch --version | grep -qF '$VERSION'"

    # The app as from the menu, for an officer on a Chinese desktop (documents in ~/文档).
    local home="$work/linux-user"
    mkdir -p "$home/.config"
    printf 'XDG_DOCUMENTS_DIR="$HOME/文档"\n' > "$home/.config/user-dirs.dirs"
    local exec_line
    exec_line="$(sed -n 's/^Exec=//p' "/usr/share/applications/$APP_ID.desktop")"
    # shellcheck disable=SC2086 # the Exec line is a command and its arguments
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        env -u SITEMATCH_HOME -C "$home" $exec_line >"$work/linux-app.log" 2>&1 &
    local app=$!
    if wait_window "SiteMatch" 60; then
        pass "the window opens"
        sleep 8
        import -window root "$shots/linux-app.png"
        echo "  info  screenshot $shots/linux-app.png"
    else
        fail "the window opens ($(tail -n 3 "$work/linux-app.log"))"
    fi
    check "the window is titled SiteMatch 要素匹配" bash -c "xwininfo -root -tree | grep -q 'SiteMatch 要素匹配'"
    check "the app seeded ~/文档/SiteMatch" test -f "$home/文档/SiteMatch/profiles/houma.ron"
    check "with the sample checklists" test -f "$home/文档/SiteMatch/checklists/pv_base.ron"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true

    # The command line on the seeded samples, with a data folder of its own.
    local data="$work/linux-data"
    # In the language of a Chinese desktop (the locale), as an officer's terminal speaks.
    if env SITEMATCH_HOME="$data" LC_ALL=zh_CN.UTF-8 sitematch score \
        --checklist "$home/文档/SiteMatch/checklists/pv_base.ron" \
        >"$work/linux-score.txt" 2>&1; then
        pass "sitematch score succeeds"
    else
        fail "sitematch score succeeds ($(tail -n 3 "$work/linux-score.txt"))"
    fi
    sed 's/^/        /' "$work/linux-score.txt"
    check "it ranks the five seeded zones" test "$(grep -cE '^ +[0-9]+ ' "$work/linux-score.txt")" = 5
    check "in Chinese" grep -q '侯马经济开发区 (houma)' "$work/linux-score.txt"
    check "SITEMATCH_HOME was seeded" test -f "$data/profiles/yuanping.ron"
    linux_ranking="$(SITEMATCH_HOME="$data" sitematch score --format json \
        --checklist "$home/文档/SiteMatch/checklists/pv_base.ron" | ranking_of)" || linux_ranking=""
    check "its JSON ranking reads" test -n "$linux_ranking"
    check "usage errors exit 2" bash -c 'sitematch frobnicate 2>/dev/null; test $? = 2'

    as_root dpkg -r "$APP_ID" >/dev/null
    check "dpkg -r removes it" test ! -e /usr/bin/sitematch
    check "and leaves the officer's files" test -f "$home/文档/SiteMatch/profiles/houma.ron"
}

# The installer's first page as an officer sees it, in a copy of the fresh wine prefix $1 with a
# Chinese font standing in for SimSun (see the top of this file); the copy is removed after.
installer_screenshot() {
    local installer="$1" fonts="$work/cjk-font"
    local apt_opts=(-qq -o "APT::Sandbox::User=$(id -un)")
    mkdir -p "$fonts"
    if ! (cd "$fonts" && apt-get "${apt_opts[@]}" download fonts-wqy-microhei) >/dev/null 2>&1; then
        as_root apt-get update -qq
        (cd "$fonts" && apt-get "${apt_opts[@]}" download fonts-wqy-microhei) >/dev/null
    fi
    dpkg-deb -x "$fonts"/fonts-wqy-microhei_*.deb "$fonts"
    ui_prefix="$work/wine-ui"
    cp -a "$WINEPREFIX" "$ui_prefix"
    cp "$fonts/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" "$ui_prefix/drive_c/windows/Fonts/"
    # NSIS's Simplified Chinese pages ask for 宋体, other dialogs for SimSun.
    local name
    for name in 宋体 SimSun; do
        WINEPREFIX="$ui_prefix" wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes' \
            /v "$name" /d "WenQuanYi Micro Hei" /f >/dev/null 2>&1
    done
    (WINEPREFIX="$ui_prefix" wine "$installer" >"$work/installer-ui.log" 2>&1) &
    if wait_window "SiteMatch 要素匹配 安装" 60; then
        pass "the installer's window opens"
        sleep 5
        import -window root "$shots/windows-installer.png"
        echo "  info  screenshot $shots/windows-installer.png"
    else
        fail "the installer's window opens ($(tail -n 3 "$work/installer-ui.log"))"
    fi
    # Closed unfinished: nothing was installed in the copy, and it goes.
    WINEPREFIX="$ui_prefix" wineserver -k || true
    WINEPREFIX="$ui_prefix" wineserver -w || true
    rm -rf "$ui_prefix"
    ui_prefix=""
}

smoke_windows() {
    local installer="$OUT/SiteMatch-$VERSION-windows-x64-installer.exe"
    say "the installer: $(basename "$installer")"
    [ -f "$installer" ] || { fail "$installer exists (run dist/build-windows.sh)"; return; }
    need_debs wine wine64 gcc-mingw-w64-x86-64

    export WINEPREFIX="$work/wine" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
    export HOME="$work/wine-home"
    mkdir -p "$HOME"
    wineboot -i >/dev/null 2>&1
    wineserver -w
    installer_screenshot "$installer"
    local c="$WINEPREFIX/drive_c"
    # Wine links the profile's Documents to the Linux home folder (here the empty $HOME); on
    # Windows it is a folder of the profile, C:\Users\<name>\Documents, where the checks below
    # look for the app's data folder.
    local link
    for link in "$c"/users/*/Documents; do
        if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
    done
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$c/windows/system32/bcryptprimitives.dll" \
        "$DIST/smoke/processprng-shim.c" -ladvapi32

    check "the installer runs silently" wine "$installer" /S
    wineserver -w
    local dir="$c/Program Files/SiteMatch"
    for f in sitematch-app.exe sitematch.exe uninstall.exe licences/LICENSE-MIT.txt licences/OFL-NotoSansSC.txt \
        licences/THIRD-PARTY.txt; do
        check "it installed $f" test -f "$dir/$f"
    done
    check "nothing test-only was installed" test ! -e "$dir/bcryptprimitives.dll"
    check "a Start-menu shortcut" test -f "$c/ProgramData/Microsoft/Windows/Start Menu/Programs/SiteMatch 要素匹配.lnk"
    check "a desktop shortcut" test -f "$c/users/Public/Desktop/SiteMatch 要素匹配.lnk"
    local key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.sitematch.app'
    wine reg query "$key" >"$work/uninstall-key.txt" 2>&1 || true
    tr -d '\r' <"$work/uninstall-key.txt" | sed 's/^/        /'
    for value in DisplayName DisplayVersion Publisher DisplayIcon UninstallString EstimatedSize; do
        check "installed programs: $value" grep -q "$value" "$work/uninstall-key.txt"
    done
    check "installed programs: version $VERSION" grep -q "DisplayVersion.*$VERSION" "$work/uninstall-key.txt"
    # `wine reg` prints through the console's code page; the registry file holds the name as is.
    check "installed programs: named SiteMatch 要素匹配" \
        grep -qF '"DisplayName"="SiteMatch \x8981\x7d20\x5339\x914d"' "$WINEPREFIX/system.reg"

    # The app as from the Start menu: a GUI program, its data folder under Documents.
    (wine "C:\\Program Files\\SiteMatch\\sitematch-app.exe" >"$work/windows-app.log" 2>&1) &
    if wait_window "SiteMatch" 90; then
        pass "the window opens"
        sleep 15
        import -window root "$shots/windows-app.png"
        echo "  info  screenshot $shots/windows-app.png"
    else
        fail "the window opens ($(tail -n 3 "$work/windows-app.log"))"
    fi
    check "the window is titled SiteMatch 要素匹配" bash -c "xwininfo -root -tree | grep -q 'SiteMatch 要素匹配'"
    local docs
    docs="$(find "$c/users" -maxdepth 3 -type d -name SiteMatch -path '*Documents*' | head -n 1)"
    check "the app seeded Documents\\SiteMatch" test -f "$docs/profiles/houma.ron"
    wineserver -k || true
    wineserver -w

    # The command line through the console program, with a data folder of its own.
    local data checklist
    data="$(winepath -w "$work/windows-data")"
    checklist="$(winepath -w "$docs/checklists/pv_base.ron")"
    # Chinese asked for by name: wine's locale follows the Linux one, which may not be installed.
    if SITEMATCH_HOME="$data" wine "C:\\Program Files\\SiteMatch\\sitematch.exe" score --lang zh --checklist "$checklist" \
        >"$work/windows-score.txt" 2>&1; then
        pass "sitematch.exe score succeeds"
    else
        fail "sitematch.exe score succeeds ($(tail -n 3 "$work/windows-score.txt"))"
    fi
    tr -d '\r' <"$work/windows-score.txt" | sed 's/^/        /'
    check "it ranks the five seeded zones" test "$(grep -cE '^ +[0-9]+ ' "$work/windows-score.txt")" = 5
    check "in Chinese" grep -q '侯马经济开发区 (houma)' "$work/windows-score.txt"
    check "SITEMATCH_HOME was seeded" test -f "$work/windows-data/profiles/yuanping.ron"
    local windows_ranking
    windows_ranking="$(SITEMATCH_HOME="$data" wine "C:\\Program Files\\SiteMatch\\sitematch.exe" score \
        --format json --checklist "$checklist" | tr -d '\r' | ranking_of)" || windows_ranking=""
    check "its JSON ranking reads" test -n "$windows_ranking"
    echo "  info  ranking: $windows_ranking"
    if [ -n "$linux_ranking" ]; then
        check "the same ranking as the Linux build" test "$windows_ranking" = "$linux_ranking"
    fi
    check "usage errors exit 2 through the console program" \
        bash -c 'wine "C:\\Program Files\\SiteMatch\\sitematch.exe" frobnicate 2>/dev/null; test $? = 2'

    check "the uninstaller runs silently" wine "C:\\Program Files\\SiteMatch\\uninstall.exe" /S
    wineserver -w
    sleep 2
    check "the program folder is gone" test ! -e "$dir"
    check "the shortcuts are gone" test ! -e "$c/users/Public/Desktop/SiteMatch 要素匹配.lnk"
    check "the installed-programs entry is gone" bash -c "! wine reg query '$key' >/dev/null 2>&1"
    check "the officer's data folder is kept" test -f "$docs/profiles/houma.ron"
}

for w in "${what[@]}"; do
    case "$w" in
        deb) smoke_deb ;;
        windows) smoke_windows ;;
        *) die "unknown artefact $w (deb or windows)" ;;
    esac
done

say "$failures failure(s)"
[ "$failures" = 0 ]
