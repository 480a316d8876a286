//! Reading one file, bounded: the size limit, folders, pipes and devices refused before they are
//! opened, and the bytes checked as UTF-8 text with the place of the first bad one. Bytes and
//! text only: parsing them into documents is `load`'s, writing is `save`'s and `atomic`'s.

use std::fs;
use std::path::Path;

use super::{FileError, FileProblem, FileStamp, IoAction};
use crate::model;

/// Files larger than this are refused before they are read: no profile or checklist comes
/// near it, and a runaway file must not stall the app.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file's bytes, refusing a folder, or a file over the size limit before reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file(path, MAX_FILE_BYTES).map(|(bytes, _)| bytes)
}

/// Workbooks larger than this are refused before they are read: a province's table is a few
/// hundred kilobytes, the update workbook of 2 500 zones about ten megabytes.
pub const MAX_WORKBOOK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a workbook's bytes (an inventory table to import), bounded by [`MAX_WORKBOOK_BYTES`].
pub fn read_workbook(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file(path, MAX_WORKBOOK_BYTES).map(|(bytes, _)| bytes)
}

/// Reads an investor's message (a text or Word file), bounded by [`MAX_WORKBOOK_BYTES`]: what
/// it holds is `inquiry::message_text`'s to tell.
pub fn read_message(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file(path, MAX_WORKBOOK_BYTES).map(|(bytes, _)| bytes)
}

/// Reads a file's bytes with its metadata, from one open file (one `stat`, as large folders
/// are read thousands at a time).
fn read_file(path: &Path, limit: u64) -> Result<(Vec<u8>, fs::Metadata), FileError> {
    use std::io::Read;
    // Looked at before it is opened: opening a named pipe waits for a writer, forever.
    let meta = fs::metadata(path).map_err(|e| FileError::io(path, IoAction::Read, e))?;
    if meta.is_dir() {
        return Err(FileError::new(path, FileProblem::IsFolder));
    }
    if !meta.is_file() {
        return Err(FileError::new(path, FileProblem::NotAFile));
    }
    if meta.len() > limit {
        return Err(FileError::new(
            path,
            FileProblem::TooLarge {
                bytes: meta.len(),
                limit,
            },
        ));
    }
    let file = fs::File::open(path).map_err(|e| FileError::io(path, IoAction::Read, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    // Bounded by the bytes actually read, not the size the system reported: a file that grows
    // while it is read stops at the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, IoAction::Read, e))?;
    if bytes.len() as u64 > limit {
        return Err(FileError::new(
            path,
            FileProblem::TooLarge {
                bytes: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok((bytes, meta))
}

/// Reads a file as UTF-8 text, refusing what is too large, binary or not UTF-8, with the
/// position of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    text_of(path, read_bytes(path)?)
}

/// A file's bytes as UTF-8 text (see [`read_text`]).
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(FileError::new(path, FileProblem::Utf16));
    }
    if bytes.contains(&0) {
        return Err(FileError::new(path, FileProblem::Binary));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = model::error::line_column(&text, text.len());
        FileError::new(path, FileProblem::NotUtf8 { line, column })
    })
}

/// Reads a file as UTF-8 text that is not empty (see [`read_text`]).
pub fn read_nonempty(path: &Path) -> Result<String, FileError> {
    nonempty(path, read_text(path)?)
}

fn nonempty(path: &Path, text: String) -> Result<String, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::new(path, FileProblem::Empty));
    }
    Ok(text)
}

/// Reads a non-empty text file with the stamp of what was read.
pub(super) fn read_stamped(path: &Path) -> Result<(String, FileStamp), FileError> {
    let (bytes, meta) = read_file(path, MAX_FILE_BYTES)?;
    let stamp = FileStamp::from_bytes(&bytes, meta.modified().ok());
    let text = nonempty(path, text_of(path, bytes)?)?;
    Ok((text, stamp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_catalog;

    #[test]
    fn bad_text_is_refused_with_the_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            fs::write(&p, bytes).expect("write");
            p
        };
        let e = read_text(&write("bin.ron", b"\x00\x01\x02")).expect_err("binary");
        assert_eq!(e.problem, FileProblem::Binary);
        assert!(e.to_string().contains("binary"));
        let e = read_text(&write("gbk.ron", b"name:\n  \"\xb9\xfe\xce\xf7\"")).expect_err("not utf-8");
        assert_eq!(e.position(), Some((2, 4)));
        let e = load_catalog(&write("empty.ron", b"  \n")).expect_err("empty");
        assert_eq!(
            e.to_string(),
            format!("{}: is empty", dir.path().join("empty.ron").display())
        );
    }
}
