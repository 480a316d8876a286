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
                staircase(ui, data.catalog, p, n, lang);
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

/// The reserve ladder as a staircase: reserves added step by step along the bottom, projects
/// qualified up the side; each riser labelled with what its step adds ("+300 亩") and the
/// projects it brings to, so it reads without colour. The steps in words are the chart's
/// accessible name too.
fn staircase(ui: &mut Ui, catalog: &Catalog, p: &crate::plan::pipeline::Pipeline, n: usize, lang: Lang) {
    let t = TEXTS.get(lang);
    if p.steps.is_empty() || n == 0 {
        return;
    }
    let visuals = ui.visuals().clone();
    // Each step's label: the changes it adds to the step before.
    let mut labels = Vec::new();
    let mut before: &[crate::plan::Change] = &[];
    for step in &p.steps {
        let added: Vec<String> = step
            .changes
            .iter()
            .filter(|c| !before.contains(c))
            .map(|c| change_text(catalog, c, lang))
            .collect();
        labels.push((t.ladder_step)(
            &added.join(t.change_separator),
            step.qualified.len(),
            n,
        ));
        before = &step.changes;
    }
    let now = (t.ladder_now)(p.qualified_now(), n);
    let words = std::iter::once(now.clone())
        .chain(labels.iter().enumerate().map(|(i, l)| format!("{}. {l}", i + 1)))
        .collect::<Vec<_>>()
        .join("；");
    let steps = p.steps.len();
    let step_w = ((ui.available_width().min(900.0) - 40.0) / (steps + 1) as f32).clamp(90.0, 200.0);
    // Room above the top step for its label, wrapped to the step's width (four lines).
    let (height, label_room) = (110.0, 66.0);
    let size = egui::vec2(step_w * (steps + 1) as f32 + 40.0, height + label_room + 20.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let name = format!("{}：{words}", t.ladder_chart);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, name.clone()));
    let painter = ui.painter_at(rect);
    let left = rect.left() + 28.0;
    let base = rect.top() + label_room + height;
    let y_of = |q: usize| base - height * q as f32 / n as f32;
    let axis = visuals.widgets.noninteractive.fg_stroke;
    painter.line_segment(
        [egui::pos2(left, base), egui::pos2(rect.right() - 4.0, base)],
        axis,
    );
    painter.line_segment([egui::pos2(left, base), egui::pos2(left, base - height)], axis);
    let small = egui::FontId::proportional(10.0);
    for q in [0, n] {
        painter.text(
            egui::pos2(left - 4.0, y_of(q)),
            egui::Align2::RIGHT_CENTER,
            q.to_string(),
            small.clone(),
            visuals.weak_text_color(),
        );
    }
    let line = egui::Stroke::new(2.0, visuals.selection.bg_fill);
    let mut level = p.qualified_now();
    painter.text(
        egui::pos2(left + 4.0, y_of(level) - 4.0),
        egui::Align2::LEFT_BOTTOM,
        &now,
        small.clone(),
        visuals.text_color(),
    );
    for (i, step) in p.steps.iter().enumerate() {
        let x0 = left + step_w * i as f32;
        let x1 = x0 + step_w;
        let next = step.qualified.len();
        painter.line_segment([egui::pos2(x0, y_of(level)), egui::pos2(x1, y_of(level))], line);
        painter.line_segment([egui::pos2(x1, y_of(level)), egui::pos2(x1, y_of(next))], line);
        painter.circle_filled(egui::pos2(x1, y_of(next)), 3.0, visuals.text_color());
        let galley = painter.layout(
            format!("{}. {}", i + 1, labels[i]),
            small.clone(),
            visuals.text_color(),
            step_w - 6.0,
        );
        let pos = egui::pos2(x1 + 3.0, y_of(next) - galley.size().y - 2.0);
        painter.galley(pos, galley, visuals.text_color());
        level = next;
    }
    let last = left + step_w * steps as f32;
    painter.line_segment(
        [
            egui::pos2(last, y_of(level)),
            egui::pos2(last + step_w, y_of(level)),
        ],
        line,
    );
}

