//! 开发区 — the loaded zones (each with how many of its figures are stale or due) and the files
//! that failed to load, and the profile editor for the zone's own fields, its default owners and
//! every factor (value, source, date, where the figure stands, its owner, illustrative), with
//! the zone's history of changes beside it.

mod history;
mod owners;
mod texts;

use egui::{RichText, Ui};

use self::texts::TEXTS;
use super::texts::common;
use super::theme;
use super::value_editor::{Mode, value_editor_ui};
use crate::model::{Lang, ZoneIdx};
use crate::report::inventory_sheet::Filter;
use crate::scoring::tier::readiness;
use crate::state::Command;
use crate::state::owners_draft::OwnerFrom;
use crate::state::profile_edit::{MetaError, ProfileEditor};
use crate::state::workspace::Workspace;
use crate::ui::breakdown::tier_missing_text;

/// What the zones view reads.
pub struct ZonesData<'a> {
    pub ws: &'a Workspace,
    pub lang: Lang,
    /// For each zone's readiness tier.
    pub today: jiff::civil::Date,
    /// The ranking of the working checklist, for the map's colours.
    pub results: &'a crate::state::workspace::Results,
}

/// Draws the zones view.
pub fn zones_view_ui(ui: &mut Ui, editor: Option<&mut ProfileEditor>, data: &ZonesData) -> Vec<Command> {
    let mut commands = Vec::new();
    let selected = editor.as_ref().and_then(|e| e.zone);
    egui::Panel::left("zone list")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            zone_list_ui(ui, selected, data, &mut commands);
        });
    egui::CentralPanel::default().show(ui, |ui| match editor {
        Some(editor) => editor_ui(ui, editor, data, &mut commands),
        None => {
            ui.label(RichText::new(TEXTS.get(data.lang).pick_a_zone).weak());
            ui.add_space(theme::SECTION_GAP);
            egui::ScrollArea::vertical().show(ui, |ui| {
                super::map::map_ui(ui, &data.ws.zones, data.results, data.lang);
            });
        }
    });
    commands
}

