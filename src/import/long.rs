//! SiteMatch's own update workbook (填报表), filled by a department: one row per zone and
//! factor, the figure as it was exported in the label columns and the answer in the input
//! columns. The labels say whether the profile still holds what the workbook showed: a figure
//! changed since is judged per figure, never overwritten.

use super::changes::{Edit, Layout, SheetRead};
use super::{Answer, Cx, Grid, NAME, NOTE, Reason, bounded, cell_date, cell_text, read_value};
use crate::model::catalog::names::fold;
use crate::model::cell::DateReading;
use crate::model::header::unit_named;
use crate::model::{FactorIdx, Kind, Lang, PlannedAmount, Value, YesNo};
use crate::report::inventory_sheet::{self, Column, TEXTS};
use crate::xlsx_in::{Got, cell_name};

/// The label columns compared with the profile as it is now (freshness is not: it moves
/// with the day).
const SHOWN: [Column; 7] = [
    Column::Value,
    Column::Planned,
    Column::PlannedBy,
    Column::Source,
    Column::AsOf,
    Column::Owner,
    Column::Illustrative,
];

/// The update workbook's column titles in a header row, in the language that names the zone,
/// factor id and new value columns (what the reader needs at least).
pub(super) fn titles(cells: &[(u16, Got)]) -> Option<(Lang, Vec<(Column, u16)>)> {
    [Lang::Zh, Lang::En].into_iter().find_map(|lang| {
        let columns: Vec<(Column, u16)> = cells
            .iter()
            .filter_map(|(c, got)| {
                let Got::Text(t) = got else { return None };
                let t = fold(t);
                Column::ALL
                    .into_iter()
                    .find(|col| fold(col.title(lang)) == t)
                    .map(|col| (col, *c))
            })
            .collect();
        let has = |col: Column| columns.iter().any(|(c, _)| *c == col);
        (has(Column::Zone) && has(Column::FactorId) && has(Column::NewValue)).then_some((lang, columns))
    })
}

/// One row of the workbook being read.
struct Row<'g> {
    sheet: &'g str,
    r: u32,
    cells: &'g [(u16, Got)],
    columns: &'g [(Column, u16)],
}

impl<'g> Row<'g> {
    fn col(&self, column: Column) -> Option<u16> {
        self.columns.iter().find(|(c, _)| *c == column).map(|(_, i)| *i)
    }

    fn get(&self, column: Column) -> Option<&'g Got> {
        let c = self.col(column)?;
        self.cells.iter().find(|(x, _)| *x == c).map(|(_, g)| g)
    }

    /// A cell's text; empty when blank or unreadable (then listed).
    fn text(&self, cx: &mut Cx<'_>, column: Column, limit: usize) -> Option<String> {
        match bounded(self.get(column), limit) {
            Ok(t) => Some(t),
            Err(reason) => {
                self.fail(cx, column, reason);
                None
            }
        }
    }

    fn fail(&self, cx: &mut Cx<'_>, column: Column, reason: Reason) {
        cx.fail(self.sheet, self.r, self.col(column).unwrap_or(0), reason);
    }

    fn cell(&self, column: Column) -> String {
        format!(
            "{}!{}",
            self.sheet,
            cell_name(self.r, self.col(column).unwrap_or(0))
        )
    }
}

/// Reads the rows below `header` of a filled update workbook whose titles are in `lang`.
pub(super) fn read(cx: &mut Cx<'_>, grid: &Grid, header: u32, lang: Lang, columns: &[(Column, u16)]) {
    let mut rows = 0;
    let mut seen: std::collections::HashMap<(super::ZoneKey, FactorIdx), u32> =
        std::collections::HashMap::new();
    for (r, cells) in grid.rows().filter(|(r, _)| *r > header) {
        let row = Row {
            sheet: &grid.name,
            r,
            cells,
            columns,
        };
        let inputs = Column::ALL
            .into_iter()
            .filter(|c| c.is_input())
            .any(|c| row.get(c).is_some());
        if !inputs {
            continue;
        }
        let Some(zone_id) = row.text(cx, Column::Zone, NAME) else {
            continue;
        };
        let Some(factor_id) = row.text(cx, Column::FactorId, NAME) else {
            continue;
        };
        let zone = match cx.book.existing(cx.profiles, &zone_id) {
            Ok(z) => z,
            Err(reason) => {
                row.fail(cx, Column::Zone, reason);
                continue;
            }
        };
        let Some(f) = cx.catalog.find_factor(&factor_id) else {
            row.fail(cx, Column::FactorId, Reason::NoSuchFactor { given: factor_id });
            continue;
        };
        if let Some(first) = seen.get(&(zone, f)) {
            let reason = Reason::FigureAgain {
                factor: cx.catalog.factor(f).named(),
                first: (first + 1).to_string(),
            };
            row.fail(cx, Column::FactorId, reason);
            continue;
        }
        seen.insert((zone, f), r);
        let Some((edit, reading)) = answer(cx, &row, f) else {
            continue;
        };
        rows += 1;
        if edit.is_empty() {
            continue;
        }
        let shown = shown(cx, &row, zone, f, lang);
        let column = if edit.value.is_some() {
            Column::NewValue
        } else if edit.planned.is_some() {
            Column::NewPlanned
        } else {
            Column::NewAsOf
        };
        // An answered figure is no longer an example, and a figure that is not needs a
        // source: an example held without one, given only a plan or a date, is sourced to
        // the answer's cell (a source it has is kept).
        let mut edit = edit;
        if edit.source.is_none()
            && (edit.planned.is_some() || edit.as_of.is_some())
            && cx
                .figure(zone, f)
                .entry
                .is_some_and(|e| e.source.trim().is_empty())
        {
            edit.source = Some(cx.cell_source(row.sheet, r, row.col(column).unwrap_or(0)));
        }
        let cell = row.cell(column);
        cx.answers.push(Answer {
            zone,
            factor: f,
            cell,
            edit,
            shown: Some(shown),
            reading,
        });
    }
    cx.sheets.push(SheetRead {
        name: grid.name.clone(),
        layout: Layout::Long(lang),
        header_row: header,
        rows,
    });
}

