//! Reads zone profiles and checklists from RON text into checked values in one pass, checking
//! every value against the catalog as it is read. A problem is reported as a typed
//! [`ParseError`] at the line and column where it stands, with the factor and field it is in,
//! so "可供工业用地面积的数值：此项不能使用单位“兆瓦”" points at the very line to fix. Pure:
//! text in, values or one error out.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::catalog::{Catalog, Factor, FactorIdx, Kind, Measure};
use super::checklist::{Checklist, Requirement};
use super::error::{Expected, Key, ParseError, Problem, Step};
use super::geo::Location;
use super::importance::Importance;
use super::number::{self, NumberError};
use super::pipeline::{Pipeline, Stage};
use super::profile::{Entry, PlannedAmount, ZoneProfile};
use super::text::{Lang, Localize, Text};
use super::value::{self, Quantity, Value, ValueError, YesNo};

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

// ---------------------------------------------------------------------------------------------
// What was being read when a problem came up

/// Serde carries errors up as text; the parser keeps the typed problem and the fields it came
/// up in beside them, here, and [`Trace::finish`] joins them with RON's position at the top.
#[derive(Default)]
struct Trace {
    /// A problem the parser found itself (not RON), carried up as the error that is a
    /// `Message`.
    problem: RefCell<Option<Problem>>,
    /// The fields the error passed through, innermost first.
    context: RefCell<Vec<Step>>,
    /// What the innermost of them takes, for a value of the wrong kind.
    expected: RefCell<Option<Expected>>,
}

impl Trace {
    /// Records a problem found while reading; returns the error that carries it up.
    fn fail<E: de::Error>(&self, problem: Problem) -> E {
        let message = problem.text(Lang::En);
        self.context.borrow_mut().clear();
        self.expected.replace(None);
        self.problem.replace(Some(problem));
        E::custom(message)
    }

    /// Records a problem found in the field `step`; returns the error that carries it up.
    fn fail_in<E: de::Error>(&self, step: Step, problem: Problem) -> E {
        let err = self.fail(problem);
        self.context.borrow_mut().push(step);
        err
    }

    /// Passes a result through; on an error, notes the field it came up in and what that
    /// field takes.
    fn within<T, E>(&self, step: Step, expected: impl FnOnce() -> Expected, r: Result<T, E>) -> Result<T, E> {
        if r.is_err() {
            self.context.borrow_mut().push(step);
            self.expect(expected);
        }
        r
    }

    /// Notes what was being read when an error came up, unless something inside said.
    fn expect(&self, expected: impl FnOnce() -> Expected) {
        let mut slot = self.expected.borrow_mut();
        if slot.is_none() {
            *slot = Some(expected());
        }
    }

    /// The error RON returned, with the problem and the fields recorded on its way up.
    fn finish(&self, text: &str, e: &ron::error::SpannedError) -> ParseError {
        let mut context = self.context.take();
        context.reverse();
        let ours = self
            .problem
            .take()
            .filter(|_| matches!(e.code, ron::Error::Message(_)));
        match ours {
            Some(problem) => ParseError {
                line: e.span.start.line,
                column: e.span.start.col,
                context,
                problem,
            },
            None => ParseError::from_ron(text, e, context, self.expected.take()),
        }
    }
}

fn field_step(name: &str) -> Step {
    Step::Field(Key::new(name))
}

/// Reads a field's value, noting the field and what it takes in any error.
fn field<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    trace: &Trace,
    map: &mut A,
    name: &str,
    expected: Expected,
) -> Result<T, A::Error> {
    trace.within(field_step(name), || expected, map.next_value::<T>())
}

/// Reads a date field written as `"2023-12-31"`.
fn date_field<'de, A: MapAccess<'de>>(trace: &Trace, map: &mut A, name: &str) -> Result<Date, A::Error> {
    let text: String = field(trace, map, name, Expected::Date)?;
    value::parse_date(&text).map_err(|e| trace.fail_in(field_step(name), e.into()))
}

/// The longest a name may be, in characters (a zone's, a region's, an investor's, a project's).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest a source or a note may be, in characters: a paragraph, not a document, so that
/// no text in a file can take the report's time and memory.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// Free text whose length is bounded.
trait Bounded {
    /// Its length in characters (of the longer language for a pair of names).
    fn length(&self) -> usize;
}

