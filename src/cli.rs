//! The headless commands: thin over the library. Argument parsing, reading the clock and the
//! system's language, and printing; everything else is a library call.
//!
//! Everything printed speaks the language of `--lang` (by default Chinese where the system's
//! locale is Chinese, English elsewhere): errors and notices on stderr, tables on stdout.
//! Exit status: 0 success, 1 invalid input (the message is on stderr), 2 usage error.
//! With no command the binary opens the desktop app (in a build with the desktop).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use crate::io::{self, FileError, FileProblem};
use crate::model::parse::{FileKind, sniff};
use crate::model::text::printable;
use crate::model::{Catalog, Lang, Localize, ParseError};
use crate::report::{self, RankingReport, ReportLang, ReportModel, ReportOptions, ZoneRow};
use crate::scoring::Scorer;

/// SiteMatch: match an investor's factor checklist against development-zone inventories.
#[derive(Debug, Parser)]
#[command(name = "sitematch", version, about, long_about = None)]
pub struct Cli {
    /// Use this factor catalog instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// The language of everything printed: messages, tables and the report (`both`: the report
    /// in both side by side, the rest in Chinese) [default: zh where the system's language is
    /// Chinese, else en].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Rank as on this day, `2026-06-30`: a zone's plan dated before it is overdue and scores
    /// as no; the report carries this date [default: today].
    #[arg(long, global = true, value_name = "DATE")]
    pub date: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desktop app (the default), optionally on a given checklist and zones folder.
    App {
        /// Open this checklist instead of the one used last time.
        #[arg(long, value_name = "FILE")]
        checklist: Option<PathBuf>,
        /// Use this folder of zone profiles instead of the one used last time.
        #[arg(long, value_name = "DIR")]
        profiles: Option<PathBuf>,
    },
    /// Score a checklist against every zone profile and print the ranking.
    Score(ScoreArgs),
    /// Write the printable match report (PDF) for a checklist.
    Report(ReportArgs),
    /// Generate synthetic zone profiles (and checklists) around the bundled samples, for
    /// benchmarks and load tests.
    Gen {
        /// How many zones.
        #[arg(long, value_name = "N")]
        zones: usize,
        /// The folder to write `z00001.ron`… into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The same seed gives the same zones.
        #[arg(long, default_value_t = 1, value_name = "S")]
        seed: u64,
        /// Also write this many checklists into `DIR/checklists/`.
        #[arg(long, default_value_t = 0, value_name = "M")]
        checklists: usize,
    },
    /// What it would take for one zone: for one checklist, the changes that qualify it and
    /// lift it to a target score; for a folder of pending projects, the shortfalls that block
    /// the most and the reserves that would qualify how many.
    Plan(PlanArgs),
    /// The project pipeline (项目台账) of a folder of pending projects' checklists: each
    /// project's stage and days in it, officer, zone, score and standing there, start deadline
    /// and next step; the projects by stage; warnings for signed projects past or near their
    /// start deadline.
    Pipeline(PipelineArgs),
    /// Write the investment-factor survey as an Excel workbook an investor can fill in.
    Survey {
        /// The workbook to write.
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        /// Pre-fill it from this checklist.
        #[arg(long, value_name = "FILE")]
        checklist: Option<PathBuf>,
    },
    /// Read a filled survey workbook into a checklist file (never over an existing file).
    Import {
        /// The filled survey.
        #[arg(long, value_name = "FILE.xlsx")]
        survey: PathBuf,
        /// The checklist to write.
        #[arg(long, value_name = "CHECKLIST.ron")]
        out: PathBuf,
    },
    /// Validate profiles, checklists or a catalog and print every error.
    Check {
        /// Files or folders (every `*.ron` in a folder is checked).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The investor's checklist (`*.ron`).
    #[arg(long, value_name = "FILE")]
    pub checklist: PathBuf,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// After the table, explain every item of every zone (table format).
    #[arg(long)]
    pub details: bool,
    /// Write to this file instead of standard output (required for xlsx). With csv, every
    /// item of every zone goes to a second file beside it, `<name>-items.csv`.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["checklist", "checklists"])))]
pub struct PlanArgs {
    /// The zone to plan for (its profile id, the file stem).
    #[arg(long, value_name = "ID")]
    pub zone: String,
    /// One investor's checklist: what it would take to win it.
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,
    /// A folder of pending projects' checklists: reserve planning across them.
    #[arg(long, value_name = "DIR")]
    pub checklists: Option<PathBuf>,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// The score to reach once qualified (with --checklist).
    #[arg(long, default_value = "90", value_name = "SCORE")]
    pub target: rust_decimal::Decimal,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
}

#[derive(Debug, Args)]
pub struct PipelineArgs {
    /// The folder of pending projects' checklists (each may record its `pipeline`).
    #[arg(long, value_name = "DIR")]
    pub checklists: PathBuf,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Output format: a table, JSON, or the ledger workbook (项目台账, needs --out).
    #[arg(long, value_enum, default_value_t = PipelineFormat::Table)]
    pub format: PipelineFormat,
    /// Write to this file instead of standard output (required for xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PipelineFormat {
    Table,
    Json,
    Xlsx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The investor's checklist (`*.ron`).
    #[arg(long, value_name = "FILE")]
    pub checklist: PathBuf,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// The file to write: a PDF, or a Word document (`.docx`, or with `--format docx`).
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// PDF or Word [default: docx for an `--out` ending in .docx, else pdf].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
    /// How many top-ranked zones get a detailed section.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top: usize,
    /// How many zones the ranking table lists; one line counts the rest (the Excel ranking of
    /// `score --format xlsx` lists every zone).
    #[arg(long, default_value_t = report::model::DEFAULT_RANKING_ROWS, value_name = "N")]
    pub ranking_rows: usize,
    /// The one-page brief for the leadership: the top 3 zones, their decisive gaps and what it
    /// would take.
    #[arg(long)]
    pub brief: bool,
    /// Detail these zones (profile ids, comma-separated) instead of the top N.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub zones: Vec<String>,
    /// Who prepares the report (name and office), printed on the cover.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub prepared_by: String,
    /// Lay the report out with this Typst template instead of the bundled one.
    #[arg(long, value_name = "FILE.typ")]
    pub template: Option<PathBuf>,
}

/// The report's file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Pdf,
    Docx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
    /// Chinese and English side by side (the report); Chinese for the rest.
    Both,
}

impl LangArg {
    /// The language messages are printed in: `both` prints them in Chinese, the first
    /// language.
    pub fn messages(self) -> Lang {
        match self {
            LangArg::En => Lang::En,
            LangArg::Zh | LangArg::Both => Lang::Zh,
        }
    }

