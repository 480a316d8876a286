//! `inventory status`: the data health of a folder of zones (数据体检), as a table or JSON. The
//! summary is built by `report::health`; only loading and output are here.

use super::args::{InventoryStatusArgs, StatusFormat};
use super::messages::Failure;
use super::{Ctx, print_out};
use crate::model::text::printable;
use crate::report::health::{self, Health, OwnerFilter};

/// `inventory status`: per zone, how complete and how current its data is; per owner, the
/// figures to update. Returns false when some profile could not be loaded (the others are
/// still summed up).
pub(super) fn inventory_status(ctx: &Ctx, args: &InventoryStatusArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    let (_, loaded) = ctx.zones(args.profiles.as_deref())?;
    let zones = &loaded.zones;
    let health = Health::build(catalog, zones, ctx.today);
    let filter = args.owner.as_deref().map(OwnerFilter::parse);
    let bytes = match args.format {
        StatusFormat::Table => {
            let text = health::write::table(catalog, zones, &health, filter.as_ref(), lang);
            printable(&text).into_owned().into_bytes()
        }
        StatusFormat::Json => {
            let value = health::write::json(catalog, zones, &health, filter.as_ref(), lang);
            format!("{value:#}\n").into_bytes()
        }
    };
    print_out(&bytes)?;
    Ok(loaded.errors.is_empty())
}
