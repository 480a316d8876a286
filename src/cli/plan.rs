//! `plan`: what it would take for one zone, for one checklist or across a folder of pending
//! projects, printed as a table or JSON. The plans are `crate::plan`'s; only printing is here.

use std::path::Path;

use rust_decimal::Decimal;

use super::args::{PlanArgs, PlanFormat};
use super::messages::{Failure, Notice};
use super::{Ctx, print_out};
use crate::io;
use crate::model::text::printable;
use crate::scoring::Scorer;

/// `plan`: what it would take for one zone to win one checklist, or reserve planning across a
/// folder of pending projects.
pub(super) fn plan(ctx: &Ctx, args: &PlanArgs) -> Result<bool, Failure> {
    use crate::report::plan as text;
    let catalog = &ctx.catalog;
    let lang = ctx.lang.table()?;
    let (dir, loaded) = ctx.zones(args.profiles.as_deref())?;
    let Some(zone) = loaded
        .zones
        .iter()
        .map(|z| &z.profile)
        .find(|p| p.id == args.zone)
    else {
        return Err(Failure::NoZone {
            flag: "--zone",
            id: args.zone.clone(),
            dir,
        });
    };
    let mut all_read = loaded.errors.is_empty();
    let out = if let Some(path) = &args.checklist {
        if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&args.target) {
            return Err(Failure::BadTarget(args.target));
        }
        let checklist = io::load_checklist_to_score(path, catalog)?;
        let scorer = Scorer::new(catalog, &checklist, ctx.today);
        let result = scorer.score_zone(crate::model::ZoneIdx::default(), zone);
        let plan = crate::plan::what_it_takes(&scorer, zone, &result, args.target);
        match args.format {
            PlanFormat::Table => {
                printable(&text::plan_table(catalog, zone, &checklist, &plan, lang)).into_owned()
            }
            PlanFormat::Json => format!("{:#}\n", text::plan_json(catalog, zone, &checklist, &plan, lang)),
        }
    } else {
        let folder = args.checklists.as_deref().unwrap_or(Path::new("."));
        let (lists, errors) = io::load_checklists(folder, catalog)?;
        for e in &errors {
            ctx.note(&Notice::Skipped(e));
        }
        all_read &= errors.is_empty();
        if lists.is_empty() {
            return Err(Failure::NoChecklists(folder.to_owned()));
        }
        let lists: Vec<_> = lists.into_iter().map(|(_, c)| c).collect();
        let pipeline = crate::plan::pipeline::pipeline(catalog, zone, &lists, ctx.today);
        match args.format {
            PlanFormat::Table => {
                printable(&text::pipeline_table(catalog, zone, &pipeline, lang)).into_owned()
            }
            PlanFormat::Json => format!("{:#}\n", text::pipeline_json(catalog, zone, &pipeline, lang)),
        }
    };
    print_out(out.as_bytes())?;
    Ok(all_read)
}
