//! What the command line tells the user, in Chinese and in English: the failures that end a
//! command (and their exit codes), the notices printed as it goes, what `check` says of a good
//! file, and clap's usage errors in Chinese. Texts only; the commands decide when to say them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rust_decimal::Decimal;

use crate::io::{self, FileError};
use crate::model::text::printable;
use crate::model::{Bilingual, Lang, Localize, ParseError};
use crate::report;

/// An error that ends a command, told in the user's language; its text goes to stderr.
#[derive(Debug)]
pub(super) enum Failure {
    File(FileError),
    Render(report::pdf::RenderError),
    BuiltinCatalog(Box<ParseError>),
    /// A sample zone compiled into SiteMatch does not parse against the catalog in use.
    BundledZone {
        id: String,
        error: Box<ParseError>,
    },
    /// The officer's data folder could not be found or made.
    DataDir(io::data_dir::DataDirError),
    /// A CSV or Excel writer failed (its own words).
    Export(String),
    /// Standard output could not be written.
    Output(std::io::Error),
    /// `--zones` or `--zone` names a zone the folder does not hold.
    NoZone {
        flag: &'static str,
        id: String,
        dir: PathBuf,
    },
    /// `--owner` names an owner no zone names; the owners there are, listed.
    NoSuchOwner {
        owner: String,
        named: String,
    },
    BadTarget(Decimal),
    /// `--date` is not a plausible day.
    BadDate(crate::model::value::ValueError),
    /// A user's report template has errors (named with the template's file).
    Template {
        path: PathBuf,
        error: report::pdf::RenderError,
    },
    /// A user's report template ran past the time limit and was stopped.
    TemplateTimedOut {
        path: PathBuf,
        secs: u64,
    },
    /// Laying out a user's template ran out of memory or crashed, in its own process.
    TemplateCrashed {
        path: PathBuf,
        detail: String,
    },
    /// A count past what the command makes (`gen --zones 1e12`).
    TooMany {
        flag: &'static str,
        given: usize,
        limit: usize,
    },
    NoChecklists(PathBuf),
    XlsxNeedsOut,
    OutExists(PathBuf),
    /// `--out` names a file the command reads.
    OutIsInput(PathBuf),
    /// `--out` names a device, a folder or a symbolic link.
    OutNotAFile(PathBuf),
    #[cfg_attr(not(feature = "gui"), allow(dead_code))]
    Window(String),
    /// `app` in a build without the desktop (a usage error).
    #[cfg_attr(feature = "gui", allow(dead_code))]
    NoDesktop,
    /// `--lang both` for a table (a usage error).
    BothIsForTheReport,
    /// A zone id that cannot name a profile file.
    BadZoneId(String),
    /// `--factor` names no factor, and no change of the history.
    NoFactor(Box<crate::model::Problem>),
    /// `inventory import`: the workbook is refused whole.
    Import {
        path: PathBuf,
        error: crate::import::ImportError,
    },
    /// `--as-of` is not a plausible day.
    BadAsOf(crate::model::value::ValueError),
    /// `draft`: the message is not read (binary, too long, a damaged Word file).
    Message {
        path: PathBuf,
        error: crate::inquiry::MessageError,
    },
}

impl Failure {
    pub(super) fn exit_code(&self) -> u8 {
        match self {
            Failure::NoDesktop | Failure::BothIsForTheReport | Failure::BadDate(_) | Failure::BadAsOf(_) => 2,
            _ => 1,
        }
    }
}

impl From<FileError> for Failure {
    fn from(e: FileError) -> Self {
        Failure::File(e)
    }
}

impl From<io::data_dir::DataDirError> for Failure {
    fn from(e: io::data_dir::DataDirError) -> Self {
        Failure::DataDir(e)
    }
}

impl From<report::pdf::RenderError> for Failure {
    fn from(e: report::pdf::RenderError) -> Self {
        Failure::Render(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Output(e)
    }
}

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Self {
        Failure::Export(e.to_string())
    }
}

impl From<rust_xlsxwriter::XlsxError> for Failure {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Failure::Export(e.to_string())
    }
}