    /// The language of a table, which has one.
    fn table(self) -> Result<Lang, Failure> {
        match self {
            LangArg::Zh => Ok(Lang::Zh),
            LangArg::En => Ok(Lang::En),
            LangArg::Both => Err(Failure::BothIsForTheReport),
        }
    }

    fn report(self) -> ReportLang {
        match self {
            LangArg::Zh => ReportLang::Zh,
            LangArg::En => ReportLang::En,
            LangArg::Both => ReportLang::Both,
        }
    }
}

/// The language to speak when `--lang` is not given: Chinese where the system's locale is
/// Chinese (`zh_CN.UTF-8`, `zh-Hans-CN`, `zh_TW` …), English elsewhere.
pub fn lang_for_locale(locale: Option<&str>) -> Lang {
    match locale {
        Some(l) if l.trim().to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// The system's language, as [`lang_for_locale`] reads it.
pub fn system_lang() -> Lang {
    lang_for_locale(sys_locale::get_locale().as_deref())
}

/// An error that ends a command, told in the user's language; its text goes to stderr.
#[derive(Debug)]
enum Failure {
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
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::NoDesktop | Failure::BothIsForTheReport | Failure::BadDate(_) => 2,
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
                "按报告模板 {} 排版时内存用尽（上限 {} GB）或异常终止，未写入报告（{detail}）",
                path.display(),
                io::worker::MEMORY_LIMIT >> 30
            ),
            (Failure::TemplateCrashed { path, detail }, Lang::En) => format!(
                "laying out the report template {} ran out of memory (limit {} GB) or crashed; no report was written ({detail})",
                path.display(),
                io::worker::MEMORY_LIMIT >> 30
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
                "此版本不含桌面窗口，只能使用命令行命令（score、report、check、plan、survey、import、gen）".into()
            }
            (Failure::NoDesktop, Lang::En) => {
                "this build has no desktop window; use the commands (score, report, check, plan, survey, import, gen)"
                    .into()
            }
            (Failure::BothIsForTheReport, Lang::Zh) => "--lang both 只用于 report 命令；请选择 zh 或 en".into(),
            (Failure::BothIsForTheReport, Lang::En) => "--lang both is for the report only; choose zh or en".into(),
        }
    }
}

/// What a command tells the user on stderr as it goes.
enum Notice<'a> {
    Wrote(&'a Path),
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
}

impl Localize for Notice<'_> {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::Wrote(p), Lang::Zh) => format!("已写入 {}", p.display()),
            (Notice::Wrote(p), Lang::En) => format!("wrote {}", p.display()),
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
            (Notice::NoRonFiles(dir), Lang::En) => {
                format!(
                    "{}: the folder holds no .ron file; nothing was checked",
                    dir.display()
                )
            }
        }
    }
}

/// What every command gets: the catalog and the language to speak.
struct Ctx {
    catalog: Catalog,
    lang: LangArg,
    /// The day rankings are made on (`--date`, else today on the system's calendar).
    today: jiff::civil::Date,
}

