//! Writes profiles and checklists back to RON: pretty-printed, factors in catalog order, and in
//! exactly the forms `parse` reads, so saving and loading round-trip and files diff well. Pure.

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::catalog::{Catalog, Factor, Kind};
use super::checklist::{Checklist, Requirement};
use super::number;
use super::parse::{CHECKLIST_NAME, PROFILE_NAME};
use super::profile::{Entry, PlannedAmount, ZoneProfile};
use super::text::Text;
use super::value::Value;

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .compact_arrays(true)
}

/// Puts the struct name before the unnamed top-level struct ron writes, so a file says what it
/// is (`ZoneProfile(` …), while nested structs stay unnamed.
fn named(header: &str, name: &str, body: Result<String, ron::Error>) -> Result<String, ron::Error> {
    Ok(format!("{header}{name}{}\n", body?))
}

/// A profile as RON text.
pub fn write_profile(profile: &ZoneProfile, catalog: &Catalog) -> Result<String, ron::Error> {
    let body = ron::ser::to_string_pretty(&ProfileOut { profile, catalog }, pretty());
    named(
        "// SiteMatch zone profile: the zone's factor inventory. Factor ids and units: assets/catalog.ron.\n",
        PROFILE_NAME,
        body,
    )
}

/// A checklist as RON text.
pub fn write_checklist(checklist: &Checklist, catalog: &Catalog) -> Result<String, ron::Error> {
    let body = ron::ser::to_string_pretty(&ChecklistOut { checklist, catalog }, pretty());
    named(
        "// SiteMatch investor checklist. Factor ids and units: assets/catalog.ron.\n",
        CHECKLIST_NAME,
        body,
    )
}

/// One field of an entry as the profile file writes it, on one line: a quantity or a level as
/// the text inside its quotes (`1677 mu`, `seven_one`), a yes/no or a set as its RON (`Yes`,
/// `Planned("2026-06-30")`, `["seismic", "flood"]`). What the history of a figure records.
pub fn value_file_text(value: &Value, factor: &Factor, catalog: &Catalog) -> String {
    match (value, &factor.kind) {
        (Value::Amount(q), _) => q.file_text(catalog),
        (Value::Level(i), Kind::Level(levels)) => levels
            .get(usize::from(*i))
            .map_or_else(String::new, |l| l.id.clone()),
        _ => one_line(&ValueOut {
            value,
            factor,
            catalog,
        }),
    }
}

/// A planned amount as the profile file writes it, on one line: `(value: "50 MW", by:
/// "2026-06-30", source: "…")`.
pub fn planned_file_text(planned: &PlannedAmount, catalog: &Catalog) -> String {
    one_line(&PlannedOut { planned, catalog })
}

/// RON on one line, spaced as the files are (`(value: "50 MW", by: "2026-06-30")`); a value
/// the writer cannot express (never one the parser or the editor made) gives `?`.
fn one_line(value: &impl Serialize) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .compact_arrays(true)
        .compact_structs(true);
    ron::ser::to_string_pretty(value, config).unwrap_or_else(|_| String::from("?"))
}

struct ProfileOut<'a> {
    profile: &'a ZoneProfile,
    catalog: &'a Catalog,
}

impl Serialize for ProfileOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.profile;
        let mut st = s.serialize_struct(PROFILE_NAME, 6)?;
        st.serialize_field("name", &TextOut(&p.name))?;
        if !p.region.is_empty() {
            st.serialize_field("region", &TextOut(&p.region))?;
        }
        if !p.contact.is_empty() {
            st.serialize_field("contact", &p.contact)?;
        }
        if !p.contact_en.is_empty() {
            st.serialize_field("contact_en", &p.contact_en)?;
        }
        st.serialize_field("as_of", &p.as_of)?;
        if let Some(at) = p.location {
            st.serialize_field("location", &LocationOut(at))?;
        }
        if !p.owners.is_empty() {
            st.serialize_field("owners", &OwnersOut(&p.owners))?;
        }
        st.serialize_field(
            "factors",
            &EntriesOut {
                profile: p,
                catalog: self.catalog,
            },
        )?;
        st.end()
    }
}

/// `(lat: 35.62, lon: 111.37)`, the degrees as written.
struct LocationOut(crate::model::geo::Location);

impl Serialize for LocationOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Location", 2)?;
        st.serialize_field("lat", &DecimalOut(self.0.lat))?;
        st.serialize_field("lon", &DecimalOut(self.0.lon))?;
        st.end()
    }
}

struct TextOut<'a>(&'a Text);

impl Serialize for TextOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Text", 2)?;
        st.serialize_field("zh", &self.0.zh)?;
        st.serialize_field("en", &self.0.en)?;
        st.end()
    }
}

struct EntriesOut<'a> {
    profile: &'a ZoneProfile,
    catalog: &'a Catalog,
}

impl Serialize for EntriesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (idx, entry) in self.profile.entries() {
            let factor = self.catalog.factor(idx);
            map.serialize_entry(
                &factor.id,
                &EntryOut {
                    entry,
                    factor,
                    catalog: self.catalog,
                },
            )?;
        }
        map.end()
    }
}

struct EntryOut<'a> {
    entry: &'a Entry,
    factor: &'a Factor,
    catalog: &'a Catalog,
}

