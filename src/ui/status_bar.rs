//! The status bar (zones loaded, files that failed, the checklist's file and whether it has
//! unsaved changes) and the loading bar shown while a folder of zones loads.

use std::path::Path;

use egui::{RichText, Ui};

use super::theme;
use crate::model::Lang;

/// What the status bar reads.
pub struct StatusData<'a> {
    pub lang: Lang,
    pub zones: usize,
    /// Files of the zones folder that failed to load.
    pub failed: usize,
    pub zones_dir: &'a Path,
    /// The checklist's file, if it has one.
    pub checklist: Option<&'a Path>,
    pub unsaved: bool,
}

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut Ui, data: &StatusData) {
    let lang = data.lang;
    let palette = theme::palette(ui.ctx());
    ui.horizontal(|ui| {
        ui.label(match lang {
            Lang::Zh => format!("开发区：{} 个", data.zones),
            Lang::En => format!("Zones: {}", data.zones),
        })
        .on_hover_text(data.zones_dir.display().to_string());
        if data.failed > 0 {
            ui.label(
                RichText::new(match lang {
                    Lang::Zh => format!("{} 个文件无法读取", data.failed),
                    Lang::En => format!("{} files failed to load", data.failed),
                })
                .color(palette.error),
            );
        }
        ui.separator();
        let file = data.checklist.map_or_else(
            || lang.pick("未保存到文件", "not saved to a file yet").to_owned(),
            |p| p.display().to_string(),
        );
        ui.label(format!("{}{file}", lang.pick("需求表：", "Checklist: ")));
        if data.unsaved {
            ui.label(RichText::new(lang.pick("有未保存的修改", "unsaved changes")).color(palette.partial));
        }
    });
}

/// Draws how far a folder of zones has loaded.
pub fn loading_bar_ui(ui: &mut Ui, done: usize, total: usize, lang: Lang) {
    ui.horizontal(|ui| {
        ui.label(match lang {
            Lang::Zh => format!("正在加载开发区 {done} / {total}"),
            Lang::En => format!("Loading zones {done} / {total}"),
        });
        let share = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        ui.add(egui::ProgressBar::new(share).desired_width(320.0));
    });
}
