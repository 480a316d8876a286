//! Reads a zone profile: its header fields, its location, and each factor's entry with its
//! value, source, date and planned amount. Checklists are read in the sibling `checklist`.

use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::factor_map::{FactorMapSeed, MapItem};
use super::trace::{Trace, date_field, field, field_step, required, set_once, text_field};
use super::value::{NumberVisitor, ValueSeed};
use super::{FileKind, MAX_NAME_CHARS, MAX_NOTE_CHARS, PROFILE_NAME};
use crate::model::catalog::{Catalog, Factor};
use crate::model::error::{Expected, Key, Problem};
use crate::model::geo::Location;
use crate::model::number::{self, NumberError};
use crate::model::profile::{Entry, Owner, Owners, PlannedAmount, ZoneProfile, is_owner_key};
use crate::model::text::Text;
use crate::model::value::{Value, ValueError};

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
    Owners,
}
const PROFILE_FIELDS: &[&str] = &[
    "name",
    "region",
    "contact",
    "contact_en",
    "as_of",
    "factors",
    "location",
    "owners",
];

pub(super) struct ProfileSeed<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) id: &'a str,
    pub(super) trace: &'a Trace,
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
        let (mut location, mut owners) = (None, None);
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
                ProfileField::Owners => {
                    let v = t.within(
                        field_step("owners"),
                        || Expected::Owners,
                        map.next_value_seed(OwnersSeed {
                            catalog: self.catalog,
                            trace: t,
                        }),
                    )?;
                    set_once(t, &mut owners, "owners", v)?;
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
        profile.owners = owners.unwrap_or_default();
        for (factor, raw) in factors.unwrap_or_default() {
            profile.set_entry(
                factor,
                Some(Entry {
                    value: raw.value,
                    source: raw.source,
                    as_of: raw.as_of.unwrap_or(as_of),
                    illustrative: raw.illustrative,
                    planned: raw.planned.map(Box::new),
                    owner: raw.owner,
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
    owner: Option<Owner>,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum EntryField {
    Value,
    Planned,
    Source,
    AsOf,
    Illustrative,
    Owner,
}
const ENTRY_FIELDS: &[&str] = &["value", "planned", "source", "as_of", "illustrative", "owner"];

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
        let (mut planned, mut owner) = (None, None);
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
                EntryField::Owner => {
                    let v: String = text_field(t, &mut map, "owner", Expected::Text, MAX_NAME_CHARS)?;
                    set_once(t, &mut owner, "owner", v)?;
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
            owner: owner_name(owner.as_deref().unwrap_or_default()),
        })
    }
}

/// An owner as written: trimmed, and none when empty.
fn owner_name(text: &str) -> Option<Owner> {
    Some(text.trim()).filter(|t| !t.is_empty()).map(Owner::from)
}

/// A profile's `owners: { "power": "国网侯马供电公司", "water.sewage": "侯马市排水公司" }`:
/// each key a factor id, a factor group or a category, checked as it is read; an empty name
/// names nobody.
struct OwnersSeed<'a> {
    catalog: &'a Catalog,
    trace: &'a Trace,
}

impl<'de> DeserializeSeed<'de> for OwnersSeed<'_> {
    type Value = Owners;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Owners, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OwnersSeed<'_> {
    type Value = Owners;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("owners: { \"power\": \"国网侯马供电公司\", … }")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Owners, A::Error> {
        let t = self.trace;
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if !is_owner_key(self.catalog, &key) {
                return Err(t.fail(Problem::UnknownOwnerKey { given: key }));
            }
            let name: String = text_field(t, &mut map, &key, Expected::Text, MAX_NAME_CHARS)?;
            if pairs.iter().any(|(k, _)| *k == key) {
                return Err(t.fail(Problem::DuplicateField {
                    field: Key::new(&key),
                }));
            }
            if let Some(owner) = owner_name(&name) {
                pairs.push((key, owner));
            }
        }
        Ok(Owners::new(pairs))
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