impl Localize for Failure {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Failure::File(e), _) => e.text(lang),
            (Failure::Render(e), _) => e.text(lang),
            (Failure::BuiltinCatalog(e), Lang::Zh) => format!("内置要素目录：{}", e.text(lang)),
            (Failure::BuiltinCatalog(e), Lang::En) => format!("the built-in catalog: {}", e.text(lang)),
            (Failure::BundledZone { id, error }, Lang::Zh) => format!("内置示例开发区“{id}”：{}", error.text(lang)),
            (Failure::BundledZone { id, error }, Lang::En) => format!("the bundled zone `{id}`: {}", error.text(lang)),
            (Failure::DataDir(e), _) => e.text(lang),
            (Failure::Export(detail), Lang::Zh) => format!("无法生成导出文件（{detail}）"),
            (Failure::Export(detail), Lang::En) => format!("could not write the export: {detail}"),
            (Failure::Output(e), Lang::Zh) => format!("无法输出结果：{}", io::io_reason(e, lang)),
            (Failure::Output(e), Lang::En) => format!("could not write the output: {e}"),
            (Failure::NoZone { flag, id, dir }, Lang::Zh) => {
                format!("{flag}：{} 中没有开发区“{id}”", dir.display())
            }
            (Failure::NoSuchOwner { owner, named }, Lang::Zh) => {
                format!("--owner：没有数据的责任单位是“{owner}”。现有责任单位：{named}")
            }
            (Failure::NoSuchOwner { owner, named }, Lang::En) => {
                format!("--owner: no figure is owned by “{owner}”. The owners named: {named}")
            }
            (Failure::NoZone { flag, id, dir }, Lang::En) => format!("{flag}: no zone `{id}` in {}", dir.display()),
            (Failure::BadTarget(t), Lang::Zh) => format!("--target {t} 不是 0 到 100 之间的分数"),
            (Failure::BadTarget(t), Lang::En) => format!("--target {t} is not a score from 0 to 100"),
            (Failure::Template { path, error }, Lang::Zh) => format!("{}：{}", path.display(), error.text(lang)),
            (Failure::Template { path, error }, Lang::En) => format!("{}: {}", path.display(), error.text(lang)),
            (Failure::TemplateTimedOut { path, secs }, Lang::Zh) => format!(
                "报告模板 {} 在 {secs} 秒内没有排完，已停止，未写入报告（模板中可能有不会结束的循环；需要更长时间时，可设置环境变量 {}）",
                path.display(),
                io::worker::SECONDS
            ),
            (Failure::TemplateTimedOut { path, secs }, Lang::En) => format!(
                "the report template {} did not finish within {secs} s and was stopped; no report was written (it may loop without end; to allow more time, set {})",
                path.display(),
                io::worker::SECONDS
            ),
            (Failure::TemplateCrashed { path, detail }, Lang::Zh) => format!(
                "按报告模板 {} 排版时内存用尽（上限 {}）或异常终止，未写入报告（{detail}）",
                path.display(),
                io::worker::memory_limit_text()
            ),
            (Failure::TemplateCrashed { path, detail }, Lang::En) => format!(
                "laying out the report template {} ran out of memory (limit {}) or crashed; no report was written ({detail})",
                path.display(),
                io::worker::memory_limit_text()
            ),
            (Failure::BadDate(e), Lang::Zh) => format!("--date：{}", e.text(lang)),
            (Failure::BadDate(e), Lang::En) => format!("--date: {}", e.text(lang)),
            (Failure::TooMany { flag, given, limit }, Lang::Zh) => {
                format!("{flag} {given} 过多：最多 {limit}")
            }
            (Failure::TooMany { flag, given, limit }, Lang::En) => {
                format!("{flag} {given} is too many: at most {limit}")
            }
            (Failure::NoChecklists(dir), Lang::Zh) => format!("{} 中没有可读取的投资需求清单", dir.display()),
            (Failure::NoChecklists(dir), Lang::En) => format!("no checklist could be read in {}", dir.display()),
            (Failure::XlsxNeedsOut, Lang::Zh) => "--format xlsx 会写出文件：请用 --out FILE.xlsx 指定".into(),
            (Failure::XlsxNeedsOut, Lang::En) => "--format xlsx writes a file: give it with --out FILE.xlsx".into(),
            (Failure::OutExists(path), Lang::Zh) => format!(
                "{} 已存在；请为 --out 指定新的文件名（导入从不覆盖已有文件）",
                path.display()
            ),
            (Failure::OutExists(path), Lang::En) => format!(
                "{} exists; give --out a new file name (import never writes over a file)",
                path.display()
            ),
            (Failure::OutIsInput(path), Lang::Zh) => format!(
                "--out {} 是本命令要读取的文件，写出会毁掉它；请另选文件名",
                path.display()
            ),
            (Failure::OutIsInput(path), Lang::En) => format!(
                "--out {} is a file this command reads; writing it would destroy it, so give another name",
                path.display()
            ),
            (Failure::OutNotAFile(path), Lang::Zh) => format!(
                "--out {} 不是普通文件（是文件夹、设备或符号链接），不会写入；请指定普通文件",
                path.display()
            ),
            (Failure::OutNotAFile(path), Lang::En) => format!(
                "--out {} is not a plain file (a folder, a device or a symbolic link) and is not written; name a plain file",
                path.display()
            ),
            (Failure::Window(e), Lang::Zh) => format!("无法打开窗口：{e}"),
            (Failure::Window(e), Lang::En) => format!("could not open the window: {e}"),
            (Failure::NoDesktop, Lang::Zh) => {
                "此版本不含桌面窗口，只能使用命令行命令（score、report、check、plan、pipeline、inventory、survey、import、gen）".into()
            }
            (Failure::NoDesktop, Lang::En) => {
                "this build has no desktop window; use the commands (score, report, check, plan, pipeline, inventory, survey, import, gen)"
                    .into()
            }
            (Failure::BothIsForTheReport, Lang::Zh) => "--lang both 只用于 report 命令；请选择 zh 或 en".into(),
            (Failure::BothIsForTheReport, Lang::En) => "--lang both is for the report only; choose zh or en".into(),
            (Failure::BadZoneId(id), _) => crate::model::Problem::BadZoneId { id: id.clone() }.text(lang),
            (Failure::NoFactor(problem), _) => format!("--factor {}", problem.text(lang)),
            (Failure::Import { path, error }, Lang::Zh) => format!("{}：{}", path.display(), error.text(lang)),
            (Failure::Import { path, error }, Lang::En) => format!("{}: {}", path.display(), error.text(lang)),
            (Failure::Message { path, error }, Lang::Zh) => {
                format!("{}：{}", path.display(), error.text(lang))
            }
            (Failure::Message { path, error }, Lang::En) => {
                format!("{}: {}", path.display(), error.text(lang))
            }
            (Failure::BadAsOf(e), Lang::Zh) => format!("--as-of：{}", e.text(lang)),
            (Failure::BadAsOf(e), Lang::En) => format!("--as-of: {}", e.text(lang)),
        }
    }
}