fn zone_list_ui(ui: &mut Ui, selected: Option<ZoneIdx>, data: &ZonesData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let ws = data.ws;
    let palette = theme::palette(ui.ctx());
    ui.heading((t.heading)(ws.zones.len()));
    ui.label(RichText::new(ws.dir.display().to_string()).small().weak())
        .on_hover_text(ws.dir.display().to_string());
    ui.horizontal(|ui| {
        if ui.button(t.new_zone).clicked() {
            commands.push(Command::NewProfile);
        }
        if ui.button(t.reload).clicked() {
            commands.push(Command::Reload);
        }
        if ui
            .add_enabled(!ws.zones.is_empty(), egui::Button::new(t.export_sheet))
            .on_hover_text(t.export_sheet_hover)
            .clicked()
        {
            commands.push(Command::ExportUpdateSheet(Filter::default()));
        }
        if ui
            .button(t.import_sheet)
            .on_hover_text(t.import_sheet_hover)
            .clicked()
        {
            commands.push(Command::ImportInventory);
        }
    });
    let search_id = ui.scope_id().with("zone search");
    let mut search: String = ui.data_mut(|d| d.get_temp(search_id).unwrap_or_default());
    ui.add(
        egui::TextEdit::singleline(&mut search)
            .hint_text(t.search_zones)
            .desired_width(f32::INFINITY),
    )
    .accessible_name(t.search_zones);
    ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    ui.separator();
    if !ws.errors.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new((t.failed_files)(ws.errors.len()))
                .strong()
                .color(palette.error),
        )
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("load errors scroll")
                .max_height(ui.available_height() / 3.0)
                .show(ui, |ui| {
                    for e in &ws.errors {
                        let name = e
                            .path
                            .file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                        let at = e
                            .position()
                            .map_or_else(String::new, |(l, c)| (t.at_position)(l, c));
                        ui.label(RichText::new(format!("{name}{at}")).color(palette.error));
                        ui.label(RichText::new(e.message(lang)).small());
                    }
                });
        });
        ui.separator();
    }
    // Only the rows in view are laid out (and their tiers worked out), so a national folder
    // scrolls as lightly as a province's.
    let row_height = ui.spacing().interact_size.y.max(theme::ROW_HEIGHT)
        + ui.text_style_height(&egui::TextStyle::Body)
        + ui.spacing().item_spacing.y;
    // The zones in pinyin order of their names, those the search finds (by name, region,
    // pinyin or id).
    let names: Vec<String> = ws
        .zones
        .iter()
        .map(|z| {
            let p = &z.profile;
            format!("{}\u{1f}{}\u{1f}{}", p.name.get(lang), p.region.get(lang), p.id)
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let shown = super::picker::pinyin_sorted(ui.ctx(), &names, &search);
    if shown.is_empty() && !ws.zones.is_empty() {
        ui.label(RichText::new(t.no_zone_found).weak());
    }
    egui::ScrollArea::vertical()
        .id_salt("zone list scroll")
        .show_rows(ui, row_height, shown.len(), |ui, rows| {
            // One line a row, as `show_rows` counts them; the full text is in the hover.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for row in rows {
                let Some(&i) = shown.get(row) else { continue };
                let Some(p) = ws.zones.get(i).map(|z| &z.profile) else {
                    continue;
                };
                // Known values of all factors, labelled; the words are in the hover.
                let known = (t.known_of)(p.known_count(), ws.catalog.len());
                let readiness = readiness(&ws.catalog, p, data.today);
                let tier = readiness
                    .as_ref()
                    .map_or_else(String::new, |r| format!("  ·  {}", r.tier.name.get(lang)));
                let name = p.name.get(lang);
                let meta = format!("{known}{tier}");
                let known_words = (t.factors_known)(p.known_count());
                let tally = p.freshness_tally(&ws.catalog, data.today);
                let mut hover = match &readiness {
                    Some(r) if !r.missing_for_next.is_empty() => format!(
                        "{name}  ·  {meta}\n{known_words} · {}.ron\n{}",
                        p.id,
                        tier_missing_text(&ws.catalog, r, lang)
                    ),
                    _ => format!("{name}  ·  {meta}\n{known_words} · {}.ron", p.id),
                };
                if tally.needing_update() > 0 {
                    hover.push('\n');
                    hover.push_str(&(t.freshness_hover)(tally.stale, tally.due));
                }
                // Two lines a row: the name, and under it the counts and the tier, so neither
                // has to give way to the other in a narrow list.
                let clicked = ui
                    .allocate_ui_with_layout(
                        egui::vec2(ui.available_width(), row_height),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_min_height(row_height);
                            // The two lines of a zone sit together; rows are kept apart.
                            ui.spacing_mut().item_spacing.y = 0.0;
                            let clicked = ui
                                .selectable_label(selected == Some(ZoneIdx::new(i)), name)
                                .on_hover_text(&hover)
                                .clicked();
                            ui.horizontal(|ui| {
                                ui.add_space(theme::SECTION_GAP);
                                ui.label(RichText::new(&known).weak()).on_hover_text(&hover);
                                // Where the zone's figures stand, at a glance: stale and due
                                // counts in their colours (nothing when all are current),
                                // before the tier, which the breakdown shows too.
                                for (n, words, color) in [
                                    (tally.stale, t.stale_count, palette.stale),
                                    (tally.due, t.due_count, palette.due),
                                ] {
                                    if n > 0 {
                                        ui.label(RichText::new(words(n)).color(color))
                                            .on_hover_text(&hover);
                                    }
                                }
                                if !tier.is_empty() {
                                    ui.label(RichText::new(tier.trim_start()).weak())
                                        .on_hover_text(&hover);
                                }
                            });
                            clicked
                        },
                    )
                    .inner;
                if clicked {
                    commands.push(Command::SelectProfile(ZoneIdx::new(i)));
                }
            }
        });
}

