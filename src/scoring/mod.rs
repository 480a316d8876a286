//! Scoring: how well each zone's inventory meets one checklist, item by item, exactly as
//! the scoring rules say (README § Scoring), and the ranking of the zones.
//!
//! Pure and exact: no egui, no files, no clock, no floats. Credits and scores are exact
//! rationals ([`Exact`]): a [`Scorer`] prepares the checklist once (each quantity requirement
//! as integers at a fixed decimal scale, and one common denominator for the weighted sum) and
//! then scores any number of zones in integer arithmetic without formatting text; [`explain`]
//! builds the words for the items a reader actually looks at.

pub mod category;
pub mod exact;
pub mod explain;
pub mod index;
pub mod stability;
pub mod texts;
pub mod tier;

mod denominator;
mod offer;
mod ranking;
mod result;
mod rule;
mod scorer;

use jiff::civil::Date;

pub use exact::Exact;
use offer::Offer;
pub use ranking::{Ranking, rank_order};
pub use result::{Counts, Gap, ItemResult, ReqIdx, Status, ZoneResult};
pub use rule::Prepared;
pub(crate) use rule::status_of;
pub use scorer::Scorer;

use crate::model::{Catalog, Checklist, ZoneProfile};

/// Scores and ranks zones against a checklist in one call, on `today`.
pub fn score<P: AsRef<ZoneProfile> + Sync>(
    catalog: &Catalog,
    checklist: &Checklist,
    profiles: &[P],
    today: Date,
) -> Ranking {
    Scorer::new(catalog, checklist, today).rank(profiles)
}

#[cfg(test)]
mod tests;