/// What a command tells the user on stderr as it goes.
pub(super) enum Notice<'a> {
    Wrote(&'a Path),
    /// `inventory export`: the workbook and how many figures (rows) it holds.
    WroteSheet {
        path: &'a Path,
        rows: usize,
    },
    WroteWithItems(&'a Path, &'a Path),
    WroteReport {
        path: &'a Path,
        pages: usize,
        kb: usize,
    },
    WroteChecklist {
        path: &'a Path,
        items: usize,
    },
    Generated {
        zones: usize,
        checklists: usize,
        dir: &'a Path,
    },
    Skipped(&'a FileError),
    /// `check` was given a folder with no `*.ron` file in it.
    NoRonFiles(&'a Path),
    /// `inventory history`: the zone's history holds no change (of the figure asked for).
    NoHistory {
        id: &'a str,
        file: &'a Path,
    },
    /// `inventory import` without `--apply`: nothing was written.
    ImportNotApplied,
    /// `inventory import --apply`: what was saved.
    Imported {
        figures: usize,
        updated: usize,
        created: usize,
    },
    /// `inventory import --apply`: a zone not saved (the others are).
    NotSaved(&'a io::SaveError),
    /// `draft --out`: items to confirm were left out of the checklist written.
    ConfirmLeftOut(usize),
}

impl Localize for Notice<'_> {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::Wrote(p), Lang::Zh) => format!("已写入 {}", p.display()),
            (Notice::Wrote(p), Lang::En) => format!("wrote {}", p.display()),
            (Notice::WroteSheet { path, rows }, Lang::Zh) => {
                format!("已写入 {}（{rows} 行）", path.display())
            }
            (Notice::WroteSheet { path, rows }, Lang::En) => match rows {
                1 => format!("wrote {} (1 row)", path.display()),
                n => format!("wrote {} ({n} rows)", path.display()),
            },
            (Notice::WroteWithItems(a, b), Lang::Zh) => format!("已写入 {} 和 {}", a.display(), b.display()),
            (Notice::WroteWithItems(a, b), Lang::En) => format!("wrote {} and {}", a.display(), b.display()),
            (Notice::WroteReport { path, pages, kb }, Lang::Zh) => {
                format!("已写入 {}（{pages} 页，{kb} KB）", path.display())
            }
            (Notice::WroteReport { path, pages, kb }, Lang::En) => {
                let pages = if *pages == 1 {
                    "1 page".to_owned()
                } else {
                    format!("{pages} pages")
                };
                format!("wrote {} ({pages}, {kb} KB)", path.display())
            }
            (Notice::WroteChecklist { path, items }, Lang::Zh) => {
                format!("已写入 {}（{items} 项）", path.display())
            }
            (Notice::WroteChecklist { path, items }, Lang::En) => {
                format!("wrote {} ({items} items)", path.display())
            }
            (
                Notice::Generated {
                    zones,
                    checklists,
                    dir,
                },
                Lang::Zh,
            ) => format!(
                "已在 {} 中写入 {zones} 个开发区和 {checklists} 份投资需求清单",
                dir.display()
            ),
            (
                Notice::Generated {
                    zones,
                    checklists,
                    dir,
                },
                Lang::En,
            ) => format!(
                "wrote {zones} zones and {checklists} checklists into {}",
                dir.display()
            ),
            (Notice::Skipped(e), Lang::Zh) => format!("已跳过 {}", e.text(lang)),
            (Notice::Skipped(e), Lang::En) => format!("skipped {}", e.text(lang)),
            (Notice::NoRonFiles(dir), Lang::Zh) => {
                format!("{}：文件夹中没有 .ron 文件，没有检查任何文件", dir.display())
            }
            (Notice::NoHistory { id, file }, Lang::Zh) => {
                format!("开发区“{id}”尚无修改记录（{}）", file.display())
            }
            (Notice::NoHistory { id, file }, Lang::En) => {
                format!("no change of the zone `{id}` is recorded ({})", file.display())
            }
            (Notice::NoRonFiles(dir), Lang::En) => {
                format!(
                    "{}: the folder holds no .ron file; nothing was checked",
                    dir.display()
                )
            }
            (Notice::ConfirmLeftOut(n), Lang::Zh) => {
                format!("{n} 项待确认的需求未写入需求表：请在软件中确认数值后补上")
            }
            (Notice::ConfirmLeftOut(n), Lang::En) => {
                format!("{n} items to confirm were left out of the checklist: confirm their figures in the app")
            }
            (Notice::ImportNotApplied, Lang::Zh) => {
                "未写入任何文件：核对以上变更后，加 --apply 写入（冲突和早于现有数据的不会写入）".into()
            }
            (Notice::ImportNotApplied, Lang::En) => {
                "nothing was written: review the changes above, then add --apply to save them (conflicts and older figures are never saved)".into()
            }
            (Notice::Imported { figures, updated, created }, Lang::Zh) => {
                format!("已写入 {figures} 项数据：更新 {updated} 个开发区，新建 {created} 个，均已记入修改记录")
            }
            (Notice::Imported { figures, updated, created }, Lang::En) => format!(
                "saved {figures} figure(s): {updated} zone(s) updated, {created} new, each recorded in its history"
            ),
            (Notice::NotSaved(e), _) => e.text(lang),
        }
    }
}

