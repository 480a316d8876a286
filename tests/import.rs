//! `import`: a province's wide table of the bundled zones read into an empty folder scores as
//! the bundled profiles do; the update workbook exported, filled and read back gives exactly
//! what was filled; two departments' answers both apply; a figure changed meanwhile conflicts.

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::Date;
use rust_xlsxwriter::{Format, Workbook};
use sitematch::import::{self, ChangeSet, Judgement, Options, Target};
use sitematch::model::{Catalog, Kind, Lang, Localize, Value, YesNo, ZoneProfile, number};
use sitematch::report::inventory_sheet::{self, Column, Filter};

use crate::repo;

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn catalog() -> Catalog {
    Catalog::builtin().expect("the catalog")
}

fn bundled(catalog: &Catalog) -> Vec<ZoneProfile> {
    sitematch::io::load_profiles(&repo("profiles"), catalog)
        .expect("the folder")
        .into_profiles()
}

fn options(file: &str, as_of: Option<&str>) -> Options {
    Options {
        file: file.into(),
        as_of: as_of.map(date),
        today: date("2026-12-08"),
    }
}

/// The profiles an officer gets by accepting every change of a change set over `zones`.
fn accept_all(catalog: &Catalog, zones: &[ZoneProfile], set: &ChangeSet) -> Vec<ZoneProfile> {
    let mut out = zones.to_vec();
    for z in &set.zones {
        match &z.target {
            Target::Existing(i) => {
                let p = z.apply(catalog, zones.get(i.index()), |_| true);
                out[i.index()] = p;
            }
            Target::New(_) => out.push(z.apply(catalog, None, |_| true)),
        }
    }
    out
}

