// Tests stop loudly on setup that cannot fail with the bundled data.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use rust_decimal::Decimal;

use super::pipeline::{pipeline, step_text};
use super::*;
use crate::model::{Checklist, Quantity, Requirement, ZoneIdx, parse_checklist, parse_profile};
use crate::scoring::{Exact, Scorer};

/// The day the test plans are made.
fn day() -> jiff::civil::Date {
    jiff::civil::Date::new(2025, 1, 1).expect("date")
}

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("file")
}

fn sample(c: &Catalog, id: &str) -> ZoneProfile {
    parse_profile(&read(&format!("profiles/{id}.ron")), id, c).expect("profile")
}

fn samples(c: &Catalog) -> Vec<ZoneProfile> {
    ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"]
        .iter()
        .map(|id| sample(c, id))
        .collect()
}

fn rescore(scorer: &Scorer, profile: &ZoneProfile) -> ZoneResult {
    scorer.score_zone(ZoneIdx::default(), profile)
}

#[test]
fn yuanping_needs_its_two_failed_must_haves_then_qualifies() {
    let c = catalog();
    let list = parse_checklist(&read("assets/checklists/pv_base.ron"), &c).expect("checklist");
    let zone = sample(&c, "yuanping");
    let scorer = Scorer::new(&c, &list, day());
    let result = rescore(&scorer, &zone);
    assert!(!result.qualified);
    let plan = what_it_takes(&scorer, &zone, &result, DEFAULT_TARGET);
    let mut ids: Vec<&str> = plan
        .to_qualify
        .iter()
        .map(|ch| c.factor(ch.factor).id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["policy.industry", "quota.energy"]);
    assert!(plan.to_qualify.iter().all(|ch| ch.must));

    let qualified = apply(&zone, &plan.to_qualify, "test");
    let after = rescore(&scorer, &qualified);
    assert!(after.qualified);
    assert_eq!(after.score, plan.score_qualified);

    let all = apply(&zone, plan.changes(), "test");
    let after = rescore(&scorer, &all);
    assert!(after.qualified);
    assert!(
        after.score >= Exact::from_decimal(DEFAULT_TARGET),
        "{:?}",
        after.score
    );
    assert_eq!(after.score, plan.score_after);
    // Gains are exact and add up, to the last digit.
    let gains = plan.changes().fold(Exact::ZERO, |sum, ch| sum.add(&ch.gain));
    assert_eq!(plan.score.add(&gains), plan.score_after);
    // The further changes go largest gain first.
    assert!(plan.to_target.windows(2).all(|w| w[0].gain >= w[1].gain));
}

#[test]
fn a_zone_that_is_qualified_and_above_target_needs_nothing() {
    let c = catalog();
    let list = parse_checklist(&read("assets/checklists/pv_base.ron"), &c).expect("checklist");
    let zone = sample(&c, "houma");
    let scorer = Scorer::new(&c, &list, day());
    let plan = what_it_takes(&scorer, &zone, &rescore(&scorer, &zone), DEFAULT_TARGET);
    assert!(plan.is_empty());
    assert_eq!(plan.score_after, plan.score);
}

