//! Native file dialogs behind one small trait, so the app asks for paths the same way whether
//! a person picks them (rfd) or a test hands them in.

use std::path::{Path, PathBuf};

use super::texts::TEXTS;
use crate::model::Lang;
use crate::ui::texts::common;

/// What a dialog is for: decides its title and file filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Checklist,
    Profile,
    Pdf,
    Docx,
    Xlsx,
    Csv,
}

impl FileKind {
    fn filter(self, lang: Lang) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Checklist => (TEXTS.get(lang).checklist_files, &["ron"]),
            FileKind::Profile => (TEXTS.get(lang).profile_files, &["ron"]),
            FileKind::Pdf => ("PDF", &["pdf"]),
            FileKind::Docx => ("Word", &["docx"]),
            FileKind::Xlsx => ("Excel", &["xlsx"]),
            FileKind::Csv => ("CSV", &["csv"]),
        }
    }
}

/// Asks the user for paths. `None` means the user cancelled.
pub trait FileDialogs {
    fn open_file(&mut self, kind: FileKind, start: Option<&Path>, lang: Lang) -> Option<PathBuf>;
    fn save_file(&mut self, kind: FileKind, start: Option<&Path>, name: &str, lang: Lang) -> Option<PathBuf>;
    fn pick_folder(&mut self, start: Option<&Path>, lang: Lang) -> Option<PathBuf>;
    /// The folder of pending projects' checklists.
    fn pick_checklists_folder(&mut self, start: Option<&Path>, lang: Lang) -> Option<PathBuf> {
        self.pick_folder(start, lang)
    }
}

/// The system's own dialogs, through rfd (the desktop portal, or zenity where none runs).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl NativeDialogs {
    fn dialog(start: Option<&Path>) -> rfd::FileDialog {
        let dialog = rfd::FileDialog::new();
        match start.filter(|p| p.is_dir()) {
            Some(dir) => dialog.set_directory(dir),
            None => dialog,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn open_file(&mut self, kind: FileKind, start: Option<&Path>, lang: Lang) -> Option<PathBuf> {
        let (name, ext) = kind.filter(lang);
        Self::dialog(start)
            .add_filter(name, ext)
            .set_title(TEXTS.get(lang).open_title)
            .pick_file()
    }

    fn save_file(&mut self, kind: FileKind, start: Option<&Path>, name: &str, lang: Lang) -> Option<PathBuf> {
        let (filter, ext) = kind.filter(lang);
        let path = Self::dialog(start)
            .add_filter(filter, ext)
            .set_file_name(name)
            .set_title(common(lang).save)
            .save_file()?;
        // Add the extension when the user typed a bare name.
        Some(match (path.extension(), ext.first()) {
            (None, Some(e)) => path.with_extension(e),
            _ => path,
        })
    }

    fn pick_folder(&mut self, start: Option<&Path>, lang: Lang) -> Option<PathBuf> {
        Self::dialog(start)
            .set_title(TEXTS.get(lang).zones_folder_title)
            .pick_folder()
    }

    fn pick_checklists_folder(&mut self, start: Option<&Path>, lang: Lang) -> Option<PathBuf> {
        Self::dialog(start)
            .set_title(TEXTS.get(lang).checklists_folder_title)
            .pick_folder()
    }
}
