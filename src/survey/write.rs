//! The survey workbook writer: the layout's cells as xlsx bytes, with formats, drop-down lists,
//! protection and the hidden industry list. Decides no cell's place (that is `layout`).

use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, XlsxError};

use super::layout::{Cell, CellValue, Choices, LISTS, SHEET, TABLE, cells, industry_label};
use crate::model::{Catalog, Checklist};

/// Writes cells as the survey workbook: labels protected, input cells unlocked and shaded,
/// drop-down lists, the industry list on a hidden sheet.
pub fn workbook(catalog: &Catalog, cells: &[Cell]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let industries = catalog.industries().members.len();
    {
        let sheet = book.add_worksheet();
        sheet.set_name(SHEET)?;
        let title = Format::new().set_bold().set_font_size(14);
        let head = Format::new()
            .set_bold()
            .set_background_color("#E8EEF5")
            .set_text_wrap();
        let label = Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top);
        let input = Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top)
            .set_unlocked()
            .set_background_color("#FFF8D6")
            .set_border(rust_xlsxwriter::FormatBorder::Thin)
            .set_border_color("#C8C8C8");
        // Narrow enough that every column prints on one landscape A4 page width at a legible
        // scale; long labels wrap, and each row is made as tall as its wrapped text.
        let widths: [f64; 9] = [22.0, 14.0, 24.0, 20.0, 14.0, 9.0, 11.0, 22.0, 32.0];
        for (col, width) in (0_u16..).zip(widths) {
            sheet.set_column_width(col, width)?;
        }
        let mut heights: std::collections::BTreeMap<u32, f64> = std::collections::BTreeMap::new();
        for c in cells {
            let (CellValue::Text(text), Some(width)) = (&c.value, widths.get(usize::from(c.col))) else {
                continue;
            };
            // The title runs across the empty cells beside it, the note is merged across them.
            let width = if c.row <= 1 { widths.iter().sum() } else { *width };
            let h = crate::report::xlsx::fitted_height([(text.as_str(), width)]);
            let e = heights.entry(c.row).or_insert(0.0);
            *e = e.max(h);
        }
        for (row, h) in heights {
            sheet.set_row_height(row, if row == 0 { h.max(22.0) } else { h })?;
        }
        crate::report::xlsx::print_setup(sheet, true, (TABLE, TABLE))?;
        for c in cells {
            let format = match (c.input, c.row) {
                (true, _) => &input,
                (false, 0) => &title,
                (false, TABLE) => &head,
                _ => &label,
            };
            match &c.value {
                CellValue::Empty => sheet.write_blank(c.row, c.col, format)?,
                CellValue::Text(s) if c.row == 1 && c.col == 0 => {
                    // The note spans the table's width rather than wrap in the first column.
                    let last = u16::try_from(widths.len() - 1).unwrap_or(0);
                    sheet.merge_range(1, 0, 1, last, s, format)?
                }
                CellValue::Text(s) => sheet.write_string_with_format(c.row, c.col, s, format)?,
                CellValue::Number(n) => sheet.write_number_with_format(c.row, c.col, *n, format)?,
            };
            let validation = match &c.choices {
                None => None,
                Some(Choices::List(items)) => Some(DataValidation::new().allow_list_strings(items)?),
                Some(Choices::Industries) => Some(
                    DataValidation::new()
                        .allow_list_formula(Formula::new(format!("={LISTS}!$A$1:$A${industries}"))),
                ),
            };
            if let Some(v) = validation {
                sheet.add_data_validation(c.row, c.col, c.row, c.col, &v)?;
            }
        }
        sheet.set_freeze_panes(TABLE + 1, 0)?;
        sheet.protect();
    }
    let lists = book.add_worksheet();
    lists.set_name(LISTS)?;
    for i in 0..industries {
        let member = u16::try_from(i).unwrap_or(u16::MAX);
        lists.write_string(
            u32::try_from(i).unwrap_or(u32::MAX),
            0,
            industry_label(catalog, member),
        )?;
    }
    lists.set_hidden(true);
    book.save_to_buffer()
}

/// The survey for a checklist (or a blank one) as workbook bytes.
pub fn write(catalog: &Catalog, checklist: Option<&Checklist>) -> Result<Vec<u8>, XlsxError> {
    workbook(catalog, &cells(catalog, checklist))
}
