//! Integration tests: one binary, one module per area.

// A failed expectation in a test is a test failure, which is what `expect` reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod files;
mod hardening;
mod report;
mod ui;

use std::path::PathBuf;

/// A path inside the checkout.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}