impl Bounded for String {
    fn length(&self) -> usize {
        self.chars().count()
    }
}

impl Bounded for Text {
    fn length(&self) -> usize {
        self.zh.chars().count().max(self.en.chars().count())
    }
}

/// Reads a text field of at most `limit` characters.
fn text_field<'de, T: Deserialize<'de> + Bounded, A: MapAccess<'de>>(
    trace: &Trace,
    map: &mut A,
    name: &str,
    expected: Expected,
    limit: usize,
) -> Result<T, A::Error> {
    let v: T = field(trace, map, name, expected)?;
    let chars = v.length();
    if chars > limit {
        return Err(trace.fail_in(field_step(name), Problem::TooLong { limit, chars }));
    }
    Ok(v)
}

/// Sets a field once; a second occurrence is an error.
fn set_once<T, E: de::Error>(trace: &Trace, slot: &mut Option<T>, name: &str, value: T) -> Result<(), E> {
    if slot.replace(value).is_some() {
        Err(trace.fail(Problem::DuplicateField {
            field: Key::new(name),
        }))
    } else {
        Ok(())
    }
}

fn required<T, E: de::Error>(trace: &Trace, slot: Option<T>, name: &str) -> Result<T, E> {
    slot.ok_or_else(|| {
        trace.fail(Problem::MissingField {
            field: Key::new(name),
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Profiles

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ProfileField {
    Name,
    Region,
    Contact,
    ContactEn,
    AsOf,
    Factors,
    Location,
}
const PROFILE_FIELDS: &[&str] = &[
    "name",
    "region",
    "contact",
    "contact_en",
    "as_of",
    "factors",
    "location",
];

struct ProfileSeed<'a> {
    catalog: &'a Catalog,
    id: &'a str,
    trace: &'a Trace,
}

impl<'de> DeserializeSeed<'de> for ProfileSeed<'_> {
    type Value = ZoneProfile;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ZoneProfile, D::Error> {
        let trace = self.trace;
        let r = d.deserialize_struct(PROFILE_NAME, PROFILE_FIELDS, self);
        if r.is_err() {
            trace.expect(|| Expected::File(FileKind::Profile));
        }
        r
    }
}

impl<'de> Visitor<'de> for ProfileSeed<'_> {
    type Value = ZoneProfile;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a zone profile: ZoneProfile(name: …, as_of: …, factors: { … })")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ZoneProfile, A::Error> {
        let t = self.trace;
        let (mut name, mut region, mut contact, mut contact_en, mut as_of, mut factors) =
            (None, None, None, None, None, None);
        let mut location = None;
        while let Some(key) = map.next_key::<ProfileField>()? {
            match key {
                ProfileField::Name => {
                    let v: Text = text_field(t, &mut map, "name", Expected::Names, MAX_NAME_CHARS)?;
                    set_once(t, &mut name, "name", v)?;
                }
                ProfileField::Region => {
                    let v: Text = text_field(t, &mut map, "region", Expected::Names, MAX_NAME_CHARS)?;
                    set_once(t, &mut region, "region", v)?;
                }
                ProfileField::Contact => {
                    let v: String = field(t, &mut map, "contact", Expected::Text)?;
                    set_once(t, &mut contact, "contact", v)?;
                }
                ProfileField::ContactEn => {
                    let v: String = field(t, &mut map, "contact_en", Expected::Text)?;
                    set_once(t, &mut contact_en, "contact_en", v)?;
                }
                ProfileField::AsOf => {
                    let v = date_field(t, &mut map, "as_of")?;
                    set_once(t, &mut as_of, "as_of", v)?;
                }
                ProfileField::Location => {
                    let v = t.within(
                        field_step("location"),
                        || Expected::Location,
                        map.next_value_seed(LocationSeed { trace: t }),
                    )?;
                    set_once(t, &mut location, "location", v)?;
                }
                ProfileField::Factors => {
                    let v = t.within(
                        field_step("factors"),
                        || Expected::FactorMap,
                        map.next_value_seed(FactorMapSeed::<RawEntry>::new(self.catalog, t)),
                    )?;
                    set_once(t, &mut factors, "factors", v)?;
                }
            }
        }
        let name: Text = required(t, name, "name")?;
        if name.is_empty() {
            return Err(t.fail(Problem::EmptyName));
        }
        let as_of: Date = required(t, as_of, "as_of")?;
        let mut profile = ZoneProfile::new(self.catalog, self.id, name, as_of);
        profile.region = region.unwrap_or_default();
        profile.contact = contact.unwrap_or_default();
        profile.contact_en = contact_en.unwrap_or_default();
        profile.location = location;
        for (factor, raw) in factors.unwrap_or_default() {
            profile.set_entry(
                factor,
                Some(Entry {
                    value: raw.value,
                    source: raw.source,
                    as_of: raw.as_of.unwrap_or(as_of),
                    illustrative: raw.illustrative,
                    planned: raw.planned.map(Box::new),
                }),
            );
        }
        Ok(profile)
    }
}

/// A profile's `location: (lat: 35.62, lon: 111.37)`, in degrees, both required and in range.
struct LocationSeed<'a> {
    trace: &'a Trace,
}

