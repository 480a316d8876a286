//! Editors for one factor's value, fitted to its kind: a number with a unit picker, yes/no (and
//! planned with a date), a level, or a searchable multi-select. They edit a [`ValueDraft`] and
//! report whether it changed; turning drafts into values is `value_draft`'s job.

use egui::{Color32, Id, PopupCloseBehavior, RichText, Ui};

use super::picker::{forget_search, search_box_ui};
use super::texts::common;
use super::theme;
use crate::model::{Bilingual, Catalog, Factor, Kind, Lang};
use crate::state::value_draft::{DraftError, ValueDraft, YesNoChoice, draft_summary, units_of};

/// The editors' words.
struct Texts {
    // Yes/no: a requirement, or what a zone offers
    required: &'static str,
    yes: &'static str,
    planned: &'static str,
    no: &'static str,
    /// Accessible names of a factor's unit picker and planned date, after the editor's name.
    unit_of: fn(&str) -> String,
    planned_date_of: fn(&str) -> String,
    // Pickers
    clear_all: &'static str,
    search_industry: &'static str,
    nothing_found: &'static str,
}

const ZH: Texts = Texts {
    required: "需要",
    yes: "是",
    planned: "计划",
    no: "否",
    unit_of: |name| format!("{name} 单位"),
    planned_date_of: |name| format!("{name} 计划日期"),
    clear_all: "清除全部",
    search_industry: "搜索代码、名称或产品，如 C38、电池",
    nothing_found: "没有找到",
};

const EN: Texts = Texts {
    required: "required",
    yes: "yes",
    planned: "planned",
    no: "no",
    unit_of: |name| format!("{name} unit"),
    planned_date_of: |name| format!("{name} planned date"),
    clear_all: "Clear all",
    search_industry: "Search a code, name or product, e.g. C38, battery",
    nothing_found: "Nothing found",
};

/// The editors' words in `lang`.
/// The words in both languages.
static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// Whether the editor states a requirement (yes/no is just "required") or what a zone offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Requirement,
    Offer,
}

/// Draws the editor for `draft`; `name` is its accessible name (e.g. `可供工业用地面积 要求`).
/// Returns true when the draft changed.
#[allow(clippy::too_many_arguments)]
pub fn value_editor_ui(
    ui: &mut Ui,
    catalog: &Catalog,
    factor: &Factor,
    draft: &mut ValueDraft,
    mode: Mode,
    error: Option<&DraftError>,
    name: &str,
    lang: Lang,
) -> bool {
    let t = TEXTS.get(lang);
    let mut changed = false;
    let error_color = theme::palette(ui.ctx()).error;
    ui.horizontal(|ui| {
        match draft {
            ValueDraft::Amount { text, unit } => {
                let mut edit = egui::TextEdit::singleline(text)
                    .desired_width(96.0)
                    .hint_text("—");
                if error.is_some() {
                    edit = edit.text_color(error_color);
                }
                let response = ui.add(edit).accessible_name(name);
                if error.is_some() {
                    ui.painter().rect_stroke(
                        response.rect.expand(1.0),
                        2.0,
                        egui::Stroke::new(1.5, error_color),
                        egui::StrokeKind::Outside,
                    );
                }
                changed |= response.changed();
                let units = units_of(factor);
                if units.len() > 1 {
                    let before = *unit;
                    egui::ComboBox::from_id_salt((name, "unit"))
                        .selected_text(catalog.unit(*unit).name.get(lang))
                        .width(72.0)
                        .show_ui(ui, |ui| {
                            for u in units {
                                ui.selectable_value(unit, *u, catalog.unit(*u).name.get(lang));
                            }
                        })
                        .response
                        .accessible_name((t.unit_of)(name));
                    changed |= *unit != before;
                } else {
                    ui.label(catalog.unit(*unit).name.get(lang));
                }
            }
            ValueDraft::YesNo { choice, date } => {
                let before = *choice;
                let text = |c: Option<YesNoChoice>| match (mode, c) {
                    (_, None) => "—",
                    (Mode::Requirement, Some(_)) => t.required,
                    (Mode::Offer, Some(YesNoChoice::Yes)) => t.yes,
                    (Mode::Offer, Some(YesNoChoice::Planned)) => t.planned,
                    (Mode::Offer, Some(YesNoChoice::No)) => t.no,
                };
                let choices: &[Option<YesNoChoice>] = match mode {
                    Mode::Requirement => &[None, Some(YesNoChoice::Yes)],
                    Mode::Offer => &[
                        None,
                        Some(YesNoChoice::Yes),
                        Some(YesNoChoice::Planned),
                        Some(YesNoChoice::No),
                    ],
                };
                egui::ComboBox::from_id_salt((name, "yesno"))
                    .selected_text(text(*choice))
                    .width(80.0)
                    .show_ui(ui, |ui| {
                        for c in choices {
                            ui.selectable_value(choice, *c, text(*c));
                        }
                    })
                    .response
                    .accessible_name(name);
                changed |= *choice != before;
                if *choice == Some(YesNoChoice::Planned) {
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(date)
                                .desired_width(96.0)
                                .hint_text("2025-06-30"),
                        )
                        .accessible_name((t.planned_date_of)(name));
                    changed |= response.changed();
                }
            }
            ValueDraft::Level(level) => {
                let Kind::Level(levels) = &factor.kind else { return };
                let before = *level;
                egui::ComboBox::from_id_salt((name, "level"))
                    .selected_text(draft_summary(catalog, factor, &ValueDraft::Level(*level), lang))
                    .width(130.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(level, None, "—");
                        for (i, l) in levels.iter().enumerate() {
                            if let Ok(i) = u16::try_from(i) {
                                ui.selectable_value(level, Some(i), l.name.get(lang));
                            }
                        }
                    })
                    .response
                    .accessible_name(name);
                changed |= *level != before;
            }
            ValueDraft::Set(members) => {
                changed |= members_picker_ui(ui, catalog, factor, members, name, lang);
            }
        }
        if let Some(e) = error {
            ui.label(RichText::new(e.text(lang)).color(error_color).small());
        }
    });
    changed
}

