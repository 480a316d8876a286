//! What a folder holds that a loader would pass over in silence: a zone saved as `HOUMA.RON`
//! (the loaders read `*.ron` only), a `*.ron` that is a broken or looping link, and one that
//! is a pipe or a device. Each is
//! named as an error beside the files that could not be read, so nothing goes missing unseen.

use std::fs;
use std::path::Path;

use super::{FileError, FileProblem};

/// The names in `dir` a loader passes over, each with why. Hidden files (the temporary files
/// of an interrupted save) are not named.
pub fn passed_over(dir: &Path) -> Vec<FileError> {
    let Ok(entries) = fs::read_dir(dir) else {
        // The loader itself says why the folder cannot be read.
        return Vec::new();
    };
    let mut found: Vec<FileError> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter_map(|path| {
            let ext = path.extension()?.to_string_lossy().into_owned();
            if !ext.eq_ignore_ascii_case("ron") {
                return None;
            }
            if ext != "ron" {
                return Some(FileError::new(&path, FileProblem::WrongExtension { ext }));
            }
            let kind = fs::symlink_metadata(&path).ok()?.file_type();
            if kind.is_symlink() {
                return fs::metadata(&path)
                    .is_err()
                    .then(|| FileError::new(&path, FileProblem::BrokenLink));
            }
            // A pipe, a device or a socket named `*.ron`: not read, and said so.
            (!kind.is_file() && !kind.is_dir()).then(|| FileError::new(&path, FileProblem::NotAFile))
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// How old a save's hidden temporary file must be before it is taken for the leftover of a
/// save that was killed: a save in progress (by another officer on a shared folder too) takes
/// seconds.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the hidden temporary files (`.sitematch-*.tmp`) that saves killed mid-write left in
/// `dir`, once they are older than [`STALE_TEMPORARY`]; returns how many. Best effort: one that
/// cannot be removed is logged and left.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".sitematch-") && name.ends_with(".tmp")
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMPORARY))
        })
        .filter(|e| match fs::remove_file(e.path()) {
            Ok(()) => true,
            Err(err) => {
                log::warn!(
                    "{}: a stale temporary file could not be removed: {err}",
                    e.path().display()
                );
                false
            }
        })
        .count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;

    #[test]
    fn a_killed_save_s_old_temporary_file_is_removed_and_a_fresh_one_is_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = dir.path().join(".sitematch-killed.tmp");
        let fresh = dir.path().join(".sitematch-saving.tmp");
        let theirs = dir.path().join("notes.tmp");
        for p in [&old, &fresh, &theirs] {
            fs::write(p, "x").expect("write");
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for p in [&old, &theirs] {
            fs::File::options()
                .write(true)
                .open(p)
                .and_then(|f| f.set_modified(two_hours_ago))
                .expect("age it");
        }
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(!old.exists(), "the killed save's leftover is gone");
        assert!(fresh.exists(), "a save in progress is left alone");
        assert!(theirs.exists(), "files of other programs are left alone");
    }

    #[test]
    fn a_zone_in_capitals_and_a_broken_link_are_named_and_the_rest_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("houma.ron"), "x").expect("write");
        fs::write(dir.path().join("LINYI.RON"), "x").expect("write");
        fs::write(dir.path().join(".sitematch-1.tmp"), "x").expect("write");
        fs::write(dir.path().join("notes.txt"), "x").expect("write");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("gone.ron"), dir.path().join("dangling.ron"))
                .expect("link");
            std::os::unix::fs::symlink(dir.path().join("loop.ron"), dir.path().join("loop.ron"))
                .expect("link");
        }
        let named: Vec<(String, FileProblem)> = passed_over(dir.path())
            .into_iter()
            .map(|e| {
                (
                    e.path.file_name().expect("name").to_string_lossy().into_owned(),
                    e.problem,
                )
            })
            .collect();
        let mut expected = vec![(
            "LINYI.RON".to_owned(),
            FileProblem::WrongExtension { ext: "RON".into() },
        )];
        #[cfg(unix)]
        {
            expected.insert(0, ("dangling.ron".to_owned(), FileProblem::BrokenLink));
            expected.push(("loop.ron".to_owned(), FileProblem::BrokenLink));
        }
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        let mut named = named;
        named.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(named, expected);
    }
}