#[test]
fn changes_read_in_units_both_ways() {
    let c = catalog();
    let land = c.find_factor("land.industrial_area").expect("factor");
    let measure = c.factor(land).kind.measure().expect("measure").clone();
    let q = |text: &str| {
        Value::Amount(crate::model::value::parse_quantity(&c, &measure, text).expect("quantity"))
    };
    let change = Change {
        factor: land,
        target: q("515 mu"),
        offered: Some(q("438 mu")),
        gain: Exact::ratio(65, 10),
        must: true,
        overdue: false,
        planned_by: None,
    };
    assert_eq!(change_text(&c, &change, Lang::Zh), "可供工业用地面积 +77 亩");
    assert_eq!(
        change_text(&c, &change, Lang::En),
        "Available industrial land +77 mu"
    );
    let lines = plan_lines(
        &c,
        &Plan {
            score: Exact::ZERO,
            qualified: false,
            to_qualify: vec![change.clone()],
            score_qualified: Exact::ZERO,
            to_target: vec![],
            target: DEFAULT_TARGET,
            score_after: Exact::ZERO,
        },
        Lang::En,
    );
    assert_eq!(
        lines,
        ["Available industrial land +77 mu: needed to qualify, +6.5 points"]
    );

    // The zone plans 515 mu: bring it forward, or deliver it once its day has passed.
    let by = jiff::civil::Date::new(2026, 6, 30).expect("date");
    let planned = Change {
        planned_by: Some(by),
        ..change.clone()
    };
    assert_eq!(
        change_text(&c, &planned, Lang::Zh),
        "可供工业用地面积 +77 亩（由计划 2026-06-30 提前到位）"
    );
    let overdue = Change {
        overdue: true,
        ..planned
    };
    assert_eq!(
        change_text(&c, &overdue, Lang::En),
        "Available industrial land +77 mu (planned for 2026-06-30, overdue: deliver it)"
    );

    let days = c.find_factor("service.approval_days").expect("factor");
    let m = c.factor(days).kind.measure().expect("measure").clone();
    let d = |n: i64| Value::Amount(Quantity::new(&c, &m, Decimal::from(n), m.unit).expect("quantity"));
    let faster = Change {
        factor: days,
        target: d(60),
        offered: Some(d(74)),
        gain: Exact::ONE,
        must: false,
        overdue: false,
        planned_by: None,
    };
    assert_eq!(
        change_text(&c, &faster, Lang::En),
        "Approval time, filing to completion −14 working days"
    );

    let assessments = c.find_factor("policy.regional_assessments").expect("factor");
    let Kind::Set(v) = c.factor(assessments).kind else {
        panic!("set")
    };
    let seismic = c.vocabulary(v).find("seismic").expect("member");
    let complete = Change {
        factor: assessments,
        target: Value::Set(vec![seismic]),
        offered: Some(Value::Set(vec![])),
        gain: Exact::ratio(24, 10),
        must: false,
        overdue: false,
        planned_by: None,
    };
    assert!(change_text(&c, &complete, Lang::Zh).ends_with("完成 地震安全性评价"));
    let verify = Change {
        offered: None,
        ..change
    };
    assert_eq!(
        change_text(&c, &verify, Lang::Zh),
        "可供工业用地面积：待核实（要求 ≥ 515 亩）"
    );
}

/// A small checklist: the first `n` factors the synthetic checklist scores, the rest not needed.
fn small_checklist(c: &Catalog, samples: &[ZoneProfile], seed: u64, n: usize) -> Checklist {
    let mut list = crate::synth::checklist(c, samples, seed);
    let keep: Vec<FactorIdx> = list
        .scored_items(c)
        .map(|(f, _, _)| f)
        .filter(|f| !(f.index() as u64 + seed).is_multiple_of(3))
        .take(n)
        .collect();
    let all: Vec<FactorIdx> = c.factors().map(|(f, _)| f).collect();
    for f in all {
        if !keep.contains(&f) {
            list.set_item(f, Some(Requirement::unstated(Importance::NotNeeded)));
        }
    }
    list
}

/// Brute force: every subset of the possible changes, applied and rescored. No subset shorter
/// than the plan qualifies the zone and reaches the target; no subset shorter than the
/// qualifying part qualifies it.
#[test]
fn no_shorter_list_qualifies_or_reaches_the_target() {
    let c = catalog();
    let s = samples(&c);
    let zones = crate::synth::zones(&c, &s, 40, 11);
    let mut checked = 0;
    let (mut qualifying, mut lifting) = (0, 0);
    for (seed, zone) in zones.iter().enumerate() {
        let list = small_checklist(&c, &s, seed as u64, 8);
        let scorer = Scorer::new(&c, &list, day());
        let result = rescore(&scorer, zone);
        for target in [Decimal::from(70), DEFAULT_TARGET, Decimal::ONE_HUNDRED] {
            let plan = what_it_takes(&scorer, zone, &result, target);
            let done = rescore(&scorer, &apply(zone, plan.changes(), "test"));
            let goal = Exact::from_decimal(target);
            assert!(done.qualified, "zone {seed}: the plan qualifies");
            assert!(
                done.score >= goal,
                "zone {seed}: the plan reaches {target}: {:?}",
                done.score
            );

            let open: Vec<Change> = result
                .items
                .iter()
                .filter(|i| i.status != Status::Met)
                .map(|i| change(scorer.requirements(), zone, i, Exact::ZERO).expect("change"))
                .collect();
            assert!(open.len() <= 8);
            let mut shortest_qualifying = usize::MAX;
            let mut shortest_to_target = usize::MAX;
            for mask in 0u32..(1 << open.len()) {
                let subset: Vec<&Change> = open
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, ch)| ch)
                    .collect();
                let r = rescore(&scorer, &apply(zone, subset.iter().copied(), "test"));
                if r.qualified {
                    shortest_qualifying = shortest_qualifying.min(subset.len());
                    if r.score >= goal {
                        shortest_to_target = shortest_to_target.min(subset.len());
                    }
                }
            }
            assert_eq!(plan.to_qualify.len(), shortest_qualifying, "zone {seed}");
            assert_eq!(
                plan.to_qualify.len() + plan.to_target.len(),
                shortest_to_target,
                "zone {seed}"
            );
            checked += 1;
            qualifying += usize::from(!plan.to_qualify.is_empty());
            lifting += usize::from(!plan.to_target.is_empty());
        }
    }
    assert_eq!(checked, 120);
    // The cases exercise both parts of a plan.
    assert!(qualifying >= 20 && lifting >= 20, "{qualifying} {lifting}");
}

