//! The ranking: the zones in rank order, the ranking rule with its tie-breaks (README
//! § Scoring), and the sort, on every core for large folders. Orders results; scores nothing.
//! Pure.

use std::cmp::Ordering;

use super::ZoneResult;
use crate::model::{ZoneIdx, ZoneProfile};

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

/// Below this many zones one thread is faster than handing out work.
pub(super) const PARALLEL_FROM: usize = 2048;

/// Runs `update` over the zones, then sorts them in rank order (on every core when many).
pub(super) fn sort_ranking<P: AsRef<ZoneProfile> + Sync>(
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
