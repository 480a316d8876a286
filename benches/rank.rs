//! SiteMatch's ranking at province and nation scale, with no window and no PDF (it builds with
//! `--no-default-features`). Every benchmark names its input size.
//!
//! - `rank/exact/N`: score and rank one 31-item checklist against N zones, exactly, reading
//!   the profiles;
//! - `rank/exact_indexed/N`: the same from the columnar index built when the folder is loaded
//!   (`index_build/N` is what building it costs, once per load);
//! - `rank/f64_floor/N`: the same comparisons as a plain `f64` loop over prepared arrays, the
//!   floor the exact engine is compared against;
//! - `rescore_one_factor/N`: what a keystroke costs in the app: the edited factor rescored in
//!   N zones and the ranking sorted again;
//! - `load/N`: load N profile files from a folder;
//! - `cli/<stage>/N`: where `sitematch score --format json` spends its time on N files: list
//!   the folder, read the files, parse them, score and rank, write the JSON (to a sink).
//!
//! Run with `cargo bench --bench rank`; compare ratios within one run.

// A benchmark that cannot set up its input should stop loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use sitematch::io;
use sitematch::model::{Catalog, Checklist, Kind, Lang, Value, YesNo, ZoneProfile, number};
use sitematch::scoring::Scorer;
use sitematch::scoring::index::ZoneIndex;
use sitematch::synth;

/// The day the benchmarks rank on.
const DAY: Date = jiff::civil::date(2026, 6, 30);

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];

struct Fixture {
    catalog: Catalog,
    checklist: Checklist,
    zones: Vec<ZoneProfile>,
}

fn fixture(n: usize) -> Fixture {
    let catalog = Catalog::builtin().expect("catalog");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let samples = io::load_profiles(&dir, &catalog)
        .expect("samples")
        .into_profiles();
    let checklist = synth::checklist(&catalog, &samples, 7);
    let zones = synth::zones(&catalog, &samples, n, 42);
    Fixture {
        catalog,
        checklist,
        zones,
    }
}

/// The floor: the same rules on `f64`, requirements and values prepared into flat arrays
/// beforehand, no allocation in the loop but the result vector.
struct FloorRule {
    kind: u8, // 0 at least, 1 at most, 2 yes/no, 3 level, 4 set
    r: f64,
    t: f64,
    weight: f64,
    members: Vec<u16>,
}

/// A zone's values for the floor: per rule, the number (or set) it offers, if known.
type FloorZone = Vec<Option<(f64, Vec<u16>)>>;

fn floor_inputs(f: &Fixture) -> (Vec<FloorRule>, Vec<FloorZone>) {
    let scorer = Scorer::new(&f.catalog, &f.checklist, DAY);
    let rules: Vec<FloorRule> = scorer
        .requirements()
        .iter()
        .map(|p| {
            let factor = f.catalog.factor(p.factor);
            let weight = number::to_f64(p.importance.weight());
            let (kind, r, t, members) = match (&factor.kind, &p.required) {
                (Kind::AtLeast(m), Value::Amount(q)) => (
                    0,
                    number::to_f64(q.canonical()),
                    number::to_f64(m.tolerance),
                    vec![],
                ),
                (Kind::AtMost(m), Value::Amount(q)) => (
                    1,
                    number::to_f64(q.canonical()),
                    number::to_f64(m.tolerance),
                    vec![],
                ),
                (Kind::Level(_), Value::Level(l)) => (3, f64::from(*l), 0.0, vec![]),
                (Kind::Set(_), Value::Set(m)) => (4, 0.0, 0.0, m.clone()),
                _ => (2, 0.0, 0.0, vec![]),
            };
            FloorRule {
                kind,
                r,
                t,
                weight,
                members,
            }
        })
        .collect();
    let values = f
        .zones
        .iter()
        .map(|z| {
            scorer
                .requirements()
                .iter()
                .map(|p| {
                    z.entry(p.factor).map(|e| match &e.value {
                        Value::Amount(q) => (number::to_f64(q.canonical()), vec![]),
                        Value::Level(l) => (f64::from(*l), vec![]),
                        Value::YesNo(YesNo::Yes) => (1.0, vec![]),
                        Value::YesNo(YesNo::Planned(d)) if *d < DAY => (0.0, vec![]),
                        Value::YesNo(YesNo::Planned(_)) => (0.5, vec![]),
                        Value::YesNo(YesNo::No) => (0.0, vec![]),
                        Value::Set(m) => (0.0, m.clone()),
                    })
                })
                .collect()
        })
        .collect();
    (rules, values)
}

