//! The ranking as CSV: one row per zone, and every item of every zone in a second file; headers
//! in the report's language. Starts with a UTF-8 byte-order mark so that spreadsheet programs
//! open the Chinese text correctly. The rows can be written a chunk of zones at a time
//! ([`write_header`], [`write_zones`], [`write_items_header`], [`write_items`]).

use std::borrow::Cow;
use std::io::Write;

use super::columns::{self, Cell, Column};
use super::ranking::{RankingReport, ZoneRow};
use crate::model::{Category, Lang, number};

/// The UTF-8 byte-order mark every CSV file starts with.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// CSV bytes behind a UTF-8 byte-order mark, written by `write`.
fn with_bom(
    write: impl FnOnce(&mut csv::Writer<&mut Vec<u8>>) -> Result<(), csv::Error>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from(BOM);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        write(&mut w)?;
        w.flush()?;
    }
    Ok(out)
}

/// Writes the ranking as CSV bytes.
pub fn render(report: &RankingReport) -> Result<Vec<u8>, csv::Error> {
    with_bom(|w| {
        write_header(w, report.lang, &report.categories)?;
        write_zones(w, &report.zones, &report.categories)
    })
}

/// The header row of the ranking file.
pub fn write_header<W: Write>(
    w: &mut csv::Writer<W>,
    lang: Lang,
    categories: &[Category],
) -> Result<(), csv::Error> {
    header(w, &columns::ranking(lang, categories), lang)
}

/// The titles of the columns the CSV carries, in `lang`.
fn header<W: Write, Get>(
    w: &mut csv::Writer<W>,
    columns: &[Column<Get>],
    lang: Lang,
) -> Result<(), csv::Error> {
    w.write_record(columns.iter().filter(|c| c.csv).map(|c| c.csv_title(lang)))
}

