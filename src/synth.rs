//! Synthetic zones and checklists at scale, for benchmarks and load tests: deterministic for a
//! seed, with values drawn around the bundled sample zones, some unknown and some illustrative,
//! as a province's or a nation's data would look. Pure: profiles in memory; `io` writes them.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::value::YesNo;
use crate::model::{
    Catalog, Checklist, Entry, Importance, Kind, Quantity, Requirement, Text, Value, ZoneProfile,
};

/// Share of factors a synthetic zone leaves unknown.
const UNKNOWN_SHARE: f64 = 0.2;
/// Share of known values marked illustrative.
const ILLUSTRATIVE_SHARE: f64 = 0.35;

/// A value near `base` (±50 %), rounded to the base's scale; a fresh one when there is none.
fn near(rng: &mut fastrand::Rng, base: Decimal) -> Decimal {
    let factor = Decimal::new(i64::from(rng.u32(50..=150)), 2);
    (base * factor).round_dp(base.scale().min(2)).max(Decimal::ZERO)
}

fn pick_base<'a>(samples: &'a [ZoneProfile], rng: &mut fastrand::Rng) -> Option<&'a ZoneProfile> {
    (!samples.is_empty()).then(|| &samples[rng.usize(..samples.len())])
}

/// One value for a factor: around what some sample zone has, or across the whole range the
/// samples span when the drawn zone has none.
fn value(
    catalog: &Catalog,
    samples: &[ZoneProfile],
    f: crate::model::FactorIdx,
    rng: &mut fastrand::Rng,
) -> Option<Value> {
    let factor = catalog.factor(f);
    let known: Vec<&Value> = samples
        .iter()
        .filter_map(|p| p.entry(f))
        .map(|e| &e.value)
        .collect();
    let base = pick_base(samples, rng)
        .and_then(|p| p.entry(f))
        .map(|e| &e.value)
        .or_else(|| (!known.is_empty()).then(|| known[rng.usize(..known.len())]));
    Some(match (&factor.kind, base) {
        (Kind::AtLeast(m) | Kind::AtMost(m), Some(Value::Amount(q))) => {
            Value::Amount(Quantity::new(catalog, m, near(rng, q.canonical()), m.unit).ok()?)
        }
        (Kind::AtLeast(m) | Kind::AtMost(m), _) => {
            Value::Amount(Quantity::new(catalog, m, Decimal::from(rng.u32(1..=1000)), m.unit).ok()?)
        }
        (Kind::YesNo, _) => Value::YesNo(match rng.u8(0..10) {
            0..=5 => YesNo::Yes,
            6..=7 => YesNo::Planned(Date::new(2026 + i16::from(rng.u8(0..2)), rng.i8(1..=12), 1).ok()?),
            _ => YesNo::No,
        }),
        (Kind::Level(levels), base) => {
            let top = u16::try_from(levels.len()).ok()?.saturating_sub(1);
            let from = match base {
                Some(Value::Level(l)) => *l,
                _ => rng.u16(..=top),
            };
            Value::Level(match rng.u8(0..3) {
                0 => from.saturating_sub(1),
                1 => (from + 1).min(top),
                _ => from,
            })
        }
        (Kind::Set(v), base) => {
            let members = u16::try_from(catalog.vocabulary(*v).members.len()).ok()?;
            let mut set: Vec<u16> = match base {
                Some(Value::Set(m)) => m.iter().copied().filter(|_| rng.u8(0..5) > 0).collect(),
                _ => Vec::new(),
            };
            for _ in 0..rng.u8(0..4) {
                set.push(rng.u16(..members));
            }
            if set.is_empty() {
                set.push(rng.u16(..members));
            }
            Value::set(set)
        }
    })
}

