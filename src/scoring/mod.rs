//! Scoring: how well each zone's inventory meets one checklist, item by item, exactly as
//! the scoring rules say (README § Scoring), and the ranking of the zones.
//!
//! Pure and exact: no egui, no files, no clock, no floats. A [`Scorer`] prepares the checklist
//! once (requirements converted, weights summed) and then scores any number of zones without
//! formatting text; [`explain`] builds the words for the items a reader actually looks at.

pub mod explain;
pub mod tier;

use std::cmp::Ordering;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::{
    Catalog, Checklist, FactorIdx, Importance, Kind, Lang, Value, YesNo, ZoneIdx, ZoneProfile,
};

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

/// A requirement's position among the scored requirements of a checklist
/// ([`Scorer::requirements`]); each scored item carries the one it was scored against.
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
    pub req: ReqIdx,
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
    /// The weight of the met items and Σ w·s of the partial ones, in catalog order: what the
    /// score is computed from, kept so that rescoring one factor need not add every item again.
    met_weight: u32,
    partial: Decimal,
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

    /// Σ wᵢsᵢ: the weighted credit the score is 100 · Σ wᵢsᵢ / Σ wᵢ of.
    pub fn weighted(&self) -> Decimal {
        Decimal::from(self.met_weight) + self.partial
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
    /// The result and 1-based rank of a zone, by its position in the scored slice.
    pub fn find(&self, zone: ZoneIdx) -> Option<(usize, &ZoneResult)> {
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
    /// Σ wᵢ, a small integer.
    total_weight: u32,
    /// `score_of_met[k]` = 100·k / Σ wᵢ: the score of a zone whose met items weigh k and whose
    /// other items earn nothing, the common case, so most zones need no division.
    score_of_met: Vec<Decimal>,
    /// `completeness_of[k]` = 100·k / n for k known values of n items.
    completeness_of: Vec<Decimal>,
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
        let total_weight: u32 = items.iter().map(|p| p.importance.weight_units()).sum();
        let hundred = Decimal::ONE_HUNDRED;
        let ratio = |k: u32, n: u32| {
            if n == 0 {
                Decimal::ZERO
            } else {
                hundred * Decimal::from(k) / Decimal::from(n)
            }
        };
        let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
        Scorer {
            catalog,
            score_of_met: (0..=total_weight).map(|k| ratio(k, total_weight)).collect(),
            completeness_of: (0..=n).map(|k| ratio(k, n)).collect(),
            items,
            total_weight,
        }
    }

    /// The catalog the scorer was built with.
    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// Σ wᵢ over the scored requirements.
    pub fn total_weight(&self) -> u32 {
        self.total_weight
    }

    /// The scored requirements, in catalog order.
    pub fn requirements(&self) -> &[Prepared] {
        &self.items
    }

    /// The requirement an item was scored against.
    pub fn requirement_of(&self, item: &ItemResult) -> Option<&Prepared> {
        self.items.get(item.req.index())
    }

    /// The prepared requirement of one factor, if it is scored.
    pub fn requirement(&self, factor: FactorIdx) -> Option<&Prepared> {
        self.items.iter().find(|p| p.factor == factor)
    }

    /// Scores one zone. `zone` is recorded as the zone's position for the caller.
    ///
    /// The hot loop of every ranking: no text, no allocation but the item list, and a decimal
    /// division only for partial credits. Met items add their integer weight; the score of a
    /// zone with no partial credit comes from a table built with the scorer.
    pub fn score_zone(&self, zone: ZoneIdx, profile: &ZoneProfile) -> ZoneResult {
        let mut items = Vec::with_capacity(self.items.len());
        let mut met_weight = 0u32;
        let mut partial = Decimal::ZERO;
        let mut counts = Counts::default();
        let mut failed_must = Vec::new();
        for (k, p) in self.items.iter().enumerate() {
            let (status, credit, gap) = match profile.entry(p.factor) {
                Some(entry) => credit(&p.rule, &entry.value),
                None => (Status::Unknown, Decimal::ZERO, Gap::Unknown),
            };
            counts.add(status);
            match status {
                Status::Met => met_weight += p.importance.weight_units(),
                Status::Partial => partial += p.importance.weight() * credit,
                Status::Unmet | Status::Unknown => {}
            }
            if p.importance == Importance::Must && status != Status::Met {
                failed_must.push(p.factor);
            }
            items.push(ItemResult {
                factor: p.factor,
                req: req_idx(k),
                importance: p.importance,
                status,
                credit,
                gap,
            });
        }
        let known = counts.total() - counts.unknown;
        ZoneResult {
            zone,
            score: self.score_of(met_weight, partial),
            qualified: failed_must.is_empty(),
            failed_must,
            counts,
            completeness: self.completeness_of[known],
            items,
            met_weight,
            partial,
        }
    }

    /// 100 · (met weight + Σ partial w·s) / Σ w, dividing only when some credit is partial.
    fn score_of(&self, met_weight: u32, partial: Decimal) -> Decimal {
        if partial.is_zero() {
            self.score_of_met[met_weight as usize]
        } else {
            Decimal::ONE_HUNDRED * (Decimal::from(met_weight) + partial) / Decimal::from(self.total_weight)
        }
    }

    /// Rescores one factor of a ranking made with `before` (the requirements of the checklist
    /// before one edit) and ranks the zones again: one credit per zone instead of every item,
    /// so the ranking follows each keystroke at national scale. The result is exactly what
    /// [`Scorer::rank`] gives. Returns false, changing nothing, when the edit changed more than
    /// that factor (an item added or dropped, say); the caller then ranks afresh.
    pub fn rescore_factor<P: AsRef<ZoneProfile> + Sync>(
        &self,
        ranking: &mut Ranking,
        before: &[Prepared],
        factor: FactorIdx,
        profiles: &[P],
    ) -> bool {
        let same_shape = before.len() == self.items.len()
            && before
                .iter()
                .zip(&self.items)
                .all(|(a, b)| a.factor == b.factor && (a.factor == factor || a == b));
        let Some(k) = self.items.iter().position(|p| p.factor == factor) else {
            return false;
        };
        if !same_shape || ranking.zones.iter().any(|z| z.items.len() != self.items.len()) {
            return false;
        }
        use rayon::prelude::*;
        let p = &self.items[k];
        // The new credits first, in profile order: the profiles are read front to back, and
        // the ranking, in rank order, then looks them up in one small array.
        let credit_of = |profile: &P| match profile.as_ref().entry(factor) {
            Some(entry) => credit(&p.rule, &entry.value),
            None => (Status::Unknown, Decimal::ZERO, Gap::Unknown),
        };
        let fresh: Vec<(Status, Decimal, Gap)> = if profiles.len() < PARALLEL_FROM {
            profiles.iter().map(credit_of).collect()
        } else {
            profiles.par_iter().map(credit_of).collect()
        };
        let rescore = |z: &mut ZoneResult| {
            let Some(&(status, credit, gap)) = fresh.get(z.zone.index()) else {
                return;
            };
            let old = z.items[k].clone();
            let new = ItemResult {
                factor,
                req: req_idx(k),
                importance: p.importance,
                status,
                credit,
                gap,
            };
            z.counts.remove(old.status);
            z.counts.add(status);
            // Met weights are integers: take the old item out and put the new one in.
            if old.status == Status::Met {
                z.met_weight -= old.importance.weight_units();
            }
            if status == Status::Met {
                z.met_weight += new.importance.weight_units();
            }
            let partial_changed = old.status == Status::Partial || status == Status::Partial;
            let must_changed = (old.importance == Importance::Must || new.importance == Importance::Must)
                && (old.importance != new.importance || old.status != new.status);
            z.items[k] = new;
            if partial_changed {
                // Added again in catalog order, as `score_zone` adds it, so the sum is the
                // same decimal to the last place.
                z.partial = z
                    .items
                    .iter()
                    .filter(|i| i.status == Status::Partial)
                    .map(|i| i.importance.weight() * i.credit)
                    .fold(Decimal::ZERO, |sum, x| sum + x);
            }
            if must_changed {
                z.failed_must = z
                    .items
                    .iter()
                    .filter(|i| i.importance == Importance::Must && i.status != Status::Met)
                    .map(|i| i.factor)
                    .collect();
                z.qualified = z.failed_must.is_empty();
            }
            z.score = self.score_of(z.met_weight, z.partial);
            z.completeness = self.completeness_of[z.counts.total() - z.counts.unknown];
        };
        sort_ranking(&mut ranking.zones, profiles, |zones| {
            if zones.len() < PARALLEL_FROM {
                zones.iter_mut().for_each(rescore);
            } else {
                zones.par_iter_mut().for_each(rescore);
            }
        });
        true
    }

    /// Scores every zone and ranks them. Large folders are scored and sorted on every core:
    /// the result is the same, since each zone is scored alone and the order is total.
    pub fn rank<P: AsRef<ZoneProfile> + Sync>(&self, profiles: &[P]) -> Ranking {
        use rayon::prelude::*;
        let score = |(i, p): (usize, &P)| self.score_zone(ZoneIdx::new(i), p.as_ref());
        let mut zones: Vec<ZoneResult> = if profiles.len() < PARALLEL_FROM {
            profiles.iter().enumerate().map(score).collect()
        } else {
            profiles.par_iter().enumerate().map(score).collect()
        };
        sort_ranking(&mut zones, profiles, |_| {});
        Ranking { zones }
    }
}

