//! One zone item by item (status in colour and mark, required against offered with units, the
//! gap, and where each figure comes from), and 2–4 zones side by side.

mod texts;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use self::texts::TEXTS;
use super::results_view::ResultsData;
use super::texts::common;
use super::theme::{self, Palette};
use crate::model::{Lang, ZoneIdx, number};
use crate::plan::plan_lines;
use crate::scoring::explain::{ItemTexts, failed_must_names, item_texts};
use crate::scoring::tier::{Readiness, readiness};
use crate::scoring::{Status, ZoneResult};
use crate::state::Command;

/// The breakdown of one zone.
pub fn breakdown_ui(
    ui: &mut Ui,
    data: &ResultsData,
    rank: usize,
    z: &ZoneResult,
    commands: &mut Vec<Command>,
) {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    let palette = theme::palette(ui.ctx());
    let Some(profile) = data.profile(z.zone) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(format!("{rank}. {}", profile.name.get(lang)));
        ui.label(RichText::new(format!("{} · {}", profile.id, profile.region.get(lang))).weak());
        if ui.small_button(t.edit_profile).clicked() {
            commands.push(Command::SelectProfile(z.zone));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} {}", c.score, z.score.fixed(1))).strong());
        if z.qualified {
            ui.label(RichText::new(format!("✔ {}", t.qualified_every_must)).color(palette.met));
        } else {
            let names = failed_must_names(data.catalog, z, lang);
            ui.label(RichText::new(format!("✘ {}", (t.not_qualified)(&names))).color(palette.unmet));
        }
        for s in Status::ALL {
            ui.label(
                RichText::new(format!("{} {} {}", s.mark(), s.label(lang), z.counts.get(s)))
                    .color(palette.status(s)),
            );
        }
        ui.label((t.completeness)(&number::fixed(z.completeness, 0)));
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(r) = readiness(data.catalog, profile, data.today) {
            let missing = tier_missing_text(data.catalog, &r, lang);
            let label = ui.label((t.readiness)(r.tier.name.get(lang)));
            if !missing.is_empty() {
                label.on_hover_text(missing);
            }
        }
        if !profile.contact.is_empty() {
            ui.label(RichText::new((t.contact)(&profile.contact)).weak());
        }
    });
    category_strip(ui, data, z);
    plan_ui(ui, data, profile, z);
    ui.add_space(4.0);

    let rows: Vec<(Option<String>, Option<ItemTexts>)> = {
        let mut rows = Vec::new();
        let mut last_category = None;
        for item in &z.items {
            let Some(req) = data.results.requirements.get(item.req.index()) else {
                continue;
            };
            let category = data.catalog.factor(item.factor).category;
            if last_category != Some(category) {
                last_category = Some(category);
                rows.push((
                    Some(data.catalog.category(category).name.get(lang).to_owned()),
                    None,
                ));
            }
            rows.push((
                None,
                Some(item_texts(data.catalog, req, item, profile, lang, data.today)),
            ));
        }
        rows
    };
    ui.push_id(("breakdown", z.zone), |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(86.0))
            .column(Column::initial(190.0).clip(true).resizable(true))
            .column(Column::exact(76.0))
            .column(Column::initial(150.0).clip(true).resizable(true))
            .column(Column::initial(150.0).clip(true).resizable(true))
            .column(Column::initial(200.0).clip(true).resizable(true))
            .column(Column::remainder().clip(true))
            .header(theme::ROW_HEIGHT, |mut header| {
                for h in [
                    t.col_status,
                    c.factor,
                    c.importance,
                    c.required,
                    t.col_offered,
                    t.col_gap,
                    t.col_source,
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(h).strong());
                    });
                }
            })
            .body(|mut body| {
                for (category, texts) in &rows {
                    body.row(theme::ROW_HEIGHT, |mut row| {
                        if let Some(category) = category {
                            row.col(|_| {});
                            row.col(|ui| {
                                ui.label(RichText::new(category).strong());
                            });
                            for _ in 0..5 {
                                row.col(|_| {});
                            }
                            return;
                        }
                        let Some(t) = texts else { return };
                        item_row(&mut row, t, lang, &palette);
                    });
                }
            });
    });
}

/// What it would take: the changes that qualify the zone, then those that lift it to the
/// target score, each with its gain.
fn plan_ui(ui: &mut Ui, data: &ResultsData, profile: &crate::model::ZoneProfile, z: &ZoneResult) {
    let lang = data.lang;
    let plan = data.results.plan(profile, z);
    if plan.is_empty() {
        return;
    }
    let t = TEXTS.get(lang);
    let title = if plan.qualified {
        (t.plan_to_target)(&number::plain(plan.target))
    } else {
        (t.plan_to_qualify)(&plan.score_qualified.fixed(1), &plan.score_after.fixed(1))
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("plan", z.zone))
        .default_open(true)
        .show(ui, |ui| {
            for (i, line) in plan_lines(data.catalog, &plan, lang).iter().enumerate() {
                ui.label(format!("{}. {line}", i + 1));
            }
        });
}

