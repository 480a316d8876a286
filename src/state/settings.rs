//! What the app remembers between runs (language, theme, zoom, folders, recent files) and the
//! autosaved working checklist it offers back after a crash. Kept in eframe's storage; zone
//! data never goes there.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// How many recent checklists the File menu lists.
pub const RECENT_MAX: usize = 8;

/// The user's settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub dark: bool,
    /// UI scale: 1.0 = 100 %.
    pub zoom: f32,
    /// The profiles folder used last; `None` for the bundled one.
    pub profiles_dir: Option<PathBuf>,
    /// The checklist open at the last exit.
    pub last_checklist: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    /// Who prepares reports: the officer's name and office.
    pub prepared_by: String,
    /// Reserve planning: the officer's own zone (profile id) and the folder of pending
    /// projects' checklists.
    pub planning_zone: Option<String>,
    pub planning_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Zh,
            dark: false,
            zoom: 1.0,
            profiles_dir: None,
            last_checklist: None,
            recent: Vec::new(),
            prepared_by: String::new(),
            planning_zone: None,
            planning_dir: None,
        }
    }
}

impl Settings {
    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_MAX);
    }
}

/// The working checklist as autosaved: its RON text and the file it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub text: String,
    pub path: Option<PathBuf>,
    /// When it was autosaved, for the offer ("unsaved work from …").
    pub saved_at: String,
}

/// The storage key of the settings.
pub const SETTINGS_KEY: &str = "sitematch.settings";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_capped() {
        let mut s = Settings::default();
        for i in 0..10 {
            s.remember(Path::new(&format!("{i}.ron")));
        }
        s.remember(Path::new("5.ron"));
        assert_eq!(s.recent.len(), RECENT_MAX);
        assert_eq!(s.recent[0], Path::new("5.ron"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("5.ron")).count(), 1);
    }

    #[test]
    fn old_settings_files_fill_missing_fields_with_defaults() {
        let s: Settings = ron::from_str("(lang: En)").expect("parses");
        assert_eq!(s.lang, Lang::En);
        assert!((s.zoom - 1.0).abs() < f32::EPSILON);
    }
}
