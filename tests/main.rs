//! Integration tests: one binary, one module per area.

// A failed expectation in a test is a test failure, which is what `expect` reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod data_dir;
mod files;
mod hardening;
mod report;
mod ui;

use std::path::PathBuf;
use std::process::{Command, Output};

/// A path inside the checkout.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs the built binary in the checkout, with a data folder of its own (never the real one).
pub fn sitematch(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    sitematch_in(home.path(), args)
}

/// Runs the built binary in the checkout with `home` as its data folder.
pub fn sitematch_in(home: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitematch"))
        .args(args)
        .current_dir(repo(""))
        .env("SITEMATCH_HOME", home)
        .output()
        .expect("the binary runs")
}

/// The standard output of a command that must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = sitematch(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}