impl<'de> DeserializeSeed<'de> for LocationSeed<'_> {
    type Value = Location;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Location, D::Error> {
        d.deserialize_struct("Location", &["lat", "lon"], self)
    }
}

impl<'de> Visitor<'de> for LocationSeed<'_> {
    type Value = Location;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a location: (lat: 35.62, lon: 111.37)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Location, A::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "snake_case")]
        enum Axis {
            Lat,
            Lon,
        }
        let t = self.trace;
        let (mut lat, mut lon) = (None, None);
        while let Some(axis) = map.next_key::<Axis>()? {
            let (name, limit, slot) = match axis {
                Axis::Lat => ("lat", Decimal::from(90), &mut lat),
                Axis::Lon => ("lon", Decimal::from(180), &mut lon),
            };
            let step = field_step(name);
            let read = t.within(step.clone(), || Expected::Number, map.next_value_seed(NumberSeed))?;
            let value = read.map_err(ValueError::from).and_then(|v| {
                if v.abs() > limit {
                    Err(ValueError::CoordinateOutOfRange {
                        axis: name,
                        given: number::plain(v),
                    })
                } else {
                    Ok(v)
                }
            });
            let value = value.map_err(|e| t.fail_in(step, e.into()))?;
            set_once(t, slot, name, value)?;
        }
        Ok(Location {
            lat: required(t, lat, "lat")?,
            lon: required(t, lon, "lon")?,
        })
    }
}

/// A number as [`NumberVisitor`] reads it, as a seed for a map's value.
struct NumberSeed;

impl<'de> DeserializeSeed<'de> for NumberSeed {
    type Value = Result<Decimal, NumberError>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}

/// An entry as read; its date defaults to the profile's, which may come later in the file.
struct RawEntry {
    value: Value,
    source: String,
    as_of: Option<Date>,
    illustrative: bool,
    planned: Option<PlannedAmount>,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum EntryField {
    Value,
    Planned,
    Source,
    AsOf,
    Illustrative,
}
const ENTRY_FIELDS: &[&str] = &["value", "planned", "source", "as_of", "illustrative"];

impl MapItem for RawEntry {
    const EXPECTED: Expected = Expected::Entry;

    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        trace: &Trace,
        map: &mut A,
    ) -> Result<Self, A::Error> {
        map.next_value_seed(EntrySeed {
            catalog,
            factor,
            trace,
        })
    }
}

struct EntrySeed<'a> {
    catalog: &'a Catalog,
    factor: &'a Factor,
    trace: &'a Trace,
}

impl<'de> DeserializeSeed<'de> for EntrySeed<'_> {
    type Value = RawEntry;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawEntry, D::Error> {
        d.deserialize_struct("Entry", ENTRY_FIELDS, self)
    }
}

