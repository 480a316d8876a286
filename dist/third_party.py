#!/usr/bin/env python3
"""Writes the licences of the Rust crates compiled into SiteMatch for one target, for the
installer and the .deb: every crate the binary links (normal dependencies, not build or dev
ones, nor procedural macros), its licence expression, and the licence files its source carries, each distinct text
once with the crates that use it.

    third_party.py TARGET OUT.txt      e.g. x86_64-pc-windows-gnu licences/THIRD-PARTY.txt

Reads `cargo metadata` (run in the repository) and the crate sources cargo has downloaded.
"""

import json
import os
import re
import subprocess
import sys
from collections import defaultdict

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|COPYRIGHT|NOTICE|UNLICENSE)", re.IGNORECASE)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    target, out_path = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
            cwd=root,
            check=True,
            capture_output=True,
        ).stdout
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root_id = meta["resolve"]["root"]

    def is_proc_macro(pid: str) -> bool:
        return any("proc-macro" in t["kind"] for t in packages[pid]["targets"])

    # Everything reachable from SiteMatch through normal dependencies, leaving out procedural
    # macros, which run in the compiler and leave no code of theirs in the binary.
    linked, todo = set(), [root_id]
    while todo:
        pid = todo.pop()
        for dep in nodes[pid]["deps"]:
            child = dep["pkg"]
            normal = any(k["kind"] is None for k in dep["dep_kinds"])
            if normal and child not in linked and not is_proc_macro(child):
                linked.add(child)
                todo.append(child)

    texts = {}  # normalised text -> (file name, text)
    users = defaultdict(list)  # normalised text -> ["name version", ...]
    rows = []
    for pid in sorted(linked, key=lambda i: (packages[i]["name"], packages[i]["version"])):
        p = packages[pid]
        crate = f"{p['name']} {p['version']}"
        rows.append((crate, p.get("license") or "(see its licence file)"))
        folder = os.path.dirname(p["manifest_path"])
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if LICENCE_FILE.match(name) and os.path.isfile(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read().strip()
                key = " ".join(text.split())
                texts.setdefault(key, (name, text))
                users[key].append(crate)

    with open(out_path, "w", encoding="utf-8") as out:
        out.write("Rust crates compiled into SiteMatch, and their licences\n")
        out.write("SiteMatch 所含的 Rust 程序库及其许可证\n\n")
        width = max(len(c) for c, _ in rows)
        for crate, licence in rows:
            out.write(f"{crate.ljust(width)}  {licence}\n")
        for key in sorted(texts, key=lambda k: (texts[k][0].upper(), users[k][0])):
            name, text = texts[key]
            out.write("\n" + "=" * 78 + "\n")
            out.write(f"{name}, of: {', '.join(users[key])}\n")
            out.write("=" * 78 + "\n\n")
            out.write(text + "\n")
    print(f"{out_path}: {len(rows)} crates, {len(texts)} distinct licence texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
