//! Zone figures read in from spreadsheets: a province's own table (one row per zone, one
//! column per factor, Chinese headers, units in headers and cells) and SiteMatch's own update
//! workbook filled by a department (one row per zone and factor). Either becomes a
//! [`ChangeSet`]: per zone, each figure old → new with its source and date and how it is
//! judged, new zones, and every header and cell left unread as `Sheet!C7: reason`. Nothing is
//! guessed and nothing is written here: the officer reviews, and the caller saves.
//!
//! Pure: the catalog, the zones, the workbook's bytes and the day in; the change set out. The
//! workbook comes from outside and is treated as hostile ([`grid`]'s bounds).
//!
//! Files: `grid` (the sheets as cells, within bounds), `words` (the columns other than
//! factors), `wide` and `long` (the two layouts), `changes` (the change set and how a figure
//! is judged), `error` (what is reported).

mod changes;
mod error;
mod grid;
mod long;
mod wide;
mod words;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use jiff::civil::Date;

pub use self::changes::{
    ChangeSet, Counts, Edit, Figure, FigureChange, Judgement, Layout, SheetRead, Target, ZoneChange, judge,
};
pub use self::error::{ImportError, Reason, Unread};
pub use self::grid::{Grid, LIMITS, MAX_CELL_BYTES, MAX_COLS, MAX_ROWS};
use crate::model::cell::DateReading;
use crate::model::parse::{MAX_NAME_CHARS, MAX_NOTE_CHARS, check_profile_id};
use crate::model::{Catalog, FactorIdx, Text, ZoneIdx, ZoneProfile};
use crate::xlsx_in::{Got, cell_name, number_text};

/// What an import is told besides the workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The workbook's file name, for the source of a figure from a table with no source
    /// column (`全省开发区要素表.xlsx!D7`).
    pub file: String,
    /// The day a province's table was true, for a table with no date column.
    pub as_of: Option<Date>,
    /// Today, for the update workbook's freshness column (which is not compared).
    pub today: Date,
}

/// Rows a header is looked for in, from the top of a sheet (titles stand above it).
const HEADER_ROWS: u32 = 30;

/// Reads a workbook into the changes it proposes to `zones` (the folder's profiles).
pub fn read<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    zones: &[P],
    bytes: &[u8],
    options: &Options,
) -> Result<ChangeSet, ImportError> {
    let grids = grid::read_sheets(bytes)?;
    read_grids(catalog, zones, &grids, options)
}

/// Reads sheets already in cells (what [`read`] does after opening the workbook).
pub fn read_grids<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    zones: &[P],
    grids: &[Grid],
    options: &Options,
) -> Result<ChangeSet, ImportError> {
    let found: Vec<(usize, Found)> = grids
        .iter()
        .enumerate()
        .filter_map(|(i, g)| find_header(catalog, g).map(|f| (i, f)))
        .collect();
    if found.is_empty() {
        return Err(ImportError::NoTable);
    }
    let undated: Vec<String> = found
        .iter()
        .filter(|(_, f)| matches!(f, Found::Wide { as_of: None, .. }))
        .filter_map(|(i, _)| grids.get(*i).map(|g| g.name.clone()))
        .collect();
    if options.as_of.is_none() && !undated.is_empty() {
        return Err(ImportError::NeedsAsOf { sheets: undated });
    }
    let profiles: Vec<&ZoneProfile> = zones.iter().map(AsRef::as_ref).collect();
    let mut cx = Cx {
        catalog,
        options,
        book: ZoneBook::new(&profiles),
        profiles: &profiles,
        several_sheets: found.len() > 1,
        answers: Vec::new(),
        unread: Vec::new(),
        sheets: Vec::new(),
        zone_rows: HashMap::new(),
    };
    for (i, grid) in grids.iter().enumerate() {
        match found.iter().find(|(j, _)| *j == i) {
            Some((_, Found::Long { row, lang, columns })) => long::read(&mut cx, grid, *row, *lang, columns),
            Some((_, Found::Wide { row, .. })) => wide::read(&mut cx, grid, *row),
            None if !grid.is_empty() => cx.unread.push(Unread {
                sheet: grid.name.clone(),
                cell: String::new(),
                reason: Reason::NoHeader,
            }),
            None => {}
        }
        if let Some((row, col)) = grid.beyond {
            cx.unread.push(Unread {
                sheet: grid.name.clone(),
                cell: cell_name(row, col),
                reason: Reason::Beyond { limit: MAX_COLS },
            });
        }
    }
    Ok(cx.finish())
}

