//! Scoring: how well each zone's inventory meets one checklist, item by item, exactly as
//! DOMAIN §4 says, and the ranking of the zones.
//!
//! Pure and exact: no egui, no files, no clock, no floats. A [`Scorer`] prepares the checklist
//! once (requirements converted, weights summed) and then scores any number of zones without
//! formatting text; [`explain`] builds the words for the items a reader actually looks at.

pub mod explain;

use std::cmp::Ordering;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::{Catalog, Checklist, FactorIdx, Importance, Kind, Lang, Value, YesNo, ZoneProfile};

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
        match self {
            Status::Met => lang.pick("满足", "met"),
            Status::Partial => lang.pick("部分满足", "partial"),
            Status::Unmet => lang.pick("不满足", "unmet"),
            Status::Unknown => lang.pick("待核实", "to verify"),
        }
    }
}

/// What stands between an item and being met, in the factor's own terms. Texts are built from
/// it by [`explain`] only for the items shown.
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
    /// `YesNo`: no.
    No,
    /// `Level`: this many levels below the requirement.
    LevelsShort(u16),
    /// `Set`: this many required members missing.
    Missing(u16),
    /// No value in the inventory.
    Unknown,
}

/// One requested item scored for one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemResult {
    pub factor: FactorIdx,
    pub importance: Importance,
    pub status: Status,
    /// The credit s ∈ [0, 1].
    pub credit: Decimal,
    pub gap: Gap,
}

impl ItemResult {
    /// The weighted shortfall w·(1 − s): how much this item costs the score.
    pub fn shortfall(&self) -> Decimal {
        self.importance.weight() * (Decimal::ONE - self.credit)
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

    pub fn total(&self) -> usize {
        self.met + self.partial + self.unmet + self.unknown
    }
}

/// One zone scored against the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneResult {
    /// The zone's position in the profile slice that was scored.
    pub zone: usize,
    /// 100 · Σ wᵢsᵢ / Σ wᵢ, exact; 0 when nothing is requested.
    pub score: Decimal,
    /// Every must-have met.
    pub qualified: bool,
    /// The must-haves not met, in catalog order.
    pub failed_must: Vec<FactorIdx>,
    pub counts: Counts,
    /// Share of requested items the zone has a value for, 0–100.
    pub completeness: Decimal,
    /// Every scored item, in catalog order.
    pub items: Vec<ItemResult>,
}

impl ZoneResult {
    /// The item that costs the score most (largest w·(1 − s)) among those with a known gap;
    /// the first in catalog order on a tie. `None` when nothing known falls short.
    pub fn largest_gap(&self) -> Option<&ItemResult> {
        self.items
            .iter()
            .filter(|i| matches!(i.status, Status::Partial | Status::Unmet))
            .fold(None, |best: Option<&ItemResult>, i| match best {
                Some(b) if b.shortfall() >= i.shortfall() => Some(b),
                _ => Some(i),
            })
    }

    /// The result for one factor, if it was scored.
    pub fn item(&self, factor: FactorIdx) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.factor == factor)
    }
}

/// The zones in rank order: qualified first, then score (high first), then fewer unknowns,
/// then zone id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranking {
    pub zones: Vec<ZoneResult>,
}

impl Ranking {
    /// The result and 1-based rank of a zone, by its position in the scored profile slice.
    pub fn find(&self, zone: usize) -> Option<(usize, &ZoneResult)> {
        self.zones
            .iter()
            .enumerate()
            .find(|(_, r)| r.zone == zone)
            .map(|(i, r)| (i + 1, r))
    }
}

/// A requirement prepared once per checklist for fast comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub factor: FactorIdx,
    pub importance: Importance,
    /// The value the factor is scored against (the item's, or one from the checklist header).
    pub required: Value,
    rule: Rule,
}

#[derive(Clone, Debug, PartialEq)]
enum Rule {
    AtLeast {
        r: Decimal,
        band: Decimal,
        floor: Decimal,
    },
    AtMost {
        r: Decimal,
        band: Decimal,
        ceiling: Decimal,
    },
    YesNo,
    Level(u16),
    Set(Vec<u16>),
}

/// Scores zones against one checklist. Build it once per checklist edit; it holds the
/// requirements converted into each factor's unit and the sum of weights.
#[derive(Clone, Debug)]
pub struct Scorer<'a> {
    catalog: &'a Catalog,
    items: Vec<Prepared>,
    total_weight: Decimal,
}

impl<'a> Scorer<'a> {
    /// Prepares the requested items of a checklist that have a value to score against.
    pub fn new(catalog: &'a Catalog, checklist: &Checklist) -> Self {
        let items: Vec<Prepared> = checklist
            .scored_items(catalog)
            .filter_map(|(factor, req, required)| {
                let rule = rule(catalog, factor, &required)?;
                Some(Prepared {
                    factor,
                    importance: req.importance,
                    required,
                    rule,
                })
            })
            .collect();
        let total_weight = items.iter().map(|p| p.importance.weight()).sum();
        Scorer {
            catalog,
            items,
            total_weight,
        }
    }

    /// The catalog the scorer was built with.
    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// The scored requirements, in catalog order.
    pub fn requirements(&self) -> &[Prepared] {
        &self.items
    }

    /// The prepared requirement of one factor, if it is scored.
    pub fn requirement(&self, factor: FactorIdx) -> Option<&Prepared> {
        self.items.iter().find(|p| p.factor == factor)
    }