impl Serialize for EntryOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.entry;
        let mut st = s.serialize_struct("Entry", 4)?;
        st.serialize_field(
            "value",
            &ValueOut {
                value: &e.value,
                factor: self.factor,
                catalog: self.catalog,
            },
        )?;
        if let Some(planned) = &e.planned {
            st.serialize_field(
                "planned",
                &PlannedOut {
                    planned,
                    catalog: self.catalog,
                },
            )?;
        }
        if !e.source.is_empty() {
            st.serialize_field("source", &e.source)?;
        }
        st.serialize_field("as_of", &e.as_of)?;
        if e.illustrative {
            st.serialize_field("illustrative", &true)?;
        }
        if let Some(owner) = &e.owner {
            st.serialize_field("owner", &**owner)?;
        }
        st.end()
    }
}

/// `owners: { "power": "国网侯马供电公司", … }`, by key.
struct OwnersOut<'a>(&'a crate::model::Owners);

impl Serialize for OwnersOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, o)| (k, &**o)))
    }
}

/// `planned: (value: "50 MW", by: "2026-06-30", source: "…")`, the source only when given.
struct PlannedOut<'a> {
    planned: &'a PlannedAmount,
    catalog: &'a Catalog,
}

impl Serialize for PlannedOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.planned;
        let mut st = s.serialize_struct("Planned", 3)?;
        st.serialize_field("value", &p.amount.file_text(self.catalog))?;
        st.serialize_field("by", &p.by)?;
        if !p.source.is_empty() {
            st.serialize_field("source", &p.source)?;
        }
        st.end()
    }
}

struct ValueOut<'a> {
    value: &'a Value,
    factor: &'a Factor,
    catalog: &'a Catalog,
}

impl Serialize for ValueOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.value, &self.factor.kind) {
            (Value::Amount(q), _) => s.serialize_str(&q.file_text(self.catalog)),
            (Value::YesNo(answer), _) => answer.serialize(s),
            (Value::Level(i), Kind::Level(levels)) => {
                s.serialize_str(levels.get(usize::from(*i)).map_or("", |l| l.id.as_str()))
            }
            (Value::Set(members), Kind::Set(v)) => {
                let v = self.catalog.vocabulary(*v);
                s.collect_seq(
                    members
                        .iter()
                        .filter_map(|m| v.members.get(usize::from(*m)).map(|m| &m.id)),
                )
            }
            _ => Err(serde::ser::Error::custom(format!(
                "the value of `{}` does not fit its kind",
                self.factor.id
            ))),
        }
    }
}

struct ChecklistOut<'a> {
    checklist: &'a Checklist,
    catalog: &'a Catalog,
}

/// Serializes an exact decimal the way `number::deserialize` reads it back.
struct DecimalOut(Decimal);

impl Serialize for DecimalOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        number::serialize(&self.0, s)
    }
}

impl Serialize for ChecklistOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.checklist;
        let mut st = s.serialize_struct(CHECKLIST_NAME, 7)?;
        st.serialize_field("investor", &c.investor)?;
        st.serialize_field("project", &c.project)?;
        if let Some(code) = c
            .industry
            .and_then(|i| self.catalog.industries().members.get(usize::from(i)))
        {
            st.serialize_field("industry", &code.id)?;
        }
        for (name, amount) in [
            ("total_investment", c.total_investment),
            ("planned_intensity", c.planned_intensity),
            ("planned_tax_per_mu", c.planned_tax_per_mu),
        ] {
            if let Some(amount) = amount {
                st.serialize_field(name, &DecimalOut(amount))?;
            }
        }
        if !c.pipeline.is_empty() {
            st.serialize_field("pipeline", &PipelineOut(&c.pipeline))?;
        }
        st.serialize_field(
            "items",
            &ItemsOut {
                checklist: c,
                catalog: self.catalog,
            },
        )?;
        st.end()
    }
}

/// `(stage: Signed, reached: { Signed: "2026-09-01" }, officer: "…", …)`, the fields set only.
struct PipelineOut<'a>(&'a crate::model::pipeline::Pipeline);

impl Serialize for PipelineOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut st = s.serialize_struct("Pipeline", 6)?;
        if let Some(stage) = p.stage {
            st.serialize_field("stage", &stage)?;
        }
        if !p.reached.is_empty() {
            let dates: std::collections::BTreeMap<_, String> =
                p.reached.iter().map(|(s, d)| (*s, d.to_string())).collect();
            st.serialize_field("reached", &dates)?;
        }
        if !p.officer.is_empty() {
            st.serialize_field("officer", &p.officer)?;
        }
        if let Some(zone) = &p.zone {
            st.serialize_field("zone", zone)?;
        }
        if let Some(day) = p.start_deadline {
            st.serialize_field("start_deadline", &day.to_string())?;
        }
        if let Some(day) = p.planned_start {
            st.serialize_field("planned_start", &day.to_string())?;
        }
        st.end()
    }
}

struct ItemsOut<'a> {
    checklist: &'a Checklist,
    catalog: &'a Catalog,
}

impl Serialize for ItemsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (idx, item) in self.checklist.items() {
            let factor = self.catalog.factor(idx);
            map.serialize_entry(
                &factor.id,
                &ItemOut {
                    item,
                    factor,
                    catalog: self.catalog,
                },
            )?;
        }
        map.end()
    }
}

struct ItemOut<'a> {
    item: &'a Requirement,
    factor: &'a Factor,
    catalog: &'a Catalog,
}

impl Serialize for ItemOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Item", 3)?;
        if let Some(value) = &self.item.required {
            st.serialize_field(
                "required",
                &ValueOut {
                    value,
                    factor: self.factor,
                    catalog: self.catalog,
                },
            )?;
        }
        st.serialize_field("importance", &self.item.importance)?;
        if !self.item.note.is_empty() {
            st.serialize_field("note", &self.item.note)?;
        }
        st.end()
    }
}
