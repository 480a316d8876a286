//! The headless commands: thin over the library. Argument parsing, reading the clock, and
//! printing; everything else is a library call.
//!
//! Exit status: 0 success, 1 invalid input (the message is on stderr), 2 usage error.
//! With no command the binary opens the desktop app.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::io;
use crate::model::parse::{FileKind, sniff};
use crate::model::{Catalog, Lang};
use crate::report::{self, RankingReport};
use crate::scoring::Scorer;

/// SiteMatch: match an investor's factor checklist against development-zone inventories.
#[derive(Debug, Parser)]
#[command(name = "sitematch", version, about, long_about = None)]
pub struct Cli {
    /// Use this factor catalog instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
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
    /// The folder of zone profiles [default: the bundled `profiles/`].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of names and texts.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
    /// After the table, explain every item of every zone (table format).
    #[arg(long)]
    pub details: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// An error that ends a command with exit status 1; its text goes to stderr.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

/// Parses the arguments and runs a command. With no command, opens the desktop app.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match &cli.command {
        Some(Command::Score(args)) => load_catalog(cli.catalog.as_deref()).and_then(|c| score(&c, args)),
        Some(Command::Check { paths }) => load_catalog(cli.catalog.as_deref()).and_then(|c| check(&c, paths)),
        Some(Command::App { checklist, profiles }) => {
            load_catalog(cli.catalog.as_deref()).and_then(|c| app(c, checklist.clone(), profiles.clone()))
        }
        None => load_catalog(cli.catalog.as_deref()).and_then(|c| app(c, None, None)),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure(message)) => {
            eprintln!("sitematch: {message}");
            ExitCode::from(1)
        }
    }
}

fn app(catalog: Catalog, checklist: Option<PathBuf>, profiles: Option<PathBuf>) -> Result<bool, Failure> {
    crate::app::run_native(catalog, crate::app::StartWith { checklist, profiles })
        .map_err(|e| Failure(format!("could not open the window: {e}")))?;
    Ok(true)
}

fn load_catalog(path: Option<&Path>) -> Result<Catalog, Failure> {
    match path {
        Some(p) => Ok(io::load_catalog(p)?),
        None => Catalog::builtin().map_err(|e| Failure(format!("the built-in catalog: {e}"))),
    }
}

/// The date today, for flagging values older than a year.
fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// `score`: prints the ranking. Returns false when some profile could not be loaded (the
/// ranking of the others is still printed).
fn score(catalog: &Catalog, args: &ScoreArgs) -> Result<bool, Failure> {
    let checklist = io::load_checklist(&args.checklist, catalog)?;
    let dir = args.profiles.clone().unwrap_or_else(io::default_profiles_dir);
    let loaded = io::load_profiles(&dir, catalog)?;
    for e in &loaded.errors {
        eprintln!("sitematch: skipped {e}");
    }
    let scorer = Scorer::new(catalog, &checklist);
    let ranking = scorer.rank(&loaded.profiles);
    let report = RankingReport::build(
        &scorer,
        &checklist,
        &ranking,
        &loaded.profiles,
        args.lang.into(),
        today(),
    );
    let mut stdout = std::io::stdout().lock();
    match args.format {
        Format::Table => stdout.write_all(report::table::render(&report, args.details).as_bytes())?,
        Format::Json => writeln!(stdout, "{}", report::json::render(&report))?,
        Format::Csv => stdout.write_all(&report::csv::render(&report)?)?,
    }
    stdout.flush()?;
    Ok(loaded.errors.is_empty())
}

/// `check`: validates every file named, or every `*.ron` in a folder named. Returns false
/// when any is invalid.
fn check(catalog: &Catalog, paths: &[PathBuf]) -> Result<bool, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(io::ron_files(path)?);
        } else {
            files.push(path.clone());
        }
    }
    let mut all_good = true;
    for file in &files {
        match check_file(catalog, file) {
            Ok(summary) => println!("ok  {}: {summary}", file.display()),
            Err(e) => {
                all_good = false;
                eprintln!("bad {e}");
            }
        }
    }
    Ok(all_good)
}

fn check_file(catalog: &Catalog, path: &Path) -> Result<String, io::FileError> {
    let text = io::read_text(path)?;
    match sniff(&text) {
        Some(FileKind::Catalog) => {
            let c = io::load_catalog(path)?;
            Ok(format!("catalog, {} factors", c.len()))
        }
        Some(FileKind::Profile) => {
            let p = io::load_profile(path, catalog)?;
            Ok(format!(
                "zone profile `{}`, {} of {} factors known",
                p.id,
                p.known_count(),
                catalog.len()
            ))
        }
        Some(FileKind::Checklist) => {
            let c = io::load_checklist(path, catalog)?;
            Ok(format!("checklist `{}`, {} items", c.project, c.items().count()))
        }
        None => Err(io::FileError {
            path: path.to_owned(),
            position: Some((1, 1)),
            message: "is not a SiteMatch file: it should start with ZoneProfile(, Checklist( or Catalog("
                .into(),
        }),
    }
}