/// What keeps a zone out of the tier above, for the tier's hover text.
pub fn tier_missing_text(catalog: &crate::model::Catalog, r: &Readiness, lang: Lang) -> String {
    if r.missing_for_next.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = r
        .missing_for_next
        .iter()
        .map(|f| catalog.factor(*f).name.get(lang))
        .collect();
    (TEXTS.get(lang).tier_missing)(&names.join(lang.list_separator()))
}

fn item_row(row: &mut egui_extras::TableRow, t: &ItemTexts, lang: Lang, palette: &Palette) {
    let color = palette.status(t.status);
    row.col(|ui| {
        ui.label(RichText::new(format!("{} {}", t.status.mark(), t.status.label(lang))).color(color));
    });
    row.col(|ui| {
        ui.label(&t.factor).on_hover_text(&t.factor);
    });
    row.col(|ui| {
        ui.label(t.importance);
    });
    row.col(|ui| {
        ui.label(&t.required).on_hover_text(&t.required);
    });
    row.col(|ui| match &t.offered {
        Some(o) => {
            ui.label(o).on_hover_text(o);
        }
        None => {
            ui.label(RichText::new("—").weak());
        }
    });
    row.col(|ui| {
        if let Some(g) = &t.gap {
            ui.label(RichText::new(g).color(color)).on_hover_text(g);
        }
    });
    row.col(|ui| provenance_ui(ui, t, lang, palette));
}

/// Date, owner and source, with the illustrative mark and, for a figure due or stale, its
/// state with what it asks of the owner on hover (a current figure shows its date alone).
fn provenance_ui(ui: &mut Ui, item: &ItemTexts, lang: Lang, palette: &Palette) {
    let t = TEXTS.get(lang);
    if item.illustrative {
        ui.label(RichText::new(t.illustrative).color(palette.illustrative).strong())
            .on_hover_text(t.illustrative_hover);
    }
    if let Some(date) = item.as_of {
        match item.freshness.and_then(|f| Some((f, palette.freshness(f)?))) {
            Some((f, color)) => {
                ui.label(RichText::new(date.to_string()).color(color))
                    .on_hover_text(f.advice(lang));
                freshness_tag_ui(ui, f, lang, palette);
            }
            None => {
                ui.label(date.to_string());
            }
        }
    }
    if let Some(owner) = &item.owner {
        let text = (t.owner)(owner);
        ui.label(RichText::new(&text).weak()).on_hover_text(&text);
    }
    if let Some(s) = &item.source {
        ui.label(RichText::new(s).weak()).on_hover_text(s);
    }
}

/// The word of a due or stale figure (`待更新`, `已过期`) in its colour, with what it asks of
/// the owner on hover; nothing for a current one.
pub fn freshness_tag_ui(ui: &mut Ui, f: crate::model::Freshness, lang: Lang, palette: &Palette) {
    let Some(color) = palette.freshness(f) else {
        return;
    };
    let mut text = RichText::new(f.label(lang)).color(color);
    if f == crate::model::Freshness::Stale {
        text = text.strong();
    }
    ui.label(text).on_hover_text(f.advice(lang));
}

/// The category profile as a strip: per catalog category a small bar of its score out of
/// 100 and, beside it, the name and the score in words (so it reads in black and white and to
/// a screen reader); the hover says how many items it scores and how many are unknown.
fn category_strip(ui: &mut Ui, data: &ResultsData, z: &ZoneResult) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let visuals = ui.visuals().clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.categories).weak());
        for c in crate::scoring::category::profile(data.catalog, z) {
            let name = data.catalog.category(c.category).name.get(lang);
            let value = c
                .score
                .as_ref()
                .map_or_else(|| t.not_requested.to_owned(), |s| s.fixed(1));
            let hover = (t.category_hover)(name, &value, c.items, c.unknown);
            let (rect, response) = ui.allocate_exact_size(egui::vec2(48.0, 10.0), egui::Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
            painter.rect_stroke(
                rect,
                2.0,
                visuals.widgets.noninteractive.bg_stroke,
                egui::StrokeKind::Inside,
            );
            if let Some(s) = &c.score {
                let share = (s.to_f64() / 100.0).clamp(0.0, 1.0) as f32;
                let mut filled = rect;
                filled.set_width(rect.width() * share);
                painter.rect_filled(filled, 2.0, visuals.selection.bg_fill);
            }
            response.on_hover_text(&hover);
            ui.label(format!("{name} {value}")).on_hover_text(hover);
            ui.add_space(6.0);
        }
    });
}

