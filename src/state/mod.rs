//! The state the desktop app keeps and its panels edit, with no egui in it: the working
//! checklist and its form drafts, the zone being edited, the loaded zones and their ranking,
//! the questions that guard unsaved work, the settings, and the [`Command`]s panels return.
//!
//! Both `app` (which owns this state and applies commands) and `ui` (which draws it) depend on
//! this module; neither depends on the other's internals.

pub mod checklist_doc;
pub mod command;
pub mod history;
pub mod profile_edit;
pub mod session;
pub mod settings;
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
}

/// A message shown in the notice bar until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
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
    /// Each project's checklist file, by the same position.
    pub paths: Vec<PathBuf>,
    /// Files in the folder that are not readable checklists.
    pub errors: Vec<FileError>,
}
