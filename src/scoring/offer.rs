//! What one zone offers for one requirement, in the compact integer form the scoring rules
//! compare, read from a profile's entry (the index builds the same form). Reads values; never
//! credits them. Pure.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::{Entry, Value, YesNo};

/// What one zone offers for one requirement, read from a profile or from a [`index::ZoneIndex`].
///
/// [`index::ZoneIndex`]: super::index::ZoneIndex
#[derive(Clone, Copy, Debug)]
pub(crate) enum Offer<'a> {
    Unknown,
    /// An amount in the factor's own unit: `mantissa`·10^−`scale`.
    Amount {
        mantissa: u128,
        scale: u32,
    },
    /// An amount today and the amount planned for `by`, both in the factor's own unit.
    Phased {
        now: (u128, u32),
        planned: (u128, u32),
        by: Date,
    },
    YesNo(YesNo),
    Level(u16),
    Set(&'a [u16]),
    /// A set as bits (members below 128).
    Mask(u128),
}

impl<'a> Offer<'a> {
    /// What a profile's entry offers: its value, and for a quantity the amount it plans.
    pub(super) fn of_entry(entry: &'a Entry) -> Offer<'a> {
        match (&entry.value, &entry.planned) {
            (Value::Amount(q), Some(p)) => Offer::Phased {
                now: parts(q.canonical()),
                planned: parts(p.amount.canonical()),
                by: p.by,
            },
            (value, _) => Offer::of(value),
        }
    }

    fn of(value: &'a Value) -> Offer<'a> {
        match value {
            Value::Amount(q) => {
                let (mantissa, scale) = parts(q.canonical());
                Offer::Amount { mantissa, scale }
            }
            Value::YesNo(a) => Offer::YesNo(*a),
            Value::Level(l) => Offer::Level(*l),
            Value::Set(m) => Offer::Set(m),
        }
    }
}

/// A non-negative decimal as mantissa and scale.
fn parts(x: Decimal) -> (u128, u32) {
    (x.mantissa().unsigned_abs(), x.scale())
}
