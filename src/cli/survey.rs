//! `survey` and `import`: the investment-factor survey workbook written out, and a filled one
//! read back into a new checklist file (never over an existing one). The workbook itself is
//! `crate::survey`'s.

use std::path::Path;

use super::Ctx;
use super::messages::{Failure, Notice};
use crate::io::{self, FileError, FileProblem};
use crate::model::Catalog;

/// `survey`: writes the survey workbook, blank or pre-filled from a checklist.
pub(super) fn survey(ctx: &Ctx, out: &Path, checklist: Option<&Path>) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let list = checklist.map(|p| io::load_checklist(p, catalog)).transpose()?;
    let bytes = crate::survey::write(catalog, list.as_ref())?;
    io::export(out, &bytes)?;
    ctx.note(&Notice::Wrote(out));
    Ok(true)
}

/// A checklist as file text; only a value the writer cannot express fails.
pub(super) fn checklist_text(
    catalog: &Catalog,
    list: &crate::model::Checklist,
    path: &Path,
) -> Result<String, Failure> {
    crate::model::write_checklist(list, catalog).map_err(|e| {
        Failure::File(FileError::new(
            path,
            FileProblem::Write {
                what: io::Document::Checklist,
                detail: e.to_string(),
            },
        ))
    })
}

/// `import`: reads a filled survey into a new checklist file.
pub(super) fn import(ctx: &Ctx, survey: &Path, out: &Path) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    if out.exists() {
        return Err(Failure::OutExists(out.to_owned()));
    }
    let list = io::import_survey(survey, catalog)?;
    write_new_checklist(ctx, &list, out)?;
    Ok(true)
}

/// Writes a checklist a command made (from a survey, from a message) to a new file and says
/// so. Created only where no file is, in one step: of two commands racing to one name, the
/// second is refused, not written over the first.
pub(super) fn write_new_checklist(
    ctx: &Ctx,
    list: &crate::model::Checklist,
    out: &Path,
) -> Result<(), Failure> {
    let text = checklist_text(&ctx.catalog, list, out)?;
    io::create_new(out, text.as_bytes()).map_err(|e| match e.problem {
        io::FileProblem::Exists => Failure::OutExists(out.to_owned()),
        _ => Failure::File(e),
    })?;
    ctx.note(&Notice::WroteChecklist {
        path: out,
        items: list.items().count(),
    });
    Ok(())
}
