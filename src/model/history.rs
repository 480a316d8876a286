//! The history of a zone's figures (修改记录): every saved change of a figure's value, planned
//! amount, source, as-of date, owner or illustrative mark, and of the profile's default owners,
//! kept as records of when, who, how, and old → new, each text as the profile file writes it.
//! [`changes`] finds what differs between two versions of a profile; [`file`] writes and reads
//! the history file (`history/<id>.ron` beside the profiles). Pure: the time of a record comes
//! in as an argument, and `io` reads and writes the files.

mod file;

use std::cmp::Ordering;

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use serde::{Deserialize, Serialize};

pub use file::{HISTORY_NAME, parse_history, write_history};

use super::catalog::{Catalog, Factor};
use super::profile::{Entry, ZoneProfile};
use super::text::{Bilingual, Lang};
use super::write::{planned_file_text, value_file_text};

/// When a change was saved: the instant, with the offset of the officer's clock at the time.
/// The file says `2026-12-07T21:08:47+08:00`, the local time the officer saw, and records made
/// on clocks in other time zones still order by the instant. To the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    instant: Timestamp,
    offset: Offset,
}

impl When {
    /// The instant (to the second) as a clock at `offset` from UTC shows it.
    pub fn new(instant: Timestamp, offset: Offset) -> When {
        let instant = Timestamp::from_second(instant.as_second()).unwrap_or(instant);
        When { instant, offset }
    }

    pub fn instant(&self) -> Timestamp {
        self.instant
    }

    /// `2026-12-07T21:08:47+08:00`, as the file holds it.
    pub fn file_text(&self) -> String {
        self.instant.display_with_offset(self.offset).to_string()
    }

    /// `2026-12-07 21:08`: the time on the officer's clock when the change was saved.
    pub fn text(&self) -> String {
        self.instant
            .to_zoned(TimeZone::fixed(self.offset))
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Reads `2026-12-07T21:08:47+08:00` (or `…Z` for UTC); `None` for anything else.
    pub fn parse(text: &str) -> Option<When> {
        use jiff::fmt::temporal::{Pieces, PiecesOffset};
        let pieces = Pieces::parse(text.trim()).ok()?;
        let time = pieces.time()?;
        let offset = match pieces.offset()? {
            PiecesOffset::Zulu => Offset::UTC,
            PiecesOffset::Numeric(n) => n.offset(),
            _ => return None,
        };
        let instant = offset.to_timestamp(pieces.date().to_datetime(time)).ok()?;
        Some(When::new(instant, offset))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for When {
    /// By the instant; two changes saved at the same second on clocks in different zones by
    /// their offsets, so the order is total.
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant
            .cmp(&other.instant)
            .then(self.offset.seconds().cmp(&other.offset.seconds()))
    }
}

/// How a change came in: typed in the zone editor, or read from a filled survey (imports
/// arrive with a later version; the files may already say so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum How {
    Editor,
    Import,
}

impl How {
    /// The code scripts read: `editor`, `import`.
    pub fn code(self) -> &'static str {
        match self {
            How::Editor => "editor",
            How::Import => "import",
        }
    }

    /// `编辑器`, `导入`.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            How::Editor => t.editor,
            How::Import => t.import,
        }
    }
}

/// What of a figure changed: the fields of a profile entry, and a default owner of the profile
/// (keyed by its factor id, factor group or category).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Value,
    Planned,
    Source,
    AsOf,
    Owner,
    Illustrative,
    DefaultOwner,
}

impl Field {
    /// The fields of an entry, in the order the file writes them and records list them.
    const OF_ENTRY: [Field; 6] = [
        Field::Value,
        Field::Planned,
        Field::Source,
        Field::AsOf,
        Field::Owner,
        Field::Illustrative,
    ];

    /// The code scripts read, the field's name in the history file: `value`, `as_of` …
    pub fn code(self) -> &'static str {
        match self {
            Field::Value => "value",
            Field::Planned => "planned",
            Field::Source => "source",
            Field::AsOf => "as_of",
            Field::Owner => "owner",
            Field::Illustrative => "illustrative",
            Field::DefaultOwner => "default_owner",
        }
    }

    /// `数值`, `来源`, `数据日期` …
    pub fn label(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            Field::Value => t.value,
            Field::Planned => t.planned,
            Field::Source => t.source,
            Field::AsOf => t.as_of,
            Field::Owner => t.owner,
            Field::Illustrative => t.illustrative,
            Field::DefaultOwner => t.default_owner,
        }
    }
}

/// One field of one figure, before and after: `None` where the file wrote nothing (no figure
/// yet, no source, no plan, the mark not set).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The factor's id; for a default owner, its key (a factor id, a group or a category).
    pub key: String,
    pub field: Field,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    /// The old text, or `（无）` when there was none.
    pub fn old_text(&self, lang: Lang) -> &str {
        self.shown(self.old.as_deref(), lang)
    }

    /// The new text, or `（无）` when there is none.
    pub fn new_text(&self, lang: Lang) -> &str {
        self.shown(self.new.as_deref(), lang)
    }

    /// A side of the change as a reader reads it: the text the file holds, except for the
    /// illustrative mark, which reads as 是 / 否 rather than as `true` and nothing.
    fn shown<'a>(&self, text: Option<&'a str>, lang: Lang) -> &'a str {
        let t = TEXTS.get(lang);
        match (self.field, text) {
            (Field::Illustrative, Some("true")) => t.yes,
            (Field::Illustrative, _) => t.no,
            (_, Some(text)) => text,
            (_, None) => t.none,
        }
    }

    /// `1677 mu → 1700 mu`.
    pub fn old_to_new(&self, lang: Lang) -> String {
        format!("{} → {}", self.old_text(lang), self.new_text(lang))
    }
}

