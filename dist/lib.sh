# Shared by the scripts in dist/: paths, the version, installing Debian packages, checksums.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/dist"
OUT="$DIST/out"
# Release builds are long; on a shared machine run them with one job, niced.
JOBS="${JOBS:-1}"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
APP_ID="cn.sitematch.app"

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet.
need_debs() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing from Debian: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# Records the SHA-256 of an artefact in dist/out/SHA256SUMS, replacing an older line for it.
record_sum() {
    local file="$1" name
    name="$(basename "$file")"
    touch "$OUT/SHA256SUMS"
    grep -v "  $name\$" "$OUT/SHA256SUMS" > "$OUT/SHA256SUMS.new" || true
    (cd "$OUT" && sha256sum "$name") >> "$OUT/SHA256SUMS.new"
    sort -k 2 "$OUT/SHA256SUMS.new" > "$OUT/SHA256SUMS"
    rm -f "$OUT/SHA256SUMS.new"
}

# The highest GLIBC_x.y symbol version a binary needs.
glibc_needed() {
    objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1
}