/// The fill of the n-th zone's bars: a theme colour and a pattern of its own (solid, hatched,
/// dotted, outlined), so that the chart reads in black and white too; each bar also carries
/// the zone's rank above it.
fn zone_fill(visuals: &egui::Visuals, n: usize) -> (egui::Color32, usize) {
    let colours = [
        visuals.selection.bg_fill,
        visuals.hyperlink_color,
        visuals.widgets.active.bg_fill,
        visuals.weak_text_color(),
    ];
    (colours[n % colours.len()], n % 4)
}

fn paint_bar(painter: &egui::Painter, rect: egui::Rect, colour: egui::Color32, pattern: usize) {
    let stroke = egui::Stroke::new(1.0, colour);
    match pattern {
        0 => {
            painter.rect_filled(rect, 0.0, colour);
        }
        1 => {
            // Hatched: diagonal lines, clipped to the bar.
            let p = painter.with_clip_rect(rect);
            let mut x = rect.left() - rect.height();
            while x < rect.right() {
                p.line_segment(
                    [
                        egui::pos2(x, rect.bottom()),
                        egui::pos2(x + rect.height(), rect.top()),
                    ],
                    stroke,
                );
                x += 5.0;
            }
        }
        2 => {
            let mut y = rect.top() + 2.0;
            while y < rect.bottom() {
                let mut x = rect.left() + 2.0;
                while x < rect.right() {
                    painter.circle_filled(egui::pos2(x, y), 1.0, colour);
                    x += 4.0;
                }
                y += 4.0;
            }
        }
        _ => {}
    }
    painter.rect_stroke(rect, 0.0, stroke, egui::StrokeKind::Inside);
}

/// The comparison chart: the catalog's categories side by side, in each a bar per zone of its
/// score there (0–100); a category the checklist asks nothing of has no bars and says so.
/// Every value is also in the chart's accessible name and in each bar's hover.
fn category_chart(ui: &mut Ui, data: &ResultsData, picked: &[(usize, &ZoneResult)]) {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let visuals = ui.visuals().clone();
    let profiles: Vec<Vec<crate::scoring::category::CategoryScore>> = picked
        .iter()
        .map(|(_, z)| crate::scoring::category::profile(data.catalog, z))
        .collect();
    let categories: Vec<_> = data.catalog.categories().collect();
    let name_of = |z: &ZoneResult| data.profile(z.zone).map_or("", |p| p.name.get(lang));
    // The values in words: the accessible name, and what a screen reader reads.
    let mut words = vec![t.category_chart.to_owned()];
    for ((rank, z), profile) in picked.iter().zip(&profiles) {
        let values: Vec<String> = profile
            .iter()
            .map(|c| {
                let name = data.catalog.category(c.category).name.get(lang);
                let value = c
                    .score
                    .as_ref()
                    .map_or_else(|| t.not_requested.to_owned(), |s| s.fixed(1));
                format!("{name} {value}")
            })
            .collect();
        words.push(format!("{rank}. {}：{}", name_of(z), values.join("，")));
    }
    let font = egui::FontId::proportional(12.0);
    let (height, label_room) = (120.0, 46.0);
    let group = (ui.available_width().min(760.0) / categories.len().max(1) as f32).max(90.0);
    let size = egui::vec2(group * categories.len() as f32, height + label_room + 16.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let label = words.join("；");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, label.clone()));
    let painter = ui.painter_at(rect);
    let base = rect.top() + 16.0 + height;
    painter.line_segment(
        [egui::pos2(rect.left(), base), egui::pos2(rect.right(), base)],
        visuals.widgets.noninteractive.bg_stroke,
    );
    // Faint guides at 50 and 100, named at the right, so a bar's height reads as a score.
    for level in [50.0_f32, 100.0] {
        let y = base - height * level / 100.0;
        painter.line_segment(
            [egui::pos2(rect.left(), y), egui::pos2(rect.right() - 24.0, y)],
            egui::Stroke::new(0.5, visuals.weak_text_color()),
        );
        painter.text(
            egui::pos2(rect.right() - 2.0, y),
            egui::Align2::RIGHT_CENTER,
            format!("{level}"),
            egui::FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
    }
    let bar_w = ((group - 16.0) / picked.len().max(1) as f32).min(36.0);
    let mut hovered = None;
    for (k, (_, category)) in categories.iter().enumerate() {
        let left = rect.left() + group * k as f32 + 8.0;
        let name = category.name.get(lang);
        // The category's name under its bars, wrapped to the group's width (long English
        // names take two lines).
        let galley = painter.layout(name.to_owned(), font.clone(), visuals.text_color(), group - 8.0);
        let at = egui::pos2(left + (group - 16.0) / 2.0 - galley.size().x / 2.0, base + 4.0);
        painter.galley(at, galley, visuals.text_color());
        let asked = profiles
            .iter()
            .any(|p| p.get(k).is_some_and(|c| c.score.is_some()));
        if !asked {
            painter.text(
                egui::pos2(left + (group - 16.0) / 2.0, base - 8.0),
                egui::Align2::CENTER_BOTTOM,
                t.not_requested,
                font.clone(),
                visuals.weak_text_color(),
            );
            continue;
        }
        for (n, ((rank, z), profile)) in picked.iter().zip(&profiles).enumerate() {
            let Some(score) = profile.get(k).and_then(|c| c.score.as_ref()) else {
                continue;
            };
            let h = (score.to_f64() / 100.0).clamp(0.0, 1.0) as f32 * height;
            let x = left + bar_w * n as f32;
            let bar =
                egui::Rect::from_min_max(egui::pos2(x + 1.0, base - h), egui::pos2(x + bar_w - 1.0, base));
            let (colour, pattern) = zone_fill(&visuals, n);
            paint_bar(&painter, bar, colour, pattern);
            painter.text(
                egui::pos2(bar.center().x, bar.top() - 1.0),
                egui::Align2::CENTER_BOTTOM,
                rank.to_string(),
                font.clone(),
                visuals.text_color(),
            );
            if response
                .hover_pos()
                .is_some_and(|p| bar.expand2(egui::vec2(0.0, 12.0)).contains(p))
            {
                hovered = Some(format!("{rank}. {}：{name} {}", name_of(z), score.fixed(1)));
            }
        }
    }
    if let Some(text) = hovered {
        response.on_hover_text(text);
    }
    // The legend: each zone's pattern and rank, in words.
    ui.horizontal_wrapped(|ui| {
        for (n, (rank, z)) in picked.iter().enumerate() {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(14.0, 12.0), egui::Sense::hover());
            let (colour, pattern) = zone_fill(&visuals, n);
            paint_bar(ui.painter(), swatch, colour, pattern);
            ui.label(format!("{rank}. {}", name_of(z)));
            ui.add_space(8.0);
        }
    });
}

