#!/usr/bin/env python3
"""Subsets the bundled fonts for SiteMatch.

Usage: python3 assets/fonts/make_subset.py path/to/NotoSansSC_400Regular.ttf [more...]

- Noto Sans SC (npm package @expo-google-fonts/noto-sans-sc, SIL OFL 1.1, see
  OFL-NotoSansSC.txt) is cut to GB2312 plus every character in the project's own text.
- Noto Sans Symbols 2 (npm package @expo-google-fonts/noto-sans-symbols-2, SIL OFL 1.1, see
  OFL-NotoSansSymbols2.txt) is cut to the status marks, which no CJK font has (✔ ✘).

`pyftsubset` comes with the PyPI package fonttools. Re-run after adding Chinese text to the
sources, the catalog or the sample data, so that no string falls back to a missing glyph.
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEXT_GLOBS = ["src/**/*.rs", "assets/**/*.ron", "assets/**/*.typ", "profiles/*.ron", "tests/**/*.rs", "README.md"]


def gb2312() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_text() -> set[str]:
    chars = set()
    for pattern in TEXT_GLOBS:
        for path in ROOT.glob(pattern):
            chars |= set(path.read_text(encoding="utf-8"))
    return chars


MARKS = "✔✘✓✗△▲▼⚠●○■□"


def main() -> None:
    chars = gb2312() | project_text() | {chr(c) for c in range(0x20, 0x7F)}
    chars = sorted(c for c in chars if c.isprintable())
    for source in sys.argv[1:]:
        stem = pathlib.Path(source).stem
        name = stem.replace("_", "-").replace("400Regular", "Regular").replace("700Bold", "Bold")
        wanted = MARKS if "Symbols2" in stem else "".join(chars)
        text_file = ROOT / "target" / f"font-subset-{name}.txt"
        text_file.parent.mkdir(exist_ok=True)
        text_file.write_text(wanted, encoding="utf-8")
        out = ROOT / "assets" / "fonts" / f"{name}.subset.ttf"
        subprocess.run(
            ["pyftsubset", source, f"--text-file={text_file}", f"--output-file={out}",
             "--layout-features=*", "--no-hinting", "--desubroutinize", "--name-IDs=*"],
            check=True,
        )
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes, {len(wanted)} characters")


if __name__ == "__main__":
    main()
