//! SiteMatch's views at nation scale. Every benchmark names its input size.
//!
//! - `results_frame/10000`: one headless egui frame of the results view with 10 000 rows;
//! - `report_pdf/10x31`: lay out and write the PDF report for 10 zones × 31 items;
//! - `report_pdf/10000`: the whole report of a folder of 10 000 zones with the defaults (the
//!   top 5 detailed, the top 20 listed, one line for the rest): score and rank, build the
//!   model, lay out and write the PDF (target ≤ 2 s).
//!
//! The ranking itself is measured in `benches/rank.rs`. Run with `cargo bench --bench scale`.

// A benchmark that cannot set up its input should stop loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::Criterion;
use criterion::{criterion_group, criterion_main};
use jiff::civil::Date;
use sitematch::io;
use sitematch::model::{Catalog, Checklist, Lang, ZoneProfile};
use sitematch::report::{ReportLang, ReportModel, ReportOptions, pdf};
use sitematch::scoring::Scorer;
use sitematch::state::workspace::Results;
use sitematch::synth;
use sitematch::ui::results_view::{ResultsData, ResultsState, results_view_ui};

/// The day the benchmarks rank on.
const DAY: Date = jiff::civil::date(2026, 6, 30);

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

fn results_frame(c: &mut Criterion) {
    let f = fixture(10_000);
    // The zones as the app holds them: each with its file and the stamp of what was read.
    let zones: Vec<io::Zone> = f
        .zones
        .iter()
        .map(|p| io::Zone {
            profile: p.clone(),
            path: format!("{}.ron", p.id).into(),
            stamp: io::FileStamp {
                len: 0,
                modified: None,
                hash: 0,
            },
        })
        .collect();
    let results = Results::compute(&f.catalog, &f.checklist, &zones, DAY);
    let ctx = egui::Context::default();
    sitematch::ui::fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    let mut state = ResultsState {
        selected: Some(sitematch::model::ZoneIdx::new(0)),
        ..ResultsState::default()
    };
    let data = ResultsData {
        catalog: &f.catalog,
        zones: &zones,
        folder: sitematch::ui::no_zones::Folder {
            dir: std::path::Path::new("profiles"),
            failed: 0,
            loading: false,
        },
        results: &results,
        lang: Lang::Zh,
        today: Date::new(2026, 11, 29).expect("date"),
    };
    let mut frame = || {
        ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                black_box(results_view_ui(ui, &mut state, &data));
            });
        })
    };
    // Warm up fonts and layout caches as a running app has them.
    for _ in 0..3 {
        frame();
    }
    c.bench_function("results_frame/10000", |b| b.iter(&mut frame));

    // The same frame while the report of the 10 000 zones is laid out and written on another
    // thread, as the app makes it: the window must keep its 16 ms.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let reports = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        s.spawn(|| {
            let options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let scorer = Scorer::new(&f.catalog, &f.checklist, DAY);
                let ranking = scorer.rank(&f.zones);
                let model = ReportModel::build(&scorer, &f.checklist, &ranking, &f.zones, &options);
                black_box(pdf::render(&model, None).expect("pdf"));
                reports.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        });
        c.bench_function("results_frame_during_report/10000", |b| b.iter(&mut frame));
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    eprintln!(
        "reports made during the frames: {}",
        reports.load(std::sync::atomic::Ordering::Relaxed)
    );
}

fn report(c: &mut Criterion) {
    let f = fixture(10);
    let scorer = Scorer::new(&f.catalog, &f.checklist, DAY);
    let ranking = scorer.rank(&f.zones);
    let mut options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
    options.top = 10;
    options.lang = ReportLang::Zh;
    let model = ReportModel::build(&scorer, &f.checklist, &ranking, &f.zones, &options);
    let mut group = c.benchmark_group("report_pdf");
    group.sample_size(10);
    group.bench_function("10x31", |b| {
        b.iter(|| pdf::render(black_box(&model), None).expect("pdf"))
    });
    let f = fixture(10_000);
    let options = ReportOptions::new(Date::new(2026, 11, 29).expect("date"));
    group.bench_function("10000", |b| {
        b.iter(|| {
            let scorer = Scorer::new(&f.catalog, &f.checklist, DAY);
            let ranking = scorer.rank(black_box(&f.zones));
            let model = ReportModel::build(&scorer, &f.checklist, &ranking, &f.zones, &options);
            pdf::render(&model, None).expect("pdf")
        })
    });
    group.finish();
}

criterion_group!(benches, results_frame, report);
criterion_main!(benches);
