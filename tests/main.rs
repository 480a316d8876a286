//! Integration tests of the library and the command line: one binary, one module per area.
//! They draw nothing, so they build and run without the desktop (`--no-default-features
//! --features pdf`); the app's own tests are in `app.rs`.

// A failed expectation in a test is a test failure, which is what `expect` reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod clock;
mod files;
mod hardening;
mod report;

use std::path::PathBuf;
use std::process::{Command, Output};

/// A path inside the checkout.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs the built binary in the checkout, in an English locale, so that what it prints
/// without `--lang` does not depend on the machine the tests run on.
pub fn sitematch(args: &[&str]) -> Output {
    sitematch_in_locale(args, "C")
}

/// Runs the built binary in the checkout with the system's language set to `locale`.
pub fn sitematch_in_locale(args: &[&str], locale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitematch"))
        .args(args)
        .current_dir(repo(""))
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", locale)
        .env("LANG", locale)
        .output()
        .expect("the binary runs")
}

/// The standard output of a command that must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = sitematch(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}
