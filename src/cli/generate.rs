//! `gen`: synthetic zone profiles (and checklists) drawn around the bundled samples, for
//! benchmarks and load tests, with limits on how many. Never writes over an existing file, and
//! claims its folder for the run: a second run into it at the same time fails and writes
//! nothing.

use std::path::Path;

use super::messages::{Failure, Notice};
use super::survey::checklist_text;
use super::{Ctx, bundled_zones};
use crate::io::{self, FileError};

/// The most zones `gen` writes: ten times the largest folder the benchmarks use.
pub(super) const MAX_GEN_ZONES: usize = 1_000_000;
/// The most checklists `gen` writes.
const MAX_GEN_CHECKLISTS: usize = 10_000;

/// `gen`: writes synthetic zones (and checklists) drawn around the bundled samples.
pub(super) fn generate(
    ctx: &Ctx,
    n: usize,
    out: &Path,
    seed: u64,
    checklists: usize,
) -> Result<bool, Failure> {
    for (flag, given, limit) in [
        ("--zones", n, MAX_GEN_ZONES),
        ("--checklists", checklists, MAX_GEN_CHECKLISTS),
    ] {
        if given > limit {
            return Err(Failure::TooMany { flag, given, limit });
        }
    }
    let catalog = &ctx.catalog;
    // Held until every file is written.
    let _claim = io::GenerateClaim::acquire(out)?;
    let checklist_path = |i: usize| out.join("checklists").join(format!("checklist-{:03}.ron", i + 1));
    // Generated data never replaces anyone's file: the checklists are looked for before the
    // zones are written, as the zones are.
    if let Some(path) = (0..checklists).map(checklist_path).find(|p| p.exists()) {
        return Err(FileError::new(&path, io::FileProblem::Exists).into());
    }
    let samples = bundled_zones(catalog)?;
    let zones = crate::synth::zones(catalog, &samples, n, seed);
    io::write_generated(out, &zones, catalog)?;
    for i in 0..checklists {
        let list = crate::synth::checklist(catalog, &samples, seed.wrapping_add(i as u64 + 1));
        let path = checklist_path(i);
        let text = checklist_text(catalog, &list, &path)?;
        io::export(&path, text.as_bytes())?;
    }
    ctx.note(&Notice::Generated {
        zones: n,
        checklists,
        dir: out,
    });
    Ok(true)
}