impl Ctx {
    /// The language of messages.
    fn lang(&self) -> Lang {
        self.lang.messages()
    }

    /// Tells the user something on stderr, `sitematch: …`.
    fn note(&self, notice: &Notice) {
        eprintln!(
            "sitematch{}{}",
            self.lang().pick("：", ": "),
            printable(&notice.text(self.lang()))
        );
    }
}

/// The `--lang` given anywhere on the command line, read before parsing so that even a usage
/// error speaks it.
fn lang_in_args(args: &[OsString]) -> Option<LangArg> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })?;
    LangArg::from_str(&value, true).ok()
}

/// A usage error in Chinese: clap's own words are English, so the common kinds are told here,
/// with the usage line.
fn usage_error_zh(e: &clap::Error) -> String {
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

/// Parses the arguments and runs a command. With no command, opens the desktop app.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let lang = lang_in_args(&args).map_or_else(system_lang, LangArg::messages);
            let shows = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
            if lang == Lang::Zh && !shows && e.use_stderr() {
                eprint!("{}", usage_error_zh(&e));
            } else {
                let _ = e.print();
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let lang = cli.lang.unwrap_or(match system_lang() {
        Lang::Zh => LangArg::Zh,
        Lang::En => LangArg::En,
    });
    // The bounded child (see below) ranks on the parent's day.
    let child_day = io::worker::child_day();
    let today = match cli.date.as_deref().or(child_day.as_deref()) {
        Some(text) => crate::model::value::parse_date(text).map_err(Failure::BadDate),
        None => Ok(io::clock::today()),
    };
    if child_day.is_some() {
        io::worker::limit_memory();
    }
    // A user's template is laid out by this program run again as a child with a time and a
    // memory limit: a template that never ends cannot take this process down.
    if let (Some(Command::Report(r)), None) = (&cli.command, &child_day)
        && let Some(template) = &r.template
    {
        let rest = args.get(1..).unwrap_or_default();
        return match today.and_then(|day| bounded_report(rest, day, template)) {
            Ok(code) => ExitCode::from(code),
            Err(failure) => fail(lang.messages(), &failure),
        };
    }
    let result = today.and_then(|today| {
        load_catalog(cli.catalog.as_deref())
            .and_then(|catalog| run_command(&Ctx { catalog, lang, today }, &cli.command))
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(failure) => fail(lang.messages(), &failure),
    }
}

/// Says why a command failed, on stderr, and gives its exit code.
fn fail(lang: Lang, failure: &Failure) -> ExitCode {
    eprintln!(
        "sitematch{}{}",
        lang.pick("：", ": "),
        printable(&failure.text(lang))
    );
    ExitCode::from(failure.exit_code())
}

/// `report --template`: runs the report as a bounded child of this program and tells what
/// became of it; the child writes the report and its own messages. Returns the exit code.
fn bounded_report(args: &[OsString], day: jiff::civil::Date, template: &Path) -> Result<u8, Failure> {
    use io::worker::Outcome;
    let crashed = |detail: String| Failure::TemplateCrashed {
        path: template.to_owned(),
        detail,
    };
    match io::worker::run(args, &day.to_string(), io::worker::time_limit()) {
        Ok(Outcome::Exited(code)) => Ok(code),
        Ok(Outcome::TimedOut(limit)) => Err(Failure::TemplateTimedOut {
            path: template.to_owned(),
            secs: limit.as_secs(),
        }),
        Ok(Outcome::Crashed(status)) => Err(crashed(status.to_string())),
        Err(e) => Err(crashed(e.to_string())),
    }
}

/// Where a command writes, and what it reads: an output may be neither an input (it would be
/// destroyed by the very command that reads it) nor anything but a plain file.
fn out_and_inputs(command: &Option<Command>) -> Option<(&Path, Vec<&Path>, Option<PathBuf>)> {
    // The zones folder the command will read: the one given, else the data folder's (found,
    // not made: without one the command itself fails before writing).
    let zones = |dir: &Option<PathBuf>| {
        dir.clone()
            .or_else(|| io::data_dir::DataDir::locate().ok().map(|d| d.profiles()))
    };
    match command {
        Some(Command::Score(args)) => args
            .out
            .as_deref()
            .map(|out| (out, vec![args.checklist.as_path()], zones(&args.profiles))),
        Some(Command::Report(args)) => {
            let mut inputs = vec![args.checklist.as_path()];
            inputs.extend(args.template.as_deref());
            Some((args.out.as_path(), inputs, zones(&args.profiles)))
        }
        Some(Command::Survey { out, checklist }) => Some((
            out.as_path(),
            checklist.iter().map(PathBuf::as_path).collect(),
            None,
        )),
        Some(Command::Import { survey, out }) => Some((out.as_path(), vec![survey.as_path()], None)),
        Some(Command::Pipeline(args)) => args
            .out
            .as_deref()
            .map(|out| (out, Vec::new(), zones(&args.profiles))),
        _ => None,
    }
}

/// Refuses an output that names an input of the command (the same file by any path, or a
/// profile of the zones folder) or that is not a plain file (a device, a folder, a symbolic
/// link, which writing would replace or follow).
fn check_out(out: &Path, inputs: &[&Path], zones: Option<&Path>) -> Result<(), Failure> {
    let Ok(meta) = std::fs::symlink_metadata(out) else {
        // Nothing there yet: it names no input.
        return Ok(());
    };
    if !meta.is_file() {
        return Err(Failure::OutNotAFile(out.to_owned()));
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let profile_of_folder = out.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        && zones.is_some_and(|dir| same(parent, dir));
    if profile_of_folder || inputs.iter().any(|i| same(out, i)) {
        return Err(Failure::OutIsInput(out.to_owned()));
    }
    Ok(())
}

fn run_command(ctx: &Ctx, command: &Option<Command>) -> Result<bool, Failure> {
    if let Some((out, inputs, zones)) = out_and_inputs(command) {
        check_out(out, &inputs, zones.as_deref())?;
    }
    match command {
        Some(Command::Score(args)) => score(ctx, args),
        Some(Command::Report(args)) => report_pdf(ctx, args),
        Some(Command::Gen {
            zones,
            out,
            seed,
            checklists,
        }) => generate(ctx, *zones, out, *seed, *checklists),
        Some(Command::Survey { out, checklist }) => survey(ctx, out, checklist.as_deref()),
        Some(Command::Import { survey, out }) => import(ctx, survey, out),
        Some(Command::Plan(args)) => plan(ctx, args),
        Some(Command::Pipeline(args)) => pipeline(ctx, args),
        Some(Command::Check { paths }) => check(ctx, paths),
        Some(Command::App { checklist, profiles }) => app(ctx, checklist.clone(), profiles.clone()),
        None => app(ctx, None, None),
    }
}

#[cfg(feature = "gui")]
fn app(ctx: &Ctx, checklist: Option<PathBuf>, profiles: Option<PathBuf>) -> Result<bool, Failure> {
    crate::app::run_native(
        ctx.catalog.clone(),
        crate::app::StartWith {
            checklist,
            profiles,
            today: ctx.today,
            log_file: None,
        },
    )
    .map_err(|e| Failure::Window(e.to_string()))?;
    Ok(true)
}

#[cfg(not(feature = "gui"))]
fn app(_ctx: &Ctx, _checklist: Option<PathBuf>, _profiles: Option<PathBuf>) -> Result<bool, Failure> {
    Err(Failure::NoDesktop)
}

fn load_catalog(path: Option<&Path>) -> Result<Catalog, Failure> {
    match path {
        Some(p) => Ok(io::load_catalog(p)?),
        None => Catalog::builtin().map_err(|e| Failure::BuiltinCatalog(Box::new(e))),
    }
}

/// The folder of zones: the one given with `--profiles`, else `profiles` in the officer's data
/// folder (made and seeded with the samples on first use).
fn profiles_dir(given: Option<&Path>) -> Result<PathBuf, Failure> {
    match given {
        Some(dir) => Ok(dir.to_owned()),
        None => Ok(io::data_dir::open()?.profiles()),
    }
}

/// The zones of a folder, taking those unchanged since the last run from the cache of parsed
/// profiles (`io::cache`; `SITEMATCH_CACHE` names another cache folder, empty turns it off).
fn load_zones(dir: &Path, catalog: &Catalog) -> Result<io::LoadedProfiles, Failure> {
    let cache = io::cache::default_dir();
    Ok(io::load_profiles_cached(
        dir,
        catalog,
        cache.as_deref(),
        &|_, _| {},
    )?)
}

/// The sample zones compiled into SiteMatch, which `gen` draws around.
fn bundled_zones(catalog: &Catalog) -> Result<Vec<crate::model::ZoneProfile>, Failure> {
    crate::assets::sample_profiles()
        .map(|(id, text)| {
            crate::model::parse_profile(text, id, catalog).map_err(|e| Failure::BundledZone {
                id: id.to_owned(),
                error: Box::new(e),
            })
        })
        .collect()
}

/// Writes a command's output to stdout.
fn print_out(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}

/// `score`: prints the ranking. Returns false when some profile could not be loaded (the
/// ranking of the others is still printed).
///
/// JSON, CSV and Excel are written a chunk of zones at a time (each chunk's texts built on
/// every core), so a nation-scale folder never sits in memory as text.
fn score(ctx: &Ctx, args: &ScoreArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    if args.format == Format::Xlsx && args.out.is_none() {
        return Err(Failure::XlsxNeedsOut);
    }
    let checklist = io::load_checklist_to_score(&args.checklist, catalog)?;
    let dir = profiles_dir(args.profiles.as_deref())?;
    let loaded = load_zones(&dir, catalog)?;
    for e in &loaded.errors {
        ctx.note(&Notice::Skipped(e));
    }
    let scorer = Scorer::new(catalog, &checklist, ctx.today);
    let ranking = scorer.rank(&loaded.zones);
    let today = ctx.today;
    let header = RankingReport::header(&scorer, &checklist, lang);
    // Every ranked zone's rows, a chunk at a time in rank order.
    let chunks = |each: &mut dyn FnMut(&[ZoneRow]) -> Result<(), Failure>| -> Result<(), Failure> {
        for start in (0..ranking.zones.len()).step_by(CHUNK) {
            let rows = report::ranking::zone_rows(
                &scorer,
                &ranking,
                &loaded.zones,
                start..start + CHUNK,
                lang,
                today,
            );
            each(&rows)?;
        }
        Ok(())
    };
    match (args.format, &args.out) {
        (Format::Table, out) => {
            let items = if args.details {
                report::ranking::Items::Every
            } else {
                report::ranking::Items::None
            };
            let report =
                RankingReport::build_with(&scorer, &checklist, &ranking, &loaded.zones, items, lang, today);
            let mut sink = Sink::open(out.as_deref())?;
            sink.write_all(printable(&report::table::render(&report, args.details)).as_bytes())?;
            sink.close(ctx)?;
        }
        (Format::Json, out) => {
            let mut json = report::json::JsonWriter::start(Sink::open(out.as_deref())?, &header)?;
            chunks(&mut |rows| Ok(json.zones(rows)?))?;
            json.finish()?.close(ctx)?;
        }
        (Format::Csv, None) => {
            let mut sink = Sink::open(None)?;
            sink.write_all(report::csv::BOM)?;
            let mut w = csv::Writer::from_writer(sink);
            report::csv::write_header(&mut w, lang)?;
            chunks(&mut |rows| Ok(report::csv::write_zones(&mut w, rows)?))?;
            w.into_inner()
                .map_err(|e| Failure::Output(e.into_error()))?
                .close(ctx)?;
        }
        (Format::Csv, Some(path)) => {
            let items = items_path(path);
            let open = |p: &Path| -> Result<csv::Writer<io::AtomicFile>, Failure> {
                let mut file = io::AtomicFile::create(p)?;
                file.write_all(report::csv::BOM)?;
                Ok(csv::Writer::from_writer(file))
            };
            let (mut zones, mut all) = (open(path)?, open(&items)?);
            report::csv::write_header(&mut zones, lang)?;
            report::csv::write_items_header(&mut all, lang)?;
            chunks(&mut |rows| {
                report::csv::write_zones(&mut zones, rows)?;
                Ok(report::csv::write_items(&mut all, rows)?)
            })?;
            let inner =
                |w: csv::Writer<io::AtomicFile>| w.into_inner().map_err(|e| Failure::Output(e.into_error()));
            // Both files or neither: a disk that fills during the items keeps the old pair.
            io::commit_together(vec![inner(zones)?, inner(all)?])?;
            ctx.note(&Notice::WroteWithItems(path, &items));
        }
        (Format::Xlsx, Some(path)) => {
            let mut book =
                report::xlsx::XlsxWriter::new(lang, ranking.zones.len() * scorer.requirements().len())?;
            chunks(&mut |rows| Ok(book.zones(rows)?))?;
            let mut file = io::AtomicFile::create(path)?;
            book.finish_to(&mut file)?;
            file.commit()?;
            ctx.note(&Notice::Wrote(path));
        }
        (Format::Xlsx, None) => return Err(Failure::XlsxNeedsOut),
    }
    Ok(loaded.errors.is_empty())
}

/// How many ranked zones a streamed export turns into text at a time.
const CHUNK: usize = 1024;

/// Where a command's output goes: a file put in place whole when done, or standard output.
enum Sink {
    File(io::AtomicFile, PathBuf),
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
}

impl Sink {
    fn open(path: Option<&Path>) -> Result<Sink, Failure> {
        Ok(match path {
            Some(p) => Sink::File(io::AtomicFile::create(p)?, p.to_owned()),
            None => Sink::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout().lock(),
            )),
        })
    }

    /// Finishes the output: the file put in place (and said so), or standard output flushed.
    fn close(self, ctx: &Ctx) -> Result<(), Failure> {
        match self {
            Sink::File(file, path) => {
                file.commit()?;
                ctx.note(&Notice::Wrote(&path));
            }
            Sink::Stdout(mut out) => out.flush()?,
        }
        Ok(())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::File(f, _) => f.write(buf),
            Sink::Stdout(s) => s.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Sink::File(f, _) => f.write_all(buf),
            Sink::Stdout(s) => s.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::File(f, _) => f.flush(),
            Sink::Stdout(s) => s.flush(),
        }
    }
}

