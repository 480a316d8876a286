//! One zone item by item (status in colour and mark, required against offered with units, the
//! gap, and where each figure comes from), and 2–4 zones side by side.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::results_view::ResultsData;
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
    let palette = theme::palette(ui.ctx());
    let Some(profile) = data.profile(z.zone) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(format!("{rank}. {}", profile.name.get(lang)));
        ui.label(RichText::new(format!("{} · {}", profile.id, profile.region.get(lang))).weak());
        if ui.small_button(lang.pick("编辑资料", "Edit profile")).clicked() {
            commands.push(Command::SelectProfile(z.zone));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} {}", lang.pick("得分", "Score"), z.score.fixed(1))).strong());
        if z.qualified {
            ui.label(
                RichText::new(format!(
                    "✔ {}",
                    lang.pick("合格：必须项全部满足", "qualified: every must-have met")
                ))
                .color(palette.met),
            );
        } else {
            let names = failed_must_names(data.catalog, z, lang);
            ui.label(
                RichText::new(format!(
                    "✘ {}{}",
                    lang.pick("不合格，未满足必须项：", "not qualified; must-haves not met: "),
                    names
                ))
                .color(palette.unmet),
            );
        }
        for s in Status::ALL {
            ui.label(
                RichText::new(format!("{} {} {}", s.mark(), s.label(lang), z.counts.get(s)))
                    .color(palette.status(s)),
            );
        }
        ui.label(format!(
            "{} {}%",
            lang.pick("数据完整度", "data completeness"),
            number::fixed(z.completeness, 0)
        ));
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(r) = readiness(data.catalog, profile, data.today) {
            let missing = tier_missing_text(data.catalog, &r, lang);
            let label = ui.label(format!(
                "{}{}",
                lang.pick("就绪等级：", "Readiness: "),
                r.tier.name.get(lang)
            ));
            if !missing.is_empty() {
                label.on_hover_text(missing);
            }
        }
        if !profile.contact.is_empty() {
            ui.label(
                RichText::new(format!("{}{}", lang.pick("联系：", "Contact: "), profile.contact)).weak(),
            );
        }
    });
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
                    lang.pick("状态", "Status"),
                    lang.pick("要素", "Factor"),
                    lang.pick("重要性", "Importance"),
                    lang.pick("要求", "Required"),
                    lang.pick("现有", "Offered"),
                    lang.pick("差距", "Gap"),
                    lang.pick("来源 · 日期", "Source · as of"),
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
    let title = if plan.qualified {
        match lang {
            Lang::Zh => format!("提升至 {} 分需做到", number::plain(plan.target)),
            Lang::En => format!(
                "What it would take to reach {} points",
                number::plain(plan.target)
            ),
        }
    } else {
        match lang {
            Lang::Zh => format!(
                "要达到合格需做到（达标后 {} 分，全部完成后 {} 分）",
                plan.score_qualified.fixed(1),
                plan.score_after.fixed(1)
            ),
            Lang::En => format!(
                "What it would take to qualify ({} points once qualified, {} with every change)",
                plan.score_qualified.fixed(1),
                plan.score_after.fixed(1)
            ),
        }
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
    format!(
        "{}{}",
        lang.pick("升入上一等级尚缺：", "For the tier above, still needs: "),
        names.join(lang.list_separator())
    )
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

/// Source and date, with the illustrative and older-than-a-year flags.
fn provenance_ui(ui: &mut Ui, t: &ItemTexts, lang: Lang, palette: &Palette) {
    if t.illustrative {
        ui.label(
            RichText::new(lang.pick("示例值", "illustrative"))
                .color(palette.illustrative)
                .strong(),
        )
        .on_hover_text(lang.pick(
            "此数值无来源，仅作示例",
            "No source gives this value; it is an example",
        ));
    }
    if let Some(date) = t.as_of {
        let text = RichText::new(date.to_string());
        if t.stale {
            ui.label(text.color(palette.stale))
                .on_hover_text(lang.pick("数据已逾一年，请核实", "More than a year old: verify it"));
            ui.label(
                RichText::new(lang.pick("逾一年", "over a year old"))
                    .small()
                    .color(palette.stale),
            );
        } else {
            ui.label(text);
        }
    }
    if let Some(s) = &t.source {
        ui.label(RichText::new(s).weak()).on_hover_text(s);
    }
}

/// 2–4 zones side by side: one row per scored factor, one column per zone.
pub fn compare_ui(ui: &mut Ui, data: &ResultsData, zones: &[ZoneIdx]) {
    let lang = data.lang;
    let palette = theme::palette(ui.ctx());
    let picked: Vec<(usize, &ZoneResult)> = zones
        .iter()
        .filter_map(|z| data.results.ranking.find(*z))
        .collect();
    ui.heading(lang.pick("并排对比", "Side by side"));
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
                    ui.label(RichText::new(lang.pick("要素", "Factor")).strong());
                });
                header.col(|ui| {
                    ui.label(RichText::new(lang.pick("要求", "Required")).strong());
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
