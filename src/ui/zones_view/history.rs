//! 修改记录 — the history of the zone in the editor: a side panel with its saves, newest first
//! (when, who, how, and each field's old → new), and the last changes of one figure for the
//! hover of its row. Draws what the app has read; reads nothing itself.

use egui::{RichText, Ui};

use super::texts::TEXTS;
use crate::model::history::{Record, key_label};
use crate::model::{Catalog, Factor, Lang, Localize};
use crate::state::figure_history::FigureHistory;
use crate::ui::theme;

/// How many saves the panel lists; the command line prints them all.
const SAVES_SHOWN: usize = 30;
/// How many changes of one save the panel lists (a new zone's first save holds every figure).
const CHANGES_SHOWN: usize = 8;
/// How many saves of one figure its hover lists.
const HOVER_SAVES: usize = 3;

/// The side panel: the zone's saves, newest first.
pub(super) fn history_panel_ui(
    ui: &mut Ui,
    history: &FigureHistory,
    catalog: &Catalog,
    zone_id: &str,
    lang: Lang,
) {
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    ui.heading(t.history);
    match history {
        FigureHistory::NotSaved => {
            ui.label(RichText::new(t.history_not_saved).weak());
        }
        FigureHistory::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(RichText::new(t.history_reading).weak());
            });
        }
        FigureHistory::Failed(e) => {
            ui.label(RichText::new(e.text(lang)).color(palette.error));
        }
        FigureHistory::Read(records) if records.is_empty() => {
            ui.label(RichText::new(t.history_empty).weak());
        }
        FigureHistory::Read(records) => {
            ui.label(RichText::new((t.history_saves)(records.len())).small().weak());
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("figure history scroll")
                .auto_shrink(false)
                .show(ui, |ui| {
                    for record in records.iter().rev().take(SAVES_SHOWN) {
                        record_ui(ui, record, catalog, lang);
                        ui.separator();
                    }
                    let earlier = records.len().saturating_sub(SAVES_SHOWN);
                    if earlier > 0 {
                        ui.label(
                            RichText::new((t.history_earlier)(earlier, zone_id))
                                .small()
                                .weak(),
                        );
                    }
                });
        }
    }
}

/// One save: when, who and how, then each field it changed.
fn record_ui(ui: &mut Ui, record: &Record, catalog: &Catalog, lang: Lang) {
    let t = TEXTS.get(lang);
    ui.label(RichText::new(saved_by(record, lang)).small().strong());
    for change in record.changes.iter().take(CHANGES_SHOWN) {
        let what = format!(
            "{} · {}",
            key_label(catalog, &change.key, lang),
            change.field.label(lang)
        );
        ui.label(RichText::new(what).small().weak());
        ui.label(change.old_to_new(lang));
    }
    let more = record.changes.len().saturating_sub(CHANGES_SHOWN);
    if more > 0 {
        ui.label(RichText::new((t.history_more_changes)(more)).small().weak());
    }
}

/// `2026-12-07 21:08 · 王敏（招商局） · 编辑器`.
fn saved_by(record: &Record, lang: Lang) -> String {
    format!(
        "{} · {} · {}",
        record.when.text(),
        record.who_text(lang),
        record.how.label(lang)
    )
}

/// The hover of a figure's row: its name and id, and the last saves that changed it.
pub(super) fn figure_hover(history: &FigureHistory, factor: &Factor, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    let name = factor.name.get(lang);
    let mut hover = format!("{name}\n{}", factor.id);
    for (i, (record, changes)) in history.of_factor(&factor.id).take(HOVER_SAVES).enumerate() {
        if i == 0 {
            hover.push_str("\n\n");
            hover.push_str(t.recent_changes);
        }
        hover.push('\n');
        hover.push_str(&saved_by(record, lang));
        for change in changes {
            let what = (t.field_change)(change.field.label(lang), &change.old_to_new(lang));
            hover.push_str(&format!("\n    {what}"));
        }
    }
    hover
}
