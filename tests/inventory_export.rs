//! `inventory export`: the update workbook (填报表) of the bundled zones, read back with
//! calamine, and its protection and print setup read from the sheet's XML.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::sitematch;

/// Writes the workbook for the bundled zones on 2024-12-15 with `extra` arguments; the
/// notice on stderr and the sheet's rows.
fn export(dir: &Path, lang: &str, extra: &[&str]) -> (String, Vec<Vec<Data>>) {
    let out = dir.join("update.xlsx");
    let out_text = out.to_str().expect("utf-8 path");
    let mut args = vec![
        "inventory",
        "export",
        "--profiles",
        "profiles",
        "--date",
        "2024-12-15",
        "--lang",
        lang,
        "--out",
        out_text,
    ];
    args.extend(extra);
    let run = sitematch(&args);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("a real xlsx");
    let name = book.sheet_names().first().cloned().expect("a sheet");
    let range = book.worksheet_range(&name).expect("the sheet");
    (stderr, range.rows().map(<[Data]>::to_vec).collect())
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("a text cell: {other:?}"),
    }
}

/// The column of the header titled `title`.
fn col(rows: &[Vec<Data>], title: &str) -> usize {
    rows[0]
        .iter()
        .position(|d| text(d) == title)
        .unwrap_or_else(|| panic!("no column {title}"))
}

#[test]
fn the_update_workbook_holds_every_figure_of_the_bundled_zones_with_empty_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (stderr, rows) = export(dir.path(), "zh", &[]);
    // Five zones, the catalog's 31 factors each.
    assert_eq!(rows.len(), 1 + 5 * 31);
    assert!(stderr.contains("155 行"), "{stderr}");
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "开发区编号",
            "开发区名称",
            "类别",
            "要素编号",
            "要素",
            "单位",
            "现值",
            "计划值",
            "计划日期",
            "来源",
            "数据日期",
            "责任单位",
            "示例值",
            "状态",
            "新值（按单位列）",
            "新计划值",
            "新计划日期",
            "新来源",
            "新数据日期",
            "新责任单位",
        ]
    );
    let find = |zone: &str, factor: &str| {
        rows.iter()
            .find(|r| text(&r[0]) == zone && text(&r[3]) == factor)
            .unwrap_or_else(|| panic!("no row {zone} {factor}"))
    };
    let land = find("houma", "land.industrial_area");
    assert_eq!(text(&land[1]), "侯马经济开发区");
    assert_eq!(text(&land[col(&rows, "要素")]), "可供工业用地面积");
    assert_eq!(text(&land[col(&rows, "单位")]), "亩");
    assert_eq!(text(&land[col(&rows, "现值")]), "1677");
    assert_eq!(text(&land[col(&rows, "数据日期")]), "2023-12-31");
    assert_eq!(text(&land[col(&rows, "责任单位")]), "侯马市自然资源局");
    assert_eq!(text(&land[col(&rows, "示例值")]), "否");
    assert_eq!(text(&land[col(&rows, "状态")]), "待更新");
    assert!(text(&land[col(&rows, "来源")]).contains("储备标准地1677亩"));
    // A planned amount beside the value, with its date.
    let planned = find("shuozhou", "power.capacity");
    assert_eq!(text(&planned[col(&rows, "计划值")]), "60");
    assert_eq!(text(&planned[col(&rows, "计划日期")]), "2027-06-30");
    // Every input column of every row is empty.
    let first_input = col(&rows, "新值（按单位列）");
    for r in &rows[1..] {
        assert!(r[first_input..].iter().all(|d| *d == Data::Empty), "{r:?}");
    }
}

#[test]
fn one_owners_stale_figures_only_and_the_english_workbook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, rows) = export(dir.path(), "zh", &["--owner", "国网侯马供电公司"]);
    let owner = col(&rows, "责任单位");
    assert!(rows.len() > 1);
    assert!(rows[1..].iter().all(|r| text(&r[owner]) == "国网侯马供电公司"));
    assert!(rows[1..].iter().all(|r| text(&r[0]) == "houma"));
    let all = rows.len();
    let (stderr, rows) = export(dir.path(), "en", &["--owner", "国网侯马供电公司", "--stale"]);
    assert!(stderr.contains("rows)"), "{stderr}");
    assert!(rows.len() > 1 && rows.len() < all, "{} of {all}", rows.len());
    let freshness = col(&rows, "Freshness");
    assert!(
        rows[1..]
            .iter()
            .all(|r| ["due", "stale"].contains(&text(&r[freshness]).as_str())),
        "{rows:?}"
    );
    assert_eq!(text(&rows[0][0]), "Zone id");
    // Limited to zones.
    let (_, rows) = export(dir.path(), "en", &["--zones", "linyi,yuanping"]);
    assert_eq!(rows.len(), 1 + 2 * 31);
    assert!(
        rows[1..]
            .iter()
            .all(|r| ["linyi", "yuanping"].contains(&text(&r[0]).as_str()))
    );
}

#[test]
fn an_unknown_owner_or_zone_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.xlsx");
    let out_text = out.to_str().expect("utf-8 path");
    for extra in [["--owner", "供电公司"], ["--zones", "nowhere"]] {
        let mut args = vec![
            "inventory",
            "export",
            "--profiles",
            "profiles",
            "--lang",
            "zh",
            "--out",
            out_text,
        ];
        args.extend(extra);
        let run = sitematch(&args);
        assert_eq!(run.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(extra[1]), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn the_labels_are_protected_and_the_sheet_prints_a4_landscape_one_page_wide() {
    let dir = tempfile::tempdir().expect("tempdir");
    export(dir.path(), "zh", &["--zones", "houma"]);
    let file = std::fs::File::open(dir.path().join("update.xlsx")).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .expect(name)
            .read_to_string(&mut s)
            .expect("utf-8");
        s
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<sheetProtection"), "protected");
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(sheet.contains(r#"orientation="landscape""#), "landscape");
    assert!(
        sheet.contains(r#"fitToHeight="0""#) && sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"),
        "fit to width"
    );
    assert!(sheet.contains(r#"type="list""#), "drop-downs");
    assert!(sheet.contains("<legacyDrawing"), "notes");
    let book = read("xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles"), "the header repeated: {book}");
    assert!(book.contains("$1:$1"), "row 1 repeated: {book}");
    let styles = read("xl/styles.xml");
    assert!(styles.contains(r#"locked="0""#), "input cells unlocked");
    assert!(styles.contains("FFFFF8D6"), "input cells shaded");
}