/// The projects by stage (线索 → 投产, then 搁置) as bars, each with its count above it and its
/// stage below; the counts are the chart's accessible name too.
fn stage_bars(ui: &mut Ui, ledger: &Ledger, lang: Lang) {
    let t = TEXTS.get(lang);
    let (counts, _) = ledger.counts();
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if most == 0 {
        return;
    }
    let visuals = ui.visuals().clone();
    let font = egui::FontId::proportional(11.0);
    // Each bar's slot as wide as its widest stage name (English names are longer).
    let widest = counts
        .iter()
        .map(|(s, _)| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(s.label(lang).to_owned(), font.clone(), visuals.text_color())
                    .size()
                    .x
            })
        })
        .fold(0.0_f32, f32::max);
    let (bar_w, height) = (34.0, 70.0);
    let gap = (widest + 8.0 - bar_w).max(18.0);
    let size = egui::vec2((bar_w + gap) * counts.len() as f32 + gap, height + 40.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let words = counts
        .iter()
        .map(|(s, n)| format!("{} {n}", s.label(lang)))
        .collect::<Vec<_>>()
        .join(t.change_separator);
    let name = format!("{}：{words}", t.stage_chart);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, name.clone()));
    let painter = ui.painter_at(rect);
    let base = rect.top() + 14.0 + height;
    painter.line_segment(
        [egui::pos2(rect.left(), base), egui::pos2(rect.right(), base)],
        visuals.widgets.noninteractive.fg_stroke,
    );
    for (i, (stage, n)) in counts.iter().enumerate() {
        let x = rect.left() + gap + (bar_w + gap) * i as f32;
        let h = height * *n as f32 / most as f32;
        let bar = egui::Rect::from_min_max(egui::pos2(x, base - h), egui::pos2(x + bar_w, base));
        painter.rect_filled(bar, 0.0, visuals.selection.bg_fill);
        painter.text(
            egui::pos2(bar.center().x, bar.top() - 1.0),
            egui::Align2::CENTER_BOTTOM,
            n.to_string(),
            font.clone(),
            visuals.text_color(),
        );
        painter.text(
            egui::pos2(bar.center().x, base + 3.0),
            egui::Align2::CENTER_TOP,
            stage.label(lang),
            font.clone(),
            visuals.text_color(),
        );
    }
}

/// The signed projects' start deadlines on a timeline, today marked: a project past its
/// deadline is red and says so in its label, so the chart reads in black and white too.
fn deadline_timeline(ui: &mut Ui, ledger: &Ledger, lang: Lang) {
    let t = TEXTS.get(lang);
    let rows: Vec<(&str, jiff::civil::Date, Deadline)> = ledger
        .rows
        .iter()
        .filter(|r| r.stage.is_some_and(|s| s.awaits_start()))
        .filter_map(|r| Some((r.project.as_str(), r.start_deadline?, r.deadline)))
        .collect();
    if rows.is_empty() {
        return;
    }
    let palette = theme::palette(ui.ctx());
    let visuals = ui.visuals().clone();
    let today = ledger.today;
    let days = |d: jiff::civil::Date| (d - today).get_days() as f32;
    let lo = rows.iter().map(|(_, d, _)| days(*d)).fold(0.0_f32, f32::min) - 15.0;
    let hi = rows.iter().map(|(_, d, _)| days(*d)).fold(0.0_f32, f32::max) + 15.0;
    let row_h = 18.0;
    let width = ui.available_width().min(760.0);
    let size = egui::vec2(width, row_h * rows.len() as f32 + 34.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let words = rows
        .iter()
        .map(|(p, d, dl)| format!("{p} {d} {}", deadline_text(*dl, lang)))
        .collect::<Vec<_>>()
        .join(t.change_separator);
    let name = format!("{}：{words}", t.deadline_chart);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, name.clone()));
    let painter = ui.painter_at(rect);
    let label_w = 160.0;
    let x_of = |d: f32| rect.left() + label_w + (rect.width() - label_w - 10.0) * (d - lo) / (hi - lo);
    let font = egui::FontId::proportional(11.0);
    let axis_y = rect.bottom() - 16.0;
    painter.line_segment(
        [egui::pos2(x_of(lo), axis_y), egui::pos2(x_of(hi), axis_y)],
        visuals.widgets.noninteractive.fg_stroke,
    );
    let x_today = x_of(0.0);
    painter.line_segment(
        [egui::pos2(x_today, rect.top()), egui::pos2(x_today, axis_y)],
        egui::Stroke::new(1.5, visuals.text_color()),
    );
    painter.text(
        egui::pos2(x_today, axis_y + 2.0),
        egui::Align2::CENTER_TOP,
        format!("{} {today}", t.today),
        font.clone(),
        visuals.text_color(),
    );
    for (i, (project, date, deadline)) in rows.iter().enumerate() {
        let y = rect.top() + 8.0 + row_h * i as f32;
        let late = matches!(deadline, Deadline::Overdue(_));
        let colour = if late { palette.unmet } else { visuals.text_color() };
        painter.text(
            egui::pos2(rect.left(), y),
            egui::Align2::LEFT_CENTER,
            *project,
            font.clone(),
            visuals.text_color(),
        );
        let x = x_of(days(*date));
        painter.circle_filled(egui::pos2(x, y), 4.0, colour);
        // The label on the side with room: right of its point in the left half, left of it
        // in the right half, so it is never cut at the edge.
        let right_half = x > (x_of(lo) + x_of(hi)) / 2.0;
        let side = if right_half {
            egui::Align2::RIGHT_CENTER
        } else {
            egui::Align2::LEFT_CENTER
        };
        let dx = if right_half { -7.0 } else { 7.0 };
        painter.text(
            egui::pos2(x + dx, y),
            side,
            format!("{date} {}", deadline_text(*deadline, lang)),
            font.clone(),
            colour,
        );
    }
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
    stage_bars(ui, ledger, lang);
    deadline_timeline(ui, ledger, lang);
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
