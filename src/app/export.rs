//! What the app makes from the ranking: the report model with the report view's options, the
//! page preview, the PDF and the Word document, printing, the Excel ranking and the survey
//! workbook. Each asks where to write (starting beside the checklist) and says in the window
//! what was written or why not.
//!
//! Nothing slow runs on the UI thread: the report is laid out, written as PDF and drawn for the
//! preview by a [`ReportJob`] on a worker thread (the report view shows its stage), printing
//! waits for `lp` on another, and the names the window shows are checked against the fonts'
//! coverage on a third, so a character no font has is told in a notice instead of drawn as a
//! box. Tests (no background threads) run each at once.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use egui::Context;

use super::SiteMatchApp;
use super::dialogs::FileKind;
use super::documents::suggested_file_name;
use super::jobs::{self, Job, Runner};
use super::texts::TEXTS;
use crate::io;
use crate::model::{Lang, Localize};
use crate::report::glyphs::{FontSet, MissingGlyph};
use crate::report::model::Field;
use crate::report::pdf::{self, PageImage, RenderError};
use crate::report::{RankingReport, ReportModel, ReportOptions, WorkbookError};
use crate::scoring::Scorer;
use crate::ui::report_view::ReportStage;

/// What a report job's result is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportUse {
    /// The preview pages in the report view.
    Preview,
    /// A PDF file to write (asked for when the job is done).
    ExportPdf,
    /// Sent to the printer.
    Print,
}

/// What a finished job made.
struct Rendered {
    pdf: pdf::Pdf,
    pages: Vec<PageImage>,
    ms: u128,
}

/// The report being laid out, written and drawn on a worker thread.
#[derive(Debug)]
pub struct ReportJob {
    purpose: ReportUse,
    stage: Arc<AtomicU8>,
    job: Job<Result<Rendered, RenderError>>,
}

impl std::fmt::Debug for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rendered").field("ms", &self.ms).finish()
    }
}

/// Lays the report out (reading the system's fonts first when the bundled ones lack a
/// character), writes the PDF and, for the preview, draws the pages; `stage` follows along.
fn run(model: &ReportModel, purpose: ReportUse, stage: &AtomicU8) -> Result<Rendered, RenderError> {
    let started = std::time::Instant::now();
    stage.store(ReportStage::Layout as u8, Ordering::Relaxed);
    let system;
    let fonts = if pdf::needs_more_fonts(model) {
        system = FontSet::with_extra(io::fonts::system_cjk_fonts());
        &system
    } else {
        FontSet::bundled()
    };
    let document = pdf::layout_with(model, None, fonts)?;
    stage.store(ReportStage::Pdf as u8, Ordering::Relaxed);
    let pdf = pdf::to_pdf(&document, model)?;
    let pages = if purpose == ReportUse::Preview {
        stage.store(ReportStage::Pages as u8, Ordering::Relaxed);
        pdf::page_images(&document, 1.5)
    } else {
        Vec::new()
    };
    Ok(Rendered {
        pdf,
        pages,
        ms: started.elapsed().as_millis(),
    })
}

impl ReportJob {
    fn start(model: ReportModel, purpose: ReportUse, runner: &Runner) -> Self {
        let stage = Arc::new(AtomicU8::new(ReportStage::Layout as u8));
        let s = stage.clone();
        let job = runner.start("lay out the report", move || run(&model, purpose, &s));
        ReportJob { purpose, stage, job }
    }

    /// The stage the worker is at.
    pub fn stage(&self) -> ReportStage {
        ReportStage::from_u8(self.stage.load(Ordering::Relaxed))
    }
}

/// What printing gives back: how the PDF went out, and its file.
type Printed = Result<(io::print::PrintVia, PathBuf), io::print::PrintError>;

