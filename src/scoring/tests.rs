//! Golden cases for the scoring rules (README § Scoring), every number worked out by hand in the comments, and property
//! tests over generated zones.

use jiff::civil::Date;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::explain::{gap_text, item_texts};
use super::ranking::PARALLEL_FROM;
use super::*;
use crate::model::{
    Catalog, Checklist, Importance, Kind, Lang, Quantity, Requirement, Value, YesNo, ZoneIdx, ZoneProfile,
    parse_checklist, parse_profile,
};

/// A decimal as the exact value it is.
fn x(d: Decimal) -> Exact {
    Exact::from_decimal(d)
}

/// The day the test rankings are made: before the plans the tests date, unless a test says.
fn day() -> Date {
    Date::new(2025, 1, 1).expect("date")
}

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn checklist(c: &Catalog, items: &str) -> Checklist {
    parse_checklist(
        &format!("Checklist(project: \"test\", industry: \"C38\", items: {{ {items} }})"),
        c,
    )
    .expect("test checklist parses")
}

fn zone(c: &Catalog, id: &str, factors: &str) -> ZoneProfile {
    let text = format!(
        "ZoneProfile(name: (zh: \"{id}\", en: \"{id}\"), as_of: \"2024-01-01\", factors: {{ {factors} }})"
    );
    parse_profile(&text, id, c).expect("test profile parses")
}

fn src(value: &str) -> String {
    format!("(value: {value}, source: \"test\")")
}

/// Scores one factor requirement against one zone value and returns the single item.
fn one(factor: &str, required: &str, offered: Option<&str>) -> ItemResult {
    let c = catalog();
    let list = checklist(
        &c,
        &format!("\"{factor}\": (required: {required}, importance: Medium)"),
    );
    let factors = offered.map_or_else(String::new, |v| format!("\"{factor}\": {}", src(v)));
    let ranking = score(&c, &list, &[zone(&c, "z", &factors)], day());
    let [result] = ranking.zones.as_slice() else {
        panic!("one zone")
    };
    let [item] = result.items.as_slice() else {
        panic!("one item")
    };
    item.clone()
}

#[test]
fn at_least_exactly_at_the_requirement_is_met() {
    let i = one("land.industrial_area", "\"515 mu\"", Some("\"515 mu\""));
    assert_eq!((i.status, i.credit, i.gap), (Status::Met, Exact::ONE, Gap::None));
}

#[test]
fn at_least_inside_the_band_earns_partial_credit() {
    // r = 200, t = 0.5, x = 150: s = (150 − 0.5·200) / (0.5·200) = 50 / 100 = 0.5; short 50 mu.
    let i = one("land.industrial_area", "\"200 mu\"", Some("\"150 mu\""));
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Partial, x(dec!(0.5)), Gap::Short(dec!(50)))
    );
    // The same land given in m²: 100 000 m² = 150 mu exactly.
    let i = one("land.industrial_area", "\"200 mu\"", Some("\"100000 m2\""));
    assert_eq!((i.credit, i.gap), (x(dec!(0.5)), Gap::Short(dec!(50))));
}

#[test]
fn at_least_outside_the_band_is_unmet_with_the_gap() {
    // x = 90 < (1 − 0.5)·200 = 100: s = max(0, −10/100) = 0; short 110 mu.
    let i = one("land.industrial_area", "\"200 mu\"", Some("\"90 mu\""));
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Unmet, Exact::ZERO, Gap::Short(dec!(110)))
    );
}

#[test]
fn at_most_inside_and_outside_the_band() {
    // r = 30 km, x = 36: s = (1.5·30 − 36) / 15 = 9 / 15 = 0.6; 6 km over.
    let i = one("transport.expressway_km", "\"30 km\"", Some("\"36 km\""));
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Partial, x(dec!(0.6)), Gap::Over(dec!(6)))
    );
    // x = 45 is the edge of the band: s = 0.
    let i = one("transport.expressway_km", "\"30 km\"", Some("\"45 km\""));
    assert_eq!((i.status, i.credit), (Status::Unmet, Exact::ZERO));
    let i = one("transport.expressway_km", "\"30 km\"", Some("\"12.5 km\""));
    assert_eq!(i.status, Status::Met);
}

#[test]
fn a_zero_requirement_has_no_partial_band() {
    let i = one("transport.expressway_km", "0", Some("0"));
    assert_eq!(i.status, Status::Met);
    let i = one("transport.expressway_km", "0", Some("\"0.1 km\""));
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Unmet, Exact::ZERO, Gap::Over(dec!(0.1)))
    );
    let i = one("power.green_quota", "0", Some("0"));
    assert_eq!(i.status, Status::Met);
}

#[test]
fn yes_planned_and_no() {
    assert_eq!(one("power.dual_supply", "Yes", Some("Yes")).status, Status::Met);
    let i = one("power.dual_supply", "Yes", Some("Planned(\"2025-03-31\")"));
    let date = Date::new(2025, 3, 31).expect("date");
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Partial, x(dec!(0.5)), Gap::Planned(date))
    );
    let i = one("power.dual_supply", "Yes", Some("No"));
    assert_eq!((i.status, i.credit, i.gap), (Status::Unmet, Exact::ZERO, Gap::No));
}

