//! One frame of the window around the view: the top bar, the loading bar, the notices, the
//! status bar, the view of the current tab, the question or About window over them; the
//! commands of the frame applied after drawing (one that opens a file dialog a frame later);
//! a window close held while work is unsaved. Draws and collects; the parts do the work.

use egui::{Context, ViewportCommand};

use super::SiteMatchApp;
use super::views::ViewData;
use crate::state::session::Pending;
use crate::state::{Command, Tab, Topic};
use crate::ui::about::{AboutData, about_ui};
use crate::ui::import_review::{ReviewData, import_review_ui};
use crate::ui::prompts::{modal_ui, notices_ui};
use crate::ui::status_bar::{StatusData, loading_bar_ui, status_bar_ui};
use crate::ui::top_bar::{TopBarData, top_bar_ui};

impl SiteMatchApp {
    /// The bars around the view and the view of the current tab.
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        egui::Panel::top("top bar").show(ui, |ui| {
            let (undo, redo) = self.undo_redo_texts();
            let data = TopBarData {
                lang,
                dark: self.settings.dark,
                zoom: self.settings.zoom,
                recent: &self.settings.recent,
                undo,
                redo,
            };
            let mut tab = self.views.tab();
            commands.extend(top_bar_ui(ui, &mut tab, &data));
            self.views.set_tab(tab);
        });
        if let Some(load) = &self.loads.folder {
            let (done, total) = load.progress();
            egui::Panel::top("loading").show(ui, |ui| loading_bar_ui(ui, done, total, lang));
        }
        let checklist_ok = self.docs.doc().form.error_count() == 0;
        if checklist_ok && self.notices.is_about(Topic::ChecklistInput) {
            self.notices.settle(Topic::ChecklistInput);
        }
        if self.notices.age(ui.ctx().input(|i| i.time)) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
        if self.notices.has_errors() {
            egui::Panel::top("notices")
                .show(ui, |ui| commands.extend(notices_ui(ui, self.notices.all(), lang)));
        }
        egui::Panel::bottom("status bar").show(ui, |ui| {
            let ws = self.docs.ws();
            let data = StatusData {
                lang,
                zones: ws.zones.len(),
                failed: ws.errors.len(),
                zones_dir: &ws.dir,
                checklist: self.docs.doc().path.as_deref(),
                unsaved: self.docs.doc().is_dirty(),
                news: self.notices.latest_news(),
            };
            status_bar_ui(ui, &data);
        });
        let data = ViewData {
            lang,
            planning: self.planning.state(),
            loading: self.loads.folder.is_some(),
        };
        let (confirm_close, busy) = (self.imports.confirm_close, self.imports.busy());
        match &mut self.imports.review {
            // The import under review takes the zones tab until it is saved or discarded.
            Some(review) if self.views.tab() == Tab::Zones => {
                let data = ReviewData {
                    catalog: self.docs.catalog(),
                    lang,
                    confirm_close,
                    busy,
                };
                let asked = egui::CentralPanel::default()
                    .show(ui, |ui| import_review_ui(ui, review, &data))
                    .inner;
                commands.extend(asked);
            }
            _ => commands.extend(self.views.view_ui(ui, &mut self.docs, &mut self.settings, &data)),
        }
        commands
    }

    /// The question being asked, or the About window.
    pub(super) fn windows_ui(&mut self, ctx: &Context) -> Vec<Command> {
        let lang = self.lang();
        if let Some(modal) = self.session.modal() {
            let zone_name = match modal {
                crate::state::Modal::ConfirmDelete { zone } => {
                    self.docs.ws().profile(*zone).map(|p| p.name.get(lang))
                }
                _ => None,
            };
            modal_ui(ctx, modal, lang, zone_name).into_iter().collect()
        } else if let Some(paste) = &mut self.imports.inquiry {
            let catalog = self.docs.catalog().clone();
            crate::ui::inquiry_dialog::inquiry_dialog_ui(ctx, paste, &catalog, lang)
        } else if self.views.about_open() {
            let ws = self.docs.ws();
            let data = AboutData {
                lang,
                data_dir: self.env.data_dir().unwrap_or(&ws.dir),
                zones_dir: &ws.dir,
                log_file: self.env.log_file(),
            };
            about_ui(ctx, &data)
        } else {
            Vec::new()
        }
    }

    /// Applies the commands of this frame; one that opens a file dialog waits a frame, for
    /// the menu it came from to be drawn closed.
    pub(super) fn apply_all(&mut self, ctx: &Context, commands: Vec<Command>) {
        let (due, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .partition(|(_, frames)| *frames == 0);
        self.deferred = waiting.into_iter().map(|(c, frames)| (c, frames - 1)).collect();
        for (c, _) in due {
            self.apply(ctx, c);
        }
        for c in commands {
            if !opens_dialog(&c) {
                self.apply(ctx, c);
            } else if !self.deferred.iter().any(|(d, _)| *d == c) {
                self.deferred.push((c, 1));
            }
        }
        if !self.deferred.is_empty() {
            ctx.request_repaint();
        }
    }

    /// Holds a window close while there is unsaved work and asks about it.
    pub(super) fn watch_close(&mut self, ctx: &Context) {
        let closing = ctx.input(|i| i.viewport().close_requested()) && !self.env.quit_requested();
        // Figures accepted in an import review and not saved: shown, and the window closes
        // only when asked again.
        if closing && self.imports.unsaved() && !self.imports.confirm_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.imports.confirm_close = true;
            self.views.set_tab(Tab::Zones);
            return;
        }
        if closing && self.has_unsaved() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if !self.session.is_asking() {
                self.request(ctx, Pending::Quit);
            }
        }
    }
}

/// Whether a command may open a file dialog (which blocks the window while it is up).
fn opens_dialog(c: &Command) -> bool {
    matches!(
        c,
        Command::OpenChecklist(None)
            | Command::SaveChecklist
            | Command::SaveChecklistAs
            | Command::OpenProfilesFolder
            | Command::ImportSurvey
            | Command::ExportSurvey
            | Command::ExportUpdateSheet(_)
            | Command::ImportInventory
            | Command::ExportPdf
            | Command::ExportXlsx
            | Command::PlanFolder
    )
}
