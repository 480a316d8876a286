//! The data-health summary written out: a terminal table in one language, and JSON for
//! scripts (its fields are the contract `inventory status --format json` documents).

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::texts::TEXTS;
use super::{Figure, Health, OwnerFigures, OwnerFilter, Selection, figure_texts, owner_text};
use crate::model::{Catalog, Lang, ZoneProfile};
use crate::report::table::grid;

/// The owners' lists a filter leaves: every owner's, or the one picked (maybe none).
fn shown<'a>(
    health: &'a Health,
    filter: Option<&OwnerFilter>,
) -> (Vec<&'a OwnerFigures>, Option<Selection<'a>>) {
    match filter {
        None => (health.owners.iter().collect(), None),
        Some(f) => {
            let found = health.select(f);
            match found {
                Selection::Figures(o) => (vec![o], Some(found)),
                _ => (Vec::new(), Some(found)),
            }
        }
    }
}

/// What to say when a filter finds no figure to update: that the owner's figures are all
/// current, or that no figure has that owner (and which owners there are).
fn filter_note(health: &Health, filter: &OwnerFilter, found: Selection<'_>, lang: Lang) -> Option<String> {
    let t = TEXTS.get(lang);
    let asked = match filter {
        OwnerFilter::Named(name) => name.as_str(),
        OwnerFilter::Nobody => owner_text(None, lang),
    };
    match found {
        Selection::Figures(_) => None,
        Selection::AllCurrent => Some((t.owner_all_current)(asked)),
        Selection::NoSuchOwner => {
            let named: Vec<&str> = health.named.iter().map(AsRef::as_ref).collect();
            let list = if named.is_empty() {
                t.no_owners_named.to_owned()
            } else {
                named.join(t.list_separator)
            };
            Some((t.no_such_owner)(asked, &list))
        }
    }
}

/// The health as a text table: the zones, then each owner's figures to update.
pub fn table<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    profiles: &[P],
    health: &Health,
    filter: Option<&OwnerFilter>,
    lang: Lang,
) -> String {
    let t = TEXTS.get(lang);
    let (stale, due) = health.totals();
    let mut out = String::new();
    let day = health.today.to_string();
    let _ = writeln!(out, "{}\n", (t.heading)(&day, health.zones.len(), stale, due));
    let mut rows = vec![
        [
            t.col_zone,
            t.col_completeness,
            t.col_stale,
            t.col_due,
            t.col_illustrative,
            t.col_unknown,
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for z in &health.zones {
        let Some(p) = profiles.get(z.zone.index()).map(AsRef::as_ref) else {
            continue;
        };
        rows.push(vec![
            format!("{} ({})", p.name.get(lang), p.id),
            format!("{} ({}/{})", z.completeness_text(), z.known, z.factors),
            z.stale.to_string(),
            z.due.to_string(),
            z.illustrative.to_string(),
            z.unknown().to_string(),
        ]);
    }
    out.push_str(&grid(&rows, &[false, true, true, true, true, true]));
    let (owners, found) = shown(health, filter);
    if let (Some(f), Some(found)) = (filter, found)
        && let Some(note) = filter_note(health, f, found, lang)
    {
        let _ = writeln!(out, "\n{note}");
    }
    if filter.is_none() && owners.is_empty() {
        let _ = writeln!(out, "\n{}", t.nothing_to_update);
    }
    for o in owners {
        let (stale, due) = o.counts();
        let name = owner_text(o.owner.as_ref(), lang);
        let _ = writeln!(out, "\n{}", (t.owner_heading)(name, stale, due));
        let mut rows = vec![
            [
                t.col_zone,
                t.col_factor,
                t.col_value,
                t.col_as_of,
                t.col_freshness,
                t.col_overdue,
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for f in &o.figures {
            let w = figure_texts(catalog, profiles, f, lang);
            rows.push(vec![
                format!("{} ({})", w.zone_name, w.zone_id),
                w.factor_name,
                w.value,
                f.as_of.to_string(),
                w.freshness.to_owned(),
                w.overdue,
            ]);
        }
        for line in grid(&rows, &[false; 6]).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The health as JSON:
///
/// ```text
/// { "date": "2026-11-29",
///   "zones": [ { "id", "name", "known", "factors", "completeness", "stale", "due",
///                "illustrative", "unknown" } ],
///   "owners": [ { "owner": "国网侯马供电公司" | null, "stale", "due",
///                 "figures": [ { "zone", "zone_name", "factor", "factor_name", "value",
///                                "as_of", "freshness", "days_over", "days_left" } ] } ],
///   "owners_named": [ … ],
///   "owner_filter": null | { "owner": "…" | null, "found": "figures" | "all_current" | "no_such_owner" } }
/// ```
///
/// `completeness` is 100 · known / factors rounded half up to one decimal; `owner` null is the
/// figures no owner is named for; `freshness` is `due` or `stale`; names and values are in
/// the language asked for, ids and codes in neither.
pub fn json<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    profiles: &[P],
    health: &Health,
    filter: Option<&OwnerFilter>,
    lang: Lang,
) -> Value {
    let zones: Vec<Value> = health
        .zones
        .iter()
        .filter_map(|z| {
            let p = profiles.get(z.zone.index())?.as_ref();
            Some(json!({
                "id": p.id,
                "name": p.name.get(lang),
                "known": z.known,
                "factors": z.factors,
                "completeness": z.completeness().fixed(1).parse::<f64>().unwrap_or(0.0),
                "stale": z.stale,
                "due": z.due,
                "illustrative": z.illustrative,
                "unknown": z.unknown(),
            }))
        })
        .collect();
    let figure = |f: &Figure| {
        let w = figure_texts(catalog, profiles, f, lang);
        json!({
            "zone": w.zone_id,
            "zone_name": w.zone_name,
            "factor": w.factor_id,
            "factor_name": w.factor_name,
            "value": w.value,
            "as_of": f.as_of.to_string(),
            "freshness": f.freshness.code(),
            "days_over": f.days_over,
            "days_left": f.days_left,
        })
    };
    let (owners, found) = shown(health, filter);
    let owners: Vec<Value> = owners
        .into_iter()
        .map(|o| {
            let (stale, due) = o.counts();
            json!({
                "owner": o.owner.as_deref(),
                "stale": stale,
                "due": due,
                "figures": o.figures.iter().map(figure).collect::<Vec<_>>(),
            })
        })
        .collect();
    let owner_filter = match (filter, found) {
        (Some(f), Some(found)) => json!({
            "owner": match f {
                OwnerFilter::Named(name) => Some(name.as_str()),
                OwnerFilter::Nobody => None,
            },
            "found": match found {
                Selection::Figures(_) => "figures",
                Selection::AllCurrent => "all_current",
                Selection::NoSuchOwner => "no_such_owner",
            },
        }),
        _ => Value::Null,
    };
    json!({
        "date": health.today.to_string(),
        "zones": zones,
        "owners": owners,
        "owners_named": health.named.iter().map(AsRef::as_ref).collect::<Vec<&str>>(),
        "owner_filter": owner_filter,
    })
}
