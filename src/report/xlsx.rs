//! The ranking as a real Excel workbook: a ranking sheet and a sheet with every item of every
//! zone, Chinese (or English) headers, numbers as numbers (as shown: scores to one place,
//! credits to four), frozen header rows, written a chunk of zones at a time in constant memory. Both print: A4 landscape, every column on one page width, the header row on
//! every page, and rows as tall as their wrapped text (set explicitly: not every spreadsheet
//! program fits rows when it opens a file). [`print_setup`] and [`fitted_height`] serve the
//! survey workbook too.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::columns::{self, Cell, Column, ItemColumn, ZoneColumn};
use super::ranking::{RankingReport, ZoneRow};
use super::texts::{TEXTS, Texts};
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

/// A sheet's header row from its columns' titles and widths.
fn sheet_header<Get>(sheet: &mut Worksheet, columns: &[Column<Get>], lang: Lang) -> Result<(), XlsxError> {
    let titles: Vec<&str> = columns.iter().map(|c| c.title.get(lang)).collect();
    let widths: Vec<f64> = columns.iter().map(|c| c.width).collect();
    header(sheet, &titles, &widths)
}

/// A cell as the workbook shows it, when it is text.
fn cell_text<'a>(cell: &'a Cell<'_>, t: &Texts) -> Option<&'a str> {
    match cell {
        Cell::Count(_) | Cell::Score(_) | Cell::Credit(_) | Cell::Percent(_) => None,
        Cell::Text(s) | Cell::Plain(s) | Cell::Coded { label: s, .. } => Some(s),
        Cell::Zone { name, .. } => Some(name),
        Cell::Qualified(q) => Some(if *q { t.yes } else { t.no }),
        Cell::Flag(f) => Some(if *f { t.yes } else { "" }),
    }
}

/// The height of a row: as tall as the wrapped text of its wrapping columns.
fn wrapped_height<Get>(columns: &[Column<Get>], cells: &[Cell<'_>], t: &Texts) -> f64 {
    fitted_height(
        columns
            .iter()
            .zip(cells)
            .filter(|(column, _)| column.wraps)
            .filter_map(|(column, cell)| Some((cell_text(cell, t)?, column.width))),
    )
}

/// Writes one row's cells: numbers as numbers (as shown), everything else as strings, which
/// no spreadsheet evaluates.
fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: Vec<Cell<'_>>,
    score: &Format,
    t: &Texts,
) -> Result<(), XlsxError> {
    for (col, cell) in cells.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        match cell {
            Cell::Count(n) => sheet.write_number(row, col, *n as f64)?,
            Cell::Score(e) => sheet.write_number_with_format(row, col, shown(e, 1), score)?,
            Cell::Credit(e) => sheet.write_number(row, col, shown(e, 4))?,
            Cell::Percent(d) => sheet.write_number(row, col, num(*d, 0))?,
            _ => sheet.write_string(row, col, cell_text(cell, t).unwrap_or_default())?,
        };
    }
    Ok(())
}

