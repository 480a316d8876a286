//! The `sitematch` binary: hands the command line to the library.
//!
//! A release build for Windows is a GUI program, so that the app opens from the Start menu
//! without a console window; the installer puts a small console program, `sitematch.exe`, beside
//! it for the command line in a terminal (`dist/windows/console/`). Debug builds keep the console.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    sitematch::cli::run(std::env::args_os())
}
