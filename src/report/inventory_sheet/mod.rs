//! The inventory update workbook (填报表) as cells: one row per zone and factor with the figure
//! as the profile holds it (value, planned amount and date, source, as-of date, the owner in
//! force, the illustrative mark, freshness) and, beside it, the empty input columns a
//! department fills (new value, new planned amount and date, new source, new as-of date, new
//! owner). Which zones and figures are in it: [`Filter`].
//!
//! Pure: the catalog, the zones and the day in; rows of texts out. The xlsx bytes are
//! [`write`]'s.
//!
//! Values are written as text, exactly as the profile holds them (`1677`, `13.4`,
//! `0.000000000000000000001`): a profile's amount is a decimal of up to 28 digits, which a
//! spreadsheet number (a binary double) cannot always hold, and an import compares the value a
//! workbook showed with the profile's to see whether someone changed it meanwhile, which
//! only an exact text makes safe.

mod texts;
pub mod write;

#[cfg(test)]
mod tests;

use jiff::civil::Date;

pub use self::texts::TEXTS;
use crate::model::catalog::{DROP_DOWN_MAX, drop_down_length};
use crate::model::{Catalog, FactorIdx, Kind, Lang, Value, YesNo, ZoneIdx, ZoneProfile, number};
use crate::report::health::{OwnerFilter, owner_text};

/// The columns, left to right: the labels, then the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Zone,
    ZoneName,
    Category,
    FactorId,
    Factor,
    Unit,
    Value,
    Planned,
    PlannedBy,
    Source,
    AsOf,
    Owner,
    Illustrative,
    Freshness,
    NewValue,
    NewPlanned,
    NewPlannedBy,
    NewSource,
    NewAsOf,
    NewOwner,
}

/// How many columns are labels (the first ones); the rest are inputs.
pub const LABELS: usize = 14;
/// How many input columns follow the labels.
pub const INPUTS: usize = 6;

impl Column {
    /// Every column, left to right.
    pub const ALL: [Column; LABELS + INPUTS] = [
        Column::Zone,
        Column::ZoneName,
        Column::Category,
        Column::FactorId,
        Column::Factor,
        Column::Unit,
        Column::Value,
        Column::Planned,
        Column::PlannedBy,
        Column::Source,
        Column::AsOf,
        Column::Owner,
        Column::Illustrative,
        Column::Freshness,
        Column::NewValue,
        Column::NewPlanned,
        Column::NewPlannedBy,
        Column::NewSource,
        Column::NewAsOf,
        Column::NewOwner,
    ];

    /// The column's position, 0 for A.
    pub fn index(self) -> u16 {
        self as u16
    }

    /// Whether the department fills this column.
    pub fn is_input(self) -> bool {
        usize::from(self.index()) >= LABELS
    }

    /// The column's title.
    pub fn title(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            Column::Zone => t.zone,
            Column::ZoneName => t.zone_name,
            Column::Category => t.category,
            Column::FactorId => t.factor_id,
            Column::Factor => t.factor,
            Column::Unit => t.unit,
            Column::Value => t.value,
            Column::Planned => t.planned,
            Column::PlannedBy => t.planned_by,
            Column::Source => t.source,
            Column::AsOf => t.as_of,
            Column::Owner => t.owner,
            Column::Illustrative => t.illustrative,
            Column::Freshness => t.freshness,
            Column::NewValue => t.new_value,
            Column::NewPlanned => t.new_planned,
            Column::NewPlannedBy => t.new_planned_by,
            Column::NewSource => t.new_source,
            Column::NewAsOf => t.new_as_of,
            Column::NewOwner => t.new_owner,
        }
    }

    /// The column's width in Excel's units (about one digit; a Chinese character takes two).
    pub fn width(self) -> f64 {
        // Narrow: twenty columns print one A4 landscape page wide; long texts wrap.
        match self {
            Column::Zone => 10.0,
            Column::ZoneName | Column::Factor | Column::Owner => 14.0,
            Column::FactorId => 13.0,
            Column::Category => 9.0,
            Column::Unit | Column::Freshness => 7.0,
            Column::Illustrative => 6.0,
            Column::Value | Column::NewValue => 10.0,
            Column::Planned | Column::NewPlanned => 8.0,
            Column::PlannedBy | Column::AsOf | Column::NewPlannedBy | Column::NewAsOf => 10.5,
            Column::Source => 20.0,
            Column::NewSource => 16.0,
            Column::NewOwner => 12.0,
        }
    }
}

