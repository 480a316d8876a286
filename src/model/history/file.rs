//! The history file, `history/<id>.ron` beside the profiles: a list of records a person can
//! read, oldest first, each change on one line, the texts in quotes as the profile file wrote
//! them. Written whole on each save (the `io` module appends by reading, adding and writing
//! atomically) and read back with errors at their line, as the profiles are.
//!
//! ```text
//! History(
//!     records: [
//!         (
//!             at: "2026-12-07T21:08:47+08:00",
//!             who: "王敏（招商局）",
//!             how: Editor,
//!             zone_id: "houma",
//!             changes: [
//!                 (key: "land.reserve", field: value, old: "1677 mu", new: "1700 mu"),
//!             ],
//!         ),
//!     ],
//! )
//! ```

use serde::{Deserialize, Serialize};

use super::{Change, Field, How, Record, When};
use crate::model::error::{Key, ParseError, Problem, Step};
use crate::model::parse::{NESTING_LIMIT, prepare};

/// The name a history file starts with (`History(`).
pub const HISTORY_NAME: &str = "History";

/// How deep the file's brackets go that are written one per line: the file, its list, a
/// record and its list of changes; each change goes on one line.
const PRETTY_DEPTH: usize = 4;

/// A history as RON text.
pub fn write_history(records: &[Record]) -> Result<String, ron::Error> {
    let raw = FileRaw {
        records: records.iter().map(RecordRaw::from).collect(),
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .depth_limit(PRETTY_DEPTH);
    let body = ron::ser::to_string_pretty(&raw, config)?;
    Ok(format!(
        "// SiteMatch: the history of this zone's figures, oldest first. Each save adds a record; \
         zones load without it.\n{HISTORY_NAME}{body}\n"
    ))
}

/// Reads a history file's text. An empty text is an empty history.
pub fn parse_history(text: &str) -> Result<Vec<Record>, ParseError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let text = &*prepare(text)?;
    let raw: FileRaw = ron::Options::default()
        .with_recursion_limit(NESTING_LIMIT)
        .from_str(text)
        .map_err(|e| ParseError::from_ron(text, &e, Vec::new(), None))?;
    raw.records
        .into_iter()
        .map(|r| {
            let when = When::parse(&r.at).ok_or_else(|| {
                let mut e = ParseError::at(
                    text,
                    &format!("\"{}\"", r.at),
                    Problem::BadTime { given: r.at.clone() },
                );
                e.context = vec![Step::Field(Key::new("at"))];
                e
            })?;
            Ok(Record {
                when,
                who: r.who,
                how: r.how,
                zone: r.zone_id,
                changes: r.changes.into_iter().map(Change::from).collect(),
            })
        })
        .collect()
}

#[derive(Serialize, Deserialize)]
#[serde(rename = "History", deny_unknown_fields)]
struct FileRaw {
    #[serde(default)]
    records: Vec<RecordRaw>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordRaw {
    at: String,
    #[serde(default)]
    who: String,
    how: How,
    zone_id: String,
    #[serde(default)]
    changes: Vec<ChangeRaw>,
}

impl From<&Record> for RecordRaw {
    fn from(r: &Record) -> Self {
        RecordRaw {
            at: r.when.file_text(),
            who: r.who.clone(),
            how: r.how,
            zone_id: r.zone.clone(),
            changes: r
                .changes
                .iter()
                .map(|c| ChangeRaw {
                    key: c.key.clone(),
                    field: c.field,
                    old: c.old.clone(),
                    new: c.new.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeRaw {
    key: String,
    field: Field,
    /// Left out when there was none; otherwise the text in quotes, not `Some(…)`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain")]
    old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain")]
    new: Option<String>,
}

impl From<ChangeRaw> for Change {
    fn from(c: ChangeRaw) -> Self {
        Change {
            key: c.key,
            field: c.field,
            old: c.old,
            new: c.new,
        }
    }
}

/// An optional text written as the text itself (`old: "1677 mu"`), and left out when none.
mod plain {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(text) => s.serialize_str(text),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        String::deserialize(d).map(Some)
    }
}