impl<'de> Visitor<'de> for EntrySeed<'_> {
    type Value = RawEntry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an entry: (value: …, source: \"…\", as_of: \"YYYY-MM-DD\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawEntry, A::Error> {
        let t = self.trace;
        let (mut value, mut source, mut as_of, mut illustrative) = (None, None, None, None);
        let mut planned = None;
        while let Some(key) = map.next_key::<EntryField>()? {
            match key {
                EntryField::Value => {
                    let v = map.next_value_seed(ValueSeed {
                        catalog: self.catalog,
                        factor: self.factor,
                        field: "value",
                        trace: t,
                    })?;
                    set_once(t, &mut value, "value", v)?;
                }
                EntryField::Planned => {
                    if self.factor.kind.measure().is_none() {
                        return Err(t.fail_in(field_step("planned"), Problem::PlannedNotQuantity));
                    }
                    let seed = PlannedSeed {
                        catalog: self.catalog,
                        factor: self.factor,
                        trace: t,
                    };
                    let v = t.within(
                        field_step("planned"),
                        || Expected::Planned,
                        map.next_value_seed(seed),
                    )?;
                    set_once(t, &mut planned, "planned", v)?;
                }
                EntryField::Source => {
                    let v: String = text_field(t, &mut map, "source", Expected::Text, MAX_NOTE_CHARS)?;
                    set_once(t, &mut source, "source", v)?;
                }
                EntryField::AsOf => {
                    let v = date_field(t, &mut map, "as_of")?;
                    set_once(t, &mut as_of, "as_of", v)?;
                }
                EntryField::Illustrative => {
                    let v: bool = field(t, &mut map, "illustrative", Expected::Bool)?;
                    set_once(t, &mut illustrative, "illustrative", v)?;
                }
            }
        }
        let value = required(t, value, "value")?;
        let source: String = source.unwrap_or_default();
        let illustrative = illustrative.unwrap_or(false);
        if source.trim().is_empty() && !illustrative {
            return Err(t.fail(Problem::NoSource));
        }
        Ok(RawEntry {
            value,
            source,
            as_of,
            illustrative,
            planned,
        })
    }
}

/// A quantity's `planned: (value: "50 MW", by: "2026-06-30", source: "…")`: the amount the
/// zone plans to have by a date. The source may be left out when the entry's own says it.
struct PlannedSeed<'a> {
    catalog: &'a Catalog,
    factor: &'a Factor,
    trace: &'a Trace,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum PlannedField {
    Value,
    By,
    Source,
}

impl<'de> DeserializeSeed<'de> for PlannedSeed<'_> {
    type Value = PlannedAmount;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<PlannedAmount, D::Error> {
        d.deserialize_struct("Planned", &["value", "by", "source"], self)
    }
}

