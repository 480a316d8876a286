//! Each zone's history of changes on disk: `history/<id>.ron` in the folder of its profile.
//! A record is added the way a checked save writes, under the same lock beside the file and
//! with the same atomic write: the history is read (bounded), the records are added, and the
//! whole file replaces the old one, or nothing does. The loaders read only the `*.ron` files
//! at a folder's top level, so no history is read when profiles load; a zone's history stays
//! when the zone is deleted (its profile moved aside as `.bak`), and goes with it when it is
//! saved under another name. The format is `model::history`'s.

use std::fs;
use std::path::{Path, PathBuf};

use super::save::{SaveLock, write_failed};
use super::{Document, FileError, IoAction, profile_id, read_text, write_atomic};
use crate::model::history::{Record, parse_history, write_history};

/// The folder, beside the profiles, that holds their histories.
pub const HISTORY_DIR: &str = "history";

/// Where the history of the zone saved at `profile` is kept: `zones/houma.ron` →
/// `zones/history/houma.ron`.
pub fn history_path(profile: &Path) -> PathBuf {
    let dir = match profile.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    dir.join(HISTORY_DIR).join(format!("{}.ron", profile_id(profile)))
}

/// Reads a history file; a file that is not there is an empty history. A damaged one is an
/// error naming the file and the line.
pub fn read_history(path: &Path) -> Result<Vec<Record>, FileError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        _ => {}
    }
    let text = read_text(path)?;
    parse_history(&text).map_err(|e| FileError::parse(path, e))
}

/// The history of the zone saved at `profile`.
pub fn zone_history(profile: &Path) -> Result<Vec<Record>, FileError> {
    read_history(&history_path(profile))
}

/// Adds records to the history of the zone saved at `profile`, making the folder when it is
/// the first. A history that cannot be read (damaged by hand, say) is left as it is and the
/// error says where; nothing is added then.
pub fn append_history(profile: &Path, records: &[Record]) -> Result<(), FileError> {
    if records.is_empty() {
        return Ok(());
    }
    update(&history_path(profile), |list| list.extend_from_slice(records))
}

/// Gives the zone saved at `to` the history of the zone saved at `from` (a zone saved under
/// another name): the records `to` does not hold yet join its own, in the order they were
/// made. `from` keeps its history.
pub fn carry_history(from: &Path, to: &Path) -> Result<(), FileError> {
    let (from, to) = (history_path(from), history_path(to));
    if from == to {
        return Ok(());
    }
    let theirs = read_history(&from)?;
    if theirs.is_empty() {
        return Ok(());
    }
    update(&to, |list| {
        for record in theirs {
            if !list.contains(&record) {
                list.push(record);
            }
        }
        // Stable: records of the same second keep the order they were in.
        list.sort_by_key(|r| r.when);
    })
}

/// Reads a history, changes its records and writes it whole, atomically, under the lock a
/// save of the same file takes.
fn update(path: &Path, change: impl FnOnce(&mut Vec<Record>)) -> Result<(), FileError> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| FileError::io(dir, IoAction::CreateFolder, e))?;
    }
    let _lock = SaveLock::acquire(path)?;
    let mut records = read_history(path)?;
    change(&mut records);
    let text = write_history(&records).map_err(|e| write_failed(path, Document::History, &e))?;
    // No `.bak`: the new file holds every record of the old one.
    write_atomic(path, text.as_bytes(), false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;
    use crate::model::history::{How, When};

    fn record(minute: u8, who: &str) -> Record {
        let catalog = Catalog::builtin().expect("catalog");
        let (id, text) = crate::assets::sample_profiles().next().expect("a sample");
        let profile = crate::model::parse_profile(text, id, &catalog).expect("parses");
        let when = When::parse(&format!("2026-12-07T21:{minute:02}:00+08:00")).expect("time");
        Record::of_save(&catalog, None, &profile, when, who, How::Editor).expect("a record")
    }

    #[test]
    fn the_history_is_kept_in_a_folder_beside_the_profiles() {
        assert_eq!(
            history_path(Path::new("zones/houma.ron")),
            Path::new("zones/history/houma.ron")
        );
        assert_eq!(
            history_path(Path::new("houma.ron")),
            Path::new("./history/houma.ron")
        );
    }

    #[test]
    fn records_are_added_oldest_first_and_a_missing_history_is_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let profile = dir.path().join("houma.ron");
        assert_eq!(zone_history(&profile).expect("none yet"), Vec::new());
        append_history(&profile, &[record(1, "甲")]).expect("first");
        append_history(&profile, &[record(2, "乙"), record(3, "丙")]).expect("two more");
        let who: Vec<String> = zone_history(&profile)
            .expect("reads")
            .into_iter()
            .map(|r| r.who)
            .collect();
        assert_eq!(who, ["甲", "乙", "丙"]);
        assert!(
            !dir.path().join("history").join(".houma.ron.lock").exists(),
            "the lock is gone"
        );
        assert!(
            !backup_exists(&dir.path().join("history")),
            "a history keeps no backup"
        );
    }

    fn backup_exists(dir: &Path) -> bool {
        fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".bak"))
    }

    #[test]
    fn a_history_carried_to_another_name_merges_in_time_order_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (from, to) = (dir.path().join("houma.ron"), dir.path().join("houma-2.ron"));
        append_history(&from, &[record(1, "甲"), record(3, "丙")]).expect("from");
        append_history(&to, &[record(2, "乙")]).expect("to");
        carry_history(&from, &to).expect("carried");
        carry_history(&from, &to).expect("carried again");
        let who = |p: &Path| -> Vec<String> {
            zone_history(p)
                .expect("reads")
                .into_iter()
                .map(|r| r.who)
                .collect()
        };
        assert_eq!(who(&to), ["甲", "乙", "丙"], "merged by time, each once");
        assert_eq!(who(&from), ["甲", "丙"], "the first zone keeps its own");
    }
}
