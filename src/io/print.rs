//! Printing a report: the PDF goes to CUPS (`lp`) where it is installed, otherwise to the
//! system's PDF viewer, from which the user prints. The command is built by a pure function so
//! tests check it without a printer.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How a PDF is handed to the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintVia {
    /// CUPS's `lp`, to the default printer.
    Lp,
    /// The default PDF viewer (`xdg-open`, `open` or `start`).
    Viewer,
}

/// The command that prints (or opens) `pdf`.
pub fn print_command(pdf: &Path, via: PrintVia) -> Command {
    match via {
        PrintVia::Lp => {
            let mut c = Command::new("lp");
            c.arg("-t")
                .arg(pdf.file_name().unwrap_or(OsStr::new("SiteMatch")))
                .arg("--")
                .arg(pdf);
            c
        }
        PrintVia::Viewer if cfg!(target_os = "macos") => {
            let mut c = Command::new("open");
            c.arg(pdf);
            c
        }
        PrintVia::Viewer if cfg!(windows) => {
            let mut c = Command::new("cmd");
            c.args(["/C", "start", ""]).arg(pdf);
            c
        }
        PrintVia::Viewer => {
            let mut c = Command::new("xdg-open");
            c.arg(pdf);
            c
        }
    }
}

/// Where an executable is on `PATH`, if anywhere.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// `lp` when CUPS is installed, else the viewer.
pub fn default_via() -> PrintVia {
    if find_on_path("lp").is_some() {
        PrintVia::Lp
    } else {
        PrintVia::Viewer
    }
}

/// Writes the PDF to a temporary file and hands it to the system. Returns how it was sent and
/// the file (kept, so the viewer can still read it).
pub fn print_pdf(bytes: &[u8], name: &str) -> Result<(PrintVia, PathBuf), String> {
    let dir = std::env::temp_dir().join("sitematch-print");
    std::fs::create_dir_all(&dir).map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|e| format!("could not write {}: {e}", path.display()))?;
    let via = default_via();
    let output = print_command(&path, via).output().map_err(|e| match via {
        PrintVia::Lp => format!("could not run lp: {e}"),
        PrintVia::Viewer => format!("could not open a PDF viewer: {e}"),
    })?;
    if output.status.success() {
        Ok((via, path))
    } else {
        let err = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        Err(match via {
            PrintVia::Lp => format!("lp refused the job: {err}"),
            PrintVia::Viewer => format!("the PDF viewer failed: {err}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(c: &Command) -> Vec<String> {
        c.get_args().map(|a| a.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn lp_gets_the_file_with_a_title() {
        let c = print_command(Path::new("/tmp/报告 1.pdf"), PrintVia::Lp);
        assert_eq!(c.get_program(), "lp");
        assert_eq!(args(&c), ["-t", "报告 1.pdf", "--", "/tmp/报告 1.pdf"]);
    }

    #[test]
    fn without_cups_the_viewer_opens_the_file() {
        let c = print_command(Path::new("/tmp/r.pdf"), PrintVia::Viewer);
        if cfg!(target_os = "linux") {
            assert_eq!(c.get_program(), "xdg-open");
            assert_eq!(args(&c), ["/tmp/r.pdf"]);
        }
        assert!(args(&c).iter().any(|a| a.ends_with("r.pdf")));
    }
}
