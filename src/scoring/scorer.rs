//! The [`Scorer`]: a checklist prepared once, then zones scored from their profiles or from
//! the index, one factor rescored after an edit, and the zones ranked. Applies the rules of
//! `rule`; builds no text. Pure: no files, no clock.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::denominator::{CommonDenominator, common_denominator};
use super::offer::Offer;
use super::ranking::{PARALLEL_FROM, sort_ranking};
use super::result::req_idx;
use super::rule::{Prepared, When, credit, rule};
use super::{Counts, Exact, Gap, ItemResult, Ranking, Status, ZoneResult, index};
use crate::model::{Catalog, Checklist, FactorIdx, Importance, Requirement, Value, ZoneIdx, ZoneProfile};

/// Scores zones against one checklist. Build it once per checklist edit; it holds the
/// requirements converted into each factor's unit and the sum of weights.
#[derive(Clone, Debug)]
pub struct Scorer<'a> {
    catalog: &'a Catalog,
    items: Vec<Prepared>,
    /// The items marked not needed that still carry a requirement: not scored, but the first
    /// place's firmness asks what raising one of them would do.
    dormant: Vec<Prepared>,
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
        let prepare = |(factor, req, required): (FactorIdx, &Requirement, Value)| {
            let rule = rule(catalog, factor, &required, when)?;
            Some(Prepared {
                factor,
                importance: req.importance,
                required,
                rule,
            })
        };
        let items: Vec<Prepared> = checklist.scored_items(catalog).filter_map(prepare).collect();
        let dormant: Vec<Prepared> = checklist
            .items()
            .filter(|(_, r)| r.importance == Importance::NotNeeded)
            .filter_map(|(f, r)| Some((f, r, checklist.required_value(catalog, f)?)))
            .filter_map(prepare)
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
            dormant,
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

    /// The items marked not needed that carry a requirement all the same, in catalog order
    /// (see [`super::stability`]).
    pub fn dormant(&self) -> &[Prepared] {
        &self.dormant
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
