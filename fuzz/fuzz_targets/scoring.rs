//! Arbitrary checklists scored against arbitrary zones, built value by value through the
//! library's own constructors: scoring never panics, every credit is in [0, 1], every score in
//! [0, 100], qualification agrees with the must-haves, and the ranking is in the documented
//! order; explaining every item, planning what it would take and the readiness tiers never
//! panic either, whatever number a file can hold.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use sitematch::model::value::YesNo;
use sitematch::model::{
    Catalog, Checklist, Entry, FactorIdx, Importance, Kind, Lang, PlannedAmount, Quantity, Requirement, Text,
    Value, ZoneProfile,
};
use sitematch::plan::{plan_lines, what_it_takes};
use sitematch::scoring::explain::item_texts;
use sitematch::scoring::tier::readiness;
use sitematch::scoring::{Exact, Scorer, Status, rank_order};
use sitematch_fuzz::catalog;

/// A day around the day of the ranking (2026-06-30): overdue, that day, or still ahead.
fn around_the_day(u: &mut Unstructured) -> Result<jiff::civil::Date> {
    Ok(jiff::civil::Date::new(2026, u.int_in_range(1..=12)?, 30).unwrap_or_default())
}

fn value(u: &mut Unstructured, c: &Catalog, f: FactorIdx) -> Result<Option<Value>> {
    let factor = c.factor(f);
    Ok(match &factor.kind {
        Kind::AtLeast(m) | Kind::AtMost(m) => {
            // Mostly amounts a zone has; sometimes any a file can hold (96-bit mantissa, up to
            // 28 places), for factors without a plausible maximum.
            let amount = if u.ratio(3, 4)? {
                Decimal::new(
                    i64::from(u.int_in_range(0..=2_000_000_u32)?),
                    u.int_in_range(0..=4)?,
                )
            } else {
                let mantissa = i128::from(u.arbitrary::<u64>()?) << u.int_in_range(0..=32)?;
                Decimal::try_from_i128_with_scale(mantissa, u.int_in_range(0..=28)?).unwrap_or(Decimal::MAX)
            };
            let unit = *u.choose(&m.units)?;
            Quantity::new(c, m, amount, unit).ok().map(Value::Amount)
        }
        Kind::YesNo => Some(Value::YesNo(match u.int_in_range(0..=2_u8)? {
            0 => YesNo::Yes,
            1 => YesNo::No,
            _ => YesNo::Planned(around_the_day(u)?),
        })),
        Kind::Level(levels) => Some(Value::Level(
            u.int_in_range(0..=u16::try_from(levels.len() - 1).unwrap_or(0))?,
        )),
        Kind::Set(v) => {
            let n = u16::try_from(c.vocabulary(*v).members.len()).unwrap_or(1);
            let count = u.int_in_range(1..=4)?;
            let members = (0..count)
                .map(|_| u.int_in_range(0..=n - 1))
                .collect::<Result<Vec<u16>>>()?;
            Some(Value::set(members))
        }
    })
}

fn build(u: &mut Unstructured) -> Result<(Checklist, Vec<ZoneProfile>)> {
    let c = catalog();
    let mut list = Checklist::new(c);
    for (f, _) in c.factors() {
        if u.ratio(1, 2)? {
            let importance = *u.choose(&Importance::ALL)?;
            let required = match c.factor(f).kind {
                Kind::YesNo => Some(Value::YesNo(YesNo::Yes)),
                _ => value(u, c, f)?,
            };
            list.set_item(
                f,
                Some(Requirement {
                    importance,
                    required,
                    note: String::new(),
                }),
            );
        }
    }
    // The investor's own start, sometimes, either side of the plans' days.
    if u.ratio(1, 2)? {
        list.pipeline.planned_start = Some(around_the_day(u)?);
    }
    let zones = u.int_in_range(1..=6)?;
    let mut profiles = Vec::new();
    for i in 0..zones {
        let mut p = ZoneProfile::new(
            c,
            format!("z{i}"),
            Text::new("区", "zone"),
            jiff::civil::Date::new(2024, 1, 1).expect("date"),
        );
        for (f, _) in c.factors() {
            if u.ratio(2, 3)?
                && let Some(value) = value(u, c, f)?
            {
                let illustrative = u.arbitrary()?;
                // A quantity sometimes plans another amount, around the day of the ranking.
                let planned = match (&value, u.ratio(1, 3)?) {
                    (Value::Amount(_), true) => match crate::value(u, c, f)? {
                        Some(Value::Amount(amount)) => Some(Box::new(PlannedAmount {
                            amount,
                            by: around_the_day(u)?,
                            source: String::new(),
                        })),
                        _ => None,
                    },
                    _ => None,
                };
                p.set_entry(
                    f,
                    Some(Entry {
                        value,
                        source: "fuzz".into(),
                        as_of: p.as_of,
                        illustrative,
                        planned,
                    }),
                );
            }
        }
        profiles.push(p);
    }
    Ok((list, profiles))
}

fuzz_target!(|data: &[u8]| {
    let Ok((list, profiles)) = build(&mut Unstructured::new(data)) else {
        return;
    };
    let day = jiff::civil::date(2026, 6, 30);
    let scorer = Scorer::new(catalog(), &list, day);
    let ranking = scorer.rank(&profiles);
    assert_eq!(ranking.zones.len(), profiles.len());
    let hundred = Exact::int(100);
    for z in &ranking.zones {
        assert!(
            z.score >= Exact::ZERO && z.score <= hundred,
            "score {:?}",
            z.score
        );
        for item in &z.items {
            assert!(
                item.credit >= Exact::ZERO && item.credit <= Exact::ONE,
                "credit {:?}",
                item.credit
            );
            assert_eq!(item.status == Status::Met, item.credit == Exact::ONE, "{item:?}");
        }
        let failed = z
            .items
            .iter()
            .any(|i| i.importance == Importance::Must && i.status != Status::Met);
        assert_eq!(z.qualified, !failed);
    }
    for z in &ranking.zones {
        let profile = &profiles[z.zone.index()];
        for item in &z.items {
            if let Some(req) = scorer.requirement_of(item) {
                for lang in [Lang::Zh, Lang::En] {
                    let _ = item_texts(catalog(), req, item, profile, lang, day);
                }
            }
        }
        let plan = what_it_takes(&scorer, profile, z, Decimal::from(90));
        assert!(plan.score_after >= z.score, "a plan never lowers the score");
        for lang in [Lang::Zh, Lang::En] {
            let _ = plan_lines(catalog(), &plan, lang);
        }
        let _ = readiness(catalog(), profile, day);
    }
    for pair in ranking.zones.windows(2) {
        assert_ne!(
            rank_order(&pair[0], &pair[1], &profiles),
            std::cmp::Ordering::Greater
        );
    }
});
