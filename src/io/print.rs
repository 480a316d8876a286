//! Printing a report: the PDF goes to CUPS (`lp`) where it is installed, otherwise to the
//! system's PDF viewer, from which the user prints. The command is built by a pure function so
//! tests check it without a printer.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::io_reason;
use crate::model::{Lang, Localize};

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

/// Why a PDF could not be printed or opened.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The temporary folder for the PDF could not be made.
    CreateFolder {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The PDF could not be written to it.
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `lp` or the viewer could not be started.
    Run {
        via: PrintVia,
        #[source]
        source: std::io::Error,
    },
    /// `lp` or the viewer ran and failed; `detail` is what it said.
    Refused { via: PrintVia, detail: String },
}

impl Localize for PrintError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (PrintError::CreateFolder { dir, source }, Lang::Zh) => {
                format!("无法创建文件夹 {}：{}", dir.display(), io_reason(source, lang))
            }
            (PrintError::CreateFolder { dir, source }, Lang::En) => {
                format!("could not create {}: {source}", dir.display())
            }
            (PrintError::Write { path, source }, Lang::Zh) => {
                format!("无法写入 {}：{}", path.display(), io_reason(source, lang))
            }
            (PrintError::Write { path, source }, Lang::En) => {
                format!("could not write {}: {source}", path.display())
            }
            (
                PrintError::Run {
                    via: PrintVia::Lp,
                    source,
                },
                Lang::Zh,
            ) => {
                format!("无法运行打印命令 lp：{}", io_reason(source, lang))
            }
            (
                PrintError::Run {
                    via: PrintVia::Lp,
                    source,
                },
                Lang::En,
            ) => format!("could not run lp: {source}"),
            (
                PrintError::Run {
                    via: PrintVia::Viewer,
                    source,
                },
                Lang::Zh,
            ) => {
                format!("无法打开 PDF 阅读器：{}", io_reason(source, lang))
            }
            (
                PrintError::Run {
                    via: PrintVia::Viewer,
                    source,
                },
                Lang::En,
            ) => {
                format!("could not open a PDF viewer: {source}")
            }
            (
                PrintError::Refused {
                    via: PrintVia::Lp,
                    detail,
                },
                Lang::Zh,
            ) => {
                format!("打印服务拒绝了打印任务（lp：{detail}）")
            }
            (
                PrintError::Refused {
                    via: PrintVia::Lp,
                    detail,
                },
                Lang::En,
            ) => format!("lp refused the job: {detail}"),
            (
                PrintError::Refused {
                    via: PrintVia::Viewer,
                    detail,
                },
                Lang::Zh,
            ) => {
                format!("PDF 阅读器出错（{detail}）")
            }
            (
                PrintError::Refused {
                    via: PrintVia::Viewer,
                    detail,
                },
                Lang::En,
            ) => {
                format!("the PDF viewer failed: {detail}")
            }
        }
    }
}

crate::english_display!(PrintError);

/// Writes the PDF to a temporary file and hands it to the system. Returns how it was sent and
/// the file (kept, so the viewer can still read it).
pub fn print_pdf(bytes: &[u8], name: &str) -> Result<(PrintVia, PathBuf), PrintError> {
    let dir = std::env::temp_dir().join("sitematch-print");
    std::fs::create_dir_all(&dir).map_err(|source| PrintError::CreateFolder {
        dir: dir.clone(),
        source,
    })?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|source| PrintError::Write {
        path: path.clone(),
        source,
    })?;
    let via = default_via();
    let output = print_command(&path, via)
        .output()
        .map_err(|source| PrintError::Run { via, source })?;
    if output.status.success() {
        Ok((via, path))
    } else {
        Err(PrintError::Refused {
            via,
            detail: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
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
    fn every_print_error_reads_in_chinese_and_in_english() {
        let c = crate::model::Catalog::builtin().expect("catalog");
        let io = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let errors = [
            PrintError::CreateFolder {
                dir: PathBuf::from("/tmp/sitematch-print"),
                source: io(),
            },
            PrintError::Write {
                path: PathBuf::from("/tmp/sitematch-print/r.pdf"),
                source: io(),
            },
            PrintError::Run {
                via: PrintVia::Lp,
                source: io(),
            },
            PrintError::Run {
                via: PrintVia::Viewer,
                source: io(),
            },
            PrintError::Refused {
                via: PrintVia::Lp,
                detail: "lp: Error - no default destination available.".into(),
            },
            PrintError::Refused {
                via: PrintVia::Viewer,
                detail: "no handler".into(),
            },
        ];
        for e in &errors {
            let name = match e {
                PrintError::CreateFolder { .. } => "CreateFolder",
                PrintError::Write { .. } => "Write",
                PrintError::Run { .. } => "Run",
                PrintError::Refused { .. } => "Refused",
            };
            crate::model::error::testing::assert_renders(name, e, &c);
        }
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
