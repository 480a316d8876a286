#!/usr/bin/env python3
"""LibreOffice Calc baseline: the same weighted-score ranking as spreadsheet formulas.

Builds, from a folder of zones made by `sitematch gen` (values in each factor's own unit) and
one checklist, a Calc workbook holding every zone's values and, as formulas, every item's credit
(the scoring rules of README § Scoring), the score, the qualified flag and the rank; then times,
headless through UNO, a full recalculation and the recalculation after one requirement is
edited, checks every score against `sitematch score --format json`, and times that command
over the same folder so the ratio can be read off one run.

    sitematch gen --zones 10000 --out /tmp/zones --seed 42 --checklists 1
    python3 benches/calc_baseline.py --zones /tmp/zones \
        --checklist /tmp/zones/checklists/checklist-001.ron --sitematch target/release/sitematch

Needs Debian's `libreoffice-calc-nogui` and `python3-uno` (run it with the system's
`/usr/bin/python3`, which has `uno`). Only the standard library otherwise.

`sitematch score` is timed as a user runs it twice over the same folder: its cache of parsed
profiles is warm after the first run (pass `SITEMATCH_CACHE=` to time every run cold). Zones
with a planned amount (time-phased capacity) are not modelled here; `gen` writes none.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "..", "assets", "catalog.ron")
WEIGHTS = {"Must": 3, "High": 3, "Medium": 2, "Low": 1}


def read_catalog(path):
    """Factor id -> (kind, default importance, tolerance, levels, default_from)."""
    text = open(path, encoding="utf-8").read()
    default_tol = float(re.search(r"default_tolerance:\s*([0-9.]+)", text).group(1))
    factors = {}
    body = text[text.index("    factors: [") : text.index("    tiers: [")]
    # One chunk per factor: factors open at the list's indentation, a level's members deeper.
    for chunk in re.split(r'\n {8}\(id: "', body)[1:]:
        fid = chunk[: chunk.index('"')]
        kind = re.search(r"kind:\s*(AtLeast|AtMost|YesNo|Level|Set)", chunk).group(1)
        imp = re.search(r"importance:\s*(\w+)", chunk.split("kind:")[1]).group(1)
        tol = re.search(r"tolerance:\s*\"?([0-9.]+)", chunk)
        levels = re.findall(r'\(id: "([^"]+)", zh:', chunk) if kind == "Level" else []
        dfrom = re.search(r"default_from:\s*(\w+)", chunk)
        factors[fid] = (kind, imp, float(tol.group(1)) if tol else default_tol, levels,
                        dfrom.group(1) if dfrom else None)
    return factors


def ron_value(block, day=None):
    """The `value:`/`required:` of an entry: number, yes/no/planned, level id or member list.

    A plan dated before `day` (ISO date, the day of the ranking) is overdue and counts as no."""
    m = re.search(r'(?:value|required):\s*(\[[^\]]*\]|Planned\("[^"]*"\)|Yes|No|"[^"]*"|[0-9.]+)', block)
    if not m:
        return None
    v = m.group(1)
    if v.startswith("["):
        return ("set", re.findall(r'"([^"]+)"', v))
    if v.startswith("Planned"):
        due = v[len('Planned("') : -2]
        return ("yesno", 0.0 if day and due < day else 0.5)
    if v in ("Yes", "No"):
        return ("yesno", 1.0 if v == "Yes" else 0.0)
    v = v.strip('"')
    # An amount is a number, alone or before its unit ("515 mu"); a level id may start with
    # digits ("220kv").
    num = re.match(r"^([0-9.]+)(?:\s|$)", v)
    if num:
        return ("amount", float(num.group(1)))
    return ("level", v)


def entries(text, section):
    """`"factor.id": ( … )` blocks of a profile's `factors` or a checklist's `items`."""
    start = text.index(section + ": {")
    body = text[start:]
    out = {}
    for m in re.finditer(r'\n\s+"([a-z_]+\.[a-z_]+)":\s*\(', body):
        depth, i = 1, m.end()
        while depth and i < len(body):
            depth += {"(": 1, ")": -1}.get(body[i], 0)
            i += 1
        out[m.group(1)] = body[m.end() : i]
    return out


def read_checklist(path, factors):
    text = open(path, encoding="utf-8").read()
    header = {k: re.search(k + r":\s*\"?([A-Z0-9.]+)", text) for k in
              ("industry", "planned_intensity", "planned_tax_per_mu")}
    header = {k: v.group(1) for k, v in header.items() if v}
    reqs = []
    for fid, block in entries(text, "items").items():
        kind, default_imp, tol, levels, dfrom = factors[fid]
        imp = re.search(r"importance:\s*(\w+)", block)
        imp = imp.group(1) if imp else default_imp
        if imp == "NotNeeded":
            continue
        val = ron_value(block)
        if val is None and dfrom == "Industry" and "industry" in header:
            val = ("set", [header["industry"]])
        elif val is None and dfrom == "PlannedIntensity" and "planned_intensity" in header:
            val = ("amount", float(header["planned_intensity"]))
        elif val is None and dfrom == "PlannedTaxPerMu" and "planned_tax_per_mu" in header:
            val = ("amount", float(header["planned_tax_per_mu"]))
        if val is None:
            continue
        reqs.append((fid, kind, WEIGHTS[imp], imp == "Must", tol, levels, val[1]))
    order = list(factors)
    reqs.sort(key=lambda r: order.index(r[0]))
    return reqs


def read_zones(folder, reqs, factors, day):
    ids, rows = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ron") or name.startswith("."):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        have = entries(text, "factors")
        row = []
        for fid, kind, _, _, _, levels, _ in reqs:
            val = ron_value(have[fid], day) if fid in have else None
            if val is None:
                row.append("")
            elif kind == "Level":
                row.append(float(levels.index(val[1])))
            elif kind == "Set":
                row.append("," + ",".join(val[1]) + ",")
            else:
                row.append(float(val[1]))
        ids.append(name[:-4])
        rows.append(row)
    return ids, rows


def col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def credit_formula(kind, x, r, t, req_levels, required):
    """One item's credit as a Calc formula over the zone's value cell `x`."""
    if kind == "AtLeast":
        return f"IF({x}=\"\";0;IF({x}>={r};1;MAX(0;({x}-(1-{t})*{r})/({t}*{r}))))"
    if kind == "AtMost":
        return (f"IF({x}=\"\";0;IF({x}<={r};1;IF({r}=0;0;"
                f"MAX(0;((1+{t})*{r}-{x})/({t}*{r})))))")
    if kind == "YesNo":
        return f"IF({x}=\"\";0;{x})"
    if kind == "Level":
        return f"IF({x}=\"\";0;IF({x}>={r};1;IF({r}-{x}=1;0.5;0)))"
    held = "+".join(f"ISNUMBER(SEARCH(\",{m},\";{x}))" for m in required)
    return f"IF({x}=\"\";0;({held})/{len(required)})"


def connect(port):
    import uno  # python3-uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not start")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zones", required=True)
    ap.add_argument("--checklist", required=True)
    ap.add_argument("--catalog", default=CATALOG)
    ap.add_argument("--sitematch", help="the sitematch binary, to check scores and time it")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--date", default=datetime.date.today().isoformat(),
                    help="rank as on this day (plans dated before it are overdue), passed to sitematch too")
    args = ap.parse_args()

    factors = read_catalog(args.catalog)
    reqs = read_checklist(args.checklist, factors)
    ids, values = read_zones(args.zones, reqs, factors, args.date)
    n, k = len(ids), len(reqs)
    print(f"{n} zones, {k} scored items")

    port = free_port()
    profile = tempfile.mkdtemp(prefix="calc-baseline-")
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import uno
        from com.sun.star.beans import PropertyValue
        from com.sun.star.sheet.FillDirection import TO_BOTTOM

        desktop = connect(port)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (hidden,))
        doc.enableAutomaticCalculation(False)
        sheets = doc.Sheets
        req = sheets.getByIndex(0)
        req.Name = "requirements"
        # Requirements: row 1 r (or level position), row 2 t, row 3 weight, row 4 must.
        rrow = []
        for fid, kind, w, must, t, levels, required in reqs:
            rv = levels.index(required) if kind == "Level" else (0 if kind in ("YesNo", "Set") else required)
            rrow.append((float(rv), float(t), float(w), 1.0 if must else 0.0))
        req.getCellRangeByName(f"A1:{col(k - 1)}4").setDataArray(tuple(zip(*rrow)))
        sheets.insertNewByName("zones", 1)
        zs = sheets.getByName("zones")
        # Zones: A id, then the k values, then k credits, then score, qualified, key, rank.
        data = tuple((zid,) + tuple(v) for zid, v in zip(ids, values))
        zs.getCellRangeByName(f"A1:{col(k)}{n}").setDataArray(data)
        formulas = []
        for i in range(n):
            row = i + 1
            cells = []
            for j, (fid, kind, w, must, t, levels, required) in enumerate(reqs):
                x = f"{col(1 + j)}{row}"
                r, tt = f"$requirements.${col(j)}$1", f"$requirements.${col(j)}$2"
                cells.append("=" + credit_formula(kind, x, r, tt, levels, required if kind == "Set" else None))
            first, last = col(1 + k), col(2 * k)
            weights = f"$requirements.$A$3:${col(k - 1)}$3"
            musts = f"$requirements.$A$4:${col(k - 1)}$4"
            cells.append(f"=100*SUMPRODUCT({weights};{first}{row}:{last}{row})/SUM({weights})")
            cells.append(f"=IF(SUMPRODUCT({musts};{first}{row}:{last}{row}<1)=0;1;0)")
            s, q = col(2 * k + 1), col(2 * k + 2)
            cells.append(f"={q}{row}*1000+{s}{row}")
            key = col(2 * k + 3)
            cells.append(f"=RANK({key}{row};${key}$1:${key}${n})")
            formulas.append(tuple(cells))
        # The first row's formulas filled down, as one would by hand: setting every row's at once
        # makes Calc regroup and re-listen row by row, quadratic in the rows (10 000 zones: tens
        # of minutes). The filled formulas must be exactly the ones written out above.
        block = zs.getCellRangeByName(f"{col(1 + k)}1:{col(2 * k + 4)}{n}")
        zs.getCellRangeByName(f"{col(1 + k)}1:{col(2 * k + 4)}1").setFormulaArray(tuple(formulas[:1]))
        block.fillAuto(TO_BOTTOM, 1)
        if block.getFormulaArray() != tuple(formulas):
            raise SystemExit("filling the formulas down did not give every zone's formulas")

        def timed(action):
            t0 = time.perf_counter()
            action()
            return time.perf_counter() - t0

        full = [timed(doc.calculateAll) for _ in range(args.runs)]
        # One criterion edited: the first quantity requirement raised by a tenth.
        first_q = next((j for j, r in enumerate(reqs) if r[1] in ("AtLeast", "AtMost")), 0)
        cell = req.getCellByPosition(first_q, 0)
        original = cell.getValue()
        edits = []
        for step in range(args.runs):
            cell.setValue(original * (1.1 if step % 2 == 0 else 1.0))
            edits.append(timed(doc.calculate))
        cell.setValue(original)
        doc.calculateAll()
        scores = [row[0] for row in zs.getCellRangeByName(f"{col(2 * k + 1)}1:{col(2 * k + 1)}{n}").getDataArray()]
        print(f"calc/full_recalculation/{n}: {statistics.median(full):.3f} s (median of {args.runs})")
        print(f"calc/after_one_edit/{n}: {statistics.median(edits):.3f} s (median of {args.runs})")

        if args.sitematch:
            cmd = [args.sitematch, "score", "--checklist", args.checklist, "--profiles", args.zones,
                   "--format", "json", "--lang", "en", "--date", args.date]
            out = subprocess.run(cmd, capture_output=True, check=True).stdout
            ours = {z["zone"]: z["score"] for z in json.loads(out)["ranking"]}
            # Calc's binary floating point vs our exact value: compare as shown, one decimal,
            # allowing a float a hair under a .x5 boundary to round the other way.
            off = [zid for zid, sc in zip(ids, scores) if abs(round(sc, 6) - ours.get(zid, -1)) > 0.05 + 1e-9]
            print(f"scores equal to sitematch's (to the shown decimal): {n - len(off)} of {n}")
            runs = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
                runs.append(time.perf_counter() - t0)
            ours_s = statistics.median(runs)
            print(f"sitematch score --format json/{n}: {ours_s:.3f} s (median of {args.runs})")
            print(f"ratio: Calc's full recalculation takes {statistics.median(full) / ours_s:.1f}x "
                  f"sitematch's whole run")
        doc.close(True)
    finally:
        office.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