/// 2–4 zones side by side: one row per scored factor, one column per zone.
pub fn compare_ui(ui: &mut Ui, data: &ResultsData, zones: &[ZoneIdx]) {
    let lang = data.lang;
    let c = common(lang);
    let palette = theme::palette(ui.ctx());
    let picked: Vec<(usize, &ZoneResult)> = zones
        .iter()
        .filter_map(|z| data.results.ranking.find(*z))
        .collect();
    ui.heading(TEXTS.get(lang).side_by_side);
    category_chart(ui, data, &picked);
    ui.push_id("compare", |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(200.0).clip(true).resizable(true))
            .column(Column::initial(130.0).clip(true).resizable(true));
        for _ in &picked {
            table = table.column(Column::initial(200.0).clip(true).resizable(true));
        }
        table
            .header(theme::ROW_HEIGHT * 2.0, |mut header| {
                header.col(|ui| {
                    ui.label(RichText::new(c.factor).strong());
                });
                header.col(|ui| {
                    ui.label(RichText::new(c.required).strong());
                });
                for (rank, z) in &picked {
                    header.col(|ui| {
                        let name = data.profile(z.zone).map_or("", |p| p.name.get(lang));
                        let mark = if z.qualified { "✔" } else { "✘" };
                        ui.vertical(|ui| {
                            ui.label(RichText::new(format!("{rank}. {name}")).strong());
                            ui.label(
                                RichText::new(format!("{mark} {}", z.score.fixed(1))).color(if z.qualified {
                                    palette.met
                                } else {
                                    palette.unmet
                                }),
                            );
                        });
                    });
                }
            })
            .body(|mut body| {
                for (i, req) in data.results.requirements.iter().enumerate() {
                    body.row(theme::ROW_HEIGHT, |mut row| {
                        let factor = data.catalog.factor(req.factor);
                        row.col(|ui| {
                            ui.label(factor.name.get(lang));
                        });
                        row.col(|ui| {
                            ui.label(crate::scoring::explain::required_text(
                                data.catalog,
                                factor,
                                &req.required,
                                lang,
                            ));
                        });
                        for (_, z) in &picked {
                            row.col(|ui| {
                                let (Some(item), Some(profile)) = (z.items.get(i), data.profile(z.zone))
                                else {
                                    return;
                                };
                                let t = item_texts(data.catalog, req, item, profile, lang, data.today);
                                let shown = t
                                    .offered
                                    .clone()
                                    .unwrap_or_else(|| Status::Unknown.label(lang).to_owned());
                                ui.label(
                                    RichText::new(format!("{} {shown}", t.status.mark()))
                                        .color(palette.status(t.status)),
                                )
                                .on_hover_text(t.gap.unwrap_or_default());
                            });
                        }
                    });
                }
            });
    });
}
