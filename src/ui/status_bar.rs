//! The status bar (zones loaded, files that failed, the checklist's file and whether it has
//! unsaved changes) and the loading bar shown while a folder of zones loads.

use std::path::Path;

use egui::{RichText, Ui};

use super::texts::count_en;
use super::theme;
use crate::model::{Bilingual, Lang};

/// The words of the status and loading bars.
struct Texts {
    /// How many zones are loaded.
    zones_loaded: fn(usize) -> String,
    /// How many files of the zones folder failed to load.
    files_failed: fn(usize) -> String,
    /// The checklist's file, or `no_file`.
    checklist_file: fn(&str) -> String,
    no_file: &'static str,
    unsaved: &'static str,
    /// Files loaded so far, of how many.
    loading: fn(usize, usize) -> String,
}

const ZH: Texts = Texts {
    zones_loaded: |n| format!("开发区：{n} 个"),
    files_failed: |n| format!("{n} 个文件无法读取"),
    checklist_file: |file| format!("需求表：{file}"),
    no_file: "未保存到文件",
    unsaved: "有未保存的修改",
    loading: |done, total| format!("正在加载开发区 {done} / {total}"),
};

const EN: Texts = Texts {
    zones_loaded: |n| format!("Zones: {n}"),
    files_failed: |n| format!("{} failed to load", count_en(n, "file", "files")),
    checklist_file: |file| format!("Checklist: {file}"),
    no_file: "not saved to a file yet",
    unsaved: "unsaved changes",
    loading: |done, total| format!("Loading zones {done} / {total}"),
};

/// The status bar's words in `lang`.
/// The words in both languages.
static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

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
    /// What just happened (saved, exported), shown for a few seconds where it moves nothing.
    pub news: Option<&'a str>,
}

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut Ui, data: &StatusData) {
    let t = TEXTS.get(data.lang);
    let palette = theme::palette(ui.ctx());
    ui.horizontal(|ui| {
        ui.label((t.zones_loaded)(data.zones))
            .on_hover_text(data.zones_dir.display().to_string());
        if data.failed > 0 {
            ui.label(RichText::new((t.files_failed)(data.failed)).color(palette.error));
        }
        ui.separator();
        let file = data
            .checklist
            .map_or_else(|| t.no_file.to_owned(), |p| p.display().to_string());
        ui.label((t.checklist_file)(&file));
        if data.unsaved {
            ui.label(RichText::new(t.unsaved).color(palette.partial));
        }
        if let Some(news) = data.news {
            ui.separator();
            ui.label(RichText::new(format!("✔ {news}")).color(palette.info));
        }
    });
}

/// Draws how far a folder of zones has loaded.
pub fn loading_bar_ui(ui: &mut Ui, done: usize, total: usize, lang: Lang) {
    ui.horizontal(|ui| {
        ui.label((TEXTS.get(lang).loading)(done, total));
        let share = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        ui.add(egui::ProgressBar::new(share).desired_width(320.0));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_failed_files() {
        assert_eq!((TEXTS.get(Lang::En).files_failed)(1), "1 file failed to load");
        assert_eq!((TEXTS.get(Lang::En).files_failed)(2), "2 files failed to load");
        assert_eq!((TEXTS.get(Lang::Zh).files_failed)(1), "1 个文件无法读取");
    }
}