fn editor_ui(ui: &mut Ui, editor: &mut ProfileEditor, data: &ZonesData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let catalog = &data.ws.catalog;
    let palette = theme::palette(ui.ctx());
    let history_id = egui::Id::unique("zone history shown");
    let mut show_history = ui.data(|d| d.get_temp::<bool>(history_id).unwrap_or(false));
    ui.horizontal(|ui| {
        let title = if editor.is_new() {
            t.new_zone.to_owned()
        } else {
            let m = &editor.form.meta;
            let name = match lang {
                Lang::En if !m.name_en.trim().is_empty() => &m.name_en,
                _ => &m.name_zh,
            };
            format!("{name} ({}.ron)", m.id)
        };
        ui.heading(title);
        ui.add_space(12.0);
        if ui
            .add_enabled(editor.is_dirty(), egui::Button::new(common(lang).save))
            .clicked()
        {
            commands.push(Command::SaveProfile);
        }
        if ui
            .add_enabled(editor.is_dirty(), egui::Button::new(t.revert))
            .clicked()
        {
            commands.push(Command::RevertProfile);
        }
        if !editor.is_new() && ui.button(t.delete).clicked() {
            commands.push(Command::DeleteProfile);
        }
        // The zone as saved: the workbook shows the figures the folder holds.
        let saved = editor.zone.and_then(|z| data.ws.zones.get(z.index()));
        if let Some(zone) = saved
            && ui
                .button(t.export_zone_sheet)
                .on_hover_text(t.export_zone_sheet_hover)
                .clicked()
        {
            commands.push(Command::ExportUpdateSheet(Filter {
                zones: Some(vec![zone.profile.id.clone()]),
                ..Filter::default()
            }));
        }
        ui.toggle_value(&mut show_history, t.history)
            .on_hover_text(t.history_hint);
        let wrong = editor.meta_errors.len() + editor.entry_errors.iter().flatten().count();
        if wrong > 0 {
            ui.label(RichText::new((t.fields_to_fix)(wrong)).color(palette.error));
        } else if editor.is_dirty() {
            ui.label(RichText::new(t.unsaved).color(palette.partial));
        }
    });
    ui.separator();
    ui.data_mut(|d| d.insert_temp(history_id, show_history));
    if show_history {
        egui::Panel::right("zone history")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                history::history_panel_ui(ui, &editor.figure_history, catalog, &editor.form.meta.id, lang);
            });
    }
    egui::ScrollArea::both()
        .id_salt("profile editor")
        .auto_shrink(false)
        .show(ui, |ui| {
            // The default owners beside the zone's own fields, in the room they leave, so the
            // factors start where they always have.
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| meta_ui(ui, editor, lang, commands));
                ui.add_space(2.0 * theme::SECTION_GAP);
                ui.vertical(|ui| {
                    if owners::default_owners_ui(ui, editor, catalog, lang) {
                        commands.push(Command::ProfileEdited(None));
                    }
                });
            });
            ui.add_space(theme::SECTION_GAP);
            // A factor the editor was opened at: its category opens to show it.
            let focus = editor.focus.filter(|f| f.scroll).map(|f| f.factor);
            for (cat_idx, category) in catalog.categories() {
                let holds_focus = focus.is_some_and(|f| catalog.factor(f).category == cat_idx);
                egui::CollapsingHeader::new(RichText::new(category.name.get(lang)).strong())
                    .id_salt(("profile category", cat_idx.index()))
                    .default_open(true)
                    .open(holds_focus.then_some(true))
                    .show(ui, |ui| {
                        egui::Grid::new(("profile grid", cat_idx.index()))
                            .num_columns(7)
                            .striped(true)
                            .spacing([10.0, 4.0])
                            .show(ui, |ui| {
                                header_row_ui(ui, lang);
                                for (f, factor) in catalog.factors_in(cat_idx) {
                                    if entry_row_ui(ui, editor, catalog, f, factor, lang, data.today) {
                                        commands.push(Command::ProfileEdited(Some(f)));
                                    }
                                }
                            });
                    });
            }
        });
    // Scrolled to once; the mark stays while the zone is open.
    if let Some(focus) = &mut editor.focus {
        focus.scroll = false;
    }
}

// The widths of the factor table's columns, narrow enough that value, source, date,
// freshness and owner fit beside the zone list on a laptop's screen.
const FACTOR_W: f32 = 180.0;
const VALUE_W: f32 = 260.0;
const SOURCE_W: f32 = 170.0;
const DATE_W: f32 = 96.0;
const FRESH_W: f32 = 48.0;
const OWNER_W: f32 = 150.0;

fn header_row_ui(ui: &mut Ui, lang: Lang) {
    let t = TEXTS.get(lang);
    for (h, w) in [
        (common(lang).factor, FACTOR_W),
        (t.col_offered, VALUE_W),
        (t.col_source, SOURCE_W),
        (t.as_of, DATE_W),
        (t.col_freshness, FRESH_W),
        (t.col_owner, OWNER_W),
        (t.col_illustrative, 0.0),
    ] {
        theme::cell(ui, w, |ui| ui.label(RichText::new(h).small().weak()));
    }
    ui.end_row();
}

