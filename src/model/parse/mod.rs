//! Reads zone profiles and checklists from RON text into checked values in one pass, checking
//! every value against the catalog as it is read. A problem is reported as a typed
//! [`ParseError`] at the line and column where it stands, with the factor and field it is in,
//! so "可供工业用地面积的数值：此项不能使用单位“兆瓦”" points at the very line to fix. Pure:
//! text in, values or one error out.
//!
//! This file holds the entry points and the text checks made before parsing; the serde seeds
//! and visitors that do the reading live in the submodules, one per part of the formats.

mod checklist;
mod factor_map;
mod profile;
mod trace;
mod value;

use super::catalog::Catalog;
use super::checklist::Checklist;
use super::error::{ParseError, Problem};
use super::profile::ZoneProfile;
use checklist::ChecklistSeed;
use profile::ProfileSeed;
use trace::Trace;

/// The name a profile file may start with (`ZoneProfile( … )`).
pub const PROFILE_NAME: &str = "ZoneProfile";
/// The name a checklist file may start with (`Checklist( … )`).
pub const CHECKLIST_NAME: &str = "Checklist";

/// What a RON file holds, told from its leading name (`ZoneProfile(`, `Checklist(`, `Catalog(`),
/// or for an unnamed file from its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Catalog,
    Profile,
    Checklist,
}

/// Tells what kind of file a text is, without parsing it; `None` when it is none of them.
pub fn sniff(text: &str) -> Option<FileKind> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    match &rest[..name_len] {
        "Catalog" => Some(FileKind::Catalog),
        n if n == PROFILE_NAME => Some(FileKind::Profile),
        n if n == CHECKLIST_NAME => Some(FileKind::Checklist),
        "" if rest.starts_with('(') => {
            let has = |field: &str| rest.contains(&format!("{field}:"));
            if has("units") {
                Some(FileKind::Catalog)
            } else if has("items") {
                Some(FileKind::Checklist)
            } else if has("factors") {
                Some(FileKind::Profile)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// How deeply brackets may nest; the formats need 5, so anything deeper is broken or hostile.
pub(crate) const NESTING_LIMIT: usize = 32;

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(NESTING_LIMIT)
}

/// The text as the parser reads it: without the byte-order mark Windows Notepad writes, with
/// old-Mac (`\r`) and Windows (`\r\n`) line ends as `\n`, so that line numbers are the ones an
/// editor shows; and refused where it writes a number in another base than ten, which RON
/// reads but no quantity is written in (`0x10` would be taken as 16 mu).
pub fn prepare(text: &str) -> Result<std::borrow::Cow<'_, str>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    if let Some((at, given)) = non_decimal_literal(&text) {
        let (line, column) = super::error::line_column(&text, at);
        return Err(ParseError::new(line, column, Problem::NotDecimal { given }));
    }
    Ok(text)
}

/// The first integer literal in another base (`0x`, `0o`, `0b`) outside strings and comments,
/// with its byte offset.
fn non_decimal_literal(text: &str) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
            }
            b'0' if matches!(bytes.get(i + 1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B'))
                && (i == 0
                    || !(bytes[i - 1].is_ascii_alphanumeric()
                        || bytes[i - 1] == b'_'
                        || bytes[i - 1] == b'.')) =>
            {
                let end = bytes[i..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .map_or(bytes.len(), |n| i + n);
                return Some((i, text[i..end].to_owned()));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads a zone profile. `id` is its file stem.
pub fn parse_profile(text: &str, id: &str, catalog: &Catalog) -> Result<ZoneProfile, ParseError> {
    check_profile_id(id).map_err(|problem| ParseError::new(1, 1, problem))?;
    let text = &*prepare(text)?;
    let trace = Trace::default();
    options()
        .from_str_seed(
            text,
            ProfileSeed {
                catalog,
                id,
                trace: &trace,
            },
        )
        .map_err(|e| trace.finish(text, &e))
}

/// Reads an investor checklist.
pub fn parse_checklist(text: &str, catalog: &Catalog) -> Result<Checklist, ParseError> {
    let text = &*prepare(text)?;
    let trace = Trace::default();
    options()
        .from_str_seed(
            text,
            ChecklistSeed {
                catalog,
                trace: &trace,
            },
        )
        .map_err(|e| trace.finish(text, &e))
}

/// Whether a checklist read from `text` can be scored as it stands: a must-have whose
/// requirement comes from an empty header field is an error named at its item (the scoring
/// rules' edge cases), never a silent drop. A checklist being filled in may still hold one,
/// so reading (and recovering) it does not refuse it; scoring, reporting and `check` do.
pub fn check_scorable(text: &str, catalog: &Catalog, checklist: &Checklist) -> Result<(), ParseError> {
    let text = &*prepare(text)?;
    match checklist.unscorable_musts(catalog).into_iter().next() {
        Some((f, field)) => {
            let factor = catalog.factor(f);
            Err(ParseError::at(
                text,
                &format!("\"{}\"", factor.id),
                Problem::MustNeedsHeader {
                    factor: factor.named(),
                    field,
                },
            ))
        }
        None => Ok(()),
    }
}

/// A profile id is a file stem other programs can rely on: letters, digits, `-` and `_`.
pub fn check_profile_id(id: &str) -> Result<(), Problem> {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(Problem::BadZoneId { id: id.to_owned() })
    }
}

/// The longest a name may be, in characters (a zone's, a region's, an investor's, a project's).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest a source or a note may be, in characters: a paragraph, not a document, so that
/// no text in a file can take the report's time and memory.
pub const MAX_NOTE_CHARS: usize = 2_000;
