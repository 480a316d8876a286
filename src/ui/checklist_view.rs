//! 投资需求 — the investor's checklist: the project header, then the factors in their four
//! categories, each with importance, an editor fitted to its kind and a note; beside it the
//! ranking as it stands, updated on every edit.

mod texts;

use egui::{RichText, Ui};

use self::texts::TEXTS;
use super::no_zones::{Folder, no_zones_ui};
use super::texts::common;
use super::theme;
use super::value_editor::{Mode, industry_picker_ui, value_editor_ui};
use crate::io::Zone;
use crate::model::{Catalog, Importance, Lang, PlanField};
use crate::scoring::Status;
use crate::state::Command;
use crate::state::checklist_doc::{AmountField, ChecklistForm};
use crate::state::workspace::Results;

const FACTOR_W: f32 = 220.0;
const IMPORTANCE_W: f32 = 96.0;
const VALUE_W: f32 = 300.0;
const NOTE_W: f32 = 160.0;

/// What the checklist view reads.
pub struct ChecklistData<'a> {
    pub catalog: &'a Catalog,
    /// Must-haves the header cannot give a requirement (the header field left empty).
    pub unscorable: &'a [(crate::model::FactorIdx, crate::model::catalog::PlanField)],
    pub zones: &'a [Zone],
    pub folder: Folder<'a>,
    pub results: &'a Results,
    pub lang: Lang,
}

/// Draws the checklist view.
pub fn checklist_view_ui(ui: &mut Ui, form: &mut ChecklistForm, data: &ChecklistData) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::right("live ranking")
        .resizable(true)
        .default_size(300.0)
        .size_range(220.0..=460.0)
        .show(ui, |ui| {
            live_ranking_ui(ui, data, &mut commands);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
            header_ui(ui, form, data, &mut commands);
            ui.add_space(theme::SECTION_GAP);
            items_ui(ui, form, data, &mut commands);
        });
    });
    commands
}

fn header_ui(ui: &mut Ui, form: &mut ChecklistForm, data: &ChecklistData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    let h = &mut form.header;
    let mut changed = false;
    ui.heading(t.heading);
    egui::Grid::new("checklist header")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let rows = vec![(t.investor, &mut h.investor), (t.project, &mut h.project)];
            changed |= theme::text_rows(ui, rows, 360.0);
            ui.label(c.industry);
            changed |= industry_picker_ui(ui, data.catalog, &mut h.industry, lang);
            ui.end_row();
            let error_color = theme::palette(ui.ctx()).error;
            for field in AmountField::ALL {
                let i = field as usize;
                let l = ui.label(field.label(lang));
                ui.horizontal(|ui| {
                    let mut edit = egui::TextEdit::singleline(&mut h.amounts[i])
                        .desired_width(120.0)
                        .hint_text("—");
                    if h.errors[i].is_some() {
                        edit = edit.text_color(error_color);
                    }
                    changed |= ui.add(edit).labelled_by(l.id).changed();
                    ui.label(field.unit(lang));
                    if let Some(e) = &h.errors[i] {
                        ui.label(RichText::new(e.text(lang)).color(error_color).small());
                    }
                });
                ui.end_row();
            }
            let l = ui.label(t.planned_start);
            ui.horizontal(|ui| {
                let mut edit = egui::TextEdit::singleline(&mut h.planned_start)
                    .desired_width(120.0)
                    .hint_text(t.planned_start_hint);
                if h.start_error.is_some() {
                    edit = edit.text_color(error_color);
                }
                changed |= ui
                    .add(edit)
                    .labelled_by(l.id)
                    .on_hover_text(t.planned_start_help)
                    .changed();
                if let Some(e) = &h.start_error {
                    ui.label(RichText::new(e.text(lang)).color(error_color).small());
                }
            });
            ui.end_row();
        });
    if changed {
        commands.push(Command::HeaderEdited);
    }
}