/// A plan dated before the day of the ranking is overdue: it scores as no and says so with
/// its date; dated that day or later it still earns half.
#[test]
fn a_plan_past_its_date_is_overdue_and_scores_as_no() {
    let c = catalog();
    let list = checklist(&c, r#""power.dual_supply": (importance: High, required: Yes)"#);
    let z = zone(
        &c,
        "z",
        &format!("\"power.dual_supply\": {}", src(r#"Planned("2025-03-31")"#)),
    );
    let date = Date::new(2025, 3, 31).expect("date");
    let on = |y, m, d| {
        let r = score(
            &c,
            &list,
            std::slice::from_ref(&z),
            Date::new(y, m, d).expect("date"),
        );
        let i = &r.zones[0].items[0];
        (i.status, i.credit.clone(), i.gap, r.zones[0].score.fixed(1))
    };
    assert_eq!(
        on(2025, 3, 30),
        (Status::Partial, Exact::HALF, Gap::Planned(date), "50.0".into())
    );
    assert_eq!(
        on(2025, 3, 31),
        (Status::Partial, Exact::HALF, Gap::Planned(date), "50.0".into())
    );
    assert_eq!(
        on(2025, 4, 1),
        (Status::Unmet, Exact::ZERO, Gap::Overdue(date), "0.0".into())
    );
    let factor = c.factor(c.find_factor("power.dual_supply").expect("factor"));
    let text = |lang| {
        gap_text(
            &c,
            factor,
            &Value::YesNo(YesNo::Yes),
            None,
            Gap::Overdue(date),
            lang,
        )
    };
    assert_eq!(text(Lang::Zh).as_deref(), Some("逾期：计划 2025-03-31"));
    assert_eq!(text(Lang::En).as_deref(), Some("overdue: due 2025-03-31"));
}

#[test]
fn levels_serve_lower_needs_and_one_short_earns_half() {
    assert_eq!(
        one("land.servicing_level", "\"seven\"", Some("\"nine\"")).status,
        Status::Met
    );
    let i = one("land.servicing_level", "\"seven\"", Some("\"five\""));
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Partial, x(dec!(0.5)), Gap::LevelsShort(1))
    );
    let i = one("land.servicing_level", "\"seven\"", Some("\"three\""));
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Unmet, Exact::ZERO, Gap::LevelsShort(2))
    );
}

#[test]
fn a_partial_set_earns_the_share_it_holds() {
    // 2 of the 3 required assessments held: s = 2/3.
    let i = one(
        "policy.regional_assessments",
        "[\"environment\", \"seismic\", \"flood\"]",
        Some("[\"environment\", \"energy\", \"seismic\"]"),
    );
    assert_eq!((i.status, i.gap), (Status::Partial, Gap::Missing(1)));
    assert_eq!(i.credit, Exact::ratio(2, 3));
}

#[test]
fn no_value_is_unknown_never_a_pass() {
    let i = one("power.capacity", "\"10 MW\"", None);
    assert_eq!(
        (i.status, i.credit, i.gap),
        (Status::Unknown, Exact::ZERO, Gap::Unknown)
    );
}

#[test]
fn not_needed_and_unstated_items_are_not_scored() {
    let c = catalog();
    let list = checklist(
        &c,
        "\"power.capacity\": (required: \"10 MW\", importance: NotNeeded), \
         \"water.supply\": (importance: High), \
         \"land.industrial_area\": (required: \"100 mu\", importance: Low)",
    );
    let r = score(
        &c,
        &list,
        &[zone(
            &c,
            "z",
            &format!("\"land.industrial_area\": {}", src("\"100 mu\"")),
        )],
        day(),
    );
    let ids: Vec<&str> = r.zones[0]
        .items
        .iter()
        .map(|i| c.factor(i.factor).id.as_str())
        .collect();
    assert_eq!(ids, ["land.industrial_area"]);
    assert_eq!(r.zones[0].score, Exact::int(100));
}

#[test]
fn the_weighted_score_of_a_mixed_zone() {
    let c = catalog();
    let list = checklist(
        &c,
        r#""land.industrial_area": (required: "200 mu", importance: Must),
           "power.capacity": (required: "10 MW", importance: Must),
           "land.standard_land": (required: Yes, importance: Medium),
           "land.servicing_level": (required: "seven", importance: High),
           "policy.regional_assessments": (required: ["environment", "seismic", "flood"], importance: Low)"#,
    );
    let z = zone(
        &c,
        "a",
        &[
            format!("\"land.industrial_area\": {}", src("\"150 mu\"")),
            format!("\"power.capacity\": {}", src("\"12 MW\"")),
            format!("\"land.standard_land\": {}", src("Planned(\"2025-06-30\")")),
            format!("\"land.servicing_level\": {}", src("\"five\"")),
            format!(
                "\"policy.regional_assessments\": {}",
                src("[\"environment\", \"energy\", \"seismic\"]")
            ),
        ]
        .join(", "),
    );
    let r = score(&c, &list, &[z], day());
    let z = &r.zones[0];
    // Σw = 3 + 3 + 2 + 3 + 1 = 12; Σws = 3·0.5 + 3·1 + 2·0.5 + 3·0.5 + 1·(2/3) = 7⅔;
    // score = 100 · 7⅔ / 12 = 63.888…, shown as 63.9.
    // Exactly 2300/36 = 575/9.
    assert_eq!(z.score.fixed(1), "63.9");
    assert_eq!(z.score, Exact::ratio(575, 9));
    assert!(!z.qualified);
    assert_eq!(
        z.failed_must,
        vec![c.find_factor("land.industrial_area").expect("factor")]
    );
    assert_eq!(
        z.counts,
        Counts {
            met: 1,
            partial: 4,
            unmet: 0,
            unknown: 0
        }
    );
    assert_eq!(z.completeness, dec!(100));
    // The largest weighted shortfall: land (3·0.5), servicing (3·0.5) tie; land is first.
    assert_eq!(
        z.largest_gap().map(|i| c.factor(i.factor).id.as_str()),
        Some("land.industrial_area")
    );
}

