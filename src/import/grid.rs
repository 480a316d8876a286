//! The visible sheets of a workbook from outside as sparse grids of cells, merged cells filled
//! with the value of their first cell, within bounds fitted to the tables imported: a long
//! update workbook of 2 500 zones is 77 500 rows.

use std::io::Cursor;

use calamine::{Reader, SheetVisible, Xlsx, XlsxError};

use super::error::ImportError;
use crate::xlsx_in::{self, Got};

/// Rows a sheet may have (a title and header rows above the data included).
pub const MAX_ROWS: u32 = 100_100;
/// Columns read: a province's table has a few dozen; a cell further right is listed, not read.
pub const MAX_COLS: u16 = 1_024;
/// The memory all sheets' cells may take together, texts included and merged cells filled:
/// the long workbook of 2 500 zones (1.1 million cells) takes about 60 MiB. What the XML holds
/// once (a shared string) is a copy in every cell that shows it, so this, not the size of the
/// file, bounds a workbook made to take gigabytes from a few kilobytes.
pub const MAX_CELL_BYTES: usize = 256 << 20;

/// The memory a cell takes held in a grid: its place and value, and its text.
fn cost(got: &Got) -> usize {
    std::mem::size_of::<(u16, Got)>()
        + match got {
            Got::Text(t) | Got::Error(t) => t.len(),
            _ => 0,
        }
}
/// What the workbook may unpack to: the long workbook of 2 500 zones unpacks to about 60 MiB.
pub const LIMITS: xlsx_in::Limits = xlsx_in::Limits {
    part: 512 << 20,
    total: 1 << 30,
    parts: 5_000,
};

/// One sheet's cells, row by row in order, each row's cells by column.
#[derive(Debug, Default)]
pub struct Grid {
    pub name: String,
    rows: Vec<(u32, Vec<(u16, Got)>)>,
    /// Cells right of [`MAX_COLS`], not read: the first one's position.
    pub beyond: Option<(u32, u16)>,
}

impl Grid {
    /// A cell, `None` when empty.
    pub fn get(&self, row: u32, col: u16) -> Option<&Got> {
        let cells = self.row(row)?;
        cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .and_then(|i| cells.get(i))
            .map(|(_, g)| g)
    }

    /// A row's cells by column; `None` for a row with none.
    pub fn row(&self, row: u32) -> Option<&[(u16, Got)]> {
        let i = self.rows.binary_search_by_key(&row, |(r, _)| *r).ok()?;
        self.rows.get(i).map(|(_, c)| c.as_slice())
    }

