//! Opening the window: window options, fonts, the settings and recovered work from eframe's
//! storage, the zones folder and checklist to start on, and the panic hook.

use std::path::PathBuf;

use super::dialogs::NativeDialogs;
use super::{AppInit, CrashSnapshot, SiteMatchApp, install_panic_hook};
use crate::io;
use crate::model::Catalog;
use crate::state::settings::{Recovery, SETTINGS_KEY, Settings};
use crate::ui::fonts;

/// What the command line asks the window to open, over what was used last time.
#[derive(Clone, Debug, Default)]
pub struct StartWith {
    pub checklist: Option<PathBuf>,
    pub profiles: Option<PathBuf>,
}

/// Opens the window: on the given checklist and folder, else those used last time, else the
/// bundled profiles and a new checklist from the template.
pub fn run_native(catalog: Catalog, start: StartWith) -> eframe::Result<()> {
    let launched = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("SiteMatch 要素匹配")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            // An office laptop's 1366×768 is shorter than the size above: the window opens
            // filling the screen, status bar in sight, as office programs do.
            .with_maximized(true),
        ..Default::default()
    };
    eframe::run_native(
        "sitematch",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let store =
                eframe::storage_dir("sitematch").map(|d| crate::io::recovery::RecoveryStore::in_dir(&d));
            let recovery: Option<Recovery> = store
                .as_ref()
                .and_then(|s| s.load())
                .and_then(|text| ron::from_str(&text).ok());
            let profiles_dir = start
                .profiles
                .or_else(|| settings.profiles_dir.clone().filter(|d| d.is_dir()))
                .unwrap_or_else(io::default_profiles_dir);
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
                today: crate::io::clock::today(),
                background: Some(cc.egui_ctx.clone()),
                recovery_store: store.clone(),
                samples_dir: Some(
                    io::default_profiles_dir()
                        .with_file_name("assets")
                        .join("checklists"),
                ),
            });
            app.launched = Some(launched);
            if let Some(store) = store {
                let snapshot = CrashSnapshot::default();
                install_panic_hook(store, snapshot.clone());
                app.crash_snapshot = Some(snapshot);
            }
            Ok(Box::new(app))
        }),
    )
}