/// What `check` says of a good file.
pub(super) enum Summary {
    Catalog {
        factors: usize,
    },
    Profile {
        id: String,
        known: usize,
        factors: usize,
    },
    Checklist {
        project: String,
        items: usize,
    },
}

impl Localize for Summary {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Summary::Catalog { factors }, Lang::Zh) => format!("要素目录，{factors} 个要素"),
            (Summary::Catalog { factors }, Lang::En) => format!("catalog, {factors} factors"),
            (Summary::Profile { id, known, factors }, Lang::Zh) => {
                format!("开发区档案“{id}”，已知 {known}/{factors} 个要素")
            }
            (Summary::Profile { id, known, factors }, Lang::En) => {
                format!("zone profile `{id}`, {known} of {factors} factors known")
            }
            (Summary::Checklist { project, items }, Lang::Zh) => {
                format!("投资需求清单“{project}”，{items} 项")
            }
            (Summary::Checklist { project, items }, Lang::En) => {
                format!("checklist `{project}`, {items} items")
            }
        }
    }
}

/// The command line's words outside its messages.
pub(super) struct Texts {
    /// Between the program's name and a message on stderr, `sitematch：…`.
    pub colon: &'static str,
    /// Before a good file in `check`'s list (as wide as `bad`, in English).
    pub ok: &'static str,
    /// Before a bad file in `check`'s list.
    pub bad: &'static str,
}