/// The index of the `k`-th scored requirement (a checklist holds at most one per factor, and
/// factors fit in `u16`).
fn req_idx(k: usize) -> ReqIdx {
    ReqIdx(u16::try_from(k).unwrap_or(u16::MAX))
}

/// Below this many zones one thread is faster than handing out work.
const PARALLEL_FROM: usize = 2048;

/// Runs `update` over the zones, then sorts them in rank order (on every core when many).
fn sort_ranking<P: AsRef<ZoneProfile> + Sync>(
    zones: &mut [ZoneResult],
    profiles: &[P],
    update: impl FnOnce(&mut [ZoneResult]),
) {
    use rayon::prelude::*;
    update(zones);
    let order = |a: &ZoneResult, b: &ZoneResult| rank_order(a, b, profiles);
    if zones.len() < PARALLEL_FROM {
        zones.sort_unstable_by(order);
    } else {
        zones.par_sort_unstable_by(order);
    }
}

/// Scores and ranks zones against a checklist in one call.
pub fn score<P: AsRef<ZoneProfile> + Sync>(
    catalog: &Catalog,
    checklist: &Checklist,
    profiles: &[P],
) -> Ranking {
    Scorer::new(catalog, checklist).rank(profiles)
}

/// The ranking rule (README § Scoring): qualified first, then score (desc), then fewer unknowns, then zone id.
pub fn rank_order<P: AsRef<ZoneProfile>>(a: &ZoneResult, b: &ZoneResult, profiles: &[P]) -> Ordering {
    let id = |r: &ZoneResult| {
        profiles
            .get(r.zone.index())
            .map_or("", |p| p.as_ref().id.as_str())
    };
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

/// The status, credit and gap of one known value against a prepared rule (the scoring rules, README § Scoring).
fn credit(rule: &Rule, offered: &Value) -> (Status, Decimal, Gap) {
    let met = (Status::Met, Decimal::ONE, Gap::None);
    let half = Decimal::new(5, 1);
    // A credit from a band: met at 1, unmet at 0, partial between.
    let banded = |s: Decimal, gap: Gap| {
        if s <= Decimal::ZERO {
            (Status::Unmet, Decimal::ZERO, gap)
        } else {
            (Status::Partial, s, gap)
        }
    };
    match (rule, offered) {
        (Rule::AtLeast { r, band, floor }, Value::Amount(q)) => {
            let x = q.canonical();
            if x >= *r {
                met
            } else if x <= *floor {
                (Status::Unmet, Decimal::ZERO, Gap::Short(r - x))
            } else {
                // floor < x < r, so the band is positive.
                banded((x - floor) / band, Gap::Short(r - x))
            }
        }
        (Rule::AtMost { r, band, ceiling }, Value::Amount(q)) => {
            let x = q.canonical();
            if x <= *r {
                met
            } else if r.is_zero() {
                // A requirement of 0 has no partial band.
                (Status::Unmet, Decimal::ZERO, Gap::Over(x))
            } else if x >= *ceiling {
                (Status::Unmet, Decimal::ZERO, Gap::Over(x - r))
            } else {
                banded((ceiling - x) / band, Gap::Over(x - r))
            }
        }
        (Rule::YesNo, Value::YesNo(answer)) => match answer {
            YesNo::Yes => met,
            YesNo::Planned(date) => (Status::Partial, half, Gap::Planned(*date)),
            YesNo::No => (Status::Unmet, Decimal::ZERO, Gap::No),
        },
        (Rule::Level(required), Value::Level(offered)) => {
            if offered >= required {
                met
            } else if required - offered == 1 {
                (Status::Partial, half, Gap::LevelsShort(1))
            } else {
                (Status::Unmet, Decimal::ZERO, Gap::LevelsShort(required - offered))
            }
        }
        (Rule::Set(required), Value::Set(held)) => {
            let have = required.iter().filter(|m| held.binary_search(m).is_ok()).count();
            let missing = required.len() - have;
            let gap = Gap::Missing(u16::try_from(missing).unwrap_or(u16::MAX));
            if missing == 0 {
                met
            } else if have == 0 {
                (Status::Unmet, Decimal::ZERO, gap)
            } else {
                let s = Decimal::from(have) / Decimal::from(required.len());
                (Status::Partial, s, gap)
            }
        }
        // A value of another kind cannot come out of the parsers; treat it as unknown.
        _ => (Status::Unknown, Decimal::ZERO, Gap::Unknown),
    }
}

#[cfg(test)]
mod tests;
