//! What the live ranking and the results say when the zones folder holds no zone to score
//! against: which folder, why, and the button that picks another one.

use std::path::Path;

use egui::{RichText, Ui};

use super::theme;
use crate::model::{Bilingual, Lang};
use crate::state::Command;

/// The zones folder as the ranking views need it.
#[derive(Clone, Copy)]
pub struct Folder<'a> {
    pub dir: &'a Path,
    /// Files of it that could not be read.
    pub failed: usize,
    /// It is still being read.
    pub loading: bool,
}

struct Texts {
    loading: &'static str,
    empty: fn(&str) -> String,
    unreadable: fn(&str, usize) -> String,
    pick: &'static str,
}

const ZH: Texts = Texts {
    loading: "正在读取开发区文件夹……",
    empty: |dir| format!("开发区文件夹中没有开发区档案（.ron 文件），无法排名：{dir}"),
    unreadable: |dir, n| {
        format!("开发区文件夹中的 {n} 个文件都无法读取，无法排名（原因见“开发区”页）：{dir}")
    },
    pick: "选择开发区文件夹…",
};

const EN: Texts = Texts {
    loading: "Reading the zones folder…",
    empty: |dir| {
        format!("The zones folder holds no zone profile (.ron file), so there is nothing to rank: {dir}")
    },
    unreadable: |dir, n| {
        format!(
            "None of the {n} files of the zones folder could be read, so there is nothing to rank (the Zones view says why): {dir}"
        )
    },
    pick: "Choose the zones folder…",
};

/// The words in both languages.
static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// Says why there is no zone to rank, with the button that picks another folder.
pub fn no_zones_ui(ui: &mut Ui, folder: Folder, lang: Lang) -> Option<Command> {
    let t = TEXTS.get(lang);
    let palette = theme::palette(ui.ctx());
    if folder.loading {
        ui.label(RichText::new(t.loading).weak());
        return None;
    }
    let dir = folder.dir.display().to_string();
    let text = if folder.failed > 0 {
        (t.unreadable)(&dir, folder.failed)
    } else {
        (t.empty)(&dir)
    };
    ui.add(egui::Label::new(RichText::new(text).color(palette.error)).wrap());
    ui.button(t.pick).clicked().then_some(Command::OpenProfilesFolder)
}
