//! Integration tests of the desktop app, drawn headless (they need the `gui` feature).

// A failed expectation in a test is a test failure, which is what `expect` reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod chrome;
mod health;
mod history_ui;
mod import_ui;
mod inquiry_ui;
mod panels;
mod ui;
mod update_sheet_ui;

use std::path::PathBuf;

/// A path inside the checkout.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}
