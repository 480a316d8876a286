//! The import review (导入审核): a workbook read into the changes it proposes, zone by zone and
//! figure by figure, each with a box to accept it; conflicts and figures older than those held
//! are shown and cannot be accepted; every header and cell left unread is listed. A table with
//! no date column first asks for the day its figures were true. Draws the review and returns
//! commands; decides and saves nothing itself.

mod texts;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

pub use self::texts::TEXTS;
use crate::import::{Judgement, Layout};
use crate::model::{Catalog, Lang, Localize};
use crate::state::Command;
use crate::state::import_review::{Decision, ImportReview};
use crate::ui::theme;

/// What the review draws beside its state.
pub struct ReviewData<'a> {
    pub catalog: &'a Catalog,
    pub lang: Lang,
    /// Closing was asked with figures accepted.
    pub confirm_close: bool,
    /// A workbook is being read or saved.
    pub busy: bool,
}

/// One line of the table: a zone's, or one of its figures.
enum Line {
    Zone(usize),
    Figure(usize, usize),
}

/// Draws the review.
pub fn import_review_ui(ui: &mut Ui, review: &mut ImportReview, data: &ReviewData) -> Vec<Command> {
    let lang = data.lang;
    let t = TEXTS.get(lang);
    let mut commands = Vec::new();
    ui.heading((t.heading)(&review.file_name()));
    if data.busy {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.busy);
        });
    }
    let Some(set) = &review.set else {
        // A province's table with no date column: its figures' day first.
        ui.label(t.needs_as_of);
        ui.horizontal(|ui| {
            ui.label(t.as_of_label);
            let field = ui
                .add(egui::TextEdit::singleline(&mut review.as_of_text).hint_text(t.as_of_hint))
                .accessible_name(t.as_of);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(t.read).clicked() || entered {
                commands.push(Command::ReviewReadAsOf);
            }
            if ui.button(t.discard).clicked() {
                commands.push(Command::ReviewClose);
            }
        });
        return commands;
    };
    for s in &set.sheets {
        ui.label((t.sheet)(
            &s.name,
            s.layout == Layout::Wide,
            s.header_row + 1,
            s.rows,
        ));
    }
    let c = set.counts();
    ui.label(
        RichText::new((t.counts)(
            c.changes,
            c.conflicts,
            c.older,
            c.unchanged,
            c.new_zones,
        ))
        .strong(),
    );
    let accepted = review.accepted_count();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(c.changes > 0, egui::Button::new(t.accept_all))
            .clicked()
        {
            commands.push(Command::ReviewDecide(Decision::All { accept: true }));
        }
        if ui
            .add_enabled(accepted > 0, egui::Button::new(t.reject_all))
            .clicked()
        {
            commands.push(Command::ReviewDecide(Decision::All { accept: false }));
        }
        if ui
            .add_enabled(review.can_undo(), egui::Button::new(t.undo))
            .clicked()
        {
            commands.push(Command::Undo);
        }
        if ui
            .add_enabled(review.can_redo(), egui::Button::new(t.redo))
            .clicked()
        {
            commands.push(Command::Redo);
        }
        let save = egui::Button::new(RichText::new((t.save)(accepted)).strong());
        if ui.add_enabled(accepted > 0 && !data.busy, save).clicked() {
            commands.push(Command::ReviewSave);
        }
        if ui.button(t.discard).clicked() {
            commands.push(Command::ReviewClose);
        }
    });
    if data.confirm_close {
        ui.label(RichText::new((t.confirm_discard)(accepted)).color(theme::palette(ui.ctx()).error));
    }
    ui.separator();
    if !set.unread.is_empty() {
        egui::CollapsingHeader::new((t.unread)(set.unread.len()))
            .id_salt("unread")
            .show(ui, |ui| {
                // Every one, drawn only as far as it is scrolled (a long export may leave
                // thousands).
                let height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
                egui::ScrollArea::vertical()
                    .id_salt("unread list")
                    .max_height(160.0)
                    .show_rows(ui, height, set.unread.len(), |ui, range| {
                        for u in set.unread.get(range).unwrap_or_default() {
                            ui.label(u.text(lang));
                        }
                    });
            });
    }
    if set.zones.is_empty() {
        ui.label(t.nothing);
        return commands;
    }
    let lines: Vec<Line> = set
        .zones
        .iter()
        .enumerate()
        .flat_map(|(z, zone)| {
            std::iter::once(Line::Zone(z)).chain((0..zone.figures.len()).map(move |f| Line::Figure(z, f)))
        })
        .collect();
    let palette = theme::palette(ui.ctx());
    // Wider than a laptop's window at 150 %: the table scrolls sideways too.
    egui::ScrollArea::horizontal()
        .id_salt("review sideways")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                // Accept, zone, factor, old → new, judged, as of, source, cell.
                .column(Column::exact(44.0))
                .column(Column::initial(190.0).clip(true).resizable(true))
                .column(Column::initial(140.0).clip(true).resizable(true))
                .column(Column::initial(240.0).clip(true).resizable(true))
                .column(Column::initial(220.0).clip(true).resizable(true))
                .column(Column::initial(90.0).clip(true).resizable(true))
                .column(Column::initial(160.0).clip(true).resizable(true))
                .column(Column::initial(90.0).clip(true).resizable(true))
                .header(theme::ROW_HEIGHT, |mut header| {
                    for title in t.columns {
                        header.col(|ui| {
                            ui.label(RichText::new(title).strong());
                        });
                    }
                })
                .body(|body| {
                    body.rows(theme::ROW_HEIGHT, lines.len(), |mut row| {
                        let Some(line) = lines.get(row.index()) else {
                            return;
                        };
                        match *line {
                            Line::Zone(z) => {
                                let Some(zone) = set.zones.get(z) else { return };
                                let (name, about) =
                                    (t.zone)(&zone.id, &zone.name, zone.is_new(), zone.figures.len());
                                row.col(|ui| {
                                    if zone.acceptable() == 0 {
                                        return;
                                    }
                                    let state = review.zone_state(z);
                                    let mut on = state == Some(true);
                                    let box_ =
                                        egui::Checkbox::new(&mut on, "").indeterminate(state.is_none());
                                    if ui
                                        .add(box_)
                                        .accessible_name((t.accept_zone)(&zone.name))
                                        .changed()
                                    {
                                        commands.push(Command::ReviewDecide(Decision::Zone {
                                            zone: z,
                                            accept: on,
                                        }));
                                    }
                                });
                                row.col(|ui| {
                                    ui.label(RichText::new(&name).strong()).on_hover_text(&name);
                                });
                                row.col(|ui| {
                                    ui.label(RichText::new(&about).weak());
                                });
                                for _ in 0..5 {
                                    row.col(|_| {});
                                }
                            }
                            Line::Figure(z, f) => {
                                let Some(zone) = set.zones.get(z) else { return };
                                let Some(fig) = zone.figures.get(f) else { return };
                                let factor = data.catalog.factor(fig.factor).name.get(lang);
                                row.col(|ui| {
                                    let mut on = review.accepted(z, f);
                                    let box_ = egui::Checkbox::new(&mut on, "");
                                    let name = (t.accept_figure)(&zone.name, factor);
                                    let r = ui
                                        .add_enabled(fig.judgement.acceptable(), box_)
                                        .accessible_name(name);
                                    if r.changed() {
                                        commands.push(Command::ReviewDecide(Decision::Figure {
                                            zone: z,
                                            figure: f,
                                            accept: on,
                                        }));
                                    }
                                });
                                row.col(|_| {});
                                row.col(|ui| {
                                    ui.label(factor);
                                });
                                let change = format!(
                                    "{} → {}",
                                    fig.old.shown_text(data.catalog, fig.factor, lang),
                                    fig.new.shown_text(data.catalog, fig.factor, lang)
                                );
                                row.col(|ui| {
                                    let r = ui.label(&change);
                                    match &fig.reading {
                                        Some(reading) => {
                                            r.on_hover_text(format!("{change}\n{}", reading.text(lang)))
                                        }
                                        None => r.on_hover_text(&change),
                                    };
                                });
                                row.col(|ui| {
                                    let (text, color) = match &fig.judgement {
                                        Judgement::Change => (t.change.to_owned(), None),
                                        Judgement::Conflict { now } => (
                                            (t.conflict)(&now.shown_text(data.catalog, fig.factor, lang)),
                                            Some(palette.error),
                                        ),
                                        Judgement::Older { held } => {
                                            ((t.older)(&held.to_string()), Some(palette.due))
                                        }
                                    };
                                    let text = match color {
                                        Some(c) => RichText::new(&text).color(c),
                                        None => RichText::new(&text),
                                    };
                                    ui.label(text.clone()).on_hover_text(text);
                                });
                                let entry = fig.new.entry.as_ref();
                                row.col(|ui| {
                                    ui.label(entry.map_or_else(String::new, |e| e.as_of.to_string()));
                                });
                                row.col(|ui| {
                                    let source = entry.map_or("", |e| e.source.as_str());
                                    ui.label(source).on_hover_text(source);
                                });
                                row.col(|ui| {
                                    ui.label(&fig.cell);
                                });
                            }
                        }
                    });
                });
        });
    commands
}
