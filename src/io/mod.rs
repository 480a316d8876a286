//! The only module that reads or writes files. Loading a folder returns the good profiles and
//! one error per bad file; saving is atomic and keeps the previous version as `<name>.bak`.
//! Parsing itself is pure and lives in `model`; this module adds paths, limits and the disk.

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::{self, Catalog, Checklist, ParseError, ZoneProfile};

pub mod print;
pub mod recovery;

/// Files larger than this are refused before they are read: no profile or checklist comes
/// near it, and a runaway file must not stall the app.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file that could not be loaded or saved: which file, where in it, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem is at a place in the text.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl FileError {
    fn new(path: &Path, message: impl Into<String>) -> Self {
        FileError {
            path: path.to_owned(),
            position: None,
            message: message.into(),
        }
    }

    fn io(path: &Path, action: &str, e: &std::io::Error) -> Self {
        FileError::new(path, format!("could not {action}: {e}"))
    }

    fn parse(path: &Path, e: ParseError) -> Self {
        FileError {
            path: path.to_owned(),
            position: Some((e.line, e.column)),
            message: e.message,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for FileError {}

/// Reads a file's bytes, refusing a folder, or a file over the size limit before reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file(path).map(|(bytes, _)| bytes)
}

/// Reads a file's bytes with its metadata, from one open file (one `stat`, as large folders
/// are read thousands at a time).
fn read_file(path: &Path) -> Result<(Vec<u8>, fs::Metadata), FileError> {
    use std::io::Read;
    let folder = || FileError::new(path, "is a folder, not a file");
    let mut file = fs::File::open(path).map_err(|e| {
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            folder()
        } else {
            FileError::io(path, "read the file", &e)
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::io(path, "read the file", &e))?;
    if meta.is_dir() {
        return Err(folder());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::new(
            path,
            format!(
                "is {:.1} MiB; SiteMatch reads files of at most {} MiB",
                meta.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, "read the file", &e))?;
    Ok((bytes, meta))
}

/// Reads a file as UTF-8 text, refusing what is too large, binary or not UTF-8, with the
/// position of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    text_of(path, read_bytes(path)?)
}

/// A file's bytes as UTF-8 text (see [`read_text`]).
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(FileError::new(path, "is UTF-16 text; save it as UTF-8"));
    }
    if bytes.contains(&0) {
        return Err(FileError::new(path, "is a binary file, not RON text"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = model::error::line_column(&text, text.len());
        FileError {
            path: path.to_owned(),
            position: Some((line, column)),
            message: "is not UTF-8 text; save it as UTF-8 (GBK and other encodings are not read)".into(),
        }
    })
}

/// Reads a filled survey workbook into a checklist (see [`crate::survey::read`]); every cell
/// that cannot be read is named in the message as `sheet!cell`.
pub fn import_survey(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    let bytes = read_bytes(path)?;
    crate::survey::read(catalog, &bytes).map_err(|e| FileError::new(path, e.to_string()))
}

/// Reads a file as UTF-8 text that is not empty (see [`read_text`]).
pub fn read_nonempty(path: &Path) -> Result<String, FileError> {
    nonempty(path, read_text(path)?)
}

fn nonempty(path: &Path, text: String) -> Result<String, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::new(path, "is empty"));
    }
    Ok(text)
}

/// Reads a non-empty text file with the stamp of what was read.
fn read_stamped(path: &Path) -> Result<(String, FileStamp), FileError> {
    let (bytes, meta) = read_file(path)?;
    let stamp = FileStamp::from_bytes(&bytes, meta.modified().ok());
    let text = nonempty(path, text_of(path, bytes)?)?;
    Ok((text, stamp))
}

/// Loads a catalog file.
pub fn load_catalog(path: &Path) -> Result<Catalog, FileError> {
    let text = read_nonempty(path)?;
    Catalog::parse(&text).map_err(|e| FileError::parse(path, e))
}

