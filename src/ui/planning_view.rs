//! 储备规划 Planning — one zone against the pending projects: which shortfalls block the most
//! projects, and which reserves, step by step, qualify how many.

use egui::{RichText, Ui};

use super::theme;
use crate::io::Zone;
use crate::model::{Catalog, Lang, number};
use crate::plan::change_text;
use crate::plan::pipeline::{shortfall_text, step_text};
use crate::state::{Command, PlanningState};

/// What the planning view reads.
pub struct PlanningData<'a> {
    pub catalog: &'a Catalog,
    pub zones: &'a [Zone],
    pub zone: Option<&'a str>,
    pub folder: Option<&'a std::path::Path>,
    pub lang: Lang,
}

/// Draws the planning view.
pub fn planning_view_ui(ui: &mut Ui, state: &PlanningState, data: &PlanningData) -> Vec<Command> {
    let lang = data.lang;
    let palette = theme::palette(ui.ctx());
    let mut commands = Vec::new();
    ui.heading(lang.pick("储备规划", "Reserve planning"));
    ui.label(
        RichText::new(lang.pick(
            "选择本区和存放待落地项目需求表的文件夹：看哪些短板卡住最多项目，以及逐步增加哪些储备能让多少项目合格。",
            "Pick your zone and the folder holding the pending projects' checklists: see which shortfalls block the most projects, and which reserves, added step by step, qualify how many.",
        ))
        .weak(),
    );
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal(|ui| {
        let current = data
            .zone
            .and_then(|id| data.zones.iter().map(|z| &z.profile).find(|p| p.id == id))
            .map_or_else(
                || lang.pick("（请选择）", "(choose)").to_owned(),
                |p| p.name.get(lang).to_owned(),
            );
        egui::ComboBox::from_label(lang.pick("本区", "Zone"))
            .selected_text(current)
            .width(280.0)
            .show_ui(ui, |ui| {
                for p in data.zones.iter().map(|z| &z.profile) {
                    if ui
                        .selectable_label(data.zone == Some(p.id.as_str()), p.name.get(lang))
                        .clicked()
                    {
                        commands.push(Command::PlanZone(p.id.clone()));
                    }
                }
            });
        ui.add_space(theme::SECTION_GAP);
        if ui
            .button(lang.pick("选择项目文件夹…", "Choose projects folder…"))
            .clicked()
        {
            commands.push(Command::PlanFolder);
        }
        if let Some(dir) = data.folder {
            ui.label(RichText::new(dir.display().to_string()).weak());
            if ui.button(lang.pick("重新计算", "Recompute")).clicked() {
                commands.push(Command::PlanRefresh);
            }
        }
    });
    ui.separator();
    if let Some(e) = &state.error {
        ui.label(RichText::new(e).color(palette.error));
    }
    let Some(result) = &state.result else {
        if state.error.is_none() {
            ui.label(
                RichText::new(lang.pick(
                    "尚未选择本区或项目文件夹。",
                    "No zone or projects folder chosen yet.",
                ))
                .weak(),
            );
        }
        return commands;
    };
    let p = &result.pipeline;
    let n = p.projects.len();
    egui::ScrollArea::vertical()
        .id_salt("planning scroll")
        .show(ui, |ui| {
            ui.label(
                RichText::new(match lang {
                    Lang::Zh => format!("{n} 个待落地项目，本区现在合格 {} 个", p.qualified_now()),
                    Lang::En => format!(
                        "{n} pending projects; the zone qualifies for {} today",
                        p.qualified_now()
                    ),
                })
                .strong(),
            );
            egui::Grid::new("planning projects")
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        lang.pick("项目", "Project"),
                        lang.pick("得分", "Score"),
                        lang.pick("资格", "Qualified"),
                        lang.pick("达标所需", "To qualify"),
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for (project, path) in p.projects.iter().zip(&result.paths) {
                        let file = path
                            .file_name()
                            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
                        ui.label(&project.name).on_hover_text(file);
                        ui.label(project.score.fixed(1));
                        if project.qualified {
                            ui.label(
                                RichText::new(format!("✔ {}", lang.pick("合格", "qualified")))
                                    .color(palette.met),
                            );
                        } else {
                            ui.label(
                                RichText::new(format!("✘ {}", lang.pick("不合格", "not qualified")))
                                    .color(palette.unmet),
                            );
                        }
                        let needs: Vec<String> = project
                            .to_qualify
                            .iter()
                            .map(|c| change_text(data.catalog, c, lang))
                            .collect();
                        ui.label(needs.join(lang.pick("；", "; ")));
                        ui.end_row();
                    }
                });
            ui.add_space(theme::SECTION_GAP);
            if p.shortfalls.is_empty() {
                ui.label(
                    RichText::new(lang.pick("没有卡住项目的短板。", "No shortfall blocks any project."))
                        .color(palette.met),
                );
            } else {
                ui.label(
                    RichText::new(lang.pick(
                        "卡住项目的短板（补足所需）",
                        "Shortfalls that block projects (what clears them)",
                    ))
                    .strong(),
                );
                for s in &p.shortfalls {
                    ui.label(format!("• {}", shortfall_text(data.catalog, s, lang)));
                }
                ui.add_space(theme::SECTION_GAP);
                ui.label(
                    RichText::new(lang.pick(
                        "储备阶梯（逐步增加储备）",
                        "Reserve ladder (reserves added step by step)",
                    ))
                    .strong(),
                );
                for (i, step) in p.steps.iter().enumerate() {
                    ui.label(format!("{}. {}", i + 1, step_text(data.catalog, step, n, lang)));
                }
            }
            if !result.errors.is_empty() {
                ui.add_space(theme::SECTION_GAP);
                ui.label(
                    RichText::new(lang.pick("无法读取的文件", "Files that could not be read"))
                        .color(palette.error),
                );
                for e in &result.errors {
                    ui.label(RichText::new(e.to_string()).small());
                }
            }
        });
    commands
}
