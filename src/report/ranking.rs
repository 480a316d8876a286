//! The ranking as a reader sees it: zones in rank order with their figures and, for each, the
//! item-by-item explanation. Built once from a scorer's ranking; renderers only lay it out.

use std::ops::Range;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::{Checklist, Importance, Lang, ZoneProfile};
use crate::scoring::explain::{ItemTexts, item_texts};
use crate::scoring::stability::{first_place, first_place_text};
use crate::scoring::{Counts, Exact, Ranking, Scorer, ZoneResult};

/// One scored item of one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    pub factor_id: String,
    pub importance: Importance,
    pub credit: Exact,
    pub texts: ItemTexts,
}

/// One ranked zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneRow {
    pub rank: usize,
    pub id: String,
    pub name: String,
    /// Exact; shown rounded half up to one place.
    pub score: Exact,
    pub qualified: bool,
    /// The must-haves not met: (factor id, factor name).
    pub failed_must: Vec<(String, String)>,
    pub counts: Counts,
    pub completeness: Decimal,
    /// `可供工业用地面积：差 77 亩`: the item that costs the score most.
    pub largest_gap: Option<String>,
    /// The zone's readiness tier on the day: (tier id, tier name).
    pub tier: Option<(String, String)>,
    /// The category profile: each catalog category's exact score, in catalog order.
    pub categories: Vec<CategoryRow>,
    pub items: Vec<ItemRow>,
}

/// One category of a zone's profile as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryRow {
    pub id: String,
    pub name: String,
    /// Exact, shown like the zone's score; `None` when the checklist asks nothing of it.
    pub score: Option<Exact>,
    pub items: usize,
    pub unknown: usize,
}

/// A ranking with every text in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankingReport {
    pub lang: Lang,
    pub project: String,
    pub investor: String,
    /// `C38 电气机械和器材制造业`.
    pub industry: Option<String>,
    /// Items scored (requested, with a value to score against).
    pub scored: usize,
    /// Items requested but with no required value yet, so not scored.
    pub unstated: usize,
    pub zones: Vec<ZoneRow>,
    /// Whether one change of one item's importance would swap the top two, in words (`None`
    /// with fewer than two zones).
    pub first_place: Option<String>,
    /// The catalog's categories, which the exports give a column each (the category profile).
    pub categories: Vec<crate::model::Category>,
}

impl RankingReport {
    /// Builds the report of a ranking. `profiles` is the slice the ranking was scored on;
    /// `today` decides which figures are due or stale (past their update period).
    pub fn build<P: AsRef<ZoneProfile> + Sync>(
        scorer: &Scorer,
        checklist: &Checklist,
        ranking: &Ranking,
        profiles: &[P],
        lang: Lang,
        today: Date,
    ) -> Self {
        RankingReport::build_with(scorer, checklist, ranking, profiles, Items::Every, lang, today)
    }

    /// Like [`RankingReport::build`]; with [`Items::None`] the rows carry no items (a ranking
    /// table without details), which is most of the work at scale.
    pub fn build_with<P: AsRef<ZoneProfile> + Sync>(
        scorer: &Scorer,
        checklist: &Checklist,
        ranking: &Ranking,
        profiles: &[P],
        items: Items,
        lang: Lang,
        today: Date,
    ) -> Self {
        let mut report = RankingReport::header(scorer, checklist, lang);
        report.zones = zone_rows_with(
            scorer,
            ranking,
            profiles,
            0..ranking.zones.len(),
            items,
            lang,
            today,
        );
        report.first_place = first_place(scorer.requirements(), scorer.dormant(), &ranking.zones, profiles)
            .map(|finding| first_place_text(scorer.catalog(), finding.as_ref(), profiles, lang));
        report
    }

    /// The report's own fields with no zones yet, for writers that take the zones a chunk at
    /// a time ([`zone_rows`]).
    pub fn header(scorer: &Scorer, checklist: &Checklist, lang: Lang) -> Self {
        let catalog = scorer.catalog();
        let requested = checklist
            .items()
            .filter(|(_, r)| r.importance.is_requested())
            .count();
        RankingReport {
            lang,
            project: checklist.project.clone(),
            investor: checklist.investor.clone(),
            industry: checklist.industry.map(|i| catalog.industries().label(i, lang)),
            scored: scorer.requirements().len(),
            unstated: requested.saturating_sub(scorer.requirements().len()),
            zones: Vec::new(),
            first_place: None,
            categories: catalog.category_list().to_vec(),
        }
    }
}