#[test]
fn a_failed_must_have_disqualifies_even_a_high_score() {
    let c = catalog();
    let list = checklist(
        &c,
        r#""power.capacity": (required: "10 MW", importance: Must),
           "water.sewage": (required: "1000 t/d", importance: High),
           "gas.supply": (required: "5000 m3_per_d", importance: High),
           "heat.steam": (required: "20 t/h", importance: High)"#,
    );
    let strong = zone(
        &c,
        "strong",
        &format!(
            "\"power.capacity\": {}, \"water.sewage\": {}, \"gas.supply\": {}, \"heat.steam\": {}",
            src("\"9 MW\""),
            src("\"2000 t/d\""),
            src("\"9000 m3_per_d\""),
            src("\"30 t/h\"")
        ),
    );
    let weak = zone(&c, "weak", &format!("\"power.capacity\": {}", src("\"10 MW\"")));
    let r = score(&c, &list, &[strong, weak], day());
    // strong: 3·0.8 + 9 = 11.4 of 12 = 95; weak: 3 of 12 = 25 but qualified.
    assert_eq!(r.zones[0].zone, ZoneIdx::new(1), "the qualified zone ranks first");
    assert_eq!(r.zones[0].score, Exact::int(25));
    assert_eq!(r.zones[1].score, Exact::int(95));
    assert!(!r.zones[1].qualified);
}

#[test]
fn ties_break_on_unknowns_then_zone_id() {
    let c = catalog();
    let list = checklist(
        &c,
        r#""power.capacity": (required: "10 MW", importance: High),
           "water.supply": (required: "100 t/d", importance: High)"#,
    );
    // All score 50: one met, one not; b and c have an unknown, a has a known unmet value.
    let a = zone(
        &c,
        "a",
        &format!(
            "\"power.capacity\": {}, \"water.supply\": {}",
            src("\"10 MW\""),
            src("0")
        ),
    );
    let b = zone(&c, "b", &format!("\"power.capacity\": {}", src("\"10 MW\"")));
    let cc = zone(&c, "c", &format!("\"power.capacity\": {}", src("\"10 MW\"")));
    let profiles = [cc, b, a];
    let r = score(&c, &list, &profiles, day());
    let order: Vec<&str> = r
        .zones
        .iter()
        .map(|z| profiles[z.zone.index()].id.as_str())
        .collect();
    assert_eq!(order, ["a", "b", "c"]);
    assert!(r.zones.iter().all(|z| z.score == Exact::int(50)));
}

#[test]
fn header_fields_are_scored_against_the_zones_floors() {
    let c = catalog();
    let list = parse_checklist(
        r#"Checklist(project: "p", industry: "C38", planned_intensity: 400, planned_tax_per_mu: 30,
             items: { "policy.industry": (importance: Must),
                      "standard.investment_intensity": (importance: Medium),
                      "standard.tax_per_mu": (importance: Medium) })"#,
        &c,
    )
    .expect("parses");
    let z = zone(
        &c,
        "z",
        &format!(
            "\"policy.industry\": {}, \"standard.investment_intensity\": {}, \"standard.tax_per_mu\": {}",
            src("[\"C34\", \"C38\"]"),
            src("\"300 wan_yuan_per_mu\""),
            src("\"36 万元/亩\"")
        ),
    );
    let r = score(&c, &list, &[z], day());
    let items = &r.zones[0].items;
    // Industry admitted; floor 300 ≤ plan 400 met; floor 36 > plan 30: s = (45 − 36)/15 = 0.6.
    assert_eq!(
        items.iter().map(|i| i.status).collect::<Vec<_>>(),
        [Status::Met, Status::Met, Status::Partial]
    );
    assert_eq!(items[2].credit, x(dec!(0.6)));
    assert!(r.zones[0].qualified);
}

#[test]
fn gaps_read_in_both_languages() {
    let c = catalog();
    let f = |id| c.factor(c.find_factor(id).expect("factor"));
    let land = f("land.industrial_area");
    let req = Value::Amount(
        crate::model::value::parse_quantity(&c, land.kind.measure().expect("m"), "515 mu").expect("q"),
    );
    assert_eq!(
        gap_text(&c, land, &req, None, Gap::Short(dec!(77)), Lang::En).as_deref(),
        Some("short 77 mu")
    );
    assert_eq!(
        gap_text(&c, land, &req, None, Gap::Short(dec!(77)), Lang::Zh).as_deref(),
        Some("差 77 亩")
    );
    let road = f("transport.expressway_km");
    assert_eq!(
        gap_text(&c, road, &req, None, Gap::Over(dec!(12)), Lang::En).as_deref(),
        Some("12 km over")
    );
    let assess = f("policy.regional_assessments");
    let Kind::Set(v) = assess.kind else { panic!("set") };
    let members = |ids: &[&str]| Value::Set(crate::model::value::parse_members(&c, v, ids).expect("members"));
    let text = gap_text(
        &c,
        assess,
        &members(&["seismic", "flood", "environment"]),
        Some(&members(&["environment"])),
        Gap::Missing(2),
        Lang::En,
    );
    assert_eq!(text.as_deref(), Some("missing: Seismic safety, Flood impact"));
}

