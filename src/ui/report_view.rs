//! 报告 — the printed match report: language, which zones to detail, how many the ranking
//! lists, the one-page brief, who prepares it; a preview of its pages (made on a worker, its
//! stage shown while it runs; typing in "prepared by" waits for a pause before it lays out
//! again); export to PDF or Word and print.

mod texts;

use egui::{RichText, TextureHandle, Ui};

use self::texts::TEXTS;
use super::texts::common;
use super::theme;
use crate::model::Lang;
use crate::report::ReportLang;
use crate::state::Command;

/// How long typing in "prepared by" must pause before the preview is laid out again, seconds.
pub const TYPING_PAUSE: f64 = 0.6;

/// What the worker making the report is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ReportStage {
    Layout = 0,
    Pdf = 1,
    Pages = 2,
}

impl ReportStage {
    pub fn from_u8(v: u8) -> Self {
        match v {
            0 => ReportStage::Layout,
            1 => ReportStage::Pdf,
            _ => ReportStage::Pages,
        }
    }

    /// How far along, 0–1, for the progress bar.
    pub fn fraction(self) -> f32 {
        match self {
            ReportStage::Layout => 0.1,
            ReportStage::Pdf => 0.6,
            ReportStage::Pages => 0.8,
        }
    }
}

/// The report view's own state: options and the preview pages.
pub struct ReportState {
    pub lang: ReportLang,
    /// How many top zones to detail.
    pub top: usize,
    /// How many zones the ranking table lists.
    pub ranking_rows: usize,
    /// The one-page brief for the leadership instead of the full report.
    pub brief: bool,
    /// The worker's stage while the report is being made.
    pub working: Option<ReportStage>,
    /// When "prepared by" was last typed in (egui's clock, seconds): the preview waits for a
    /// pause of [`TYPING_PAUSE`].
    pub typed_at: Option<f64>,
    /// Detail the zones ticked for comparison in the results view instead of the top N.
    pub use_picked: bool,
    /// The preview pages, and whether they no longer match the options or data.
    pub pages: Vec<TextureHandle>,
    pub stale: bool,
    /// How long the last layout took, in milliseconds, and the PDF size.
    pub last_render: Option<(u128, usize)>,
}

impl Default for ReportState {
    /// Chinese, the top 5 zones detailed, no preview yet.
    fn default() -> Self {
        ReportState {
            lang: ReportLang::default(),
            top: 5,
            ranking_rows: crate::report::model::DEFAULT_RANKING_ROWS,
            brief: false,
            working: None,
            typed_at: None,
            use_picked: false,
            pages: Vec::new(),
            stale: true,
            last_render: None,
        }
    }
}

/// What the report view reads.
pub struct ReportData {
    pub lang: Lang,
    pub zones: usize,
    pub picked: usize,
    pub scored: usize,
}

