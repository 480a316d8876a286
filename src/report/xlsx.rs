//! The ranking as a real Excel workbook: a ranking sheet and a sheet with every item of every
//! zone, Chinese (or English) headers, numbers as numbers (as shown: scores to one place,
//! credits to four), frozen header rows, written a chunk of zones at a time in constant memory. Both print: A4 landscape, every column on one page width, the header row on
//! every page, and rows as tall as their wrapped text (set explicitly: not every spreadsheet
//! program fits rows when it opens a file). [`print_setup`] and [`fitted_height`] serve the
//! survey workbook too.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::ranking::{RankingReport, ZoneRow};
use crate::model::{Lang, number};

/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;
/// The height of one line of 11-point text, in points, and the row's padding.
const LINE_PT: f64 = 14.4;
const ROW_PAD_PT: f64 = 3.0;

/// A4, landscape when wide, all columns on one page width (as many pages down as it takes),
/// `repeat` rows (the header) on every page, centred, with the sheet name and page numbers.
pub fn print_setup(sheet: &mut Worksheet, landscape: bool, repeat: (u32, u32)) -> Result<(), XlsxError> {
    sheet.set_paper_size(PAPER_A4);
    if landscape {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(repeat.0, repeat.1)?;
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_header("&L&A");
    sheet.set_footer("&C&P / &N");
    Ok(())
}

/// The lines a text takes in a column `width` characters wide (Excel's unit, about one digit;
/// a Chinese character takes two), wrapping at the column's edge and at line breaks.
pub fn lines_in(text: &str, width: f64) -> usize {
    // A little less than the column: the cell's padding.
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| {
            let w = UnicodeWidthStr::width(line) as f64;
            ((w / room).ceil() as usize).max(1)
        })
        .sum()
}

/// The height, in points, of a row whose cells hold `cells` (text, column width).
pub fn fitted_height<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    let lines = cells
        .into_iter()
        .map(|(text, width)| lines_in(text, width))
        .max()
        .unwrap_or(1);
    lines as f64 * LINE_PT + ROW_PAD_PT
}

/// A sheet's header row: bold on a band, wrapped, the columns' widths, frozen, and the sheet
/// set up to print (A4 landscape, one page wide, the header on every page).
pub(crate) fn header(sheet: &mut Worksheet, titles: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_background_color("#E8EEF5")
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (col, (title, width)) in titles.iter().zip(widths).enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *title, &bold)?;
        sheet.set_column_width(col, *width)?;
        sheet.set_column_format(col, &wrap)?;
    }
    sheet.set_row_height(
        0,
        fitted_height(titles.iter().copied().zip(widths.iter().copied())),
    )?;
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, true, (0, 0))?;
    Ok(())
}

fn num(d: rust_decimal::Decimal, dp: u32) -> f64 {
    number::fixed(d, dp).parse().unwrap_or(0.0)
}

/// An exact value rounded half up to `dp` places, as it is shown.
fn shown(e: &crate::scoring::Exact, dp: u32) -> f64 {
    e.fixed(dp).parse().unwrap_or(0.0)
}

const RANKING_WIDTHS: [f64; 13] = [
    5.0, 10.0, 26.0, 6.0, 6.0, 5.0, 6.0, 6.0, 6.0, 8.0, 22.0, 32.0, 12.0,
];
const ITEM_WIDTHS: [f64; 14] = [
    5.0, 10.0, 20.0, 18.0, 18.0, 7.0, 10.0, 7.0, 18.0, 18.0, 18.0, 30.0, 10.0, 6.0,
];

/// Writes the workbook a chunk of zones at a time: both sheets in constant-memory mode, so each
/// row goes to a temporary file as it is written and a nation-scale ranking never sits in
/// memory as cells.
pub struct XlsxWriter {
    book: Workbook,
    lang: Lang,
    /// Whether the items sheet's rows get heights fitted to their text (see [`XlsxWriter::new`]).
    fit_items: bool,
    /// The next row of the ranking sheet and of the items sheet.
    rows: (u32, u32),
    /// Scores to one place; every other cell takes the workbook's default format.
    score: Format,
}

impl XlsxWriter {
    /// The most item rows whose heights the workbook sets itself. The writer keeps every row
    /// whose height is set, with its format, until the end (some 350 bytes a row): beyond this
    /// many, item rows are left to the spreadsheet program, which fits wrapped text itself
    /// (Excel, WPS and LibreOffice do), so 20 000 zones' 620 000 rows stay in bounded memory.
    pub const FITTED_ITEM_ROWS: usize = 100_000;