impl<'de> Visitor<'de> for PlannedSeed<'_> {
    type Value = PlannedAmount;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a planned amount: (value: \"50 MW\", by: \"2026-06-30\", source: \"…\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlannedAmount, A::Error> {
        let t = self.trace;
        let (mut amount, mut by, mut source) = (None, None, None);
        while let Some(key) = map.next_key::<PlannedField>()? {
            match key {
                PlannedField::Value => {
                    let v = map.next_value_seed(ValueSeed {
                        catalog: self.catalog,
                        factor: self.factor,
                        field: "value",
                        trace: t,
                    })?;
                    // The seed reads a quantity for a quantity factor, the only kind that plans.
                    if let Value::Amount(q) = v {
                        set_once(t, &mut amount, "value", q)?;
                    }
                }
                PlannedField::By => {
                    let v = date_field(t, &mut map, "by")?;
                    set_once(t, &mut by, "by", v)?;
                }
                PlannedField::Source => {
                    let v: String = text_field(t, &mut map, "source", Expected::Text, MAX_NOTE_CHARS)?;
                    set_once(t, &mut source, "source", v)?;
                }
            }
        }
        Ok(PlannedAmount {
            amount: required(t, amount, "value")?,
            by: required(t, by, "by")?,
            source: source.unwrap_or_default(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The `{ "factor.id": ( … ), … }` map shared by profiles and checklists

/// What a factor map holds for each factor: a profile entry or a checklist item.
trait MapItem: Sized {
    /// What an entry of the map takes, for messages.
    const EXPECTED: Expected;

    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        trace: &Trace,
        map: &mut A,
    ) -> Result<Self, A::Error>;
}

/// Reads a map from factor ids to items, refusing unknown and repeated ids. Errors inside an
/// item note its factor.
struct FactorMapSeed<'a, T> {
    catalog: &'a Catalog,
    trace: &'a Trace,
    item: std::marker::PhantomData<T>,
}

impl<'a, T> FactorMapSeed<'a, T> {
    fn new(catalog: &'a Catalog, trace: &'a Trace) -> Self {
        FactorMapSeed {
            catalog,
            trace,
            item: std::marker::PhantomData,
        }
    }
}

impl<'de, T: MapItem> DeserializeSeed<'de> for FactorMapSeed<'_, T> {
    type Value = Vec<(FactorIdx, T)>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: MapItem> Visitor<'de> for FactorMapSeed<'_, T> {
    type Value = Vec<(FactorIdx, T)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map from factor ids to entries: { \"land.industrial_area\": ( … ), … }")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let t = self.trace;
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        loop {
            let key = map.next_key::<String>();
            if key.is_err() {
                t.expect(|| Expected::FactorId);
            }
            let Some(id) = key? else { break };
            let Some(idx) = self.catalog.find_factor(&id) else {
                let suggestion = self
                    .catalog
                    .suggest_factor(&id)
                    .and_then(|s| self.catalog.find_factor(s))
                    .map(|f| self.catalog.factor(f).named());
                return Err(t.fail(Problem::UnknownFactor {
                    given: id,
                    suggestion,
                }));
            };
            let factor = self.catalog.factor(idx);
            if !seen.insert(idx) {
                return Err(t.fail(Problem::DuplicateFactor {
                    factor: factor.named(),
                }));
            }
            let item = t.within(
                Step::Factor(factor.named()),
                || T::EXPECTED,
                T::read(self.catalog, factor, t, &mut map),
            )?;
            items.push((idx, item));
        }
        Ok(items)
    }
}

// ---------------------------------------------------------------------------------------------
// Values, read according to the factor's kind

/// Reads the value of one factor in the form its kind takes: `"1677 mu"` (or a bare number in
/// the factor's unit), `Yes` / `No` / `Planned("2025-06-30")`, `"seven"`, `["environment", …]`.
struct ValueSeed<'a> {
    catalog: &'a Catalog,
    factor: &'a Factor,
    /// The field being read (`value` in a profile, `required` in a checklist), for messages.
    field: &'static str,
    trace: &'a Trace,
}

/// What a factor's value takes, for messages.
fn expected_value(catalog: &Catalog, factor: &Factor) -> Expected {
    match &factor.kind {
        Kind::AtLeast(m) | Kind::AtMost(m) => Expected::Quantity {
            units: value::units_named(catalog, m),
        },
        Kind::YesNo => Expected::YesNo,
        Kind::Level(levels) => Expected::Level {
            levels: levels.iter().map(super::catalog::Member::named).collect(),
        },
        Kind::Set(v) => {
            let v = catalog.vocabulary(*v);
            Expected::Members {
                vocabulary: v.named(),
                example: v.member_named(0),
            }
        }
    }
}

/// A yes/no answer as written, its date still text so that a bad date is told in words.
#[derive(Deserialize)]
enum RawYesNo {
    Yes,
    No,
    Planned(String),
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let t = self.trace;
        let read: Result<Result<Value, ValueError>, D::Error> = match &self.factor.kind {
            Kind::AtLeast(m) | Kind::AtMost(m) => d
                .deserialize_any(QuantityVisitor {
                    catalog: self.catalog,
                    measure: m,
                })
                .map(|r| r.map(Value::Amount)),
            Kind::YesNo => RawYesNo::deserialize(d).map(|raw| match raw {
                RawYesNo::Yes => Ok(Value::YesNo(YesNo::Yes)),
                RawYesNo::No => Ok(Value::YesNo(YesNo::No)),
                RawYesNo::Planned(date) => value::parse_date(&date).map(|d| Value::YesNo(YesNo::Planned(d))),
            }),
            Kind::Level(_) => d
                .deserialize_any(LevelVisitor { factor: self.factor })
                .map(|r| r.map(Value::Level)),
            Kind::Set(v) => d
                .deserialize_any(SetVisitor {
                    catalog: self.catalog,
                    vocabulary: *v,
                })
                .map(|r| r.map(Value::Set)),
        };
        let step = field_step(self.field);
        match t.within(step.clone(), || expected_value(self.catalog, self.factor), read)? {
            Ok(value) => Ok(value),
            Err(e) => Err(t.fail_in(step, e.into())),
        }
    }
}

