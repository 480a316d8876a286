//! The menu bar (File, View), the view tabs and the language switch.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

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

/// What the top bar reads.
pub struct TopBarData<'a> {
    pub lang: Lang,
    pub dark: bool,
    pub zoom: f32,
    pub recent: &'a [PathBuf],
}

/// Draws the menu bar and tabs.
pub fn top_bar_ui(ui: &mut Ui, tab: &mut Tab, data: &TopBarData) -> Vec<Command> {
    let lang = data.lang;
    let mut commands = Vec::new();
    let shortcut = |ui: &Ui, s: &KeyboardShortcut| ui.ctx().format_shortcut(s);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("文件", "File"), |ui| {
            let item = |ui: &mut Ui, text: &str, s: Option<&KeyboardShortcut>| {
                let mut button = egui::Button::new(text);
                if let Some(s) = s {
                    button = button.shortcut_text(shortcut(ui, s));
                }
                ui.add(button).clicked()
            };
            if item(ui, lang.pick("新建需求表", "New checklist"), Some(&NEW)) {
                commands.push(Command::NewChecklist);
            }
            if item(ui, lang.pick("打开需求表…", "Open checklist…"), Some(&OPEN)) {
                commands.push(Command::OpenChecklist(None));
            }
            if item(ui, lang.pick("保存", "Save"), Some(&SAVE)) {
                commands.push(Command::SaveChecklist);
            }
            if item(ui, lang.pick("另存为…", "Save as…"), Some(&SAVE_AS)) {
                commands.push(Command::SaveChecklistAs);
            }
            ui.menu_button(lang.pick("最近打开", "Open recent"), |ui| {
                if data.recent.is_empty() {
                    ui.label(RichText::new(lang.pick("（无）", "(none)")).weak());
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
            if item(ui, lang.pick("导出报告 PDF…", "Export report PDF…"), None) {
                commands.push(Command::ExportPdf);
            }
            if item(ui, lang.pick("打印报告", "Print report"), Some(&PRINT)) {
                commands.push(Command::PrintReport);
            }
            if item(ui, lang.pick("导出排名 Excel…", "Export ranking to Excel…"), None) {
                commands.push(Command::ExportXlsx);
            }
            ui.separator();
            if item(ui, lang.pick("导入调查表 Excel…", "Import survey…"), None) {
                commands.push(Command::ImportSurvey);
            }
            if item(ui, lang.pick("导出调查表 Excel…", "Export survey…"), None) {
                commands.push(Command::ExportSurvey);
            }
            ui.separator();
            if item(ui, lang.pick("打开开发区文件夹…", "Open zones folder…"), None) {
                commands.push(Command::OpenProfilesFolder);
            }
            if item(ui, lang.pick("重新加载开发区", "Reload zones"), None) {
                commands.push(Command::Reload);
            }
            ui.separator();
            if item(ui, lang.pick("退出", "Quit"), None) {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button(lang.pick("视图", "View"), |ui| {
            if ui.radio(!data.dark, lang.pick("浅色", "Light")).clicked() {
                commands.push(Command::SetDark(false));
            }
            if ui.radio(data.dark, lang.pick("深色", "Dark")).clicked() {
                commands.push(Command::SetDark(true));
            }
            ui.separator();
            for zoom in [1.0_f32, 1.25, 1.5] {
                let text = format!("{} {:.0}%", lang.pick("缩放", "Scale"), zoom * 100.0);
                if ui.radio((data.zoom - zoom).abs() < 0.01, text).clicked() {
                    commands.push(Command::SetZoom(zoom));
                }
            }
        });
        ui.separator();
        for (t, label) in [
            (Tab::Checklist, lang.pick("投资需求", "Checklist")),
            (Tab::Results, lang.pick("匹配结果", "Results")),
            (Tab::Zones, lang.pick("开发区", "Zones")),
            (Tab::Report, lang.pick("报告", "Report")),
            (Tab::Planning, lang.pick("储备规划", "Planning")),
        ] {
            ui.selectable_value(tab, t, RichText::new(label).strong());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for l in [Lang::En, Lang::Zh] {
                let label = match l {
                    Lang::Zh => "中文",
                    Lang::En => "English",
                };
                if ui.selectable_label(lang == l, label).clicked() && lang != l {
                    commands.push(Command::SetLang(l));
                }
            }
        });
    });
    commands
}