/// `ranking.csv` → `ranking-items.csv`.
fn items_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "ranking".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-items.csv"))
}

/// `report`: writes the PDF match report.
fn report_pdf(ctx: &Ctx, args: &ReportArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let checklist = io::load_checklist_to_score(&args.checklist, catalog)?;
    let dir = profiles_dir(args.profiles.as_deref())?;
    let loaded = load_zones(&dir, catalog)?;
    for e in &loaded.errors {
        ctx.note(&Notice::Skipped(e));
    }
    let mut picked = Vec::new();
    for id in &args.zones {
        match loaded.zones.iter().position(|z| z.profile.id == *id) {
            Some(i) => picked.push(crate::model::ZoneIdx::new(i)),
            None => {
                return Err(Failure::NoZone {
                    flag: "--zones",
                    id: id.clone(),
                    dir,
                });
            }
        }
    }
    let template = match &args.template {
        Some(path) => Some(io::read_text(path)?),
        None => None,
    };
    let scorer = Scorer::new(catalog, &checklist, ctx.today);
    let ranking = scorer.rank(&loaded.zones);
    let options = ReportOptions {
        lang: ctx.lang.report(),
        top: args.top,
        picked,
        prepared_by: args.prepared_by.clone(),
        date: ctx.today,
        ranking_rows: args.ranking_rows,
        brief: args.brief,
    };
    let model = ReportModel::build(&scorer, &checklist, &ranking, &loaded.zones, &options);
    let docx = args.format == Some(ReportFormat::Docx)
        || (args.format.is_none()
            && args
                .out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("docx")));
    if docx {
        let bytes = report::docx::render(&model).map_err(|e| Failure::Export(e.to_string()))?;
        io::export(&args.out, &bytes)?;
        ctx.note(&Notice::Wrote(&args.out));
        return Ok(loaded.errors.is_empty());
    }
    // The system's CJK fonts are read only when the bundled ones lack a character.
    let system;
    let fonts = if report::pdf::needs_more_fonts(&model) {
        system = report::glyphs::FontSet::with_extra(io::fonts::system_cjk_fonts());
        &system
    } else {
        report::glyphs::FontSet::bundled()
    };
    let pdf = report::pdf::render_with(&model, template.as_deref(), fonts).map_err(|error| {
        match (&args.template, error) {
            (Some(path), error @ report::pdf::RenderError::Template(_)) => Failure::Template {
                path: path.clone(),
                error,
            },
            (_, error) => Failure::Render(error),
        }
    })?;
    io::export(&args.out, &pdf.bytes)?;
    ctx.note(&Notice::WroteReport {
        path: &args.out,
        pages: pdf.pages,
        kb: pdf.bytes.len().div_ceil(1024),
    });
    Ok(loaded.errors.is_empty())
}