/// `n` synthetic zones, ids `z00001`…, drawn around `samples` with a fixed `seed`.
pub fn zones(catalog: &Catalog, samples: &[ZoneProfile], n: usize, seed: u64) -> Vec<ZoneProfile> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let width = n.to_string().len().max(5);
    (1..=n)
        .map(|i| {
            let as_of = Date::new(2023 + i16::from(rng.u8(0..4)), rng.i8(1..=12), rng.i8(1..=28))
                .unwrap_or(Date::MIN);
            let name = Text::new(
                format!("合成开发区 {i:0width$}"),
                format!("Synthetic zone {i:0width$}"),
            );
            let mut p = ZoneProfile::new(catalog, format!("z{i:0width$}"), name, as_of);
            p.region = Text::new("示例省", "Sample province");
            for (f, _) in catalog.factors() {
                if rng.f64() < UNKNOWN_SHARE {
                    continue;
                }
                if let Some(value) = value(catalog, samples, f, &mut rng) {
                    let illustrative = rng.f64() < ILLUSTRATIVE_SHARE;
                    let source = if illustrative {
                        String::new()
                    } else {
                        format!("合成数据 synthetic #{seed}")
                    };
                    p.set_entry(
                        f,
                        Some(Entry {
                            value,
                            source,
                            as_of,
                            illustrative,
                            planned: None,
                            owner: None,
                        }),
                    );
                }
            }
            p
        })
        .collect()
}

/// A checklist of every factor with requirements drawn around the samples, importance at the
/// catalog's defaults, with a fixed `seed`.
pub fn checklist(catalog: &Catalog, samples: &[ZoneProfile], seed: u64) -> Checklist {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut c = Checklist::new(catalog);
    c.investor = "合成投资方 Synthetic investor".into();
    c.project = format!("合成项目 Synthetic project #{seed}");
    c.industry = Some(rng.u16(..u16::try_from(catalog.industries().members.len()).unwrap_or(1)));
    c.total_investment = Some(Decimal::from(rng.u32(10_000..=500_000)));
    c.planned_intensity = Some(Decimal::from(rng.u32(150..=800)));
    c.planned_tax_per_mu = Some(Decimal::from(rng.u32(10..=60)));
    for (f, factor) in catalog.factors() {
        let required = match factor.kind {
            Kind::YesNo => Some(Value::YesNo(YesNo::Yes)),
            _ if factor.default_from.is_some() => None,
            _ => value(catalog, samples, f, &mut rng),
        };
        let importance = if factor.importance == Importance::Must {
            Importance::Must
        } else {
            Importance::ALL[rng.usize(1..4)]
        };
        c.set_item(
            f,
            Some(Requirement {
                importance,
                required,
                note: String::new(),
            }),
        );
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(c: &Catalog) -> Vec<ZoneProfile> {
        ["houma", "linyi", "shuozhou", "xiangfen", "yuanping"]
            .iter()
            .map(|id| {
                let text =
                    std::fs::read_to_string(format!("{}/profiles/{id}.ron", env!("CARGO_MANIFEST_DIR")))
                        .expect("sample");
                crate::model::parse_profile(&text, id, c).expect("parses")
            })
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_zones() {
        let c = Catalog::builtin().expect("catalog");
        let s = samples(&c);
        let a = zones(&c, &s, 50, 7);
        assert_eq!(a, zones(&c, &s, 50, 7));
        assert_ne!(a, zones(&c, &s, 50, 8));
        let known: usize = a.iter().map(ZoneProfile::known_count).sum();
        let share = known as f64 / (50.0 * c.len() as f64);
        assert!((0.7..0.9).contains(&share), "about a fifth unknown: {share}");
        assert!(a.iter().flat_map(|p| p.entries()).any(|(_, e)| e.illustrative));
        assert!(
            a.iter()
                .flat_map(|p| p.entries())
                .all(|(_, e)| e.illustrative || !e.source.is_empty())
        );
    }

    #[test]
    fn synthetic_files_round_trip_and_score() {
        let c = Catalog::builtin().expect("catalog");
        let s = samples(&c);
        for p in zones(&c, &s, 30, 1) {
            let text = crate::model::write_profile(&p, &c).expect("write");
            assert_eq!(crate::model::parse_profile(&text, &p.id, &c).expect("parse"), p);
        }
        let list = checklist(&c, &s, 3);
        assert_eq!(list.items().count(), 31);
        let ranking = crate::scoring::score(&c, &list, &zones(&c, &s, 30, 1), jiff::civil::date(2026, 1, 1));
        assert_eq!(ranking.zones.len(), 30);
        assert!(ranking.zones[0].items.len() >= 29);
    }
}