/// Reads a number written as a number or as text; a number SiteMatch cannot hold exactly is
/// the value's error, not the reader's.
struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Result<Decimal, NumberError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Ok(Decimal::from(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Ok(Decimal::from(v)))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Ok(i128::try_from(v)
            .ok()
            .and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok())
            .ok_or_else(|| NumberError::OutOfRange(v.to_string())))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Ok(Decimal::try_from_i128_with_scale(v, 0).map_err(|_| NumberError::OutOfRange(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.is_finite() {
            Ok(number::parse_decimal(&v.to_string()))
        } else {
            Ok(Err(NumberError::NotANumber(v.to_string())))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(number::parse_decimal(v))
    }
}

struct QuantityVisitor<'a> {
    catalog: &'a Catalog,
    measure: &'a Measure,
}

impl QuantityVisitor<'_> {
    fn number(&self, amount: Result<Decimal, NumberError>) -> Result<Quantity, ValueError> {
        Quantity::new(self.catalog, self.measure, amount?, self.measure.unit)
    }
}

impl<'de> Visitor<'de> for QuantityVisitor<'_> {
    type Value = Result<Quantity, ValueError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let unit = &self.catalog.unit(self.measure.unit).id;
        write!(
            f,
            "a quantity such as \"100 {unit}\" (units: {})",
            value::unit_list(self.catalog, self.measure)
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(value::parse_quantity(self.catalog, self.measure, v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.number(NumberVisitor.visit_u64::<E>(v)?))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.number(NumberVisitor.visit_i64::<E>(v)?))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Ok(self.number(NumberVisitor.visit_u128::<E>(v)?))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Ok(self.number(NumberVisitor.visit_i128::<E>(v)?))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(self.number(NumberVisitor.visit_f64::<E>(v)?))
    }
}

struct LevelVisitor<'a> {
    factor: &'a Factor,
}

impl<'de> Visitor<'de> for LevelVisitor<'_> {
    type Value = Result<u16, ValueError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.factor.kind {
            Kind::Level(levels) => {
                let ids: Vec<String> = levels.iter().map(|l| format!("\"{}\"", l.id)).collect();
                write!(f, "one of the levels {}", ids.join(", "))
            }
            _ => f.write_str("a level"),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(value::parse_level(self.factor, v))
    }
}

struct SetVisitor<'a> {
    catalog: &'a Catalog,
    vocabulary: super::catalog::VocabIdx,
}

impl<'de> Visitor<'de> for SetVisitor<'_> {
    type Value = Result<Vec<u16>, ValueError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let v = self.catalog.vocabulary(self.vocabulary);
        let example = v.members.first().map_or("", |m| m.id.as_str());
        write!(
            f,
            "a list of {} such as [\"{example}\"]",
            v.name.en.to_lowercase()
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut ids: Vec<String> = Vec::new();
        while let Some(id) = seq.next_element::<String>()? {
            ids.push(id);
        }
        Ok(value::parse_members(self.catalog, self.vocabulary, &ids))
    }
}

// ---------------------------------------------------------------------------------------------
// Checklists

#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ChecklistField {
    Investor,
    Project,
    Industry,
    TotalInvestment,
    PlannedIntensity,
    PlannedTaxPerMu,
    Items,
    Pipeline,
}
const CHECKLIST_FIELDS: &[&str] = &[
    "investor",
    "project",
    "industry",
    "total_investment",
    "planned_intensity",
    "planned_tax_per_mu",
    "items",
    "pipeline",
];

struct ChecklistSeed<'a> {
    catalog: &'a Catalog,
    trace: &'a Trace,
}

impl<'de> DeserializeSeed<'de> for ChecklistSeed<'_> {
    type Value = Checklist;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Checklist, D::Error> {
        let trace = self.trace;
        let r = d.deserialize_struct(CHECKLIST_NAME, CHECKLIST_FIELDS, self);
        if r.is_err() {
            trace.expect(|| Expected::File(FileKind::Checklist));
        }
        r
    }
}

