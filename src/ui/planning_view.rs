//! 储备规划 Planning — one zone against the pending projects: which shortfalls block the most
//! projects, and which reserves, step by step, qualify how many.

mod texts;

use egui::{RichText, Ui};

use self::texts::TEXTS;
use super::picker::{forget_search, pinyin_sorted, search_box_ui};
use super::texts::common;
use super::theme;
use crate::io::Zone;
use crate::model::pipeline::Deadline;
use crate::model::{Catalog, Lang, Localize};
use crate::plan::change_text;
use crate::plan::pipeline::{shortfall_text, step_text};
use crate::report::projects::{Ledger, deadline_text, stage_text};
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
    let (t, c) = (TEXTS.get(lang), common(lang));
    let palette = theme::palette(ui.ctx());
    let mut commands = Vec::new();
    ui.heading(t.heading);
    ui.label(RichText::new(t.intro).weak());
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal(|ui| {
        let current = data
            .zone
            .and_then(|id| data.zones.iter().map(|z| &z.profile).find(|p| p.id == id))
            .map_or_else(|| c.choose.to_owned(), |p| p.name.get(lang).to_owned());
        // The label before the picker, as a form reads; the picker searches a large folder.
        let label = ui.label(t.zone);
        let button = ui
            .add(
                egui::Button::new(current.as_str())
                    .truncate()
                    .right_text("▼")
                    .min_size(egui::vec2(280.0, 0.0)),
            )
            .on_hover_text(&current)
            .labelled_by(label.id);
        let search_id = ui.scope_id().with("planning zone search");
        let shown = egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| {
                ui.set_min_width(320.0);
                let c = common(lang);
                let search = search_box_ui(ui, search_id, c.search, &format!("{} {}", t.zone, c.search));
                let names: Vec<&str> = data.zones.iter().map(|z| z.profile.name.get(lang)).collect();
                let found = pinyin_sorted(ui.ctx(), &names, &search);
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for i in found {
                        let p = &data.zones[i].profile;
                        if ui
                            .selectable_label(data.zone == Some(p.id.as_str()), p.name.get(lang))
                            .clicked()
                        {
                            commands.push(Command::PlanZone(p.id.clone()));
                            ui.close();
                        }
                    }
                });
            });
        if shown.is_none() {
            forget_search(ui, search_id);
        }
        ui.add_space(theme::SECTION_GAP);
        if ui.button(t.choose_folder).clicked() {
            commands.push(Command::PlanFolder);
        }
        if let Some(dir) = data.folder {
            ui.label(RichText::new(dir.display().to_string()).weak());
            if ui.button(t.recompute).clicked() {
                commands.push(Command::PlanRefresh);
            }
        }
    });
    ui.separator();
    if let Some(e) = &state.error {
        ui.label(RichText::new(e.text(lang)).color(palette.error));
    }
    let Some(result) = &state.result else {
        if state.error.is_none() {
            ui.label(RichText::new(t.nothing_chosen).weak());
        }
        return commands;
    };
    let p = &result.pipeline;
    let n = p.projects.len();
    egui::ScrollArea::vertical()
        .id_salt("planning scroll")
        .show(ui, |ui| {
            ui.label(RichText::new((t.summary)(n, p.qualified_now())).strong());
            egui::Grid::new("planning projects")
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for h in [t.col_project, c.score, c.qualified_heading, t.col_to_qualify] {
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
                            ui.label(RichText::new(format!("✔ {}", c.qualified)).color(palette.met));
                        } else {
                            ui.label(RichText::new(format!("✘ {}", t.not_qualified)).color(palette.unmet));
                        }
                        let needs: Vec<String> = project
                            .to_qualify
                            .iter()
                            .map(|c| change_text(data.catalog, c, lang))
                            .collect();
                        ui.label(needs.join(t.change_separator));
                        ui.end_row();
                    }
                });
            ui.add_space(theme::SECTION_GAP);
            if p.shortfalls.is_empty() {
                ui.label(RichText::new(t.no_shortfall).color(palette.met));
            } else {
                ui.label(RichText::new(t.shortfalls).strong());
                for s in &p.shortfalls {
                    ui.label(format!("• {}", shortfall_text(data.catalog, s, lang)));
                }
                ui.add_space(theme::SECTION_GAP);
                ui.label(RichText::new(t.ladder).strong());
                for (i, step) in p.steps.iter().enumerate() {
                    ui.label(format!("{}. {}", i + 1, step_text(data.catalog, step, n, lang)));
                }
            }
            ui.add_space(theme::SECTION_GAP);
            ledger_ui(ui, &result.ledger, data);
            if !result.errors.is_empty() {
                ui.add_space(theme::SECTION_GAP);
                ui.label(RichText::new(t.unreadable).color(palette.error));
                for e in &result.errors {
                    ui.label(RichText::new(e.text(lang)).small());
                }
            }
        });
    commands
}

/// The projects' own progress: counts by stage, start warnings, and one row per project.
fn ledger_ui(ui: &mut Ui, ledger: &Ledger, data: &PlanningData) {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    let palette = theme::palette(ui.ctx());
    ui.label(RichText::new(t.ledger).strong());
    ui.label(format!(
        "{}{}",
        t.by_stage,
        ledger.counts_line(t.change_separator)
    ));
    let warnings = ledger.warnings();
    if warnings.is_empty() {
        ui.label(RichText::new(t.no_warnings).color(palette.met));
    } else {
        ui.label(RichText::new(t.warnings).color(palette.unmet));
        for r in warnings {
            let (mark, colour) = match r.deadline {
                Deadline::Overdue(_) => ("✘", palette.unmet),
                _ => ("△", palette.partial),
            };
            let by = r.start_deadline.map_or_else(String::new, |d| d.to_string());
            ui.label(
                RichText::new(format!(
                    "{mark} {} · {} · {by} · {}",
                    r.project,
                    stage_text(r.stage, lang),
                    deadline_text(r.deadline, lang)
                ))
                .color(colour),
            );
        }
    }
    egui::Grid::new("planning ledger")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for h in [
                t.col_project,
                t.col_stage,
                t.col_days,
                t.col_officer,
                t.col_zone,
                c.score,
                c.qualified_heading,
                t.col_start_by,
                t.col_deadline,
                t.col_next_step,
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for r in &ledger.rows {
                ui.label(&r.project).on_hover_text(&r.file);
                ui.label(stage_text(r.stage, lang));
                ui.label(r.days_in_stage.map_or_else(String::new, |d| d.to_string()));
                ui.label(&r.officer);
                ui.label(match (&r.zone_name, &r.zone) {
                    (Some(name), _) => name.clone(),
                    (None, Some(id)) => id.clone(),
                    (None, None) => t.zone_not_chosen.to_owned(),
                });
                ui.label(r.score.as_ref().map_or_else(String::new, |s| s.fixed(1)));
                match r.qualified {
                    Some(true) => ui.label(RichText::new(format!("✔ {}", c.qualified)).color(palette.met)),
                    Some(false) => {
                        ui.label(RichText::new(format!("✘ {}", t.not_qualified)).color(palette.unmet))
                    }
                    None => ui.label(""),
                };
                ui.label(r.start_deadline.map_or_else(String::new, |d| d.to_string()));
                let colour = match r.deadline {
                    Deadline::Overdue(_) => palette.unmet,
                    Deadline::DueSoon(_) => palette.partial,
                    _ => ui.visuals().text_color(),
                };
                ui.label(RichText::new(deadline_text(r.deadline, lang)).color(colour));
                ui.label(r.next_step.as_deref().unwrap_or_default());
                ui.end_row();
            }
        });
}
