//! The category profile (DOMAIN §4): each catalog category's exact score, 100 · Σ wᵢsᵢ / Σ wᵢ
//! over the requested items of that category, or "not requested" when the checklist asks
//! nothing of it (never 0). The overall score is the mean of the category scores weighted by
//! each category's Σ wᵢ. For charts and comparisons: it never changes the score. Pure.

use super::{Exact, Status, ZoneResult};
use crate::model::{Catalog, CategoryIdx};

/// One category of one zone's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryScore {
    pub category: CategoryIdx,
    /// 100 · Σ wᵢsᵢ / Σ wᵢ over its requested items, exact; `None` when none is requested.
    pub score: Option<Exact>,
    /// Requested items of the category scored.
    pub items: usize,
    /// Among them, the items the zone has no value for (a category weak only for want of data
    /// reads so).
    pub unknown: usize,
    /// Σ wᵢ of its requested items: its weight in the overall score.
    pub weight: u32,
}

/// Every category of the catalog, in catalog order, for one zone: one pass over its items.
pub fn profile(catalog: &Catalog, zone: &ZoneResult) -> Vec<CategoryScore> {
    let mut out: Vec<(CategoryScore, Exact)> = catalog
        .categories()
        .map(|(category, _)| {
            let empty = CategoryScore {
                category,
                score: None,
                items: 0,
                unknown: 0,
                weight: 0,
            };
            (empty, Exact::ZERO)
        })
        .collect();
    for item in &zone.items {
        let Some((c, weighted)) = out.get_mut(catalog.factor(item.factor).category.index()) else {
            continue;
        };
        let w = item.importance.weight_units();
        c.items += 1;
        c.weight += w;
        if item.status == Status::Unknown {
            c.unknown += 1;
        } else {
            *weighted = weighted.add(&item.credit.mul_int(u128::from(w)));
        }
    }
    out.into_iter()
        .map(|(mut c, weighted)| {
            c.score = (c.weight > 0).then(|| weighted.mul_int(100).div_int(u128::from(c.weight)));
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Checklist, ZoneProfile};
    use crate::scoring::Scorer;

    /// The bundled zones and checklists, with 300 zones generated around them.
    fn zones(catalog: &Catalog) -> Vec<ZoneProfile> {
        let samples: Vec<ZoneProfile> = crate::assets::sample_profiles()
            .map(|(id, text)| crate::model::parse_profile(text, id, catalog).expect("sample"))
            .collect();
        let mut all = crate::synth::zones(catalog, &samples, 300, 7);
        all.extend(samples);
        all
    }

    fn checklists(catalog: &Catalog, zones: &[ZoneProfile]) -> Vec<Checklist> {
        let mut lists: Vec<Checklist> = crate::assets::SAMPLES
            .iter()
            .filter(|s| s.path.starts_with("checklists/"))
            .map(|s| crate::model::parse_checklist(s.text, catalog).expect("sample"))
            .collect();
        assert_eq!(lists.len(), 3);
        lists.extend((0..4).map(|seed| crate::synth::checklist(catalog, zones, seed)));
        lists
    }

    /// The checklist with only the items of one category.
    fn only(catalog: &Catalog, list: &Checklist, category: CategoryIdx) -> Checklist {
        let mut c = list.clone();
        for (f, factor) in catalog.factors() {
            if factor.category != category {
                c.set_item(f, None);
            }
        }
        c
    }

    #[test]
    fn each_category_scores_as_a_checklist_of_its_items_alone_and_they_average_to_the_score() {
        let catalog = Catalog::builtin().expect("catalog");
        let zones = zones(&catalog);
        let day = jiff::civil::date(2026, 11, 29);
        for list in checklists(&catalog, &zones) {
            let scorer = Scorer::new(&catalog, &list, day);
            let ranking = scorer.rank(&zones);
            // Brute force: each category scored by a scorer that sees only its items.
            let alone: Vec<(CategoryIdx, Scorer, bool)> = catalog
                .categories()
                .map(|(c, _)| {
                    let sub = only(&catalog, &list, c);
                    let asked = !Scorer::new(&catalog, &sub, day).requirements().is_empty();
                    (c, Scorer::new(&catalog, &sub, day), asked)
                })
                .collect();
            for z in &ranking.zones {
                let profile_of = profile(&catalog, z);
                let mut mean_num = Exact::ZERO;
                let mut total = 0u32;
                for (cat, (c, sub, asked)) in profile_of.iter().zip(&alone) {
                    assert_eq!(cat.category, *c);
                    let zone = &zones[z.zone.index()];
                    let expected = sub.score_zone(z.zone, zone);
                    if *asked {
                        assert_eq!(cat.score.as_ref(), Some(&expected.score), "{}", zone.id);
                        assert_eq!(cat.items, expected.items.len());
                        assert_eq!(cat.unknown, expected.counts.unknown);
                    } else {
                        assert_eq!(cat.score, None, "not requested, never 0");
                        assert_eq!(cat.items, 0);
                    }
                    if let Some(s) = &cat.score {
                        mean_num = mean_num.add(&s.mul_int(u128::from(cat.weight)));
                        total += cat.weight;
                    }
                }
                if total > 0 {
                    assert_eq!(
                        mean_num.div_int(u128::from(total)),
                        z.score,
                        "the weighted mean is the score"
                    );
                }
            }
        }
    }
}