/// A non-negative amount of a header field (万元, 万元/亩).
struct AmountSeed<'a> {
    name: &'static str,
    trace: &'a Trace,
    /// The measure of the factor this field supplies a requirement for (its `max` bounds the
    /// field as it bounds the factor's own values), with the catalog.
    feeds: Option<(&'a Catalog, &'a Measure)>,
}

impl<'de> DeserializeSeed<'de> for AmountSeed<'_> {
    type Value = Decimal;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        let t = self.trace;
        let step = field_step(self.name);
        let read = t.within(
            step.clone(),
            || Expected::Number,
            d.deserialize_any(NumberVisitor),
        )?;
        let amount = read.map_err(ValueError::from).and_then(|amount| {
            if amount.is_sign_negative() && !amount.is_zero() {
                return Err(ValueError::Negative(number::plain(amount)));
            }
            // More than any zone can be asked for would be dropped from scoring in silence.
            if let Some((catalog, measure)) = self.feeds {
                Quantity::new(catalog, measure, amount, measure.unit)?;
            }
            Ok(amount)
        });
        amount.map_err(|e| t.fail_in(step, e.into()))
    }
}

impl<'de> Visitor<'de> for ChecklistSeed<'_> {
    type Value = Checklist;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a checklist: Checklist(project: …, items: { … })")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checklist, A::Error> {
        let t = self.trace;
        let mut c = Checklist::new(self.catalog);
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<ChecklistField>()? {
            let name = CHECKLIST_FIELDS[key as usize];
            if !seen.insert(name) {
                return Err(t.fail(Problem::DuplicateField {
                    field: Key::new(name),
                }));
            }
            let catalog = self.catalog;
            let amount = |map: &mut A, feeds: Option<super::catalog::PlanField>| {
                map.next_value_seed(AmountSeed {
                    name,
                    trace: t,
                    feeds: feeds.and_then(|f| catalog.fed_measure(f)).map(|m| (catalog, m)),
                })
            };
            match key {
                ChecklistField::Investor => {
                    c.investor = text_field(t, &mut map, name, Expected::Text, MAX_NAME_CHARS)?;
                }
                ChecklistField::Project => {
                    c.project = text_field(t, &mut map, name, Expected::Text, MAX_NAME_CHARS)?;
                }
                ChecklistField::Industry => {
                    let code: String = field(t, &mut map, name, Expected::Text)?;
                    let industries = self.catalog.industries();
                    let Some(found) = industries.find(code.trim()) else {
                        let suggestion =
                            super::catalog::closest(&code, industries.members.iter().map(|m| m.id.as_str()))
                                .and_then(|s| industries.find(s))
                                .map(|m| industries.member_named(m));
                        return Err(t.fail_in(
                            field_step(name),
                            Problem::UnknownIndustry {
                                given: code,
                                suggestion,
                            },
                        ));
                    };
                    c.industry = Some(found);
                }
                ChecklistField::TotalInvestment => c.total_investment = Some(amount(&mut map, None)?),
                ChecklistField::PlannedIntensity => {
                    c.planned_intensity = Some(amount(
                        &mut map,
                        Some(super::catalog::PlanField::PlannedIntensity),
                    )?);
                }
                ChecklistField::PlannedTaxPerMu => {
                    c.planned_tax_per_mu = Some(amount(
                        &mut map,
                        Some(super::catalog::PlanField::PlannedTaxPerMu),
                    )?);
                }
                ChecklistField::Pipeline => {
                    c.pipeline = t.within(
                        field_step(name),
                        || Expected::Pipeline,
                        map.next_value_seed(PipelineSeed { trace: t }),
                    )?;
                }
                ChecklistField::Items => {
                    let items = t.within(
                        field_step("items"),
                        || Expected::FactorMap,
                        map.next_value_seed(FactorMapSeed::<Requirement>::new(self.catalog, t)),
                    )?;
                    for (factor, item) in items {
                        c.set_item(factor, Some(item));
                    }
                }
            }
        }
        Ok(c)
    }
}

#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum PipelineField {
    Stage,
    Reached,
    Officer,
    Zone,
    StartDeadline,
    PlannedStart,
}
const PIPELINE_FIELDS: &[&str] = &[
    "stage",
    "reached",
    "officer",
    "zone",
    "start_deadline",
    "planned_start",
];