/// Whether the profile still holds the figure the row's label columns show.
fn shown(cx: &Cx<'_>, row: &Row<'_>, zone: super::ZoneKey, f: FactorIdx, lang: Lang) -> bool {
    let super::ZoneKey::Existing(i) = zone else {
        return false;
    };
    let Some(p) = cx.profiles.get(i) else { return false };
    let now = inventory_sheet::row(
        cx.catalog,
        p,
        crate::model::ZoneIdx::new(i),
        f,
        cx.options.today,
        lang,
    );
    SHOWN.into_iter().all(|c| {
        let was = row.get(c).and_then(|g| cell_text(g).ok()).unwrap_or_default();
        was.trim() == now.label(c).trim()
    })
}

/// The row's input cells as an answer; `None` when a cell cannot be read (listed).
fn answer(cx: &mut Cx<'_>, row: &Row<'_>, f: FactorIdx) -> Option<(Edit, Option<DateReading>)> {
    let factor = cx.catalog.factor(f);
    let unit = match (factor.kind.measure(), row.get(Column::Unit)) {
        (Some(m), Some(got)) => {
            let written = cell_text(got).unwrap_or_default();
            match unit_named(m, &written) {
                Some(u) => Some(u),
                None => {
                    row.fail(cx, Column::Unit, Reason::UnitColumn { given: written });
                    return None;
                }
            }
        }
        _ => None,
    };
    let new_value = row.text(cx, Column::NewValue, NOTE)?;
    let new_planned = row.text(cx, Column::NewPlanned, NOTE)?;
    let new_source = row.text(cx, Column::NewSource, NOTE)?;
    let new_owner = row.text(cx, Column::NewOwner, NAME)?;
    let date = |cx: &mut Cx<'_>, column: Column| match cell_date(row.get(column)) {
        Ok(d) => Some(d),
        Err(reason) => {
            row.fail(cx, column, reason);
            None
        }
    };
    let new_as_of = date(cx, Column::NewAsOf)?.map(|(d, _)| d);
    let planned_by = date(cx, Column::NewPlannedBy)?;
    let mut reading = planned_by.as_ref().and_then(|(_, r)| r.clone());
    let mut edit = Edit::default();
    // The value: a planned yes takes its date from the planned-date column.
    if !new_value.is_empty() {
        let planned_word = [Lang::Zh, Lang::En]
            .iter()
            .any(|l| fold(TEXTS.get(*l).planned_answer) == fold(&new_value));
        if planned_word && matches!(factor.kind, Kind::YesNo) {
            let Some((by, _)) = planned_by else {
                row.fail(cx, Column::NewValue, Reason::PlannedWithoutDate);
                return None;
            };
            edit.value = Some(Some(Value::YesNo(YesNo::Planned(by))));
        } else {
            match read_value(cx.catalog, factor, unit, &new_value) {
                Ok(Some((v, r))) => {
                    edit.value = Some(v);
                    reading = reading.or(r);
                }
                Ok(None) => {}
                Err(reason) => {
                    row.fail(cx, Column::NewValue, reason);
                    return None;
                }
            }
        }
    }
    // The plan of an amount: the amount and its date together.
    if factor.kind.measure().is_some() {
        let by = planned_by.map(|(d, _)| d);
        match (new_planned.is_empty(), by) {
            (true, None) => {}
            (false, Some(by)) => match read_value(cx.catalog, factor, unit, &new_planned) {
                Ok(Some((Some(Value::Amount(amount)), _))) => {
                    let source = if new_source.is_empty() {
                        cx.cell_source(row.sheet, row.r, row.col(Column::NewPlanned).unwrap_or(0))
                    } else {
                        String::new()
                    };
                    edit.planned = Some(Some(PlannedAmount { amount, by, source }));
                }
                Ok(Some((None, _))) => edit.planned = Some(None),
                Ok(_) => {}
                Err(reason) => {
                    row.fail(cx, Column::NewPlanned, reason);
                    return None;
                }
            },
            (false, None) if is_unknown(&new_planned) => {
                edit.planned = Some(None);
            }
            _ => {
                row.fail(cx, Column::NewPlanned, Reason::PlanIncomplete);
                return None;
            }
        }
    }
    let answered = edit.value.is_some() || edit.planned.is_some();
    if !new_source.is_empty() {
        edit.source = Some(new_source);
    } else if matches!(edit.value, Some(Some(_))) {
        edit.source = Some(cx.cell_source(row.sheet, row.r, row.col(Column::NewValue).unwrap_or(0)));
    }
    edit.as_of = new_as_of;
    if answered && edit.as_of.is_none() && !matches!(edit.value, Some(None)) {
        match cx.options.as_of {
            Some(d) => edit.as_of = Some(d),
            None => {
                row.fail(cx, Column::NewAsOf, Reason::NoAsOf);
                return None;
            }
        }
    }
    if !new_owner.is_empty() {
        edit.owner = Some(new_owner.as_str().into());
    }
    Some((edit, reading))
}

/// Whether a cell says "not known".
fn is_unknown(text: &str) -> bool {
    ["未知", "不详", "unknown"].contains(&fold(text).as_str())
}
