//! The only module that reads or writes files. Loading a folder returns the good profiles and
//! one error per bad file; saving is atomic and keeps the previous version as `<name>.bak`.
//! Parsing itself is pure and lives in `model`; this module adds paths, limits and the disk.
//! [`data_dir`] finds and seeds the officer's SiteMatch folder; [`desktop`] shows a folder in
//! the file manager. The rest is split by concern and re-exported here: `error` (what a user
//! reads about a file), `read` (bounded reads), `load` (documents and folders), `save` (checked
//! saves and stamps) and `atomic` (atomic writes); [`history`] keeps each zone's history of
//! changes beside the profiles.

use std::path::{Path, PathBuf};

mod atomic;
pub mod cache;
pub mod clock;
pub mod data_dir;
pub mod desktop;
pub mod dropped;
mod error;
pub mod folder;
pub mod fonts;
pub mod history;
pub mod import;
mod load;
pub mod logfile;
pub mod print;
mod read;
pub mod recovery;
mod save;
pub mod worker;

use atomic::write_atomic;
pub use atomic::{AtomicFile, backup_path, commit_together, create_new, export, retire, save_atomic};
pub use error::{Document, FileError, FileProblem, IoAction, IoCause, SaveError, io_reason};
pub use load::{
    LoadedChecklists, LoadedProfiles, Zone, case_clashes, import_survey, load_catalog, load_checklist,
    load_checklist_stamped, load_checklist_to_score, load_checklists, load_profile, load_profile_stamped,
    load_profiles, load_profiles_cached, load_profiles_with_progress, profile_id, ron_files,
};
pub use read::{
    MAX_FILE_BYTES, MAX_WORKBOOK_BYTES, read_bytes, read_message, read_nonempty, read_text, read_workbook,
};
pub use save::{
    FileStamp, GENERATE_LOCK, GenerateClaim, check_unchanged, save_checklist, save_checklist_checked,
    save_profile, save_profile_checked, write_generated,
};

/// A folder or file as a full path, as a user reads it: `C:\Users\…\SiteMatch` on Windows,
/// never the `\\?\C:\…` form the system's own full path takes there; the path as given when
/// it cannot be resolved.
pub fn full_path(path: &Path) -> PathBuf {
    dunce::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}
