//! `pipeline`: the project ledger (项目台账) of a folder of pending projects' checklists, as a
//! table, JSON or a workbook. The ledger is built by `report::projects`; only output is here.

use super::args::{PipelineArgs, PipelineFormat};
use super::messages::{Failure, Notice};
use super::{Ctx, print_out};
use crate::io;
use crate::model::text::printable;

/// `pipeline`: the project ledger of a folder of checklists.
pub(super) fn pipeline(ctx: &Ctx, args: &PipelineArgs) -> Result<bool, Failure> {
    use crate::report::projects::{self, Ledger};
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    if args.format == PipelineFormat::Xlsx && args.out.is_none() {
        return Err(Failure::XlsxNeedsOut);
    }
    let (lists, errors) = io::load_checklists(&args.checklists, catalog)?;
    for e in &errors {
        ctx.note(&Notice::Skipped(e));
    }
    if lists.is_empty() {
        return Err(Failure::NoChecklists(args.checklists.clone()));
    }
    let (_, loaded) = ctx.zones(args.profiles.as_deref())?;
    let named: Vec<_> = lists
        .into_iter()
        .map(|(path, list)| {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (file, list)
        })
        .collect();
    let ledger = Ledger::build(
        catalog,
        named.iter().map(|(file, list)| (file.as_str(), list)),
        &loaded.zones,
        ctx.today,
        lang,
    );
    let bytes = match args.format {
        PipelineFormat::Table => printable(&projects::table(&ledger)).into_owned().into_bytes(),
        PipelineFormat::Json => format!("{:#}\n", projects::json(&ledger)).into_bytes(),
        PipelineFormat::Xlsx => projects::workbook(&ledger).map_err(|e| Failure::Export(e.to_string()))?,
    };
    match &args.out {
        Some(path) => {
            io::export(path, &bytes)?;
            ctx.note(&Notice::Wrote(path));
        }
        None => print_out(&bytes)?,
    }
    Ok(errors.is_empty() && loaded.errors.is_empty())
}
