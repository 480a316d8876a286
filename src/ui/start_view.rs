//! The start page: what an officer can begin with — a new checklist, one of the sample
//! checklists, a recent file, an investor's filled survey workbook — and the zones folder the
//! ranking will use, with the button that picks another.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::theme;
use crate::model::{Bilingual, Lang};
use crate::state::Command;

/// A checklist offered on the start page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    pub project: String,
    pub investor: String,
    pub path: PathBuf,
}

/// What the start page reads.
pub struct StartData<'a> {
    pub lang: Lang,
    pub samples: &'a [Sample],
    pub recent: &'a [PathBuf],
    /// Zones loaded, files that failed, and their folder.
    pub zones: usize,
    pub failed: usize,
    pub zones_dir: &'a Path,
    /// The folder is still loading.
    pub loading: bool,
}

/// The start page's words.
struct Texts {
    welcome: &'static str,
    purpose: &'static str,
    new: &'static str,
    open: &'static str,
    import: &'static str,
    import_hover: &'static str,
    paste: &'static str,
    paste_hover: &'static str,
    samples: &'static str,
    no_samples: &'static str,
    recent: &'static str,
    no_recent: &'static str,
    zones: &'static str,
    zones_loaded: fn(usize) -> String,
    zones_failed: fn(usize) -> String,
    zones_none: &'static str,
    zones_loading: &'static str,
    pick_folder: &'static str,
}

const ZH: Texts = Texts {
    welcome: "SiteMatch 要素匹配",
    purpose: "填写投资方的要素需求，逐项对照各开发区的要素资料，排出名次并打印匹配报告。",
    new: "新建需求表",
    open: "打开需求表…",
    import: "导入投资方调查表…",
    import_hover: "读取投资方填好的要素调查表（Excel），生成一份新的需求表",
    paste: "粘贴投资方来信…",
    paste_hover: "把投资方的微信、邮件或 Word 内容粘贴进来，自动识别各项需求，核对后生成需求表（也可把 .txt / .docx 文件拖到窗口上）",
    samples: "示例需求表",
    no_samples: "（没有找到示例需求表）",
    recent: "最近打开",
    no_recent: "（还没有打开过需求表）",
    zones: "开发区资料",
    zones_loaded: |n| format!("已加载 {n} 个开发区"),
    zones_failed: |n| format!("{n} 个文件无法读取，原因见“开发区”页"),
    zones_none: "此文件夹中没有可读取的开发区资料，排名将为空。",
    zones_loading: "正在加载开发区…",
    pick_folder: "选择开发区文件夹…",
};

const EN: Texts = Texts {
    welcome: "SiteMatch",
    purpose: "Fill in an investor's requirements, check them item by item against every zone's inventory, rank the zones and print the match report.",
    new: "New checklist",
    open: "Open checklist…",
    import: "Import an investor's survey…",
    import_hover: "Read a survey workbook (Excel) an investor filled in as a new checklist",
    paste: "Paste an investor's message…",
    paste_hover: "Paste an investor's WeChat message, e-mail or Word text: its requirements are read for you to check, then made into a checklist (or drop a .txt / .docx file on the window)",
    samples: "Sample checklists",
    no_samples: "(no sample checklists found)",
    recent: "Recent",
    no_recent: "(no checklist opened yet)",
    zones: "Zone inventories",
    zones_loaded: |n| match n {
        1 => "1 zone loaded".to_owned(),
        n => format!("{n} zones loaded"),
    },
    zones_failed: |n| match n {
        1 => "1 file could not be read; see the Zones view for why".to_owned(),
        n => format!("{n} files could not be read; see the Zones view for why"),
    },
    zones_none: "This folder holds no zone inventory that can be read; the ranking will be empty.",
    zones_loading: "Loading zones…",
    pick_folder: "Choose the zones folder…",
};

/// The words in both languages.
static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// Draws the start page.
pub fn start_view_ui(ui: &mut Ui, data: &StartData) -> Vec<Command> {
    let t = TEXTS.get(data.lang);
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(760.0);
        ui.add_space(theme::SECTION_GAP);
        ui.heading(RichText::new(t.welcome).size(24.0));
        ui.label(RichText::new(t.purpose).weak());
        ui.add_space(theme::SECTION_GAP);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(RichText::new(t.paste).strong())
                .on_hover_text(t.paste_hover)
                .clicked()
            {
                commands.push(Command::PasteInquiry);
            }
            if ui.button(RichText::new(t.new).strong()).clicked() {
                commands.push(Command::NewChecklist);
            }
            if ui.button(t.open).clicked() {
                commands.push(Command::OpenChecklist(None));
            }
            if ui.button(t.import).on_hover_text(t.import_hover).clicked() {
                commands.push(Command::ImportSurvey);
            }
        });
        ui.add_space(theme::SECTION_GAP * 2.0);

        ui.label(RichText::new(t.samples).strong());
        if data.samples.is_empty() {
            ui.label(RichText::new(t.no_samples).weak());
        }
        for sample in data.samples {
            let line = if sample.investor.is_empty() {
                sample.project.clone()
            } else {
                format!("{} — {}", sample.project, sample.investor)
            };
            if ui
                .link(line)
                .on_hover_text(sample.path.display().to_string())
                .clicked()
            {
                commands.push(Command::OpenChecklist(Some(sample.path.clone())));
            }
        }
        ui.add_space(theme::SECTION_GAP);

        ui.label(RichText::new(t.recent).strong());
        if data.recent.is_empty() {
            ui.label(RichText::new(t.no_recent).weak());
        }
        for path in data.recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
            ui.horizontal(|ui| {
                if ui.link(name).on_hover_text(path.display().to_string()).clicked() {
                    commands.push(Command::OpenChecklist(Some(path.clone())));
                }
                ui.label(RichText::new(folder).small().weak());
            });
        }
        ui.add_space(theme::SECTION_GAP);

        ui.label(RichText::new(t.zones).strong());
        ui.label(RichText::new(data.zones_dir.display().to_string()).small().weak());
        let palette = theme::palette(ui.ctx());
        if data.loading {
            ui.label(t.zones_loading);
        } else if data.zones == 0 {
            ui.label(RichText::new(t.zones_none).color(palette.error));
        } else {
            ui.label((t.zones_loaded)(data.zones));
        }
        if data.failed > 0 {
            ui.label(RichText::new((t.zones_failed)(data.failed)).color(palette.error));
        }
        if ui.button(t.pick_folder).clicked() {
            commands.push(Command::OpenProfilesFolder);
        }
    });
    commands
}
