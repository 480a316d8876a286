//! A province's own table: a header row (titles may stand above it, cells may be merged), one
//! row per zone, a column naming the zone (开发区名称 / 编号), one column per factor with the
//! unit in the header or in each cell, and perhaps the region, the date the figures were true
//! and their source.

use super::changes::{Edit, Layout, SheetRead};
use super::words::{self, Role};
use super::{Answer, Cx, Grid, NAME, NOTE, Reason, ValueRead, bounded, cell_date, cell_text, read_value};
use crate::model::header::{HeaderMatch, match_header};
use crate::model::{FactorIdx, Kind};
use crate::xlsx_in::{Got, cell_name};

/// What a wide table's columns hold.
#[derive(Default)]
struct Columns {
    name: Option<u16>,
    id: Option<u16>,
    region: Option<u16>,
    as_of: Option<u16>,
    source: Option<u16>,
    factors: Vec<(u16, HeaderMatch)>,
}

/// Reads the rows below `header` of a wide table.
pub(super) fn read(cx: &mut Cx<'_>, grid: &Grid, header: u32) {
    let columns = columns(cx, grid, header);
    let sheet = grid.name.as_str();
    let mut rows = 0;
    for (r, cells) in grid.rows().filter(|(r, _)| *r > header) {
        let get = |c: Option<u16>| c.and_then(|c| cells.iter().find(|(x, _)| *x == c).map(|(_, g)| g));
        let text = |cx: &mut Cx<'_>, c: Option<u16>, limit: usize| match bounded(get(c), limit) {
            Ok(t) => t,
            Err(reason) => {
                if let Some(c) = c {
                    cx.fail(sheet, r, c, reason);
                }
                String::new()
            }
        };
        // A row with no figure (a title, a blank line, a heading) is read past unread.
        let has_figures = columns.factors.iter().any(|(c, _)| get(Some(*c)).is_some());
        if !has_figures {
            continue;
        }
        let name = text(cx, columns.name, NAME);
        let id = text(cx, columns.id, NAME);
        if words::not_a_zone(&name) || (name.is_empty() && words::not_a_zone(&id)) {
            let text = if name.is_empty() { id } else { name };
            let col = columns.name.or(columns.id).unwrap_or(0);
            cx.fail(sheet, r, col, Reason::NotAZone { text });
            continue;
        }
        if name.is_empty() && id.is_empty() {
            let col = columns.name.or(columns.id).unwrap_or(0);
            cx.fail(sheet, r, col, Reason::NoZoneName);
            continue;
        }
        // The day the row's figures were true: its date cell, else the import's.
        let as_of = match cell_date(get(columns.as_of)) {
            Ok(Some((d, _))) => Some(d),
            Ok(None) => cx.options.as_of,
            Err(reason) => {
                cx.fail(sheet, r, columns.as_of.unwrap_or(0), reason);
                continue;
            }
        };
        let Some(as_of) = as_of else {
            cx.fail(sheet, r, columns.as_of.unwrap_or(0), Reason::NoAsOf);
            continue;
        };
        let region = text(cx, columns.region, NAME);
        let source = text(cx, columns.source, NOTE);
        let profiles = cx.profiles;
        let zone = match cx.book.resolve(cx.catalog, profiles, &id, &name, &region, as_of) {
            Ok(z) => z,
            Err(reason) => {
                let col = if id.is_empty() { columns.name } else { columns.id };
                cx.fail(sheet, r, col.unwrap_or(0), reason);
                continue;
            }
        };
        let here = format!("{sheet}!{}", r + 1);
        if let Some(first) = cx.zone_rows.get(&zone) {
            let reason = Reason::ZoneAgain {
                zone: if name.is_empty() { id } else { name },
                first: first.clone(),
            };
            cx.fail(sheet, r, columns.name.or(columns.id).unwrap_or(0), reason);
            continue;
        }
        cx.zone_rows.insert(zone, here);
        rows += 1;
        for (c, header) in &columns.factors {
            let Some(got) = get(Some(*c)) else { continue };
            match figure(cx, header, got) {
                Ok(None) => {}
                Ok(Some((value, reading))) => {
                    let source = if source.is_empty() {
                        cx.cell_source(sheet, r, *c)
                    } else {
                        source.clone()
                    };
                    cx.answers.push(Answer {
                        zone,
                        factor: header.factor,
                        cell: format!("{sheet}!{}", cell_name(r, *c)),
                        edit: Edit {
                            value: Some(value),
                            source: Some(source),
                            as_of: Some(as_of),
                            ..Edit::default()
                        },
                        shown: None,
                        reading,
                    });
                }
                Err(reason) => cx.fail(sheet, r, *c, reason),
            }
        }
    }
    cx.sheets.push(SheetRead {
        name: grid.name.clone(),
        layout: Layout::Wide,
        header_row: header,
        rows,
    });
}

/// A factor cell: `Some(None)` clears the figure (`未知`); `None` is a blank (no change).
fn figure(cx: &Cx<'_>, header: &HeaderMatch, got: &Got) -> Result<Option<ValueRead>, Reason> {
    let factor = cx.catalog.factor(header.factor);
    if matches!(got, Got::Date(_)) && !matches!(factor.kind, Kind::YesNo) {
        return Err(Reason::IsADate);
    }
    read_value(cx.catalog, factor, header.unit, &cell_text(got)?)
}

/// The header row's columns: the roles, and the factors each header names; every header that
/// names nothing, or a factor a column before it named, is listed.
fn columns(cx: &mut Cx<'_>, grid: &Grid, header: u32) -> Columns {
    let mut out = Columns::default();
    let sheet = grid.name.clone();
    let mut seen: Vec<(FactorIdx, u16)> = Vec::new();
    for (c, got) in grid.row(header).unwrap_or_default() {
        let Got::Text(title) = got else { continue };
        if let Some(role) = words::role(title) {
            let slot = match role {
                Role::Name => &mut out.name,
                Role::Id => &mut out.id,
                Role::Region => &mut out.region,
                Role::AsOf => &mut out.as_of,
                Role::Source => &mut out.source,
                Role::RowNumber => continue,
            };
            slot.get_or_insert(*c);
            continue;
        }
        match match_header(cx.catalog, title) {
            Ok(m) => match seen.iter().find(|(f, _)| *f == m.factor) {
                Some((_, first)) => {
                    let reason = Reason::SameFactorAgain {
                        factor: cx.catalog.factor(m.factor).named(),
                        first: cell_name(header, *first)
                            .trim_end_matches(|ch: char| ch.is_ascii_digit())
                            .to_owned(),
                    };
                    cx.fail(&sheet, header, *c, reason);
                }
                None => {
                    seen.push((m.factor, *c));
                    out.factors.push((*c, m));
                }
            },
            Err(p) => cx.fail(&sheet, header, *c, Reason::Header(p)),
        }
    }
    out
}
