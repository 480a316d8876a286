//! Arbitrary checklists scored against arbitrary zones, built value by value through the
//! library's own constructors: scoring never panics, every credit is in [0, 1], every score in
//! [0, 100], qualification agrees with the must-haves, and the ranking is in the documented
//! order.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use sitematch::model::value::YesNo;
use sitematch::model::{
    Catalog, Checklist, Entry, FactorIdx, Importance, Kind, Quantity, Requirement, Text, Value, ZoneProfile,
};
use sitematch::scoring::{Exact, Scorer, Status, rank_order};
use sitematch_fuzz::catalog;

fn value(u: &mut Unstructured, c: &Catalog, f: FactorIdx) -> Result<Option<Value>> {
    let factor = c.factor(f);
    Ok(match &factor.kind {
        Kind::AtLeast(m) | Kind::AtMost(m) => {
            let amount = Decimal::new(
                i64::from(u.int_in_range(0..=2_000_000_u32)?),
                u.int_in_range(0..=4)?,
            );
            let unit = *u.choose(&m.units)?;
            Quantity::new(c, m, amount, unit).ok().map(Value::Amount)
        }
        Kind::YesNo => Some(Value::YesNo(match u.int_in_range(0..=2_u8)? {
            0 => YesNo::Yes,
            1 => YesNo::No,
            _ => YesNo::Planned(jiff::civil::Date::new(2026, 6, 30).expect("date")),
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
                p.set_entry(
                    f,
                    Some(Entry {
                        value,
                        source: "fuzz".into(),
                        as_of: p.as_of,
                        illustrative,
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
    let scorer = Scorer::new(catalog(), &list);
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
            assert_eq!(
                item.status == Status::Met,
                item.credit == Exact::ONE,
                "{item:?}"
            );
        }
        let failed = z
            .items
            .iter()
            .any(|i| i.importance == Importance::Must && i.status != Status::Met);
        assert_eq!(z.qualified, !failed);
    }
    for pair in ranking.zones.windows(2) {
        assert_ne!(
            rank_order(&pair[0], &pair[1], &profiles),
            std::cmp::Ordering::Greater
        );
    }
});
