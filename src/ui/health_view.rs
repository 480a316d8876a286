//! 数据体检 — where the zones' data stands: a table of the zones (how complete, how many
//! figures stale, due, illustrative, missing) and the figures each owner (责任单位) must update,
//! most overdue first. Both tables sort by the column clicked, lay out only the rows on
//! screen, and follow the filter; the owner picker shows one owner's figures, a zone clicked
//! only that zone's, and a figure clicked opens its zone in the profile editor at its factor.

mod rows;
mod texts;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use self::rows::{Rows, put_back, take_rows};
use self::texts::TEXTS;
use super::picker::{forget_search, pinyin_sorted, search_box_ui};
use super::texts::common;
use super::theme;
use crate::io::Zone;
use crate::model::{Catalog, Freshness, Lang};
use crate::report::health::{Health, OwnerFilter, Selection, figure_texts, owner_text};
use crate::report::inventory_sheet::Filter;
use crate::state::Command;

/// A column the zones' table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneSort {
    Zone,
    Completeness,
    Stale,
    Due,
    Illustrative,
    Unknown,
}

/// A column the figures' table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureSort {
    /// The owner with the most overdue figure first, each owner's most overdue first.
    Owner,
    Zone,
    Factor,
    AsOf,
    Overdue,
}

/// The data-health view's own state.
#[derive(Clone, Debug)]
pub struct HealthState {
    /// Zones, factors or owners to show, as typed.
    pub filter: String,
    /// Only this owner's figures; `None`: every owner's.
    pub owner: Option<OwnerFilter>,
    /// Only the figures of the zone with this id (a row of the zones' table clicked).
    pub zone: Option<String>,
    pub zone_sort: ZoneSort,
    pub zone_descending: bool,
    pub figure_sort: FigureSort,
    pub figure_descending: bool,
    /// The rows shown, as last worked out.
    rows: Rows,
}

impl Default for HealthState {
    fn default() -> Self {
        HealthState {
            filter: String::new(),
            owner: None,
            zone: None,
            zone_sort: ZoneSort::Zone,
            zone_descending: false,
            figure_sort: FigureSort::Owner,
            figure_descending: false,
            rows: Rows::default(),
        }
    }
}

/// What the data-health view reads.
pub struct HealthData<'a> {
    pub catalog: &'a Catalog,
    /// The zones the health was built from.
    pub zones: &'a [Zone],
    pub health: &'a Health,
    /// The health's build number: a new health is filtered and sorted afresh.
    pub build: u64,
    /// The zones folder, named when it holds no zone.
    pub dir: &'a std::path::Path,
    pub lang: Lang,
}

/// Draws the data-health view.
pub fn health_view_ui(ui: &mut Ui, state: &mut HealthState, data: &HealthData) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let health = data.health;
    ui.horizontal(|ui| {
        ui.heading(t.heading);
        ui.add_space(16.0);
        let label = ui.label(t.filter);
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text(t.filter_hint)
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
    if data.zones.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label((t.no_zones)(&data.dir.display().to_string()));
        if ui.button(t.pick_folder).clicked() {
            commands.push(Command::OpenProfilesFolder);
        }
        return commands;
    }
    let (stale, due) = health.totals();
    let illustrative: usize = health.zones.iter().map(|z| z.illustrative).sum();
    let unknown: usize = health.zones.iter().map(|z| z.unknown()).sum();
    ui.label((t.summary)(
        &health.today.to_string(),
        health.zones.len(),
        stale,
        due,
        illustrative,
        unknown,
    ));
    ui.label(RichText::new(t.rule).weak());
    ui.add_space(theme::SECTION_GAP / 2.0);
    let rows = take_rows(state, data);
    // The zones take up to a third of the height; the figures the rest.
    let header_and_rows = (rows.zones.len() as f32 + 1.0) * (theme::ROW_HEIGHT + 1.0);
    let zones_height = header_and_rows.min((ui.available_height() * 0.34).max(3.0 * theme::ROW_HEIGHT));
    ui.push_id("health zones", |ui| {
        zones_table_ui(ui, state, data, &rows, zones_height)
    });
    ui.separator();
    owner_bar_ui(ui, state, data, &rows, &mut commands);
    ui.push_id("health figures", |ui| {
        figures_ui(ui, state, data, &rows, &mut commands);
    });
    put_back(state, rows);
    commands
}