/// The zone id a profile file stands for: its file stem.
pub fn profile_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Loads one zone profile; its id is the file stem.
pub fn load_profile(path: &Path, catalog: &Catalog) -> Result<ZoneProfile, FileError> {
    load_profile_stamped(path, catalog).map(|(p, _)| p)
}

/// Loads one zone profile with the stamp of the file as read.
pub fn load_profile_stamped(path: &Path, catalog: &Catalog) -> Result<(ZoneProfile, FileStamp), FileError> {
    let (text, stamp) = read_stamped(path)?;
    let profile =
        model::parse_profile(&text, &profile_id(path), catalog).map_err(|e| FileError::parse(path, e))?;
    Ok((profile, stamp))
}

/// Loads one investor checklist.
pub fn load_checklist(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    load_checklist_stamped(path, catalog).map(|(c, _)| c)
}

/// Loads one investor checklist with the stamp of the file as read.
pub fn load_checklist_stamped(path: &Path, catalog: &Catalog) -> Result<(Checklist, FileStamp), FileError> {
    let (text, stamp) = read_stamped(path)?;
    let checklist = model::parse_checklist(&text, catalog).map_err(|e| FileError::parse(path, e))?;
    Ok((checklist, stamp))
}

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

    fn from_bytes(bytes: &[u8], modified: Option<std::time::SystemTime>) -> FileStamp {
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

/// Why a checked save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// Someone else changed (or created) the file since it was opened; nothing was written.
    #[error("{}: the file was changed by someone else since it was opened; nothing was written (reload it, overwrite it, or save under another name)", .0.display())]
    Changed(PathBuf),
    #[error(transparent)]
    File(#[from] FileError),
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
    check_unchanged(path, expected)?;
    save()?;
    FileStamp::now(path)
        .ok_or_else(|| SaveError::File(FileError::new(path, "vanished right after it was saved")))
}

/// The bundled profiles: `profiles/` in the working folder, else the one beside the sources
/// SiteMatch was built from (so `cargo run` works from anywhere in the checkout).
pub fn default_profiles_dir() -> PathBuf {
    let here = PathBuf::from("profiles");
    if here.is_dir() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles")
    }
}

/// What loading a folder of profiles gave: the good ones, sorted by id, and one error per file
/// that could not be loaded.
#[derive(Clone, Debug, Default)]
pub struct LoadedProfiles {
    pub zones: Vec<Zone>,
    pub errors: Vec<FileError>,
}

impl LoadedProfiles {
    /// The profiles alone, for callers that do not write them back.
    pub fn into_profiles(self) -> Vec<ZoneProfile> {
        self.zones.into_iter().map(|z| z.profile).collect()
    }
}

/// A loaded zone: its profile, the file it lives in, and what that file was when it was read
/// or last saved (to notice someone else changing it).
#[derive(Clone, Debug)]
pub struct Zone {
    pub profile: ZoneProfile,
    pub path: PathBuf,
    pub stamp: FileStamp,
}

impl AsRef<ZoneProfile> for Zone {
    fn as_ref(&self) -> &ZoneProfile {
        &self.profile
    }
}

