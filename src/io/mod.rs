//! The only module that reads or writes files. Loading a folder returns the good profiles and
//! one error per bad file; saving is atomic and keeps the previous version as `<name>.bak`.
//! Parsing itself is pure and lives in `model`; this module adds paths, limits and the disk.
//! [`data_dir`] finds and seeds the officer's SiteMatch folder; [`desktop`] shows a folder in
//! the file manager.

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::{self, Catalog, Checklist, Lang, Localize, ParseError, ZoneProfile};

pub mod cache;
pub mod clock;
pub mod data_dir;
pub mod desktop;
pub mod folder;
pub mod fonts;
pub mod logfile;
pub mod print;
pub mod recovery;
pub mod worker;

/// Files larger than this are refused before they are read: no profile or checklist comes
/// near it, and a runaway file must not stall the app.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file that could not be loaded or saved: which file, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct FileError {
    pub path: PathBuf,
    #[source]
    pub problem: FileProblem,
}

/// What went wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    /// The system refused an action on the file.
    Io {
        action: IoAction,
        #[source]
        cause: IoCause,
    },
    IsFolder,
    /// A named pipe, a device or a socket: not a file to read (`/dev/zero` never ends).
    NotAFile,
    /// Another save of the same file (another officer's, on a shared folder) did not finish in
    /// time.
    Locked,
    /// Over the size limit (both in bytes).
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Utf16,
    Binary,
    /// Not UTF-8; the first bad byte is at this 1-based line and column.
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Empty,
    /// The text does not read as what it should be.
    Parse(#[source] Box<ParseError>),
    /// A file `check` cannot tell the kind of.
    NotSiteMatchFile,
    /// Zone ids that differ only in letter case (`others`, the clashing ids).
    CaseClash {
        id: String,
        others: Vec<String>,
    },
    /// A generated file would replace an existing one.
    Exists,
    /// A filled survey that cannot be read.
    Survey(#[source] crate::survey::SurveyError),
    /// Writing the file's text failed (the reader's message).
    Write {
        what: Document,
        detail: String,
    },
    Vanished,
    /// A zone file whose extension is `.ron` in other letter case (`.RON`), which the
    /// loaders do not read.
    WrongExtension {
        ext: String,
    },
    /// A `*.ron` that is a link to nothing (or to itself).
    BrokenLink,
}

/// What kind of document a file holds, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Profile,
    Checklist,
}

/// What SiteMatch was doing with a file when the system refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    Read,
    OpenFolder,
    CreateFolder,
    CreateTemporary,
    Write,
    KeepBackup,
    Replace,
    MoveAside,
    Remove,
}

impl Localize for IoAction {
    fn text(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            IoAction::Read => ("读取文件", "read the file"),
            IoAction::OpenFolder => ("打开文件夹", "open the folder"),
            IoAction::CreateFolder => ("创建文件夹", "create the folder"),
            IoAction::CreateTemporary => ("在同一文件夹中创建临时文件", "create a temporary file beside it"),
            IoAction::Write => ("写入文件", "write the file"),
            IoAction::KeepBackup => ("保留备份", "keep a backup copy"),
            IoAction::Replace => ("替换文件", "replace the file"),
            IoAction::MoveAside => ("将文件移到一旁", "move the file aside"),
            IoAction::Remove => ("删除文件", "remove the file"),
        };
        lang.pick(zh, en).to_owned()
    }
}

/// A system error, shared so that errors holding it can be cloned and compared (by kind and
/// message).
#[derive(Clone, Debug)]
pub struct IoCause(pub std::sync::Arc<std::io::Error>);

impl From<std::io::Error> for IoCause {
    fn from(e: std::io::Error) -> Self {
        IoCause(std::sync::Arc::new(e))
    }
}

impl PartialEq for IoCause {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoCause {}

impl fmt::Display for IoCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoCause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.0.as_ref())
    }
}

impl Localize for IoCause {
    fn text(&self, lang: Lang) -> String {
        io_reason(&self.0, lang)
    }
}

