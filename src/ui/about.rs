//! 关于 About: the version, where the officer's data lives (with a button that opens the
//! folder), and the licences of SiteMatch and of the fonts it bundles.

use std::path::Path;

use egui::{Context, Id, RichText};

use crate::model::{Bilingual, Lang};
use crate::state::Command;

/// What the About window reads.
pub struct AboutData<'a> {
    pub lang: Lang,
    /// The officer's SiteMatch folder (zones, checklists).
    pub data_dir: &'a Path,
    /// The zones folder in use, when it is not the data folder's own.
    pub zones_dir: &'a Path,
    /// The file the log goes to, for whoever helps the officer; `None`: standard error.
    pub log_file: Option<&'a Path>,
}

/// The bundled fonts and their licence texts.
const FONT_LICENCES: [(&str, &str); 2] = [
    (
        "Noto Sans SC",
        include_str!("../../assets/fonts/OFL-NotoSansSC.txt"),
    ),
    (
        "Noto Sans Symbols 2",
        include_str!("../../assets/fonts/OFL-NotoSansSymbols2.txt"),
    ),
];

struct Texts {
    title: &'static str,
    version: fn(&str) -> String,
    purpose: &'static str,
    data_dir: &'static str,
    zones_dir: &'static str,
    log_file: &'static str,
    open_folder: &'static str,
    licences: &'static str,
    app_licence: &'static str,
    font_licence: fn(&str) -> String,
    close: &'static str,
}

const ZH: Texts = Texts {
    title: "关于 SiteMatch 要素匹配",
    version: |v| format!("版本 {v}"),
    purpose: "开发区招商要素匹配：投资方需求表逐项对照各开发区要素资料，排名并生成匹配报告。",
    data_dir: "数据文件夹",
    zones_dir: "正在使用的开发区文件夹",
    log_file: "日志文件（求助时请附上）",
    open_folder: "打开文件夹",
    licences: "许可",
    app_licence: "SiteMatch：MIT 或 Apache-2.0 许可，任选其一。",
    font_licence: |font| format!("{font} 字体：SIL 开放字体许可 1.1"),
    close: "关闭",
};

const EN: Texts = Texts {
    title: "About SiteMatch",
    version: |v| format!("Version {v}"),
    purpose: "Matches investors' factor checklists against development zones' inventories, ranks the zones and prints the match report.",
    data_dir: "Data folder",
    zones_dir: "Zones folder in use",
    log_file: "Log file (attach it when asking for help)",
    open_folder: "Open folder",
    licences: "Licences",
    app_licence: "SiteMatch: MIT or Apache-2.0, at your choice.",
    font_licence: |font| format!("{font} font: SIL Open Font License 1.1"),
    close: "Close",
};

/// The words in both languages.
static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// Draws the About window over the app; Escape or Close closes it.
pub fn about_ui(ctx: &Context, data: &AboutData) -> Vec<Command> {
    let t = TEXTS.get(data.lang);
    let mut commands = Vec::new();
    let modal = egui::Modal::new(Id::unique("about sitematch")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t.title);
        ui.label((t.version)(env!("CARGO_PKG_VERSION")));
        ui.label(RichText::new(t.purpose).weak());
        ui.separator();
        for (label, dir) in [(t.data_dir, data.data_dir), (t.zones_dir, data.zones_dir)] {
            if label == t.zones_dir && dir == data.data_dir {
                continue;
            }
            ui.label(RichText::new(label).strong());
            ui.horizontal_wrapped(|ui| {
                ui.label(dir.display().to_string());
                if ui.small_button(t.open_folder).clicked() {
                    commands.push(Command::OpenFolder(dir.to_owned()));
                }
            });
        }
        if let Some(file) = data.log_file {
            ui.label(RichText::new(t.log_file).strong());
            ui.horizontal_wrapped(|ui| {
                ui.label(file.display().to_string());
                if let Some(dir) = file.parent()
                    && ui.small_button(t.open_folder).clicked()
                {
                    commands.push(Command::OpenFolder(dir.to_owned()));
                }
            });
        }
        ui.separator();
        ui.label(RichText::new(t.licences).strong());
        ui.label(t.app_licence);
        for (font, text) in FONT_LICENCES {
            egui::CollapsingHeader::new((t.font_licence)(font))
                .id_salt(("licence", font))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                        ui.label(RichText::new(text).small().monospace());
                    });
                });
        }
        ui.add_space(8.0);
        if ui.button(t.close).clicked() {
            commands.push(Command::CloseAbout);
        }
    });
    if modal.should_close() && !commands.contains(&Command::CloseAbout) {
        commands.push(Command::CloseAbout);
    }
    commands
}
