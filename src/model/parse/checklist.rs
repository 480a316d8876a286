//! Reads an investor checklist: its header (investor, project, industry, planned amounts), its
//! pipeline, and each factor's item. Profiles are read in the sibling `profile`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::factor_map::{FactorMapSeed, MapItem};
use super::trace::{Trace, date_field, field, field_step, set_once, text_field};
use super::value::{NumberVisitor, ValueSeed};
use super::{CHECKLIST_NAME, FileKind, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::model::catalog::{Catalog, Factor, Measure};
use crate::model::checklist::{Checklist, Requirement};
use crate::model::error::{Expected, Key, Problem, Step};
use crate::model::importance::Importance;
use crate::model::number;
use crate::model::pipeline::{Pipeline, Stage};
use crate::model::value::{self, Quantity, Value, ValueError, YesNo};

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

pub(super) struct ChecklistSeed<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) trace: &'a Trace,
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
            let amount = |map: &mut A, feeds: Option<crate::model::catalog::PlanField>| {
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
                        let suggestion = crate::model::catalog::closest(
                            &code,
                            industries.members.iter().map(|m| m.id.as_str()),
                        )
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
                        Some(crate::model::catalog::PlanField::PlannedIntensity),
                    )?);
                }
                ChecklistField::PlannedTaxPerMu => {
                    c.planned_tax_per_mu = Some(amount(
                        &mut map,
                        Some(crate::model::catalog::PlanField::PlannedTaxPerMu),
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
