//! What the app makes from the ranking: the report model with the report view's options, the
//! page preview, the PDF, printing, the Excel ranking and the survey workbook. Each asks where
//! to write (starting beside the checklist) and says in the window what was written or why not.

use egui::Context;

use super::SiteMatchApp;
use super::dialogs::FileKind;
use super::documents::suggested_file_name;
use super::texts::texts;
use crate::io;
use crate::model::Localize;
use crate::report::pdf;
use crate::report::{RankingReport, ReportModel, ReportOptions};
use crate::scoring::Scorer;

impl SiteMatchApp {
    /// The report of the working checklist, with the options of the report view.
    pub fn report_model(&self) -> ReportModel {
        let scorer = Scorer::new(&self.ws.catalog, &self.doc.checklist);
        let ranking = &self.results.ranking;
        let rv = &self.report_view;
        let options = ReportOptions {
            lang: rv.lang,
            top: rv.top,
            picked: if rv.use_picked {
                self.results_view.compare.clone()
            } else {
                Vec::new()
            },
            prepared_by: self.settings.prepared_by.clone(),
            date: self.today,
        };
        ReportModel::build(&scorer, &self.doc.checklist, ranking, &self.ws.zones, &options)
    }

    pub(super) fn refresh_preview(&mut self, ctx: &Context) {
        self.report_view.stale = false;
        let started = std::time::Instant::now();
        let model = self.report_model();
        let rendered = pdf::layout(&model, None)
            .and_then(|doc| Ok((pdf::to_pdf(&doc, &model)?, pdf::page_images(&doc, 1.5))));
        match rendered {
            Ok((pdf, pages)) => {
                let ms = started.elapsed().as_millis();
                self.report_view.pages = pages
                    .into_iter()
                    .enumerate()
                    .map(|(i, page)| {
                        let size = [page.width as usize, page.height as usize];
                        let image = egui::ColorImage::from_rgba_premultiplied(size, &page.rgba);
                        ctx.load_texture(format!("report page {i}"), image, egui::TextureOptions::LINEAR)
                    })
                    .collect();
                self.report_view.last_render = Some((ms, pdf.bytes.len()));
            }
            Err(e) => self.notify_error(&e),
        }
    }

    fn report_file_name(&self, ext: &str) -> String {
        let name = suggested_file_name(&self.doc.checklist.project);
        let stem = name.trim_end_matches(".ron");
        let tag = texts(self.lang()).report_file_tag;
        format!("{stem}-{tag}.{ext}")
    }

    fn render_pdf_or_notify(&mut self) -> Option<Vec<u8>> {
        if self.results.requirements.is_empty() {
            self.notify(texts(self.lang()).nothing_to_report.to_owned(), true);
            return None;
        }
        match pdf::render(&self.report_model(), None) {
            Ok(p) => Some(p.bytes),
            Err(e) => {
                self.notify_error(&e);
                None
            }
        }
    }

    pub(super) fn export_pdf(&mut self) {
        let Some(bytes) = self.render_pdf_or_notify() else {
            return;
        };
        let name = self.report_file_name("pdf");
        self.export_file(FileKind::Pdf, &name, &bytes);
    }

    /// Asks where to write an exported file (starting beside the checklist) and writes it,
    /// saying in the window that it was written or why not.
    fn export_file(&mut self, kind: FileKind, name: &str, bytes: &[u8]) {
        let lang = self.lang();
        let start = self.checklist_folder();
        let Some(path) = self.dialogs.save_file(kind, start.as_deref(), name, lang) else {
            return;
        };
        match io::export(&path, bytes) {
            Ok(()) => self.notify((texts(lang).exported)(&path.display()), false),
            Err(e) => self.notify((texts(lang).export_failed)(&e.text(lang)), true),
        }
    }

    pub(super) fn print_report(&mut self) {
        let Some(bytes) = self.render_pdf_or_notify() else {
            return;
        };
        let t = texts(self.lang());
        match io::print::print_pdf(&bytes, &self.report_file_name("pdf")) {
            Ok((io::print::PrintVia::Lp, _)) => self.notify(t.sent_to_printer.to_owned(), false),
            Ok((io::print::PrintVia::Viewer, path)) => {
                self.notify((t.opened_in_viewer)(&path.display()), false)
            }
            Err(e) => self.notify((t.print_failed)(&e.text(self.lang())), true),
        }
    }

    pub(super) fn export_survey(&mut self) {
        let lang = self.lang();
        let bytes = match crate::survey::write(&self.ws.catalog, Some(&self.doc.checklist)) {
            Ok(b) => b,
            Err(e) => return self.notify((texts(self.lang()).workbook_failed)(&e.to_string()), true),
        };
        let name = format!(
            "{}{}.xlsx",
            texts(lang).survey_file_prefix,
            suggested_file_name(&self.doc.checklist.project).trim_end_matches(".ron")
        );
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }

    pub(super) fn export_xlsx(&mut self) {
        let lang = self.lang();
        let scorer = Scorer::new(&self.ws.catalog, &self.doc.checklist);
        let report = RankingReport::build(
            &scorer,
            &self.doc.checklist,
            &self.results.ranking,
            &self.ws.zones,
            lang,
            self.today,
        );
        let bytes = match crate::report::xlsx::render(&report) {
            Ok(b) => b,
            Err(e) => return self.notify((texts(self.lang()).workbook_failed)(&e.to_string()), true),
        };
        let name = self.report_file_name("xlsx");
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }
}
