//! The library's share of the app's resident memory with a nation-scale folder: what the app
//! holds for its zones (the workspace of loaded profiles, each with its file and stamp) and
//! the ranking of a 31-item checklist against them, built headless as the app builds them,
//! without a window or a GL driver. Prints resident memory (Linux `/proc/self/statm`) before
//! and after, and the heap bytes of a columnar index of the same zones.
//!
//! Run with `cargo bench --bench memory` (optionally `-- 20000` for another zone count).

// A measurement that cannot set up its input should stop loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use sitematch::io;
use sitematch::model::Catalog;
use sitematch::scoring::index::ZoneIndex;
use sitematch::state::workspace::{Results, Workspace};
use sitematch::synth;

/// Resident memory in MB, from `/proc/self/statm` (pages × 4 KiB); 0 where it cannot be read.
fn resident_mb() -> f64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |pages| pages * 4096.0 / 1e6)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let catalog = Catalog::builtin().expect("catalog");
    let samples = io::load_profiles(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles"),
        &catalog,
    )
    .expect("samples")
    .into_profiles();
    let checklist = synth::checklist(&catalog, &samples, 7);
    let dir = tempfile::tempdir().expect("tempdir");
    io::write_generated(dir.path(), &synth::zones(&catalog, &samples, n, 42), &catalog).expect("write");

    let before = resident_mb();
    let (ws, err) = Workspace::load(catalog.clone(), dir.path());
    assert!(err.is_none() && ws.zones.len() == n);
    let loaded = resident_mb();
    let results = Results::compute(&ws.catalog, &checklist, &ws.zones, jiff::civil::date(2026, 6, 30));
    let ranked = resident_mb();
    let index = ZoneIndex::build(&ws.catalog, &ws.zones);
    println!("memory/{n}: resident before loading {before:.1} MB");
    println!(
        "memory/{n}: workspace (profiles, paths, stamps) +{:.1} MB, {:.2} KB a zone",
        loaded - before,
        (loaded - before) * 1000.0 / n as f64
    );
    println!(
        "memory/{n}: ranking (every zone's scored items) +{:.1} MB, {:.2} KB a zone",
        ranked - loaded,
        (ranked - loaded) * 1000.0 / n as f64
    );
    println!("memory/{n}: library share {:.1} MB", ranked - before);
    println!(
        "memory/{n}: a columnar index of the zones would add {:.1} MB",
        index.heap_bytes() as f64 / 1e6
    );
    std::hint::black_box((&ws, &results, &index));
}