fn floor_rank(rules: &[FloorRule], values: &[FloorZone]) -> Vec<(usize, f64)> {
    let total: f64 = rules.iter().map(|r| r.weight).sum();
    let mut scores: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, zone)| {
            let mut sum = 0.0;
            for (rule, v) in rules.iter().zip(zone) {
                let Some((x, held)) = v else { continue };
                let s = match rule.kind {
                    0 if *x >= rule.r => 1.0,
                    0 => ((x - (1.0 - rule.t) * rule.r) / (rule.t * rule.r)).max(0.0),
                    1 if *x <= rule.r => 1.0,
                    1 => (((1.0 + rule.t) * rule.r - x) / (rule.t * rule.r)).max(0.0),
                    2 => *x,
                    3 if *x >= rule.r => 1.0,
                    3 if rule.r - x == 1.0 => 0.5,
                    4 => {
                        let have = rule
                            .members
                            .iter()
                            .filter(|m| held.binary_search(m).is_ok())
                            .count();
                        have as f64 / rule.members.len().max(1) as f64
                    }
                    _ => 0.0,
                };
                sum += rule.weight * s;
            }
            (i, 100.0 * sum / total)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    scores
}

fn rank(c: &mut Criterion) {
    let f = fixture(*SIZES.last().unwrap_or(&100_000));
    let (rules, values) = floor_inputs(&f);
    let mut group = c.benchmark_group("rank");
    for n in SIZES {
        if n >= 10_000 {
            group.sample_size(20);
        }
        group.bench_with_input(BenchmarkId::new("exact", n), &n, |b, &n| {
            b.iter(|| Scorer::new(&f.catalog, &f.checklist, DAY).rank(black_box(&f.zones[..n])))
        });
        let index = ZoneIndex::build(&f.catalog, &f.zones[..n]);
        group.bench_with_input(BenchmarkId::new("exact_indexed", n), &n, |b, &n| {
            b.iter(|| {
                Scorer::new(&f.catalog, &f.checklist, DAY).rank_indexed(&index, black_box(&f.zones[..n]))
            })
        });
        group.bench_with_input(BenchmarkId::new("f64_floor", n), &n, |b, &n| {
            b.iter(|| floor_rank(&rules, black_box(&values[..n])))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("index_build");
    group.sample_size(20);
    for n in [10_000, 100_000] {
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| ZoneIndex::build(&f.catalog, black_box(&f.zones[..n])))
        });
    }
    group.finish();

    // What the app does on a keystroke: rescore the one edited factor and rank again.
    let before = Scorer::new(&f.catalog, &f.checklist, DAY);
    let (factor, edited) = tighter_land(&f);
    let after = Scorer::new(&f.catalog, &edited, DAY);
    let mut group = c.benchmark_group("rescore_one_factor");
    group.sample_size(20);
    for n in [10_000, 100_000] {
        let zones = &f.zones[..n];
        let base = before.rank(zones);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter_batched_ref(
                || base.clone(),
                |ranking| after.rescore_factor(ranking, before.requirements(), factor, black_box(zones)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

/// The checklist with its land requirement doubled, as an officer typing would change it.
fn tighter_land(f: &Fixture) -> (sitematch::model::FactorIdx, Checklist) {
    let land = f.catalog.find_factor("land.industrial_area").expect("factor");
    let mut list = f.checklist.clone();
    let item = list.item_mut(land).expect("land is requested");
    if let Some(Value::Amount(q)) = &item.required {
        let measure = f.catalog.factor(land).kind.measure().expect("measure");
        let doubled = q.amount() * rust_decimal::Decimal::TWO;
        item.required = Some(Value::Amount(
            sitematch::model::Quantity::new(&f.catalog, measure, doubled, q.unit()).expect("quantity"),
        ));
    }
    (land, list)
}

fn load(c: &mut Criterion) {
    let f = fixture(10_000);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("tempdir");
        io::write_generated(dir.path(), &f.zones[..n], &f.catalog).expect("write");
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| io::load_profiles(black_box(dir.path()), &f.catalog).expect("load"))
        });
    }
    group.finish();
}