/// A fixture pipeline worked out by hand. The zone holds 1000 mu of land, 50 MW of spare power
/// and the environment assessment; it knows nothing of its energy quota.
///
/// | project | land (must) | power (must) | energy quota (must) | needs                 |
/// |---------|-------------|--------------|---------------------|-----------------------|
/// | A       | 800 mu      | 40 MW        | —                   | nothing: qualified    |
/// | B       | 1200 mu     | 40 MW        | —                   | +200 mu               |
/// | C       | 1300 mu     | 60 MW        | —                   | +300 mu, +10 MW       |
/// | D       | 900 mu      | 70 MW        | —                   | +20 MW                |
/// | E       | 1300 mu     | 50 MW        | 1000 tce/a          | +300 mu, verify quota |
///
/// Land blocks B, C, E (3; +300 mu clears all), power blocks C, D (2; +20 MW), the quota E.
/// Ladder: B (+200 mu: 2 of 5), then D (+20 MW: 3 of 5), then C (+300 mu tightens land, power is
/// already there: 4 of 5), then E (verify the quota: 5 of 5).
#[test]
fn reserve_planning_on_a_fixture_pipeline() {
    let c = catalog();
    let zone = parse_profile(
        r#"ZoneProfile(
            name: (zh: "测试区", en: "Test zone"),
            as_of: "2026-06-30",
            factors: {
                "land.industrial_area": (value: "1000 mu", source: "fixture"),
                "power.capacity": (value: "50 MW", source: "fixture"),
                "policy.regional_assessments": (value: ["environment"], source: "fixture"),
            },
        )"#,
        "test",
        &c,
    )
    .expect("profile");
    let project = |name: &str, land: u32, power: u32, quota: Option<u32>| {
        let quota = quota.map_or_else(String::new, |q| {
            format!(r#""quota.energy": (required: "{q} tce_per_a", importance: Must),"#)
        });
        let text = format!(
            r#"Checklist(
                investor: "x",
                project: "{name}",
                items: {{
                    "land.industrial_area": (required: "{land} mu", importance: Must),
                    "power.capacity": (required: "{power} MW", importance: Must),
                    {quota}
                }},
            )"#
        );
        parse_checklist(&text, &c).expect("checklist")
    };
    let lists = [
        project("A", 800, 40, None),
        project("B", 1200, 40, None),
        project("C", 1300, 60, None),
        project("D", 900, 70, None),
        project("E", 1300, 50, Some(1000)),
    ];
    let p = pipeline(&c, &zone, &lists, day());
    assert_eq!(p.qualified_now(), 1);
    let blocks: Vec<(&str, usize)> = p
        .shortfalls
        .iter()
        .map(|s| (c.factor(s.factor).id.as_str(), s.blocks))
        .collect();
    assert_eq!(
        blocks,
        [
            ("land.industrial_area", 3),
            ("power.capacity", 2),
            ("quota.energy", 1)
        ]
    );
    let clears: Vec<String> = p
        .shortfalls
        .iter()
        .map(|s| change_text(&c, &s.change, Lang::En))
        .collect();
    assert_eq!(
        clears,
        [
            "Available industrial land +300 mu",
            "Spare power capacity +20 MW",
            "Energy-use quota: verify (required ≥ 1,000 tce/a)",
        ]
    );
    let counts: Vec<usize> = p.steps.iter().map(|s| s.qualified.len()).collect();
    assert_eq!(counts, [2, 3, 4, 5]);
    let texts: Vec<String> = p
        .steps
        .iter()
        .map(|s| step_text(&c, s, lists.len(), Lang::En))
        .collect();
    assert_eq!(
        texts[0],
        "Available industrial land +200 mu: 2 of 5 projects qualify"
    );
    assert_eq!(
        texts[2],
        "Available industrial land +300 mu; Spare power capacity +20 MW: 4 of 5 projects qualify"
    );
    assert_eq!(p.steps[3].qualified, [0, 1, 2, 3, 4]);
}
