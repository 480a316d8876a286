//! The ranking as CSV: one row per zone, and every item of every zone in a second file; headers
//! in the report's language. Starts with a UTF-8 byte-order mark so that spreadsheet programs
//! open the Chinese text correctly. The rows can be written a chunk of zones at a time
//! ([`write_header`], [`write_zones`], [`write_items_header`], [`write_items`]).

use std::io::Write;

use super::ranking::{RankingReport, ZoneRow};
use crate::model::{Lang, number};

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
        write_header(w, report.lang)?;
        write_zones(w, &report.zones)
    })
}

/// The header row of the ranking file.
pub fn write_header<W: Write>(w: &mut csv::Writer<W>, lang: Lang) -> Result<(), csv::Error> {
    w.write_record([
        lang.pick("排名", "rank"),
        lang.pick("开发区编号", "zone"),
        lang.pick("开发区", "name"),
        lang.pick("得分", "score"),
        lang.pick("合格", "qualified"),
        lang.pick("满足", "met"),
        lang.pick("部分满足", "partial"),
        lang.pick("不满足", "unmet"),
        lang.pick("待核实", "unknown"),
        lang.pick("完整度(%)", "completeness"),
        lang.pick("未满足的必须项", "failed_must_haves"),
        lang.pick("最大差距", "largest_gap"),
    ])
}

/// A text from the data as a CSV cell: one that a spreadsheet would take as a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return; `=HYPERLINK(…)` in a zone's
/// name) gets a leading `'`, so that it shows as the text it is. (The Excel workbook writes
/// texts as strings, which no spreadsheet evaluates.)
pub fn text_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// One row per zone, in the order given.
pub fn write_zones<W: Write>(w: &mut csv::Writer<W>, zones: &[ZoneRow]) -> Result<(), csv::Error> {
    for z in zones {
        let failed: Vec<&str> = z.failed_must.iter().map(|(id, _)| id.as_str()).collect();
        w.write_record([
            z.rank.to_string().as_str(),
            &z.id,
            &text_cell(&z.name),
            &z.score.fixed(1),
            if z.qualified { "true" } else { "false" },
            &z.counts.met.to_string(),
            &z.counts.partial.to_string(),
            &z.counts.unmet.to_string(),
            &z.counts.unknown.to_string(),
            &number::fixed(z.completeness, 0),
            &failed.join(" "),
            &text_cell(z.largest_gap.as_deref().unwrap_or_default()),
        ])?;
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
    w.write_record([
        lang.pick("排名", "rank"),
        lang.pick("开发区编号", "zone"),
        lang.pick("开发区", "name"),
        lang.pick("要素编号", "factor"),
        lang.pick("要素", "factor_name"),
        lang.pick("重要性", "importance"),
        lang.pick("状态", "status"),
        lang.pick("得分系数", "credit"),
        lang.pick("要求", "required"),
        lang.pick("现有", "offered"),
        lang.pick("差距", "gap"),
        lang.pick("来源", "source"),
        lang.pick("数据日期", "as_of"),
        lang.pick("示例值", "illustrative"),
    ])
}

/// Every item of the zones given, in their order.
pub fn write_items<W: Write>(w: &mut csv::Writer<W>, zones: &[ZoneRow]) -> Result<(), csv::Error> {
    for z in zones {
        let rank = z.rank.to_string();
        for item in &z.items {
            let t = &item.texts;
            w.write_record([
                rank.as_str(),
                &z.id,
                &text_cell(&z.name),
                &item.factor_id,
                &t.factor,
                item.importance.code(),
                t.status.code(),
                &item.credit.fixed(4),
                &text_cell(&t.required),
                &text_cell(t.offered.as_deref().unwrap_or_default()),
                &text_cell(t.gap.as_deref().unwrap_or_default()),
                &text_cell(t.source.as_deref().unwrap_or_default()),
                &t.as_of.map(|d| d.to_string()).unwrap_or_default(),
                if t.illustrative { "true" } else { "false" },
            ])?;
        }
    }
    Ok(())
}
