//! Reports built from a ranking: [`ranking::RankingReport`] holds what a reader sees, with
//! every text already in the chosen language (pure), and the renderers write it as a text
//! table, CSV or JSON into a buffer, so tests read exactly what a reader would.

pub mod csv;
pub mod json;
pub mod ranking;
pub mod table;

pub use ranking::{ItemRow, RankingReport, ZoneRow};