/// One factor of the profile editor; returns whether anything changed.
fn entry_row_ui(
    ui: &mut Ui,
    editor: &mut ProfileEditor,
    catalog: &crate::model::Catalog,
    f: crate::model::FactorIdx,
    factor: &crate::model::Factor,
    lang: Lang,
    today: jiff::civil::Date,
) -> bool {
    let t = TEXTS.get(lang);
    let error = editor.entry_errors.get(f.index()).cloned().flatten();
    let freshness = editor.freshness(catalog, f, today);
    let in_force = editor.owner_in_force(catalog, f);
    // A date error belongs to the date field, a plan's error to the plan's row; anything else
    // to the value.
    let (error, date_error, plan_error) = match error {
        Some(crate::state::value_draft::DraftError::AsOf(e)) => (None, Some(*e), None),
        Some(crate::state::value_draft::DraftError::Planned(e)) => (None, None, Some(*e)),
        other => (other, None, None),
    };
    let hover = history::figure_hover(&editor.figure_history, factor, lang);
    let focus = editor.focus.filter(|x| x.factor == f);
    let Some(draft) = editor.form.entries.get_mut(f.index()) else {
        return false;
    };
    let name = factor.name.get(lang);
    theme::cell(ui, FACTOR_W, |ui| match focus {
        // The factor the editor was opened at: marked, and brought into view once.
        Some(focus) => {
            let palette = theme::palette(ui.ctx());
            let marked = egui::Frame::new()
                .fill(palette.info.gamma_multiply(0.18))
                .stroke(egui::Stroke::new(1.0, palette.info))
                .corner_radius(3.0)
                .inner_margin(egui::Margin::symmetric(4, 0))
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(name).strong()).truncate())
                        .on_hover_text(format!("{hover}\n{}", t.opened_here))
                })
                .response;
            if focus.scroll {
                marked.scroll_to_me(Some(egui::Align::Center));
            }
        }
        None => {
            theme::truncated(ui, name, &hover);
        }
    });
    let mut changed = theme::cell(ui, VALUE_W, |ui| {
        let label = (t.offered_of)(name);
        value_editor_ui(
            ui,
            catalog,
            factor,
            &mut draft.value,
            Mode::Offer,
            error.as_ref(),
            &label,
            lang,
        )
    });
    theme::cell(ui, SOURCE_W, |ui| {
        let edit = egui::TextEdit::singleline(&mut draft.source).desired_width(SOURCE_W - 8.0);
        let label = (t.source_of)(name);
        let response = ui.add(edit).accessible_name(label);
        changed |= response.changed();
        if !draft.source.is_empty() {
            response.on_hover_text(&draft.source);
        }
    });
    theme::cell(ui, DATE_W, |ui| {
        let edit = egui::TextEdit::singleline(&mut draft.as_of)
            .desired_width(DATE_W - 8.0)
            .hint_text(t.as_of_hint);
        let label = (t.as_of_of)(name);
        changed |= ui.add(edit).accessible_name(label).changed();
        if let Some(e) = &date_error {
            // A short mark that fits the column; the reason is in its hover.
            let palette = theme::palette(ui.ctx());
            ui.label(RichText::new(t.bad_date).small().color(palette.error))
                .on_hover_text(e.text(lang));
        }
    });
    theme::cell(ui, FRESH_W, |ui| {
        if let Some(fresh) = freshness {
            super::breakdown::freshness_tag_ui(ui, fresh, lang, &theme::palette(ui.ctx()));
        }
    });
    theme::cell(ui, OWNER_W, |ui| {
        // The entry's own owner; blank, the default in force shows as the field's hint.
        let default = match &in_force {
            Some((owner, OwnerFrom::Default)) => Some(owner.as_str()),
            _ => None,
        };
        let edit = egui::TextEdit::singleline(&mut draft.owner)
            .desired_width(OWNER_W - 8.0)
            .hint_text(default.unwrap_or_default());
        let response = ui.add(edit).accessible_name((t.owner_of)(name));
        changed |= response.changed();
        match (&in_force, default) {
            (_, Some(owner)) => {
                response.on_hover_text((t.owner_default_hover)(owner));
            }
            (None, _) => {
                response.on_hover_text(t.owner_none_hover);
            }
            (Some((owner, _)), None) => {
                response.on_hover_text(owner.as_str());
            }
        }
    });
    let plan_open_id = egui::Id::unique(("profile plan open", f.index()));
    let mut plan_open = draft.planned.as_ref().is_some_and(|p| !p.is_empty())
        || ui.data(|d| d.get_temp::<bool>(plan_open_id).unwrap_or(false));
    ui.horizontal(|ui| {
        let label = (t.illustrative_of)(name);
        changed |= ui
            .checkbox(&mut draft.illustrative, "")
            .accessible_name(label)
            .changed();
        // A plan is beside a value the zone has now: offered once there is one.
        if draft.planned.is_some() && !plan_open && !draft.value.is_empty() {
            let add = ui
                .small_button(t.add_plan)
                .accessible_name((t.add_plan_of)(name))
                .on_hover_text(t.add_plan_hint);
            if add.clicked() {
                plan_open = true;
                ui.data_mut(|d| d.insert_temp(plan_open_id, true));
            }
        }
    });
    ui.end_row();
    if plan_open && let Some(plan) = draft.planned.as_mut() {
        changed |= plan_row_ui(ui, catalog, factor, plan, plan_error.as_ref(), plan_open_id, lang);
    }
    changed
}