/// The `*.ron` files of a folder, sorted by name, leaving out hidden and temporary files.
pub fn ron_files(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let entries = fs::read_dir(dir).map_err(|e| FileError::io(dir, "open the folder", &e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        // The entry's own type needs no `stat` on most file systems; a link is followed.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| p.extension() == Some(OsStr::new("ron")))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter(|p| !p.is_symlink() || p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// The readable checklists of a folder, each with its path, and one error per other file.
pub type LoadedChecklists = (Vec<(PathBuf, Checklist)>, Vec<FileError>);

/// The checklists of a folder (pending projects, say), each with its path, and one error per
/// file that is not a readable checklist. Only a folder that cannot be read is an error.
pub fn load_checklists(dir: &Path, catalog: &Catalog) -> Result<LoadedChecklists, FileError> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for path in ron_files(dir)? {
        match load_checklist(&path, catalog) {
            Ok(c) => good.push((path, c)),
            Err(e) => bad.push(e),
        }
    }
    Ok((good, bad))
}

/// Loads every profile of a folder. One bad file never stops the others; only a folder that
/// cannot be read at all is an error.
pub fn load_profiles(dir: &Path, catalog: &Catalog) -> Result<LoadedProfiles, FileError> {
    load_profiles_with_progress(dir, catalog, &|_, _| {})
}

/// Like [`load_profiles`], reading files in parallel and calling `progress(done, total)` as
/// files finish (from worker threads), so a caller can show how far a large folder has got.
pub fn load_profiles_with_progress(
    dir: &Path,
    catalog: &Catalog,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<LoadedProfiles, FileError> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let files = ron_files(dir)?;
    let total = files.len();
    let done = AtomicUsize::new(0);
    type Read = Result<(ZoneProfile, FileStamp), FileError>;
    let results: Vec<(PathBuf, Read)> = files
        .into_par_iter()
        .map(|path| {
            let result = load_profile_stamped(&path, catalog);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            (path, result)
        })
        .collect();
    let clashes = case_clashes(
        results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(p, _)| p.as_path()),
    );
    let mut loaded = LoadedProfiles::default();
    for (path, result) in results {
        match (result, clashes.iter().find(|e| e.path == path)) {
            (Ok(_), Some(clash)) => loaded.errors.push(clash.clone()),
            (Ok((profile, stamp)), None) => loaded.zones.push(Zone { profile, path, stamp }),
            (Err(e), _) => loaded.errors.push(e),
        }
    }
    Ok(loaded)
}

/// Profile files whose ids differ only in letter case: they name the same file on Windows and
/// macOS, so each is refused rather than one picked. One error per clashing file.
pub fn case_clashes<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<FileError> {
    let mut by_lower: std::collections::BTreeMap<String, Vec<&Path>> = std::collections::BTreeMap::new();
    for path in paths {
        by_lower
            .entry(profile_id(path).to_lowercase())
            .or_default()
            .push(path);
    }
    by_lower
        .into_values()
        .filter(|group| group.len() > 1)
        .flat_map(|group| {
            group.iter().map(|path| {
                let id = profile_id(path);
                let others: Vec<String> =
                    group.iter().map(|p| profile_id(p)).filter(|o| *o != id).map(|o| format!("`{o}`")).collect();
                FileError::new(
                    path,
                    format!(
                        "the zone id `{id}` is the same as {} apart from letter case; rename one of the files",
                        others.join(", ")
                    ),
                )
            }).collect::<Vec<_>>()
        })
        .collect()
}

/// Writes generated profiles into `dir` (created if needed), in parallel and without the
/// per-file sync of a save: for synthetic data sets, not for anyone's work.
pub fn write_generated(dir: &Path, profiles: &[ZoneProfile], catalog: &Catalog) -> Result<(), FileError> {
    use rayon::prelude::*;
    fs::create_dir_all(dir).map_err(|e| FileError::io(dir, "create the folder", &e))?;
    // Generated data never replaces anyone's file.
    if let Some(p) = profiles
        .iter()
        .map(|p| dir.join(format!("{}.ron", p.id)))
        .find(|p| p.exists())
    {
        return Err(FileError::new(
            &p,
            "already exists; generated zones are never written over existing files (use an empty folder)",
        ));
    }
    profiles.par_iter().try_for_each(|p| {
        let path = dir.join(format!("{}.ron", p.id));
        let text = model::write_profile(p, catalog).map_err(|e| FileError::new(&path, e.to_string()))?;
        fs::write(&path, text).map_err(|e| FileError::io(&path, "write the file", &e))
    })
}

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

/// Writes an exported file (a report, a spreadsheet) atomically, without keeping a backup;
/// creates its folder when missing.
pub fn export(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(contents)
        .map_err(|e| FileError::io(path, "write the file", &e))?;
    file.commit()
}

fn write_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> Result<(), FileError> {
    let mut file = AtomicFile::create_in(path, false)?;
    file.keep_backup = keep_backup;
    file.write_all(contents)
        .map_err(|e| FileError::io(path, "write the file", &e))?;
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
}

impl AtomicFile {
    /// Starts an exported file (no backup kept), creating its folder when missing.
    pub fn create(path: &Path) -> Result<AtomicFile, FileError> {
        AtomicFile::create_in(path, true)
    }

    fn create_in(path: &Path, make_dir: bool) -> Result<AtomicFile, FileError> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if make_dir && !dir.exists() {
            fs::create_dir_all(dir).map_err(|e| FileError::io(dir, "create the folder", &e))?;
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
            .map_err(|e| FileError::io(path, "create a temporary file beside it", &e))?;
        Ok(AtomicFile {
            path: path.to_owned(),
            dir: dir.to_owned(),
            tmp: std::io::BufWriter::with_capacity(1 << 16, tmp),
            keep_backup: false,
        })
    }

    /// Puts the file in place, whole.
    pub fn commit(self) -> Result<(), FileError> {
        let path = self.path;
        let tmp = self
            .tmp
            .into_inner()
            .map_err(|e| FileError::io(&path, "write the file", e.error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| FileError::io(&path, "write the file", &e))?;
        if let Ok(meta) = fs::metadata(&path) {
            // Keep the file's permissions, and the old content as the backup.
            let _ = fs::set_permissions(tmp.path(), meta.permissions());
            if self.keep_backup {
                fs::copy(&path, backup_path(&path))
                    .map_err(|e| FileError::io(&path, "keep a backup copy", &e))?;
            }
        }
        tmp.persist(&path)
            .map_err(|e| FileError::io(&path, "replace the file", &e.error))?;
        sync_dir(&self.dir);
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

/// Makes the rename durable where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Moves a file aside to `<name>.bak` (replacing an older backup) instead of deleting it, so a
/// zone removed by mistake can be restored by renaming the file back.
pub fn retire(path: &Path) -> Result<PathBuf, FileError> {
    let backup = backup_path(path);
    fs::rename(path, &backup).map_err(|e| FileError::io(path, "move the file aside", &e))?;
    Ok(backup)
}

/// Saves a profile as pretty RON, atomically.
pub fn save_profile(path: &Path, profile: &ZoneProfile, catalog: &Catalog) -> Result<(), FileError> {
    let text = model::write_profile(profile, catalog)
        .map_err(|e| FileError::new(path, format!("could not write the profile: {e}")))?;
    save_atomic(path, text.as_bytes())
}

/// Saves a checklist as pretty RON, atomically.
pub fn save_checklist(path: &Path, checklist: &Checklist, catalog: &Catalog) -> Result<(), FileError> {
    let text = model::write_checklist(checklist, catalog)
        .map_err(|e| FileError::new(path, format!("could not write the checklist: {e}")))?;
    save_atomic(path, text.as_bytes())
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

    #[test]
    fn bad_text_is_refused_with_the_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            fs::write(&p, bytes).expect("write");
            p
        };
        let e = read_text(&write("bin.ron", b"\x00\x01\x02")).expect_err("binary");
        assert!(e.message.contains("binary"));
        let e = read_text(&write("gbk.ron", b"name:\n  \"\xb9\xfe\xce\xf7\"")).expect_err("not utf-8");
        assert_eq!(e.position, Some((2, 4)));
        let e = load_catalog(&write("empty.ron", b"  \n")).expect_err("empty");
        assert_eq!(
            e.to_string(),
            format!("{}: is empty", dir.path().join("empty.ron").display())
        );
    }
}
