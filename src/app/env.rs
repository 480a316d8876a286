//! What the app is given by the system it runs on: the file dialogs, where jobs run, the
//! officer's data folder and the log file (for the About window), the moment the window was
//! asked for, and whether the officer has chosen to quit. Holds them; does nothing with them.

use std::path::{Path, PathBuf};

use super::dialogs::FileDialogs;
use super::jobs::Runner;

/// The app's surroundings.
pub struct Env {
    dialogs: Box<dyn FileDialogs>,
    runner: Runner,
    data_dir: Option<PathBuf>,
    log_file: Option<PathBuf>,
    /// When the window was asked for; the time to the first frame is printed when the
    /// `SITEMATCH_TIMING` environment variable is set.
    launched: Option<std::time::Instant>,
    /// Set once the app has decided to close (saved or discarded everything).
    quit_requested: bool,
}

impl Env {
    pub fn new(
        dialogs: Box<dyn FileDialogs>,
        runner: Runner,
        data_dir: Option<PathBuf>,
        log_file: Option<PathBuf>,
    ) -> Self {
        Env {
            dialogs,
            runner,
            data_dir,
            log_file,
            launched: None,
            quit_requested: false,
        }
    }

    pub fn dialogs(&mut self) -> &mut dyn FileDialogs {
        self.dialogs.as_mut()
    }

    pub fn runner(&self) -> &Runner {
        &self.runner
    }

    /// The officer's SiteMatch folder; `None` when there is none.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// The file the log goes to; `None` when it goes to standard error only.
    pub fn log_file(&self) -> Option<&Path> {
        self.log_file.as_deref()
    }

    pub fn set_launched(&mut self, at: std::time::Instant) {
        self.launched = Some(at);
    }

    /// How long the first frame took after launch, once, when asked for by `SITEMATCH_TIMING`.
    pub fn report_first_frame(&mut self) {
        if let Some(launched) = self.launched.take()
            && std::env::var_os("SITEMATCH_TIMING").is_some()
        {
            eprintln!(
                "sitematch: first frame {} ms after launch",
                launched.elapsed().as_millis()
            );
        }
    }

    pub fn quit_requested(&self) -> bool {
        self.quit_requested
    }

    pub fn request_quit(&mut self) {
        self.quit_requested = true;
    }
}
