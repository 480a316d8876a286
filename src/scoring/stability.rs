//! How firm a ranking is: the smallest change of one item's importance that would swap two
//! neighbours ("第一名稳不稳？").
//!
//! For a weighted sum this has a closed form. With N = Σ wᵢsᵢ (a zone's weighted credits) and
//! W = Σ wᵢ, a zone's score is 100·N / W. Changing the weight of item k by δ changes every
//! zone's N by δ·s_k and W by δ for all zones alike, so zone A, ahead of B on score, falls
//! behind it when N_A + δ·s_Ak < N_B + δ·s_Bk, that is when δ·(s_Bk − s_Ak) > N_A − N_B
//! = W·(S_A − S_B) / 100. Each candidate change is therefore judged in constant time, exactly,
//! without scoring anything again. Weights come from importances (high 3, medium 2, low 1, not
//! needed 0), so the candidates are the other importances of each item, smallest change first.
//! A must-have is a gate, not a weight, and is left as it is.
//!
//! Pure: ranking results in, a finding out.

use std::cmp::Ordering;

use super::{Exact, Prepared, Status, ZoneResult};
use crate::model::{Catalog, FactorIdx, Importance, Lang, ZoneIdx, ZoneProfile};

/// The importances a non-must item may be given instead of its own.
const WEIGHTS: [Importance; 4] = [
    Importance::High,
    Importance::Medium,
    Importance::Low,
    Importance::NotNeeded,
];

/// One change of one item's importance that puts `behind` ahead of `ahead`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flip {
    pub factor: FactorIdx,
    pub from: Importance,
    pub to: Importance,
    /// The zone ranked higher now.
    pub ahead: ZoneIdx,
    /// The zone that would pass it.
    pub behind: ZoneIdx,
}

/// Whether the zone ranked `a` stays ahead of the one ranked `b` under every change of one
/// item's importance; the smallest change that swaps them otherwise (by how much the weight
/// moves, then in catalog order).
pub fn flip<P: AsRef<ZoneProfile>>(
    requirements: &[Prepared],
    a: &ZoneResult,
    b: &ZoneResult,
    profiles: &[P],
) -> Option<Flip> {
    let total: u32 = requirements.iter().map(|p| p.importance.weight_units()).sum();
    let mut candidates: Vec<(u32, usize, Importance)> = requirements
        .iter()
        .enumerate()
        .filter(|(_, p)| p.importance != Importance::Must)
        .flat_map(|(k, p)| {
            WEIGHTS
                .into_iter()
                .filter(move |to| *to != p.importance)
                .map(move |to| (p.importance.weight_units().abs_diff(to.weight_units()), k, to))
        })
        .collect();
    // Smallest change first; requirements are in catalog order, so ties go in catalog order.
    candidates.sort_by_key(|(delta, k, to)| (*delta, *k, std::cmp::Reverse(to.weight_units())));
    candidates.into_iter().find_map(|(_, k, to)| {
        let p = requirements.get(k)?;
        (order_after(p, total, a, b, k, to, profiles) == Ordering::Greater).then_some(Flip {
            factor: p.factor,
            from: p.importance,
            to,
            ahead: a.zone,
            behind: b.zone,
        })
    })
}

/// The first place's finding: `None` with fewer than two zones ranked; else the change that
/// would put the second ahead of the first, if one does.
pub fn first_place<P: AsRef<ZoneProfile>>(
    requirements: &[Prepared],
    zones: &[ZoneResult],
    profiles: &[P],
) -> Option<Option<Flip>> {
    match zones {
        [first, second, ..] => Some(flip(requirements, first, second, profiles)),
        _ => None,
    }
}

/// The first place's finding in words, for the results view, the table and the report.
pub fn first_place_text<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    finding: Option<&Flip>,
    profiles: &[P],
    lang: Lang,
) -> String {
    let Some(f) = finding else {
        return match lang {
            Lang::Zh => "第一名稳定：任何一项要素的重要性单独调整，都不会改变前两名的次序。".into(),
            Lang::En => {
                "First place is firm: no change to the importance of any one factor alters the top two."
                    .into()
            }
        };
    };
    let name = |z: ZoneIdx| {
        profiles
            .get(z.index())
            .map_or_else(String::new, |p| p.as_ref().name.get(lang).to_owned())
    };
    let factor = catalog.factor(f.factor).name.get(lang);
    match lang {
        Lang::Zh => format!(
            "第一名不稳：若把“{factor}”的重要性由“{}”改为“{}”，{}（第二名）将超过{}。",
            f.from.label(lang),
            f.to.label(lang),
            name(f.behind),
            name(f.ahead)
        ),
        Lang::En => format!(
            "First place is close: making \"{factor}\" {} instead of {} would put {} ahead of {}.",
            f.to.label(lang).to_lowercase(),
            f.from.label(lang).to_lowercase(),
            name(f.behind),
            name(f.ahead)
        ),
    }
}

