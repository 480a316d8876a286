//! Saving documents: a profile or checklist written as RON, the checked save (the stamp of what
//! was read, a lock beside the file, and a refusal when someone else changed it meanwhile), and
//! folders of generated profiles. The atomic write itself is `atomic`'s.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Document, FileError, FileProblem, IoAction, SaveError, save_atomic};
use crate::model::{self, Catalog, Checklist, ZoneProfile};

/// What a file was when it was read (size, modification time, content hash), to tell
/// whether someone changed it since, say on a shared folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
    pub hash: u64,
}

impl FileStamp {
    fn of(path: &Path, bytes: &[u8]) -> FileStamp {
        FileStamp::from_bytes(bytes, fs::metadata(path).and_then(|m| m.modified()).ok())
    }

    pub(super) fn from_bytes(bytes: &[u8], modified: Option<std::time::SystemTime>) -> FileStamp {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: hasher.finish(),
        }
    }

    /// The stamp of the file as it is now; `None` when it does not exist.
    pub fn now(path: &Path) -> Option<FileStamp> {
        fs::read(path).ok().map(|bytes| FileStamp::of(path, &bytes))
    }

    /// Whether two stamps are of the same content (a file touched but not changed is the same).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Refuses to write over a file that is not what it was when it was read (`expected`), or
/// that exists when it was never read (`None`).
pub fn check_unchanged(path: &Path, expected: Option<&FileStamp>) -> Result<(), SaveError> {
    match (FileStamp::now(path), expected) {
        (None, _) => Ok(()),
        (Some(now), Some(then)) if now.same_content(then) => Ok(()),
        (Some(_), _) => Err(SaveError::Changed(path.to_owned())),
    }
}

/// Saves a profile unless the file changed since it was read; returns the new stamp.
pub fn save_profile_checked(
    path: &Path,
    profile: &ZoneProfile,
    catalog: &Catalog,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, SaveError> {
    save_checked(path, expected, || save_profile(path, profile, catalog))
}

/// Saves a checklist unless the file changed since it was read; returns the new stamp.
pub fn save_checklist_checked(
    path: &Path,
    checklist: &Checklist,
    catalog: &Catalog,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, SaveError> {
    save_checked(path, expected, || save_checklist(path, checklist, catalog))
}

fn save_checked(
    path: &Path,
    expected: Option<&FileStamp>,
    save: impl FnOnce() -> Result<(), FileError>,
) -> Result<FileStamp, SaveError> {
    // The check and the write are one step across processes: two officers saving the same
    // file at the same moment on a shared folder, one wins and the other is told it changed.
    let _lock = SaveLock::acquire(path)?;
    check_unchanged(path, expected)?;
    save()?;
    FileStamp::now(path).ok_or_else(|| SaveError::File(FileError::new(path, FileProblem::Vanished)))
}

/// How long a save lock may stand before it is taken for the leftover of a save that was killed.
const STALE_LOCK: std::time::Duration = std::time::Duration::from_secs(30);
/// How long a save waits for another one of the same file to finish.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// A lock file beside the file being saved (`.houma.ron.lock`, hidden, so no loader reads it),
/// created exclusively, so that only one process checks and writes the file at a time; removed
/// when dropped. One older than [`STALE_LOCK`] is a killed save's and is taken over.
pub(super) struct SaveLock {
    path: PathBuf,
}

impl SaveLock {
    fn lock_path(target: &Path) -> PathBuf {
        let name = target
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        target.with_file_name(format!(".{name}.lock"))
    }

    pub(super) fn acquire(target: &Path) -> Result<SaveLock, FileError> {
        let path = SaveLock::lock_path(target);
        let start = std::time::Instant::now();
        loop {
            match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    // Who holds it, for a person looking at the folder; not read back.
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(SaveLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let stale = fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| std::time::SystemTime::now().duration_since(t).ok())
                        .is_some_and(|age| age > STALE_LOCK);
                    if stale {
                        let _ = fs::remove_file(&path);
                    } else if start.elapsed() > LOCK_WAIT {
                        return Err(FileError::new(target, FileProblem::Locked));
                    } else {
                        std::thread::sleep(std::time::Duration::from_millis(15));
                    }
                }
                Err(e) => return Err(FileError::io(target, IoAction::Write, e)),
            }
        }
    }
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        if let Err(e) = fs::remove_file(&self.path) {
            log::warn!("{}: the save lock could not be removed: {e}", self.path.display());
        }
    }
}

