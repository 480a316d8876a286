//! The menu bar (File, View), the view tabs and the language switch.

mod texts;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use self::texts::TEXTS;
use super::texts::common;
use crate::model::Lang;
use crate::state::{Command, Tab};

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Redo as other programs also spell it.
pub const REDO_SHIFT_Z: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
/// Export the report as PDF: the last step from an investor's message to the report sent.
pub const EXPORT_PDF: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);

/// What the top bar reads.
pub struct TopBarData<'a> {
    pub lang: Lang,
    pub dark: bool,
    pub zoom: f32,
    pub recent: &'a [PathBuf],
    /// What undo and redo would do in the document in view, in words (`修改 可供工业用地面积`);
    /// `None` when there is nothing to undo or redo.
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Draws the menu bar and tabs.
pub fn top_bar_ui(ui: &mut Ui, tab: &mut Tab, data: &TopBarData) -> Vec<Command> {
    let lang = data.lang;
    let (t, c) = (TEXTS.get(lang), common(lang));
    let mut commands = Vec::new();
    let shortcut = |ui: &Ui, s: &KeyboardShortcut| ui.ctx().format_shortcut(s);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.file, |ui| {
            let item = |ui: &mut Ui, text: &str, s: Option<&KeyboardShortcut>| {
                let mut button = egui::Button::new(text);
                if let Some(s) = s {
                    button = button.shortcut_text(shortcut(ui, s));
                }
                ui.add(button).clicked()
            };
            if item(ui, t.new_checklist, Some(&NEW)) {
                commands.push(Command::NewChecklist);
            }
            if item(ui, t.open_checklist, Some(&OPEN)) {
                commands.push(Command::OpenChecklist(None));
            }
            if item(ui, c.save, Some(&SAVE)) {
                commands.push(Command::SaveChecklist);
            }
            if item(ui, c.save_as, Some(&SAVE_AS)) {
                commands.push(Command::SaveChecklistAs);
            }
            ui.menu_button(t.open_recent, |ui| {
                if data.recent.is_empty() {
                    ui.label(RichText::new(t.no_recent).weak());
                }
                for path in data.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        commands.push(Command::OpenChecklist(Some(path.clone())));
                    }
                }
            });
            ui.separator();
            if item(ui, t.export_pdf, Some(&EXPORT_PDF)) {
                commands.push(Command::ExportPdf);
            }
            if item(ui, t.export_docx, None) {
                commands.push(Command::ExportDocx);
            }
            if item(ui, t.print_report, Some(&PRINT)) {
                commands.push(Command::PrintReport);
            }
            if item(ui, t.export_xlsx, None) {
                commands.push(Command::ExportXlsx);
            }
            ui.separator();
            if item(ui, t.paste_inquiry, None) {
                commands.push(Command::PasteInquiry);
            }
            if item(ui, t.import_survey, None) {
                commands.push(Command::ImportSurvey);
            }
            if item(ui, t.export_survey, None) {
                commands.push(Command::ExportSurvey);
            }
            ui.separator();
            if item(ui, t.open_zones_folder, None) {
                commands.push(Command::OpenProfilesFolder);
            }
            if item(ui, t.reload_zones, None) {
                commands.push(Command::Reload);
            }
            ui.separator();
            if item(ui, t.quit, None) {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button(t.edit, |ui| {
            let item = |ui: &mut Ui, text: String, s: &KeyboardShortcut, enabled: bool| {
                let button = egui::Button::new(text).shortcut_text(shortcut(ui, s));
                ui.add_enabled(enabled, button).clicked()
            };
            if item(ui, (t.undo)(data.undo.as_deref()), &UNDO, data.undo.is_some()) {
                commands.push(Command::Undo);
            }
            if item(ui, (t.redo)(data.redo.as_deref()), &REDO, data.redo.is_some()) {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button(t.view, |ui| {
            if ui.radio(!data.dark, t.light).clicked() {
                commands.push(Command::SetDark(false));
            }
            if ui.radio(data.dark, t.dark).clicked() {
                commands.push(Command::SetDark(true));
            }
            ui.separator();
            for zoom in [1.0_f32, 1.25, 1.5] {
                let text = (t.scale)(zoom);
                if ui.radio((data.zoom - zoom).abs() < 0.01, text).clicked() {
                    commands.push(Command::SetZoom(zoom));
                }
            }
        });
        ui.menu_button(t.help, |ui| {
            if ui.button(t.about).clicked() {
                commands.push(Command::ShowAbout);
            }
        });
        ui.separator();
        for (t, label) in [
            (Tab::Checklist, t.tab_checklist),
            (Tab::Results, t.tab_results),
            (Tab::Zones, t.tab_zones),
            (Tab::Report, t.tab_report),
            (Tab::Planning, t.tab_planning),
            (Tab::Health, t.tab_health),
        ] {
            ui.selectable_value(tab, t, RichText::new(label).strong());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (l, label) in [(Lang::En, c.english), (Lang::Zh, c.chinese)] {
                if ui.selectable_label(lang == l, label).clicked() && lang != l {
                    commands.push(Command::SetLang(l));
                }
            }
        });
    });
    commands
}
