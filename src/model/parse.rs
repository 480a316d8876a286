//! Reads zone profiles and checklists from RON text into checked values in one pass, checking
//! every value against the catalog as it is read. A problem is reported at the line and column
//! where it stands, naming the factor and field, so `land.industrial_area: value: unit `MW` is
//! not allowed` points at the very line to fix. Pure: text in, values or one error out.

use std::collections::HashSet;
use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};

use super::catalog::{Catalog, Factor, FactorIdx, Kind, Measure};
use super::checklist::{Checklist, Requirement};
use super::error::ParseError;
use super::importance::Importance;
use super::number::{self, DecimalVisitor};
use super::profile::{Entry, ZoneProfile};
use super::text::Text;
use super::value::{self, Quantity, Value, YesNo};

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
const NESTING_LIMIT: usize = 32;

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(NESTING_LIMIT)
}

/// Reads a zone profile. `id` is its file stem.
pub fn parse_profile(text: &str, id: &str, catalog: &Catalog) -> Result<ZoneProfile, ParseError> {
    if let Err(msg) = check_profile_id(id) {
        return Err(ParseError::new(1, 1, msg));
    }
    options()
        .from_str_seed(text, ProfileSeed { catalog, id })
        .map_err(ParseError::from)
}

/// Reads an investor checklist.
pub fn parse_checklist(text: &str, catalog: &Catalog) -> Result<Checklist, ParseError> {
    options()
        .from_str_seed(text, ChecklistSeed { catalog })
        .map_err(ParseError::from)
}

/// A profile id is a file stem other programs can rely on: letters, digits, `-` and `_`.
pub fn check_profile_id(id: &str) -> Result<(), String> {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(format!(
            "`{id}` cannot be a zone id: name the file with letters, digits, `-` and `_` only \
             (for example `houma.ron`)"
        ))
    }
}

/// Reads a field's value, naming the field in any error: "`as_of`: …".
fn field<'de, T: Deserialize<'de>, A: MapAccess<'de>>(map: &mut A, name: &str) -> Result<T, A::Error> {
    map.next_value::<T>()
        .map_err(|e| A::Error::custom(format!("`{name}`: {e}")))
}

/// Reads a date field, naming the field and the form a date takes in any error.
fn date_field<'de, A: MapAccess<'de>>(map: &mut A, name: &str) -> Result<Date, A::Error> {
    map.next_value::<Date>()
        .map_err(|e| A::Error::custom(format!("`{name}`: {e}; write the date as 2023-12-31")))
}

/// Sets a field once; a second occurrence is an error.
fn set_once<T, E: de::Error>(slot: &mut Option<T>, field: &'static str, value: T) -> Result<(), E> {
    if slot.replace(value).is_some() {
        Err(E::duplicate_field(field))
    } else {
        Ok(())
    }
}

fn required<T, E: de::Error>(slot: Option<T>, field: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(field))
}

// ---------------------------------------------------------------------------------------------
// Profiles

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ProfileField {
    Name,
    Region,
    Contact,
    AsOf,
    Factors,
}
const PROFILE_FIELDS: &[&str] = &["name", "region", "contact", "as_of", "factors"];

struct ProfileSeed<'a> {
    catalog: &'a Catalog,
    id: &'a str,
}

impl<'de> DeserializeSeed<'de> for ProfileSeed<'_> {
    type Value = ZoneProfile;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ZoneProfile, D::Error> {
        d.deserialize_struct(PROFILE_NAME, PROFILE_FIELDS, self)
    }
}

