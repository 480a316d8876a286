//! SiteMatch matches investors' requirement checklists against the factor inventories of
//! development zones (经济开发区), explains every item and ranks the zones.
//!
//! Data flows one way: files → [`model`] → [`scoring`] → ranking → views and reports.
//! `model` and `scoring` are pure (no egui, no file system, no clock); [`io`] is the only module
//! that touches files; [`cli`] is a thin layer of headless commands over the library.

#[cfg(feature = "gui")]
pub mod app;
pub mod assets;
#[cfg(feature = "pdf")]
pub mod cli;
pub mod import;
pub mod inquiry;
pub mod io;
pub mod model;
pub mod plan;
pub mod report;
pub mod scoring;
pub mod state;
pub mod survey;
pub mod synth;
#[cfg(feature = "gui")]
pub mod ui;
pub mod xlsx_in;
