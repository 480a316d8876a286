//! `report`: the printed match report, as a PDF or a Word document, and the bounded child
//! process that lays out a user's Typst template. The report's content is built by the
//! library (`report::ReportModel`); nothing here lays anything out.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

use super::Ctx;
use super::args::{ReportArgs, ReportFormat};
use super::messages::{Failure, Notice};
use crate::io;
use crate::report::{self, ReportModel, ReportOptions};
use crate::scoring::Scorer;

/// `report`: writes the PDF match report.
pub(super) fn report_pdf(ctx: &Ctx, args: &ReportArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let checklist = io::load_checklist_to_score(&args.checklist, catalog)?;
    let (dir, loaded) = ctx.zones(args.profiles.as_deref())?;
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

/// `report --template`: runs the report as a bounded child of this program and tells what
/// became of it. A child that ended by itself has written the report or said why not: its
/// messages are passed on. One that was stopped or crashed wrote a Rust panic or allocation
/// failure at best, which is no message for an officer: that goes to the log (debug), and
/// only this program's own message is shown. Returns the exit code.
pub(super) fn bounded_report(
    args: &[OsString],
    day: jiff::civil::Date,
    template: &Path,
) -> Result<u8, Failure> {
    use io::worker::Outcome;
    let crashed = |detail: String| Failure::TemplateCrashed {
        path: template.to_owned(),
        detail,
    };
    let finished = match io::worker::run(args, &day.to_string(), io::worker::time_limit()) {
        Ok(finished) => finished,
        Err(e) => return Err(crashed(e.to_string())),
    };
    if let Outcome::Exited(code) = finished.outcome {
        let mut stderr = std::io::stderr().lock();
        // Nowhere left to tell a failure to write to standard error.
        let _ = stderr.write_all(&finished.stderr).and_then(|()| stderr.flush());
        return Ok(code);
    }
    log::debug!(
        "the bounded child laying out {} wrote to standard error:\n{}",
        template.display(),
        String::from_utf8_lossy(&finished.stderr)
    );
    match finished.outcome {
        Outcome::Exited(code) => Ok(code),
        Outcome::TimedOut(limit) => Err(Failure::TemplateTimedOut {
            path: template.to_owned(),
            secs: limit.as_secs(),
        }),
        Outcome::Crashed(status) => Err(crashed(status.to_string())),
    }
}