#[test]
fn item_texts_carry_provenance_and_flags() {
    let c = catalog();
    let list = checklist(
        &c,
        "\"land.industrial_area\": (required: \"515 mu\", importance: Must)",
    );
    let z = parse_profile(
        r#"ZoneProfile(name: (zh: "甲", en: "A"), as_of: "2023-12-31", factors: {
             "land.industrial_area": (value: "438 mu", source: "annual report", as_of: "2023-12-31") })"#,
        "a",
        &c,
    )
    .expect("parses");
    let scorer = Scorer::new(&c, &list, day());
    let result = scorer.score_zone(ZoneIdx::default(), &z);
    let today = Date::new(2026, 11, 29).expect("date");
    let t = item_texts(
        &c,
        &scorer.requirements()[0],
        &result.items[0],
        &z,
        Lang::Zh,
        today,
    );
    assert_eq!(t.factor, "可供工业用地面积");
    assert_eq!(t.required, "≥ 515 亩");
    assert_eq!(t.offered.as_deref(), Some("438 亩"));
    assert_eq!(t.gap.as_deref(), Some("差 77 亩"));
    assert_eq!(t.source.as_deref(), Some("annual report"));
    // Dated 2023-12-31, ranked on 2026-11-29: past the factor's year (stale, as the report's
    // `stale` field says), and no owner named.
    assert_eq!(t.freshness, Some(crate::model::Freshness::Stale));
    assert!(t.stale && !t.illustrative);
    assert_eq!(t.owner, None);
    // Ranked 340 days after its date, the figure is due (the last 30 days of its year): not
    // stale; its owner is the profile's default for its category.
    let mut z = z;
    z.owners = crate::model::Owners::new([("land".to_owned(), crate::model::Owner::from("自然资源局"))]);
    let due_day = Date::new(2024, 12, 5).expect("date");
    let t = item_texts(
        &c,
        &scorer.requirements()[0],
        &result.items[0],
        &z,
        Lang::Zh,
        due_day,
    );
    assert_eq!(t.freshness, Some(crate::model::Freshness::Due));
    assert!(!t.stale);
    assert_eq!(t.owner.as_deref(), Some("自然资源局"));
}

// ---------------------------------------------------------------------------------------------
// Properties

/// The quantity factors of a small checklist, with their kinds.
const QUANTITY_FACTORS: [(&str, &str); 6] = [
    ("land.industrial_area", "mu"),
    ("power.capacity", "mw"),
    ("water.supply", "t_per_d"),
    ("transport.expressway_km", "km"),
    ("service.approval_days", "working_days"),
    ("quota.energy", "tce_per_a"),
];

/// Amounts up to 999.99, inside every factor's plausible range.
fn amount() -> impl Strategy<Value = Decimal> {
    (0u64..100_000, 2u32..4).prop_map(|(m, scale)| Decimal::new(i64::try_from(m).unwrap_or(0), scale))
}

fn importance() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["Must", "High", "Medium", "Low"])
}

