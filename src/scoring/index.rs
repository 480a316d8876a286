//! A columnar index of the zones' values, built once when a folder is loaded: per factor, every
//! zone's value side by side in the compact form scoring compares (an amount as an integer at
//! the column's decimal scale, a set as bits), so ranking reads a few small arrays instead of
//! every profile. Scoring from the index gives exactly what scoring the profiles gives.
//! Values the compact forms cannot hold (more decimals than an integer takes, members past
//! 128) leave their column to be read from the profiles. Pure.

use std::mem::size_of;

use super::Offer;
use crate::model::{Catalog, FactorIdx, Kind, Value, YesNo, ZoneProfile};

/// Every zone's value for every factor, by column.
#[derive(Clone, Debug, Default)]
pub struct ZoneIndex {
    zones: usize,
    columns: Vec<Column>,
}

#[derive(Clone, Debug)]
enum Column {
    /// Amounts in the factor's unit as `mantissa`·10^−`scale`, one scale for the column;
    /// `UNKNOWN` where the zone has no value.
    Amount {
        scale: u32,
        values: Vec<u128>,
    },
    YesNo(Vec<Option<YesNo>>),
    /// Level positions; `UNKNOWN_LEVEL` where unknown.
    Level(Vec<u16>),
    /// Members as bits; 0 where unknown (a known set is never empty).
    Mask(Vec<u128>),
    /// Read from the profiles.
    Profiles,
}

const UNKNOWN: u128 = u128::MAX;
/// A zone with an amount planned beside today's: read from its profile (few zones plan).
const PHASED: u128 = u128::MAX - 1;
const UNKNOWN_LEVEL: u16 = u16::MAX;
/// The largest mantissa a decimal holds (96 bits): an amount must stay a decimal for its gap.
const DECIMAL_MANTISSA: u128 = (1u128 << 96) - 1;

impl ZoneIndex {
    /// Indexes the zones' values, in the order given (a zone's position is its [`crate::model::ZoneIdx`]).
    pub fn build<P: AsRef<ZoneProfile>>(catalog: &Catalog, profiles: &[P]) -> ZoneIndex {
        let columns = catalog
            .factors()
            .map(|(f, factor)| column(f, &factor.kind, profiles))
            .collect();
        ZoneIndex {
            zones: profiles.len(),
            columns,
        }
    }

    /// How many zones are indexed.
    pub fn len(&self) -> usize {
        self.zones
    }

    pub fn is_empty(&self) -> bool {
        self.zones == 0
    }

    /// The bytes the columns take, for measuring.
    pub fn heap_bytes(&self) -> usize {
        self.columns
            .iter()
            .map(|c| match c {
                Column::Amount { values, .. } | Column::Mask(values) => values.capacity() * size_of::<u128>(),
                Column::YesNo(v) => v.capacity() * size_of::<Option<YesNo>>(),
                Column::Level(v) => v.capacity() * size_of::<u16>(),
                Column::Profiles => 0,
            })
            .sum()
    }

    /// What zone `zone` offers for `factor`; `None` when it is read from the profile (a column
    /// the compact forms cannot hold, or a zone that plans an amount).
    pub(crate) fn offer(&self, factor: FactorIdx, zone: usize) -> Option<Offer<'static>> {
        Some(match self.columns.get(factor.index())? {
            Column::Amount { scale, values } => match *values.get(zone)? {
                UNKNOWN => Offer::Unknown,
                PHASED => return None,
                mantissa => Offer::Amount {
                    mantissa,
                    scale: *scale,
                },
            },
            Column::YesNo(v) => v.get(zone)?.map_or(Offer::Unknown, Offer::YesNo),
            Column::Level(v) => match *v.get(zone)? {
                UNKNOWN_LEVEL => Offer::Unknown,
                l => Offer::Level(l),
            },
            Column::Mask(v) => match *v.get(zone)? {
                0 => Offer::Unknown,
                m => Offer::Mask(m),
            },
            Column::Profiles => return None,
        })
    }
}

fn column<P: AsRef<ZoneProfile>>(f: FactorIdx, kind: &Kind, profiles: &[P]) -> Column {
    let values = || profiles.iter().map(|p| p.as_ref().entry(f).map(|e| &e.value));
    match kind {
        Kind::AtLeast(_) | Kind::AtMost(_) => {
            let scale = values()
                .filter_map(|v| match v {
                    Some(Value::Amount(q)) => Some(q.canonical().scale()),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            let scaled: Option<Vec<u128>> = profiles
                .iter()
                .map(|p| p.as_ref().entry(f))
                .map(|e| match e.map(|e| (&e.value, e.planned.is_some())) {
                    Some((Value::Amount(_), true)) => Some(PHASED),
                    Some((Value::Amount(q), false)) => {
                        let x = q.canonical();
                        let m = x.mantissa().unsigned_abs();
                        super::exact::pow10(scale - x.scale())
                            .and_then(|p| m.checked_mul(p))
                            .filter(|m| *m <= DECIMAL_MANTISSA)
                    }
                    _ => Some(UNKNOWN),
                })
                .collect();
            match scaled {
                Some(values) if scale <= 28 => Column::Amount { scale, values },
                _ => Column::Profiles,
            }
        }
        Kind::YesNo => Column::YesNo(
            values()
                .map(|v| match v {
                    Some(Value::YesNo(a)) => Some(*a),
                    _ => None,
                })
                .collect(),
        ),
        Kind::Level(_) => Column::Level(
            values()
                .map(|v| match v {
                    Some(Value::Level(l)) if *l != UNKNOWN_LEVEL => *l,
                    _ => UNKNOWN_LEVEL,
                })
                .collect(),
        ),
        Kind::Set(_) => {
            let masks: Option<Vec<u128>> = values()
                .map(|v| match v {
                    Some(Value::Set(members)) if !members.is_empty() => members
                        .iter()
                        .try_fold(0u128, |m, i| (*i < 128).then(|| m | (1u128 << i))),
                    Some(Value::Set(_)) => None,
                    _ => Some(0),
                })
                .collect();
            masks.map_or(Column::Profiles, Column::Mask)
        }
    }
}
