//! `app` (and no command at all): opens the desktop window on the given checklist and zones
//! folder; in a build without the desktop, says so as a usage error. No window code here.

use std::path::PathBuf;

use super::Ctx;
use super::messages::Failure;

#[cfg(feature = "gui")]
pub(super) fn app(ctx: &Ctx, checklist: Option<PathBuf>, profiles: Option<PathBuf>) -> Result<bool, Failure> {
    crate::app::run_native(
        ctx.catalog.clone(),
        crate::app::StartWith {
            checklist,
            profiles,
            today: ctx.today,
            log_file: ctx.log_file.clone(),
        },
    )
    .map_err(|e| Failure::Window(e.to_string()))?;
    Ok(true)
}

#[cfg(not(feature = "gui"))]
pub(super) fn app(
    _ctx: &Ctx,
    _checklist: Option<PathBuf>,
    _profiles: Option<PathBuf>,
) -> Result<bool, Failure> {
    Err(Failure::NoDesktop)
}
