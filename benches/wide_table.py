#!/usr/bin/env python3
"""A province's wide table from an update workbook: one row per zone, one column per factor.

Reads the update workbook `sitematch inventory export --lang zh` writes (one row per zone and
factor) and writes the same figures as a province keeps them: a merged title row, a header of
Chinese factor names, the zone's name and id, and each figure with its unit in the cell
(`1677亩`), a planned yes as `2026-06-30前建成`, levels and sets by their Chinese names. For
timing `sitematch inventory import` on a realistic table:

    sitematch gen --zones 2500 --seed 42 --out /tmp/zones
    sitematch inventory export --lang zh --profiles /tmp/zones --out /tmp/long.xlsx
    python3 benches/wide_table.py /tmp/long.xlsx /tmp/wide.xlsx
    sitematch inventory import --profiles /tmp/zones --workbook /tmp/wide.xlsx --as-of 2025-12-31

Needs `openpyxl` (`pip install openpyxl`).
"""

import sys

import openpyxl


def main(src, dst):
    rows = openpyxl.load_workbook(src, read_only=True).active.iter_rows(values_only=True)
    header = list(next(rows))
    col = {title: i for i, title in enumerate(header)}
    zones, factors, cells = [], [], {}
    for r in rows:
        zone, name, factor = r[col["开发区编号"]], r[col["开发区名称"]], r[col["要素"]]
        if (zone, name) not in zones:
            zones.append((zone, name))
        if factor not in factors:
            factors.append(factor)
        value, unit, by = r[col["现值"]], r[col["单位"]], r[col["计划日期"]]
        if not value:
            continue
        if value == "计划":
            value = f"{by}前建成"
        elif unit:
            value = f"{value}{unit}"
        cells[(zone, factor)] = value
    book = openpyxl.Workbook(write_only=False)
    sheet = book.active
    sheet.title = "全省开发区"
    sheet.append(["全省开发区要素保障情况表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(factors) + 3)
    sheet.append(["序号", "编号", "开发区名称", *factors])
    for n, (zone, name) in enumerate(zones, 1):
        sheet.append([n, zone, name, *(cells.get((zone, f)) for f in factors)])
    book.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:3])
