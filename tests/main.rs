//! Integration tests of the library and the command line: one binary, one module per area.
//! They draw nothing, so they build and run without the desktop (`--no-default-features
//! --features pdf`); the app's own tests are in `app.rs`.

// A failed expectation in a test is a test failure, which is what `expect` reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod clock;
mod data_dir;
mod files;
mod hardening;
mod history_files;
mod import;
mod inquiries;
mod inventory;
mod inventory_export;
mod report;

use std::path::PathBuf;
use std::process::{Command, Output};

/// A path inside the checkout.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Sets a file's modification time.
pub fn set_modified(path: &std::path::Path, t: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(t))
        .expect("set the time");
}

/// Backdates every profile of a folder an hour, past the profile cache's racy window, as files
/// last edited a while ago are.
pub fn age(dir: &std::path::Path) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for path in sitematch::io::ron_files(dir).expect("files") {
        set_modified(&path, then);
    }
}

/// The same length and modification time, other content: what only the profile cache can
/// still read as a profile.
pub fn garble_keeping_length_and_time(path: &std::path::Path) {
    let meta = std::fs::metadata(path).expect("meta");
    let modified = meta.modified().expect("time");
    std::fs::write(path, "x".repeat(meta.len() as usize)).expect("write");
    set_modified(path, modified);
}

/// Runs the built binary in the checkout, in an English locale, so that what it prints
/// without `--lang` does not depend on the machine the tests run on, with a data folder and a
/// cache folder of its own (never the real ones).
pub fn sitematch(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    run(home.path(), args, "C")
}

/// Runs the built binary in the checkout, in an English locale, with `home` as its data folder.
pub fn sitematch_in(home: &std::path::Path, args: &[&str]) -> Output {
    run(home, args, "C")
}

/// Runs the built binary in the checkout with the system's language set to `locale`, with a
/// data folder of its own.
pub fn sitematch_in_locale(args: &[&str], locale: &str) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    run(home.path(), args, locale)
}

fn run(home: &std::path::Path, args: &[&str], locale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitematch"))
        .args(args)
        .current_dir(repo(""))
        .env("SITEMATCH_HOME", home)
        .env("SITEMATCH_CACHE", home.join("cache"))
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
