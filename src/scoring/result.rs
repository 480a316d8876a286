//! The results of scoring: how one requested item stands for a zone ([`Status`], its exact
//! credit and its [`Gap`]), the counts by status, and one zone's result. Data and small
//! accessors only: the rules that compute them live in `rule` and `scorer`. Pure.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::Exact;
use crate::model::{FactorIdx, Importance, Lang, ZoneIdx};

/// How one requested item stands for one zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Credit 1.
    Met,
    /// Credit strictly between 0 and 1.
    Partial,
    /// Credit 0 with the zone's value known.
    Unmet,
    /// The zone's inventory has no value: credit 0, to verify.
    Unknown,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Met, Status::Partial, Status::Unmet, Status::Unknown];

    /// The stable code of the JSON contract.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Unmet => "unmet",
            Status::Unknown => "unknown",
        }
    }

    /// The mark that reads in black and white as well as in colour.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Met => "✔",
            Status::Partial => "△",
            Status::Unmet => "✘",
            Status::Unknown => "?",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = super::texts::TEXTS.get(lang);
        match self {
            Status::Met => t.met,
            Status::Partial => t.partial,
            Status::Unmet => t.unmet,
            Status::Unknown => t.to_verify,
        }
    }
}

/// What stands between an item and being met, in the factor's own terms. Texts are built from
/// it by [`explain`](super::explain) only for the items shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Met: no gap.
    None,
    /// `AtLeast`: the amount missing, in the factor's unit.
    Short(Decimal),
    /// `AtMost`: the amount over the limit, in the factor's unit.
    Over(Decimal),
    /// `YesNo`: not yet, planned for a date.
    Planned(Date),
    /// `YesNo`: planned for a date already past on the day of the ranking (逾期): scored as no.
    Overdue(Date),
    /// `YesNo`: no.
    No,
    /// A quantity short today by `short` (over by it, for `AtMost`) and met by the amount
    /// the zone plans for `by`, a day still to come: credit ½, or today's if that is more.
    PlannedAmount { by: Date, short: Decimal },
    /// A quantity met by the amount the zone plans for `by`, which comes before the investor
    /// starts on `start` (the checklist's planned start): met.
    ReadyBeforeStart { by: Date, start: Date },
    /// A quantity the amount planned for `by` would meet, but `by` has passed on the day of
    /// the ranking (逾期): scored on today's amount, short by `short`.
    PlanOverdue { by: Date, short: Decimal },
    /// `Level`: this many levels below the requirement.
    LevelsShort(u16),
    /// `Set`: this many required members missing.
    Missing(u16),
    /// No value in the inventory.
    Unknown,
}

/// A requirement's position among the scored requirements of a checklist
/// ([`Scorer::requirements`]); each scored item carries the one it was scored against.
///
/// [`Scorer::requirements`]: super::Scorer::requirements
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReqIdx(u16);

impl ReqIdx {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// One requested item scored for one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemResult {
    pub factor: FactorIdx,
    /// The requirement it was scored against, in [`Scorer::requirements`].
    ///
    /// [`Scorer::requirements`]: super::Scorer::requirements
    pub req: ReqIdx,
    pub importance: Importance,
    pub status: Status,
    /// The credit s ∈ [0, 1], exact.
    pub credit: Exact,
    pub gap: Gap,
}

impl ItemResult {
    /// The weighted shortfall w·(1 − s): how much this item costs the score, exact.
    pub fn shortfall(&self) -> Exact {
        Exact::ONE
            .sub(&self.credit)
            .mul_int(u128::from(self.importance.weight_units()))
    }
}

/// How many items have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub met: usize,
    pub partial: usize,
    pub unmet: usize,
    pub unknown: usize,
}

impl Counts {
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Met => self.met,
            Status::Partial => self.partial,
            Status::Unmet => self.unmet,
            Status::Unknown => self.unknown,
        }
    }

    /// Counts one more item of `status`.
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Met => self.met += 1,
            Status::Partial => self.partial += 1,
            Status::Unmet => self.unmet += 1,
            Status::Unknown => self.unknown += 1,
        }
    }

    /// Counts one item of `status` fewer.
    pub fn remove(&mut self, status: Status) {
        let n = match status {
            Status::Met => &mut self.met,
            Status::Partial => &mut self.partial,
            Status::Unmet => &mut self.unmet,
            Status::Unknown => &mut self.unknown,
        };
        *n = n.saturating_sub(1);
    }

    pub fn total(&self) -> usize {
        self.met + self.partial + self.unmet + self.unknown
    }
}

/// One zone scored against the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneResult {
    /// The zone's position in the slice of zones that was scored.
    pub zone: ZoneIdx,
    /// 100 · Σ wᵢsᵢ / Σ wᵢ, exact; 0 when nothing is requested. Shown rounded half up
    /// ([`Exact::fixed`]), ranked on the exact value.
    pub score: Exact,
    /// Every must-have met.
    pub qualified: bool,
    /// The must-haves not met, in catalog order.
    pub failed_must: Vec<FactorIdx>,
    pub counts: Counts,
    /// Share of requested items the zone has a value for, 0–100.
    pub completeness: Decimal,
    /// Every scored item, in catalog order.
    pub items: Vec<ItemResult>,
    /// Σ wᵢsᵢ, exact: what the score is 100 · … / Σ wᵢ of.
    pub(super) weighted: Exact,
}

impl ZoneResult {
    /// The item that costs the score most (largest w·(1 − s)) among those with a known gap;
    /// the first in catalog order on a tie. `None` when nothing known falls short.
    pub fn largest_gap(&self) -> Option<&ItemResult> {
        let mut best: Option<(&ItemResult, Exact)> = None;
        for i in self
            .items
            .iter()
            .filter(|i| matches!(i.status, Status::Partial | Status::Unmet))
        {
            let cost = i.shortfall();
            if best.as_ref().is_none_or(|(_, b)| cost > *b) {
                best = Some((i, cost));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Σ wᵢsᵢ: the weighted credit the score is 100 · Σ wᵢsᵢ / Σ wᵢ of, exact.
    pub fn weighted(&self) -> &Exact {
        &self.weighted
    }

    /// The result for one factor, if it was scored.
    pub fn item(&self, factor: FactorIdx) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.factor == factor)
    }
}

/// The index of the `k`-th scored requirement (a checklist holds at most one per factor, and
/// factors fit in `u16`).
pub(super) fn req_idx(k: usize) -> ReqIdx {
    ReqIdx(u16::try_from(k).unwrap_or(u16::MAX))
}