/// The words in both languages.
pub(super) static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts {
        colon: "：",
        ok: "正常",
        bad: "有误",
    },
    en: Texts {
        colon: ": ",
        ok: "ok ",
        bad: "bad",
    },
};

/// A usage error in Chinese: clap's own words are English, so the common kinds are told here,
/// with the usage line.
pub(super) fn usage_error_zh(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{}", get(ContextKind::InvalidArg)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = get(ContextKind::ValidValue);
            let choices = if valid.is_empty() {
                String::new()
            } else {
                format!("（可选：{valid}）")
            };
            format!(
                "参数 {} 的值“{}”无效{choices}",
                get(ContextKind::InvalidArg),
                get(ContextKind::InvalidValue)
            )
        }
        ErrorKind::UnknownArgument => format!("无法识别的参数“{}”", get(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => format!("无法识别的命令“{}”", get(ContextKind::InvalidSubcommand)),
        ErrorKind::ArgumentConflict => format!("参数 {} 不能同时使用", get(ContextKind::InvalidArg)),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("参数 {} 的值的个数不对", get(ContextKind::InvalidArg))
        }
        _ => "命令行参数有误".to_owned(),
    };
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => {
            format!("\n\n用法：{}", s.to_string().trim_start_matches("Usage:").trim())
        }
        _ => String::new(),
    };
    format!("错误：{what}{usage}\n\n运行 sitematch --help 查看帮助（英文）。\n")
}

