//! Values read according to the factor's kind: quantities, yes/no answers, levels and sets,
//! and plain numbers. Which field a value stands in is the caller's business.

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};

use super::trace::{Trace, field_step};
use crate::model::catalog::{Catalog, Factor, Kind, Measure};
use crate::model::error::Expected;
use crate::model::number::{self, NumberError};
use crate::model::value::{self, Quantity, Value, ValueError, YesNo};

/// Reads the value of one factor in the form its kind takes: `"1677 mu"` (or a bare number in
/// the factor's unit), `Yes` / `No` / `Planned("2025-06-30")`, `"seven"`, `["environment", …]`.
pub(super) struct ValueSeed<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) factor: &'a Factor,
    /// The field being read (`value` in a profile, `required` in a checklist), for messages.
    pub(super) field: &'static str,
    pub(super) trace: &'a Trace,
}

/// What a factor's value takes, for messages.
fn expected_value(catalog: &Catalog, factor: &Factor) -> Expected {
    match &factor.kind {
        Kind::AtLeast(m) | Kind::AtMost(m) => Expected::Quantity {
            units: value::units_named(catalog, m),
        },
        Kind::YesNo => Expected::YesNo,
        Kind::Level(levels) => Expected::Level {
            levels: levels.iter().map(crate::model::catalog::Member::named).collect(),
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
pub(super) struct NumberVisitor;

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
    vocabulary: crate::model::catalog::VocabIdx,
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