/// A system error in words: the common kinds in Chinese, the system's own message in English
/// (and in Chinese beside the words for the rare kinds).
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let zh = match e.kind() {
        K::NotFound => "文件或文件夹不存在",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "已经存在",
        K::IsADirectory => "这是一个文件夹",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::ReadOnlyFilesystem => "文件系统是只读的",
        K::StorageFull | K::QuotaExceeded => "磁盘空间不足",
        K::FileTooLarge => "文件太大",
        K::InvalidFilename => "文件名无效",
        K::CrossesDevices => "不能跨磁盘移动",
        K::ResourceBusy => "文件正被占用",
        K::Interrupted | K::TimedOut => "操作被中断",
        K::InvalidData => "数据无效",
        _ => "",
    };
    match (lang, zh) {
        (Lang::Zh, "") => format!("系统错误（{e}）"),
        (Lang::Zh, zh) => zh.to_owned(),
        (Lang::En, _) => e.to_string(),
    }
}

impl Localize for FileProblem {
    fn text(&self, lang: Lang) -> String {
        let mib = |b: u64| b as f64 / 1_048_576.0;
        match (self, lang) {
            (FileProblem::Io { action, cause }, Lang::Zh) => {
                format!("无法{}：{}", action.text(lang), cause.text(lang))
            }
            (FileProblem::Io { action, cause }, Lang::En) => {
                format!("could not {}: {}", action.text(lang), cause.text(lang))
            }
            (FileProblem::IsFolder, Lang::Zh) => "这是文件夹，不是文件".into(),
            (FileProblem::IsFolder, Lang::En) => "is a folder, not a file".into(),
            (FileProblem::Locked, Lang::Zh) => {
                "另一处正在保存此文件（可能是共享文件夹中的同事），请稍后再试".into()
            }
            (FileProblem::Locked, Lang::En) => {
                "is being saved elsewhere (a colleague on the shared folder, perhaps); try again in a moment"
                    .into()
            }
            (FileProblem::NotAFile, Lang::Zh) => "不是普通文件（是管道、设备或套接字），不读取".into(),
            (FileProblem::NotAFile, Lang::En) => {
                "is not a plain file (a pipe, a device or a socket) and is not read".into()
            }
            (FileProblem::TooLarge { bytes, limit }, Lang::Zh) => format!(
                "文件有 {:.1} MiB；SiteMatch 只读取不超过 {} MiB 的文件",
                mib(*bytes),
                limit / 1_048_576
            ),
            (FileProblem::TooLarge { bytes, limit }, Lang::En) => format!(
                "is {:.1} MiB; SiteMatch reads files of at most {} MiB",
                mib(*bytes),
                limit / 1_048_576
            ),
            (FileProblem::Utf16, Lang::Zh) => "这是 UTF-16 编码的文本，请另存为 UTF-8".into(),
            (FileProblem::Utf16, Lang::En) => "is UTF-16 text; save it as UTF-8".into(),
            (FileProblem::Binary, Lang::Zh) => "这是二进制文件，不是 RON 文本".into(),
            (FileProblem::Binary, Lang::En) => "is a binary file, not RON text".into(),
            (FileProblem::NotUtf8 { .. }, Lang::Zh) => {
                "不是 UTF-8 编码的文本，请另存为 UTF-8（不读取 GBK 等其他编码）".into()
            }
            (FileProblem::NotUtf8 { .. }, Lang::En) => {
                "is not UTF-8 text; save it as UTF-8 (GBK and other encodings are not read)".into()
            }
            (FileProblem::Empty, Lang::Zh) => "文件是空的".into(),
            (FileProblem::Empty, Lang::En) => "is empty".into(),
            (FileProblem::Parse(e), _) => e.message(lang),
            (FileProblem::NotSiteMatchFile, Lang::Zh) => {
                "不是 SiteMatch 的文件：应以 ZoneProfile(、Checklist( 或 Catalog( 开头".into()
            }
            (FileProblem::NotSiteMatchFile, Lang::En) => {
                "is not a SiteMatch file: it should start with ZoneProfile(, Checklist( or Catalog(".into()
            }
            (FileProblem::CaseClash { id, others }, Lang::Zh) => format!(
                "开发区编号“{id}”与{}只有大小写不同，请重命名其中一个文件",
                others
                    .iter()
                    .map(|o| format!("“{o}”"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            (FileProblem::CaseClash { id, others }, Lang::En) => format!(
                "the zone id `{id}` is the same as {} apart from letter case; rename one of the files",
                others
                    .iter()
                    .map(|o| format!("`{o}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (FileProblem::Exists, Lang::Zh) => {
                "文件已存在；生成的数据从不覆盖已有文件（请用空文件夹）".into()
            }
            (FileProblem::Exists, Lang::En) => {
                "already exists; generated zones are never written over existing files (use an empty folder)"
                    .into()
            }
            (FileProblem::Survey(e), _) => e.text(lang),
            (FileProblem::Write { what, detail }, Lang::Zh) => format!(
                "无法写出{}（{detail}）",
                match what {
                    Document::Profile => "开发区档案",
                    Document::Checklist => "投资需求清单",
                }
            ),
            (FileProblem::Write { what, detail }, Lang::En) => format!(
                "could not write the {}: {detail}",
                match what {
                    Document::Profile => "profile",
                    Document::Checklist => "checklist",
                }
            ),
            (FileProblem::Vanished, Lang::Zh) => "保存后文件随即消失".into(),
            (FileProblem::Vanished, Lang::En) => "vanished right after it was saved".into(),
            (FileProblem::WrongExtension { ext }, Lang::Zh) => {
                format!("扩展名是 .{ext}，SiteMatch 只读取小写的 .ron 文件；请把扩展名改为 .ron")
            }
            (FileProblem::WrongExtension { ext }, Lang::En) => {
                format!(
                    "has the extension .{ext}; SiteMatch reads .ron in lower case only, so rename it to .ron"
                )
            }
            (FileProblem::BrokenLink, Lang::Zh) => {
                "这是指向不存在文件的链接（或链接自身循环），无法读取".into()
            }
            (FileProblem::BrokenLink, Lang::En) => {
                "is a link to nothing (or a loop of links) and cannot be read".into()
            }
        }
    }
}

impl FileError {
    pub fn new(path: &Path, problem: FileProblem) -> Self {
        FileError {
            path: path.to_owned(),
            problem,
        }
    }

    fn io(path: &Path, action: IoAction, e: std::io::Error) -> Self {
        FileError::new(
            path,
            FileProblem::Io {
                action,
                cause: e.into(),
            },
        )
    }

    fn parse(path: &Path, e: ParseError) -> Self {
        FileError::new(path, FileProblem::Parse(Box::new(e)))
    }

    /// The 1-based line and column the problem is at, when it is at a place in the text.
    pub fn position(&self) -> Option<(usize, usize)> {
        match &self.problem {
            FileProblem::Parse(e) => Some((e.line, e.column)),
            FileProblem::NotUtf8 { line, column } => Some((*line, *column)),
            FileProblem::NotSiteMatchFile => Some((1, 1)),
            _ => None,
        }
    }

    /// What is wrong, without the file and the position.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.text(lang)
    }
}

impl Localize for FileError {
    /// `path:line:column: message`, the form editors and compilers use, in either language.
    fn text(&self, lang: Lang) -> String {
        let message = self.message(lang);
        match self.position() {
            Some((line, column)) => format!("{}:{line}:{column}: {message}", self.path.display()),
            None => format!("{}: {message}", self.path.display()),
        }
    }
}

crate::english_display!(FileError, FileProblem, IoAction);

/// Reads a file's bytes, refusing a folder, or a file over the size limit before reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file(path).map(|(bytes, _)| bytes)
}

/// Reads a file's bytes with its metadata, from one open file (one `stat`, as large folders
/// are read thousands at a time).
fn read_file(path: &Path) -> Result<(Vec<u8>, fs::Metadata), FileError> {
    use std::io::Read;
    // Looked at before it is opened: opening a named pipe waits for a writer, forever.
    let meta = fs::metadata(path).map_err(|e| FileError::io(path, IoAction::Read, e))?;
    if meta.is_dir() {
        return Err(FileError::new(path, FileProblem::IsFolder));
    }
    if !meta.is_file() {
        return Err(FileError::new(path, FileProblem::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::new(
            path,
            FileProblem::TooLarge {
                bytes: meta.len(),
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    let file = fs::File::open(path).map_err(|e| FileError::io(path, IoAction::Read, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    // Bounded by the bytes actually read, not the size the system reported: a file that grows
    // while it is read stops at the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, IoAction::Read, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::new(
            path,
            FileProblem::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
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
        return Err(FileError::new(path, FileProblem::Utf16));
    }
    if bytes.contains(&0) {
        return Err(FileError::new(path, FileProblem::Binary));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = model::error::line_column(&text, text.len());
        FileError::new(path, FileProblem::NotUtf8 { line, column })
    })
}

/// Reads a filled survey workbook into a checklist (see [`crate::survey::read`]); every cell
/// that cannot be read is named in the message as `sheet!cell`.
pub fn import_survey(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    let bytes = read_bytes(path)?;
    crate::survey::read(catalog, &bytes).map_err(|e| FileError::new(path, FileProblem::Survey(e)))
}

/// Reads a file as UTF-8 text that is not empty (see [`read_text`]).
pub fn read_nonempty(path: &Path) -> Result<String, FileError> {
    nonempty(path, read_text(path)?)
}

fn nonempty(path: &Path, text: String) -> Result<String, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::new(path, FileProblem::Empty));
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

/// Loads a checklist to score, report on or check: as [`load_checklist`], and a must-have
/// the header cannot give a requirement is an error named at its item
/// ([`model::parse::check_scorable`]).
pub fn load_checklist_to_score(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    let text = read_nonempty(path)?;
    let checklist = model::parse_checklist(&text, catalog).map_err(|e| FileError::parse(path, e))?;
    model::parse::check_scorable(&text, catalog, &checklist).map_err(|e| FileError::parse(path, e))?;
    Ok(checklist)
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
    Changed(PathBuf),
    File(#[from] FileError),
}

impl Localize for SaveError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (SaveError::Changed(path), Lang::Zh) => format!(
                "{}：打开之后文件已被他人修改，未写入（可重新载入、覆盖或另存为）",
                path.display()
            ),
            (SaveError::Changed(path), Lang::En) => format!(
                "{}: the file was changed by someone else since it was opened; nothing was written \
                 (reload it, overwrite it, or save under another name)",
                path.display()
            ),
            (SaveError::File(e), _) => e.text(lang),
        }
    }
}

crate::english_display!(SaveError);

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
struct SaveLock {
    path: PathBuf,
}

impl SaveLock {
    fn lock_path(target: &Path) -> PathBuf {
        let name = target
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        target.with_file_name(format!(".{name}.lock"))
    }

    fn acquire(target: &Path) -> Result<SaveLock, FileError> {
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
    let entries = fs::read_dir(dir).map_err(|e| FileError::io(dir, IoAction::OpenFolder, e))?;
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
    let files = ron_files(dir)?;
    bad.extend(folder::passed_over(dir));
    for path in files {
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
    load_profiles_cached(dir, catalog, None, progress)
}

/// Like [`load_profiles_with_progress`], taking the profiles of files unchanged since they
/// were last read from the cache in `cache_dir` ([`cache`]) instead of parsing them again, and
/// bringing the cache up to date. The result is the same as without a cache.
pub fn load_profiles_cached(
    dir: &Path,
    catalog: &Catalog,
    cache_dir: Option<&Path>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<LoadedProfiles, FileError> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let files = ron_files(dir)?;
    let total = files.len();
    let done = AtomicUsize::new(0);
    let bytes = cache_dir.and_then(|c| cache::CacheBytes::read(c, dir));
    let cached = cache_dir.map(|_| cache::Cached::parse(bytes.as_ref(), catalog));
    let hits = AtomicUsize::new(0);
    type Read = Result<(ZoneProfile, FileStamp), FileError>;
    let results: Vec<(PathBuf, Read)> = files
        .into_par_iter()
        .map(|path| {
            let result = match cached.as_ref().and_then(|c| c.hit(&path, catalog)) {
                Some(hit) => {
                    hits.fetch_add(1, Ordering::Relaxed);
                    Ok(hit)
                }
                None => load_profile_stamped(&path, catalog),
            };
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            (path, result)
        })
        .collect();
    if let (Some(cache_dir), Some(cached)) = (cache_dir, &cached) {
        let good = || {
            results.iter().filter_map(|(path, r)| {
                r.as_ref()
                    .ok()
                    .map(|(profile, stamp)| (path.as_path(), profile, stamp))
            })
        };
        // Written again when a good profile was read from its file, or one it held is gone; a
        // file that does not load is read every time and changes nothing.
        let hits = hits.load(Ordering::Relaxed);
        if good().count() != hits || hits != cached.held() {
            cache::write(cache_dir, dir, catalog, good());
        }
    }
    let clashes = case_clashes(
        results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(p, _)| p.as_path()),
    );
    let mut loaded = LoadedProfiles::default();
    loaded.errors.extend(folder::passed_over(dir));
    folder::remove_stale_temporaries(dir);
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
            group
                .iter()
                .map(|path| {
                    let id = profile_id(path);
                    let others: Vec<String> =
                        group.iter().map(|p| profile_id(p)).filter(|o| *o != id).collect();
                    FileError::new(path, FileProblem::CaseClash { id, others })
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Writes generated profiles into `dir` (created if needed), in parallel and without the
/// per-file sync of a save: for synthetic data sets, not for anyone's work.
pub fn write_generated(dir: &Path, profiles: &[ZoneProfile], catalog: &Catalog) -> Result<(), FileError> {
    use rayon::prelude::*;
    fs::create_dir_all(dir).map_err(|e| FileError::io(dir, IoAction::CreateFolder, e))?;
    // Generated data never replaces anyone's file.
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
        fs::write(&path, text).map_err(|e| FileError::io(&path, IoAction::Write, e))
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

fn write_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> Result<(), FileError> {
    let mut file = AtomicFile::create_in(path, false)?;
    file.keep_backup = keep_backup;
    file.write_all(contents)
        .map_err(|e| FileError::io(path, IoAction::Write, e))?;
    file.commit()
}

/// A folder or file as a full path, as a user reads it: `C:\Users\…\SiteMatch` on Windows,
/// never the `\\?\C:\…` form the system's own full path takes there; the path as given when
/// it cannot be resolved.
pub fn full_path(path: &Path) -> PathBuf {
    dunce::canonicalize(path).unwrap_or_else(|_| path.to_owned())
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
fn write_failed(path: &Path, what: Document, e: &ron::Error) -> FileError {
    FileError::new(
        path,
        FileProblem::Write {
            what,
            detail: e.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::error::testing::assert_renders;
    use crate::model::{Problem, parse_checklist};

    #[test]
    fn every_file_problem_reads_in_chinese_and_in_english() {
        let c = Catalog::builtin().expect("catalog");
        let parse = parse_checklist("Checklist(items: {\"power.capacty\": ()})", &c).expect_err("bad");
        assert!(matches!(parse.problem, Problem::UnknownFactor { .. }));
        let io = |kind| IoCause::from(std::io::Error::from(kind));
        let problems = [
            FileProblem::Io {
                action: IoAction::Read,
                cause: io(std::io::ErrorKind::NotFound),
            },
            FileProblem::IsFolder,
            FileProblem::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
                limit: MAX_FILE_BYTES,
            },
            FileProblem::Utf16,
            FileProblem::Binary,
            FileProblem::NotUtf8 { line: 2, column: 4 },
            FileProblem::Empty,
            FileProblem::Parse(Box::new(parse)),
            FileProblem::NotSiteMatchFile,
            FileProblem::CaseClash {
                id: "houma".into(),
                others: vec!["Houma".into()],
            },
            FileProblem::Exists,
            FileProblem::Survey(crate::survey::SurveyError::NoSurveySheet),
            FileProblem::Write {
                what: Document::Checklist,
                detail: "Formatting RON failed".into(),
            },
            FileProblem::Vanished,
            FileProblem::NotAFile,
            FileProblem::Locked,
            FileProblem::WrongExtension { ext: "RON".into() },
            FileProblem::BrokenLink,
        ];
        for p in &problems {
            // An exhaustive match: a new kind of problem fails to compile until it is here.
            let name = match p {
                FileProblem::Io { .. } => "Io",
                FileProblem::IsFolder => "IsFolder",
                FileProblem::TooLarge { .. } => "TooLarge",
                FileProblem::Utf16 => "Utf16",
                FileProblem::Binary => "Binary",
                FileProblem::NotUtf8 { .. } => "NotUtf8",
                FileProblem::Empty => "Empty",
                FileProblem::Parse(_) => "Parse",
                FileProblem::NotSiteMatchFile => "NotSiteMatchFile",
                FileProblem::CaseClash { .. } => "CaseClash",
                FileProblem::Exists => "Exists",
                FileProblem::Survey(_) => "Survey",
                FileProblem::Write { .. } => "Write",
                FileProblem::Vanished => "Vanished",
                FileProblem::NotAFile => "NotAFile",
                FileProblem::Locked => "Locked",
                FileProblem::WrongExtension { .. } => "WrongExtension",
                FileProblem::BrokenLink => "BrokenLink",
            };
            assert_renders(name, p, &c);
            let e = FileError::new(Path::new("zones/houma.ron"), p.clone());
            assert_renders(name, &e, &c);
            assert!(
                e.text(Lang::Zh).starts_with("zones/houma.ron:"),
                "{}",
                e.text(Lang::Zh)
            );
        }
        for action in [
            IoAction::Read,
            IoAction::OpenFolder,
            IoAction::CreateFolder,
            IoAction::CreateTemporary,
            IoAction::Write,
            IoAction::KeepBackup,
            IoAction::Replace,
            IoAction::MoveAside,
        ] {
            assert_renders("action", &action, &c);
        }
        for kind in [std::io::ErrorKind::PermissionDenied, std::io::ErrorKind::Other] {
            assert_renders("cause", &io(kind), &c);
        }
        let changed = SaveError::Changed(PathBuf::from("houma.ron"));
        assert_renders("Changed", &changed, &c);
        assert_renders(
            "File",
            &SaveError::File(FileError::new(Path::new("a.ron"), FileProblem::Empty)),
            &c,
        );
    }

    #[test]
    fn a_parse_error_is_placed_at_its_line_in_either_language() {
        let c = Catalog::builtin().expect("catalog");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("list.ron");
        fs::write(
            &path,
            "Checklist(\n  items: {\n    \"power.capacity\": (required: \"5 亩\"),\n  },\n)\n",
        )
        .expect("write");
        let e = load_checklist(&path, &c).expect_err("land unit for power");
        let at = format!("{}:3:", path.display());
        assert!(e.text(Lang::Zh).starts_with(&at), "{}", e.text(Lang::Zh));
        assert!(
            e.text(Lang::Zh)
                .contains("可新增供电容量的要求：此项不能使用单位“亩”，可用：兆瓦、千瓦"),
            "{}",
            e.text(Lang::Zh)
        );
        assert!(
            e.to_string()
                .contains("Spare power capacity (`power.capacity`): `required`: unit `亩` is not allowed here; use mw or kw"),
            "{e}"
        );
    }

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
        assert_eq!(e.problem, FileProblem::Binary);
        assert!(e.to_string().contains("binary"));
        let e = read_text(&write("gbk.ron", b"name:\n  \"\xb9\xfe\xce\xf7\"")).expect_err("not utf-8");
        assert_eq!(e.position(), Some((2, 4)));
        let e = load_catalog(&write("empty.ron", b"  \n")).expect_err("empty");
        assert_eq!(
            e.to_string(),
            format!("{}: is empty", dir.path().join("empty.ron").display())
        );
    }
}
