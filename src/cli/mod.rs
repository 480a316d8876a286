//! The headless commands: thin over the library. Argument parsing, reading the clock and the
//! system's language, and printing; everything else is a library call.
//!
//! Everything printed speaks the language of `--lang` (by default Chinese where the system's
//! locale is Chinese, English elsewhere): errors and notices on stderr, tables on stdout.
//! Exit status: 0 success, 1 invalid input (the message is on stderr), 2 usage error.
//! With no command the binary opens the desktop app (in a build with the desktop).
//!
//! This file: the entry ([`run`]), the context every command gets, dispatch, the checks on
//! `--out` and the loaders the commands share; one file per command beside it, the messages in
//! `messages`, the arguments in `args`.

mod app;
mod args;
mod check;
mod draft;
mod generate;
mod inventory_export;
mod inventory_history;
mod inventory_import;
mod inventory_status;
mod logging;
mod messages;
mod pipeline;
mod plan;
mod report;
mod score;
mod survey;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use crate::io;
use crate::model::text::printable;
use crate::model::{Catalog, Lang, Localize};

pub use args::{
    Cli, Command, Format, HistoryFormat, InventoryCommand, InventoryExportArgs, InventoryHistoryArgs,
    InventoryStatusArgs, LangArg, PipelineArgs, PipelineFormat, PlanArgs, PlanFormat, ReportArgs,
    ReportFormat, ScoreArgs, StatusFormat, lang_for_locale, system_lang,
};

use app::app;
use args::lang_in_args;
use check::check;
use draft::draft;
use generate::generate;
use inventory_export::inventory_export;
use inventory_history::inventory_history;
use inventory_import::inventory_import;
use inventory_status::inventory_status;
use messages::{Failure, Notice, fail, usage_error_zh};
use pipeline::pipeline;
use plan::plan;
use report::{bounded_report, report_pdf};
use score::score;
use survey::{import, survey};

/// What every command gets: the catalog and the language to speak.
struct Ctx {
    catalog: Catalog,
    lang: LangArg,
    /// The day rankings are made on (`--date`, else today on the system's calendar).
    today: jiff::civil::Date,
    /// The file the log goes to besides standard error (the window's), if any; only the
    /// window shows it.
    #[cfg_attr(not(feature = "gui"), allow(dead_code))]
    log_file: Option<PathBuf>,
}

impl Ctx {
    /// The language of messages.
    fn lang(&self) -> Lang {
        self.lang.messages()
    }

    /// Tells the user something on stderr, `sitematch: …`.
    /// The zones of `--profiles` (or of the data folder), with the folder they were read from;
    /// each file that could not be loaded is noted, and the others are used.
    fn zones(&self, given: Option<&Path>) -> Result<(PathBuf, io::LoadedProfiles), Failure> {
        let dir = profiles_dir(given)?;
        let loaded = load_zones(&dir, &self.catalog)?;
        for e in &loaded.errors {
            self.note(&Notice::Skipped(e));
        }
        Ok((dir, loaded))
    }

    fn note(&self, notice: &Notice) {
        eprintln!(
            "sitematch{}{}",
            messages::TEXTS.get(self.lang()).colon,
            printable(&notice.text(self.lang()))
        );
    }
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
    let log_file = logging::init(matches!(cli.command, None | Some(Command::App { .. })));
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
        load_catalog(cli.catalog.as_deref()).and_then(|catalog| {
            let ctx = Ctx {
                catalog,
                lang,
                today,
                log_file,
            };
            run_command(&ctx, &cli.command)
        })
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(failure) => fail(lang.messages(), &failure),
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
        Some(Command::Draft(args)) => args
            .out
            .as_deref()
            .map(|out| (out, vec![args.text.as_path()], None)),
        Some(Command::Pipeline(args)) => args
            .out
            .as_deref()
            .map(|out| (out, Vec::new(), zones(&args.profiles))),
        Some(Command::Inventory {
            command: InventoryCommand::Export(args),
        }) => Some((args.out.as_path(), Vec::new(), zones(&args.profiles))),
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
        Some(Command::Inventory { command }) => match command {
            InventoryCommand::Status(args) => inventory_status(ctx, args),
            InventoryCommand::History(args) => inventory_history(ctx, args),
            InventoryCommand::Export(args) => inventory_export(ctx, args),
            InventoryCommand::Import(args) => inventory_import(ctx, args),
        },
        Some(Command::Draft(args)) => draft(ctx, args),
        Some(Command::Check { paths }) => check(ctx, paths),
        Some(Command::App { checklist, profiles }) => app(ctx, checklist.clone(), profiles.clone()),
        None => app(ctx, None, None),
    }
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
