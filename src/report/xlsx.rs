//! The ranking as a real Excel workbook: a ranking sheet and a sheet with every item of every
//! zone, Chinese (or English) headers, numbers as numbers (as shown: scores to one place,
//! credits to four), frozen header rows.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::ranking::{RankingReport, ZoneRow};
use crate::model::{Lang, number};

fn header(sheet: &mut Worksheet, titles: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_background_color("#E8EEF5");
    for (col, (title, width)) in titles.iter().zip(widths).enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *title, &bold)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn num(d: rust_decimal::Decimal, dp: u32) -> f64 {
    number::fixed(d, dp).parse().unwrap_or(0.0)
}

/// An exact value rounded half up to `dp` places, as it is shown.
fn shown(e: &crate::scoring::Exact, dp: u32) -> f64 {
    e.fixed(dp).parse().unwrap_or(0.0)
}

/// Writes the workbook a chunk of zones at a time: both sheets in constant-memory mode, so each
/// row goes to a temporary file as it is written and a nation-scale ranking never sits in
/// memory as cells.
pub struct XlsxWriter {
    book: Workbook,
    lang: Lang,
    /// The next row of the ranking sheet and of the items sheet.
    rows: (u32, u32),
}

impl XlsxWriter {
    /// A workbook with the two sheets and their headers.
    pub fn new(lang: Lang) -> Result<Self, XlsxError> {
        let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
        let mut book = Workbook::new();
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(t("排名", "Ranking"))?;
        header(
            sheet,
            &[
                t("排名", "Rank"),
                t("开发区编号", "Zone id"),
                t("开发区", "Zone"),
                t("得分", "Score"),
                t("合格", "Qualified"),
                t("满足", "Met"),
                t("部分满足", "Partial"),
                t("不满足", "Unmet"),
                t("待核实", "Unknown"),
                t("完整度(%)", "Completeness (%)"),
                t("未满足的必须项", "Must-haves not met"),
                t("最大差距", "Largest gap"),
                t("就绪等级", "Readiness"),
            ],
            &[
                6.0, 12.0, 30.0, 8.0, 8.0, 7.0, 9.0, 8.0, 8.0, 11.0, 28.0, 40.0, 16.0,
            ],
        )?;
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(t("逐项", "Items"))?;
        header(
            sheet,
            &[
                t("排名", "Rank"),
                t("开发区编号", "Zone id"),
                t("开发区", "Zone"),
                t("要素编号", "Factor id"),
                t("要素", "Factor"),
                t("重要性", "Importance"),
                t("状态", "Status"),
                t("得分系数", "Credit"),
                t("要求", "Required"),
                t("现有", "Offered"),
                t("差距", "Gap"),
                t("来源", "Source"),
                t("数据日期", "As of"),
                t("示例值", "Illustrative"),
            ],
            &[
                6.0, 12.0, 26.0, 28.0, 24.0, 9.0, 10.0, 9.0, 22.0, 22.0, 24.0, 40.0, 11.0, 9.0,
            ],
        )?;
        Ok(XlsxWriter {
            book,
            lang,
            rows: (1, 1),
        })
    }

    /// Writes zones, in rank order after those written before, to both sheets.
    pub fn zones(&mut self, zones: &[ZoneRow]) -> Result<(), XlsxError> {
        let lang = self.lang;
        let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
        let sheet = self.book.worksheet_from_index(0)?;
        let mut row = self.rows.0;
        for z in zones {
            sheet.write_number(row, 0, z.rank as f64)?;
            sheet.write_string(row, 1, &z.id)?;
            sheet.write_string(row, 2, &z.name)?;
            sheet.write_number(row, 3, shown(&z.score, 1))?;
            sheet.write_string(
                row,
                4,
                if z.qualified {
                    t("是", "yes")
                } else {
                    t("否", "no")
                },
            )?;
            for (col, n) in [
                (5, z.counts.met),
                (6, z.counts.partial),
                (7, z.counts.unmet),
                (8, z.counts.unknown),
            ] {
                sheet.write_number(row, col, n as f64)?;
            }
            sheet.write_number(row, 9, num(z.completeness, 0))?;
            let failed: Vec<&str> = z.failed_must.iter().map(|(_, n)| n.as_str()).collect();
            sheet.write_string(row, 10, failed.join(lang.list_separator()))?;
            sheet.write_string(row, 11, z.largest_gap.as_deref().unwrap_or(""))?;
            sheet.write_string(row, 12, z.tier.as_ref().map_or("", |(_, name)| name.as_str()))?;
            row += 1;
        }
        self.rows.0 = row;

        let sheet = self.book.worksheet_from_index(1)?;
        let mut row = self.rows.1;
        for z in zones {
            for item in &z.items {
                let tx = &item.texts;
                sheet.write_number(row, 0, z.rank as f64)?;
                sheet.write_string(row, 1, &z.id)?;
                sheet.write_string(row, 2, &z.name)?;
                sheet.write_string(row, 3, &item.factor_id)?;
                sheet.write_string(row, 4, &tx.factor)?;
                sheet.write_string(row, 5, tx.importance)?;
                sheet.write_string(row, 6, format!("{} {}", tx.status.mark(), tx.status.label(lang)))?;
                sheet.write_number(row, 7, shown(&item.credit, 4))?;
                sheet.write_string(row, 8, &tx.required)?;
                sheet.write_string(row, 9, tx.offered.as_deref().unwrap_or(""))?;
                sheet.write_string(row, 10, tx.gap.as_deref().unwrap_or(""))?;
                sheet.write_string(row, 11, tx.source.as_deref().unwrap_or(""))?;
                sheet.write_string(row, 12, tx.as_of.map(|d| d.to_string()).unwrap_or_default())?;
                sheet.write_string(row, 13, if tx.illustrative { t("是", "yes") } else { "" })?;
                row += 1;
            }
        }
        self.rows.1 = row;
        Ok(())
    }

    /// Writes the finished workbook to `out` (a file, say).
    pub fn finish_to<W: std::io::Write + std::io::Seek + Send>(mut self, out: W) -> Result<(), XlsxError> {
        self.book.save_to_writer(out)
    }

    /// The finished workbook as bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        self.book.save_to_buffer()
    }
}

/// The workbook as bytes.
pub fn render(report: &RankingReport) -> Result<Vec<u8>, XlsxError> {
    let mut w = XlsxWriter::new(report.lang)?;
    w.zones(&report.zones)?;
    w.finish()
}
