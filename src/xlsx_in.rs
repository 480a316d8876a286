//! Opening a workbook that comes from outside (an investor's survey, a department's update
//! workbook, a province's table): what file it is, what it unpacks to, and its cells one at a
//! time as the readers take them. Pure: bytes in. The survey reader (`survey`) and the
//! inventory import (`import`) each say in their own words what a refusal means.

use std::io::{Cursor, Read};

use calamine::DataRef;

/// How much a workbook may unpack to before it is refused unread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes one part (a sheet, the shared strings) may inflate to.
    pub part: u64,
    /// Bytes all parts may inflate to together.
    pub total: u64,
    /// Parts the archive may hold.
    pub parts: usize,
}

/// Why a workbook is refused before any cell is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a zip archive, nor anything else recognised (the reader's own words).
    NotAWorkbook { detail: String },
    /// An Excel 97–2003 workbook (`.xls`) or an encrypted one (both OLE2 files).
    OldExcel,
    /// A text file (a CSV saved under an `.xlsx` name).
    Text,
    /// A zip archive that does not unpack (the reader's words).
    Damaged { detail: String },
    /// A part that inflates past `limit` bytes (or all parts together past it).
    Unpacks { part: String, limit: u64 },
}

/// Checks what a file is from its first bytes, then inflates every part into nothing,
/// counting the bytes actually inflated (not the sizes the archive claims), and refuses a
/// workbook past `limits` before any of it is held in memory.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<(), Refused> {
    sniff(bytes)?;
    let damaged = |e: &dyn std::fmt::Display| Refused::Damaged {
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if zip.len() > limits.parts {
        return Err(Refused::Damaged {
            detail: format!("{} parts", zip.len()),
        });
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| damaged(&e))?;
        let name = part.name().map_or_else(|_| format!("#{i}"), |n| n.into_owned());
        let inflated =
            std::io::copy(&mut part.take(limits.part + 1), &mut std::io::sink()).map_err(|e| damaged(&e))?;
        total = total.saturating_add(inflated);
        if inflated > limits.part || total > limits.total {
            return Err(Refused::Unpacks {
                part: name,
                limit: if inflated > limits.part {
                    limits.part
                } else {
                    limits.total
                },
            });
        }
    }
    Ok(())
}

/// The first bytes of an OLE2 file: an Excel or Word 97–2003 document (or an encrypted one).
pub const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Tells what a file that is not a zip archive is, from its first bytes.
fn sniff(bytes: &[u8]) -> Result<(), Refused> {
    if bytes.starts_with(b"PK") {
        return Ok(());
    }
    if bytes.starts_with(&OLE2) {
        return Err(Refused::OldExcel);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let texty = !head.is_empty()
        && !head.contains(&0)
        && head
            .iter()
            .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\r' | b'\n' | 0x1b));
    if texty {
        return Err(Refused::Text);
    }
    Err(Refused::NotAWorkbook {
        detail: "not a zip archive".into(),
    })
}

/// One cell as read from a workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    /// Text, trimmed, never empty.
    Text(String),
    Number(f64),
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// Formatted as a date or time (Excel keeps it as a serial number): the day, when it is a
    /// date (not a duration).
    Date(Option<(u16, u8, u8)>),
    /// A formula whose result was never saved (the workbook was written by a program, not
    /// saved from Excel or WPS).
    NoResult,
    /// A formula that evaluates to an error (`#DIV/0!`).
    Error(String),
}

impl Got {
    /// A cell as the reader streams it; `None` for an empty one (blank text included).
    pub fn of(value: &DataRef<'_>, has_formula: bool) -> Option<Got> {
        Some(match value {
            DataRef::Empty if has_formula => Got::NoResult,
            DataRef::Empty => return None,
            DataRef::String(s) => Got::text(s)?,
            DataRef::SharedString(s) => Got::text(s)?,
            DataRef::Float(f) => Got::Number(*f),
            DataRef::Int(i) => Got::Number(*i as f64),
            DataRef::Bool(b) => Got::Bool(*b),
            DataRef::DateTime(d) if d.is_datetime() => {
                let (y, m, d, ..) = d.to_ymd_hms_milli();
                Got::Date(Some((y, m, d)))
            }
            DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => Got::Date(None),
            DataRef::Error(e) => Got::Error(e.to_string()),
        })
    }

    fn text(s: &str) -> Option<Got> {
        match s.trim() {
            "" => None,
            t => Some(Got::Text(t.to_owned())),
        }
    }
}

/// A spreadsheet number as the shortest text that reads back to it (`515`, `13.4`, never
/// `13.4000000000000003`).
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A cell's name as Excel shows it: row and column from 0 (`(6, 2)` is `C7`).
pub fn cell_name(row: u32, col: u16) -> String {
    let mut col = u32::from(col) + 1;
    let mut letters = Vec::new();
    while col > 0 {
        let rem = (col - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        col = (col - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        letters.into_iter().collect::<String>(),
        u64::from(row) + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(u32::MAX, 16_383), "XFD4294967296");
    }

    #[test]
    fn numbers_read_as_their_shortest_text() {
        assert_eq!(number_text(515.0), "515");
        assert_eq!(number_text(13.4), "13.4");
        assert_eq!(number_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_text(-2.5), "-2.5");
    }

    #[test]
    fn what_is_not_a_workbook_is_named() {
        let limits = Limits {
            part: 1 << 20,
            total: 1 << 20,
            parts: 10,
        };
        assert_eq!(check(b"a,b\n1,2\n", &limits), Err(Refused::Text));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(check(&ole, &limits), Err(Refused::OldExcel));
        assert!(matches!(
            check(&[0, 1, 2, 3], &limits),
            Err(Refused::NotAWorkbook { .. })
        ));
        assert!(matches!(
            check(b"PK\x03\x04broken", &limits),
            Err(Refused::Damaged { .. })
        ));
    }
}