/// Writes the workbook a chunk of zones at a time: both sheets in constant-memory mode, so each
/// row goes to a temporary file as it is written and a nation-scale ranking never sits in
/// memory as cells.
pub struct XlsxWriter {
    book: Workbook,
    lang: Lang,
    /// The ranking sheet's columns and the items sheet's.
    columns: (Vec<ZoneColumn>, Vec<ItemColumn>),
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
    pub fn new(
        lang: Lang,
        item_rows: usize,
        categories: &[crate::model::Category],
    ) -> Result<Self, XlsxError> {
        let t = TEXTS.get(lang);
        let columns = (columns::ranking(lang, categories), columns::items(lang));
        let mut book = Workbook::new();
        // Every cell wraps and sits at the top unless it says otherwise: the default format,
        // so the millions of cells of a national ranking are written without a format each
        // (looking one up per cell was a third of the time). Calibri 11's 20 px rows and
        // 64 px columns, as Excel's own default.
        book.set_default_format(&Self::cell_format(), 20, 64)?;
        // Fast compression: the items sheet of 20 000 zones is hundreds of megabytes of XML.
        book.set_zip_compression_level(1);
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(t.sheet_ranking)?;
        sheet_header(sheet, &columns.0, lang)?;
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(t.sheet_items)?;
        sheet_header(sheet, &columns.1, lang)?;
        Ok(XlsxWriter {
            book,
            lang,
            columns,
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
        let t = TEXTS.get(self.lang);
        let score = &self.score;
        let (ranking, items) = &self.columns;
        let sheet = self.book.worksheet_from_index(0)?;
        let mut row = self.rows.0;
        for z in zones {
            let cells: Vec<Cell<'_>> = ranking.iter().map(|c| (c.cell)(z)).collect();
            // The row's height first: a constant-memory sheet writes a row out as it is left.
            sheet.set_row_height(row, wrapped_height(ranking, &cells, t))?;
            write_row(sheet, row, cells, score, t)?;
            row += 1;
        }
        self.rows.0 = row;

        let sheet = self.book.worksheet_from_index(1)?;
        let mut row = self.rows.1;
        for z in zones {
            for item in &z.items {
                let cells: Vec<Cell<'_>> = items.iter().map(|c| (c.cell)(z, item)).collect();
                if self.fit_items {
                    sheet.set_row_height(row, wrapped_height(items, &cells, t))?;
                }
                write_row(sheet, row, cells, score, t)?;
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
    let mut w = XlsxWriter::new(report.lang, item_rows, &report.categories)?;
    w.zones(&report.zones)?;
    w.finish()
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::report::test_support::ranking;

    /// Every sheet of the workbook as a reader sees it: its name and its rows of cells.
    fn sheets(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<Data>>)> {
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a workbook");
        book.sheet_names()
            .into_iter()
            .map(|name| {
                let range = book.worksheet_range(&name).expect("a sheet");
                (name, range.rows().map(<[Data]>::to_vec).collect())
            })
            .collect()
    }

    fn s(text: &str) -> Data {
        Data::String(text.into())
    }

    fn strings(row: &[Data]) -> Vec<String> {
        row.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_workbook_reads_back_with_both_sheets_and_numbers_as_numbers() {
        let book = sheets(render(&ranking("pv_base", Lang::Zh)).expect("xlsx"));
        assert_eq!(book.len(), 2);
        let (name, rows) = &book[0];
        assert_eq!(name, "排名");
        assert_eq!(
            strings(&rows[0]),
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
                "就绪等级",
                "用地与载体得分",
                "水电气热得分",
                "交通道路与用工得分",
                "产业政策、指标与服务得分"
            ]
        );
        assert_eq!(
            rows[3],
            [
                Data::Float(3.0),
                s("yuanping"),
                s("原平经济技术开发区"),
                Data::Float(60.3),
                s("否"),
                Data::Float(8.0),
                Data::Float(2.0),
                Data::Float(1.0),
                Data::Float(4.0),
                Data::Float(73.0),
                s("产业准入、能耗指标"),
                s("产业准入：缺：C38 电气机械和器材制造业"),
                rows[3][12].clone(),
                Data::Float(68.2),
                Data::Float(78.6),
                Data::Float(100.0),
                Data::Float(21.7),
            ]
        );
        assert_eq!(rows[1][4], s("是"));
        assert_eq!(rows[1][12], s("即时可用"));
        assert_eq!(rows.len(), 6, "a header and five zones (and the closing blank)");
        let (name, items) = &book[1];
        assert_eq!(name, "逐项");
        assert_eq!(
            strings(&items[0])[..4],
            ["排名", "开发区编号", "开发区", "要素编号"]
        );
        assert_eq!(items[1][6], s("✔ 满足"));
        assert_eq!(items[1][7], Data::Float(1.0));
        let report = ranking("pv_base", Lang::Zh);
        let count: usize = report.zones.iter().map(|z| z.items.len()).sum();
        assert_eq!(items.len(), count + 1);
    }

    #[test]
    fn an_english_workbook_has_english_sheets_and_headers() {
        let book = sheets(render(&ranking("pv_base", Lang::En)).expect("xlsx"));
        let (name, rows) = &book[0];
        assert_eq!(name, "Ranking");
        assert_eq!(
            strings(&rows[0]),
            [
                "Rank",
                "Zone id",
                "Zone",
                "Score",
                "Qualified",
                "Met",
                "Partial",
                "Unmet",
                "Unknown",
                "Completeness (%)",
                "Must-haves not met",
                "Largest gap",
                "Readiness",
                "Land and premises score",
                "Utilities score",
                "Roads, transport and labour score",
                "Industrial policy, quotas and service score"
            ]
        );
        assert_eq!(
            rows[1][..5],
            [
                Data::Float(1.0),
                s("houma"),
                s("Houma Economic Development Zone"),
                Data::Float(100.0),
                s("yes")
            ]
        );
        let (name, items) = &book[1];
        assert_eq!(name, "Items");
        assert_eq!(
            strings(&items[0])[3..8],
            ["Factor id", "Factor", "Importance", "Status", "Credit"]
        );
        assert_eq!(strings(&items[0])[14..], ["Freshness", "Owner"]);
    }

    /// The items sheet names each figure's freshness in words and its owner in force, in the
    /// workbook's language; an item with no value has neither word nor code.
    #[test]
    fn the_items_sheet_says_how_current_each_figure_is_and_who_owns_it() {
        use crate::report::test_support::ranking_on;
        let day = jiff::civil::Date::new(2025, 12, 15).expect("date");
        for (lang, due, stale) in [(Lang::Zh, "待更新", "已过期"), (Lang::En, "due", "stale")] {
            let book = sheets(render(&ranking_on("pv_base", lang, day)).expect("xlsx"));
            let items = &book[1].1;
            let row = |zone: &str, factor: &str| {
                items
                    .iter()
                    .find(|r| r[1] == s(zone) && r[3] == s(factor))
                    .unwrap_or_else(|| panic!("{zone} {factor}"))
                    .clone()
            };
            assert_eq!(row("houma", "land.servicing_level")[14], s(due));
            assert_eq!(row("houma", "land.industrial_area")[14], s(stale));
            assert_eq!(row("houma", "land.industrial_area")[15], s("侯马市自然资源局"));
            let unknown = items
                .iter()
                .skip(1)
                .find(|r| matches!(&r[9], Data::String(t) if t.is_empty()) || r[9] == Data::Empty)
                .expect("an item with no value");
            assert!(
                matches!(&unknown[14], Data::Empty) || unknown[14] == s(""),
                "{unknown:?}"
            );
        }
    }
}
