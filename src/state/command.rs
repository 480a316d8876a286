//! What the panels ask the app to do. Panels draw state and return commands; the app applies
//! them after drawing: file I/O, rescoring and every change to documents happen there.

use std::path::PathBuf;

use crate::model::{FactorIdx, Lang, ZoneIdx};

/// A request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new checklist from the template (asks about unsaved changes).
    NewChecklist,
    /// Open a checklist: from this file, or one picked in a dialog.
    OpenChecklist(Option<PathBuf>),
    SaveChecklist,
    SaveChecklistAs,
    /// Open another folder of zone profiles (picked in a dialog).
    OpenProfilesFolder,
    /// Load the profiles folder again from disk.
    Reload,
    Quit,

    /// A row of the checklist form was edited (its draft already holds the new input).
    ItemEdited(FactorIdx),
    /// The checklist header was edited.
    HeaderEdited,

    /// Show a zone's breakdown in the results view.
    ShowZone(ZoneIdx),
    /// Edit a loaded zone in the profile editor.
    SelectProfile(ZoneIdx),
    /// Edit a loaded zone in the profile editor at one factor: scrolled to it and marked.
    OpenFigure(ZoneIdx, FactorIdx),
    NewProfile,
    /// A profile editor field was edited: a factor's entry, or (`None`) the zone's own fields.
    ProfileEdited(Option<FactorIdx>),
    SaveProfile,
    RevertProfile,
    /// Delete the zone being edited (asks first; the file is kept as `.bak`).
    DeleteProfile,

    /// Lay the report out again for the preview.
    RefreshPreview,
    /// Write the report PDF to a file picked in a dialog.
    ExportPdf,
    /// Write the report as a Word document to a file picked in a dialog.
    ExportDocx,
    /// Hand the report to the printer (or the PDF viewer).
    PrintReport,
    /// Write the ranking and every item to an Excel workbook picked in a dialog.
    ExportXlsx,
    /// Read a filled survey workbook (picked in a dialog) as a new checklist.
    ImportSurvey,
    /// Open the dialog that drafts a checklist from an investor's message (pasted).
    PasteInquiry,
    /// The message or a decision in that dialog was edited (its state already holds it).
    InquiryEdited,
    /// Make the checklist the dialog's decisions draw up (asks about unsaved work first).
    InquiryCreate,
    InquiryClose,
    /// Write the working checklist as a survey workbook an investor can fill.
    ExportSurvey,
    /// Write the zones' update workbook (填报表) of the figures this filter picks, to a file
    /// picked in a dialog.
    ExportUpdateSheet(crate::report::inventory_sheet::Filter),

    /// Read a province's table or a filled update workbook (picked in a dialog) for review.
    ImportInventory,
    /// Read the workbook under review with the as-of date typed for it.
    ReviewReadAsOf,
    /// Accept or reject figures of the import under review.
    ReviewDecide(crate::state::import_review::Decision),
    /// Save the figures accepted in the review.
    ReviewSave,
    /// Close the review without saving (asks first when figures are accepted).
    ReviewClose,

    /// Plan reserves for this zone (profile id) across the pending projects.
    PlanZone(String),
    /// Pick the folder of pending projects' checklists.
    PlanFolder,
    /// Read the pending projects again and replan.
    PlanRefresh,

    /// Take back the last edit of the document in view (the zone being edited in the zones
    /// view, else the checklist).
    Undo,
    /// Do the last undone edit again.
    Redo,
    /// Show the About window (version, data folder, licences).
    ShowAbout,
    CloseAbout,
    /// Show a folder in the system's file manager.
    OpenFolder(PathBuf),

    SetLang(Lang),
    SetDark(bool),
    SetZoom(f32),

    /// An answer to the open dialog.
    Answer(Answer),
    DismissNotice(usize),
}

/// The buttons of the app's questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    /// Yes, delete the zone.
    ConfirmDelete,
    /// Restore the autosaved checklist.
    Restore,
    /// Throw my edits away and read the file as it is now.
    Reload,
    /// Write my version over the one on disk.
    Overwrite,
    /// Write my version to another file.
    SaveAs,
}
