//! `score`: the ranking of every zone for one checklist, as a table, JSON, CSV or an Excel
//! workbook, streamed a chunk of zones at a time to standard output or a file put in place
//! whole. Scoring and rendering are library calls; nothing here decides a score.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Ctx;
use super::args::{Format, ScoreArgs};
use super::messages::{Failure, Notice};
use crate::io;
use crate::model::text::printable;
use crate::report::{self, RankingReport, ZoneRow};
use crate::scoring::Scorer;

/// `score`: prints the ranking. Returns false when some profile could not be loaded (the
/// ranking of the others is still printed).
///
/// JSON, CSV and Excel are written a chunk of zones at a time (each chunk's texts built on
/// every core), so a nation-scale folder never sits in memory as text.
pub(super) fn score(ctx: &Ctx, args: &ScoreArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    if args.format == Format::Xlsx && args.out.is_none() {
        return Err(Failure::XlsxNeedsOut);
    }
    let checklist = io::load_checklist_to_score(&args.checklist, catalog)?;
    let (_, loaded) = ctx.zones(args.profiles.as_deref())?;
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
            report::csv::write_header(&mut w, lang, catalog.category_list())?;
            chunks(&mut |rows| Ok(report::csv::write_zones(&mut w, rows, catalog.category_list())?))?;
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
            report::csv::write_header(&mut zones, lang, catalog.category_list())?;
            report::csv::write_items_header(&mut all, lang)?;
            chunks(&mut |rows| {
                report::csv::write_zones(&mut zones, rows, catalog.category_list())?;
                Ok(report::csv::write_items(&mut all, rows)?)
            })?;
            let inner =
                |w: csv::Writer<io::AtomicFile>| w.into_inner().map_err(|e| Failure::Output(e.into_error()));
            // Both files or neither: a disk that fills during the items keeps the old pair.
            io::commit_together(vec![inner(zones)?, inner(all)?])?;
            ctx.note(&Notice::WroteWithItems(path, &items));
        }
        (Format::Xlsx, Some(path)) => {
            let mut book = report::xlsx::XlsxWriter::new(
                lang,
                ranking.zones.len() * scorer.requirements().len(),
                catalog.category_list(),
            )?;
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
