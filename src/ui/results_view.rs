//! 匹配结果 — the ranking of every zone for the working checklist: a sortable, filterable table
//! that lays out only the rows on screen, and below it the selected zone's item-by-item
//! breakdown, or 2–4 picked zones side by side.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::breakdown::{breakdown_ui, compare_ui, tier_missing_text};
use super::theme;
use crate::io::Zone;
use crate::model::number;
use crate::model::{Catalog, Lang, ZoneIdx, ZoneProfile};
use crate::scoring::explain::{failed_must_names, gap_text};
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
        }
    }
}

/// What the results view reads.
pub struct ResultsData<'a> {
    pub catalog: &'a Catalog,
    pub zones: &'a [Zone],
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
                        || p.name.contains_ignore_case(&needle)
                        || p.region.contains_ignore_case(&needle)
                })
        })
        .collect();
    let name = |i: usize| data.profile(zones[i].zone).map_or("", |p| p.name.get(data.lang));
    match state.sort {
        SortKey::Rank => {}
        SortKey::Zone => rows.sort_by(|&a, &b| name(a).cmp(name(b))),
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
    let lang = data.lang;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("匹配结果", "Match results"));
        ui.add_space(16.0);
        let label = ui.label(lang.pick("筛选", "Filter"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text(lang.pick("开发区名称或编号  Ctrl+F", "zone name or id  Ctrl+F"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_filter) {
            response.request_focus();
        }
        if !state.compare.is_empty() {
            let text = match lang {
                Lang::Zh => format!("清除对比（{}）", state.compare.len()),
                Lang::En => format!("Clear comparison ({})", state.compare.len()),
            };
            if ui.button(text).clicked() {
                state.compare.clear();
            }
        }
    });
    if data.results.requirements.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(lang.pick(
            "需求表尚无可计分的要求。请在“投资需求”中填写要求。",
            "The checklist has no requirement to score yet. Fill one in under Investor checklist.",
        ));
        return commands;
    }
    let rows = visible_rows(state, data);
    let table_height = (ui.available_height() * 0.42).max(160.0);
    ui.push_id("ranking table", |ui| {
        table_ui(ui, state, data, &rows, table_height)
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("details")
        .auto_shrink(false)
        .show(ui, |ui| {
            if state.compare.len() >= 2 {
                compare_ui(ui, data, &state.compare);
            } else if let Some(zone) = state.selected {
                match data.results.ranking.find(zone) {
                    Some((rank, result)) => breakdown_ui(ui, data, rank, result, &mut commands),
                    None => {
                        ui.label(lang.pick(
                            "所选开发区已不在列表中。",
                            "The selected zone is no longer listed.",
                        ));
                    }
                }
            } else {
                ui.label(RichText::new(lang.pick(
                "点击一行查看该开发区的逐项说明；勾选 2–4 个开发区可并排对比。",
                "Click a row to see the zone item by item; tick 2–4 zones to compare them side by side.",
            ))
            .weak());
            }
        });
    commands
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
    let palette = theme::palette(ui.ctx());
    let zones = &data.results.ranking.zones;
    // A click anywhere on a row selects it; labels must not take the click for text selection.
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(34.0))
        .column(Column::exact(56.0))
        .column(Column::initial(230.0).at_least(120.0).clip(true).resizable(true))
        .column(Column::exact(theme::SCORE_BAR_WIDTH + 10.0))
        .column(Column::initial(150.0).clip(true).resizable(true))
        .column(Column::initial(96.0).clip(true).resizable(true))
        .columns(Column::exact(30.0), 4)
        .column(Column::exact(60.0))
        .column(Column::remainder().clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(height)
        .header(theme::ROW_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new(lang.pick("对比", "Cmp")).strong());
            });
            header.col(|ui| sort_header(ui, state, SortKey::Rank, lang.pick("排名", "Rank")));
            header.col(|ui| sort_header(ui, state, SortKey::Zone, lang.pick("开发区", "Zone")));
            header.col(|ui| sort_header(ui, state, SortKey::Score, lang.pick("得分", "Score")));
            header.col(|ui| {
                ui.label(RichText::new(lang.pick("资格", "Qualified")).strong());
            });
            header.col(|ui| {
                ui.label(RichText::new(lang.pick("就绪等级", "Readiness")).strong())
                    .on_hover_text(lang.pick(
                        "按要素目录中的就绪等级定义，由开发区现有资料判定，与本需求表无关",
                        "From the zone's inventory by the catalog's tier definitions, whatever the checklist",
                    ));
            });
            for s in [Status::Met, Status::Partial, Status::Unmet] {
                header.col(|ui| {
                    ui.label(RichText::new(s.mark()).strong().color(palette.status(s)))
                        .on_hover_text(s.label(lang));
                });
            }
            header.col(|ui| sort_header(ui, state, SortKey::Unknown, Status::Unknown.mark()));
            header.col(|ui| sort_header(ui, state, SortKey::Completeness, lang.pick("完整度", "Data")));
            header.col(|ui| {
                ui.label(RichText::new(lang.pick("最大差距", "Largest gap")).strong());
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
                    let name = format!("{} {}", lang.pick("对比", "compare"), profile.name.get(lang));
                    let response = ui
                        .add_enabled(!full, egui::Checkbox::without_text(&mut on))
                        .accessible_name(name);
                    if response.changed() {
                        if on {
                            state.compare.push(z.zone);
                        } else {
                            state.compare.retain(|x| *x != z.zone);
                        }
                    }
                });
                row.col(|ui| {
                    ui.label((pos + 1).to_string());
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
                        ui.label(if n > 0 {
                            text.color(palette.status(s))
                        } else {
                            text.weak()
                        });
                    });
                }
                row.col(|ui| {
                    ui.label(format!("{}%", number::fixed(z.completeness, 0)));
                });
                row.col(|ui| {
                    if let Some(text) = largest_gap_text(data, z) {
                        ui.label(text);
                    }
                });
                if row.response().clicked() {
                    state.selected = Some(z.zone);
                }
            });
        });
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
        ui.label(RichText::new(format!("✔ {}", lang.pick("合格", "qualified"))).color(palette.met));
    } else {
        let names = failed_must_names(data.catalog, z, lang);
        ui.label(RichText::new(format!("✘ {}", names)).color(palette.unmet))
            .on_hover_text(format!(
                "{}{}",
                lang.pick("未满足的必须项：", "Must-haves not met: "),
                names
            ));
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
    Some(format!(
        "{}{}{gap}",
        factor.name.get(data.lang),
        data.lang.pick("：", ": ")
    ))
}
