//! The command line as clap reads it: the global flags, the commands and their arguments, the
//! output formats and `--lang`, and the language to speak when `--lang` is not given. Only
//! declarations and the reading of the language; no command runs here.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::messages::Failure;
use crate::model::Lang;
use crate::report::{self, ReportLang};

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
    /// The zones' data: where it stands, and the history of a zone's figures.
    Inventory {
        #[command(subcommand)]
        command: InventoryCommand,
    },
    /// Draft a checklist from an investor's message as it arrived (a WeChat message, an
    /// e-mail or a Word file): the header (investor, project, industry, investment, planned
    /// intensity and tax per mu, planned start) and an item per requirement stated, each with
    /// the words it came from; items SiteMatch cannot draft without the officer (kVA, an amount
    /// with no time base, money in another currency) are marked to confirm; then every phrase
    /// not understood, with the reason. `--date` sets the day relative dates (明年, within 6
    /// months) are read against.
    Draft(DraftArgs),
    /// Validate profiles, checklists or a catalog and print every error.
    Check {
        /// Files or folders (every `*.ron` in a folder is checked).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The message: a UTF-8 text file or a Word document (.docx), told apart by what it
    /// holds; `-` reads standard input.
    #[arg(long, value_name = "FILE|-")]
    pub text: PathBuf,
    /// Also write the drafted checklist (the items not to confirm, each noting the words it
    /// came from); never over an existing file.
    #[arg(long, value_name = "CHECKLIST.ron")]
    pub out: Option<PathBuf>,
    /// `table` (for people) or `json` (the contract for scripts: `header`, `items`, `unread`).
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
}

/// What `inventory` does.
#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// The data health of a folder of zones (数据体检): per zone, the share of the catalog's
    /// factors it knows and its stale, due, illustrative and unknown figures; per owner
    /// (责任单位), the figures it must update, most overdue first. `--date` sets the day the
    /// figures' age is counted to.
    Status(InventoryStatusArgs),
    /// The history of a zone's figures (修改记录): every saved change of a value, planned
    /// amount, source, as-of date, owner or illustrative mark, with when, who, how, and old →
    /// new, oldest first. A deleted zone's history is kept and shown too.
    History(InventoryHistoryArgs),
    /// The update workbook (填报表): one row per zone and factor with the figure as the
    /// profile holds it (value, planned amount and date, source, as-of date, owner, illustrative
    /// mark, freshness) and empty input columns a department fills (new value, planned amount
    /// and date, source, as-of date, owner). `--lang` sets its language, `--date` the day its
    /// freshness is counted to.
    Export(InventoryExportArgs),
    /// Reads a province's own table (one row per zone, one column per factor, Chinese headers
    /// with units) or a filled update workbook, and prints the changes it proposes: per zone,
    /// each figure old → new with its source and date, judged a change, a conflict (changed
    /// in the folder since the workbook was exported) or older than the figure held; new
    /// zones; and every header and cell left unread, as `Sheet!C7: reason`. Writes nothing
    /// without `--apply`.
    Import(InventoryImportArgs),
}

#[derive(Debug, Args)]
pub struct InventoryImportArgs {
    /// The workbook to read (`.xlsx`).
    #[arg(long, value_name = "FILE.xlsx")]
    pub workbook: PathBuf,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// The day a province's table was true, for a table with no date column (required then:
    /// an end-2023 table is not current today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Save the changes (not the conflicts, nor figures older than those held), each recorded
    /// in the zone's history as an import.
    #[arg(long)]
    pub apply: bool,
    /// Who the history records the import by (a name and office).
    #[arg(long, value_name = "NAME", requires = "apply")]
    pub by: Option<String>,
    /// Output format. JSON: `file`; `sheets` (name, layout `wide` or `long`, header_row from
    /// 1, rows); `zones` (zone, name, new, `figures`: factor, factor_name, cell, status
    /// `change`, `conflict` or `older`, old and new each with value, planned, source, as_of,
    /// owner as the profile file writes them, `now` for a conflict, `held` for an older one,
    /// reading); `unchanged`; `unread` (cell as `Sheet!C7`, reason); `applied` (null, or
    /// figures, updated, created, failed).
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
}

#[derive(Debug, Args)]
pub struct InventoryExportArgs {
    /// The workbook to write.
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: PathBuf,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Only these zones, by profile id, comma-separated.
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub zones: Option<Vec<String>>,
    /// Only the figures of this owner in force (its name exactly; `未指定责任单位` or `no owner
    /// named` for the figures nobody is named for).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only the figures due or stale on the day.
    #[arg(long)]
    pub stale: bool,
}

#[derive(Debug, Args)]
pub struct InventoryStatusArgs {
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Only the figures of this owner (its name exactly; `未指定责任单位` or `no owner named`
    /// for the figures nobody is named for).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Output format. JSON: `date`; `zones` (id, name, known, factors, completeness in
    /// percent to one decimal, stale, due, illustrative, unknown); `owners` (owner, null for
    /// none named; stale; due; `figures`: zone, zone_name, factor, factor_name, value, as_of,
    /// freshness `due` or `stale`, days_over, days_left); `owners_named`; `owner_filter`
    /// (null, or owner and found: `figures`, `all_current` or `no_such_owner`).
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct InventoryHistoryArgs {
    /// The zone: its profile id, the file stem (`houma` for `houma.ron`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The folder of zone profiles [default: `profiles` in SiteMatch's data folder]; the
    /// histories are in its `history` folder.
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Only the changes of this figure: a factor id (`power.capacity`), or the key of a
    /// default owner (`power`, `utilities`).
    #[arg(long, value_name = "F")]
    pub factor: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Table,
    Json,
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
    pub(super) fn table(self) -> Result<Lang, Failure> {
        match self {
            LangArg::Zh => Ok(Lang::Zh),
            LangArg::En => Ok(Lang::En),
            LangArg::Both => Err(Failure::BothIsForTheReport),
        }
    }

    pub(super) fn report(self) -> ReportLang {
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

/// The `--lang` given anywhere on the command line, read before parsing so that even a usage
/// error speaks it.
pub(super) fn lang_in_args(args: &[OsString]) -> Option<LangArg> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })?;
    LangArg::from_str(&value, true).ok()
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