/// How `a` and `b` would rank (as [`super::rank_order`]: `Less` when `a` is ahead) with the
/// importance of requirement `k` (`p`, of a checklist weighing `total` in all) changed to
/// `to`, from their results alone.
fn order_after<P: AsRef<ZoneProfile>>(
    p: &Prepared,
    total: u32,
    a: &ZoneResult,
    b: &ZoneResult,
    k: usize,
    to: Importance,
    profiles: &[P],
) -> Ordering {
    let (w, w2) = (
        u128::from(p.importance.weight_units()),
        u128::from(to.weight_units()),
    );
    // The checklist would score nothing at all: no ranking to swap.
    if (u128::from(total) + w2).saturating_sub(w) == 0 {
        return Ordering::Less;
    }
    let after = |z: &ZoneResult| -> (Exact, usize) {
        let Some(item) = z.items.get(k) else {
            return (z.weighted().clone(), z.counts.unknown);
        };
        let weighted = z
            .weighted()
            .sub(&item.credit.mul_int(w))
            .add(&item.credit.mul_int(w2));
        let dropped_unknown = to == Importance::NotNeeded && item.status == Status::Unknown;
        (weighted, z.counts.unknown - usize::from(dropped_unknown))
    };
    let ((na, ua), (nb, ub)) = (after(a), after(b));
    let id = |z: &ZoneResult| {
        profiles
            .get(z.zone.index())
            .map_or("", |p| p.as_ref().id.as_str())
    };
    // Qualification does not change: must-haves are left alone. Every zone shares the new Σw,
    // so the weighted credits compare as the scores do.
    b.qualified
        .cmp(&a.qualified)
        .then_with(|| nb.cmp(&na))
        .then_with(|| ua.cmp(&ub))
        .then_with(|| id(a).cmp(id(b)))
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;
    use proptest::prelude::*;

    use super::*;
    use crate::model::{Checklist, parse_checklist, parse_profile};
    use crate::scoring::Scorer;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("catalog")
    }

    /// The sample zones of the repository, embedded in the program.
    fn samples(c: &Catalog) -> Vec<ZoneProfile> {
        crate::assets::sample_profiles()
            .map(|(id, text)| parse_profile(text, id, c).expect("a sample parses"))
            .collect()
    }

    fn day() -> Date {
        Date::new(2026, 6, 30).expect("date")
    }

    fn checklist(c: &Catalog, items: &str) -> Checklist {
        parse_checklist(
            &format!("Checklist(project: \"t\", industry: \"C38\", items: {{ {items} }})"),
            c,
        )
        .expect("checklist")
    }

    fn zone(c: &Catalog, id: &str, factors: &str) -> ZoneProfile {
        parse_profile(
            &format!("ZoneProfile(name: (zh: \"{id}\", en: \"{id}\"), as_of: \"2024-01-01\", factors: {{ {factors} }})"),
            id,
            c,
        )
        .expect("profile")
    }

    /// Worked by hand: land (high, 3) and rail (low, 1). `a` has the land, not the rail:
    /// N = 3, score 75. `b` has the rail and half the land (credit 1/2 at 75 of 100 mu with
    /// tolerance 0.5): N = 3·1/2 + 1 = 2.5, score 62.5. Rail high (δ = 2): N_a = 3, N_b = 4.5,
    /// b ahead. Rail medium (δ = 1): 3 against 3.5, b ahead already; that is the smallest.
    #[test]
    fn the_smallest_weight_change_that_swaps_the_top_two_by_hand() {
        let c = catalog();
        let list = checklist(
            &c,
            r#""land.industrial_area": (required: "100 mu", importance: High),
               "transport.rail_freight": (required: Yes, importance: Low)"#,
        );
        let zones = [
            zone(
                &c,
                "a",
                r#""land.industrial_area": (value: "100 mu", source: "s"), "transport.rail_freight": (value: No, source: "s")"#,
            ),
            zone(
                &c,
                "b",
                r#""land.industrial_area": (value: "75 mu", source: "s"), "transport.rail_freight": (value: Yes, source: "s")"#,
            ),
        ];
        let scorer = Scorer::new(&c, &list, day());
        let ranking = scorer.rank(&zones);
        assert_eq!(ranking.zones[0].score.fixed(1), "75.0");
        assert_eq!(ranking.zones[1].score.fixed(1), "62.5");
        let flip = first_place(scorer.requirements(), &ranking.zones, &zones)
            .expect("two zones")
            .expect("a change swaps them");
        assert_eq!(
            (c.factor(flip.factor).id.as_str(), flip.from, flip.to),
            ("transport.rail_freight", Importance::Low, Importance::Medium)
        );
        assert_eq!((flip.ahead.index(), flip.behind.index()), (0, 1));
        assert_eq!(
            first_place_text(&c, Some(&flip), &zones, Lang::Zh),
            "第一名不稳：若把“铁路专用线或货运站”的重要性由“低”改为“中”，b（第二名）将超过a。"
        );
        assert_eq!(
            first_place_text(&c, Some(&flip), &zones, Lang::En),
            "First place is close: making \"Rail spur or freight station\" medium instead of low would put b ahead of a."
        );
    }

    #[test]
    fn a_lead_no_single_weight_change_overturns_is_stable() {
        let c = catalog();
        let list = checklist(
            &c,
            r#""land.industrial_area": (required: "100 mu", importance: High),
               "transport.rail_freight": (required: Yes, importance: Low)"#,
        );
        let zones = [
            zone(
                &c,
                "a",
                r#""land.industrial_area": (value: "100 mu", source: "s"), "transport.rail_freight": (value: Yes, source: "s")"#,
            ),
            zone(
                &c,
                "b",
                r#""land.industrial_area": (value: "90 mu", source: "s")"#,
            ),
        ];
        let scorer = Scorer::new(&c, &list, day());
        let ranking = scorer.rank(&zones);
        assert_eq!(
            first_place(scorer.requirements(), &ranking.zones, &zones),
            Some(None)
        );
        assert_eq!(
            first_place(scorer.requirements(), &ranking.zones[..1], &zones),
            None
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The closed form agrees with scoring afresh: for synthetic checklists and zones, the
        /// first change (smallest first, catalog order) that swaps the top two when the whole
        /// checklist is scored again with that importance is the one found.
        #[test]
        fn the_closed_form_agrees_with_scoring_again(seed in 0u64..10_000) {
            let c = catalog();
            let samples = samples(&c);
            let list = crate::synth::checklist(&c, &samples, seed);
            let zones = crate::synth::zones(&c, &samples, 6, seed);
            let scorer = Scorer::new(&c, &list, day());
            let ranking = scorer.rank(&zones);
            prop_assume!(ranking.zones.len() >= 2);
            let (a, b) = (&ranking.zones[0], &ranking.zones[1]);
            let found = flip(scorer.requirements(), a, b, &zones);

            let mut candidates: Vec<(u32, FactorIdx, Importance, Importance)> = Vec::new();
            for p in scorer.requirements() {
                if p.importance == Importance::Must {
                    continue;
                }
                for to in WEIGHTS {
                    if to != p.importance {
                        let delta = p.importance.weight_units().abs_diff(to.weight_units());
                        candidates.push((delta, p.factor, p.importance, to));
                    }
                }
            }
            candidates.sort_by_key(|(d, f, _, to)| (*d, *f, std::cmp::Reverse(to.weight_units())));
            let pair = [zones[a.zone.index()].clone(), zones[b.zone.index()].clone()];
            let brute = candidates.into_iter().find_map(|(_, factor, from, to)| {
                let mut changed = list.clone();
                changed.item_mut(factor)?.importance = to;
                let again = Scorer::new(&c, &changed, day());
                let r = again.rank(&pair);
                // Nothing scored: no ranking to swap.
                if again.total_weight() == 0 {
                    return None;
                }
                (r.zones[0].zone.index() == 1).then_some((factor, from, to))
            });
            prop_assert_eq!(found.map(|f| (f.factor, f.from, f.to)), brute);
        }
    }
}
