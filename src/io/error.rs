//! The errors a user reads about a file: [`FileError`] (which file, and what is wrong with it),
//! the system's refusals in words, and why a checked save did not happen, each in Chinese and
//! English. Types and texts only: nothing here touches the disk.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Lang, Localize, ParseError};

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
    /// The claim (lock file) of another `gen` run writing into the same folder.
    GenerateInProgress,
}

/// What kind of document a file holds, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Profile,
    Checklist,
    /// A zone's history of changes (`history/<id>.ron`).
    History,
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
        match (self, lang) {
            (IoAction::Read, Lang::Zh) => "读取文件",
            (IoAction::Read, Lang::En) => "read the file",
            (IoAction::OpenFolder, Lang::Zh) => "打开文件夹",
            (IoAction::OpenFolder, Lang::En) => "open the folder",
            (IoAction::CreateFolder, Lang::Zh) => "创建文件夹",
            (IoAction::CreateFolder, Lang::En) => "create the folder",
            (IoAction::CreateTemporary, Lang::Zh) => "在同一文件夹中创建临时文件",
            (IoAction::CreateTemporary, Lang::En) => "create a temporary file beside it",
            (IoAction::Write, Lang::Zh) => "写入文件",
            (IoAction::Write, Lang::En) => "write the file",
            (IoAction::KeepBackup, Lang::Zh) => "保留备份",
            (IoAction::KeepBackup, Lang::En) => "keep a backup copy",
            (IoAction::Replace, Lang::Zh) => "替换文件",
            (IoAction::Replace, Lang::En) => "replace the file",
            (IoAction::MoveAside, Lang::Zh) => "将文件移到一旁",
            (IoAction::MoveAside, Lang::En) => "move the file aside",
            (IoAction::Remove, Lang::Zh) => "删除文件",
            (IoAction::Remove, Lang::En) => "remove the file",
        }
        .to_owned()
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
                    Document::History => "修改记录",
                }
            ),
            (FileProblem::Write { what, detail }, Lang::En) => format!(
                "could not write the {}: {detail}",
                match what {
                    Document::Profile => "profile",
                    Document::Checklist => "checklist",
                    Document::History => "change history",
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
            (FileProblem::GenerateInProgress, Lang::Zh) => {
                "另一次生成（gen）正在向此文件夹写入，本次未写入任何文件；请等它结束，或换一个空文件夹（若确实没有生成在运行，是上次被中断的生成留下了此锁文件，可将其删除）".into()
            }
            (FileProblem::GenerateInProgress, Lang::En) => {
                "another gen run is writing into this folder, so this one wrote nothing; wait for it to end or use an empty folder (if no gen is running, an interrupted one left this lock file: delete it)".into()
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

    pub(super) fn io(path: &Path, action: IoAction, e: std::io::Error) -> Self {
        FileError::new(
            path,
            FileProblem::Io {
                action,
                cause: e.into(),
            },
        )
    }

    pub(super) fn parse(path: &Path, e: ParseError) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::MAX_FILE_BYTES;
    use crate::model::error::testing::assert_renders;
    use crate::model::{Catalog, Problem, parse_checklist};

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
            FileProblem::GenerateInProgress,
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
                FileProblem::GenerateInProgress => "GenerateInProgress",
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
}