    /// A workbook with the two sheets and their headers, for about `item_rows` item rows.
    pub fn new(lang: Lang, item_rows: usize) -> Result<Self, XlsxError> {
        let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
        let mut book = Workbook::new();
        // Every cell wraps and sits at the top unless it says otherwise: the default format,
        // so the millions of cells of a national ranking are written without a format each
        // (looking one up per cell was a third of the time). Calibri 11's 20 px rows and
        // 64 px columns, as Excel's own default.
        book.set_default_format(&Self::cell_format(), 20, 64)?;
        // Fast compression: the items sheet of 20 000 zones is hundreds of megabytes of XML.
        book.set_zip_compression_level(1);
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
            &RANKING_WIDTHS,
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
            &ITEM_WIDTHS,
        )?;
        Ok(XlsxWriter {
            book,
            lang,
            fit_items: item_rows <= Self::FITTED_ITEM_ROWS,
            rows: (1, 1),
            score: Self::cell_format().set_num_format("0.0"),
        })
    }

    /// The format of every cell: wrapped at the column's edge, at the top of its row.
    fn cell_format() -> Format {
        Format::new().set_text_wrap().set_align(FormatAlign::Top)
    }

    /// Writes zones, in rank order after those written before, to both sheets.
    pub fn zones(&mut self, zones: &[ZoneRow]) -> Result<(), XlsxError> {
        let lang = self.lang;
        let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
        let score = &self.score;
        let sheet = self.book.worksheet_from_index(0)?;
        let mut row = self.rows.0;
        for z in zones {
            let failed: Vec<&str> = z.failed_must.iter().map(|(_, n)| n.as_str()).collect();
            let failed = failed.join(lang.list_separator());
            let gap = z.largest_gap.as_deref().unwrap_or("");
            let tier = z.tier.as_ref().map_or("", |(_, name)| name.as_str());
            // The row's height first: a constant-memory sheet writes a row out as it is left.
            sheet.set_row_height(
                row,
                fitted_height([
                    (z.id.as_str(), RANKING_WIDTHS[1]),
                    (z.name.as_str(), RANKING_WIDTHS[2]),
                    (failed.as_str(), RANKING_WIDTHS[10]),
                    (gap, RANKING_WIDTHS[11]),
                    (tier, RANKING_WIDTHS[12]),
                ]),
            )?;
            sheet.write_number(row, 0, z.rank as f64)?;
            sheet.write_string(row, 1, &z.id)?;
            sheet.write_string(row, 2, &z.name)?;
            sheet.write_number_with_format(row, 3, shown(&z.score, 1), score)?;
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
            sheet.write_string(row, 10, &failed)?;
            sheet.write_string(row, 11, gap)?;
            sheet.write_string(row, 12, tier)?;
            row += 1;
        }
        self.rows.0 = row;

        let sheet = self.book.worksheet_from_index(1)?;
        let mut row = self.rows.1;
        for z in zones {
            for item in &z.items {
                let tx = &item.texts;
                if self.fit_items {
                    sheet.set_row_height(
                        row,
                        fitted_height([
                            (z.id.as_str(), ITEM_WIDTHS[1]),
                            (z.name.as_str(), ITEM_WIDTHS[2]),
                            (item.factor_id.as_str(), ITEM_WIDTHS[3]),
                            (tx.factor.as_str(), ITEM_WIDTHS[4]),
                            (tx.required.as_str(), ITEM_WIDTHS[8]),
                            (tx.offered.as_deref().unwrap_or(""), ITEM_WIDTHS[9]),
                            (tx.gap.as_deref().unwrap_or(""), ITEM_WIDTHS[10]),
                            (tx.source.as_deref().unwrap_or(""), ITEM_WIDTHS[11]),
                        ]),
                    )?;
                }
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
        self.close_sheets()?;
        self.book.save_to_writer(out)
    }

    /// The finished workbook as bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        self.close_sheets()?;
        self.book.save_to_buffer()
    }

    /// Ends each sheet on a blank cell below its last row. A constant-memory sheet whose last
    /// row has a height of its own writes that row's `<row>` twice when it is saved (rust_xlsxwriter
    /// 0.102 flushes the last row once with its cells and once more with its options), and
    /// Excel repairs a sheet with a repeated row; a row after it, without options, flushes it
    /// once.
    fn close_sheets(&mut self) -> Result<(), XlsxError> {
        for (index, next) in [(0, self.rows.0), (1, self.rows.1)] {
            self.book
                .worksheet_from_index(index)?
                .write_blank(next, 0, &self.score)?;
        }
        Ok(())
    }
}

/// The workbook as bytes.
pub fn render(report: &RankingReport) -> Result<Vec<u8>, XlsxError> {
    let item_rows = report.zones.iter().map(|z| z.items.len()).sum();
    let mut w = XlsxWriter::new(report.lang, item_rows)?;
    w.zones(&report.zones)?;
    w.finish()
}