    /// Scores one zone. `zone` is recorded as the zone's position for the caller.
    pub fn score_zone(&self, zone: usize, profile: &ZoneProfile) -> ZoneResult {
        let mut items = Vec::with_capacity(self.items.len());
        let mut weighted = Decimal::ZERO;
        let mut counts = Counts::default();
        let mut failed_must = Vec::new();
        for p in &self.items {
            let (credit, gap) = match profile.entry(p.factor) {
                Some(entry) => credit(&p.rule, &entry.value),
                None => (Decimal::ZERO, Gap::Unknown),
            };
            let status = match gap {
                Gap::Unknown => Status::Unknown,
                _ if credit == Decimal::ONE => Status::Met,
                _ if credit.is_zero() => Status::Unmet,
                _ => Status::Partial,
            };
            counts.add(status);
            if p.importance == Importance::Must && status != Status::Met {
                failed_must.push(p.factor);
            }
            weighted += p.importance.weight() * credit;
            items.push(ItemResult {
                factor: p.factor,
                importance: p.importance,
                status,
                credit,
                gap,
            });
        }
        let hundred = Decimal::ONE_HUNDRED;
        let (score, completeness) = if self.total_weight.is_zero() {
            (Decimal::ZERO, Decimal::ZERO)
        } else {
            let known = Decimal::from(counts.total() - counts.unknown);
            (
                hundred * weighted / self.total_weight,
                hundred * known / Decimal::from(counts.total()),
            )
        };
        ZoneResult {
            zone,
            score,
            qualified: failed_must.is_empty(),
            failed_must,
            counts,
            completeness,
            items,
        }
    }

    /// Scores every zone and ranks them.
    pub fn rank(&self, profiles: &[ZoneProfile]) -> Ranking {
        let mut zones: Vec<ZoneResult> = profiles
            .iter()
            .enumerate()
            .map(|(i, p)| self.score_zone(i, p))
            .collect();
        zones.sort_by(|a, b| rank_order(a, b, profiles));
        Ranking { zones }
    }
}

/// Scores and ranks zones against a checklist in one call.
pub fn score(catalog: &Catalog, checklist: &Checklist, profiles: &[ZoneProfile]) -> Ranking {
    Scorer::new(catalog, checklist).rank(profiles)
}

/// DOMAIN §4: qualified first, then score (desc), then fewer unknowns, then zone id.
pub fn rank_order(a: &ZoneResult, b: &ZoneResult, profiles: &[ZoneProfile]) -> Ordering {
    let id = |r: &ZoneResult| profiles.get(r.zone).map_or("", |p| p.id.as_str());
    b.qualified
        .cmp(&a.qualified)
        .then_with(|| b.score.cmp(&a.score))
        .then_with(|| a.counts.unknown.cmp(&b.counts.unknown))
        .then_with(|| id(a).cmp(id(b)))
}

fn rule(catalog: &Catalog, factor: FactorIdx, required: &Value) -> Option<Rule> {
    let f = catalog.factor(factor);
    Some(match (&f.kind, required) {
        (Kind::AtLeast(m), Value::Amount(q)) => {
            let r = q.canonical();
            Rule::AtLeast {
                r,
                band: m.tolerance * r,
                floor: (Decimal::ONE - m.tolerance) * r,
            }
        }
        (Kind::AtMost(m), Value::Amount(q)) => {
            let r = q.canonical();
            Rule::AtMost {
                r,
                band: m.tolerance * r,
                ceiling: (Decimal::ONE + m.tolerance) * r,
            }
        }
        (Kind::YesNo, Value::YesNo(YesNo::Yes)) => Rule::YesNo,
        (Kind::Level(_), Value::Level(l)) => Rule::Level(*l),
        (Kind::Set(_), Value::Set(members)) if !members.is_empty() => Rule::Set(members.clone()),
        _ => return None,
    })
}

/// The credit and gap of one known value against a prepared rule (DOMAIN §4).
fn credit(rule: &Rule, offered: &Value) -> (Decimal, Gap) {
    let one = Decimal::ONE;
    let zero = Decimal::ZERO;
    match (rule, offered) {
        (Rule::AtLeast { r, band, floor }, Value::Amount(q)) => {
            let x = q.canonical();
            if x >= *r {
                (one, Gap::None)
            } else {
                // r > x ≥ 0, so r > 0 and the band is positive.
                let s = ((x - floor) / band).max(zero);
                (s, Gap::Short(r - x))
            }
        }
        (Rule::AtMost { r, band, ceiling }, Value::Amount(q)) => {
            let x = q.canonical();
            if x <= *r {
                (one, Gap::None)
            } else if r.is_zero() {
                // A requirement of 0 has no partial band.
                (zero, Gap::Over(x))
            } else {
                let s = ((ceiling - x) / band).max(zero);
                (s, Gap::Over(x - r))
            }
        }
        (Rule::YesNo, Value::YesNo(answer)) => match answer {
            YesNo::Yes => (one, Gap::None),
            YesNo::Planned(date) => (Decimal::new(5, 1), Gap::Planned(*date)),
            YesNo::No => (zero, Gap::No),
        },
        (Rule::Level(required), Value::Level(offered)) => {
            if offered >= required {
                (one, Gap::None)
            } else if required - offered == 1 {
                (Decimal::new(5, 1), Gap::LevelsShort(1))
            } else {
                (zero, Gap::LevelsShort(required - offered))
            }
        }
        (Rule::Set(required), Value::Set(held)) => {
            let have = required.iter().filter(|m| held.binary_search(m).is_ok()).count();
            let missing = required.len() - have;
            if missing == 0 {
                (one, Gap::None)
            } else {
                let s = Decimal::from(have) / Decimal::from(required.len());
                (s, Gap::Missing(u16::try_from(missing).unwrap_or(u16::MAX)))
            }
        }
        // A value of another kind cannot come out of the parsers; treat it as unknown.
        _ => (zero, Gap::Unknown),
    }
}

#[cfg(test)]
mod tests;
