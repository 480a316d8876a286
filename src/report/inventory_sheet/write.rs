//! The inventory update workbook as xlsx bytes: the header row, the rows' labels protected,
//! the input cells unlocked and shaded with their drop-downs and notes, printed A4 landscape,
//! one page wide, the header on every page. Decides no cell's content (that is the layout's).

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Note, Workbook, XlsxError};

use super::{Column, Row, TEXTS};
use crate::model::Lang;
use crate::report::xlsx::{fitted_height, print_setup};

/// The workbook of `rows`, in `lang`.
pub fn workbook(rows: &[Row], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // Fast compression; rows written in order and flushed as they go: the workbook of 2 500
    // zones is 77 500 rows.
    book.set_zip_compression_level(1);
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(TEXTS.get(lang).sheet)?;
    let head = Format::new()
        .set_bold()
        .set_background_color("#E8EEF5")
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color("#C8C8C8");
    let label = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color("#C8C8C8");
    let input = label.clone().set_unlocked().set_background_color("#FFF8D6");
    // A cell the factor's kind has nothing for: locked, greyed.
    let closed = label.clone().set_background_color("#EEEEEE");
    let titles: Vec<(&str, f64)> = Column::ALL.iter().map(|c| (c.title(lang), c.width())).collect();
    for (c, (title, width)) in Column::ALL.iter().zip(&titles) {
        sheet.set_column_width(c.index(), *width)?;
        sheet.write_string_with_format(0, c.index(), *title, &head)?;
    }
    sheet.set_row_height(0, fitted_height(titles.iter().copied()))?;
    for (n, row) in rows.iter().enumerate() {
        let r = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let labels = Column::ALL
            .iter()
            .filter(|c| !c.is_input())
            .map(|c| (row.label(*c), c.width()));
        sheet.set_row_height(r, fitted_height(labels))?;
        for c in Column::ALL {
            match row.input(c) {
                None => {
                    sheet.write_string_with_format(r, c.index(), row.label(c), &label)?;
                }
                Some(i) if !i.open => {
                    sheet.write_blank(r, c.index(), &closed)?;
                }
                Some(i) => {
                    sheet.write_blank(r, c.index(), &input)?;
                    if let Some(choices) = &i.choices {
                        let v = DataValidation::new().allow_list_strings(choices)?;
                        sheet.add_data_validation(r, c.index(), r, c.index(), &v)?;
                    }
                    if let Some(note) = &i.note {
                        let note = Note::new(note)
                            .set_width(360)
                            .set_height(160)
                            .add_author_prefix(false);
                        sheet.insert_note(r, c.index(), &note)?;
                    }
                }
            }
        }
    }
    print_setup(sheet, true, (0, 0))?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.protect();
    book.save_to_buffer()
}