/// `plan`: what it would take for one zone to win one checklist, or reserve planning across a
/// folder of pending projects.
fn plan(ctx: &Ctx, args: &PlanArgs) -> Result<bool, Failure> {
    use crate::report::plan as text;
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    let dir = profiles_dir(args.profiles.as_deref())?;
    let loaded = load_zones(&dir, catalog)?;
    for e in &loaded.errors {
        ctx.note(&Notice::Skipped(e));
    }
    let Some(zone) = loaded
        .zones
        .iter()
        .map(|z| &z.profile)
        .find(|p| p.id == args.zone)
    else {
        return Err(Failure::NoZone {
            flag: "--zone",
            id: args.zone.clone(),
            dir,
        });
    };
    let mut all_read = loaded.errors.is_empty();
    let out = if let Some(path) = &args.checklist {
        if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&args.target) {
            return Err(Failure::BadTarget(args.target));
        }
        let checklist = io::load_checklist_to_score(path, catalog)?;
        let scorer = Scorer::new(catalog, &checklist, ctx.today);
        let result = scorer.score_zone(crate::model::ZoneIdx::default(), zone);
        let plan = crate::plan::what_it_takes(&scorer, zone, &result, args.target);
        match args.format {
            PlanFormat::Table => {
                printable(&text::plan_table(catalog, zone, &checklist, &plan, lang)).into_owned()
            }
            PlanFormat::Json => format!("{:#}\n", text::plan_json(catalog, zone, &checklist, &plan, lang)),
        }
    } else {
        let folder = args.checklists.as_deref().unwrap_or(Path::new("."));
        let (lists, errors) = io::load_checklists(folder, catalog)?;
        for e in &errors {
            ctx.note(&Notice::Skipped(e));
        }
        all_read &= errors.is_empty();
        if lists.is_empty() {
            return Err(Failure::NoChecklists(folder.to_owned()));
        }
        let lists: Vec<_> = lists.into_iter().map(|(_, c)| c).collect();
        let pipeline = crate::plan::pipeline::pipeline(catalog, zone, &lists, ctx.today);
        match args.format {
            PlanFormat::Table => {
                printable(&text::pipeline_table(catalog, zone, &pipeline, lang)).into_owned()
            }
            PlanFormat::Json => format!("{:#}\n", text::pipeline_json(catalog, zone, &pipeline, lang)),
        }
    };
    print_out(out.as_bytes())?;
    Ok(all_read)
}

