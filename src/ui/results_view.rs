//! 匹配结果 — the ranking of every zone for the working checklist: a sortable, filterable table
//! that lays out only the rows on screen, and below it the selected zone's item-by-item
//! breakdown, or 2–4 picked zones side by side.

mod texts;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use self::texts::TEXTS;
use super::breakdown::{breakdown_ui, compare_ui, tier_missing_text};
use super::no_zones::{Folder, no_zones_ui};
use super::texts::common;
use super::theme;
use crate::io::Zone;
use crate::model::number;
use crate::model::{Catalog, Lang, ZoneIdx, ZoneProfile};
use crate::scoring::explain::{failed_must_names, gap_text};
use crate::scoring::stability::first_place_text;
use crate::scoring::tier::readiness;
use crate::scoring::{Status, ZoneResult};
use crate::state::Command;
use crate::state::workspace::Results;

/// How many zones can be compared side by side.
pub const COMPARE_MAX: usize = 4;

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Rank,
    Zone,
    Score,
    Unknown,
    Completeness,
}

/// The results view's own state.
#[derive(Clone, Debug)]
pub struct ResultsState {
    pub filter: String,
    pub sort: SortKey,
    pub descending: bool,
    /// The zone whose breakdown is shown.
    pub selected: Option<ZoneIdx>,
    /// Zones picked for side-by-side comparison.
    pub compare: Vec<ZoneIdx>,
    /// Move the keyboard focus to the filter box on the next frame (Ctrl+F).
    pub focus_filter: bool,
    /// The comparison is shown below the table (a tick was the last thing clicked), rather
    /// than the breakdown of the selected row (a row was).
    pub showing_compare: bool,
    /// The row (in the order shown) to bring into view on the next frame.
    pub scroll_to: Option<usize>,
}

impl Default for ResultsState {
    fn default() -> Self {
        ResultsState {
            filter: String::new(),
            sort: SortKey::Rank,
            descending: false,
            selected: None,
            compare: Vec::new(),
            focus_filter: false,
            showing_compare: false,
            scroll_to: None,
        }
    }
}

/// What the results view reads.
pub struct ResultsData<'a> {
    pub catalog: &'a Catalog,
    pub zones: &'a [Zone],
    pub folder: Folder<'a>,
    pub results: &'a Results,
    pub lang: Lang,
    pub today: jiff::civil::Date,
}

impl ResultsData<'_> {
    /// A loaded zone's profile.
    pub fn profile(&self, zone: ZoneIdx) -> Option<&ZoneProfile> {
        self.zones.get(zone.index()).map(|z| &z.profile)
    }
}

/// The positions in the ranking of the rows to show, filtered and sorted.
pub fn visible_rows(state: &ResultsState, data: &ResultsData) -> Vec<usize> {
    let needle = state.filter.trim().to_lowercase();
    let zones = &data.results.ranking.zones;
    let mut rows: Vec<usize> = (0..zones.len())
        .filter(|&i| {
            needle.is_empty()
                || data.profile(zones[i].zone).is_some_and(|p| {
                    p.id.to_lowercase().contains(&needle)
                        || p.name.matches(&needle)
                        || p.region.matches(&needle)
                })
        })
        .collect();
    let name = |i: usize| data.profile(zones[i].zone).map_or("", |p| p.name.get(data.lang));
    match state.sort {
        SortKey::Rank => {}
        // Chinese names in pinyin order, as a Chinese reader looks them up.
        SortKey::Zone => rows.sort_by_cached_key(|&i| (crate::model::search::sort_key(name(i)), name(i))),
        SortKey::Score => rows.sort_by(|&a, &b| zones[a].score.cmp(&zones[b].score).then(b.cmp(&a))),
        SortKey::Unknown => rows.sort_by_key(|&i| zones[i].counts.unknown),
        SortKey::Completeness => rows.sort_by(|&a, &b| zones[a].completeness.cmp(&zones[b].completeness)),
    }
    if state.descending {
        rows.reverse();
    }
    rows
}

