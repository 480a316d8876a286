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
use rust_decimal::Decimal;

use crate::io;
use crate::model::parse::{FileKind, sniff};
use crate::model::{Catalog, Lang};
use crate::report::{self, RankingReport, ReportLang, ReportModel, ReportOptions, ZoneRow};
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
    /// The folder of zone profiles [default: the bundled `profiles/`].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// The score to reach once qualified (with --checklist).
    #[arg(long, default_value = "90", value_name = "SCORE")]
    pub target: rust_decimal::Decimal,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
    /// Language of names and texts.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
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
    /// The folder of zone profiles [default: the bundled `profiles/`].
    #[arg(long, value_name = "DIR")]
    pub profiles: Option<PathBuf>,
    /// The PDF to write.
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = ReportLangArg::Zh)]
    pub lang: ReportLangArg,
    /// How many top-ranked zones get a detailed section.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top: usize,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportLangArg {
    Zh,
    En,
    Both,
}

impl From<ReportLangArg> for ReportLang {
    fn from(l: ReportLangArg) -> ReportLang {
        match l {
            ReportLangArg::Zh => ReportLang::Zh,
            ReportLangArg::En => ReportLang::En,
            ReportLangArg::Both => ReportLang::Both,
        }
    }
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
        Some(Command::Report(args)) => {
            load_catalog(cli.catalog.as_deref()).and_then(|c| report_pdf(&c, args))
        }
        Some(Command::Gen {
            zones,
            out,
            seed,
            checklists,
        }) => {
            load_catalog(cli.catalog.as_deref()).and_then(|c| generate(&c, *zones, out, *seed, *checklists))
        }
        Some(Command::Survey { out, checklist }) => {
            load_catalog(cli.catalog.as_deref()).and_then(|c| survey(&c, out, checklist.as_deref()))
        }
        Some(Command::Import { survey, out }) => {
            load_catalog(cli.catalog.as_deref()).and_then(|c| import(&c, survey, out))
        }
        Some(Command::Plan(args)) => load_catalog(cli.catalog.as_deref()).and_then(|c| plan(&c, args)),
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
///
/// JSON, CSV and Excel are written a chunk of zones at a time (each chunk's texts built on
/// every core), so a nation-scale folder never sits in memory as text.
fn score(catalog: &Catalog, args: &ScoreArgs) -> Result<bool, Failure> {
    if args.format == Format::Xlsx && args.out.is_none() {
        return Err(Failure(
            "--format xlsx writes a file: give it with --out FILE.xlsx".into(),
        ));
    }
    let checklist = io::load_checklist(&args.checklist, catalog)?;
    let dir = args.profiles.clone().unwrap_or_else(io::default_profiles_dir);
    let loaded = io::load_profiles(&dir, catalog)?;
    for e in &loaded.errors {
        eprintln!("sitematch: skipped {e}");
    }
    let scorer = Scorer::new(catalog, &checklist);
    let ranking = scorer.rank(&loaded.zones);
    let (lang, today) = (args.lang.into(), today());
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
            let report = RankingReport::build(&scorer, &checklist, &ranking, &loaded.zones, lang, today);
            let mut sink = Sink::open(out.as_deref())?;
            sink.write_all(report::table::render(&report, args.details).as_bytes())?;
            sink.close()?;
        }
        (Format::Json, out) => {
            let mut json = report::json::JsonWriter::start(Sink::open(out.as_deref())?, &header)?;
            chunks(&mut |rows| Ok(json.zones(rows)?))?;
            json.finish()?.close()?;
        }
        (Format::Csv, None) => {
            let mut sink = Sink::open(None)?;
            sink.write_all(report::csv::BOM)?;
            let mut w = csv::Writer::from_writer(sink);
            report::csv::write_header(&mut w, lang)?;
            chunks(&mut |rows| Ok(report::csv::write_zones(&mut w, rows)?))?;
            w.into_inner()
                .map_err(|e| Failure(e.error().to_string()))?
                .close()?;
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
                |w: csv::Writer<io::AtomicFile>| w.into_inner().map_err(|e| Failure(e.error().to_string()));
            inner(zones)?.commit()?;
            inner(all)?.commit()?;
            eprintln!("sitematch: wrote {} and {}", path.display(), items.display());
        }
        (Format::Xlsx, Some(path)) => {
            let mut book = report::xlsx::XlsxWriter::new(lang)?;
            chunks(&mut |rows| Ok(book.zones(rows)?))?;
            let mut file = io::AtomicFile::create(path)?;
            book.finish_to(&mut file)?;
            file.commit()?;
            eprintln!("sitematch: wrote {}", path.display());
        }
        (Format::Xlsx, None) => {}
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
    fn close(self) -> Result<(), Failure> {
        match self {
            Sink::File(file, path) => {
                file.commit()?;
                eprintln!("sitematch: wrote {}", path.display());
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
fn report_pdf(catalog: &Catalog, args: &ReportArgs) -> Result<bool, Failure> {
    let checklist = io::load_checklist(&args.checklist, catalog)?;
    let dir = args.profiles.clone().unwrap_or_else(io::default_profiles_dir);
    let loaded = io::load_profiles(&dir, catalog)?;
    for e in &loaded.errors {
        eprintln!("sitematch: skipped {e}");
    }
    let mut picked = Vec::new();
    for id in &args.zones {
        match loaded.zones.iter().position(|z| z.profile.id == *id) {
            Some(i) => picked.push(crate::model::ZoneIdx::new(i)),
            None => return Err(Failure(format!("--zones: no zone `{id}` in {}", dir.display()))),
        }
    }
    let template = match &args.template {
        Some(path) => Some(io::read_text(path)?),
        None => None,
    };
    let scorer = Scorer::new(catalog, &checklist);
    let ranking = scorer.rank(&loaded.zones);
    let options = ReportOptions {
        lang: args.lang.into(),
        top: args.top,
        picked,
        prepared_by: args.prepared_by.clone(),
        date: today(),
    };
    let model = ReportModel::build(&scorer, &checklist, &ranking, &loaded.zones, &options);
    let pdf = report::pdf::render(&model, template.as_deref())?;
    io::export(&args.out, &pdf.bytes)?;
    eprintln!(
        "sitematch: wrote {} ({} pages, {} KB)",
        args.out.display(),
        pdf.pages,
        pdf.bytes.len().div_ceil(1024)
    );
    Ok(loaded.errors.is_empty())
}

/// `plan`: what it would take for one zone to win one checklist, or reserve planning across a
/// folder of pending projects.
fn plan(catalog: &Catalog, args: &PlanArgs) -> Result<bool, Failure> {
    use crate::report::plan as text;
    let dir = args.profiles.clone().unwrap_or_else(io::default_profiles_dir);
    let loaded = io::load_profiles(&dir, catalog)?;
    for e in &loaded.errors {
        eprintln!("sitematch: skipped {e}");
    }
    let zone = loaded
        .zones
        .iter()
        .map(|z| &z.profile)
        .find(|p| p.id == args.zone)
        .ok_or_else(|| Failure(format!("--zone: no zone `{}` in {}", args.zone, dir.display())))?;
    let lang = args.lang.into();
    let mut all_read = loaded.errors.is_empty();
    let out = if let Some(path) = &args.checklist {
        if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&args.target) {
            return Err(Failure(format!(
                "--target {} is not a score from 0 to 100",
                args.target
            )));
        }
        let checklist = io::load_checklist(path, catalog)?;
        let scorer = Scorer::new(catalog, &checklist);
        let result = scorer.score_zone(crate::model::ZoneIdx::default(), zone);
        let plan = crate::plan::what_it_takes(&scorer, zone, &result, args.target);
        match args.format {
            PlanFormat::Table => text::plan_table(catalog, zone, &checklist, &plan, lang),
            PlanFormat::Json => format!("{:#}\n", text::plan_json(catalog, zone, &checklist, &plan, lang)),
        }
    } else {
        let folder = args.checklists.as_deref().unwrap_or(Path::new("."));
        let (lists, errors) = io::load_checklists(folder, catalog)?;
        for e in &errors {
            eprintln!("sitematch: skipped {e}");
        }
        all_read &= errors.is_empty();
        if lists.is_empty() {
            return Err(Failure(format!(
                "no checklist could be read in {}",
                folder.display()
            )));
        }
        let lists: Vec<_> = lists.into_iter().map(|(_, c)| c).collect();
        let pipeline = crate::plan::pipeline::pipeline(catalog, zone, &lists);
        match args.format {
            PlanFormat::Table => text::pipeline_table(catalog, zone, &pipeline, lang),
            PlanFormat::Json => format!("{:#}\n", text::pipeline_json(catalog, zone, &pipeline, lang)),
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(all_read)
}

/// `survey`: writes the survey workbook, blank or pre-filled from a checklist.
fn survey(catalog: &Catalog, out: &Path, checklist: Option<&Path>) -> Result<bool, Failure> {
    let list = checklist.map(|p| io::load_checklist(p, catalog)).transpose()?;
    let bytes = crate::survey::write(catalog, list.as_ref())?;
    io::export(out, &bytes)?;
    eprintln!("sitematch: wrote {}", out.display());
    Ok(true)
}

/// `import`: reads a filled survey into a new checklist file.
fn import(catalog: &Catalog, survey: &Path, out: &Path) -> Result<bool, Failure> {
    if out.exists() {
        return Err(Failure(format!(
            "{} exists; give --out a new file name (import never writes over a file)",
            out.display()
        )));
    }
    let list = io::import_survey(survey, catalog)?;
    let text = crate::model::write_checklist(&list, catalog)?;
    io::export(out, text.as_bytes())?;
    eprintln!(
        "sitematch: wrote {} ({} items)",
        out.display(),
        list.items().count()
    );
    Ok(true)
}

/// `gen`: writes synthetic zones (and checklists) drawn around the bundled samples.
fn generate(catalog: &Catalog, n: usize, out: &Path, seed: u64, checklists: usize) -> Result<bool, Failure> {
    let samples = io::load_profiles(&io::default_profiles_dir(), catalog)?.into_profiles();
    let zones = crate::synth::zones(catalog, &samples, n, seed);
    io::write_generated(out, &zones, catalog)?;
    for i in 0..checklists {
        let list = crate::synth::checklist(catalog, &samples, seed.wrapping_add(i as u64 + 1));
        let text = crate::model::write_checklist(&list, catalog)?;
        let path = out.join("checklists").join(format!("checklist-{:03}.ron", i + 1));
        io::export(&path, text.as_bytes())?;
    }
    eprintln!(
        "sitematch: wrote {n} zones and {checklists} checklists into {}",
        out.display()
    );
    Ok(true)
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
    let mut profiles = Vec::new();
    for file in &files {
        match check_file(catalog, file) {
            Ok((summary, kind)) => {
                if kind == FileKind::Profile {
                    profiles.push(file.clone());
                }
                println!("ok  {}: {summary}", file.display());
            }
            Err(e) => {
                all_good = false;
                eprintln!("bad {e}");
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
            eprintln!("bad {e}");
        }
    }
    Ok(all_good)
}

fn check_file(catalog: &Catalog, path: &Path) -> Result<(String, FileKind), io::FileError> {
    let text = io::read_nonempty(path)?;
    match sniff(&text) {
        Some(FileKind::Catalog) => {
            let c = io::load_catalog(path)?;
            Ok((format!("catalog, {} factors", c.len()), FileKind::Catalog))
        }
        Some(FileKind::Profile) => {
            let p = io::load_profile(path, catalog)?;
            let known = p.known_count();
            Ok((
                format!(
                    "zone profile `{}`, {known} of {} factors known",
                    p.id,
                    catalog.len()
                ),
                FileKind::Profile,
            ))
        }
        Some(FileKind::Checklist) => {
            let c = io::load_checklist(path, catalog)?;
            Ok((
                format!("checklist `{}`, {} items", c.project, c.items().count()),
                FileKind::Checklist,
            ))
        }
        None => Err(io::FileError {
            path: path.to_owned(),
            position: Some((1, 1)),
            message: "is not a SiteMatch file: it should start with ZoneProfile(, Checklist( or Catalog("
                .into(),
        }),
    }
}
