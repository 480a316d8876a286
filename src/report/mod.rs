//! Reports built from a ranking, as data and as bytes; nothing here touches a file.
//!
//! - [`ranking::RankingReport`]: the ranking with every text in one language, written as a
//!   text table, CSV, JSON or an Excel workbook.
//! - [`model::ReportModel`]: the printed match report (cover, summary, a section per detailed
//!   zone, appendix, page plan), laid out to PDF by [`pdf`] with the Typst template.
//! - [`projects::Ledger`]: the project pipeline (项目台账) of a folder of checklists.
//! - [`health::Health`]: where a folder of zones' data stands (数据体检): completeness per
//!   zone, and the figures each owner must update.

pub mod columns;
pub mod csv;
pub mod docx;
mod docx_texts;
#[cfg(feature = "pdf")]
pub mod glyphs;
pub mod health;
pub mod inventory_sheet;
pub mod json;
pub mod model;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod plan;
pub mod projects;
pub mod ranking;
pub mod table;
#[cfg(test)]
mod test_support;
mod texts;
mod workbook_error;
pub mod xlsx;

pub use model::{ReportLang, ReportModel, ReportOptions};
pub use ranking::{ItemRow, RankingReport, ZoneRow};
pub use workbook_error::WorkbookError;