/// One save of a zone: when, by whom, how, and every field it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub when: When,
    /// The officer's name and office as the settings give it; empty when unsigned.
    pub who: String,
    pub how: How,
    /// The zone saved (a history carried over from another zone keeps that zone's id).
    pub zone: String,
    /// Never empty: a save that changed nothing leaves no record.
    pub changes: Vec<Change>,
}

impl Record {
    /// The record of a save of `new` over `old` (`None`: a zone saved for the first time), or
    /// `None` when no figure changed.
    pub fn of_save(
        catalog: &Catalog,
        old: Option<&ZoneProfile>,
        new: &ZoneProfile,
        when: When,
        who: &str,
        how: How,
    ) -> Option<Record> {
        let changes = changes(catalog, old, new);
        (!changes.is_empty()).then(|| Record {
            when,
            who: who.trim().to_owned(),
            how,
            zone: new.id.clone(),
            changes,
        })
    }

    /// Who saved it, or `未署名` when nobody signed.
    pub fn who_text(&self, lang: Lang) -> &str {
        if self.who.trim().is_empty() {
            TEXTS.get(lang).unsigned
        } else {
            &self.who
        }
    }
}

/// Every field that differs between two versions of a profile, figure by figure in catalog
/// order (value, planned amount, source, as-of date, owner, illustrative mark), then the
/// default owners by key. A zone saved for the first time (`old` is `None`) has every field it
/// holds from none; two versions that hold the same figures, none.
pub fn changes(catalog: &Catalog, old: Option<&ZoneProfile>, new: &ZoneProfile) -> Vec<Change> {
    let mut out = Vec::new();
    for (f, factor) in catalog.factors() {
        let before = entry_texts(catalog, factor, old.and_then(|p| p.entry(f)));
        let after = entry_texts(catalog, factor, new.entry(f));
        for ((field, old), new) in Field::OF_ENTRY.into_iter().zip(before).zip(after) {
            if old != new {
                out.push(Change {
                    key: factor.id.clone(),
                    field,
                    old,
                    new,
                });
            }
        }
    }
    let mut keys: Vec<&str> = new.owners.iter().map(|(k, _)| k).collect();
    keys.extend(old.into_iter().flat_map(|p| p.owners.iter().map(|(k, _)| k)));
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let before = old.and_then(|p| p.owners.get(key)).map(|o| o.to_string());
        let after = new.owners.get(key).map(|o| o.to_string());
        if before != after {
            out.push(Change {
                key: key.to_owned(),
                field: Field::DefaultOwner,
                old: before,
                new: after,
            });
        }
    }
    out
}

/// Each field of an entry as the file writes it, in [`Field::OF_ENTRY`] order; none for a
/// field the file leaves out (and for every field of a figure not held).
fn entry_texts(catalog: &Catalog, factor: &Factor, entry: Option<&Entry>) -> [Option<String>; 6] {
    let Some(e) = entry else {
        return Default::default();
    };
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    [
        Some(value_file_text(&e.value, factor, catalog)),
        e.planned.as_ref().map(|p| planned_file_text(p, catalog)),
        text(&e.source),
        Some(e.as_of.to_string()),
        e.owner.as_ref().map(|o| o.to_string()),
        e.illustrative.then(|| String::from("true")),
    ]
}

/// What a change's key names, for a reader: the factor's name, or for a default owner's key a
/// category's name; a key the catalog no longer knows (or a factor group) as it is written.
pub fn key_label(catalog: &Catalog, key: &str, lang: Lang) -> String {
    if let Some(f) = catalog.find_factor(key) {
        return catalog.factor(f).name.get(lang).to_owned();
    }
    catalog
        .categories()
        .find(|(_, c)| c.id == key)
        .map_or_else(|| key.to_owned(), |(_, c)| c.name.get(lang).to_owned())
}

/// The words of a history.
struct Texts {
    editor: &'static str,
    import: &'static str,
    value: &'static str,
    planned: &'static str,
    source: &'static str,
    as_of: &'static str,
    owner: &'static str,
    illustrative: &'static str,
    default_owner: &'static str,
    /// A record whose officer gave no name in the settings.
    unsigned: &'static str,
    /// A field that held nothing, before or after.
    none: &'static str,
    /// The illustrative mark set, and not set.
    yes: &'static str,
    no: &'static str,
}

static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts {
        editor: "编辑器",
        import: "导入",
        value: "数值",
        planned: "计划值",
        source: "来源",
        as_of: "数据日期",
        owner: "责任单位",
        illustrative: "示例值标记",
        default_owner: "默认责任单位",
        unsigned: "未署名",
        none: "（无）",
        yes: "是",
        no: "否",
    },
    en: Texts {
        editor: "editor",
        import: "import",
        value: "value",
        planned: "planned amount",
        source: "source",
        as_of: "as-of date",
        owner: "owner",
        illustrative: "illustrative mark",
        default_owner: "default owner",
        unsigned: "unsigned",
        none: "(none)",
        yes: "yes",
        no: "no",
    },
};

#[cfg(test)]
mod tests;
