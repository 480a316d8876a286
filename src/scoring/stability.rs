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
//! An item marked not needed that still carries a requirement is a candidate too (raised to
//! low, medium or high: the likeliest "what if" an officer asks): its credit s_k is scored for
//! the two zones alone, and W grows by its new weight. A must-have is a gate, not a weight,
//! and is left as it is. A change that only ties the two counts when the tie-break (fewer
//! unknowns, then the id) puts the second ahead.
//!
//! Pure: ranking results in, a finding out.

use std::cmp::Ordering;

use super::offer::Offer;
use super::rule::credit;
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
/// item's importance, among the scored `requirements` and the `dormant` items (not needed,
/// with a requirement); the smallest change that swaps them otherwise (by how much the weight
/// moves, then in catalog order).
pub fn flip<P: AsRef<ZoneProfile>>(
    requirements: &[Prepared],
    dormant: &[Prepared],
    a: &ZoneResult,
    b: &ZoneResult,
    profiles: &[P],
) -> Option<Flip> {
    let total: u32 = requirements.iter().map(|p| p.importance.weight_units()).sum();
    let scored = requirements
        .iter()
        .enumerate()
        .filter(|(_, p)| p.importance != Importance::Must)
        .map(|(k, p)| (Some(k), p));
    let raised = dormant.iter().map(|p| (None, p));
    let mut candidates: Vec<(u32, Option<usize>, &Prepared, Importance)> = scored
        .chain(raised)
        .flat_map(|(k, p)| {
            WEIGHTS
                .into_iter()
                .filter(move |to| *to != p.importance)
                .map(move |to| (p.importance.weight_units().abs_diff(to.weight_units()), k, p, to))
        })
        .collect();
    // Smallest change first, then in catalog order.
    candidates.sort_by_key(|(delta, _, p, to)| (*delta, p.factor, std::cmp::Reverse(to.weight_units())));
    candidates.into_iter().find_map(|(_, k, p, to)| {
        let change = Change { p, k, to, total };
        (change.order(a, b, profiles) == Ordering::Greater).then_some(Flip {
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
    dormant: &[Prepared],
    zones: &[ZoneResult],
    profiles: &[P],
) -> Option<Option<Flip>> {
    match zones {
        [first, second, ..] => Some(flip(requirements, dormant, first, second, profiles)),
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
    let t = super::texts::TEXTS.get(lang);
    let Some(f) = finding else {
        return t.first_place_firm.to_owned();
    };
    let name = |z: ZoneIdx| {
        profiles
            .get(z.index())
            .map_or_else(String::new, |p| p.as_ref().name.get(lang).to_owned())
    };
    let factor = catalog.factor(f.factor).name.get(lang);
    (t.first_place_close)(
        factor,
        f.from.label(lang),
        f.to.label(lang),
        &name(f.behind),
        &name(f.ahead),
    )
}

/// One item's importance changed to `to`: requirement `k` of those scored (of a checklist
/// weighing `total` in all), or, with no `k`, an item not scored until now.
struct Change<'p> {
    p: &'p Prepared,
    k: Option<usize>,
    to: Importance,
    total: u32,
}

impl Change<'_> {
    /// How `a` and `b` would rank (as [`super::rank_order`]: `Less` when `a` is ahead) after
    /// the change, from their results alone (and, for an item not scored, its credit in their
    /// two profiles).
    fn order<P: AsRef<ZoneProfile>>(&self, a: &ZoneResult, b: &ZoneResult, profiles: &[P]) -> Ordering {
        let (w, w2) = (
            u128::from(self.p.importance.weight_units()),
            u128::from(self.to.weight_units()),
        );
        // The checklist would score nothing at all: no ranking to swap.
        if (u128::from(self.total) + w2).saturating_sub(w) == 0 {
            return Ordering::Less;
        }
        let profile = |z: &ZoneResult| profiles.get(z.zone.index()).map(AsRef::as_ref);
        let after = |z: &ZoneResult| -> (Exact, usize) {
            let (status, credit) = match self.k {
                Some(k) => match z.items.get(k) {
                    Some(item) => (item.status, item.credit.clone()),
                    None => return (z.weighted().clone(), z.counts.unknown),
                },
                None => {
                    let offer = match profile(z).and_then(|p| p.entry(self.p.factor)) {
                        Some(entry) => Offer::of_entry(entry),
                        None => Offer::Unknown,
                    };
                    let (status, credit, _) = credit(&self.p.rule, offer);
                    (status, credit)
                }
            };
            let weighted = z.weighted().sub(&credit.mul_int(w)).add(&credit.mul_int(w2));
            let unknown = status == Status::Unknown;
            let counted = match self.k {
                // A scored item dropped to not needed no longer counts as unknown.
                Some(_) => z.counts.unknown - usize::from(unknown && self.to == Importance::NotNeeded),
                // An item scored for the first time counts as unknown where it is.
                None => z.counts.unknown + usize::from(unknown),
            };
            (weighted, counted)
        };
        let ((na, ua), (nb, ub)) = (after(a), after(b));
        let id = |z: &ZoneResult| profile(z).map_or("", |p| p.id.as_str());
        // Qualification does not change: must-haves are left alone. Every zone shares the new
        // Σw, so the weighted credits compare as the scores do.
        b.qualified
            .cmp(&a.qualified)
            .then_with(|| nb.cmp(&na))
            .then_with(|| ua.cmp(&ub))
            .then_with(|| id(a).cmp(id(b)))
    }
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

    /// Two zones, by id and factors, in this order.
    fn two(c: &Catalog, (a, fa): (&str, &str), (b, fb): (&str, &str)) -> [ZoneProfile; 2] {
        [zone(c, a, fa), zone(c, b, fb)]
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
        let zones = two(
            &c,
            (
                "a",
                r#""land.industrial_area": (value: "100 mu", source: "s"), "transport.rail_freight": (value: No, source: "s")"#,
            ),
            (
                "b",
                r#""land.industrial_area": (value: "75 mu", source: "s"), "transport.rail_freight": (value: Yes, source: "s")"#,
            ),
        );
        let scorer = Scorer::new(&c, &list, day());
        let ranking = scorer.rank(&zones);
        assert_eq!(ranking.zones[0].score.fixed(1), "75.0");
        assert_eq!(ranking.zones[1].score.fixed(1), "62.5");
        let flip = first_place(scorer.requirements(), scorer.dormant(), &ranking.zones, &zones)
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
        let zones = two(
            &c,
            (
                "a",
                r#""land.industrial_area": (value: "100 mu", source: "s"), "transport.rail_freight": (value: Yes, source: "s")"#,
            ),
            ("b", r#""land.industrial_area": (value: "90 mu", source: "s")"#),
        );
        let scorer = Scorer::new(&c, &list, day());
        let ranking = scorer.rank(&zones);
        assert_eq!(
            first_place(scorer.requirements(), scorer.dormant(), &ranking.zones, &zones),
            Some(None)
        );
        assert_eq!(
            first_place(
                scorer.requirements(),
                scorer.dormant(),
                &ranking.zones[..1],
                &zones
            ),
            None
        );
    }

    /// The case a reviewer found: 50 MW and no rail spur against 40 MW and a spur, power
    /// ≥ 50 MW high, the rail spur required but marked not needed. Scored: 100.0 against 60.0
    /// (40 of 50 MW is 0.6 of the credit). The spur raised to low: (3·1 + 1·0) / 4 = 75.0
    /// against (3·0.6 + 1·1) / 4 = 70.0, still behind; to medium: 60.0 against 76.0. So the
    /// first place is not firm, and the smallest change that says so is "not needed → medium".
    #[test]
    fn raising_a_not_needed_item_that_carries_a_requirement_is_considered() {
        let c = catalog();
        let list = checklist(
            &c,
            r#""power.capacity": (required: "50 MW", importance: High),
               "transport.rail_freight": (required: Yes, importance: NotNeeded)"#,
        );
        let zones = two(
            &c,
            (
                "a",
                r#""power.capacity": (value: "50 MW", source: "s"), "transport.rail_freight": (value: No, source: "s")"#,
            ),
            (
                "b",
                r#""power.capacity": (value: "40 MW", source: "s"), "transport.rail_freight": (value: Yes, source: "s")"#,
            ),
        );
        let scorer = Scorer::new(&c, &list, day());
        assert_eq!(scorer.requirements().len(), 1, "the spur is not scored");
        assert_eq!(scorer.dormant().len(), 1, "but it carries a requirement");
        let ranking = scorer.rank(&zones);
        let scores: Vec<String> = ranking.zones.iter().map(|z| z.score.fixed(1)).collect();
        assert_eq!(scores, ["100.0", "60.0"]);
        let flip = first_place(scorer.requirements(), scorer.dormant(), &ranking.zones, &zones)
            .expect("two zones")
            .expect("raising the spur swaps them");
        assert_eq!(
            (c.factor(flip.factor).id.as_str(), flip.from, flip.to),
            (
                "transport.rail_freight",
                Importance::NotNeeded,
                Importance::Medium
            )
        );
        // Scored again with the spur at medium, the order is indeed swapped.
        let mut raised = list.clone();
        let rail = c.find_factor("transport.rail_freight").expect("factor");
        raised.item_mut(rail).expect("item").importance = Importance::Medium;
        let again = Scorer::new(&c, &raised, day()).rank(&zones);
        let scores: Vec<(usize, String)> = again
            .zones
            .iter()
            .map(|z| (z.zone.index(), z.score.fixed(1)))
            .collect();
        assert_eq!(scores, [(1, "76.0".to_owned()), (0, "60.0".to_owned())]);
    }

    /// An unknown is counted for the item raised where a zone has no value for it: with
    /// everything else equal, the zone that knows the item stays ahead on the tie-break.
    #[test]
    fn an_item_raised_that_a_zone_does_not_know_counts_as_unknown() {
        let c = catalog();
        let list = checklist(
            &c,
            r#""power.capacity": (required: "50 MW", importance: High),
               "transport.rail_freight": (required: Yes, importance: NotNeeded)"#,
        );
        let zones = [
            zone(
                &c,
                "b",
                r#""power.capacity": (value: "50 MW", source: "s"), "transport.rail_freight": (value: No, source: "s")"#,
            ),
            zone(&c, "a", r#""power.capacity": (value: "50 MW", source: "s")"#),
        ];
        let scorer = Scorer::new(&c, &list, day());
        let ranking = scorer.rank(&zones);
        // A tie at 100.0, broken by the id: a before b.
        assert_eq!(ranking.zones[0].zone.index(), 1);
        // Raising the spur ties them again at 0 credit for it, and a now has one unknown:
        // b passes it.
        let flip = first_place(scorer.requirements(), scorer.dormant(), &ranking.zones, &zones)
            .expect("two zones")
            .expect("the unknown decides");
        assert_eq!((flip.from, flip.to), (Importance::NotNeeded, Importance::Low));
        assert_eq!((flip.ahead.index(), flip.behind.index()), (1, 0));
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
            let found = flip(scorer.requirements(), scorer.dormant(), a, b, &zones);

            let mut candidates: Vec<(u32, FactorIdx, Importance, Importance)> = Vec::new();
            for p in scorer.requirements().iter().chain(scorer.dormant()) {
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