/// Which figures go into the workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only these zones, by id; `None` for all.
    pub zones: Option<Vec<String>>,
    /// Only the figures of this owner in force.
    pub owner: Option<OwnerFilter>,
    /// Only the figures due or stale on the day (a factor with no value has no freshness, so
    /// it is left out too).
    pub stale: bool,
}

/// One input cell of a row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    /// Whether the department may fill it (unlocked and shaded); a closed one is locked,
    /// since the factor's kind has nothing to put there (a planned amount of a level).
    pub open: bool,
    /// The drop-down's choices.
    pub choices: Option<Vec<String>>,
    /// The cell's note (comment).
    pub note: Option<String>,
}

/// One row: a zone's figure for one factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub zone: ZoneIdx,
    pub factor: FactorIdx,
    /// The label columns' texts, [`Column::ALL`]'s first [`LABELS`]; empty where there is
    /// nothing to say.
    pub labels: [String; LABELS],
    /// The input columns, empty; what each may take.
    pub inputs: [Input; INPUTS],
}

impl Row {
    /// The text of a label column (empty for an input column).
    pub fn label(&self, column: Column) -> &str {
        self.labels
            .get(usize::from(column.index()))
            .map_or("", String::as_str)
    }

    /// What an input column may take (`None` for a label column).
    pub fn input(&self, column: Column) -> Option<&Input> {
        usize::from(column.index())
            .checked_sub(LABELS)
            .and_then(|i| self.inputs.get(i))
    }
}

/// The rows of the workbook: the zones in the order given, each factor in the catalog's
/// order, the figures `filter` picks on `today`.
pub fn rows<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    profiles: &[P],
    filter: &Filter,
    today: Date,
    lang: Lang,
) -> Vec<Row> {
    let mut out = Vec::new();
    for (z, p) in profiles.iter().enumerate() {
        let p = p.as_ref();
        if filter.zones.as_ref().is_some_and(|ids| !ids.contains(&p.id)) {
            continue;
        }
        for (f, _) in catalog.factors() {
            let owner = p.owner(catalog, f);
            if filter.owner.as_ref().is_some_and(|o| !o.picks(owner)) {
                continue;
            }
            let freshness = p.freshness(catalog, f, today);
            if filter.stale && !freshness.is_some_and(|s| s.needs_update()) {
                continue;
            }
            out.push(row(catalog, p, ZoneIdx::new(z), f, today, lang));
        }
    }
    out
}

/// The words of a yes/no answer: the answer, and the date of a plan.
fn yes_no(answer: YesNo, lang: Lang) -> (&'static str, Option<Date>) {
    let t = TEXTS.get(lang);
    match answer {
        YesNo::Yes => (t.yes, None),
        YesNo::Planned(d) => (t.planned_answer, Some(d)),
        YesNo::No => (t.no, None),
    }
}