/// Draws the report view; `prepared_by` is the officer's name, kept in the settings.
pub fn report_view_ui(
    ui: &mut Ui,
    state: &mut ReportState,
    prepared_by: &mut String,
    data: &ReportData,
) -> Vec<Command> {
    let (t, c) = (TEXTS.get(data.lang), common(data.lang));
    let mut commands = Vec::new();
    let mut changed = false;
    egui::Panel::left("report options")
        .resizable(false)
        .default_size(300.0)
        .show(ui, |ui| {
            ui.heading(t.heading);
            ui.add_space(theme::SECTION_GAP);
            ui.label(RichText::new(t.language).strong());
            for (l, text) in [
                (ReportLang::Zh, c.chinese),
                (ReportLang::En, c.english),
                (ReportLang::Both, t.both_languages),
            ] {
                changed |= ui.radio_value(&mut state.lang, l, text).changed();
            }
            ui.add_space(theme::SECTION_GAP);
            ui.label(RichText::new(t.zones_detailed).strong());
            ui.horizontal(|ui| {
                let l = ui.label(t.top);
                changed |= ui
                    .add_enabled(
                        !state.use_picked,
                        egui::DragValue::new(&mut state.top).range(1..=data.zones.max(1)),
                    )
                    .labelled_by(l.id)
                    .changed();
                ui.label((t.top_unit)(state.top));
            });
            let picked = (t.ticked_zones)(data.picked);
            changed |= ui
                .add_enabled(
                    data.picked > 0,
                    egui::Checkbox::new(&mut state.use_picked, picked),
                )
                .changed();
            ui.add_space(theme::SECTION_GAP);
            ui.horizontal(|ui| {
                let l = ui.label(t.ranking_rows);
                changed |= ui
                    .add_enabled(
                        !state.brief,
                        egui::DragValue::new(&mut state.ranking_rows).range(1..=data.zones.max(1)),
                    )
                    .labelled_by(l.id)
                    .changed();
                ui.label((t.top_unit)(state.ranking_rows));
            });
            changed |= ui
                .checkbox(&mut state.brief, t.brief)
                .on_hover_text(t.brief_hint)
                .changed();
            ui.add_space(theme::SECTION_GAP);
            let l = ui.label(RichText::new(t.prepared_by).strong());
            if ui
                .add(egui::TextEdit::singleline(prepared_by).desired_width(260.0))
                .labelled_by(l.id)
                .changed()
            {
                state.stale = true;
                state.typed_at = Some(ui.input(|i| i.time));
            }
            ui.add_space(theme::SECTION_GAP * 2.0);
            let ready = data.scored > 0;
            if ui.add_enabled(ready, egui::Button::new(t.refresh)).clicked() {
                commands.push(Command::RefreshPreview);
            }
            if ui.add_enabled(ready, egui::Button::new(t.export_pdf)).clicked() {
                commands.push(Command::ExportPdf);
            }
            if ui.add_enabled(ready, egui::Button::new(t.export_docx)).clicked() {
                commands.push(Command::ExportDocx);
            }
            let print =
                egui::Button::new(t.print).shortcut_text(ui.ctx().format_shortcut(&super::top_bar::PRINT));
            if ui.add_enabled(ready, print).clicked() {
                commands.push(Command::PrintReport);
            }
            if !ready {
                ui.label(RichText::new(t.nothing_scored).weak());
            }
            if let Some(stage) = state.working {
                ui.add_space(theme::SECTION_GAP);
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label((t.stage)(stage));
                });
                ui.add(egui::ProgressBar::new(stage.fraction()).desired_width(260.0));
            }
            if let Some((ms, bytes)) = state.last_render {
                ui.add_space(theme::SECTION_GAP);
                let rendered = (t.rendered)(state.pages.len(), ms, bytes.div_ceil(1024));
                ui.label(RichText::new(rendered).weak());
            }
        });
    if changed {
        state.stale = true;
        state.typed_at = None;
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if state.stale && data.scored > 0 && state.working.is_none() {
            let now = ui.input(|i| i.time);
            match state.typed_at {
                Some(at) if now - at < TYPING_PAUSE => {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs_f64(TYPING_PAUSE - (now - at)));
                }
                _ => {
                    state.typed_at = None;
                    commands.push(Command::RefreshPreview);
                }
            }
        }
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            let width = (ui.available_width() - 24.0).clamp(200.0, 720.0);
            for (i, page) in state.pages.iter().enumerate() {
                let size = page.size_vec2();
                let scale = width / size.x;
                ui.vertical_centered(|ui| {
                    let edge = egui::Stroke::new(1.0, egui::Color32::from_gray(150));
                    egui::Frame::new().stroke(edge).show(ui, |ui| {
                        let image = egui::Image::new(page)
                            .fit_to_exact_size(size * scale)
                            .bg_fill(egui::Color32::WHITE);
                        ui.add(image).on_hover_text((t.page)(i + 1));
                    });
                    ui.add_space(12.0);
                });
            }
        });
    });
    commands
}
