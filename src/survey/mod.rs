//! The investment-factor survey (要素调查表) as an Excel workbook an investor fills in, and the
//! filled workbook read back into a checklist.
//!
//! The layout is data: [`cells`] says what goes in which cell, [`workbook`] writes those cells
//! with the drop-down lists and protection, and [`read`] reads a filled workbook back by the
//! same layout. Every cell that cannot be read is reported as `sheet!cell` with the reason;
//! nothing is guessed. Pure: bytes in, bytes out.
//!
//! Files: `layout` (where each cell is), `write` (the workbook writer), `read` (the reader and
//! its bounds), `error` (what a reader reports).

mod error;
mod layout;
mod read;
#[cfg(test)]
mod tests;
mod write;

pub use error::{CellError, CellProblem, MAX_LISTED_ERRORS, SurveyError};
pub use layout::{Cell, CellValue, Choices, SHEET, cell_name, cells};
pub use read::{MAX_PART_BYTES, MAX_TABLE_ROWS, MAX_UNPACKED_BYTES, read};
pub use write::{workbook, write};