/// `pipeline`: the project ledger of a folder of checklists.
fn pipeline(ctx: &Ctx, args: &PipelineArgs) -> Result<bool, Failure> {
    use crate::report::projects::{self, Ledger};
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    if args.format == PipelineFormat::Xlsx && args.out.is_none() {
        return Err(Failure::XlsxNeedsOut);
    }
    let (lists, errors) = io::load_checklists(&args.checklists, catalog)?;
    for e in &errors {
        ctx.note(&Notice::Skipped(e));
    }
    if lists.is_empty() {
        return Err(Failure::NoChecklists(args.checklists.clone()));
    }
    let dir = profiles_dir(args.profiles.as_deref())?;
    let loaded = load_zones(&dir, catalog)?;
    for e in &loaded.errors {
        ctx.note(&Notice::Skipped(e));
    }
    let named: Vec<_> = lists
        .into_iter()
        .map(|(path, list)| {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (file, list)
        })
        .collect();
    let ledger = Ledger::build(
        catalog,
        named.iter().map(|(file, list)| (file.as_str(), list)),
        &loaded.zones,
        ctx.today,
        lang,
    );
    let bytes = match args.format {
        PipelineFormat::Table => printable(&projects::table(&ledger)).into_owned().into_bytes(),
        PipelineFormat::Json => format!("{:#}\n", projects::json(&ledger)).into_bytes(),
        PipelineFormat::Xlsx => projects::workbook(&ledger).map_err(|e| Failure::Export(e.to_string()))?,
    };
    match &args.out {
        Some(path) => {
            io::export(path, &bytes)?;
            ctx.note(&Notice::Wrote(path));
        }
        None => print_out(&bytes)?,
    }
    Ok(errors.is_empty() && loaded.errors.is_empty())
}