impl<'de> Visitor<'de> for ProfileSeed<'_> {
    type Value = ZoneProfile;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a zone profile: ZoneProfile(name: …, as_of: …, factors: { … })")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ZoneProfile, A::Error> {
        let (mut name, mut region, mut contact, mut as_of, mut factors) = (None, None, None, None, None);
        while let Some(key) = map.next_key::<ProfileField>()? {
            match key {
                ProfileField::Name => set_once(&mut name, "name", field::<Text, A>(&mut map, "name")?)?,
                ProfileField::Region => {
                    set_once(&mut region, "region", field::<Text, A>(&mut map, "region")?)?
                }
                ProfileField::Contact => {
                    set_once(&mut contact, "contact", field::<String, A>(&mut map, "contact")?)?
                }
                ProfileField::AsOf => set_once(&mut as_of, "as_of", date_field(&mut map, "as_of")?)?,
                ProfileField::Factors => set_once(
                    &mut factors,
                    "factors",
                    map.next_value_seed(FactorMapSeed::<RawEntry>::new(self.catalog))
                        .map_err(|e| A::Error::custom(format!("`factors`: {e}")))?,
                )?,
            }
        }
        let name: Text = required(name, "name")?;
        if name.is_empty() {
            return Err(A::Error::custom(
                "`name` is empty; give the zone's name in Chinese or English",
            ));
        }
        let as_of: Date = required(as_of, "as_of")?;
        let mut profile = ZoneProfile::new(self.catalog, self.id, name, as_of);
        profile.region = region.unwrap_or_default();
        profile.contact = contact.unwrap_or_default();
        for (factor, raw) in factors.unwrap_or_default() {
            profile.set_entry(
                factor,
                Some(Entry {
                    value: raw.value,
                    source: raw.source,
                    as_of: raw.as_of.unwrap_or(as_of),
                    illustrative: raw.illustrative,
                }),
            );
        }
        Ok(profile)
    }
}

/// An entry as read; its date defaults to the profile's, which may come later in the file.
struct RawEntry {
    value: Value,
    source: String,
    as_of: Option<Date>,
    illustrative: bool,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum EntryField {
    Value,
    Source,
    AsOf,
    Illustrative,
}
const ENTRY_FIELDS: &[&str] = &["value", "source", "as_of", "illustrative"];

impl MapItem for RawEntry {
    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        map: &mut A,
    ) -> Result<Self, A::Error> {
        map.next_value_seed(EntrySeed { catalog, factor })
    }
}

struct EntrySeed<'a> {
    catalog: &'a Catalog,
    factor: &'a Factor,
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
        let (mut value, mut source, mut as_of, mut illustrative) = (None, None, None, None);
        while let Some(key) = map.next_key::<EntryField>()? {
            match key {
                EntryField::Value => set_once(
                    &mut value,
                    "value",
                    map.next_value_seed(ValueSeed {
                        catalog: self.catalog,
                        factor: self.factor,
                        field: "value",
                    })?,
                )?,
                EntryField::Source => {
                    set_once(&mut source, "source", field::<String, A>(&mut map, "source")?)?
                }
                EntryField::AsOf => set_once(&mut as_of, "as_of", date_field(&mut map, "as_of")?)?,
                EntryField::Illustrative => {
                    set_once(
                        &mut illustrative,
                        "illustrative",
                        field::<bool, A>(&mut map, "illustrative")?,
                    )?;
                }
            }
        }
        let value = required(value, "value")?;
        let source: String = source.unwrap_or_default();
        let illustrative = illustrative.unwrap_or(false);
        if source.trim().is_empty() && !illustrative {
            return Err(A::Error::custom(
                "no `source`: say where the figure comes from, or mark it `illustrative: true`",
            ));
        }
        Ok(RawEntry {
            value,
            source,
            as_of,
            illustrative,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The `{ "factor.id": ( … ), … }` map shared by profiles and checklists

/// What a factor map holds for each factor: a profile entry or a checklist item.
trait MapItem: Sized {
    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        map: &mut A,
    ) -> Result<Self, A::Error>;
}

/// Reads a map from factor ids to items, refusing unknown and repeated ids. Errors inside an
/// item are prefixed with its factor id.
struct FactorMapSeed<'a, T> {
    catalog: &'a Catalog,
    item: std::marker::PhantomData<T>,
}