/// Says why a command failed, on stderr, and gives its exit code.
pub(super) fn fail(lang: Lang, failure: &Failure) -> ExitCode {
    eprintln!(
        "sitematch{}{}",
        TEXTS.get(lang).colon,
        printable(&failure.text(lang))
    );
    ExitCode::from(failure.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::generate::MAX_GEN_ZONES;
    use crate::io::FileProblem;
    use crate::model::Catalog;

    #[test]
    fn every_message_of_the_command_line_reads_in_chinese_and_in_english() {
        use crate::model::error::testing::assert_renders;
        let c = Catalog::builtin().expect("catalog");
        let parse = Catalog::parse("Catalog(").expect_err("broken");
        let failures = [
            Failure::File(FileError::new(Path::new("x.ron"), FileProblem::Empty)),
            Failure::Render(report::pdf::RenderError::Data("key must be a string".into())),
            Failure::BuiltinCatalog(Box::new(parse)),
            Failure::BundledZone {
                id: "houma".into(),
                error: Box::new(crate::model::parse_profile("Zone(", "houma", &c).expect_err("broken")),
            },
            Failure::DataDir(io::data_dir::DataDirError::NoHome),
            Failure::DataDir(io::data_dir::DataDirError::Create {
                path: PathBuf::from("SiteMatch"),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            }),
            Failure::Export("disk full".into()),
            Failure::Output(std::io::Error::from(std::io::ErrorKind::BrokenPipe)),
            Failure::NoSuchOwner {
                owner: "供电公司".into(),
                named: "国网侯马供电公司、侯马市供水公司".into(),
            },
            Failure::NoZone {
                flag: "--zone",
                id: "nowhere".into(),
                dir: PathBuf::from("profiles"),
            },
            Failure::BadTarget(Decimal::from(120)),
            Failure::BadDate(crate::model::value::ValueError::NotADate {
                given: "30/06/2026".into(),
            }),
            Failure::Template {
                path: PathBuf::from("my.typ"),
                error: report::pdf::RenderError::Template(Vec::new()),
            },
            Failure::TemplateTimedOut {
                path: PathBuf::from("my.typ"),
                secs: 120,
            },
            Failure::TemplateCrashed {
                path: PathBuf::from("my.typ"),
                detail: "signal: 6 (SIGABRT)".into(),
            },
            Failure::TooMany {
                flag: "--zones",
                given: 1 << 40,
                limit: MAX_GEN_ZONES,
            },
            Failure::NoChecklists(PathBuf::from("pending")),
            Failure::XlsxNeedsOut,
            Failure::OutExists(PathBuf::from("list.ron")),
            Failure::OutIsInput(PathBuf::from("list.ron")),
            Failure::OutNotAFile(PathBuf::from("/dev/null")),
            Failure::Window("no display".into()),
            Failure::NoDesktop,
            Failure::BothIsForTheReport,
            Failure::BadZoneId("../etc".into()),
            Failure::NoFactor(Box::new(crate::model::Problem::UnknownFactor {
                given: "power.capacty".into(),
                suggestion: c.find_factor("power.capacity").map(|f| c.factor(f).named()),
            })),
            Failure::Import {
                path: PathBuf::from("全省.xlsx"),
                error: crate::import::ImportError::NoTable,
            },
            Failure::BadAsOf(crate::model::value::ValueError::NotADate {
                given: "2023年".into(),
            }),
            Failure::Message {
                path: PathBuf::from("来信.docx"),
                error: crate::inquiry::MessageError::Text(crate::inquiry::InquiryError::NotText),
            },
        ];
        for f in &failures {
            let name = match f {
                Failure::File(_) => "File",
                Failure::Render(_) => "Render",
                Failure::BuiltinCatalog(_) => "BuiltinCatalog",
                Failure::BundledZone { .. } => "BundledZone",
                Failure::DataDir(_) => "DataDir",
                Failure::Export(_) => "Export",
                Failure::Output(_) => "Output",
                Failure::NoZone { .. } => "NoZone",
                Failure::NoSuchOwner { .. } => "NoSuchOwner",
                Failure::BadTarget(_) => "BadTarget",
                Failure::BadDate(_) => "BadDate",
                Failure::Template { .. } => "Template",
                Failure::TemplateTimedOut { .. } => "TemplateTimedOut",
                Failure::TemplateCrashed { .. } => "TemplateCrashed",
                Failure::TooMany { .. } => "TooMany",
                Failure::NoChecklists(_) => "NoChecklists",
                Failure::XlsxNeedsOut => "XlsxNeedsOut",
                Failure::OutExists(_) => "OutExists",
                Failure::OutIsInput(_) => "OutIsInput",
                Failure::OutNotAFile(_) => "OutNotAFile",
                Failure::Window(_) => "Window",
                Failure::NoDesktop => "NoDesktop",
                Failure::BothIsForTheReport => "BothIsForTheReport",
                Failure::BadZoneId(_) => "BadZoneId",
                Failure::NoFactor(_) => "NoFactor",
                Failure::Import { .. } => "Import",
                Failure::BadAsOf(_) => "BadAsOf",
                Failure::Message { .. } => "Message",
            };
            assert_renders(name, f, &c);
        }
        let skipped = FileError::new(Path::new("z.ron"), FileProblem::Binary);
        let not_saved = io::SaveError::Changed(PathBuf::from("houma.ron"));
        let (a, b) = (Path::new("r.csv"), Path::new("r-items.csv"));
        let notices = [
            Notice::Wrote(a),
            Notice::WroteSheet { path: a, rows: 12 },
            Notice::WroteWithItems(a, b),
            Notice::WroteReport {
                path: a,
                pages: 6,
                kb: 240,
            },
            Notice::WroteChecklist { path: a, items: 15 },
            Notice::Generated {
                zones: 25,
                checklists: 2,
                dir: a,
            },
            Notice::Skipped(&skipped),
            Notice::NoRonFiles(a),
            Notice::NoHistory { id: "houma", file: a },
            Notice::ImportNotApplied,
            Notice::ConfirmLeftOut(2),
            Notice::Imported {
                figures: 40,
                updated: 3,
                created: 2,
            },
            Notice::NotSaved(&not_saved),
        ];
        for n in &notices {
            let name = match n {
                Notice::Wrote(_) => "Wrote",
                Notice::WroteSheet { .. } => "WroteSheet",
                Notice::WroteWithItems(..) => "WroteWithItems",
                Notice::WroteReport { .. } => "WroteReport",
                Notice::WroteChecklist { .. } => "WroteChecklist",
                Notice::Generated { .. } => "Generated",
                Notice::Skipped(_) => "Skipped",
                Notice::NoRonFiles(_) => "NoRonFiles",
                Notice::NoHistory { .. } => "NoHistory",
                Notice::ImportNotApplied => "ImportNotApplied",
                Notice::ConfirmLeftOut(_) => "ConfirmLeftOut",
                Notice::Imported { .. } => "Imported",
                Notice::NotSaved(_) => "NotSaved",
            };
            assert_renders(name, n, &c);
        }
        for s in [
            Summary::Catalog { factors: 31 },
            Summary::Profile {
                id: "houma".into(),
                known: 20,
                factors: 31,
            },
            Summary::Checklist {
                project: "x".into(),
                items: 15,
            },
        ] {
            let name = match s {
                Summary::Catalog { .. } => "Catalog",
                Summary::Profile { .. } => "Profile",
                Summary::Checklist { .. } => "Checklist",
            };
            assert_renders(name, &s, &c);
        }
    }
}