/// A sheet's header row, and what layout it says.
enum Found {
    Long {
        row: u32,
        lang: crate::model::Lang,
        columns: Vec<(crate::report::inventory_sheet::Column, u16)>,
    },
    Wide {
        row: u32,
        /// The date column, if there is one.
        as_of: Option<u16>,
    },
}

/// The header row of a sheet: the update workbook's titles (zone, factor id and new value, in
/// either language), else the row among the first [`HEADER_ROWS`] with a zone column (name or
/// id) and the most factor columns.
fn find_header(catalog: &Catalog, grid: &Grid) -> Option<Found> {
    let mut best: Option<(usize, u32, Option<u16>)> = None;
    for (r, cells) in grid.rows().take_while(|(r, _)| *r < HEADER_ROWS) {
        if let Some((lang, columns)) = long::titles(cells) {
            return Some(Found::Long {
                row: r,
                lang,
                columns,
            });
        }
        let mut zone = false;
        let mut as_of = None;
        let mut factors = 0;
        for (c, got) in cells {
            let Got::Text(t) = got else { continue };
            match words::role(t) {
                Some(words::Role::Name | words::Role::Id) => zone = true,
                Some(words::Role::AsOf) => as_of = as_of.or(Some(*c)),
                Some(_) => {}
                None => {
                    if crate::model::header::names_factor(catalog, t) {
                        factors += 1;
                    }
                }
            }
        }
        if zone && factors > 0 && best.is_none_or(|(n, ..)| factors > n) {
            best = Some((factors, r, as_of));
        }
    }
    best.map(|(_, row, as_of)| Found::Wide { row, as_of })
}

/// Which profile an answer goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum ZoneKey {
    Existing(usize),
    New(usize),
}

/// One figure's answer, as a reader found it.
struct Answer {
    zone: ZoneKey,
    factor: FactorIdx,
    cell: String,
    edit: Edit,
    /// Whether the figure held is still the one the workbook showed (`None`: it showed none).
    shown: Option<bool>,
    reading: Option<DateReading>,
}

/// The folder's zones by id and name, and the new zones an import proposes.
struct ZoneBook {
    by_id: HashMap<String, usize>,
    by_lower_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    new: Vec<ZoneProfile>,
    new_by_name: HashMap<String, usize>,
}

impl ZoneBook {
    fn new(profiles: &[&ZoneProfile]) -> ZoneBook {
        let mut book = ZoneBook {
            by_id: HashMap::new(),
            by_lower_id: HashMap::new(),
            by_name: HashMap::new(),
            new: Vec::new(),
            new_by_name: HashMap::new(),
        };
        for (i, p) in profiles.iter().enumerate() {
            book.by_id.insert(p.id.clone(), i);
            book.by_lower_id.insert(p.id.to_lowercase(), i);
            for name in [&p.name.zh, &p.name.en] {
                let name = name.trim();
                if !name.is_empty() {
                    book.by_name.entry(name.to_owned()).or_insert(i);
                }
            }
        }
        book
    }

    /// A zone of the folder by its id, exactly.
    fn existing(&self, profiles: &[&ZoneProfile], id: &str) -> Result<ZoneKey, Reason> {
        if let Some(&i) = self.by_id.get(id) {
            return Ok(ZoneKey::Existing(i));
        }
        match self.by_lower_id.get(&id.to_lowercase()) {
            Some(&i) => Err(Reason::ZoneIdCase {
                given: id.to_owned(),
                id: profiles.get(i).map_or_else(String::new, |p| p.id.clone()),
            }),
            None => Err(Reason::NoSuchZone { given: id.to_owned() }),
        }
    }