    /// The rows that hold a cell, top to bottom.
    pub fn rows(&self) -> impl Iterator<Item = (u32, &[(u16, Got)])> {
        self.rows.iter().map(|(r, c)| (*r, c.as_slice()))
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// A grid of the given cells (for tests and for the readers' own use).
    pub fn from_cells(name: &str, cells: impl IntoIterator<Item = (u32, u16, Got)>) -> Grid {
        let mut grid = Grid {
            name: name.to_owned(),
            ..Grid::default()
        };
        for (r, c, g) in cells {
            grid.push(r, c, g);
        }
        grid.settle();
        grid
    }

    fn push(&mut self, row: u32, col: u16, got: Got) {
        match self.rows.last_mut() {
            Some((r, cells)) if *r == row => cells.push((col, got)),
            _ => self.rows.push((row, vec![(col, got)])),
        }
    }

    /// Puts rows and cells in order (a sheet may list them out of order) and keeps the first
    /// of a cell given twice.
    fn settle(&mut self) {
        if !self.rows.is_sorted_by_key(|(r, _)| *r) {
            self.rows.sort_by_key(|(r, _)| *r);
        }
        let mut merged: Vec<(u32, Vec<(u16, Got)>)> = Vec::with_capacity(self.rows.len());
        for (r, cells) in self.rows.drain(..) {
            match merged.last_mut() {
                Some((last, into)) if *last == r => into.extend(cells),
                _ => merged.push((r, cells)),
            }
        }
        self.rows = merged;
        for (_, cells) in &mut self.rows {
            if !cells.is_sorted_by_key(|(c, _)| *c) {
                // Stable: of a cell given twice, the first is kept.
                cells.sort_by_key(|(c, _)| *c);
            }
            cells.dedup_by_key(|(c, _)| *c);
        }
    }

    /// Fills each merged range's empty cells with its first cell's value, within the rows and
    /// columns the sheet's cells use (a range to the sheet's far corner fills no more); within
    /// `budget` bytes ([`cost`]), returning what is left of it.
    fn fill_merged(
        &mut self,
        ranges: &[calamine::Dimensions],
        mut budget: usize,
    ) -> Result<usize, ImportError> {
        let last_row = self.rows.last().map_or(0, |(r, _)| *r);
        let last_col = self
            .rows
            .iter()
            .filter_map(|(_, cells)| cells.last().map(|(c, _)| *c))
            .max()
            .unwrap_or(0);
        let mut added: Vec<(u32, u16, Got)> = Vec::new();
        for d in ranges {
            let (top, left) = d.start;
            let Ok(left) = u16::try_from(left) else { continue };
            let Some(first) = self.get(top, left).cloned() else {
                continue;
            };
            // Each cell filled holds a copy of the first cell's text (a range of a long text
            // over a sheet a few bytes of XML make 100 000 rows by 1 024 columns would take
            // gigabytes).
            let cost = cost(&first);
            let bottom = d.end.0.min(last_row);
            let right = u16::try_from(d.end.1).unwrap_or(u16::MAX).min(last_col);
            for r in top..=bottom {
                for c in left..=right {
                    if (r, c) != (top, left) && self.get(r, c).is_none() {
                        budget = budget.checked_sub(cost).ok_or(ImportError::TooMuchText {
                            sheet: self.name.clone(),
                            limit: MAX_CELL_BYTES,
                        })?;
                        added.push((r, c, first.clone()));
                    }
                }
            }
        }
        for (r, c, g) in added {
            self.push(r, c, g);
        }
        self.settle();
        Ok(budget)
    }
}

/// The visible worksheets of a workbook from outside, checked first (what file it is, what it
/// unpacks to) and then streamed cell by cell; never expanded to a sheet's whole rectangle,
/// which one far cell makes billions of cells.
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    xlsx_in::check(bytes, &LIMITS)?;
    let damaged = |e: XlsxError| ImportError::Damaged {
        detail: e.to_string(),
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut budget = MAX_CELL_BYTES;
    let mut grids = Vec::new();
    for name in names {
        let mut grid = Grid {
            name: name.clone(),
            ..Grid::default()
        };
        {
            let mut reader = book.worksheet_cells_reader(&name).map_err(damaged)?;
            // Shared formulas are not expanded (a `si="4000000000"` would ask for gigabytes):
            // only whether a cell has one matters.
            while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(damaged)? {
                let (row, col) = cell.pos;
                let Some(got) = Got::of(&cell.value, cell.formula.is_some()) else {
                    continue;
                };
                let col = match u16::try_from(col) {
                    Ok(c) if c < MAX_COLS => c,
                    _ => {
                        grid.beyond
                            .get_or_insert((row, u16::try_from(col).unwrap_or(u16::MAX)));
                        continue;
                    }
                };
                if row >= MAX_ROWS {
                    return Err(ImportError::TooManyRows {
                        sheet: name,
                        cell: xlsx_in::cell_name(row, col),
                        limit: MAX_ROWS,
                    });
                }
                budget = budget
                    .checked_sub(cost(&got))
                    .ok_or_else(|| ImportError::TooMuchText {
                        sheet: name.clone(),
                        limit: MAX_CELL_BYTES,
                    })?;
                grid.push(row, col, got);
            }
        }
        grid.settle();
        let merged = book.merge_cells_by_sheet_name(&name).map_err(damaged)?;
        budget = grid.fill_merged(&merged, budget)?;
        grids.push(grid);
    }
    Ok(grids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_ranges_read_as_their_first_cell() {
        let mut g = Grid::from_cells(
            "表",
            [
                (0, 0, Got::Text("标题".into())),
                (1, 0, Got::Text("开发区名称".into())),
                (2, 0, Got::Text("侯马".into())),
                (5, 3, Got::Number(1.0)),
            ],
        );
        let ranges = [
            calamine::Dimensions {
                start: (0, 0),
                end: (0, 3),
            },
            // Far past the cells used: clipped to them, not filled to the sheet's end.
            calamine::Dimensions {
                start: (2, 0),
                end: (1_000_000, 16_000),
            },
        ];
        let left = g.fill_merged(&ranges, 10_000).expect("within budget");
        assert_eq!(g.get(0, 3), Some(&Got::Text("标题".into())));
        assert_eq!(g.get(4, 2), Some(&Got::Text("侯马".into())));
        assert_eq!(
            g.get(5, 3),
            Some(&Got::Number(1.0)),
            "a cell that holds a value keeps it"
        );
        assert_eq!(g.get(1, 1), None);
        assert!(left < 10_000);
        let mut fresh = Grid::from_cells("表", [(0, 0, Got::Number(1.0)), (5, 3, Got::Number(2.0))]);
        let err = fresh.fill_merged(
            &[calamine::Dimensions {
                start: (0, 0),
                end: (5, 3),
            }],
            5 * cost(&Got::Number(1.0)),
        );
        assert!(matches!(err, Err(ImportError::TooMuchText { .. })));
    }

    #[test]
    fn a_long_text_merged_costs_its_copies() {
        // Eighteen cells to fill with a copy of 4 000 bytes each: far more than a budget of
        // 20 000 bytes holds, which eighteen short cells fit in.
        let long = "标".repeat(1_334);
        let mut g = Grid::from_cells("表", [(0, 0, Got::Text(long)), (3, 4, Got::Number(1.0))]);
        let range = calamine::Dimensions {
            start: (0, 0),
            end: (1_048_575, 16_383),
        };
        let err = g.fill_merged(&[range], 20_000);
        assert!(matches!(err, Err(ImportError::TooMuchText { .. })), "{err:?}");
        let mut short = Grid::from_cells("表", [(0, 0, Got::Text("标题".into())), (3, 4, Got::Number(1.0))]);
        assert_eq!(
            short.fill_merged(&[range], 20_000).expect("within budget"),
            20_000 - 18 * cost(&Got::Text("标题".into()))
        );
    }

    #[test]
    fn cells_out_of_order_are_put_in_order() {
        let g = Grid::from_cells(
            "表",
            [
                (3, 1, Got::Number(2.0)),
                (1, 2, Got::Number(1.0)),
                (3, 0, Got::Number(3.0)),
            ],
        );
        let rows: Vec<u32> = g.rows().map(|(r, _)| r).collect();
        assert_eq!(rows, [1, 3]);
        assert_eq!(g.get(3, 0), Some(&Got::Number(3.0)));
        assert_eq!(g.get(3, 1), Some(&Got::Number(2.0)));
    }
}