/// A column heading that sorts by its column; clicked again, the other way round. `worst`:
/// the direction a first click shows, the one that puts what needs work first.
fn sort_header<K: PartialEq + Copy>(
    ui: &mut Ui,
    (sort, descending): (&mut K, &mut bool),
    key: K,
    label: &str,
    worst_descending: bool,
) -> egui::Response {
    let arrow = match (*sort == key, *descending) {
        (true, false) => " ↑",
        (true, true) => " ↓",
        (false, _) => "",
    };
    let response = ui.add(egui::Button::new(RichText::new(format!("{label}{arrow}")).strong()).frame(false));
    if response.clicked() {
        if *sort == key {
            *descending = !*descending;
        } else {
            *sort = key;
            *descending = worst_descending;
        }
    }
    response
}

/// The width a table is laid out for, in steps: columns sized for one width (or zoom) are
/// sized afresh for another, rather than kept as they were dragged and running off the view.
fn width_bucket(ui: &Ui) -> i32 {
    (ui.available_width() / 40.0) as i32
}

/// Numbers in a table's cell sit against its right edge.
fn right_aligned(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), add);
}

fn zones_table_ui(ui: &mut Ui, state: &mut HealthState, data: &HealthData, rows: &Rows, height: f32) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    ui.style_mut().interaction.selectable_labels = false;
    // The names take what the counts leave, up to what the longest needs.
    let name_width = (ui.available_width() - 110.0 - 4.0 * 80.0 - 60.0).clamp(180.0, 440.0);
    let bucket = width_bucket(ui);
    let table = TableBuilder::new(ui)
        .id_salt(("health zones", bucket))
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(name_width)
                .at_least(140.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::exact(110.0))
        .columns(Column::exact(80.0), 4)
        .column(Column::remainder())
        .min_scrolled_height(0.0)
        .max_scroll_height(height);
    table
        .header(theme::ROW_HEIGHT, |mut header| {
            let s = &mut *state;
            header.col(|ui| {
                sort_header(
                    ui,
                    (&mut s.zone_sort, &mut s.zone_descending),
                    ZoneSort::Zone,
                    t.col_zone,
                    false,
                );
            });
            let numbers = [
                (ZoneSort::Completeness, t.col_completeness, false),
                (ZoneSort::Stale, t.col_stale, true),
                (ZoneSort::Due, t.col_due, true),
                (ZoneSort::Illustrative, t.col_illustrative, true),
                (ZoneSort::Unknown, t.col_unknown, true),
            ];
            for (key, label, worst) in numbers {
                header.col(|ui| {
                    right_aligned(ui, |ui| {
                        let r =
                            sort_header(ui, (&mut s.zone_sort, &mut s.zone_descending), key, label, worst);
                        if key == ZoneSort::Completeness {
                            r.on_hover_text(t.completeness_hover);
                        }
                    });
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, rows.zones.len(), |mut row| {
                let Some(z) = rows
                    .zones
                    .get(row.index())
                    .and_then(|&i| data.health.zones.get(i))
                else {
                    return;
                };
                let Some(p) = data.zones.get(z.zone.index()).map(|z| &z.profile) else {
                    return;
                };
                row.set_selected(state.zone.as_deref() == Some(p.id.as_str()));
                row.col(|ui| {
                    ui.label(p.name.get(lang)).on_hover_text(format!(
                        "{} · {}\n{}",
                        p.id,
                        p.region.get(lang),
                        t.zone_row_hover
                    ));
                });
                row.col(|ui| {
                    right_aligned(ui, |ui| {
                        ui.label(z.completeness_text())
                            .on_hover_text((t.known_of)(z.known, z.factors));
                    });
                });
                let counts = [
                    (z.stale, palette.stale),
                    (z.due, palette.partial),
                    (z.illustrative, palette.illustrative),
                    (z.unknown(), palette.unknown),
                ];
                for (n, colour) in counts {
                    row.col(|ui| {
                        right_aligned(ui, |ui| {
                            let text = RichText::new(n.to_string());
                            ui.label(if n > 0 { text.color(colour) } else { text.weak() });
                        });
                    });
                }
                row.col(|_| {});
                if row.response().clicked() {
                    // A second click on the zone shows every zone's figures again.
                    state.zone = if state.zone.as_deref() == Some(p.id.as_str()) {
                        None
                    } else {
                        Some(p.id.clone())
                    };
                }
            });
        });
}

/// The figures' heading, the owner picker, the zone clicked, and how many are shown.
fn owner_bar_ui(
    ui: &mut Ui,
    state: &mut HealthState,
    data: &HealthData,
    rows: &Rows,
    commands: &mut Vec<Command>,
) {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.figures_heading).strong());
        ui.add_space(theme::SECTION_GAP);
        let current = match &state.owner {
            None => t.every_owner.to_owned(),
            Some(OwnerFilter::Named(name)) => name.clone(),
            Some(OwnerFilter::Nobody) => owner_text(None, lang).to_owned(),
        };
        let label = ui.label(t.owner);
        let button = ui
            .add(
                egui::Button::new(current.as_str())
                    .truncate()
                    .right_text("▼")
                    .min_size(egui::vec2(240.0, 0.0)),
            )
            .on_hover_text(&current)
            .labelled_by(label.id);
        let search_id = ui.scope_id().with("health owner search");
        let shown = egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| {
                ui.set_min_width(320.0);
                ui.set_max_width(400.0);
                let search = search_box_ui(ui, search_id, c.search, &format!("{} {}", t.owner, c.search));
                if ui
                    .selectable_label(state.owner.is_none(), t.every_owner)
                    .clicked()
                {
                    state.owner = None;
                    ui.close();
                }
                let owners = &data.health.owners;
                let names: Vec<&str> = owners
                    .iter()
                    .map(|o| owner_text(o.owner.as_ref(), lang))
                    .collect();
                let found = pinyin_sorted(ui.ctx(), &names, &search);
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for i in found {
                        let o = &owners[i];
                        let filter = match &o.owner {
                            Some(name) => OwnerFilter::Named(name.to_string()),
                            None => OwnerFilter::Nobody,
                        };
                        ui.horizontal(|ui| {
                            let picked = state.owner.as_ref() == Some(&filter);
                            if ui.selectable_label(picked, names[i]).clicked() {
                                state.owner = Some(filter);
                                ui.close();
                            }
                            ui.label(RichText::new(o.figures.len().to_string()).weak());
                        });
                    }
                });
            });
        if shown.is_none() {
            forget_search(ui, search_id);
        }
        if let Some(id) = state.zone.clone() {
            let name = data
                .zones
                .iter()
                .map(|z| &z.profile)
                .find(|p| p.id == id)
                .map_or(id, |p| p.name.get(lang).to_owned());
            if ui.button((t.only_zone)(&name)).clicked() {
                state.zone = None;
            }
        }
        ui.label(RichText::new((t.shown_of)(rows.figures.len(), rows.of_owner)).weak());
        // The figures of the owner and zone picked that need updating (the text filter
        // only narrows the list on screen).
        if ui
            .add_enabled(rows.of_owner > 0, egui::Button::new(t.export_sheet))
            .on_hover_text(t.export_sheet_hover)
            .clicked()
        {
            commands.push(Command::ExportUpdateSheet(Filter {
                zones: state.zone.clone().map(|z| vec![z]),
                owner: state.owner.clone(),
                stale: true,
            }));
        }
        if ui
            .button(t.import_sheet)
            .on_hover_text(t.import_sheet_hover)
            .clicked()
        {
            commands.push(Command::ImportInventory);
        }
    });
}

