//! Scoring: how well each zone's inventory meets one checklist, item by item, exactly as
//! the scoring rules say (README § Scoring), and the ranking of the zones.
//!
//! Pure and exact: no egui, no files, no clock, no floats. Credits and scores are exact
//! rationals ([`Exact`]): a [`Scorer`] prepares the checklist once (each quantity requirement
//! as integers at a fixed decimal scale, and one common denominator for the weighted sum) and
//! then scores any number of zones in integer arithmetic without formatting text; [`explain`]
//! builds the words for the items a reader actually looks at.

pub mod exact;
pub mod explain;
pub mod index;
pub mod stability;
pub mod tier;

use std::cmp::Ordering;

use jiff::civil::Date;
use num_bigint::BigUint;
use num_traits::Zero;
use rust_decimal::Decimal;

pub use exact::Exact;
use exact::pow10;

use crate::model::{
    Catalog, Checklist, Entry, FactorIdx, Importance, Kind, Lang, Value, YesNo, ZoneIdx, ZoneProfile,
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
    weighted: Exact,
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
    AtLeast(Band),
    AtMost(Band),
    /// Yes required; a plan dated before `today` (the day of the ranking) is overdue.
    YesNo {
        today: Date,
    },
    Level(u16),
    Set {
        members: Vec<u16>,
        /// The members as bits, when every member id is below 128 (the index holds sets so).
        mask: Option<u128>,
    },
}

/// A quantity requirement r with tolerance t as integers: r = `rm`·10^−`rs`,
/// t = `tm`·10^−`ts`. At the scale `rs + ts` the requirement, the edge of the partial band
/// ((1 − t)·r below for `AtLeast`, (1 + t)·r above for `AtMost`) and the band t·r are all
/// whole numbers, so a credit (x − edge) / band or (edge − x) / band is a fraction of integers.
#[derive(Clone, Debug, PartialEq)]
struct Band {
    r: Decimal,
    rm: u128,
    rs: u32,
    tm: u128,
    ts: u32,
    /// (requirement, edge, band) at scale `rs + ts`, when they fit `u128`.
    ints: Option<(u128, u128, u128)>,
    /// When a planned amount counts (time-phased capacity).
    when: When,
}

/// The days a plan is judged against: the day of the ranking, and the investor's own planned
/// start (the checklist's `pipeline.planned_start`), when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct When {
    today: Date,
    start: Option<Date>,
}