impl<'a, T> FactorMapSeed<'a, T> {
    fn new(catalog: &'a Catalog) -> Self {
        FactorMapSeed {
            catalog,
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
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        while let Some(id) = map.next_key::<String>()? {
            let Some(idx) = self.catalog.find_factor(&id) else {
                let hint = self
                    .catalog
                    .suggest_factor(&id)
                    .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
                return Err(A::Error::custom(format!(
                    "`{id}` is not a factor of the catalog{hint}"
                )));
            };
            if !seen.insert(idx) {
                return Err(A::Error::custom(format!(
                    "`{id}` appears twice; keep one entry per factor"
                )));
            }
            let item = T::read(self.catalog, self.catalog.factor(idx), &mut map)
                .map_err(|e| A::Error::custom(format!("`{id}`: {e}")))?;
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
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let name = self.field;
        let field = |e: D::Error| D::Error::custom(format!("`{name}`: {e}"));
        match &self.factor.kind {
            Kind::AtLeast(m) | Kind::AtMost(m) => d
                .deserialize_any(QuantityVisitor {
                    catalog: self.catalog,
                    measure: m,
                })
                .map(Value::Amount)
                .map_err(field),
            Kind::YesNo => YesNo::deserialize(d).map(Value::YesNo).map_err(|e| {
                D::Error::custom(format!("`{name}`: {e}; write Yes, No or Planned(\"2025-06-30\")"))
            }),
            Kind::Level(_) => d
                .deserialize_any(LevelVisitor { factor: self.factor })
                .map(Value::Level)
                .map_err(field),
            Kind::Set(v) => d
                .deserialize_any(SetVisitor {
                    catalog: self.catalog,
                    vocabulary: *v,
                })
                .map(Value::Set)
                .map_err(field),
        }
    }
}

struct QuantityVisitor<'a> {
    catalog: &'a Catalog,
    measure: &'a Measure,
}

impl QuantityVisitor<'_> {
    fn number<E: de::Error>(&self, amount: Decimal) -> Result<Quantity, E> {
        Quantity::new(self.catalog, self.measure, amount, self.measure.unit).map_err(E::custom)
    }
}

impl<'de> Visitor<'de> for QuantityVisitor<'_> {
    type Value = Quantity;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let unit = &self.catalog.unit(self.measure.unit).id;
        write!(
            f,
            "a quantity such as \"100 {unit}\" (units: {})",
            value::unit_list(self.catalog, self.measure)
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
        value::parse_quantity(self.catalog, self.measure, v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
        self.number(DecimalVisitor.visit_u64(v)?)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
        self.number(DecimalVisitor.visit_i64(v)?)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Quantity, E> {
        self.number(DecimalVisitor.visit_u128(v)?)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Quantity, E> {
        self.number(DecimalVisitor.visit_i128(v)?)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Quantity, E> {
        self.number(DecimalVisitor.visit_f64(v)?)
    }
}

struct LevelVisitor<'a> {
    factor: &'a Factor,
}

impl<'de> Visitor<'de> for LevelVisitor<'_> {
    type Value = u16;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.factor.kind {
            Kind::Level(levels) => {
                let ids: Vec<String> = levels.iter().map(|l| format!("\"{}\"", l.id)).collect();
                write!(f, "one of the levels {}", ids.join(", "))
            }
            _ => f.write_str("a level"),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u16, E> {
        value::parse_level(self.factor, v).map_err(E::custom)
    }
}

struct SetVisitor<'a> {
    catalog: &'a Catalog,
    vocabulary: super::catalog::VocabIdx,
}

impl<'de> Visitor<'de> for SetVisitor<'_> {
    type Value = Vec<u16>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let v = self.catalog.vocabulary(self.vocabulary);
        let example = v.members.first().map_or("", |m| m.id.as_str());
        write!(
            f,
            "a list of {} such as [\"{example}\"]",
            v.name.en.to_lowercase()
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u16>, A::Error> {
        let mut ids: Vec<String> = Vec::new();
        while let Some(id) = seq.next_element::<String>()? {
            ids.push(id);
        }
        value::parse_members(self.catalog, self.vocabulary, &ids).map_err(A::Error::custom)
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
}
const CHECKLIST_FIELDS: &[&str] = &[
    "investor",
    "project",
    "industry",
    "total_investment",
    "planned_intensity",
    "planned_tax_per_mu",
    "items",
];

struct ChecklistSeed<'a> {
    catalog: &'a Catalog,
}

impl<'de> DeserializeSeed<'de> for ChecklistSeed<'_> {
    type Value = Checklist;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Checklist, D::Error> {
        d.deserialize_struct(CHECKLIST_NAME, CHECKLIST_FIELDS, self)
    }
}

