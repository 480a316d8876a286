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

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;

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