/// What one zone offers for one requirement, read from a profile or from a [`index::ZoneIndex`].
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
    fn of_entry(entry: &'a Entry) -> Offer<'a> {
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

/// The weighted sum in integers: every credit of a requirement is a fraction over that
/// requirement's own denominator (its band at its scale, 2 for halves, the number of required
/// members for a set), so Σ wᵢsᵢ is one integer over their least common multiple.
#[derive(Clone, Debug)]
struct CommonDenominator {
    /// The least common multiple of every requirement's denominator.
    lcm: u128,
    /// Per requirement: its denominator, and wᵢ · lcm / denominator.
    per_req: Vec<(u128, u128)>,
}

/// Scores zones against one checklist. Build it once per checklist edit; it holds the
/// requirements converted into each factor's unit and the sum of weights.
#[derive(Clone, Debug)]
pub struct Scorer<'a> {
    catalog: &'a Catalog,
    items: Vec<Prepared>,
    /// Σ wᵢ, a small integer.
    total_weight: u32,
    /// `None` when the common denominator would overflow `u128`: every zone is then summed
    /// in big integers, slower and as exact.
    common: Option<CommonDenominator>,
    /// `completeness_of[k]` = 100·k / n for k known values of n items.
    completeness_of: Vec<Decimal>,
}

impl<'a> Scorer<'a> {
    /// Prepares the requested items of a checklist that have a value to score against, for a
    /// ranking made on `today` (a zone's yes/no planned before then is overdue and scores as
    /// no). The date comes from the caller: scoring reads no clock.
    pub fn new(catalog: &'a Catalog, checklist: &Checklist, today: Date) -> Self {
        let when = When {
            today,
            start: checklist.pipeline.planned_start,
        };
        let items: Vec<Prepared> = checklist
            .scored_items(catalog)
            .filter_map(|(factor, req, required)| {
                let rule = rule(catalog, factor, &required, when)?;
                Some(Prepared {
                    factor,
                    importance: req.importance,
                    required,
                    rule,
                })
            })
            .collect();
        let total_weight: u32 = items.iter().map(|p| p.importance.weight_units()).sum();
        let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
        let completeness_of = (0..=n)
            .map(|k| {
                if n == 0 {
                    Decimal::ZERO
                } else {
                    Decimal::ONE_HUNDRED * Decimal::from(k) / Decimal::from(n)
                }
            })
            .collect();
        Scorer {
            catalog,
            common: common_denominator(&items, total_weight),
            items,
            total_weight,
            completeness_of,
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
    /// The hot loop of every ranking: no text, no allocation but the item list, integer
    /// arithmetic only.
    pub fn score_zone(&self, zone: ZoneIdx, profile: &ZoneProfile) -> ZoneResult {
        self.score_offers(zone, |_, p| match profile.entry(p.factor) {
            Some(entry) => Offer::of_entry(entry),
            None => Offer::Unknown,
        })
    }

    /// Scores one zone from what it offers for each requirement (by position).
    fn score_offers<'o>(
        &self,
        zone: ZoneIdx,
        mut offer: impl FnMut(usize, &Prepared) -> Offer<'o>,
    ) -> ZoneResult {
        let mut items = Vec::with_capacity(self.items.len());
        let mut counts = Counts::default();
        let mut failed_must = Vec::new();
        for (k, p) in self.items.iter().enumerate() {
            let (status, credit, gap) = credit(&p.rule, offer(k, p));
            counts.add(status);
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
        let weighted = self.weighted_of(&items);
        let known = counts.total() - counts.unknown;
        ZoneResult {
            zone,
            score: self.score_of(&weighted),
            qualified: failed_must.is_empty(),
            failed_must,
            counts,
            completeness: self.completeness_of.get(known).copied().unwrap_or_default(),
            items,
            weighted,
        }
    }

    /// Σ wᵢsᵢ of scored items, exact. In the common case one integer over the checklist's
    /// common denominator (times 10^k when a zone's value has more decimals than the
    /// requirement's scale), so the sum is the same whatever the order of the items; anything
    /// that would overflow is added as exact fractions in big integers instead.
    fn weighted_of(&self, items: &[ItemResult]) -> Exact {
        self.common
            .as_ref()
            .and_then(|c| c.sum(items))
            .unwrap_or_else(|| {
                items
                    .iter()
                    .filter(|i| i.status != Status::Unknown)
                    .fold(Exact::ZERO, |sum, i| {
                        sum.add(&i.credit.mul_int(u128::from(i.importance.weight_units())))
                    })
            })
    }

    /// 100 · Σ wᵢsᵢ / Σ wᵢ, exact.
    fn score_of(&self, weighted: &Exact) -> Exact {
        if self.total_weight == 0 {
            return Exact::ZERO;
        }
        weighted.mul_int(100).div_int(u128::from(self.total_weight))
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
            Some(entry) => credit(&p.rule, Offer::of_entry(entry)),
            None => (Status::Unknown, Exact::ZERO, Gap::Unknown),
        };
        let fresh: Vec<(Status, Exact, Gap)> = if profiles.len() < PARALLEL_FROM {
            profiles.iter().map(credit_of).collect()
        } else {
            profiles.par_iter().map(credit_of).collect()
        };
        let rescore = |z: &mut ZoneResult| {
            let Some((status, credit, gap)) = fresh.get(z.zone.index()) else {
                return;
            };
            let old = &z.items[k];
            let must_changed = (old.importance == Importance::Must || p.importance == Importance::Must)
                && (old.importance != p.importance || old.status != *status);
            z.counts.remove(old.status);
            z.counts.add(*status);
            z.items[k] = ItemResult {
                factor,
                req: req_idx(k),
                importance: p.importance,
                status: *status,
                credit: credit.clone(),
                gap: *gap,
            };
            if must_changed {
                z.failed_must = z
                    .items
                    .iter()
                    .filter(|i| i.importance == Importance::Must && i.status != Status::Met)
                    .map(|i| i.factor)
                    .collect();
                z.qualified = z.failed_must.is_empty();
            }
            // The sum is over integers (or exact fractions): adding the items again after the
            // edit gives exactly what scoring the zone afresh gives.
            z.weighted = self.weighted_of(&z.items);
            z.score = self.score_of(&z.weighted);
            z.completeness = self
                .completeness_of
                .get(z.counts.total() - z.counts.unknown)
                .copied()
                .unwrap_or_default();
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

    /// Scores every zone from a columnar index of their values (built once when the folder
    /// was loaded, from `profiles` in this order) and ranks them: exactly [`Scorer::rank`],
    /// reading a few small arrays instead of every profile.
    pub fn rank_indexed<P: AsRef<ZoneProfile> + Sync>(
        &self,
        index: &index::ZoneIndex,
        profiles: &[P],
    ) -> Ranking {
        use rayon::prelude::*;
        if index.len() != profiles.len() {
            return self.rank(profiles);
        }
        let score = |(i, p): (usize, &P)| {
            self.score_offers(ZoneIdx::new(i), |_, req| {
                index
                    .offer(req.factor, i)
                    .unwrap_or_else(|| match p.as_ref().entry(req.factor) {
                        Some(entry) => Offer::of_entry(entry),
                        None => Offer::Unknown,
                    })
            })
        };
        let mut zones: Vec<ZoneResult> = if profiles.len() < PARALLEL_FROM {
            profiles.iter().enumerate().map(score).collect()
        } else {
            profiles.par_iter().enumerate().map(score).collect()
        };
        sort_ranking(&mut zones, profiles, |_| {});
        Ranking { zones }
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

impl CommonDenominator {
    /// Σ wᵢsᵢ of `items` as one integer over `lcm`·10^k; `None` when a credit is not over its
    /// requirement's denominator (times a power of ten) or a number would overflow.
    fn sum(&self, items: &[ItemResult]) -> Option<Exact> {
        let mut met: u128 = 0;
        let mut partial: u128 = 0;
        // Powers of ten beyond `lcm` in the denominator of `partial`.
        let mut k: u32 = 0;
        for i in items {
            match i.status {
                Status::Met => met += u128::from(i.importance.weight_units()),
                Status::Partial => {
                    let (num, den) = i.credit.small()?;
                    let &(base, mult) = self.per_req.get(i.req.index())?;
                    let e = if den == base {
                        0
                    } else {
                        power_of_ten(den.checked_div(base)?).filter(|_| den % base == 0)?
                    };
                    if e > k {
                        partial = partial.checked_mul(pow10(e - k)?)?;
                        k = e;
                    }
                    let term = num.checked_mul(mult)?.checked_mul(pow10(k - e)?)?;
                    partial = partial.checked_add(term)?;
                }
                Status::Unmet | Status::Unknown => {}
            }
        }
        let den = self.lcm.checked_mul(pow10(k)?)?;
        let num = met.checked_mul(den)?.checked_add(partial)?;
        // The score is 100·num / (Σw·den): keep it small only if that fits too.
        num.checked_mul(100)?;
        Some(Exact::ratio(num, den))
    }
}

/// `e` when `n` = 10^e.
fn power_of_ten(n: u128) -> Option<u32> {
    exact::POW10
        .iter()
        .position(|p| *p == n)
        .and_then(|e| u32::try_from(e).ok())
}

/// The common denominator of a checklist's credits, when it and Σw·100 times it fit `u128`.
fn common_denominator(items: &[Prepared], total_weight: u32) -> Option<CommonDenominator> {
    fn gcd(mut a: u128, mut b: u128) -> u128 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }
    let dens: Vec<u128> = items
        .iter()
        .map(|p| match &p.rule {
            Rule::AtLeast(b) | Rule::AtMost(b) => b.ints.map(|(_, _, band)| band).filter(|d| *d > 0),
            Rule::YesNo { .. } | Rule::Level(_) => Some(2),
            Rule::Set { members, .. } => u128::try_from(members.len()).ok().filter(|d| *d > 0),
        })
        .collect::<Option<_>>()?;
    let mut lcm: u128 = 1;
    for d in &dens {
        lcm = (lcm / gcd(lcm, *d)).checked_mul(*d)?;
    }
    lcm.checked_mul(u128::from(total_weight))?.checked_mul(100)?;
    let per_req = dens
        .iter()
        .zip(items)
        .map(|(d, p)| {
            Some((
                *d,
                (lcm / d).checked_mul(u128::from(p.importance.weight_units()))?,
            ))
        })
        .collect::<Option<_>>()?;
    Some(CommonDenominator { lcm, per_req })
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

/// Scores and ranks zones against a checklist in one call, on `today`.
pub fn score<P: AsRef<ZoneProfile> + Sync>(
    catalog: &Catalog,
    checklist: &Checklist,
    profiles: &[P],
    today: Date,
) -> Ranking {
    Scorer::new(catalog, checklist, today).rank(profiles)
}

/// The ranking rule (README § Scoring): qualified first, then exact score (desc), then fewer
/// unknowns, then zone id.
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

fn rule(catalog: &Catalog, factor: FactorIdx, required: &Value, when: When) -> Option<Rule> {
    let f = catalog.factor(factor);
    Some(match (&f.kind, required) {
        (Kind::AtLeast(m), Value::Amount(q)) => {
            Rule::AtLeast(Band::new(q.canonical(), m.tolerance, false, when))
        }
        (Kind::AtMost(m), Value::Amount(q)) => {
            Rule::AtMost(Band::new(q.canonical(), m.tolerance, true, when))
        }
        (Kind::YesNo, Value::YesNo(YesNo::Yes)) => Rule::YesNo { today: when.today },
        (Kind::Level(_), Value::Level(l)) => Rule::Level(*l),
        (Kind::Set(_), Value::Set(members)) if !members.is_empty() => Rule::Set {
            mask: members
                .iter()
                .try_fold(0u128, |m, i| (*i < 128).then(|| m | (1u128 << i))),
            members: members.clone(),
        },
        _ => return None,
    })
}

impl Band {
    /// The band of requirement `r` with tolerance `t`, above it (`AtMost`) or below.
    fn new(r: Decimal, t: Decimal, above: bool, when: When) -> Band {
        let (rm, rs) = (r.mantissa().unsigned_abs(), r.scale());
        let (tm, ts) = (t.mantissa().unsigned_abs(), t.scale());
        let ints = (|| {
            let one = pow10(ts)?;
            let req = rm.checked_mul(one)?;
            let edge = if above {
                one.checked_add(tm)?
            } else {
                one.checked_sub(tm)?
            };
            Some((req, edge.checked_mul(rm)?, tm.checked_mul(rm)?))
        })();
        Band {
            r,
            rm,
            rs,
            tm,
            ts,
            ints,
            when,
        }
    }

    /// A credit of ½ over this band's own denominator (times ten), so that the weighted sum
    /// stays one integer over the checklist's common denominator.
    fn half(&self) -> Exact {
        match self.ints {
            Some((_, _, band)) if band > 0 => match (band.checked_mul(5), band.checked_mul(10)) {
                (Some(num), Some(den)) => Exact::ratio(num, den),
                _ => Exact::HALF,
            },
            _ => Exact::HALF,
        }
    }
}

/// How a quantity compares with its band.
enum Banded<N> {
    Met,
    Unmet,
    /// Partial credit `num / den`.
    Partial(N, N),
}

/// Compares an amount (`xm`·10^−`xs`) with a band in `u128`; `None` when a number overflows.
fn banded_small(b: &Band, above: bool, xm: u128, xs: u32) -> Option<Banded<u128>> {
    let (req, edge, band) = b.ints?;
    let scale = b.rs + b.ts;
    let common = scale.max(xs);
    let up = pow10(common - scale)?;
    let x = xm.checked_mul(pow10(common - xs)?)?;
    let (req, edge, band) = (req.checked_mul(up)?, edge.checked_mul(up)?, band.checked_mul(up)?);
    Some(if above {
        if x <= req {
            Banded::Met
        } else if req == 0 || x >= edge {
            Banded::Unmet
        } else {
            Banded::Partial(edge - x, band)
        }
    } else if x >= req {
        Banded::Met
    } else if x <= edge {
        Banded::Unmet
    } else {
        Banded::Partial(x - edge, band)
    })
}

/// [`banded_small`] in big integers, for numbers `u128` cannot hold.
fn banded_big(b: &Band, above: bool, xm: u128, xs: u32) -> Banded<BigUint> {
    let ten = |n: u32| BigUint::from(10u8).pow(n);
    let common = (b.rs + b.ts).max(xs);
    let x = BigUint::from(xm) * ten(common - xs);
    let (rm, tm) = (BigUint::from(b.rm), BigUint::from(b.tm));
    // At scale `common`: r·10^common = rm·10^(common − rs), t·r likewise with both scales.
    let req = &rm * ten(common - b.rs);
    let band = &tm * &rm * ten(common - b.rs - b.ts);
    if above {
        let edge = &req + &band;
        if x <= req {
            Banded::Met
        } else if req.is_zero() || x >= edge {
            Banded::Unmet
        } else {
            Banded::Partial(edge - x, band)
        }
    } else {
        let edge = if band > req { BigUint::ZERO } else { &req - &band };
        if x >= req {
            Banded::Met
        } else if x <= edge {
            Banded::Unmet
        } else {
            Banded::Partial(x - edge, band)
        }
    }
}

/// The status, credit and gap of one offer against a prepared rule (the scoring rules,
/// README § Scoring), exact.
fn credit(rule: &Rule, offered: Offer) -> (Status, Exact, Gap) {
    let met = (Status::Met, Exact::ONE, Gap::None);
    match (rule, offered) {
        (_, Offer::Unknown) => (Status::Unknown, Exact::ZERO, Gap::Unknown),
        (Rule::AtLeast(b) | Rule::AtMost(b), Offer::Amount { mantissa, scale }) => {
            let above = matches!(rule, Rule::AtMost(_));
            let credit = match banded_small(b, above, mantissa, scale) {
                Some(Banded::Met) => return met,
                Some(Banded::Unmet) => None,
                Some(Banded::Partial(num, den)) => Some(Exact::ratio(num, den)),
                None => match banded_big(b, above, mantissa, scale) {
                    Banded::Met => return met,
                    Banded::Unmet => None,
                    Banded::Partial(num, den) => Some(Exact::big(num, den)),
                },
            };
            // The gap only for what falls short: x is below r for `AtLeast`, above for `AtMost`.
            let x = i128::try_from(mantissa)
                .ok()
                .and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
                .unwrap_or(Decimal::MAX);
            let gap = if above {
                Gap::Over(x.checked_sub(b.r).unwrap_or(x))
            } else {
                Gap::Short(b.r.checked_sub(x).unwrap_or(b.r))
            };
            match credit {
                Some(s) => (Status::Partial, s, gap),
                None => (Status::Unmet, Exact::ZERO, gap),
            }
        }
        (Rule::AtLeast(b) | Rule::AtMost(b), Offer::Phased { now, planned, by }) => {
            let amount = |(mantissa, scale)| Offer::Amount { mantissa, scale };
            let today = credit(rule, amount(now));
            if today.0 == Status::Met || credit(rule, amount(planned)).0 != Status::Met {
                // Met already, or the plan would not meet it either: today's amount decides.
                return today;
            }
            let short = match today.2 {
                Gap::Short(a) | Gap::Over(a) => a,
                _ => Decimal::ZERO,
            };
            if by < b.when.today {
                (today.0, today.1, Gap::PlanOverdue { by, short })
            } else if let Some(start) = b.when.start.filter(|s| *s > by) {
                (Status::Met, Exact::ONE, Gap::ReadyBeforeStart { by, start })
            } else {
                let half = b.half();
                let credit = if today.1 > half { today.1 } else { half };
                (Status::Partial, credit, Gap::PlannedAmount { by, short })
            }
        }
        (Rule::YesNo { today }, Offer::YesNo(answer)) => match answer {
            YesNo::Yes => met,
            YesNo::Planned(date) if date < *today => (Status::Unmet, Exact::ZERO, Gap::Overdue(date)),
            YesNo::Planned(date) => (Status::Partial, Exact::HALF, Gap::Planned(date)),
            YesNo::No => (Status::Unmet, Exact::ZERO, Gap::No),
        },
        (Rule::Level(required), Offer::Level(offered)) => {
            if offered >= *required {
                met
            } else if required - offered == 1 {
                (Status::Partial, Exact::HALF, Gap::LevelsShort(1))
            } else {
                (Status::Unmet, Exact::ZERO, Gap::LevelsShort(required - offered))
            }
        }
        (Rule::Set { members, mask }, held) => {
            let have = match (held, mask) {
                (Offer::Mask(h), Some(m)) => (h & m).count_ones() as usize,
                (Offer::Set(h), _) => members.iter().filter(|m| h.binary_search(m).is_ok()).count(),
                // A set offer of another form cannot be built; treat it as unknown.
                _ => return (Status::Unknown, Exact::ZERO, Gap::Unknown),
            };
            let missing = members.len() - have;
            let gap = Gap::Missing(u16::try_from(missing).unwrap_or(u16::MAX));
            if missing == 0 {
                met
            } else if have == 0 {
                (Status::Unmet, Exact::ZERO, gap)
            } else {
                (
                    Status::Partial,
                    Exact::ratio(have as u128, members.len() as u128),
                    gap,
                )
            }
        }
        // A value of another kind cannot come out of the parsers; treat it as unknown.
        _ => (Status::Unknown, Exact::ZERO, Gap::Unknown),
    }
}

/// The status of one profile entry against a requirement, as a checklist requiring it would
/// score it on `today` for an investor starting on `start` (for readiness tiers).
pub(crate) fn status_of(
    catalog: &Catalog,
    factor: FactorIdx,
    required: &Value,
    offered: &Entry,
    today: Date,
    start: Option<Date>,
) -> Option<Status> {
    let when = When { today, start };
    rule(catalog, factor, required, when).map(|r| credit(&r, Offer::of_entry(offered)).0)
}

#[cfg(test)]
mod tests;