/// A button showing the chosen members that opens a searchable checklist of the vocabulary;
/// the search finds members by code, name or keyword (`环评`).
fn members_picker_ui(
    ui: &mut Ui,
    catalog: &Catalog,
    factor: &Factor,
    members: &mut Vec<u16>,
    name: &str,
    lang: Lang,
) -> bool {
    let Kind::Set(vocab) = factor.kind else {
        return false;
    };
    let vocab = catalog.vocabulary(vocab);
    let summary = draft_summary(catalog, factor, &ValueDraft::Set(members.clone()), lang);
    let button = ui
        .add(egui::Button::new(summary.as_str()).truncate().right_text("▼"))
        .on_hover_text(&summary)
        .accessible_name(name);
    let search_id = Id::unique((name, "members search"));
    let mut changed = false;
    let shown = egui::Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            ui.set_min_width(340.0);
            let search = search_box_ui(
                ui,
                search_id,
                common(lang).search,
                &format!("{name} {}", common(lang).search),
            );
            if !members.is_empty() && ui.small_button(TEXTS.get(lang).clear_all).clicked() {
                members.clear();
                changed = true;
            }
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for i in vocab.search(&search) {
                    let label = vocab.label(i, lang);
                    let mut on = members.contains(&i);
                    if ui.checkbox(&mut on, label).changed() {
                        if on {
                            members.push(i);
                            members.sort_unstable();
                        } else {
                            members.retain(|x| *x != i);
                        }
                        changed = true;
                    }
                }
            });
        });
    if shown.is_none() {
        forget_search(ui, search_id);
    }
    changed
}

/// A searchable single choice of industry division (GB/T 4754): the search finds a division by
/// its code, its name or a product (`电池` finds C38, `钢` finds C31).
pub fn industry_picker_ui(ui: &mut Ui, catalog: &Catalog, industry: &mut Option<u16>, lang: Lang) -> bool {
    let industries = catalog.industries();
    let before = *industry;
    let c = common(lang);
    let selected = industry.map_or_else(|| c.choose.to_owned(), |i| industries.label(i, lang));
    let button = ui
        .add(
            egui::Button::new(selected.as_str())
                .truncate()
                .right_text("▼")
                .min_size(egui::vec2(320.0, 0.0)),
        )
        .on_hover_text(&selected)
        .accessible_name(c.industry);
    let search_id = Id::unique("industry search");
    let shown = egui::Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            ui.set_min_width(360.0);
            let search = search_box_ui(
                ui,
                search_id,
                TEXTS.get(lang).search_industry,
                TEXTS.get(lang).search_industry,
            );
            let found = industries.search(&search);
            if found.is_empty() {
                ui.label(RichText::new(TEXTS.get(lang).nothing_found).weak());
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                if industry.is_some()
                    && search.trim().is_empty()
                    && ui.selectable_label(false, c.choose).clicked()
                {
                    *industry = None;
                    ui.close();
                }
                for i in found {
                    if ui
                        .selectable_label(*industry == Some(i), industries.label(i, lang))
                        .clicked()
                    {
                        *industry = Some(i);
                        ui.close();
                    }
                }
            });
        });
    if shown.is_none() {
        forget_search(ui, search_id);
    }
    *industry != before
}

/// A small coloured tag (`示例值`, `已过期`).
pub fn tag_ui(ui: &mut Ui, text: &str, color: Color32) {
    ui.label(RichText::new(text).small().color(color));
}
