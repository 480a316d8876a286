//! How much an investor cares about one factor, and the weight that gives it in the score.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::text::Lang;
use super::texts::TEXTS;

/// The importance of a requested factor (the scoring rules, README § Scoring). `NotNeeded` keeps a row in a checklist
/// without scoring it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Importance {
    /// Must be met for the zone to qualify; weight 3.
    Must,
    /// Weight 3.
    High,
    /// Weight 2.
    Medium,
    /// Weight 1.
    Low,
    /// Excluded from scoring.
    NotNeeded,
}

impl Importance {
    /// Every importance, strongest first, as a picker offers them.
    pub const ALL: [Importance; 5] = [
        Importance::Must,
        Importance::High,
        Importance::Medium,
        Importance::Low,
        Importance::NotNeeded,
    ];

    /// The weight in the score; zero for `NotNeeded`.
    pub fn weight(self) -> Decimal {
        Decimal::from(self.weight_units())
    }

    /// The weight as the small integer it is.
    pub fn weight_units(self) -> u32 {
        match self {
            Importance::Must | Importance::High => 3,
            Importance::Medium => 2,
            Importance::Low => 1,
            Importance::NotNeeded => 0,
        }
    }

    /// Whether the factor is scored at all.
    pub fn is_requested(self) -> bool {
        self != Importance::NotNeeded
    }

    /// The stable code used in JSON and CSV output.
    pub fn code(self) -> &'static str {
        match self {
            Importance::Must => "must",
            Importance::High => "high",
            Importance::Medium => "medium",
            Importance::Low => "low",
            Importance::NotNeeded => "not_needed",
        }
    }

    /// The label a reader sees.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            Importance::Must => t.must,
            Importance::High => t.high,
            Importance::Medium => t.medium,
            Importance::Low => t.low,
            Importance::NotNeeded => t.not_needed,
        }
    }
}
