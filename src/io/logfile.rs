//! The desktop app's log file. A window opened from the Start menu or a desktop entry has no
//! terminal, so what the log says (a file that could not be kept, a worker that stopped) would
//! go nowhere: the app also writes it to `sitematch.log` in the user's cache folder
//! (`%LOCALAPPDATA%\sitematch\sitematch\cache\logs` on Windows, `~/.cache/sitematch/logs` on
//! Linux), never in the officer's data folder, which may be shared. At start a file past
//! [`MAX_BYTES`] is moved aside as `sitematch.1.log` (replacing the one before), so the log
//! never holds more than two files' worth.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The size past which the log starts afresh (the old one kept as `sitematch.1.log`).
pub const MAX_BYTES: u64 = 1 << 20;

const NAME: &str = "sitematch.log";
const OLD_NAME: &str = "sitematch.1.log";

/// The folder of the log file for this user; `None` when the system names no cache folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("cn", "sitematch", "sitematch").map(|d| d.cache_dir().join("logs"))
}

/// Opens the log file in `dir` for appending (making the folder), after moving a file past
/// [`MAX_BYTES`] aside.
pub fn open_in(dir: &Path) -> std::io::Result<(File, PathBuf)> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(NAME);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_BYTES) {
        std::fs::rename(&path, dir.join(OLD_NAME))?;
    }
    let file = OpenOptions::new().create(true).append(true).open(&path)?;
    Ok((file, path))
}

/// Writes each record to the log file and to standard error (which a terminal shows, when
/// there is one). A failed write to either is dropped: the log has nowhere else to say so.
pub struct Tee {
    file: Mutex<File>,
}

impl Tee {
    pub fn new(file: File) -> Self {
        Tee {
            file: Mutex::new(file),
        }
    }
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = std::io::stderr().write_all(buf);
        if let Ok(mut file) = self.file.lock() {
            file.write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        match self.file.lock() {
            Ok(mut file) => file.flush(),
            Err(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_past_its_size_is_moved_aside_and_a_new_one_begun() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut file, path) = open_in(dir.path()).expect("open");
        file.write_all(b"first run\n").expect("write");
        drop(file);
        let (mut file, _) = open_in(dir.path()).expect("open again");
        file.write_all(b"second run\n").expect("write");
        drop(file);
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "first run\nsecond run\n",
            "appended while small"
        );
        std::fs::write(&path, vec![b'x'; MAX_BYTES as usize + 1]).expect("grow");
        let (mut file, _) = open_in(dir.path()).expect("open a third time");
        file.write_all(b"third run\n").expect("write");
        drop(file);
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "third run\n");
        let old = std::fs::metadata(dir.path().join(OLD_NAME)).expect("kept aside");
        assert_eq!(old.len(), MAX_BYTES + 1);
    }

    #[test]
    fn the_tee_writes_what_it_is_given_to_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (file, path) = open_in(dir.path()).expect("open");
        let mut tee = Tee::new(file);
        writeln!(tee, "[WARN] 保存失败").expect("write");
        tee.flush().expect("flush");
        assert_eq!(std::fs::read_to_string(path).expect("read"), "[WARN] 保存失败\n");
    }
}
