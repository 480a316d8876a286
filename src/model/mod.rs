//! The data model: the factor catalog, zone profiles, investor checklists and the values they
//! hold, with the RON formats they are read from and written to.
//!
//! Pure: no egui, no file system, no clock. Text comes in and checked values come out
//! (`parse`), checked values go back to text (`write`); the `io` module does the files.

pub mod amount;
pub mod catalog;
pub mod cell;
pub mod checklist;
pub mod error;
pub mod freshness;
pub mod geo;
pub mod header;
pub mod history;
pub mod importance;
pub mod number;
pub mod parse;
pub mod pipeline;
pub mod profile;
pub mod search;
pub mod text;
pub mod texts;
pub mod tokens;
pub mod value;
pub mod write;

pub use catalog::{
    Catalog, Category, CategoryIdx, Factor, FactorIdx, Kind, Measure, PlanField, Tier, UnitIdx, VocabIdx,
};
pub use checklist::{Checklist, Requirement};
pub use error::{Named, ParseError, Problem};
pub use freshness::Freshness;
pub use importance::Importance;
pub use parse::{parse_checklist, parse_profile};
pub use profile::{Entry, Owner, Owners, PlannedAmount, ZoneIdx, ZoneProfile};
pub use text::{Bilingual, Lang, Localize, Text};
pub use value::{Quantity, Value, ValueError, YesNo};
pub use write::{write_checklist, write_profile};
