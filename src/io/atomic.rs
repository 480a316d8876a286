//! Atomic writes: the bytes go to a hidden temporary file beside the target, are synced, and
//! are renamed over it, keeping the old file as `<name>.bak`; also moving a file aside. Bytes
//! only: what a document's text is, and whether it may be written, is `save`'s.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{FileError, FileProblem, IoAction};

/// The path the previous version of a file is kept at: `houma.ron` → `houma.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsStr::to_os_string).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes a file atomically: the bytes go to a temporary file in the same folder, which is
/// flushed and synced and then renamed over the target, so a reader (or a crash) sees either
/// the old file or the new one, whole. The old version is kept as `<name>.bak`.
pub fn save_atomic(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    write_atomic(path, contents, true)
}

/// Writes an exported file (a report, a spreadsheet) atomically, keeping a file it replaces
/// as `.bak`; creates its folder when missing.
pub fn export(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(contents)
        .map_err(|e| FileError::io(path, IoAction::Write, e))?;
    file.commit()
}

/// Writes a new file atomically where no file is: one that exists, or appears meanwhile (two
/// imports racing to one name), is refused as [`FileProblem::Exists`] and left as it is.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let mut file = AtomicFile::create(path)?;
    file.keep_backup = false;
    file.no_clobber = true;
    file.write_all(contents)
        .map_err(|e| FileError::io(path, IoAction::Write, e))?;
    file.commit()
}

pub(super) fn write_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> Result<(), FileError> {
    let mut file = AtomicFile::create_in(path, false)?;
    file.keep_backup = keep_backup;
    file.write_all(contents)
        .map_err(|e| FileError::io(path, IoAction::Write, e))?;
    file.commit()
}

/// A file written in place of `path` as a stream (an export too large to hold in memory):
/// the bytes go to a temporary file beside it, which [`AtomicFile::commit`] flushes, syncs and
/// renames over the target, so a reader (or a crash) sees the old file or the new one, whole.
/// Dropped without a commit, it leaves nothing behind.
pub struct AtomicFile {
    path: PathBuf,
    dir: PathBuf,
    tmp: std::io::BufWriter<tempfile::NamedTempFile>,
    keep_backup: bool,
    /// Put in place only where no file is (checked and renamed in one step): of two writers
    /// racing for one new name, the second is refused instead of replacing the first.
    no_clobber: bool,
}

impl AtomicFile {
    /// Starts an exported file, creating its folder when missing; a file it replaces is kept
    /// as `.bak`, as saves keep one (an export over last week's report loses nothing).
    pub fn create(path: &Path) -> Result<AtomicFile, FileError> {
        let mut file = AtomicFile::create_in(path, true)?;
        file.keep_backup = true;
        Ok(file)
    }

    fn create_in(path: &Path, make_dir: bool) -> Result<AtomicFile, FileError> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if make_dir && !dir.exists() {
            fs::create_dir_all(dir).map_err(|e| FileError::io(dir, IoAction::CreateFolder, e))?;
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".sitematch-").suffix(".tmp");
        // A new file gets the permissions any program's new file gets (read-write for all,
        // less the user's umask), not a temporary file's owner-only ones, so colleagues on a
        // shared folder can read it. A file that exists keeps its own (on commit).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let tmp = builder
            .tempfile_in(dir)
            .map_err(|e| FileError::io(path, IoAction::CreateTemporary, e))?;
        Ok(AtomicFile {
            path: path.to_owned(),
            dir: dir.to_owned(),
            tmp: std::io::BufWriter::with_capacity(1 << 16, tmp),
            keep_backup: false,
            no_clobber: false,
        })
    }

    /// Puts the file in place, whole.
    pub fn commit(self) -> Result<(), FileError> {
        self.finish()?.put_in_place()
    }

    /// Everything that can run out of space or fail on the content: the bytes flushed and
    /// synced, and the file it replaces kept as `.bak`. Nothing is in place yet.
    fn finish(self) -> Result<Finished, FileError> {
        let path = self.path;
        let tmp = self
            .tmp
            .into_inner()
            .map_err(|e| FileError::io(&path, IoAction::Write, e.into_error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| FileError::io(&path, IoAction::Write, e))?;
        if let Ok(meta) = fs::metadata(&path) {
            // Keep the file's permissions, and the old content as the backup.
            if let Err(e) = fs::set_permissions(tmp.path(), meta.permissions()) {
                // The content is safe either way; only the old file's permissions are not kept.
                log::warn!(
                    "{}: the file's permissions could not be kept: {e}",
                    path.display()
                );
            }
            if self.keep_backup {
                fs::copy(&path, backup_path(&path))
                    .map_err(|e| FileError::io(&path, IoAction::KeepBackup, e))?;
            }
        }
        Ok(Finished {
            path,
            dir: self.dir,
            tmp,
            no_clobber: self.no_clobber,
        })
    }
}

/// Puts files that belong together in place only when every one of them is written whole
/// (a ranking and its items): a disk that fills while writing the second leaves both old
/// files as they were, never a new ranking beside old items. What is left after the last
/// byte is written is a rename per file, which needs no space.
pub fn commit_together(files: Vec<AtomicFile>) -> Result<(), FileError> {
    let finished = files
        .into_iter()
        .map(AtomicFile::finish)
        .collect::<Result<Vec<_>, _>>()?;
    finished.into_iter().try_for_each(Finished::put_in_place)
}

/// A file written whole and synced beside its target, not yet in place.
struct Finished {
    path: PathBuf,
    dir: PathBuf,
    tmp: tempfile::NamedTempFile,
    no_clobber: bool,
}

impl Finished {
    fn put_in_place(self) -> Result<(), FileError> {
        let Finished {
            path,
            dir,
            tmp,
            no_clobber,
        } = self;
        if no_clobber {
            tmp.persist_noclobber(&path).map_err(|e| {
                if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                    FileError::new(&path, FileProblem::Exists)
                } else {
                    FileError::io(&path, IoAction::Replace, e.error)
                }
            })?;
        } else {
            tmp.persist(&path)
                .map_err(|e| FileError::io(&path, IoAction::Replace, e.error))?;
        }
        sync_dir(&dir);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.tmp.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

impl std::io::Seek for AtomicFile {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.tmp.seek(pos)
    }
}

/// Makes the rename durable where the platform allows it (Windows has no folder sync; the
/// rename is durable once the file system commits it). A failure leaves the new file in place
/// but perhaps not yet on disk after a power cut: worth a warning, not an error.
#[cfg_attr(not(unix), allow(unused_variables))]
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = fs::File::open(dir).and_then(|d| d.sync_all()) {
        log::warn!(
            "{}: the folder could not be synced after a save: {e}",
            dir.display()
        );
    }
}

/// Moves a file aside to `<name>.bak` (replacing an older backup) instead of deleting it, so a
/// zone removed by mistake can be restored by renaming the file back.
pub fn retire(path: &Path) -> Result<PathBuf, FileError> {
    let backup = backup_path(path);
    fs::rename(path, &backup).map_err(|e| FileError::io(path, IoAction::MoveAside, e))?;
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_keeps_the_previous_version_as_bak() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("z.ron");
        save_atomic(&path, b"one").expect("first save");
        assert!(!backup_path(&path).exists());
        save_atomic(&path, b"two").expect("second save");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&path)).expect("read bak"), b"one");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }
}