/// Draws the results view.
pub fn results_view_ui(ui: &mut Ui, state: &mut ResultsState, data: &ResultsData) -> Vec<Command> {
    let mut commands = Vec::new();
    let t = TEXTS.get(data.lang);
    ui.horizontal(|ui| {
        ui.heading(t.heading);
        ui.add_space(16.0);
        let label = ui.label(t.filter);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text(t.filter_hint)
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_filter) {
            response.request_focus();
        }
        if !state.compare.is_empty() && ui.button((t.clear_comparison)(state.compare.len())).clicked() {
            state.compare.clear();
        }
    });
    if data.zones.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        commands.extend(no_zones_ui(ui, data.folder, data.lang));
        return commands;
    }
    if data.results.requirements.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(t.nothing_scored);
        return commands;
    }
    // How firm the first place is: whether one change of one item's importance would swap
    // the top two (the leadership's first question of a ranking).
    if let Some(finding) = &data.results.first_place {
        let palette = theme::palette(ui.ctx());
        let (mark, colour) = match finding {
            Some(_) => ("△ ", palette.partial),
            None => ("✔ ", palette.met),
        };
        let text = first_place_text(data.catalog, finding.as_ref(), data.zones, data.lang);
        ui.label(egui::RichText::new(format!("{mark}{text}")).color(colour));
    }
    let rows = visible_rows(state, data);
    let comparing = state.compare.len() >= 2 && (state.showing_compare || state.selected.is_none());
    // With nothing to show below, the table takes the window's height; with a breakdown or a
    // comparison, a little under half of it.
    let details = comparing || state.selected.is_some();
    let available = ui.available_height();
    let table_height = if details {
        (available * 0.42).max(160.0)
    } else {
        (available - 3.0 * theme::ROW_HEIGHT).max(160.0)
    };
    move_with_keys(ui, state, data, &rows, table_height);
    ui.push_id("ranking table", |ui| {
        table_ui(ui, state, data, &rows, table_height)
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("details")
        .auto_shrink(false)
        .show(ui, |ui| {
            if comparing {
                compare_ui(ui, data, &state.compare);
            } else if let Some(zone) = state.selected {
                match data.results.ranking.find(zone) {
                    Some((rank, result)) => breakdown_ui(ui, data, rank, result, &mut commands),
                    None => {
                        ui.label(t.selected_gone);
                    }
                }
            } else {
                ui.label(RichText::new(t.click_a_row).weak());
            }
        });
    commands
}

/// Up / Down, Page Up / Page Down, Home / End move the selection through the rows shown, when
/// no text field has the keyboard.
fn move_with_keys(ui: &Ui, state: &mut ResultsState, data: &ResultsData, rows: &[usize], table_height: f32) {
    let zone_of = |row: usize| data.results.ranking.zones[rows[row]].zone;
    if rows.is_empty() || ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let page = ((table_height / theme::ROW_HEIGHT) as usize)
        .saturating_sub(1)
        .max(1);
    let last = rows.len() - 1;
    let key = |k: egui::Key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k));
    let now = state
        .selected
        .and_then(|z| (0..rows.len()).position(|r| zone_of(r) == z));
    let to = if key(egui::Key::ArrowDown) {
        Some(now.map_or(0, |n| (n + 1).min(last)))
    } else if key(egui::Key::ArrowUp) {
        Some(now.map_or(0, |n| n.saturating_sub(1)))
    } else if key(egui::Key::PageDown) {
        Some(now.map_or(0, |n| (n + page).min(last)))
    } else if key(egui::Key::PageUp) {
        Some(now.map_or(0, |n| n.saturating_sub(page)))
    } else if key(egui::Key::Home) {
        Some(0)
    } else if key(egui::Key::End) {
        Some(last)
    } else {
        None
    };
    if let Some(to) = to {
        state.selected = Some(zone_of(to));
        state.showing_compare = false;
        state.scroll_to = Some(to);
    }
}

