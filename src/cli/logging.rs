//! Where the log goes: standard error for every command (`RUST_LOG` chooses how much, warnings
//! by default), and for the window also the log file of [`io::logfile`], since a window opened
//! from the Start menu or a desktop entry has no terminal to show it. Set up once, before the
//! command runs.

use std::path::PathBuf;

use crate::io;

/// Starts the log; `window`: the command opens the window, so the log goes to the log file
/// too. The log file's path, when there is one.
pub(super) fn init(window: bool) -> Option<PathBuf> {
    let mut builder = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"));
    let opened = window
        .then(io::logfile::default_dir)
        .flatten()
        .map(|dir| io::logfile::open_in(&dir));
    let mut path = None;
    let mut failed = None;
    match opened {
        Some(Ok((file, at))) => {
            builder.target(env_logger::Target::Pipe(Box::new(io::logfile::Tee::new(file))));
            path = Some(at);
        }
        Some(Err(e)) => failed = Some(e),
        None => {}
    }
    // Already set up (the library's tests run commands in one process): that log stands.
    if builder.try_init().is_err() {
        return None;
    }
    if let Some(e) = failed {
        log::warn!("the log file could not be opened, so the log goes to standard error only: {e}");
    }
    path
}
