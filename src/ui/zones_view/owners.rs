//! The profile's default owners in the zone editor: a row per key (a category, a group of
//! factors or a factor) with the department's name, a button that removes the row, and a
//! picker that adds a key not given one yet. Draws the form; the app checks and saves it.

use egui::{RichText, Ui};

use super::texts::TEXTS;
use crate::model::{Catalog, Lang};
use crate::state::owners_draft::{OwnerDraft, key_label};
use crate::state::profile_edit::{MetaError, ProfileEditor};
use crate::ui::theme;

const KEY_W: f32 = 200.0;
const OWNER_W: f32 = 170.0;

/// The default owners section; returns whether the officer changed anything.
pub fn default_owners_ui(ui: &mut Ui, editor: &mut ProfileEditor, catalog: &Catalog, lang: Lang) -> bool {
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    let mut changed = false;
    let free = editor.free_owner_keys(catalog);
    egui::CollapsingHeader::new(RichText::new((t.default_owners)(editor.form.owners.len())).strong())
        .id_salt("default owners")
        // Closed until asked for, so the factors stay where the officer expects them.
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(t.default_owners_hint).small().weak());
            let mut remove = None;
            egui::Grid::new("default owners grid")
                .num_columns(3)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for (i, row) in editor.form.owners.iter_mut().enumerate() {
                        let label = key_label(catalog, &row.key, lang);
                        theme::cell(ui, KEY_W, |ui| {
                            theme::truncated(ui, &label, &format!("{label}\n{}", row.key))
                        });
                        theme::cell(ui, OWNER_W, |ui| {
                            let edit =
                                egui::TextEdit::singleline(&mut row.owner).desired_width(OWNER_W - 8.0);
                            changed |= ui
                                .add(edit)
                                .accessible_name((t.default_owner_of)(&label))
                                .changed();
                        });
                        let button = ui
                            .small_button("×")
                            .accessible_name((t.remove_owner_of)(&label))
                            .on_hover_text(t.remove_owner);
                        if button.clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
            if let Some(i) = remove {
                editor.form.owners.remove(i);
                changed = true;
            }
            if let Some(key) = add_key_ui(ui, &free, catalog, lang) {
                editor.form.owners.push(OwnerDraft {
                    key,
                    owner: String::new(),
                });
                changed = true;
            }
            for e in &editor.meta_errors {
                if let MetaError::NoOwner(_) = e {
                    ui.label(RichText::new(e.text(lang)).color(palette.error));
                }
            }
        });
    changed
}

/// The picker of the keys not given an owner yet; the key picked, if one was.
fn add_key_ui(ui: &mut Ui, free: &[String], catalog: &Catalog, lang: Lang) -> Option<String> {
    let t = TEXTS.get(lang);
    let mut picked = None;
    let combo = egui::ComboBox::from_id_salt("add default owner")
        .selected_text(t.add_owner)
        .width(KEY_W)
        .height(320.0)
        .show_ui(ui, |ui| {
            for key in free {
                if ui
                    .selectable_label(false, key_label(catalog, key, lang))
                    .clicked()
                {
                    picked = Some(key.clone());
                }
            }
        });
    combo.response.accessible_name(t.add_owner);
    picked
}