/// A non-negative amount of a header field (万元, 万元/亩).
struct AmountSeed(&'static str);

impl<'de> DeserializeSeed<'de> for AmountSeed {
    type Value = Decimal;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        let amount = number::deserialize(d).map_err(|e| D::Error::custom(format!("`{}`: {e}", self.0)))?;
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(D::Error::custom(format!(
                "`{}`: {} is negative",
                self.0,
                number::plain(amount)
            )));
        }
        Ok(amount)
    }
}

impl<'de> Visitor<'de> for ChecklistSeed<'_> {
    type Value = Checklist;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a checklist: Checklist(project: …, items: { … })")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checklist, A::Error> {
        let mut c = Checklist::new(self.catalog);
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<ChecklistField>()? {
            let name = CHECKLIST_FIELDS[key as usize];
            if !seen.insert(name) {
                return Err(A::Error::duplicate_field(name));
            }
            match key {
                ChecklistField::Investor => c.investor = field(&mut map, name)?,
                ChecklistField::Project => c.project = field(&mut map, name)?,
                ChecklistField::Industry => {
                    let code: String = field(&mut map, name)?;
                    let industries = self.catalog.industries();
                    let found = industries.find(code.trim()).ok_or_else(|| {
                        let hint =
                            super::catalog::closest(&code, industries.members.iter().map(|m| m.id.as_str()))
                                .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
                        A::Error::custom(format!(
                            "`industry`: `{code}` is not a GB/T 4754 division code such as `C38`{hint}"
                        ))
                    })?;
                    c.industry = Some(found);
                }
                ChecklistField::TotalInvestment => {
                    c.total_investment = Some(map.next_value_seed(AmountSeed(name))?)
                }
                ChecklistField::PlannedIntensity => {
                    c.planned_intensity = Some(map.next_value_seed(AmountSeed(name))?)
                }
                ChecklistField::PlannedTaxPerMu => {
                    c.planned_tax_per_mu = Some(map.next_value_seed(AmountSeed(name))?)
                }
                ChecklistField::Items => {
                    for (factor, item) in map
                        .next_value_seed(FactorMapSeed::<Requirement>::new(self.catalog))
                        .map_err(|e| A::Error::custom(format!("`items`: {e}")))?
                    {
                        c.set_item(factor, Some(item));
                    }
                }
            }
        }
        Ok(c)
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
}

impl MapItem for Requirement {
    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        map: &mut A,
    ) -> Result<Self, A::Error> {
        map.next_value_seed(ItemSeed { catalog, factor })
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
        let (mut required, mut importance, mut note) = (None, None, None);
        while let Some(key) = map.next_key::<ItemField>()? {
            match key {
                ItemField::Required => {
                    let value = map.next_value_seed(ValueSeed {
                        catalog: self.catalog,
                        factor: self.factor,
                        field: "required",
                    })?;
                    set_once(&mut required, "required", value)?;
                }
                ItemField::Importance => set_once(
                    &mut importance,
                    "importance",
                    field::<Importance, A>(&mut map, "importance")?,
                )?,
                ItemField::Note => set_once(&mut note, "note", field::<String, A>(&mut map, "note")?)?,
            }
        }
        if let Some(Value::YesNo(answer)) = &required
            && *answer != YesNo::Yes
        {
            return Err(A::Error::custom(
                "`required`: a yes/no factor can only be required as `Yes`",
            ));
        }
        Ok(Requirement {
            importance: importance.unwrap_or(self.factor.importance),
            required,
            note: note.unwrap_or_default(),
        })
    }
}