    /// The zone a province's row names: by id where it gives one, else by exact name; a new
    /// one otherwise.
    fn resolve(
        &mut self,
        catalog: &Catalog,
        profiles: &[&ZoneProfile],
        id: &str,
        name: &str,
        region: &str,
        as_of: Date,
    ) -> Result<ZoneKey, Reason> {
        if !id.is_empty() {
            match self.existing(profiles, id) {
                Err(Reason::NoSuchZone { .. }) => {}
                found => return found,
            }
            check_profile_id(id).map_err(|_| Reason::BadZoneId { given: id.to_owned() })?;
            if let Some(i) = self.new.iter().position(|p| p.id.eq_ignore_ascii_case(id)) {
                return match self.new.get(i) {
                    Some(p) if p.id == id => Ok(ZoneKey::New(i)),
                    Some(p) => Err(Reason::ZoneIdCase {
                        given: id.to_owned(),
                        id: p.id.clone(),
                    }),
                    None => Err(Reason::NoZoneName),
                };
            }
            return Ok(self.add(
                catalog,
                id.to_owned(),
                if name.is_empty() { id } else { name },
                region,
                as_of,
            ));
        }
        if let Some(&i) = self.by_name.get(name) {
            return Ok(ZoneKey::Existing(i));
        }
        if let Some(&i) = self.new_by_name.get(name) {
            return Ok(ZoneKey::New(i));
        }
        let id = self.unique_id(&pinyin_id(name));
        Ok(self.add(catalog, id, name, region, as_of))
    }

    fn add(&mut self, catalog: &Catalog, id: String, name: &str, region: &str, as_of: Date) -> ZoneKey {
        let mut p = ZoneProfile::new(catalog, id, Text::new(name, ""), as_of);
        p.region = Text::new(region, "");
        self.new_by_name.insert(name.to_owned(), self.new.len());
        self.new.push(p);
        ZoneKey::New(self.new.len() - 1)
    }