fn figures_ui(
    ui: &mut Ui,
    state: &mut HealthState,
    data: &HealthData,
    rows: &Rows,
    commands: &mut Vec<Command>,
) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let health = data.health;
    if rows.figures.is_empty() {
        let said = match state.owner.as_ref().map(|f| (f, health.select(f))) {
            _ if health.owners.is_empty() => t.nothing_to_update.to_owned(),
            Some((f, Selection::AllCurrent)) => (t.owner_all_current)(&filter_name(f, lang)),
            Some((f, Selection::NoSuchOwner)) => (t.owner_gone)(&filter_name(f, lang)),
            _ => t.nothing_found.to_owned(),
        };
        ui.add_space(theme::SECTION_GAP);
        ui.label(RichText::new(said).weak());
        return;
    }
    let palette = theme::palette(ui.ctx());
    ui.style_mut().interaction.selectable_labels = false;
    let height = ui.available_height();
    // The date, the state and the period take what they need; the words share the rest.
    let words = (ui.available_width() - 96.0 - 72.0 - 130.0 - 50.0).max(360.0);
    let share = |part: f32| (words * part).max(80.0);
    let bucket = width_bucket(ui);
    let table = TableBuilder::new(ui)
        .id_salt(("health figures", bucket))
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(share(0.20))
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Column::initial(share(0.28))
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Column::initial(share(0.27))
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Column::initial(share(0.25))
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::exact(96.0))
        .column(Column::exact(72.0))
        .column(Column::remainder().at_least(110.0).clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(height);
    table
        .header(theme::ROW_HEIGHT, |mut header| {
            let s = &mut *state;
            // Each column in order; those that sort say by what, and whether worst is first.
            for (label, sort) in [
                (t.col_owner, Some((FigureSort::Owner, false))),
                (t.col_zone, Some((FigureSort::Zone, false))),
                (t.col_factor, Some((FigureSort::Factor, false))),
                (t.col_value, None),
                (t.col_as_of, Some((FigureSort::AsOf, false))),
                (t.col_state, None),
                (t.col_overdue, Some((FigureSort::Overdue, true))),
            ] {
                header.col(|ui| match sort {
                    Some((key, worst)) => {
                        sort_header(
                            ui,
                            (&mut s.figure_sort, &mut s.figure_descending),
                            key,
                            label,
                            worst,
                        );
                    }
                    None => {
                        ui.label(RichText::new(label).strong());
                    }
                });
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, rows.figures.len(), |mut row| {
                let Some(&(o, i)) = rows.figures.get(row.index()) else {
                    return;
                };
                let Some(owner) = health.owners.get(o as usize) else {
                    return;
                };
                let Some(f) = owner.figures.get(i as usize) else {
                    return;
                };
                // Worded for the rows on screen only.
                let w = figure_texts(data.catalog, data.zones, f, lang);
                let colour = match f.freshness {
                    Freshness::Stale => palette.stale,
                    _ => palette.partial,
                };
                let owner_name = owner_text(owner.owner.as_ref(), lang);
                // Sorted by owner, an owner's name after its first figure is greyed, so that
                // each owner's list reads as one.
                let same_owner = state.figure_sort == FigureSort::Owner
                    && row
                        .index()
                        .checked_sub(1)
                        .and_then(|i| rows.figures.get(i))
                        .is_some_and(|&(before, _)| before == o);
                row.col(|ui| {
                    let text = RichText::new(owner_name);
                    ui.label(if same_owner { text.weak() } else { text.strong() })
                        .on_hover_text(owner_name);
                });
                row.col(|ui| {
                    ui.label(&w.zone_name).on_hover_text(&w.zone_id);
                });
                row.col(|ui| {
                    ui.label(&w.factor_name).on_hover_text(t.figure_hover);
                });
                row.col(|ui| {
                    ui.label(&w.value).on_hover_text(&w.value);
                });
                row.col(|ui| {
                    ui.label(f.as_of.to_string());
                });
                row.col(|ui| {
                    ui.label(RichText::new(w.freshness).color(colour))
                        .on_hover_text(f.freshness.advice(lang));
                });
                row.col(|ui| {
                    ui.label(RichText::new(&w.overdue).color(colour));
                });
                if row.response().on_hover_text(t.figure_hover).clicked() {
                    commands.push(Command::OpenFigure(f.zone, f.factor));
                }
            });
        });
}

/// The owner a filter names, as a reader sees it.
fn filter_name(filter: &OwnerFilter, lang: Lang) -> String {
    match filter {
        OwnerFilter::Named(name) => name.clone(),
        OwnerFilter::Nobody => owner_text(None, lang).to_owned(),
    }
}