/// The report's worker jobs: the report being made, the print job waiting on `lp`, and the
/// check of the names the window shows against the fonts.
#[derive(Debug, Default)]
pub struct ReportJobs {
    report: Option<ReportJob>,
    /// A report use asked for while another job ran; started when it ends.
    queued: Option<ReportUse>,
    print: Option<Job<Printed>>,
    glyphs: Option<Job<Vec<MissingGlyph>>>,
    /// The names shown must be checked against the fonts (a folder or checklist was loaded).
    glyphs_due: bool,
}

impl ReportJobs {
    /// The names shown changed: check them against the fonts once nothing is loading.
    pub fn glyphs_due(&mut self) {
        self.glyphs_due = true;
    }
}

impl SiteMatchApp {
    /// The report of the working checklist, with the options of the report view.
    pub fn report_model(&self) -> ReportModel {
        let docs = &self.docs;
        let checklist = &docs.doc().checklist;
        let scorer = Scorer::new(docs.catalog(), checklist, docs.today());
        let rv = self.views.report();
        let options = ReportOptions {
            lang: rv.lang,
            top: rv.top,
            picked: if rv.use_picked {
                self.views.results().compare.clone()
            } else {
                Vec::new()
            },
            prepared_by: self.settings.prepared_by.clone(),
            date: docs.today(),
            ranking_rows: rv.ranking_rows,
            brief: rv.brief,
        };
        ReportModel::build(
            &scorer,
            checklist,
            &docs.results().ranking,
            &docs.ws().zones,
            &options,
        )
    }

    /// Starts making the report for `purpose` on a worker (or queues it behind the one that
    /// runs).
    fn start_report(&mut self, ctx: &Context, purpose: ReportUse) {
        if self.docs.results().requirements.is_empty() {
            if purpose != ReportUse::Preview {
                self.notify(TEXTS.get(self.lang()).nothing_to_report.to_owned(), true);
            }
            return;
        }
        if self.report.report.is_some() {
            // A print or export outranks a queued preview.
            if self.report.queued.is_none_or(|q| q == ReportUse::Preview) {
                self.report.queued = Some(purpose);
            }
            return;
        }
        if purpose == ReportUse::Preview {
            self.views.report_mut().stale = false;
        }
        let job = ReportJob::start(self.report_model(), purpose, self.env.runner());
        self.views.report_mut().working = Some(job.stage());
        self.report.report = Some(job);
        self.poll_report_jobs(ctx);
    }

    pub(super) fn refresh_preview(&mut self, ctx: &Context) {
        self.start_report(ctx, ReportUse::Preview);
    }

    pub(super) fn export_pdf(&mut self, ctx: &Context) {
        self.start_report(ctx, ReportUse::ExportPdf);
    }

    pub(super) fn print_report(&mut self, ctx: &Context) {
        self.start_report(ctx, ReportUse::Print);
    }

