//! `inventory export`: the update workbook (填报表) of a folder of zones, all of it or one
//! department's figures. The layout is `report::inventory_sheet`'s; only loading, the checks of
//! `--zones` and `--owner`, and writing are here.

use super::Ctx;
use super::args::InventoryExportArgs;
use super::messages::{Failure, Notice};
use crate::io;
use crate::report::health::{Health, OwnerFilter};
use crate::report::inventory_sheet::{self, Filter};

/// `inventory export`: writes the workbook. Returns false when some profile could not be
/// loaded (the others are still exported).
pub(super) fn inventory_export(ctx: &Ctx, args: &InventoryExportArgs) -> Result<bool, Failure> {
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    let (dir, loaded) = ctx.zones(args.profiles.as_deref())?;
    let zones = &loaded.zones;
    let unknown = args
        .zones
        .iter()
        .flatten()
        .find(|id| !zones.iter().any(|z| z.profile.id == **id));
    if let Some(id) = unknown {
        return Err(Failure::NoZone {
            flag: "--zones",
            id: id.clone(),
            dir,
        });
    }
    let owner = args.owner.as_deref().map(OwnerFilter::parse);
    if let Some(OwnerFilter::Named(name)) = &owner {
        let named = Health::build(catalog, zones, ctx.today).named;
        if !named.iter().any(|o| o.as_ref() == name) {
            let list: Vec<&str> = named.iter().map(AsRef::as_ref).collect();
            return Err(Failure::NoSuchOwner {
                owner: name.clone(),
                named: list.join(lang.list_separator()),
            });
        }
    }
    let filter = Filter {
        zones: args.zones.clone(),
        owner,
        stale: args.stale,
    };
    let rows = inventory_sheet::rows(catalog, zones, &filter, ctx.today, lang);
    let bytes = inventory_sheet::write::workbook(&rows, lang)?;
    io::export(&args.out, &bytes)?;
    ctx.note(&Notice::WroteSheet {
        path: &args.out,
        rows: rows.len(),
    });
    Ok(loaded.errors.is_empty())
}
