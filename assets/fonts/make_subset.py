#!/usr/bin/env python3
"""Cuts the bundled fonts for SiteMatch.

Usage: python3 assets/fonts/make_subset.py path/to/NotoSansSC_400Regular.ttf \
           path/to/NotoSansSC_700Bold.ttf path/to/NotoSansSymbols2_400Regular.ttf

- Noto Sans SC Regular (npm package @expo-google-fonts/noto-sans-sc, SIL OFL 1.1, see
  OFL-NotoSansSC.txt) keeps every character it has: the whole of CJK Unified Ideographs
  (to U+9FEF) and Extension A, the 通用规范汉字表 characters of the later extensions, Latin,
  punctuation and symbols; only the hinting goes (the report and the window scale outlines).
  So any name the window shows prints, and the PDF embeds only the glyphs a report uses.
- Noto Sans SC Bold is cut to GB2312 plus every character in the project's own text: headings
  and labels. A rarer character in a bold name is printed from the Regular face.
- Noto Sans Symbols 2 (npm package @expo-google-fonts/noto-sans-symbols-2, SIL OFL 1.1, see
  OFL-NotoSansSymbols2.txt) is cut to the status marks, which no CJK font has (✔ ✘).

`pyftsubset` comes with the PyPI package fonttools. Re-run the Bold cut after adding Chinese
text to the sources, the catalog or the template.
"""
import pathlib
import subprocess
import sys
import tempfile

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
    chars = "".join(sorted(c for c in chars if c.isprintable()))
    for source in sys.argv[1:]:
        stem = pathlib.Path(source).stem
        name = stem.replace("_", "-").replace("400Regular", "Regular").replace("700Bold", "Bold")
        if "Symbols2" in stem:
            wanted, out = MARKS, f"{name}.subset.ttf"
        elif "Bold" in stem:
            wanted, out = chars, f"{name}.subset.ttf"
        else:
            wanted, out = None, f"{name}.ttf"
        out = ROOT / "assets" / "fonts" / out
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as text_file:
            which = ["--unicodes=*"]
            if wanted is not None:
                text_file.write(wanted)
                text_file.flush()
                which = [f"--text-file={text_file.name}"]
            subprocess.run(
                ["pyftsubset", source, *which, f"--output-file={out}",
                 "--layout-features=*", "--no-hinting", "--desubroutinize", "--name-IDs=*"],
                check=True,
            )
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