    /// Takes in what the workers finished, and starts the fonts' check when it is due and
    /// nothing is loading: called every frame.
    pub(super) fn poll_report_jobs(&mut self, ctx: &Context) {
        if self.report.glyphs_due && self.loads.folder.is_none() {
            self.report.glyphs_due = false;
            self.check_glyphs();
        }
        if let Some(job) = &mut self.report.report {
            let purpose = job.purpose;
            self.views.report_mut().working = Some(job.stage());
            if let Some(result) = job.job.try_finish() {
                self.report.report = None;
                self.views.report_mut().working = None;
                match result {
                    Ok(Ok(done)) => self.report_done(ctx, purpose, done),
                    Ok(Err(e)) => self.notify_error(&e),
                    Err(stopped) => self.notify_error(&stopped),
                }
                if let Some(next) = self.report.queued.take() {
                    self.start_report(ctx, next);
                }
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        match jobs::finished(&mut self.report.print) {
            Some(Ok(printed)) => self.print_done(printed),
            Some(Err(stopped)) => self.notify_error(&stopped),
            None => {}
        }
        match jobs::finished(&mut self.report.glyphs) {
            Some(Ok(missing)) if !missing.is_empty() => {
                let text = glyph_notice(&missing, self.lang());
                self.notify(text, true);
            }
            Some(Err(stopped)) => self.notify_error(&stopped),
            _ => {}
        }
    }

    fn report_done(&mut self, ctx: &Context, purpose: ReportUse, done: Rendered) {
        match purpose {
            ReportUse::Preview => {
                let report = self.views.report_mut();
                report.pages = done
                    .pages
                    .into_iter()
                    .enumerate()
                    .map(|(i, page)| {
                        let size = [page.width as usize, page.height as usize];
                        let image = egui::ColorImage::from_rgba_premultiplied(size, &page.rgba);
                        ctx.load_texture(format!("report page {i}"), image, egui::TextureOptions::LINEAR)
                    })
                    .collect();
                report.last_render = Some((done.ms, done.pdf.bytes.len()));
            }
            ReportUse::ExportPdf => {
                let name = self.report_file_name("pdf");
                self.export_file(FileKind::Pdf, &name, &done.pdf.bytes);
            }
            ReportUse::Print => {
                let name = self.report_file_name("pdf");
                let bytes = done.pdf.bytes;
                let job = self
                    .env
                    .runner()
                    .start("print the report", move || io::print::print_pdf(&bytes, &name));
                self.report.print = Some(job);
                if !self.env.runner().in_background() {
                    self.poll_report_jobs(ctx);
                }
            }
        }
    }

    fn print_done(&mut self, result: Printed) {
        let t = TEXTS.get(self.lang());
        match result {
            Ok((io::print::PrintVia::Lp, _)) => self.notify(t.sent_to_printer.to_owned(), false),
            Ok((io::print::PrintVia::Viewer, path)) => {
                self.notify((t.opened_in_viewer)(&path.display()), false)
            }
            Err(e) => self.notify((t.print_failed)(&e.text(self.lang())), true),
        }
    }

    /// Checks the names and texts the window shows from data (zones' names, regions, contacts
    /// and sources; the checklist's investor and project) against the fonts, on a worker; a
    /// character no font has becomes a notice naming it and where it is.
    fn check_glyphs(&mut self) {
        let checklist = &self.docs.doc().checklist;
        let mut texts: Vec<(Field, String)> = vec![
            (Field::Investor, checklist.investor.clone()),
            (Field::Project, checklist.project.clone()),
        ];
        let bundled = FontSet::bundled();
        let lacking = |s: &str| s.chars().any(|c| !bundled.covers(c));
        for z in &self.docs.ws().zones {
            let p: &crate::model::ZoneProfile = z.as_ref();
            for (field, text) in [
                (Field::ZoneName(p.id.clone()), &p.name.zh),
                (Field::ZoneName(p.id.clone()), &p.name.en),
                (Field::Region(p.id.clone()), &p.region.zh),
                (Field::Region(p.id.clone()), &p.region.en),
                (Field::Contact(p.id.clone()), &p.contact),
                (Field::Contact(p.id.clone()), &p.contact_en),
            ] {
                if lacking(text) {
                    texts.push((field, text.clone()));
                }
            }
            for (_, e) in p.entries() {
                if lacking(&e.source) {
                    texts.push((Field::Source(p.id.clone()), e.source.clone()));
                }
            }
        }
        texts.retain(|(_, t)| lacking(t));
        if texts.is_empty() {
            return;
        }
        let check = move || {
            let fonts = FontSet::with_extra(io::fonts::system_cjk_fonts());
            fonts.missing(texts.iter().map(|(f, t)| (f.clone(), t.as_str())))
        };
        self.report.glyphs = Some(self.env.runner().start("check the fonts", check));
    }

    fn report_file_name(&self, ext: &str) -> String {
        let name = suggested_file_name(&self.docs.doc().checklist.project);
        let stem = name.trim_end_matches(".ron");
        let tag = TEXTS.get(self.lang()).report_file_tag;
        format!("{stem}-{tag}.{ext}")
    }

    /// Writes the report as a Word document (fast: no layout).
    pub(super) fn export_docx(&mut self) {
        if self.docs.results().requirements.is_empty() {
            self.notify(TEXTS.get(self.lang()).nothing_to_report.to_owned(), true);
            return;
        }
        match crate::report::docx::render(&self.report_model()) {
            Ok(bytes) => {
                let name = self.report_file_name("docx");
                self.export_file(FileKind::Docx, &name, &bytes);
            }
            Err(e) => self.notify_error(&e),
        }
    }

    /// Asks where to write an exported file (starting beside the checklist) and writes it,
    /// saying in the window that it was written or why not.
    fn export_file(&mut self, kind: FileKind, name: &str, bytes: &[u8]) {
        let lang = self.lang();
        let start = self.checklist_folder();
        let Some(path) = self.env.dialogs().save_file(kind, start.as_deref(), name, lang) else {
            return;
        };
        match io::export(&path, bytes) {
            Ok(()) => self.notify((TEXTS.get(lang).exported)(&path.display()), false),
            Err(e) => self.notify((TEXTS.get(lang).export_failed)(&e.text(lang)), true),
        }
    }

    pub(super) fn export_survey(&mut self) {
        let lang = self.lang();
        let checklist = &self.docs.doc().checklist;
        let bytes = match crate::survey::write(self.docs.catalog(), Some(checklist)) {
            Ok(b) => b,
            Err(e) => return self.notify_error(&WorkbookError::from(e)),
        };
        let name = format!(
            "{}{}.xlsx",
            TEXTS.get(lang).survey_file_prefix,
            suggested_file_name(&checklist.project).trim_end_matches(".ron")
        );
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }

    /// Writes the update workbook (填报表) of the figures `filter` picks, named after its
    /// owner when it has one.
    pub(super) fn export_update_sheet(&mut self, filter: &crate::report::inventory_sheet::Filter) {
        use crate::report::health::{OwnerFilter, owner_text};
        use crate::report::inventory_sheet;
        let lang = self.lang();
        let docs = &self.docs;
        let rows = inventory_sheet::rows(docs.catalog(), &docs.ws().zones, filter, docs.today(), lang);
        if rows.is_empty() {
            return self.notify(TEXTS.get(lang).update_sheet_empty.to_owned(), false);
        }
        let bytes = match inventory_sheet::write::workbook(&rows, lang) {
            Ok(b) => b,
            Err(e) => return self.notify_error(&WorkbookError::from(e)),
        };
        let base = TEXTS.get(lang).update_sheet_file;
        let owner = match &filter.owner {
            Some(OwnerFilter::Named(owner)) => Some(owner.as_str()),
            Some(OwnerFilter::Nobody) => Some(owner_text(None, lang)),
            None => None,
        };
        let name = match owner {
            Some(owner) => format!(
                "{base}-{}.xlsx",
                suggested_file_name(owner).trim_end_matches(".ron")
            ),
            None => format!("{base}.xlsx"),
        };
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }

    pub(super) fn export_xlsx(&mut self) {
        let lang = self.lang();
        let docs = &self.docs;
        let checklist = &docs.doc().checklist;
        let scorer = Scorer::new(docs.catalog(), checklist, docs.today());
        let ranking = &docs.results().ranking;
        let report = RankingReport::build(&scorer, checklist, ranking, &docs.ws().zones, lang, docs.today());
        let bytes = match crate::report::xlsx::render(&report) {
            Ok(b) => b,
            Err(e) => return self.notify_error(&WorkbookError::from(e)),
        };
        let name = self.report_file_name("xlsx");
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }
}

/// The notice for characters no font has: the window would draw them as boxes.
fn glyph_notice(missing: &[MissingGlyph], lang: Lang) -> String {
    let list = missing
        .iter()
        .map(|m| m.text(lang))
        .collect::<Vec<_>>()
        .join(TEXTS.get(lang).glyph_separator);
    (TEXTS.get(lang).no_glyph)(&list)
}