/// A cell as the CSV writes it: numbers as shown, codes rather than labels, and text from the
/// data guarded by [`text_cell`].
fn cell(cell: Cell<'_>) -> Cow<'_, str> {
    match cell {
        Cell::Count(n) => Cow::Owned(n.to_string()),
        Cell::Score(e) => Cow::Owned(e.fixed(1)),
        Cell::Credit(e) => Cow::Owned(e.fixed(4)),
        Cell::Percent(d) => Cow::Owned(number::fixed(d, 0)),
        Cell::Text(Cow::Borrowed(t)) | Cell::Zone { name: t, .. } => text_cell(t),
        Cell::Text(Cow::Owned(t)) => Cow::Owned(text_cell(&t).into_owned()),
        Cell::Plain(t) | Cell::Coded { code: t, .. } => t,
        Cell::Qualified(b) | Cell::Flag(b) => Cow::Borrowed(if b { "true" } else { "false" }),
    }
}

/// A text from the data as a CSV cell: one that a spreadsheet would take as a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return; `=HYPERLINK(…)` in a zone's
/// name) gets a leading `'`, so that it shows as the text it is. (The Excel workbook writes
/// texts as strings, which no spreadsheet evaluates.)
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One row per zone, in the order given.
pub fn write_zones<W: Write>(
    w: &mut csv::Writer<W>,
    zones: &[ZoneRow],
    categories: &[Category],
) -> Result<(), csv::Error> {
    // The cells' words do not depend on the language: the CSV writes codes, not labels.
    let columns = columns::ranking(Lang::Zh, categories);
    for z in zones {
        let cells: Vec<Cow<'_, str>> = columns
            .iter()
            .filter(|c| c.csv)
            .map(|c| cell((c.cell)(z)))
            .collect();
        w.write_record(cells.iter().map(|c| c.as_ref()))?;
    }
    Ok(())
}

/// Writes every item of every zone as CSV bytes.
pub fn render_items(report: &RankingReport) -> Result<Vec<u8>, csv::Error> {
    with_bom(|w| {
        write_items_header(w, report.lang)?;
        write_items(w, &report.zones)
    })
}

/// The header row of the items file.
pub fn write_items_header<W: Write>(w: &mut csv::Writer<W>, lang: Lang) -> Result<(), csv::Error> {
    header(w, &columns::items(lang), lang)
}

/// Every item of the zones given, in their order.
pub fn write_items<W: Write>(w: &mut csv::Writer<W>, zones: &[ZoneRow]) -> Result<(), csv::Error> {
    let columns = columns::items(Lang::Zh);
    for z in zones {
        for item in &z.items {
            let cells: Vec<Cow<'_, str>> = columns
                .iter()
                .filter(|c| c.csv)
                .map(|c| cell((c.cell)(z, item)))
                .collect();
            w.write_record(cells.iter().map(|c| c.as_ref()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::test_support::ranking;

    /// The records of CSV bytes as a reader sees them, after the byte-order mark.
    fn records(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = bytes.strip_prefix(BOM).expect("a byte-order mark");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text)
            .records()
            .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn the_ranking_reads_back_with_headers_in_either_language() {
        let zh = records(&render(&ranking("pv_base", Lang::Zh)).expect("csv"));
        assert_eq!(
            zh[0],
            [
                "排名",
                "开发区编号",
                "开发区",
                "得分",
                "合格",
                "满足",
                "部分满足",
                "不满足",
                "待核实",
                "完整度(%)",
                "未满足的必须项",
                "最大差距",
                "用地与载体得分",
                "水电气热得分",
                "交通道路与用工得分",
                "产业政策、指标与服务得分"
            ]
        );
        assert_eq!(
            zh[1],
            [
                "1",
                "houma",
                "侯马经济开发区",
                "100.0",
                "true",
                "15",
                "0",
                "0",
                "0",
                "100",
                "",
                "",
                "100.0",
                "100.0",
                "100.0",
                "100.0"
            ]
        );
        assert_eq!(zh.len(), 6, "a header and five zones");
        let en = records(&render(&ranking("pv_base", Lang::En)).expect("csv"));
        assert_eq!(
            en[0],
            [
                "rank",
                "zone",
                "name",
                "score",
                "qualified",
                "met",
                "partial",
                "unmet",
                "unknown",
                "completeness",
                "failed_must_haves",
                "largest_gap",
                "category_land",
                "category_utilities",
                "category_transport",
                "category_policy"
            ]
        );
        // A zone that fails must-haves: their ids, and its largest gap in words.
        assert_eq!(
            en[3],
            [
                "3",
                "yuanping",
                "Yuanping Economic and Technological Development Zone",
                "60.3",
                "false",
                "8",
                "2",
                "1",
                "4",
                "73",
                "policy.industry quota.energy",
                "Industry admitted: missing: C38 Manufacture of electrical machinery and equipment",
                "68.2",
                "78.6",
                "100.0",
                "21.7"
            ]
        );
    }

    #[test]
    fn the_items_read_back_with_codes_and_a_name_like_a_formula_stays_text() {
        let mut report = ranking("pv_base", Lang::En);
        report.zones[0].name = "=HYPERLINK(\"x\")".into();
        let rows = records(&render_items(&report).expect("csv"));
        assert_eq!(
            rows[0],
            [
                "rank",
                "zone",
                "name",
                "factor",
                "factor_name",
                "importance",
                "status",
                "credit",
                "required",
                "offered",
                "gap",
                "source",
                "as_of",
                "illustrative",
                "freshness",
                "owner"
            ]
        );
        assert_eq!(
            rows[1][..10],
            [
                "1",
                "houma",
                "'=HYPERLINK(\"x\")",
                "land.industrial_area",
                "Available industrial land",
                "must",
                "met",
                "1.0000",
                "≥ 515 mu",
                "1,677 mu"
            ]
        );
        assert_eq!(
            rows[1][12..],
            ["2023-12-31", "false", "stale", "侯马市自然资源局"]
        );
        let zh = records(&render_items(&ranking("pv_base", Lang::Zh)).expect("csv"));
        assert_eq!(zh[0][..5], ["排名", "开发区编号", "开发区", "要素编号", "要素"]);
        assert_eq!(zh[0][13..], ["示例值", "数据时效", "责任单位"]);
    }

    /// On a day when the two-year factors' figures of the samples (dated 2023-12-31) are near
    /// the end of their period and the others past it, each item says which, as the code a
    /// script reads, whatever the language; a factor with no value has none.
    #[test]
    fn each_item_carries_its_freshness_code_and_its_owner() {
        use crate::report::test_support::ranking_on;
        let day = jiff::civil::Date::new(2025, 12, 15).expect("date");
        for lang in Lang::ALL {
            let rows = records(&render_items(&ranking_on("pv_base", lang, day)).expect("csv"));
            let cell = |zone: &str, factor: &str, column: usize| {
                rows.iter()
                    .find(|r| r[1] == zone && r[3] == factor)
                    .unwrap_or_else(|| panic!("{zone} {factor}"))[column]
                    .clone()
            };
            assert_eq!(cell("houma", "land.servicing_level", 14), "due", "730 days");
            assert_eq!(cell("houma", "land.industrial_area", 14), "stale", "365 days");
            assert_eq!(
                cell("houma", "power.capacity", 15),
                "国网侯马供电公司",
                "by group"
            );
            assert_eq!(
                cell("houma", "service.approval_days", 15),
                "侯马经济开发区行政审批局",
                "the entry's own"
            );
            let unknown = rows
                .iter()
                .find(|r| r[6] == "unknown")
                .expect("an item with no value");
            assert_eq!(unknown[14], "", "no value, no freshness: {unknown:?}");
        }
    }
}