fn items_ui(ui: &mut Ui, form: &mut ChecklistForm, data: &ChecklistData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    let catalog = data.catalog;
    let palette = theme::palette(ui.ctx());
    for (n, (cat_idx, category)) in catalog.categories().enumerate() {
        let requested = catalog
            .factors_in(cat_idx)
            .filter(|(f, _)| {
                form.items
                    .get(f.index())
                    .is_some_and(|d| d.importance.is_requested())
            })
            .count();
        let title = (t.category_title)(n, category.name.get(lang), requested);
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt(("category", cat_idx.index()))
            .default_open(true)
            .show(ui, |ui| {
                egui::Grid::new(("items", cat_idx.index()))
                    .num_columns(5)
                    .striped(true)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        for (h, w) in [
                            (c.factor, FACTOR_W),
                            (c.importance, IMPORTANCE_W),
                            (t.col_requirement, VALUE_W),
                            (t.col_note, NOTE_W),
                            (t.col_zones, 0.0),
                        ] {
                            theme::cell(ui, w, |ui| ui.label(RichText::new(h).small().weak()));
                        }
                        ui.end_row();
                        for (f, factor) in catalog.factors_in(cat_idx) {
                            let Some(draft) = form.items.get_mut(f.index()) else {
                                continue;
                            };
                            let name = factor.name.get(lang);
                            theme::cell(ui, FACTOR_W, |ui| {
                                theme::truncated(ui, name, &format!("{name}\n{}", factor.id))
                            });
                            let before = draft.importance;
                            theme::cell(ui, IMPORTANCE_W, |ui| {
                                egui::ComboBox::from_id_salt(("importance", f.index()))
                                    .selected_text(draft.importance.label(lang))
                                    .width(IMPORTANCE_W - 8.0)
                                    .show_ui(ui, |ui| {
                                        for imp in Importance::ALL {
                                            ui.selectable_value(&mut draft.importance, imp, imp.label(lang));
                                        }
                                    })
                                    .response
                                    .accessible_name((t.importance_of)(name))
                            });
                            let mut changed = draft.importance != before;
                            theme::cell(ui, VALUE_W, |ui| match factor.default_from {
                                Some(source) if draft.value.is_empty() => {
                                    ui.label(RichText::new(plan_text(source, lang)).weak());
                                }
                                _ => {
                                    changed |= value_editor_ui(
                                        ui,
                                        catalog,
                                        factor,
                                        &mut draft.value,
                                        Mode::Requirement,
                                        draft.error.as_ref(),
                                        &(t.requirement_of)(name),
                                        lang,
                                    );
                                }
                            });
                            theme::cell(ui, NOTE_W, |ui| {
                                changed |= ui
                                    .add(
                                        egui::TextEdit::singleline(&mut draft.note)
                                            .desired_width(NOTE_W - 8.0),
                                    )
                                    .accessible_name((t.note_of)(name))
                                    .changed();
                            });
                            match data.results.per_factor.get(f.index()).filter(|c| c.total() > 0) {
                                Some(counts) => {
                                    ui.horizontal(|ui| {
                                        for s in Status::ALL {
                                            let n = counts.get(s);
                                            if n > 0 {
                                                ui.label(
                                                    RichText::new(format!("{}{n}", s.mark()))
                                                        .color(palette.status(s)),
                                                )
                                                .on_hover_text(s.label(lang));
                                            }
                                        }
                                    });
                                }
                                None => {
                                    ui.label("");
                                }
                            }
                            ui.end_row();
                            if changed {
                                commands.push(Command::ItemEdited(f));
                            }
                        }
                    });
            });
    }
}

/// Where a factor's requirement comes from when the header supplies it.
fn plan_text(source: PlanField, lang: Lang) -> &'static str {
    let t = TEXTS.get(lang);
    match source {
        PlanField::Industry => t.from_industry,
        PlanField::PlannedIntensity => t.from_planned_intensity,
        PlanField::PlannedTaxPerMu => t.from_planned_tax,
    }
}

/// The ranking as it stands, compact, beside the form.
fn live_ranking_ui(ui: &mut Ui, data: &ChecklistData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    ui.heading(t.live_ranking);
    for &(f, field) in data.unscorable {
        // Named, never dropped in silence: the must-have is not in the ranking until the header
        // gives it a requirement.
        let problem = crate::model::Problem::MustNeedsHeader {
            factor: data.catalog.factor(f).named(),
            field,
        };
        ui.add(
            egui::Label::new(
                RichText::new(crate::model::Localize::text(&problem, lang)).color(palette.error),
            )
            .wrap(),
        );
    }
    if data.zones.is_empty() {
        commands.extend(no_zones_ui(ui, data.folder, lang));
        return;
    }
    if data.results.requirements.is_empty() {
        ui.label(RichText::new(t.nothing_scored).weak());
        return;
    }
    ui.label(RichText::new((t.items_scored)(data.results.requirements.len())).weak());
    // A fixed width: a width taken from the panel would widen the panel, frame after frame.
    let name_width = 170.0;
    egui::ScrollArea::vertical()
        .id_salt("live ranking scroll")
        .show(ui, |ui| {
            egui::Grid::new("live ranking grid")
                .num_columns(3)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for (rank, z) in data.results.ranking.zones.iter().enumerate().take(200) {
                        let Some(p) = data.zones.get(z.zone.index()).map(|z| &z.profile) else {
                            continue;
                        };
                        ui.label(format!("{}", rank + 1));
                        let (mark, color) = if z.qualified {
                            (Status::Met.mark(), palette.met)
                        } else {
                            (Status::Unmet.mark(), palette.unmet)
                        };
                        let name = format!("{mark} {}", p.name.get(lang));
                        let button = egui::Button::new(RichText::new(name).color(color))
                            .frame(false)
                            .truncate();
                        // Names start at the column's left edge, as a list reads.
                        let clicked = ui
                            .allocate_ui_with_layout(
                                egui::vec2(name_width, theme::ROW_HEIGHT),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.set_width(name_width);
                                    ui.add(button).on_hover_text(p.name.get(lang)).clicked()
                                },
                            )
                            .inner;
                        if clicked {
                            commands.push(Command::ShowZone(z.zone));
                        }
                        ui.add(
                            egui::ProgressBar::new(z.score.to_f64() as f32 / 100.0)
                                .desired_width(64.0)
                                .fill(color.gamma_multiply(0.55))
                                .text(z.score.fixed(1)),
                        );
                        ui.end_row();
                    }
                });
        });
}