pub(crate) fn row(
    catalog: &Catalog,
    p: &ZoneProfile,
    zone: ZoneIdx,
    f: FactorIdx,
    today: Date,
    lang: Lang,
) -> Row {
    let t = TEXTS.get(lang);
    let factor = catalog.factor(f);
    let entry = p.entry(f);
    let mut labels: [String; LABELS] = Default::default();
    let mut set = |c: Column, s: String| {
        if let Some(cell) = labels.get_mut(usize::from(c.index())) {
            *cell = s;
        }
    };
    set(Column::Zone, p.id.clone());
    set(Column::ZoneName, p.name.get(lang).to_owned());
    set(
        Column::Category,
        catalog.category(factor.category).name.get(lang).to_owned(),
    );
    set(Column::FactorId, factor.id.clone());
    set(Column::Factor, factor.name.get(lang).to_owned());
    // The unit the value reads in: the entry's own, else the factor's.
    if let Some(m) = factor.kind.measure() {
        let unit = match entry.map(|e| &e.value) {
            Some(Value::Amount(q)) => q.unit(),
            _ => m.unit,
        };
        set(Column::Unit, catalog.unit(unit).name.get(lang).to_owned());
    }
    if let Some(e) = entry {
        let (value, by) = match (&e.value, &factor.kind) {
            (Value::Amount(q), _) => (number::plain(q.amount()), None),
            (Value::YesNo(a), _) => {
                let (word, by) = yes_no(*a, lang);
                (word.to_owned(), by)
            }
            // Levels by their Chinese names, as the drop-down offers them.
            (Value::Level(i), Kind::Level(levels)) => (
                levels
                    .get(usize::from(*i))
                    .map_or_else(String::new, |l| l.name.zh.clone()),
                None,
            ),
            (Value::Set(members), Kind::Set(v)) => (set_text(catalog, *v, members, lang), None),
            _ => (String::new(), None),
        };
        set(Column::Value, value);
        let by = match &e.planned {
            Some(plan) => {
                let amount = number::plain(plan.amount.amount());
                let same_unit = matches!(&e.value, Value::Amount(q) if q.unit() == plan.amount.unit());
                set(
                    Column::Planned,
                    if same_unit {
                        amount
                    } else {
                        format!("{amount} {}", catalog.unit(plan.amount.unit()).name.get(lang))
                    },
                );
                Some(plan.by)
            }
            None => by,
        };
        if let Some(by) = by {
            set(Column::PlannedBy, by.to_string());
        }
        let source = match e.planned.as_deref() {
            Some(plan) if !plan.source.is_empty() && plan.source != e.source => {
                format!("{}{}{}", e.source, lang.list_separator(), plan.source)
            }
            _ => e.source.clone(),
        };
        set(Column::Source, source);
        set(Column::AsOf, e.as_of.to_string());
        set(
            Column::Illustrative,
            (if e.illustrative { t.yes } else { t.no }).to_owned(),
        );
        set(
            Column::Freshness,
            e.freshness(factor, today).label(lang).to_owned(),
        );
    }
    set(Column::Owner, owner_text(p.owner(catalog, f), lang).to_owned());
    Row {
        zone,
        factor: f,
        labels,
        inputs: inputs(catalog, &factor.kind, lang),
    }
}

/// A set's members by name, joined with `、` (`环评、能评`).
fn set_text(catalog: &Catalog, v: crate::model::catalog::VocabIdx, members: &[u16], lang: Lang) -> String {
    let vocab = catalog.vocabulary(v);
    members
        .iter()
        .map(|m| vocab.label(*m, lang))
        .collect::<Vec<_>>()
        .join("、")
}

/// What the input cells of a factor of `kind` take.
fn inputs(catalog: &Catalog, kind: &Kind, lang: Lang) -> [Input; INPUTS] {
    let t = TEXTS.get(lang);
    let open = Input {
        open: true,
        ..Input::default()
    };
    let closed = Input::default();
    let value = match kind {
        Kind::AtLeast(_) | Kind::AtMost(_) => open.clone(),
        Kind::YesNo => Input {
            open: true,
            choices: Some(vec![
                t.yes.to_owned(),
                t.planned_answer.to_owned(),
                t.no.to_owned(),
            ]),
            note: None,
        },
        Kind::Level(levels) => {
            let names: Vec<String> = levels.iter().map(|l| l.name.zh.clone()).collect();
            if drop_down_length(names.iter().map(String::as_str)) <= DROP_DOWN_MAX {
                Input {
                    open: true,
                    choices: Some(names),
                    note: None,
                }
            } else {
                Input {
                    open: true,
                    choices: None,
                    note: Some((t.level_note)(&names.join("、"))),
                }
            }
        }
        Kind::Set(v) => {
            let vocab = catalog.vocabulary(*v);
            let names: Vec<String> = (0..vocab.members.len())
                .map(|m| {
                    let m = u16::try_from(m).unwrap_or(u16::MAX);
                    vocab.label(m, lang)
                })
                .collect();
            Input {
                open: true,
                choices: None,
                note: Some((t.set_note)(&names.join("、"))),
            }
        }
    };
    let amount = kind.measure().is_some();
    let planned = if amount { open.clone() } else { closed.clone() };
    let planned_by = if amount || matches!(kind, Kind::YesNo) {
        open.clone()
    } else {
        closed
    };
    [value, planned, planned_by, open.clone(), open.clone(), open]
}