/// A checklist's `pipeline`: where the project stands, each field at most once.
struct PipelineSeed<'a> {
    trace: &'a Trace,
}

impl<'de> DeserializeSeed<'de> for PipelineSeed<'_> {
    type Value = Pipeline;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Pipeline, D::Error> {
        d.deserialize_struct("Pipeline", PIPELINE_FIELDS, self)
    }
}

impl<'de> Visitor<'de> for PipelineSeed<'_> {
    type Value = Pipeline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a pipeline: (stage: Signed, reached: { Signed: \"2026-09-01\" }, …)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pipeline, A::Error> {
        let t = self.trace;
        let mut p = Pipeline::default();
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<PipelineField>()? {
            let name = PIPELINE_FIELDS[key as usize];
            if !seen.insert(name) {
                return Err(t.fail(Problem::DuplicateField {
                    field: Key::new(name),
                }));
            }
            match key {
                PipelineField::Stage => p.stage = Some(field(t, &mut map, name, Expected::Stage)?),
                PipelineField::Reached => {
                    let dates: BTreeMap<Stage, String> = field(t, &mut map, name, Expected::StageDates)?;
                    for (stage, text) in dates {
                        let day = value::parse_date(&text).map_err(|e| {
                            let err = t.fail(e.into());
                            let mut context = t.context.borrow_mut();
                            context.push(Step::Field(Key::new(stage.variant())));
                            context.push(field_step(name));
                            err
                        })?;
                        p.reached.insert(stage, day);
                    }
                }
                PipelineField::Officer => {
                    p.officer = text_field(t, &mut map, name, Expected::Text, MAX_NAME_CHARS)?;
                }
                PipelineField::Zone => {
                    let zone: String = text_field(t, &mut map, name, Expected::Text, MAX_NAME_CHARS)?;
                    p.zone = Some(zone.trim().to_owned()).filter(|z| !z.is_empty());
                }
                PipelineField::StartDeadline => p.start_deadline = Some(date_field(t, &mut map, name)?),
                PipelineField::PlannedStart => p.planned_start = Some(date_field(t, &mut map, name)?),
            }
        }
        Ok(p)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ItemField {
    Required,
    Importance,
    Note,
}
const ITEM_FIELDS: &[&str] = &["required", "importance", "note"];

struct ItemSeed<'a> {
    catalog: &'a Catalog,
    factor: &'a Factor,
    trace: &'a Trace,
}

impl MapItem for Requirement {
    const EXPECTED: Expected = Expected::Item;

    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        trace: &Trace,
        map: &mut A,
    ) -> Result<Self, A::Error> {
        map.next_value_seed(ItemSeed {
            catalog,
            factor,
            trace,
        })
    }
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = Requirement;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Requirement, D::Error> {
        d.deserialize_struct("Item", ITEM_FIELDS, self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_> {
    type Value = Requirement;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an item: (required: …, importance: Must | High | Medium | Low | NotNeeded, note: \"…\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Requirement, A::Error> {
        let t = self.trace;
        let (mut required, mut importance, mut note) = (None, None, None);
        while let Some(key) = map.next_key::<ItemField>()? {
            match key {
                ItemField::Required => {
                    let value = map.next_value_seed(ValueSeed {
                        catalog: self.catalog,
                        factor: self.factor,
                        field: "required",
                        trace: t,
                    })?;
                    set_once(t, &mut required, "required", value)?;
                }
                ItemField::Importance => {
                    let v: Importance = field(t, &mut map, "importance", Expected::Importance)?;
                    set_once(t, &mut importance, "importance", v)?;
                }
                ItemField::Note => {
                    let v: String = text_field(t, &mut map, "note", Expected::Text, MAX_NOTE_CHARS)?;
                    set_once(t, &mut note, "note", v)?;
                }
            }
        }
        if let Some(Value::YesNo(answer)) = &required
            && *answer != YesNo::Yes
        {
            return Err(t.fail_in(field_step("required"), Problem::RequiredNotYes));
        }
        Ok(Requirement {
            importance: importance.unwrap_or(self.factor.importance),
            required,
            note: note.unwrap_or_default(),
        })
    }
}