fn sort_header(ui: &mut Ui, state: &mut ResultsState, key: SortKey, label: &str) {
    let arrow = match (state.sort == key, state.descending) {
        (true, false) => " ↑",
        (true, true) => " ↓",
        (false, _) => "",
    };
    if ui
        .add(egui::Button::new(RichText::new(format!("{label}{arrow}")).strong()).frame(false))
        .clicked()
    {
        if state.sort == key {
            state.descending = !state.descending;
        } else {
            state.sort = key;
            // Scores and completeness read best first; names and ranks from the top.
            state.descending = matches!(key, SortKey::Score | SortKey::Completeness);
        }
    }
}

fn table_ui(ui: &mut Ui, state: &mut ResultsState, data: &ResultsData, rows: &[usize], height: f32) {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    let palette = theme::palette(ui.ctx());
    let zones = &data.results.ranking.zones;
    // A click anywhere on a row selects it; labels must not take the click for text selection.
    ui.style_mut().interaction.selectable_labels = false;
    // The readiness column fits the longest tier name of the language ("Ready within six
    // months"), so that none is cut.
    let body_font = egui::TextStyle::Body.resolve(ui.style());
    let readiness_width = data
        .catalog
        .tiers()
        .iter()
        .map(|t| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(
                    t.name.get(lang).to_owned(),
                    body_font.clone(),
                    egui::Color32::WHITE,
                )
                .size()
                .x
            })
        })
        .fold(96.0_f32, f32::max)
        + 12.0;
    let table = TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(34.0))
        .column(Column::exact(56.0))
        .column(Column::initial(230.0).at_least(120.0).clip(true).resizable(true))
        .column(Column::exact(theme::SCORE_BAR_WIDTH + 10.0))
        .column(Column::initial(150.0).clip(true).resizable(true))
        .column(Column::initial(readiness_width).clip(true).resizable(true))
        .columns(Column::exact(30.0), 4)
        .column(Column::exact(60.0))
        .column(Column::remainder().clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(height);
    let table = match state.scroll_to.take() {
        Some(row) => table.scroll_to_row(row, None),
        None => table,
    };
    table
        .header(theme::ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new(t.col_compare).strong());
            });
            header.col(|ui| sort_header(ui, state, SortKey::Rank, t.col_rank));
            header.col(|ui| sort_header(ui, state, SortKey::Zone, t.col_zone));
            header.col(|ui| sort_header(ui, state, SortKey::Score, c.score));
            header.col(|ui| {
                ui.label(RichText::new(c.qualified_heading).strong());
            });
            header.col(|ui| {
                ui.label(RichText::new(t.col_readiness).strong())
                    .on_hover_text(t.readiness_hover);
            });
            for s in [Status::Met, Status::Partial, Status::Unmet] {
                header.col(|ui| {
                    ui.label(RichText::new(s.mark()).strong().color(palette.status(s)))
                        .on_hover_text(s.label(lang));
                });
            }
            header.col(|ui| sort_header(ui, state, SortKey::Unknown, Status::Unknown.mark()));
            header.col(|ui| sort_header(ui, state, SortKey::Completeness, t.col_completeness));
            header.col(|ui| {
                ui.label(RichText::new(t.col_largest_gap).strong());
            });
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                let Some(&pos) = rows.get(row.index()) else { return };
                let z = &zones[pos];
                let Some(profile) = data.profile(z.zone) else {
                    return;
                };
                row.set_selected(state.selected == Some(z.zone));
                row.col(|ui| {
                    let mut on = state.compare.contains(&z.zone);
                    let full = state.compare.len() >= COMPARE_MAX && !on;
                    let name = (t.compare_tick)(profile.name.get(lang));
                    let response = ui
                        .add_enabled(!full, egui::Checkbox::without_text(&mut on))
                        .accessible_name(name);
                    if response.changed() {
                        if on {
                            state.compare.push(z.zone);
                        } else {
                            state.compare.retain(|x| *x != z.zone);
                        }
                        state.showing_compare = true;
                    }
                });
                row.col(|ui| {
                    right_aligned(ui, |ui| {
                        ui.label((pos + 1).to_string());
                    });
                });
                row.col(|ui| {
                    ui.label(profile.name.get(lang)).on_hover_text(format!(
                        "{} · {}",
                        profile.id,
                        profile.region.get(lang)
                    ));
                });
                row.col(|ui| score_bar_ui(ui, z));
                row.col(|ui| qualified_ui(ui, data, z));
                row.col(|ui| {
                    // Worked out for the rows on screen only.
                    if let Some(r) = readiness(data.catalog, profile, data.today) {
                        let label = ui.label(r.tier.name.get(lang));
                        if !r.missing_for_next.is_empty() {
                            label.on_hover_text(tier_missing_text(data.catalog, &r, lang));
                        }
                    }
                });
                for s in Status::ALL {
                    row.col(|ui| {
                        let n = z.counts.get(s);
                        let text = RichText::new(n.to_string());
                        right_aligned(ui, |ui| {
                            ui.label(if n > 0 {
                                text.color(palette.status(s))
                            } else {
                                text.weak()
                            })
                            .on_hover_text(s.label(lang));
                        });
                    });
                }
                row.col(|ui| {
                    right_aligned(ui, |ui| {
                        ui.label(format!("{}%", number::fixed(z.completeness, 0)));
                    });
                });
                row.col(|ui| {
                    if let Some(text) = largest_gap_text(data, z) {
                        // The column may cut it: the whole text is in the hover.
                        ui.label(&text).on_hover_text(text);
                    }
                });
                if row.response().clicked() {
                    state.selected = Some(z.zone);
                    // A row clicked while zones are ticked shows that row's breakdown.
                    state.showing_compare = false;
                }
            });
        });
}