/// A quantity's plan under its row: the amount planned, the day it is planned for, and where
/// the plan is written. Returns whether anything changed.
fn plan_row_ui(
    ui: &mut Ui,
    catalog: &crate::model::Catalog,
    factor: &crate::model::Factor,
    plan: &mut crate::state::value_draft::PlannedDraft,
    error: Option<&crate::state::value_draft::DraftError>,
    open_id: egui::Id,
    lang: Lang,
) -> bool {
    let t = TEXTS.get(lang);
    let name = factor.name.get(lang);
    theme::cell(ui, FACTOR_W, |ui| ui.label(RichText::new(t.plan_row).weak()));
    let mut changed = theme::cell(ui, VALUE_W, |ui| {
        value_editor_ui(
            ui,
            catalog,
            factor,
            &mut plan.amount,
            Mode::Offer,
            error,
            &(t.planned_of)(name),
            lang,
        )
    });
    theme::cell(ui, SOURCE_W, |ui| {
        let edit = egui::TextEdit::singleline(&mut plan.source)
            .desired_width(SOURCE_W - 8.0)
            .hint_text(t.plan_source_hint);
        changed |= ui.add(edit).accessible_name((t.plan_source_of)(name)).changed();
    });
    theme::cell(ui, DATE_W, |ui| {
        let edit = egui::TextEdit::singleline(&mut plan.by)
            .desired_width(DATE_W - 8.0)
            .hint_text(t.plan_by_hint);
        changed |= ui.add(edit).accessible_name((t.plan_by_of)(name)).changed();
    });
    let remove = ui
        .small_button("×")
        .accessible_name((t.remove_plan_of)(name))
        .on_hover_text(t.remove_plan);
    if remove.clicked() {
        plan.amount = crate::state::value_draft::ValueDraft::empty(factor);
        plan.by.clear();
        plan.source.clear();
        ui.data_mut(|d| d.insert_temp(open_id, false));
        changed = true;
    }
    ui.end_row();
    changed
}

fn meta_ui(ui: &mut Ui, editor: &mut ProfileEditor, lang: Lang, commands: &mut Vec<Command>) {
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    let is_new = editor.is_new();
    let m = &mut editor.form.meta;
    let mut changed = false;
    egui::Grid::new("profile meta")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label(t.id);
            changed |= ui
                .add_enabled(is_new, egui::TextEdit::singleline(&mut m.id).desired_width(200.0))
                .labelled_by(l.id)
                .changed();
            ui.end_row();
            let rows = vec![
                (t.name_zh, &mut m.name_zh),
                (t.name_en, &mut m.name_en),
                (t.region_zh, &mut m.region_zh),
                (t.region_en, &mut m.region_en),
                (t.contact, &mut m.contact),
                (t.contact_en, &mut m.contact_en),
                (t.as_of, &mut m.as_of),
            ];
            changed |= theme::text_rows(ui, rows, 360.0);
        });
    // A default owner's error shows under its own table.
    for e in editor
        .meta_errors
        .iter()
        .filter(|e| !matches!(e, MetaError::NoOwner(_)))
    {
        ui.label(RichText::new(e.text(lang)).color(palette.error));
    }
    if changed {
        commands.push(Command::ProfileEdited(None));
    }
}