/// `survey`: writes the survey workbook, blank or pre-filled from a checklist.
fn survey(ctx: &Ctx, out: &Path, checklist: Option<&Path>) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let list = checklist.map(|p| io::load_checklist(p, catalog)).transpose()?;
    let bytes = crate::survey::write(catalog, list.as_ref())?;
    io::export(out, &bytes)?;
    ctx.note(&Notice::Wrote(out));
    Ok(true)
}

/// A checklist as file text; only a value the writer cannot express fails.
fn checklist_text(catalog: &Catalog, list: &crate::model::Checklist, path: &Path) -> Result<String, Failure> {
    crate::model::write_checklist(list, catalog).map_err(|e| {
        Failure::File(FileError::new(
            path,
            FileProblem::Write {
                what: io::Document::Checklist,
                detail: e.to_string(),
            },
        ))
    })
}

/// `import`: reads a filled survey into a new checklist file.
fn import(ctx: &Ctx, survey: &Path, out: &Path) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    if out.exists() {
        return Err(Failure::OutExists(out.to_owned()));
    }
    let list = io::import_survey(survey, catalog)?;
    let text = checklist_text(catalog, &list, out)?;
    // Created only where no file is, in one step: of two imports racing to one name, the
    // second is refused, not written over the first.
    io::create_new(out, text.as_bytes()).map_err(|e| match e.problem {
        io::FileProblem::Exists => Failure::OutExists(out.to_owned()),
        _ => Failure::File(e),
    })?;
    ctx.note(&Notice::WroteChecklist {
        path: out,
        items: list.items().count(),
    });
    Ok(true)
}

/// `gen`: writes synthetic zones (and checklists) drawn around the bundled samples.
/// The most zones `gen` writes: ten times the largest folder the benchmarks use.
const MAX_GEN_ZONES: usize = 1_000_000;
/// The most checklists `gen` writes.
const MAX_GEN_CHECKLISTS: usize = 10_000;

fn generate(ctx: &Ctx, n: usize, out: &Path, seed: u64, checklists: usize) -> Result<bool, Failure> {
    for (flag, given, limit) in [
        ("--zones", n, MAX_GEN_ZONES),
        ("--checklists", checklists, MAX_GEN_CHECKLISTS),
    ] {
        if given > limit {
            return Err(Failure::TooMany { flag, given, limit });
        }
    }
    let catalog = &ctx.catalog;
    let checklist_path = |i: usize| out.join("checklists").join(format!("checklist-{:03}.ron", i + 1));
    // Generated data never replaces anyone's file: the checklists are looked for before the
    // zones are written, as the zones are.
    if let Some(path) = (0..checklists).map(checklist_path).find(|p| p.exists()) {
        return Err(FileError::new(&path, io::FileProblem::Exists).into());
    }
    let samples = bundled_zones(catalog)?;
    let zones = crate::synth::zones(catalog, &samples, n, seed);
    io::write_generated(out, &zones, catalog)?;
    for i in 0..checklists {
        let list = crate::synth::checklist(catalog, &samples, seed.wrapping_add(i as u64 + 1));
        let path = checklist_path(i);
        let text = checklist_text(catalog, &list, &path)?;
        io::export(&path, text.as_bytes())?;
    }
    ctx.note(&Notice::Generated {
        zones: n,
        checklists,
        dir: out,
    });
    Ok(true)
}

