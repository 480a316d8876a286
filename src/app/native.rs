//! Opening the window: window options (title, icon, the app id the desktop knows it by),
//! fonts, the settings and recovered work from eframe's storage, the zones folder and checklist
//! to start on, and the panic hook.

use std::path::PathBuf;
use std::sync::Arc;

use super::dialogs::NativeDialogs;
use super::{AppInit, CrashSnapshot, SiteMatchApp, install_panic_hook};
use crate::io::data_dir::DataDir;
use crate::model::Catalog;
use crate::state::settings::{Recovery, SETTINGS_KEY, Settings};
use crate::ui::fonts;

/// What the command line asks the window to open, over what was used last time.
#[derive(Clone, Debug, Default)]
pub struct StartWith {
    pub checklist: Option<PathBuf>,
    pub profiles: Option<PathBuf>,
    /// The day to rank on: today on the system's calendar, or the one `--date` gives.
    pub today: jiff::civil::Date,
    /// The file the log goes to (the About window names it); `None`: standard error only.
    pub log_file: Option<PathBuf>,
}

/// eframe's name for the app: its storage folder (settings, recovery) is named after it.
const STORAGE_NAME: &str = "sitematch";

/// Opens the window: on the given checklist and folder, else those used last time, else the
/// zones in the officer's data folder (made and seeded on first start) and a new checklist
/// from the template.
pub fn run_native(catalog: Catalog, start: StartWith) -> eframe::Result<()> {
    let launched = std::time::Instant::now();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("SiteMatch 要素匹配")
        // The desktop matches the window to its `.desktop` entry (icon, name) by this id.
        .with_app_id(crate::assets::APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0])
        // An office laptop's 1366×768 is shorter than the size above: the window opens
        // filling the screen, status bar in sight, as office programs do.
        .with_maximized(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(crate::assets::ICON_PNG) {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        // eframe would name its storage after the app id; keep the settings where they were.
        persistence_path: eframe::storage_dir(STORAGE_NAME).map(|d| d.join("app.ron")),
        ..Default::default()
    };
    eframe::run_native(
        STORAGE_NAME,
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let store =
                eframe::storage_dir(STORAGE_NAME).map(|d| crate::io::recovery::RecoveryStore::in_dir(&d));
            let recovery = store.as_ref().and_then(|s| s.load()).and_then(|text| {
                ron::from_str::<Recovery>(&text)
                    // Kept as it is: the next autosave replaces it only when there is new work.
                    .inspect_err(|e| log::error!("the work kept for recovery could not be read: {e}"))
                    .ok()
            });
            let data_dir = data_folder();
            let profiles_dir = start
                .profiles
                .or_else(|| settings.profiles_dir.clone().filter(|d| d.is_dir()))
                .unwrap_or_else(|| data_dir.as_ref().map_or_else(PathBuf::new, DataDir::profiles));
            // A recovered checklist is offered instead of the last file; one named on the
            // command line is opened as asked.
            let checklist = match (start.checklist, &recovery) {
                (Some(path), _) => Some(path),
                (None, Some(_)) => None,
                (None, None) => settings.last_checklist.clone().filter(|p| p.is_file()),
            };
            let mut app = SiteMatchApp::new(AppInit {
                catalog,
                profiles_dir,
                checklist,
                settings,
                recovery,
                dialogs: Box::new(NativeDialogs),
                today: start.today,
                background: Some(cc.egui_ctx.clone()),
                recovery_store: store.clone(),
                samples_dir: data_dir.as_ref().map(DataDir::checklists),
                data_dir: data_dir.as_ref().map(|d| d.root().to_owned()),
                log_file: start.log_file,
            });
            app.set_launched(launched);
            if let Some(store) = store {
                let snapshot = CrashSnapshot::default();
                install_panic_hook(store, snapshot.clone());
                app.keep_crash_snapshot(snapshot);
            }
            Ok(Box::new(app))
        }),
    )
}

/// The officer's data folder, made and seeded on first start: its zones are the window's
/// zones folder when neither the command line nor the settings name one that exists, its
/// checklists are the start page's samples, and the About window shows it. When it cannot be
/// found the window still opens (the zones view shows that there is no folder); when it cannot
/// be made or seeded, the views show what is missing. Either way the reason goes to the log.
fn data_folder() -> Option<DataDir> {
    match DataDir::locate() {
        Ok(dir) => {
            if let Err(e) = dir.prepare() {
                log::warn!("{e}");
            }
            Some(dir)
        }
        Err(e) => {
            log::warn!("{e}");
            None
        }
    }
}
