//! Structurally valid survey workbooks with arbitrary cells: the survey SiteMatch writes, plus
//! cells anywhere on the sheet (up to its last row and column), of any type and size, over the
//! ones an investor fills. The reader never panics, refuses in bounded memory (run with
//! `-rss_limit_mb=512`), and what it accepts writes to a checklist that reads back the same.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use sitematch::model::{parse_checklist, write_checklist};
use sitematch::survey::{Cell, CellValue, cells, read, workbook};
use sitematch_fuzz::catalog;

/// One cell put on the sheet: near the survey most of the time, or anywhere on it; a text, a
/// long text (up to Excel's 32 767 characters), a number or nothing.
fn put(u: &mut Unstructured) -> Result<(u32, u16, CellValue)> {
    let (row, col) = if u.ratio(1, 4)? {
        (u.int_in_range(0..=1_048_575)?, u.int_in_range(0..=16_383)?)
    } else {
        (u.int_in_range(0..=63)?, u.int_in_range(0..=11)?)
    };
    let value = match u.int_in_range(0..=3)? {
        0 => CellValue::Text(u.arbitrary::<String>()?.chars().take(32_767).collect()),
        1 => {
            let ch: char = u.arbitrary()?;
            let n: u16 = u.int_in_range(0..=32_767)?;
            CellValue::Text(std::iter::repeat_n(ch, usize::from(n)).collect())
        }
        2 => match u.arbitrary::<f64>()? {
            n if n.is_finite() => CellValue::Number(n),
            _ => CellValue::Empty,
        },
        _ => CellValue::Empty,
    };
    Ok((row, col, value))
}

fuzz_target!(|data: &[u8]| {
    let c = catalog();
    let mut u = Unstructured::new(data);
    let mut sheet = cells(c, None);
    for _ in 0..64 {
        let Ok((row, col, value)) = put(&mut u) else { break };
        match sheet.iter_mut().find(|x| x.row == row && x.col == col) {
            Some(cell) => cell.value = value,
            None => sheet.push(Cell {
                row,
                col,
                value,
                input: true,
                choices: None,
            }),
        }
    }
    let Ok(bytes) = workbook(c, &sheet) else { return };
    if let Ok(checklist) = read(c, &bytes) {
        let written = write_checklist(&checklist, c).expect("an imported checklist writes");
        let back = parse_checklist(&written, c).expect("written text parses");
        assert_eq!(back, checklist, "round trip changed the checklist:\n{written}");
    }
});