/// What `check` says of a good file.
enum Summary {
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

/// `check`: validates every file named, or every `*.ron` in a folder named. Returns false
/// when any is invalid. Prints `ok  file: summary` for good files and `bad file:line:column:
/// message` for the others (正常 / 有误 in Chinese).
fn check(ctx: &Ctx, paths: &[PathBuf]) -> Result<bool, Failure> {
    let lang = ctx.lang();
    let (ok, bad) = (lang.pick("正常", "ok "), lang.pick("有误", "bad"));
    let mut files = Vec::new();
    let mut all_good = true;
    for path in paths {
        if path.is_dir() {
            let found = io::ron_files(path)?;
            for e in io::folder::passed_over(path) {
                all_good = false;
                eprintln!("{bad} {}", printable(&e.text(lang)));
            }
            if found.is_empty() {
                // Nothing checked is not "all good".
                all_good = false;
                eprintln!("{bad} {}", printable(&Notice::NoRonFiles(path).text(lang)));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut profiles = Vec::new();
    for file in &files {
        match check_file(&ctx.catalog, file) {
            Ok(summary) => {
                if matches!(summary, Summary::Profile { .. }) {
                    profiles.push(file.clone());
                }
                println!(
                    "{ok} {}",
                    printable(&format!("{}: {}", file.display(), summary.text(lang)))
                );
            }
            Err(e) => {
                all_good = false;
                eprintln!("{bad} {}", printable(&e.text(lang)));
            }
        }
    }
    // Profiles in one folder must not clash in id apart from letter case.
    let mut folders: Vec<&Path> = profiles.iter().filter_map(|p| p.parent()).collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        let here = profiles
            .iter()
            .filter(|p| p.parent() == Some(folder))
            .map(PathBuf::as_path);
        for e in io::case_clashes(here) {
            all_good = false;
            eprintln!("{bad} {}", printable(&e.text(lang)));
        }
    }
    Ok(all_good)
}

fn check_file(catalog: &Catalog, path: &Path) -> Result<Summary, FileError> {
    let text = io::read_nonempty(path)?;
    match sniff(&text) {
        Some(FileKind::Catalog) => {
            let c = io::load_catalog(path)?;
            Ok(Summary::Catalog { factors: c.len() })
        }
        Some(FileKind::Profile) => {
            let p = io::load_profile(path, catalog)?;
            Ok(Summary::Profile {
                known: p.known_count(),
                id: p.id,
                factors: catalog.len(),
            })
        }
        Some(FileKind::Checklist) => {
            let c = io::load_checklist_to_score(path, catalog)?;
            Ok(Summary::Checklist {
                items: c.items().count(),
                project: c.project,
            })
        }
        None => Err(FileError::new(path, FileProblem::NotSiteMatchFile)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_language_follows_the_locale() {
        for zh in ["zh_CN.UTF-8", "zh-Hans-CN", "zh_TW", "ZH"] {
            assert_eq!(lang_for_locale(Some(zh)), Lang::Zh, "{zh}");
        }
        for en in ["en_US.UTF-8", "C", "POSIX", "de-DE", ""] {
            assert_eq!(lang_for_locale(Some(en)), Lang::En, "{en}");
        }
        assert_eq!(lang_for_locale(None), Lang::En);
    }

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
            };
            assert_renders(name, f, &c);
        }
        let skipped = FileError::new(Path::new("z.ron"), FileProblem::Binary);
        let (a, b) = (Path::new("r.csv"), Path::new("r-items.csv"));
        let notices = [
            Notice::Wrote(a),
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
        ];
        for n in &notices {
            let name = match n {
                Notice::Wrote(_) => "Wrote",
                Notice::WroteWithItems(..) => "WroteWithItems",
                Notice::WroteReport { .. } => "WroteReport",
                Notice::WroteChecklist { .. } => "WroteChecklist",
                Notice::Generated { .. } => "Generated",
                Notice::Skipped(_) => "Skipped",
                Notice::NoRonFiles(_) => "NoRonFiles",
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

    #[test]
    fn the_language_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(&args(&["sitematch", "score", "--lang", "zh"])),
            Some(LangArg::Zh)
        );
        assert_eq!(
            lang_in_args(&args(&["sitematch", "--lang=en", "check"])),
            Some(LangArg::En)
        );
        assert_eq!(lang_in_args(&args(&["sitematch", "--lang"])), None);
        assert_eq!(lang_in_args(&args(&["sitematch", "check", "x"])), None);
    }
}