prop_compose! {
    fn case()(
        required in prop::collection::vec((amount(), importance()), QUANTITY_FACTORS.len()),
        offered in prop::collection::vec(prop::option::of(amount()), QUANTITY_FACTORS.len()),
    ) -> (Vec<(Decimal, &'static str)>, Vec<Option<Decimal>>) {
        (required, offered)
    }
}

fn build(c: &Catalog, required: &[(Decimal, &str)], offered: &[Option<Decimal>]) -> (Checklist, ZoneProfile) {
    let items: Vec<String> = QUANTITY_FACTORS
        .iter()
        .zip(required)
        .map(|((id, unit), (r, imp))| format!("\"{id}\": (required: \"{r} {unit}\", importance: {imp})"))
        .collect();
    let factors: Vec<String> = QUANTITY_FACTORS
        .iter()
        .zip(offered)
        .filter_map(|((id, unit), x)| x.map(|x| format!("\"{id}\": {}", src(&format!("\"{x} {unit}\"")))))
        .collect();
    (checklist(c, &items.join(", ")), zone(c, "z", &factors.join(", ")))
}

proptest! {
    #[test]
    fn score_is_always_between_0_and_100((required, offered) in case()) {
        let c = catalog();
        let (list, z) = build(&c, &required, &offered);
        let r = score(&c, &list, &[z], day());
        prop_assert!(r.zones[0].score >= Exact::ZERO && r.zones[0].score <= Exact::int(100));
        for i in &r.zones[0].items {
            prop_assert!(i.credit >= Exact::ZERO && i.credit <= Exact::ONE);
        }
    }

    #[test]
    fn better_values_never_lower_the_score(
        (required, offered) in case(),
        which in 0..QUANTITY_FACTORS.len(),
        delta in amount(),
    ) {
        let c = catalog();
        let (list, before) = build(&c, &required, &offered);
        let mut improved = offered.clone();
        let factor = c.factor(c.find_factor(QUANTITY_FACTORS[which].0).expect("factor"));
        let base = improved[which].unwrap_or(Decimal::ZERO);
        improved[which] = Some(match factor.kind {
            Kind::AtLeast(_) => base + delta,
            _ => (base - delta).max(Decimal::ZERO),
        });
        // An unknown value made known can lower the score only if it was unknown before.
        prop_assume!(offered[which].is_some());
        let (_, after) = build(&c, &required, &improved);
        let r0 = score(&c, &list, &[before], day()).zones[0].score.clone();
        let r1 = score(&c, &list, &[after], day()).zones[0].score.clone();
        prop_assert!(r1 >= r0, "{r1:?} < {r0:?}");
    }

    #[test]
    fn a_zone_meeting_every_item_scores_100((required, _) in case()) {
        let c = catalog();
        let offered: Vec<Option<Decimal>> = QUANTITY_FACTORS
            .iter()
            .zip(&required)
            .map(|((id, _), (r, _))| {
                let f = c.factor(c.find_factor(id).expect("factor"));
                Some(match f.kind { Kind::AtLeast(_) => *r + Decimal::ONE, _ => *r })
            })
            .collect();
        let (list, z) = build(&c, &required, &offered);
        let r = score(&c, &list, &[z], day());
        prop_assert_eq!(&r.zones[0].score, &Exact::int(100));
        prop_assert!(r.zones[0].qualified);
    }
}

/// Rescoring the edited factor gives exactly the ranking of a full rescore, for every scored
/// factor and three kinds of edit, over synthetic zones on both sides of the parallel threshold.
#[test]
fn rescoring_one_factor_equals_ranking_afresh() {
    let c = catalog();
    let samples: Vec<ZoneProfile> = ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"]
        .iter()
        .map(|id| {
            let text = std::fs::read_to_string(format!("{}/profiles/{id}.ron", env!("CARGO_MANIFEST_DIR")))
                .expect("sample");
            parse_profile(&text, id, &c).expect("parses")
        })
        .collect();
    for n in [40, PARALLEL_FROM + 10] {
        let zones = crate::synth::zones(&c, &samples, n, 5);
        let list = crate::synth::checklist(&c, &samples, 9);
        let before = Scorer::new(&c, &list, day());
        let base = before.rank(&zones);
        let mut edits = 0;
        for (f, req, _) in list.scored_items(&c) {
            if c.factor(f).default_from.is_some() {
                continue;
            }
            let mut tighter = req.clone();
            if let Some(Value::Amount(q)) = &req.required {
                let m = c.factor(f).kind.measure().expect("measure");
                let doubled = Quantity::new(&c, m, q.amount() * Decimal::TWO, q.unit()).expect("quantity");
                tighter.required = Some(Value::Amount(doubled));
            }
            let mut must = req.clone();
            must.importance = Importance::Must;
            let mut low = req.clone();
            low.importance = Importance::Low;
            for edited in [tighter, must, low] {
                let mut after = list.clone();
                after.set_item(f, Some(edited));
                let scorer = Scorer::new(&c, &after, day());
                let mut ranking = base.clone();
                assert!(scorer.rescore_factor(&mut ranking, before.requirements(), f, &zones));
                assert_eq!(ranking, scorer.rank(&zones), "factor {}", c.factor(f).id);
                edits += 1;
            }
        }
        assert!(edits >= 60, "{edits} edits");
        // Dropping an item changes more than one factor's credit: the caller must rank afresh.
        let (f, _, _) = list.scored_items(&c).next().expect("an item");
        let mut dropped = list.clone();
        dropped.set_item(f, Some(Requirement::unstated(Importance::NotNeeded)));
        let mut ranking = base.clone();
        assert!(!Scorer::new(&c, &dropped, day()).rescore_factor(
            &mut ranking,
            before.requirements(),
            f,
            &zones
        ));
        assert_eq!(ranking, base, "left as it was");
    }
}

// ---------------------------------------------------------------------------------------------
// Exact ties and rounding (DOMAIN §4: the score is an exact rational)

/// The minimal tie: a checklist asking ≥ 300 t/a of emission quota (High, weight 3) and a rail
/// spur (Low, weight 1), Σw = 4. Zone `a` offers 200 t/a and no rail: s = (200 − 150) / 150 =
/// 1/3, so Σws = 3 · 1/3 = 1 and the score 25. Zone `b` only has the rail: Σws = 1 · 1 = 1,
/// also 25, with the emission quota unknown. Equal scores, so `a` (no unknown) ranks first.
#[test]
fn mathematically_equal_scores_tie_exactly_and_fall_to_fewer_unknowns() {
    let c = catalog();
    let list = checklist(
        &c,
        r#""quota.emissions": (required: "300 t_per_a", importance: High),
           "transport.rail_freight": (required: Yes, importance: Low)"#,
    );
    let a = zone(
        &c,
        "a",
        &format!(
            "\"quota.emissions\": {}, \"transport.rail_freight\": {}",
            src("\"200 t_per_a\""),
            src("No")
        ),
    );
    let b = zone(&c, "b", &format!("\"transport.rail_freight\": {}", src("Yes")));
    // Both orders of the folder: the ranking does not depend on where the zones stand.
    for profiles in [vec![b.clone(), a.clone()], vec![a.clone(), b.clone()]] {
        let r = score(&c, &list, &profiles, day());
        let ids: Vec<&str> = r
            .zones
            .iter()
            .map(|z| profiles[z.zone.index()].id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(r.zones[0].score, r.zones[1].score);
        assert_eq!(r.zones[0].score, Exact::int(25));
        let emissions = c.find_factor("quota.emissions").expect("factor");
        let item = r.zones[0].item(emissions).expect("scored");
        assert_eq!(item.credit, Exact::ratio(1, 3));
        assert_eq!(r.zones[0].score.fixed(1), "25.0");
    }
}

/// 6.25 is shown as 6.3: a High item at 1/3 (Σws = 1) among items weighing 16 in all
/// (3 + 3 + 3 + 3 + 2 + 2) scores 100 · 1 / 16 = 6.25 exactly, rounded half up.
#[test]
fn an_exact_half_rounds_up() {
    let c = catalog();
    let list = checklist(
        &c,
        r#""quota.emissions": (required: "300 t_per_a", importance: High),
           "power.capacity": (required: "10 MW", importance: High),
           "water.supply": (required: "100 t_per_d", importance: High),
           "water.sewage": (required: "100 t_per_d", importance: High),
           "gas.supply": (required: "100 m3_per_d", importance: Medium),
           "heat.steam": (required: "10 t_per_h", importance: Medium)"#,
    );
    let z = zone(
        &c,
        "z",
        &format!("\"quota.emissions\": {}", src("\"200 t_per_a\"")),
    );
    let r = score(&c, &list, &[z], day());
    assert_eq!(r.zones[0].score, Exact::ratio(625, 100));
    assert_eq!(r.zones[0].score.fixed(1), "6.3");
}

/// A gap computed through a unit conversion is shown at the unit's display precision: 100
/// acres required, 200 mu offered, short 607.02846336 − 200 mu, shown as 407.03 亩 (rounded up,
/// so the shortfall is never understated).
#[test]
fn converted_gaps_are_rounded_to_the_units_precision() {
    let c = catalog();
    let list = checklist(
        &c,
        "\"land.industrial_area\": (required: \"100 acre\", importance: Must)",
    );
    let z = zone(
        &c,
        "z",
        &format!("\"land.industrial_area\": {}", src("\"200 mu\"")),
    );
    let scorer = Scorer::new(&c, &list, day());
    let result = scorer.score_zone(ZoneIdx::default(), &z);
    let today = Date::new(2026, 11, 29).expect("date");
    let t = item_texts(
        &c,
        &scorer.requirements()[0],
        &result.items[0],
        &z,
        Lang::Zh,
        today,
    );
    assert_eq!(result.items[0].gap, Gap::Short(dec!(407.02846336)));
    assert_eq!(t.gap.as_deref(), Some("差 407.03 亩"));
}

/// Requirements and values whose integers overflow 128 bits are scored in big integers, as
/// exactly: a tolerance of 28 decimals (a custom catalog) against a requirement with decimals.
#[test]
fn numbers_past_128_bits_are_scored_exactly_without_panic() {
    let third = "0.3333333333333333333333333333";
    let text = crate::model::catalog::BUILTIN.replace(
        r#"kind: AtLeast(unit: "m3_per_d", also: ["wan_m3_per_d"], max: 1000000000)"#,
        &format!(r#"kind: AtLeast(unit: "m3_per_d", also: ["wan_m3_per_d"], tolerance: "{third}", max: 1000000000)"#),
    );
    let c = Catalog::parse(&text).expect("catalog");
    let list = checklist(
        &c,
        r#""gas.supply": (required: "900000000.123 m3_per_d", importance: High),
           "power.capacity": (required: "10 MW", importance: Low)"#,
    );
    let z = zone(
        &c,
        "z",
        &format!(
            "\"gas.supply\": {}, \"power.capacity\": {}",
            src("\"700000000.5 m3_per_d\""),
            src("\"7 MW\"")
        ),
    );
    let r = score(&c, &list, &[z], day());
    let item = &r.zones[0].items[1];
    assert_eq!(item.status, Status::Partial);
    assert!(
        item.credit.small().is_none(),
        "carried in big integers: {:?}",
        item.credit
    );
    // s · t·r + (1 − t)·r = x, exactly.
    let (t, r0, x0) = (
        x(third.parse().expect("t")),
        x(dec!(900000000.123)),
        x(dec!(700000000.5)),
    );
    let floor = r0.sub(&t.mul(&r0));
    assert_eq!(item.credit.mul(&t.mul(&r0)).add(&floor), x0);
    // Power: 7 of 10 MW at t = 0.5: s = (7 − 5) / 5 = 0.4; Σws = 3·s_gas + 0.4.
    let weighted = item.credit.mul_int(3).add(&Exact::ratio(4, 10));
    assert_eq!(r.zones[0].score, weighted.mul_int(100).div_int(4));
}

/// The factors of the built-in catalog file in a given order (the catalog decides the order
/// items are scored and added in).
fn catalog_in_order(order: &[usize]) -> Catalog {
    let text = crate::model::catalog::BUILTIN;
    let start = text.find("    factors: [\n").expect("factors") + "    factors: [\n".len();
    let end = start + text[start..].find("\n    ],\n").expect("end of factors");
    let body = &text[start..end];
    // Factors start their line at 8 spaces (levels inside them at 16).
    let body = format!("\n{body}");
    let entries: Vec<&str> = body
        .split("\n        (id: \"")
        .filter(|e| e.contains("kind:"))
        .collect();
    assert_eq!(entries.len(), 31);
    let permuted: String = order
        .iter()
        .map(|i| format!("        (id: \"{}", entries[*i].trim_end()))
        .collect::<Vec<_>>()
        .join("\n");
    Catalog::parse(&format!("{}{permuted}{}", &text[..start], &text[end..])).expect("permuted catalog")
}

/// A checklist's text with its items in a given order.
fn checklist_text_in_order(text: &str, order: &[usize]) -> String {
    let start = text.find("    items: {\n").expect("items") + "    items: {\n".len();
    let end = start + text[start..].find("\n    },\n").expect("end of items");
    // Items start their line at 8 spaces.
    let body = format!("\n{}", &text[start..end]);
    let items: Vec<&str> = body
        .split("\n        \"")
        .filter(|e| !e.trim().is_empty())
        .collect();
    assert!(items.len() >= order.len(), "{} items", items.len());
    let permuted: Vec<String> = order
        .iter()
        .filter_map(|i| items.get(*i))
        .map(|e| format!("        \"{}", e.trim_end()))
        .collect();
    format!("{}{}{}", &text[..start], permuted.join("\n"), &text[end..])
}

fn sample_profiles(c: &Catalog) -> Vec<ZoneProfile> {
    ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"]
        .iter()
        .map(|id| {
            let text = std::fs::read_to_string(format!("{}/profiles/{id}.ron", env!("CARGO_MANIFEST_DIR")))
                .expect("sample");
            parse_profile(&text, id, c).expect("parses")
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Permuting the items of a checklist file, and the factors of the catalog (hence the
    /// order the credits are added in), never changes any zone's score or the ranking.
    #[test]
    fn summation_order_never_changes_a_score_or_the_ranking(
        items in Just((0..31).collect::<Vec<usize>>()).prop_shuffle(),
        factors in Just((0..31).collect::<Vec<usize>>()).prop_shuffle(),
        seed in 0u64..1000,
    ) {
        let c = catalog();
        let samples = sample_profiles(&c);
        let zones = crate::synth::zones(&c, &samples, 60, seed);
        let list = crate::synth::checklist(&c, &samples, seed + 1);
        let list_text = crate::model::write_checklist(&list, &c).expect("write");
        let base = score(&c, &list, &zones, day());
        let by_id = |c: &Catalog, r: &Ranking, zones: &[ZoneProfile]| -> Vec<(String, Exact, bool, usize)> {
            let _ = c;
            r.zones
                .iter()
                .map(|z| (zones[z.zone.index()].id.clone(), z.score.clone(), z.qualified, z.counts.unknown))
                .collect()
        };
        let expected = by_id(&c, &base, &zones);

        // The same catalog, the checklist's items in another order in the file.
        let shuffled = parse_checklist(&checklist_text_in_order(&list_text, &items), &c).expect("parses");
        prop_assert_eq!(&by_id(&c, &score(&c, &shuffled, &zones, day()), &zones), &expected);

        // Another factor order in the catalog: every profile and the checklist read again.
        let other = catalog_in_order(&factors);
        let zones2: Vec<ZoneProfile> = zones
            .iter()
            .map(|z| {
                let text = crate::model::write_profile(z, &c).expect("write");
                parse_profile(&text, &z.id, &other).expect("parses")
            })
            .collect();
        let list2 = parse_checklist(&checklist_text_in_order(&list_text, &items), &other).expect("parses");
        prop_assert_eq!(&by_id(&other, &score(&other, &list2, &zones2, day()), &zones2), &expected);
    }
}

/// Scoring from the columnar index gives exactly the ranking scoring the profiles gives, on
/// both sides of the parallel threshold.
#[test]
fn ranking_from_the_index_equals_ranking_from_the_profiles() {
    let c = catalog();
    let samples = sample_profiles(&c);
    for n in [50, PARALLEL_FROM + 10] {
        let mut zones = crate::synth::zones(&c, &samples, n, 11);
        // A value with more decimals than the rest of its column, and one in acres.
        let land = c.find_factor("land.industrial_area").expect("factor");
        let m = c.factor(land).kind.measure().expect("measure");
        let acre = c.find_unit("acre", &m.units).expect("acre");
        let q = Quantity::new(&c, m, dec!(123.4567), acre).expect("quantity");
        let entry = crate::model::Entry {
            value: Value::Amount(q),
            source: "test".into(),
            as_of: Date::new(2024, 1, 1).expect("date"),
            illustrative: false,
            planned: None,
            owner: None,
        };
        zones[3].set_entry(land, Some(entry));
        let list = crate::synth::checklist(&c, &samples, 4);
        let scorer = Scorer::new(&c, &list, day());
        let index = index::ZoneIndex::build(&c, &zones);
        assert_eq!(scorer.rank_indexed(&index, &zones), scorer.rank(&zones));
    }
}

/// Time-phased capacity (DOMAIN §4 and issue "beyond the anchors"): spare power of 20 MW now and
/// 50 MW planned for 2026-06-30, against ≥ 40 MW (High, w = 3) beside land that is met
/// (≥ 200 mu, Medium, w = 2). Band: t = 0.5, so the edge is 20 MW and the band 20 MW.
mod time_phased {
    use super::*;

    const ITEMS: &str = r#""power.capacity": (required: "40 MW", importance: High),
        "land.industrial_area": (required: "200 mu", importance: Medium)"#;

    fn list(c: &Catalog, start: Option<&str>) -> Checklist {
        let pipeline = start.map_or_else(String::new, |s| format!("pipeline: (planned_start: \"{s}\"), "));
        parse_checklist(
            &format!("Checklist(project: \"test\", industry: \"C38\", {pipeline}items: {{ {ITEMS} }})"),
            c,
        )
        .expect("checklist")
    }

    fn power(now: &str, planned: &str) -> String {
        format!(
            r#""power.capacity": (value: "{now}", planned: (value: "{planned}", by: "2026-06-30", source: "供电公司扩容计划"), source: "test"),
            "land.industrial_area": (value: "200 mu", source: "test")"#
        )
    }

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).expect("date")
    }

    /// (status, credit, gap, score) of the power item on `today`.
    fn on(now: &str, planned: &str, start: Option<&str>, today: Date) -> (Status, Exact, Gap, String) {
        let c = catalog();
        let z = zone(&c, "z", &power(now, planned));
        let r = score(&c, &list(&c, start), std::slice::from_ref(&z), today);
        let i = power_item(&c, &r.zones[0]);
        (i.status, i.credit.clone(), i.gap, r.zones[0].score.fixed(1))
    }

    /// The power item (items come in catalog order, land first).
    fn power_item<'r>(c: &Catalog, zone: &'r ZoneResult) -> &'r ItemResult {
        let f = c.find_factor("power.capacity").expect("factor");
        zone.item(f).expect("power item")
    }

    const BY: (i16, i8, i8) = (2026, 6, 30);

    fn by() -> Date {
        date(BY.0, BY.1, BY.2)
    }

    #[test]
    fn before_and_on_its_date_a_plan_that_meets_earns_half() {
        // Today 20 MW is at the edge: 0. The plan meets: ½. Score 100·(3·½ + 2·1)/5 = 70.0.
        let planned = Gap::PlannedAmount {
            by: by(),
            short: dec!(20),
        };
        for today in [date(2026, 6, 29), by()] {
            assert_eq!(
                on("20 MW", "50 MW", None, today),
                (Status::Partial, Exact::HALF, planned, "70.0".into())
            );
        }
    }

    #[test]
    fn after_its_date_the_plan_is_overdue_and_today_decides() {
        // 2026-07-01: the plan is past; 20 MW scores 0, short 20 MW. Score 100·2/5 = 40.0.
        assert_eq!(
            on("20 MW", "50 MW", None, date(2026, 7, 1)),
            (
                Status::Unmet,
                Exact::ZERO,
                Gap::PlanOverdue {
                    by: by(),
                    short: dec!(20)
                },
                "40.0".into()
            )
        );
        // Overdue even for an investor starting later: a past plan is not capacity.
        assert_eq!(
            on("20 MW", "50 MW", Some("2026-09-01"), date(2026, 7, 1)).3,
            "40.0"
        );
    }

    #[test]
    fn an_investor_starting_after_the_date_finds_it_met() {
        // Start 2026-09-01 is after 2026-06-30: met. Score 100.0.
        let start = date(2026, 9, 1);
        assert_eq!(
            on("20 MW", "50 MW", Some("2026-09-01"), date(2026, 6, 29)),
            (
                Status::Met,
                Exact::ONE,
                Gap::ReadyBeforeStart { by: by(), start },
                "100.0".into()
            )
        );
        // Starting on the very day is not after it: still a plan, ½.
        assert_eq!(
            on("20 MW", "50 MW", Some("2026-06-30"), date(2026, 6, 29)).3,
            "70.0"
        );
    }

    #[test]
    fn today_s_partial_credit_is_kept_when_it_is_more_than_half() {
        // 36 MW now: s = (36 − 20)/20 = 0.8 > ½. Score 100·(3·0.8 + 2)/5 = 88.0.
        assert_eq!(
            on("36 MW", "50 MW", None, date(2026, 6, 29)),
            (
                Status::Partial,
                x(dec!(0.8)),
                Gap::PlannedAmount {
                    by: by(),
                    short: dec!(4)
                },
                "88.0".into()
            )
        );
    }

    #[test]
    fn a_plan_that_would_not_meet_it_changes_nothing() {
        // 38 MW planned is still short of 40 MW: today's 20 MW decides, 0, short 20 MW.
        assert_eq!(
            on("20 MW", "38 MW", Some("2026-09-01"), date(2026, 6, 29)),
            (Status::Unmet, Exact::ZERO, Gap::Short(dec!(20)), "40.0".into())
        );
        // Met today: the plan is not mentioned.
        assert_eq!(on("45 MW", "50 MW", None, date(2026, 6, 29)).2, Gap::None);
    }

    #[test]
    fn the_item_shows_both_amounts_the_gap_and_both_sources() {
        let c = catalog();
        let z = zone(&c, "z", &power("20 MW", "50 MW"));
        let text = |today: Date, start: Option<&str>, lang| {
            let list = list(&c, start);
            let scorer = Scorer::new(&c, &list, today);
            let r = scorer.rank(std::slice::from_ref(&z));
            let item = power_item(&c, &r.zones[0]);
            let req = scorer.requirement_of(item).expect("requirement");
            item_texts(&c, req, item, &z, lang, today)
        };
        let t = text(date(2026, 6, 29), None, Lang::Zh);
        assert_eq!(t.offered.as_deref(), Some("20 兆瓦；计划 2026-06-30 达 50 兆瓦"));
        assert_eq!(t.gap.as_deref(), Some("现差 20 兆瓦，计划 2026-06-30 达到"));
        assert_eq!(t.source.as_deref(), Some("test；计划：供电公司扩容计划"));
        let t = text(date(2026, 6, 29), None, Lang::En);
        assert_eq!(t.offered.as_deref(), Some("20 MW; 50 MW planned by 2026-06-30"));
        assert_eq!(
            t.gap.as_deref(),
            Some("short 20 MW now; met as planned by 2026-06-30")
        );
        assert_eq!(t.source.as_deref(), Some("test; plan: 供电公司扩容计划"));
        let t = text(date(2026, 7, 1), None, Lang::Zh);
        assert_eq!(t.gap.as_deref(), Some("差 20 兆瓦；逾期：计划 2026-06-30"));
        let t = text(date(2026, 6, 29), Some("2026-09-01"), Lang::Zh);
        assert_eq!(
            t.gap.as_deref(),
            Some("计划 2026-06-30 达到，早于项目开工 2026-09-01")
        );
        let t = text(date(2026, 6, 29), Some("2026-09-01"), Lang::En);
        assert_eq!(
            t.gap.as_deref(),
            Some("met as planned by 2026-06-30, before the project starts on 2026-09-01")
        );
    }

    /// The columnar index reads planning zones from their profiles: the ranking is the same.
    #[test]
    fn the_index_ranks_planning_zones_as_the_profiles_do() {
        let c = catalog();
        let zones = vec![
            zone(&c, "a", &power("20 MW", "50 MW")),
            zone(&c, "b", r#""power.capacity": (value: "30 MW", source: "t")"#),
            zone(&c, "c", &power("36 MW", "50 MW")),
            zone(&c, "d", &power("20 MW", "38 MW")),
        ];
        for (today, start) in [
            (date(2026, 6, 29), None),
            (date(2026, 6, 29), Some("2026-12-31")),
            (date(2026, 7, 1), None),
        ] {
            let list = list(&c, start);
            let scorer = Scorer::new(&c, &list, today);
            let index = index::ZoneIndex::build(&c, &zones);
            assert_eq!(scorer.rank_indexed(&index, &zones), scorer.rank(&zones));
        }
    }
}
