//! The app's questions (save changes?, delete this zone?, restore unsaved work?) and the notice
//! bar that shows each error once, in words, until dismissed.

mod texts;

use egui::{Context, Id, RichText, Ui};

use self::texts::TEXTS;
use super::texts::common;
use super::theme;
use crate::model::Lang;
use crate::state::{Answer, Command, Doc, Modal, Notice};

/// Draws the open question, if any, over the window.
pub fn modal_ui(ctx: &Context, modal: &Modal, lang: Lang, zone_name: Option<&str>) -> Option<Command> {
    let (t, c) = (TEXTS.get(lang), common(lang));
    let mut answer = None;
    let response = egui::Modal::new(Id::unique("sitematch modal")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        let buttons: &[(Answer, &str)] = match modal {
            Modal::Unsaved { doc, .. } => {
                ui.heading(t.unsaved_title);
                ui.label(match doc {
                    Doc::Checklist => t.unsaved_checklist,
                    Doc::Profile => t.unsaved_profile,
                });
                &[
                    (Answer::Save, c.save),
                    (Answer::Discard, t.dont_save),
                    (Answer::Cancel, c.cancel),
                ]
            }
            Modal::ConfirmDelete { .. } => {
                ui.heading(t.delete_title);
                ui.label((t.delete_body)(zone_name.unwrap_or("")));
                &[(Answer::ConfirmDelete, t.delete), (Answer::Cancel, c.cancel)]
            }
            Modal::Conflict { doc, .. } => {
                ui.heading(t.conflict_title);
                ui.label(match doc {
                    Doc::Checklist => t.conflict_checklist,
                    Doc::Profile => t.conflict_profile,
                });
                &[
                    (Answer::Reload, t.reload_dropping_mine),
                    (Answer::Overwrite, t.overwrite),
                    (Answer::SaveAs, c.save_as),
                    (Answer::Cancel, c.cancel),
                ]
            }
            Modal::Recovery(r) => {
                ui.heading(t.recovery_title);
                let file = r
                    .path
                    .as_ref()
                    .map_or_else(|| t.untitled.to_owned(), |p| p.display().to_string());
                ui.label((t.recovery_body)(&file, &r.saved_at));
                &[(Answer::Restore, t.restore), (Answer::Discard, t.discard)]
            }
        };
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (a, text) in buttons {
                if ui.button(*text).clicked() {
                    answer = Some(*a);
                }
            }
        });
    });
    // Escape (or a click beside the question) is Cancel; the session keeps the offer of
    // recovered work open, since that has no Cancel.
    if answer.is_none() && response.should_close() {
        answer = Some(Answer::Cancel);
    }
    answer.map(Command::Answer)
}

/// The notices, newest last, each with a button that dismisses it.
pub fn notices_ui(ui: &mut Ui, notices: &[Notice], lang: Lang) -> Option<Command> {
    let palette = theme::palette(ui.ctx());
    let mut dismiss = None;
    egui::Frame::new()
        .fill(palette.notice_bg)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // News (saved, exported) goes to the status bar, where it moves nothing.
            for (i, n) in notices.iter().enumerate().filter(|(_, n)| n.is_error) {
                ui.horizontal(|ui| {
                    let color = if n.is_error { palette.error } else { palette.info };
                    if ui
                        .small_button("×")
                        .on_hover_text(TEXTS.get(lang).dismiss)
                        .clicked()
                    {
                        dismiss = Some(Command::DismissNotice(i));
                    }
                    ui.label(RichText::new(&n.text).color(color));
                });
            }
        });
    dismiss
}
