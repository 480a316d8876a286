//! The state the desktop app keeps and its panels edit, with no egui in it: the working
//! checklist and its form drafts, the zone being edited, the loaded zones and their ranking,
//! the questions that guard unsaved work, the settings, and the [`Command`]s panels return.
//!
//! Both `app` (which owns this state and applies commands) and `ui` (which draws it) depend on
//! this module; neither depends on the other's internals.

pub mod checklist_doc;
pub mod command;
pub mod figure_history;
pub mod history;
pub mod import_review;
pub mod inquiry_paste;
pub mod owners_draft;
pub mod profile_edit;
pub mod session;
pub mod settings;
pub mod texts;
pub mod value_draft;
pub mod workspace;

use std::path::PathBuf;

pub use command::{Answer, Command};
pub use session::{Doc, Modal, Pending};

use crate::io::FileError;
use crate::plan::pipeline::Pipeline;

/// The views the window switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Checklist,
    Results,
    Zones,
    Report,
    Planning,
    /// 数据体检: where the zones' data stands, and the figures each owner must update.
    Health,
}

/// A message shown in the notice bar: an error until dismissed or until what it is about is
/// fixed or saved; news (saved, exported) for a few seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub topic: Topic,
    /// When it was first drawn (the window's clock, in seconds), for news to expire.
    pub since: Option<f64>,
}

/// What a notice is about, so that it goes away when that is fixed or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Other,
    /// The checklist's input that cannot be taken: goes once all of it can.
    ChecklistInput,
    /// Saving the checklist.
    Checklist,
    /// The zone being edited: its input or its save.
    Profile,
}

/// How long news stays in the notice bar, in seconds.
pub const NEWS_SECONDS: f64 = 6.0;

impl Notice {
    /// Whether the notice has been shown long enough to go (news only; errors stay).
    pub fn expired(&self, now: f64) -> bool {
        !self.is_error && self.since.is_some_and(|t| now - t > NEWS_SECONDS)
    }
}

/// Reserve planning as last computed.
#[derive(Debug, Default)]
pub struct PlanningState {
    pub result: Option<PlanningResult>,
    /// The folder could not be read.
    pub error: Option<FileError>,
}

/// The pipeline of one zone, with the files it came from.
#[derive(Debug)]
pub struct PlanningResult {
    pub pipeline: Pipeline,
    /// The projects' own progress (stage, zone, deadline), each at the zone it heads to.
    pub ledger: crate::report::projects::Ledger,
    /// Each project's checklist file, by the same position.
    pub paths: Vec<PathBuf>,
    /// Files in the folder that are not readable checklists.
    pub errors: Vec<FileError>,
}