/// A figure as a province's table writes it: amounts with the unit in the header (even
/// factors) or in the cell (odd ones), yes/no as 是/否 or a planned date, levels and sets by
/// their Chinese names.
fn province_cell(catalog: &Catalog, f: usize, value: &Value, kind: &Kind) -> String {
    match (value, kind) {
        (Value::Amount(q), _) if f.is_multiple_of(2) => number::plain(q.amount()),
        (Value::Amount(q), _) => format!("{}{}", number::plain(q.amount()), catalog.unit(q.unit()).name.zh),
        (Value::YesNo(YesNo::Yes), _) => "是".into(),
        (Value::YesNo(YesNo::No), _) => "否".into(),
        (Value::YesNo(YesNo::Planned(d)), _) => format!("{}年{}月{}日前建成", d.year(), d.month(), d.day()),
        (Value::Level(l), Kind::Level(levels)) => levels[usize::from(*l)].name.zh.clone(),
        // By name, or by id where the name holds the list's own separator.
        (Value::Set(members), Kind::Set(v)) => members
            .iter()
            .map(|m| {
                let m = &catalog.vocabulary(*v).members[usize::from(*m)];
                if m.name.zh.contains('、') {
                    m.id.clone()
                } else {
                    m.name.zh.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("、"),
        other => panic!("no such value: {other:?}"),
    }
}

#[test]
fn a_provinces_wide_table_scores_as_the_bundled_profiles() {
    let c = catalog();
    let zones = bundled(&c);
    let factors: Vec<_> = c.factors().collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("全省开发区").expect("name");
    // A merged title above the header, as such tables have.
    let last = u16::try_from(factors.len() + 2).expect("columns");
    sheet
        .merge_range(0, 0, 0, last, "2025年全省开发区要素保障情况表", &Format::new())
        .expect("title");
    sheet.write_string(1, 0, "序号").expect("cell");
    sheet.write_string(1, 1, "编号").expect("cell");
    sheet.write_string(1, 2, "开发区名称").expect("cell");
    for (i, (_, factor)) in factors.iter().enumerate() {
        let col = u16::try_from(i + 3).expect("column");
        let header = match factor.kind.measure() {
            Some(m) if i % 2 == 0 => format!("{}（{}）", factor.name.zh, c.unit(m.unit).name.zh),
            _ => factor.name.zh.clone(),
        };
        sheet.write_string(1, col, header).expect("header");
    }
    // The expected profiles: what the table holds of each bundled one (no plans, no sources).
    let mut expected = Vec::new();
    for (z, p) in zones.iter().enumerate() {
        let row = u32::try_from(z + 2).expect("row");
        sheet.write_number(row, 0, (z + 1) as f64).expect("cell");
        // The last zone has no id: it is matched, and named, by its name's pinyin.
        if z + 1 < zones.len() {
            sheet.write_string(row, 1, &p.id).expect("cell");
        }
        sheet.write_string(row, 2, &p.name.zh).expect("cell");
        let mut e = ZoneProfile::new(&c, p.id.clone(), p.name.clone(), p.as_of);
        for (i, (f, factor)) in factors.iter().enumerate() {
            // One zone is missing half its figures.
            if z == 1 && i % 2 == 1 {
                continue;
            }
            let Some(entry) = p.entry(*f) else { continue };
            let col = u16::try_from(i + 3).expect("column");
            let text = province_cell(&c, i, &entry.value, &factor.kind);
            match (&entry.value, i % 4) {
                // Some amounts typed as numbers, as Excel keeps them.
                (Value::Amount(q), 0) => sheet
                    .write_number(row, col, q.amount().to_string().parse::<f64>().expect("f64"))
                    .expect("cell"),
                _ => sheet.write_string(row, col, &text).expect("cell"),
            };
            let mut kept = entry.clone();
            kept.planned = None;
            e.set_entry(*f, Some(kept));
        }
        expected.push(e);
    }
    let notes_row = u32::try_from(zones.len() + 2).expect("row");
    sheet.write_string(notes_row, 2, "合计").expect("cell");
    sheet.write_number(notes_row, 3, 99_999.0).expect("cell");
    let bytes = book.save_to_buffer().expect("xlsx");

    let none: &[ZoneProfile] = &[];
    let missing = import::read(&c, none, &bytes, &options("全省开发区要素表.xlsx", None));
    assert!(
        matches!(&missing, Err(import::ImportError::NeedsAsOf { sheets }) if sheets == &["全省开发区"]),
        "a table with no date column needs --as-of: {missing:?}"
    );
    let set = import::read(
        &c,
        none,
        &bytes,
        &options("全省开发区要素表.xlsx", Some("2025-06-30")),
    )
    .expect("read");
    assert_eq!(set.sheets.len(), 1);
    assert_eq!(set.sheets[0].header_row, 1);
    assert_eq!(set.zones.len(), zones.len(), "every zone new: {set:#?}");
    let unread: Vec<String> = set.unread.iter().map(|u| u.text(Lang::En)).collect();
    assert_eq!(unread.len(), 1, "only the totals row is left: {unread:#?}");
    assert!(unread[0].starts_with("全省开发区!C"), "{unread:?}");
    let imported = accept_all(&c, &[], &set);
    // Ids from the 编号 column, and from the name's pinyin where there is none.
    let ids: Vec<&str> = imported.iter().map(|p| p.id.as_str()).collect();
    let mut want: Vec<String> = zones.iter().map(|p| p.id.clone()).collect();
    *want.last_mut().expect("a zone") = "ypjjjskfq".into(); // 原平经济技术开发区
    assert_eq!(ids, want);
    // Every figure sourced to its cell and dated as told.
    let houma = &imported[0];
    let (f, e) = houma.entries().next().expect("a figure");
    assert_eq!(e.as_of, date("2025-06-30"));
    assert!(e.source.starts_with("全省开发区要素表.xlsx!"), "{}", e.source);
    assert!(!e.illustrative);
    assert_eq!(set.zones[0].figures[0].factor, f);
    for (p, e) in imported.iter().zip(&expected) {
        for (f, _) in c.factors() {
            assert_eq!(
                p.entry(f).map(|x| &x.value),
                e.entry(f).map(|x| &x.value),
                "{} {}",
                p.id,
                c.factor(f).id
            );
        }
    }
    let today = date("2025-07-01");
    for path in sitematch::io::ron_files(&repo("assets/checklists")).expect("checklists") {
        let list = sitematch::io::load_checklist(&path, &c).expect("a checklist");
        let got = sitematch::scoring::score(&c, &list, &imported, today);
        let want = sitematch::scoring::score(&c, &list, &expected, today);
        assert_eq!(got.zones, want.zones, "{}", path.display());
    }
    // Read again over what it made: nothing changes.
    let again = import::read(
        &c,
        &imported,
        &bytes,
        &options("全省开发区要素表.xlsx", Some("2025-06-30")),
    )
    .expect("read");
    assert!(again.zones.is_empty(), "{:#?}", again.zones);
}

/// The update workbook's cells read back, as texts.
fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The exported workbook as a department sends it back: every cell as it was, and `fills`
/// (zone id, factor id, column, text) in the input columns.
fn filled(rows: &[Vec<String>], fills: &[(&str, &str, Column, &str)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("填报表").expect("name");
    for (r, row) in rows.iter().enumerate() {
        let r32 = u32::try_from(r).expect("row");
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet
                    .write_string(r32, u16::try_from(c).expect("col"), text)
                    .expect("cell");
            }
        }
        for (zone, factor, column, text) in fills {
            let at = |col: Column| row.get(usize::from(col.index())).map(String::as_str);
            if at(Column::Zone) == Some(*zone) && at(Column::FactorId) == Some(*factor) {
                sheet.write_string(r32, column.index(), *text).expect("fill");
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

fn export(c: &Catalog, zones: &[ZoneProfile], filter: &Filter) -> Vec<Vec<String>> {
    let rows = inventory_sheet::rows(c, zones, filter, date("2026-12-08"), Lang::Zh);
    cells(&inventory_sheet::write::workbook(&rows, Lang::Zh).expect("workbook"))
}

fn figure_texts(c: &Catalog, p: &ZoneProfile, factor: &str) -> (String, String, String, String) {
    let f = c.find_factor(factor).expect("factor");
    let e = p.entry(f).expect("a figure");
    (
        sitematch::model::write::value_file_text(&e.value, c.factor(f), c),
        e.source.clone(),
        e.as_of.to_string(),
        p.owner(c, f).map(ToString::to_string).unwrap_or_default(),
    )
}

#[test]
fn the_update_workbook_filled_and_read_back_gives_what_was_filled() {
    let c = catalog();
    let zones = bundled(&c);
    let rows = export(&c, &zones, &Filter::default());
    let bytes = filled(
        &rows,
        &[
            ("houma", "land.industrial_area", Column::NewValue, "1700"),
            (
                "houma",
                "land.industrial_area",
                Column::NewSource,
                "侯马市自然资源局2026年11月台账",
            ),
            ("houma", "land.industrial_area", Column::NewAsOf, "2026-11-30"),
            ("houma", "power.dual_supply", Column::NewValue, "计划"),
            ("houma", "power.dual_supply", Column::NewPlannedBy, "2027年6月"),
            ("houma", "power.dual_supply", Column::NewAsOf, "2026-11-30"),
            (
                "houma",
                "power.dual_supply",
                Column::NewOwner,
                "国网侯马供电公司规划部",
            ),
            ("linyi", "power.capacity", Column::NewValue, "12万千瓦"),
            ("linyi", "power.capacity", Column::NewAsOf, "2026-12-01"),
            ("linyi", "power.capacity", Column::NewPlanned, "200"),
            ("linyi", "power.capacity", Column::NewPlannedBy, "2027-12-31"),
            (
                "linyi",
                "policy.regional_assessments",
                Column::NewValue,
                "环评、能评、压覆矿",
            ),
            (
                "linyi",
                "policy.regional_assessments",
                Column::NewAsOf,
                "2026-12-01",
            ),
            // A figure's kind cannot take this: listed, not read, nothing guessed.
            ("xiangfen", "policy.regional_assessments", Column::NewValue, "是"),
            (
                "xiangfen",
                "policy.regional_assessments",
                Column::NewAsOf,
                "2026-12-01",
            ),
        ],
    );
    let set = import::read(&c, &zones, &bytes, &options("侯马填报表.xlsx", None)).expect("read");
    assert_eq!(set.sheets[0].layout, import::Layout::Long(Lang::Zh));
    let unread: Vec<String> = set.unread.iter().map(|u| u.text(Lang::Zh)).collect();
    assert_eq!(unread.len(), 1, "{unread:#?}");
    assert!(unread[0].contains("是"), "{unread:?}");
    let counts = set.counts();
    assert_eq!(
        (counts.changes, counts.conflicts, counts.new_zones),
        (4, 0, 0),
        "{set:#?}"
    );
    let applied = accept_all(&c, &zones, &set);
    let houma = &applied[zones.iter().position(|p| p.id == "houma").expect("houma")];
    assert_eq!(
        figure_texts(&c, houma, "land.industrial_area"),
        (
            "1700 mu".into(),
            "侯马市自然资源局2026年11月台账".into(),
            "2026-11-30".into(),
            "侯马市自然资源局".into()
        )
    );
    let dual = figure_texts(&c, houma, "power.dual_supply");
    assert_eq!(dual.0, "Planned(\"2027-06-30\")");
    assert!(
        dual.1.starts_with("侯马填报表.xlsx!O"),
        "sourced to its new-value cell: {dual:?}"
    );
    assert_eq!(dual.3, "国网侯马供电公司规划部");
    let linyi = &applied[zones.iter().position(|p| p.id == "linyi").expect("linyi")];
    let f = c.find_factor("power.capacity").expect("factor");
    let e = linyi.entry(f).expect("power");
    assert_eq!(
        sitematch::model::write::value_file_text(&e.value, c.factor(f), &c),
        "120000 kw",
        "in the unit written"
    );
    let plan = e.planned.as_deref().expect("a plan");
    assert_eq!(
        (plan.amount.amount().to_string(), plan.by),
        ("200".into(), date("2027-12-31"))
    );
    // A second import of the same workbook changes nothing.
    let again = import::read(&c, &applied, &bytes, &options("侯马填报表.xlsx", None)).expect("read");
    assert_eq!(again.counts().changes, 0, "{:#?}", again.zones);
    assert_eq!(again.counts().conflicts, 0, "{:#?}", again.zones);
}

#[test]
fn two_departments_answer_the_same_zones_and_a_hand_edit_in_between_conflicts() {
    let c = catalog();
    let zones = bundled(&c);
    // Both workbooks exported from the same folder, before either answers.
    let rows = export(&c, &zones, &Filter::default());
    let power = filled(
        &rows,
        &[
            ("houma", "power.capacity", Column::NewValue, "150"),
            ("houma", "power.capacity", Column::NewAsOf, "2026-12-01"),
            ("shuozhou", "power.capacity", Column::NewValue, "90"),
            ("shuozhou", "power.capacity", Column::NewAsOf, "2026-12-01"),
        ],
    );
    let water = filled(
        &rows,
        &[
            ("houma", "water.supply", Column::NewValue, "3"),
            ("houma", "water.supply", Column::NewAsOf, "2026-12-02"),
            ("shuozhou", "water.supply", Column::NewValue, "4"),
            ("shuozhou", "water.supply", Column::NewAsOf, "2026-12-02"),
        ],
    );
    let first = import::read(&c, &zones, &power, &options("供电.xlsx", None)).expect("read");
    assert_eq!(first.counts().changes, 2);
    let mut now = accept_all(&c, &zones, &first);
    // Meanwhile someone types shuozhou's water supply in by hand.
    let s = now.iter().position(|p| p.id == "shuozhou").expect("shuozhou");
    let w = c.find_factor("water.supply").expect("factor");
    let mut hand = now[s].entry(w).cloned().expect("a figure");
    let m = c.factor(w).kind.measure().expect("amount");
    hand.value =
        Value::Amount(sitematch::model::Quantity::new(&c, m, 5.into(), hand_unit(&hand)).expect("quantity"));
    now[s].set_entry(w, Some(hand.clone()));
    let second = import::read(&c, &now, &water, &options("供水.xlsx", None)).expect("read");
    let counts = second.counts();
    assert_eq!((counts.changes, counts.conflicts), (1, 1), "{second:#?}");
    let conflict = second
        .zones
        .iter()
        .flat_map(|z| z.figures.iter().map(move |f| (z, f)))
        .find(|(_, f)| matches!(f.judgement, Judgement::Conflict { .. }))
        .expect("a conflict");
    assert_eq!(conflict.0.id, "shuozhou");
    let applied = accept_all(&c, &now, &second);
    assert_eq!(
        applied[s].entry(w),
        Some(&hand),
        "a conflict is never overwritten"
    );
    let h = applied.iter().position(|p| p.id == "houma").expect("houma");
    let p = c.find_factor("power.capacity").expect("factor");
    let texts = |f| {
        sitematch::model::write::value_file_text(&applied[h].entry(f).expect("figure").value, c.factor(f), &c)
    };
    assert_eq!(texts(p), "150 mw", "the first department's answer stands");
    assert!(texts(w).starts_with('3'), "{}", texts(w));
}

fn hand_unit(e: &sitematch::model::Entry) -> sitematch::model::UnitIdx {
    match &e.value {
        Value::Amount(q) => q.unit(),
        other => panic!("an amount: {other:?}"),
    }
}

/// Sheets of the same workbook with the same zone twice: the second row is listed.
#[test]
fn hostile_and_odd_tables_are_listed_not_guessed() {
    let c = catalog();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in [
        "开发区名称",
        "数据日期",
        "供电容量/MW",
        "可供工业用地面积",
        "已完成区域评估",
        "不存在的指标",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string(0, u16::try_from(col).expect("col"), *h)
            .expect("header");
    }
    let rows: [[&str; 6]; 3] = [
        ["甲开发区", "2024年底", "50", "300", "是", "1"],
        ["乙开发区", "2024-06-30", "5万千瓦", "1677亩", "环评、能评", ""],
        ["甲开发区", "2024-06-30", "60", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (col, t) in row.iter().enumerate() {
            if !t.is_empty() {
                let r = u32::try_from(r + 1).expect("row");
                sheet
                    .write_string(r, u16::try_from(col).expect("col"), *t)
                    .expect("cell");
            }
        }
    }
    sheet.write_formula(2, 5, "=1/0").expect("formula");
    let bytes = book.save_to_buffer().expect("xlsx");
    let none: &[ZoneProfile] = &[];
    let set =
        import::read(&c, none, &bytes, &options("市表.xlsx", None)).expect("read: the date column dates it");
    let unread: HashMap<String, String> = set
        .unread
        .iter()
        .map(|u| (u.place(), u.reason.text(Lang::Zh)))
        .collect();
    assert!(unread["Sheet1!F1"].contains("不存在的指标"), "{unread:#?}");
    assert!(
        unread["Sheet1!D2"].contains("没有单位"),
        "an amount with no unit is no mu by default: {unread:#?}"
    );
    assert!(unread["Sheet1!E2"].contains("是"), "{unread:#?}");
    assert!(
        unread["Sheet1!A4"].contains("2"),
        "the zone read twice: {unread:#?}"
    );
    assert_eq!(unread.len(), 4, "{unread:#?}");
    let new = accept_all(&c, &[], &set);
    assert_eq!(new.len(), 2);
    assert_eq!(new[0].id, "jkfq");
    assert_eq!(new[1].id, "ykfq");
    let power = c.find_factor("power.capacity").expect("factor");
    let e = new[0].entry(power).expect("power");
    assert_eq!(e.as_of, date("2024-12-31"), "the year's end, said in the review");
    let e = new[1].entry(power).expect("power");
    assert_eq!(
        sitematch::model::write::value_file_text(&e.value, c.factor(power), &c),
        "50000 kw"
    );
}

#[test]
fn what_is_no_workbook_is_refused_with_its_reason() {
    let c = catalog();
    let none: &[ZoneProfile] = &[];
    let o = options("x.xlsx", None);
    let text = import::read(&c, none, b"a,b\n1,2\n", &o).expect_err("a csv");
    assert!(text.text(Lang::Zh).contains("CSV"));
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "hello").expect("cell");
    let bytes = book.save_to_buffer().expect("xlsx");
    assert_eq!(
        import::read(&c, none, &bytes, &o),
        Err(import::ImportError::NoTable)
    );
}

/// `inventory import` on the command line: a dry run writes nothing, `--apply --by` saves and
/// records, a second run finds nothing to change; a table with no date needs `--as-of`.
#[test]
fn the_command_line_prints_the_change_set_and_applies_it_when_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zones = dir.path().join("zones");
    std::fs::create_dir(&zones).expect("folder");
    for f in std::fs::read_dir(repo("profiles")).expect("profiles") {
        let f = f.expect("entry").path();
        std::fs::copy(&f, zones.join(f.file_name().expect("name"))).expect("copy");
    }
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("全省").expect("name");
    for (c, h) in ["开发区名称", "可新增供电容量/MW", "已完成区域评估"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    sheet.write_string(1, 0, "侯马经济开发区").expect("cell");
    sheet.write_number(1, 1, 150.0).expect("cell");
    sheet.write_string(1, 2, "是").expect("cell");
    sheet.write_string(2, 0, "新绛经济开发区").expect("cell");
    sheet.write_string(2, 1, "4万千瓦").expect("cell");
    let table = dir.path().join("全省表.xlsx");
    book.save(&table).expect("xlsx");
    let (z, t) = (zones.to_str().expect("utf-8"), table.to_str().expect("utf-8"));
    let base = [
        "inventory",
        "import",
        "--lang",
        "zh",
        "--profiles",
        z,
        "--workbook",
        t,
    ];
    let run = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend(extra);
        crate::sitematch(&args)
    };
    let undated = run(&[]);
    assert_eq!(undated.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&undated.stderr).contains("--as-of"));
    let by_alone = run(&["--as-of", "2025-12-31", "--by", "王敏"]);
    assert_eq!(by_alone.status.code(), Some(2), "--by needs --apply");
    let dry = run(&["--as-of", "2025-12-31"]);
    let (out, err) = (
        String::from_utf8_lossy(&dry.stdout),
        String::from_utf8_lossy(&dry.stderr),
    );
    assert!(dry.status.success(), "{err}");
    assert!(out.contains("80 兆瓦 → 150 兆瓦"), "{out}");
    assert!(out.contains("xjjjkfq 新绛经济开发区（新建）"), "{out}");
    assert!(out.contains("全省!C2："), "the set column's 是 is listed: {out}");
    assert!(err.contains("未写入任何文件"), "{err}");
    assert!(!zones.join("xjjjkfq.ron").exists());
    let json = run(&["--as-of", "2025-12-31", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["zones"][0]["figures"][0]["status"], "change");
    assert_eq!(v["zones"][0]["figures"][0]["new"]["value"], "150 mw");
    assert_eq!(v["zones"][1]["new"], true);
    assert_eq!(v["unread"][0]["cell"], "全省!C2");
    assert_eq!(v["applied"], serde_json::Value::Null);
    let applied = run(&["--as-of", "2025-12-31", "--apply", "--by", "王敏 招商局"]);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    assert!(String::from_utf8_lossy(&applied.stderr).contains("已写入 2 项数据：更新 1 个开发区，新建 1 个"));
    let c = catalog();
    let new = sitematch::io::load_profile(&zones.join("xjjjkfq.ron"), &c).expect("the new zone loads");
    assert_eq!(new.name.zh, "新绛经济开发区");
    let history = sitematch::io::history::zone_history(&zones.join("houma.ron")).expect("history");
    assert_eq!(history[0].who, "王敏 招商局");
    assert_eq!(history[0].how, sitematch::model::history::How::Import);
    let again = run(&["--as-of", "2025-12-31", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).expect("json");
    assert_eq!(v["zones"], serde_json::json!([]));
    assert_eq!(v["unchanged"], 2);
}

/// An example figure held without a source, given only a new as-of date (or a plan), is no
/// longer an example, and so is sourced to the answer's cell: the profile saved reads back.
#[test]
fn an_example_figure_without_a_source_answered_with_a_date_is_sourced_to_its_cell() {
    let c = catalog();
    let zones = bundled(&c);
    let y = zones.iter().position(|p| p.id == "yuanping").expect("yuanping");
    let rail = c.find_factor("transport.rail_freight").expect("factor");
    let held = zones[y].entry(rail).expect("a figure");
    assert!(held.illustrative && held.source.is_empty(), "{held:?}");
    let rows = export(&c, &zones, &Filter::default());
    let bytes = filled(
        &rows,
        &[
            (
                "yuanping",
                "transport.rail_freight",
                Column::NewAsOf,
                "2026-11-30",
            ),
            (
                "yuanping",
                "transport.rail_freight",
                Column::NewOwner,
                "原平市交通运输局",
            ),
        ],
    );
    let set = import::read(&c, &zones, &bytes, &options("原平填报表.xlsx", None)).expect("read");
    assert_eq!(set.counts().changes, 1, "{set:#?}");
    let applied = accept_all(&c, &zones, &set);
    let e = applied[y].entry(rail).expect("a figure");
    assert!(!e.illustrative);
    assert_eq!(e.as_of, date("2026-11-30"));
    assert!(e.source.starts_with("原平填报表.xlsx!S"), "{}", e.source);
    let text = sitematch::model::write_profile(&applied[y], &c).expect("writes");
    let back = sitematch::model::parse_profile(&text, "yuanping", &c).expect("reads back");
    assert_eq!(back, applied[y]);
    // A figure with a source keeps it when only its date is answered.
    let h = zones.iter().position(|p| p.id == "houma").expect("houma");
    let land = c.find_factor("land.industrial_area").expect("factor");
    let bytes = filled(
        &rows,
        &[("houma", "land.industrial_area", Column::NewAsOf, "2026-11-30")],
    );
    let set = import::read(&c, &zones, &bytes, &options("侯马填报表.xlsx", None)).expect("read");
    let applied = accept_all(&c, &zones, &set);
    let e = applied[h].entry(land).expect("a figure");
    assert_eq!(e.source, zones[h].entry(land).expect("a figure").source);
    assert_eq!(e.as_of, date("2026-11-30"));
}

/// One long text shown in thousands of cells (a shared string in the file, a copy in every
/// cell read) is refused with what it would take, before it takes more.
#[test]
fn a_long_text_shown_in_many_cells_is_refused_not_copied_without_end() {
    let c = catalog();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "开发区名称").expect("header");
    sheet
        .write_string(0, 1, "可供工业用地面积（亩）")
        .expect("header");
    let long = "标".repeat(10_000);
    for r in 1..10_000u32 {
        sheet.write_string(r, 0, &long).expect("cell");
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    assert!(bytes.len() < 200_000, "the file is small: {} bytes", bytes.len());
    let none: &[ZoneProfile] = &[];
    let err = import::read(&c, none, &bytes, &options("表.xlsx", Some("2025-12-31"))).expect_err("refused");
    assert!(matches!(err, import::ImportError::TooMuchText { .. }), "{err:?}");
    assert!(err.text(Lang::Zh).contains("256 MiB"), "{}", err.text(Lang::Zh));
}