/// Numbers in a table's cell sit against its right edge, as in the printed report.
fn right_aligned(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), add);
}

/// The score as a number and a bar; the number is the exact score rounded to one decimal.
fn score_bar_ui(ui: &mut Ui, z: &ZoneResult) {
    let palette = theme::palette(ui.ctx());
    let color = if z.qualified { palette.met } else { palette.unmet };
    ui.add(
        egui::ProgressBar::new(z.score.to_f64() as f32 / 100.0)
            .desired_width(theme::SCORE_BAR_WIDTH)
            .fill(color.gamma_multiply(0.55))
            .text(RichText::new(z.score.fixed(1)).strong()),
    );
}

fn qualified_ui(ui: &mut Ui, data: &ResultsData, z: &ZoneResult) {
    let lang = data.lang;
    let palette = theme::palette(ui.ctx());
    if z.qualified {
        ui.label(RichText::new(format!("✔ {}", common(lang).qualified)).color(palette.met));
    } else {
        let names = failed_must_names(data.catalog, z, lang);
        ui.label(RichText::new(format!("✘ {}", names)).color(palette.unmet))
            .on_hover_text((TEXTS.get(lang).must_haves_not_met)(&names));
    }
}

/// `可供工业用地面积：差 77 亩`, built only for rows on screen.
pub fn largest_gap_text(data: &ResultsData, z: &ZoneResult) -> Option<String> {
    let item = z.largest_gap()?;
    let req = data.results.requirements.get(item.req.index())?;
    let factor = data.catalog.factor(item.factor);
    let offered = data
        .profile(z.zone)
        .and_then(|p| p.entry(item.factor))
        .map(|e| &e.value);
    let gap = gap_text(data.catalog, factor, &req.required, offered, item.gap, data.lang)?;
    Some((TEXTS.get(data.lang).factor_gap)(
        factor.name.get(data.lang),
        &gap,
    ))
}