    /// `base`, or `base-2`, `base-3`… whichever no zone has, in any case.
    fn unique_id(&self, base: &str) -> String {
        let taken = |id: &str| {
            let lower = id.to_lowercase();
            self.by_lower_id.contains_key(&lower) || self.new.iter().any(|p| p.id.to_lowercase() == lower)
        };
        let mut id = base.to_owned();
        let mut n = 1;
        while taken(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}

/// A zone id from its name: the pinyin initials of its Han characters and its Latin letters
/// and digits, lower-cased (`侯马经济开发区` → `hmjjkfq`); `zone` when nothing is left.
fn pinyin_id(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut id = String::new();
    for (c, p) in name.chars().zip(name.to_pinyin()) {
        match p {
            Some(p) => id.extend(p.plain().chars().next()),
            None if c.is_ascii_alphanumeric() => id.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    if id.is_empty() { "zone".into() } else { id }
}

/// An import being read.
struct Cx<'a> {
    catalog: &'a Catalog,
    options: &'a Options,
    profiles: &'a [&'a ZoneProfile],
    book: ZoneBook,
    /// Whether more than one sheet is read (a source then names the sheet too).
    several_sheets: bool,
    answers: Vec<Answer>,
    unread: Vec<Unread>,
    sheets: Vec<SheetRead>,
    /// Where each zone was first read (`Sheet!3`), for a zone read twice.
    zone_rows: HashMap<ZoneKey, String>,
}

impl Cx<'_> {
    fn fail(&mut self, sheet: &str, row: u32, col: u16, reason: Reason) {
        self.unread.push(Unread {
            sheet: sheet.to_owned(),
            cell: cell_name(row, col),
            reason,
        });
    }

    /// The source a figure gets from a table that names none: the workbook and the cell.
    fn cell_source(&self, sheet: &str, row: u32, col: u16) -> String {
        if self.several_sheets {
            format!("{}!{sheet}!{}", self.options.file, cell_name(row, col))
        } else {
            format!("{}!{}", self.options.file, cell_name(row, col))
        }
    }

    /// The figure a zone holds now.
    fn figure(&self, zone: ZoneKey, factor: FactorIdx) -> Figure {
        match zone {
            ZoneKey::Existing(i) => self
                .profiles
                .get(i)
                .map(|p| Figure::of(self.catalog, p, factor))
                .unwrap_or_default(),
            ZoneKey::New(_) => Figure::default(),
        }
    }

    /// Groups the answers by zone in the order first read, judges each against the figure
    /// held, and puts the unread in order.
    fn finish(self) -> ChangeSet {
        let mut zones: Vec<ZoneChange> = Vec::new();
        let mut at: HashMap<ZoneKey, usize> = HashMap::new();
        let mut unchanged = 0;
        for a in &self.answers {
            let now = self.figure(a.zone, a.factor);
            let Some((new, judgement)) = judge(&now, &a.edit, a.shown) else {
                unchanged += 1;
                continue;
            };
            let i = *at.entry(a.zone).or_insert_with(|| {
                let (target, id, name) = match a.zone {
                    ZoneKey::Existing(i) => {
                        let p = self.profiles.get(i);
                        (
                            Target::Existing(ZoneIdx::new(i)),
                            p.map_or_else(String::new, |p| p.id.clone()),
                            p.map_or_else(String::new, |p| p.name.zh.clone()),
                        )
                    }
                    ZoneKey::New(i) => {
                        let p = self.book.new.get(i).cloned().unwrap_or_else(|| {
                            ZoneProfile::new(self.catalog, "zone", Text::default(), self.options.today)
                        });
                        let (id, name) = (p.id.clone(), p.name.zh.clone());
                        (Target::New(Box::new(p)), id, name)
                    }
                };
                zones.push(ZoneChange {
                    target,
                    id,
                    name,
                    figures: Vec::new(),
                });
                zones.len() - 1
            });
            if let Some(z) = zones.get_mut(i) {
                z.figures.push(FigureChange {
                    factor: a.factor,
                    cell: a.cell.clone(),
                    old: now,
                    new,
                    judgement,
                    reading: a.reading.clone(),
                });
            }
        }
        for z in &mut zones {
            z.figures.sort_by_key(|f| f.factor.index());
        }
        ChangeSet {
            sheets: self.sheets,
            zones,
            unchanged,
            unread: self.unread,
        }
    }
}

/// A cell's text as a reader takes it: text as written, a number as the shortest text that
/// reads back to it (13.4, never 13.4000000000000003), a truth value as yes or no, a date as
/// `YYYY-MM-DD`. A formula without a result, an error value or a time is a reason.
fn cell_text(got: &Got) -> Result<String, Reason> {
    match got {
        Got::Text(t) => Ok(t.clone()),
        Got::Number(n) => Ok(number_text(*n)),
        Got::Bool(b) => Ok(if *b { "yes" } else { "no" }.into()),
        Got::Date(Some((y, m, d))) => Ok(format!("{y:04}-{m:02}-{d:02}")),
        Got::Date(None) => Err(Reason::IsADate),
        Got::NoResult => Err(Reason::FormulaWithoutResult),
        Got::Error(shows) => Err(Reason::FormulaError { shows: shows.clone() }),
    }
}

/// A cell read as a day; `Ok(None)` for an empty one.
fn cell_date(got: Option<&Got>) -> Result<Option<(Date, Option<DateReading>)>, Reason> {
    let Some(got) = got else { return Ok(None) };
    let text = cell_text(got)?;
    match crate::model::cell::read_date(&text) {
        Ok(Some(d)) => Ok(Some(d)),
        Ok(None) => Err(Reason::Value(crate::model::ValueError::NotADate { given: text })),
        Err(e) => Err(Reason::Value(e)),
    }
}

/// A text cell of at most `limit` characters.
fn bounded(got: Option<&Got>, limit: usize) -> Result<String, Reason> {
    let Some(got) = got else { return Ok(String::new()) };
    let text = cell_text(got)?;
    let chars = text.chars().count();
    if chars > limit {
        return Err(Reason::TooLong { limit, chars });
    }
    Ok(text)
}

/// A cell read as a value: `None` inside clears the figure (`未知`), with how a date written
/// without its day was read.
type ValueRead = (Option<crate::model::Value>, Option<DateReading>);

/// A cell read as a value of `factor`, in the unit its column states; `Ok(None)` for a blank.
fn read_value(
    catalog: &Catalog,
    factor: &crate::model::Factor,
    unit: Option<crate::model::header::HeaderUnit>,
    text: &str,
) -> Result<Option<ValueRead>, Reason> {
    use crate::model::cell::{CellValue, read_cell};
    match read_cell(catalog, factor, unit, text) {
        Ok(None) => Ok(None),
        Ok(Some(CellValue::Clear)) => Ok(Some((None, None))),
        Ok(Some(CellValue::Value { value, note })) => Ok(Some((Some(value), note))),
        Err(p) => Err(Reason::Cell(p)),
    }
}

/// A name's limit and a source's, for the readers.
const NAME: usize = MAX_NAME_CHARS;
const NOTE: usize = MAX_NOTE_CHARS;
