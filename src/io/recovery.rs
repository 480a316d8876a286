//! The recovery store: one file in the app's data folder holding the working checklist while it
//! has unsaved changes. The autosave writes it every 30 seconds, the panic hook writes it as the
//! process dies, and the next start offers it back.

use std::fs;
use std::path::{Path, PathBuf};

use super::FileError;

/// Where unsaved work is kept for recovery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    path: PathBuf,
}

impl RecoveryStore {
    /// A store in this file.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        RecoveryStore { path: path.into() }
    }

    /// A store in the app's data folder.
    pub fn in_dir(dir: &Path) -> Self {
        RecoveryStore::new(dir.join("recovery.ron"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps `text`, replacing what was kept before; atomic, so a crash mid-write leaves the
    /// previous copy.
    pub fn save(&self, text: &str) -> Result<(), FileError> {
        super::export(&self.path, text.as_bytes())
    }

    /// What is kept, if anything.
    pub fn load(&self) -> Option<String> {
        super::read_nonempty(&self.path).ok()
    }

    /// Forgets what is kept: the work was saved or discarded.
    pub fn clear(&self) -> Result<(), FileError> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(FileError::io(&self.path, super::IoAction::Remove, e))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_replaces_and_forgets() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::in_dir(&dir.path().join("app"));
        assert_eq!(store.load(), None);
        store.save("one").expect("save");
        store.save("two").expect("save");
        assert_eq!(store.load().as_deref(), Some("two"));
        store.clear().expect("clear");
        assert_eq!(store.load(), None);
        store.clear().expect("clearing an empty store is fine");
    }
}
