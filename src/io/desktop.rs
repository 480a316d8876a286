//! Handing a folder to the desktop: opens it in the system's file manager (Explorer on
//! Windows, `xdg-open` on Linux, Finder on macOS), for "open the data folder". The command is
//! built by a pure function, so tests check it without a desktop.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::model::Lang;

/// Why a folder could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum OpenFolderError {
    NotAFolder(PathBuf),
    Spawn {
        program: String,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl crate::model::Localize for OpenFolderError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (OpenFolderError::NotAFolder(path), Lang::Zh) => format!("{} 不是文件夹", path.display()),
            (OpenFolderError::NotAFolder(path), Lang::En) => format!("{} is not a folder", path.display()),
            (
                OpenFolderError::Spawn {
                    program,
                    path,
                    source,
                },
                Lang::Zh,
            ) => {
                format!("无法运行 {program} 打开 {}：{source}", path.display())
            }
            (
                OpenFolderError::Spawn {
                    program,
                    path,
                    source,
                },
                Lang::En,
            ) => {
                format!("could not run {program} to open {}: {source}", path.display())
            }
        }
    }
}

crate::english_display!(OpenFolderError);

/// The command that shows `dir` in the file manager.
pub fn open_folder_command(dir: &Path) -> Command {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut c = Command::new(program);
    c.arg(dir);
    c
}

/// Shows `dir` in the file manager and returns at once; the file manager's own exit status is
/// not waited for (Explorer reports 1 even when it opened the folder).
pub fn open_folder(dir: &Path) -> Result<(), OpenFolderError> {
    if !dir.is_dir() {
        return Err(OpenFolderError::NotAFolder(dir.to_owned()));
    }
    let mut command = open_folder_command(dir);
    let mut child = command.spawn().map_err(|source| OpenFolderError::Spawn {
        program: command.get_program().to_string_lossy().into_owned(),
        path: dir.to_owned(),
        source,
    })?;
    // Reap it when it ends, so no finished process lingers while the app runs.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localize;

    #[test]
    fn the_file_manager_gets_the_folder_as_one_argument() {
        let dir = Path::new("/home/li/文档/SiteMatch 数据");
        let c = open_folder_command(dir);
        let args: Vec<_> = c.get_args().collect();
        assert_eq!(args, [dir.as_os_str()]);
        if cfg!(target_os = "linux") {
            assert_eq!(c.get_program(), "xdg-open");
        }
        if cfg!(windows) {
            assert_eq!(c.get_program(), "explorer");
        }
    }

    #[test]
    fn a_missing_folder_is_refused_before_anything_runs() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let missing = tmp.path().join("gone");
        let e = open_folder(&missing).expect_err("missing");
        assert!(matches!(e, OpenFolderError::NotAFolder(_)));
        assert!(e.text(Lang::Zh).ends_with("不是文件夹"));
        assert!(e.text(Lang::En).ends_with("is not a folder"));
    }
}