/// The name of the lock file a `gen` run holds in its output folder: hidden, and not `.ron`,
/// so no loader reads it.
pub const GENERATE_LOCK: &str = ".sitematch-gen.lock";

/// A folder claimed by one run that writes generated data into it: the lock file
/// [`GENERATE_LOCK`], created exclusively, so that a second run into the same folder at the
/// same time fails before it writes anything instead of writing the same files at once;
/// removed when dropped. A run that was killed leaves it, and the message says to delete it.
#[derive(Debug)]
pub struct GenerateClaim {
    lock: PathBuf,
}

impl GenerateClaim {
    /// Makes `dir` if needed and claims it.
    pub fn acquire(dir: &Path) -> Result<GenerateClaim, FileError> {
        fs::create_dir_all(dir).map_err(|e| FileError::io(dir, IoAction::CreateFolder, e))?;
        let lock = dir.join(GENERATE_LOCK);
        match fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
            Ok(mut file) => {
                // Who holds it, for a person looking at the folder; not read back.
                let _ = writeln!(file, "{}", std::process::id());
                Ok(GenerateClaim { lock })
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(FileError::new(&lock, FileProblem::GenerateInProgress))
            }
            Err(e) => Err(FileError::io(&lock, IoAction::Write, e)),
        }
    }
}

impl Drop for GenerateClaim {
    fn drop(&mut self) {
        if let Err(e) = fs::remove_file(&self.lock) {
            log::warn!("{}: the lock could not be removed: {e}", self.lock.display());
        }
    }
}

/// Writes generated profiles into `dir` (created if needed), in parallel and without the
/// per-file sync of a save: for synthetic data sets, not for anyone's work. Each file is
/// created anew, never opened when it exists: an existing file, or one another writer makes
/// meanwhile, stops the run and is left as it is.
pub fn write_generated(dir: &Path, profiles: &[ZoneProfile], catalog: &Catalog) -> Result<(), FileError> {
    use rayon::prelude::*;
    fs::create_dir_all(dir).map_err(|e| FileError::io(dir, IoAction::CreateFolder, e))?;
    // Generated data never replaces anyone's file: looked for first, so that a folder with
    // one in the way is refused before anything is written.
    if let Some(p) = profiles
        .iter()
        .map(|p| dir.join(format!("{}.ron", p.id)))
        .find(|p| p.exists())
    {
        return Err(FileError::new(&p, FileProblem::Exists));
    }
    profiles.par_iter().try_for_each(|p| {
        let path = dir.join(format!("{}.ron", p.id));
        let text =
            model::write_profile(p, catalog).map_err(|e| write_failed(&path, Document::Profile, &e))?;
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => FileError::new(&path, FileProblem::Exists),
                _ => FileError::io(&path, IoAction::Write, e),
            })?;
        file.write_all(text.as_bytes())
            .map_err(|e| FileError::io(&path, IoAction::Write, e))
    })
}

/// Saves a profile as pretty RON, atomically.
pub fn save_profile(path: &Path, profile: &ZoneProfile, catalog: &Catalog) -> Result<(), FileError> {
    let text =
        model::write_profile(profile, catalog).map_err(|e| write_failed(path, Document::Profile, &e))?;
    save_atomic(path, text.as_bytes())
}

/// Saves a checklist as pretty RON, atomically.
pub fn save_checklist(path: &Path, checklist: &Checklist, catalog: &Catalog) -> Result<(), FileError> {
    let text = model::write_checklist(checklist, catalog)
        .map_err(|e| write_failed(path, Document::Checklist, &e))?;
    save_atomic(path, text.as_bytes())
}

/// Writing a document's text failed: only a value the writer cannot express does that.
pub(super) fn write_failed(path: &Path, what: Document, e: &ron::Error) -> FileError {
    FileError::new(
        path,
        FileProblem::Write {
            what,
            detail: e.to_string(),
        },
    )
}