/// Below this many zones one thread builds the rows faster than handing out work.
const PARALLEL_FROM: usize = 256;

/// The rows of the zones ranked at positions `ranks` (0-based), in rank order; built on every
/// core when there are many.
pub fn zone_rows<P: AsRef<ZoneProfile> + Sync>(
    scorer: &Scorer,
    ranking: &Ranking,
    profiles: &[P],
    ranks: Range<usize>,
    lang: Lang,
    today: Date,
) -> Vec<ZoneRow> {
    zone_rows_with(scorer, ranking, profiles, ranks, Items::Every, lang, today)
}

/// Whether a zone's row carries the words of every item, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Items {
    Every,
    /// Only the summary: rank, score, counts, failed must-haves, the largest gap.
    None,
}

/// [`zone_rows`], with or without the items.
pub fn zone_rows_with<P: AsRef<ZoneProfile> + Sync>(
    scorer: &Scorer,
    ranking: &Ranking,
    profiles: &[P],
    ranks: Range<usize>,
    items: Items,
    lang: Lang,
    today: Date,
) -> Vec<ZoneRow> {
    use rayon::prelude::*;
    let ranks = ranks.start.min(ranking.zones.len())..ranks.end.min(ranking.zones.len());
    let row = |i: usize| zone_row(scorer, &ranking.zones[i], i + 1, profiles, items, lang, today);
    if ranks.len() < PARALLEL_FROM {
        ranks.filter_map(row).collect()
    } else {
        ranks.into_par_iter().filter_map(row).collect()
    }
}

/// One ranked zone as a reader sees it.
fn zone_row<P: AsRef<ZoneProfile>>(
    scorer: &Scorer,
    result: &ZoneResult,
    rank: usize,
    profiles: &[P],
    with_items: Items,
    lang: Lang,
    today: Date,
) -> Option<ZoneRow> {
    let catalog = scorer.catalog();
    let profile = profiles.get(result.zone.index())?.as_ref();
    let row = |item: &crate::scoring::ItemResult| {
        let req = scorer.requirement_of(item)?;
        Some(ItemRow {
            factor_id: catalog.factor(item.factor).id.clone(),
            importance: item.importance,
            credit: item.credit.clone(),
            texts: item_texts(catalog, req, item, profile, lang, today),
        })
    };
    let items: Vec<ItemRow> = match with_items {
        Items::Every => result.items.iter().filter_map(row).collect(),
        Items::None => Vec::new(),
    };
    let largest_gap = result.largest_gap().and_then(|gap| {
        let own;
        let texts = match items
            .iter()
            .find(|r| r.factor_id == catalog.factor(gap.factor).id)
        {
            Some(r) => &r.texts,
            None => {
                own = row(gap)?;
                &own.texts
            }
        };
        Some(format!(
            "{}{}{}",
            texts.factor,
            super::texts::TEXTS.get(lang).gap_separator,
            texts.gap.as_deref().unwrap_or("")
        ))
    });
    Some(ZoneRow {
        rank,
        id: profile.id.clone(),
        name: profile.name.get(lang).to_owned(),
        score: result.score.clone(),
        qualified: result.qualified,
        failed_must: result
            .failed_must
            .iter()
            .map(|f| {
                let factor = catalog.factor(*f);
                (factor.id.clone(), factor.name.get(lang).to_owned())
            })
            .collect(),
        counts: result.counts,
        completeness: result.completeness,
        largest_gap,
        tier: crate::scoring::tier::readiness(catalog, profile, today)
            .map(|r| r.tier)
            .map(|t| (t.id.clone(), t.name.get(lang).to_owned())),
        categories: crate::scoring::category::profile(catalog, result)
            .into_iter()
            .map(|c| {
                let category = catalog.category(c.category);
                CategoryRow {
                    id: category.id.clone(),
                    name: category.name.get(lang).to_owned(),
                    score: c.score,
                    items: c.items,
                    unknown: c.unknown,
                }
            })
            .collect(),
        items,
    })
}