/// The stages of `sitematch score --format json` over a folder, one by one (the binary runs
/// them in this order; process start and the write to a terminal or file are left to a
/// whole-process timer).
fn cli_stages(c: &mut Criterion) {
    use rayon::prelude::*;
    use sitematch::report::RankingReport;
    use sitematch::report::json::JsonWriter;
    use sitematch::report::ranking::zone_rows;
    let f = fixture(10_000);
    let today = Date::new(2026, 11, 29).expect("date");
    let mut group = c.benchmark_group("cli");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("tempdir");
        io::write_generated(dir.path(), &f.zones[..n], &f.catalog).expect("write");
        let files = io::ron_files(dir.path()).expect("list");
        group.bench_with_input(BenchmarkId::new("list", n), &n, |b, _| {
            b.iter(|| io::ron_files(black_box(dir.path())).expect("list"))
        });
        group.bench_with_input(BenchmarkId::new("read", n), &n, |b, _| {
            b.iter(|| {
                files
                    .par_iter()
                    .map(|p| io::read_bytes(p).expect("read").len())
                    .sum::<usize>()
            })
        });
        let texts: Vec<(String, String)> = files
            .iter()
            .map(|p| (io::read_text(p).expect("read"), io::profile_id(p)))
            .collect();
        group.bench_with_input(BenchmarkId::new("parse", n), &n, |b, _| {
            b.iter(|| {
                texts
                    .par_iter()
                    .map(|(t, id)| sitematch::model::parse_profile(t, id, &f.catalog).expect("parse"))
                    .collect::<Vec<_>>()
            })
        });
        group.bench_with_input(BenchmarkId::new("load", n), &n, |b, _| {
            b.iter(|| io::load_profiles(black_box(dir.path()), &f.catalog).expect("load"))
        });
        // The same folder again, from the cache of parsed profiles: the files backdated past
        // the cache's racy window, as files last edited a while ago are, and the cache primed.
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in &files {
            std::fs::File::options()
                .write(true)
                .open(p)
                .and_then(|file| file.set_modified(then))
                .expect("backdate");
        }
        let cache = tempfile::tempdir().expect("tempdir");
        let cached =
            |d: &std::path::Path| io::load_profiles_cached(d, &f.catalog, Some(cache.path()), &|_, _| {});
        cached(dir.path()).expect("prime the cache");
        group.bench_with_input(BenchmarkId::new("load_cached", n), &n, |b, _| {
            b.iter(|| cached(black_box(dir.path())).expect("load"))
        });
        let zones = &f.zones[..n];
        let scorer = Scorer::new(&f.catalog, &f.checklist, DAY);
        group.bench_with_input(BenchmarkId::new("score", n), &n, |b, _| {
            b.iter(|| scorer.rank(black_box(zones)))
        });
        let ranking = scorer.rank(zones);
        group.bench_with_input(BenchmarkId::new("write_json", n), &n, |b, _| {
            b.iter(|| {
                let header = RankingReport::header(&scorer, &f.checklist, Lang::Zh);
                let mut w = JsonWriter::start(std::io::sink(), &header).expect("start");
                for start in (0..n).step_by(1024) {
                    let rows = zone_rows(&scorer, &ranking, zones, start..start + 1024, Lang::Zh, today);
                    w.zones(&rows).expect("write");
                }
                w.finish().expect("finish")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, rank, load, cli_stages);
criterion_main!(benches);
