//! The reader: a filled survey workbook from outside, checked (what file it is, what it unpacks
//! to) and streamed cell by cell into a checklist by the layout. Writes no workbook.

use std::io::Cursor;

use crate::xlsx_in;

use rust_decimal::Decimal;

use super::error::{CellError, CellProblem, SurveyError};
use super::layout::{
    C_ID, C_IMPORTANCE, C_NOTE, C_REQUIRED, C_UNIT, CellValue, INDUSTRY, INTENSITY, INVESTMENT, INVESTOR,
    NEEDED, PROJECT, SHEET, START, TABLE, TAX, cell_name,
};
use crate::model::parse::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::model::value::{parse_level, parse_quantity};
use crate::model::{
    Catalog, Checklist, FactorIdx, Importance, Kind, Lang, Requirement, Value, ValueError, YesNo, number,
};

/// What one part of a workbook from outside may unpack to. The survey SiteMatch writes unpacks
/// to well under 1 MiB; the bound leaves room for a workbook an investor reworked and stops a
/// crafted one (a small zip whose sheet inflates to gigabytes) before it takes the memory.
pub const MAX_PART_BYTES: u64 = 32 << 20;
/// What the parts of a workbook may unpack to together.
pub const MAX_UNPACKED_BYTES: u64 = 128 << 20;
/// Parts a workbook may have (a survey has about a dozen).
const MAX_PARTS: usize = 2_000;
/// Rows of the factor table read at most: the catalog has a few dozen factors, so a row far
/// below is not part of the survey's table.
pub const MAX_TABLE_ROWS: u32 = 1_000;

/// One cell of the survey, as the shared reader gives it; text and numbers as the layout's
/// values.
#[derive(Clone, Debug, PartialEq)]
enum Got {
    Value(CellValue),
    Other(xlsx_in::Got),
}

impl From<xlsx_in::Refused> for SurveyError {
    fn from(r: xlsx_in::Refused) -> Self {
        match r {
            xlsx_in::Refused::NotAWorkbook { detail } => SurveyError::NotAWorkbook { detail },
            xlsx_in::Refused::OldExcel => SurveyError::OldExcel,
            xlsx_in::Refused::Text => SurveyError::Text,
            xlsx_in::Refused::Damaged { detail } => SurveyError::Damaged { detail },
            xlsx_in::Refused::Unpacks { part, limit } => SurveyError::Unpacks { part, limit },
        }
    }
}

/// What a survey may unpack to.
const LIMITS: xlsx_in::Limits = xlsx_in::Limits {
    part: MAX_PART_BYTES,
    total: MAX_UNPACKED_BYTES,
    parts: MAX_PARTS,
};

/// The survey sheet's cells within the survey's extents, read one at a time (never as the
/// sheet's whole rectangle, which a cell at the far corner makes billions of cells).
fn survey_cells(bytes: &[u8]) -> Result<std::collections::HashMap<(u32, u16), Got>, SurveyError> {
    use calamine::{Reader, Xlsx, XlsxError};
    let damaged = |e: XlsxError| SurveyError::Damaged {
        detail: e.to_string(),
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut reader = match book.worksheet_cells_reader(SHEET) {
        Ok(reader) => reader,
        Err(XlsxError::WorksheetNotFound(_)) => return Err(SurveyError::NoSurveySheet),
        Err(e) => return Err(damaged(e)),
    };
    let mut cells = std::collections::HashMap::new();
    let last_row = TABLE.saturating_add(MAX_TABLE_ROWS);
    // Only whether a cell has a formula matters, not its text: shared formulas are not expanded,
    // which would also make a table as long as the largest group index the sheet names (a
    // `si="4000000000"` asks for gigabytes).
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(damaged)? {
        let (row, col) = cell.pos;
        let got = match xlsx_in::Got::of(&cell.value, cell.formula.is_some()) {
            None => continue,
            Some(xlsx_in::Got::Text(t)) => Got::Value(CellValue::Text(t)),
            Some(xlsx_in::Got::Number(n)) => Got::Value(CellValue::Number(n)),
            Some(xlsx_in::Got::Bool(b)) => Got::Value(CellValue::Text(b.to_string().to_uppercase())),
            Some(other) => Got::Other(other),
        };
        let Ok(col) = u16::try_from(col) else { continue };
        if col > C_NOTE {
            continue;
        }
        if row > last_row {
            return Err(SurveyError::TooManyRows {
                limit: MAX_TABLE_ROWS,
            });
        }
        cells.insert((row, col), got);
    }
    Ok(cells)
}

/// The survey's cells being read, and the errors found so far.
struct Sheet {
    cells: std::collections::HashMap<(u32, u16), Got>,
    errors: Vec<CellError>,
}

impl Sheet {
    fn fail(&mut self, row: u32, col: u16, problem: CellProblem) {
        self.errors.push(CellError {
            cell: cell_name(row, col),
            problem,
        });
    }

    /// A cell's value; a date, a formula without a saved result or an error value is an error
    /// of its cell (the survey has no date fields) and reads as empty.
    fn get(&mut self, row: u32, col: u16) -> CellValue {
        let problem = match self.cells.get(&(row, col)) {
            None => return CellValue::Empty,
            Some(Got::Value(v)) => return v.clone(),
            Some(Got::Other(xlsx_in::Got::Error(shows))) => {
                CellProblem::FormulaError { shows: shows.clone() }
            }
            Some(Got::Other(xlsx_in::Got::NoResult)) => CellProblem::FormulaWithoutResult,
            Some(Got::Other(_)) => CellProblem::IsADate,
        };
        self.fail(row, col, problem);
        CellValue::Empty
    }

    /// A date cell: a day typed into a date-formatted cell, or text such as `2027-03-01`;
    /// anything else is an error of its cell and reads as no date.
    fn date(&mut self, row: u32, col: u16) -> Option<jiff::civil::Date> {
        let read = match self.cells.get(&(row, col)) {
            Some(Got::Other(xlsx_in::Got::Date(Some((y, m, d))))) => {
                let given = format!("{y:04}-{m:02}-{d:02}");
                crate::model::value::parse_date(&given)
            }
            _ => match self.text(row, col) {
                t if t.is_empty() => return None,
                t => crate::model::value::parse_date(&t),
            },
        };
        read.map_err(|e| self.fail(row, col, CellProblem::Value(e))).ok()
    }

    /// A cell's text (a number as the shortest text that reads back to it).
    fn text(&mut self, row: u32, col: u16) -> String {
        cell_text(&self.get(row, col))
    }

    /// A cell's text, of at most `limit` characters: a longer one is an error of its cell (a
    /// checklist file would not take it) and reads as empty.
    fn bounded_text(&mut self, row: u32, col: u16, limit: usize) -> String {
        let text = self.text(row, col);
        let chars = text.chars().count();
        if chars > limit {
            self.fail(row, col, CellProblem::TooLong { limit, chars });
            return String::new();
        }
        text
    }

    /// The last row of the table with anything in it.
    fn last_row(&self) -> u32 {
        self.cells.keys().map(|&(r, _)| r).max().unwrap_or(TABLE)
    }
}

/// Reads a filled survey back into a checklist. Every unreadable cell is one error.
///
/// The workbook comes from outside and is treated as hostile: what is not an `.xlsx` workbook
/// is named as what it is (an old `.xls`, a CSV), a damaged one as damaged, and one that would
/// unpack past [`MAX_UNPACKED_BYTES`] or run past [`MAX_TABLE_ROWS`] is refused before it is
/// held in memory.
pub fn read(catalog: &Catalog, bytes: &[u8]) -> Result<Checklist, SurveyError> {
    xlsx_in::check(bytes, &LIMITS)?;
    let mut sheet = Sheet {
        cells: survey_cells(bytes)?,
        errors: Vec::new(),
    };
    let mut list = Checklist::new(catalog);
    list.investor = sheet.bounded_text(INVESTOR, 1, MAX_NAME_CHARS);
    list.project = sheet.bounded_text(PROJECT, 1, MAX_NAME_CHARS);
    let industry = sheet.text(INDUSTRY, 1);
    if !industry.is_empty() {
        let code = industry.split_whitespace().next().unwrap_or("");
        match catalog.industries().find(code) {
            Some(m) => list.industry = Some(m),
            None => sheet.fail(INDUSTRY, 1, CellProblem::UnknownIndustry { given: industry }),
        }
    }
    use crate::model::catalog::PlanField;
    for (row, slot, feeds) in [
        (INVESTMENT, &mut list.total_investment, None),
        (
            INTENSITY,
            &mut list.planned_intensity,
            Some(PlanField::PlannedIntensity),
        ),
        (
            TAX,
            &mut list.planned_tax_per_mu,
            Some(PlanField::PlannedTaxPerMu),
        ),
    ] {
        let cell = sheet.get(row, 1);
        // A planned figure past what any zone can be asked for is refused, as in a file.
        let bounded = decimal_of(&cell).and_then(|d| match (d, feeds.and_then(|f| catalog.fed_measure(f))) {
            (Some(amount), Some(measure)) => {
                crate::model::Quantity::new(catalog, measure, amount, measure.unit).map(|_| Some(amount))
            }
            (d, _) => Ok(d),
        });
        match bounded {
            Ok(d) => *slot = d,
            Err(e) => sheet.fail(row, 1, CellProblem::Value(e)),
        }
    }
    list.pipeline.planned_start = sheet.date(START, 1);
    let mut seen: Vec<FactorIdx> = Vec::new();
    let last = sheet.last_row();
    for row in TABLE + 1..=last {
        let id = sheet.text(row, C_ID);
        if id.is_empty() {
            continue;
        }
        let Some(f) = catalog.find_factor(&id) else {
            sheet.fail(row, C_ID, CellProblem::UnknownFactor { given: id });
            continue;
        };
        if seen.contains(&f) {
            let factor = catalog.factor(f).named();
            sheet.fail(row, C_ID, CellProblem::DuplicateFactor { factor });
            continue;
        }
        seen.push(f);
        let factor = catalog.factor(f);
        let importance_text = sheet.text(row, C_IMPORTANCE);
        let importance = Importance::ALL.into_iter().find(|i| {
            importance_text == i.label(Lang::Zh)
                || importance_text.eq_ignore_ascii_case(i.code())
                || importance_text.eq_ignore_ascii_case(i.label(Lang::En))
        });
        let Some(importance) = importance else {
            let problem = if importance_text.is_empty() {
                CellProblem::NoImportance
            } else {
                CellProblem::UnknownImportance {
                    given: importance_text,
                }
            };
            sheet.fail(row, C_IMPORTANCE, problem);
            continue;
        };
        let cell = sheet.get(row, C_REQUIRED);
        let required: Result<Option<Value>, CellProblem> = match (&factor.kind, factor.default_from, &cell) {
            (_, Some(_), _) | (_, None, CellValue::Empty) => Ok(None),
            (Kind::AtLeast(m) | Kind::AtMost(m), None, v) => {
                let unit = sheet.text(row, C_UNIT);
                let amount = cell_text(v);
                parse_quantity(catalog, m, &format!("{amount} {unit}"))
                    .map(|q| Some(Value::Amount(q)))
                    .map_err(CellProblem::Value)
            }
            (Kind::YesNo, None, v) => match cell_text(v).as_str() {
                NEEDED | "yes" | "Yes" | "是" => Ok(Some(Value::YesNo(YesNo::Yes))),
                other => Err(CellProblem::NotAYesNo {
                    given: other.to_owned(),
                }),
            },
            (Kind::Level(_), None, v) => parse_level(factor, &cell_text(v))
                .map(|l| Some(Value::Level(l)))
                .map_err(CellProblem::Value),
            (Kind::Set(vi), None, v) => set_members(catalog.vocabulary(*vi), &cell_text(v)),
        };
        match required {
            Ok(required) => {
                let note = sheet.bounded_text(row, C_NOTE, MAX_NOTE_CHARS);
                // A factor marked not needed, with nothing stated, is one the checklist does
                // not list.
                let listed = importance != Importance::NotNeeded || required.is_some() || !note.is_empty();
                list.set_item(
                    f,
                    listed.then_some(Requirement {
                        importance,
                        required,
                        note,
                    }),
                );
            }
            Err(problem) => sheet.fail(row, C_REQUIRED, problem),
        }
    }
    if sheet.errors.is_empty() {
        Ok(list)
    } else {
        sheet.errors.sort_by_key(|e| cell_order(&e.cell));
        sheet.errors.dedup();
        Err(SurveyError::Cells(sheet.errors))
    }
}

/// A cell's name as (row, column) for ordering errors top to bottom, left to right.
fn cell_order(name: &str) -> (u32, u32) {
    let split = name.find(|c: char| c.is_ascii_digit()).unwrap_or(name.len());
    let (letters, digits) = name.split_at(split);
    let col = letters.bytes().fold(0u32, |acc, b| {
        acc.saturating_mul(26).saturating_add(u32::from(b - b'A' + 1))
    });
    (digits.parse().unwrap_or(u32::MAX), col)
}

/// A cell's value as text (a number as the shortest text that reads back to it).
fn cell_text(v: &CellValue) -> String {
    match v {
        CellValue::Empty => String::new(),
        CellValue::Text(s) => s.clone(),
        CellValue::Number(n) => xlsx_in::number_text(*n),
    }
}

/// The members named in a cell (`环评、能评`, by code, Chinese or English name).
fn set_members(vocab: &crate::model::catalog::Vocabulary, text: &str) -> Result<Option<Value>, CellProblem> {
    let mut members = Vec::new();
    let mut bad = Vec::new();
    for part in text
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let key = part.split_whitespace().next().unwrap_or(part);
        match vocab.find(key).or_else(|| {
            vocab
                .members
                .iter()
                .position(|m| m.name.zh == part || m.name.en.eq_ignore_ascii_case(part))
                .and_then(|i| u16::try_from(i).ok())
        }) {
            Some(m) => members.push(m),
            None => bad.push(part.to_owned()),
        }
    }
    if bad.is_empty() && members.is_empty() {
        // Only separators (`、`): not nothing, as an empty cell is, and not a set either.
        Err(CellProblem::Value(ValueError::EmptySet))
    } else if bad.is_empty() {
        Ok(Some(Value::set(members)))
    } else {
        Err(CellProblem::NotMembers {
            vocabulary: vocab.named(),
            given: bad,
        })
    }
}

fn decimal_of(v: &CellValue) -> Result<Option<Decimal>, ValueError> {
    if *v == CellValue::Empty {
        return Ok(None);
    }
    match number::parse_decimal(&cell_text(v)) {
        Ok(d) if d.is_sign_negative() && !d.is_zero() => Err(ValueError::Negative(number::plain(d))),
        Ok(d) => Ok(Some(d.normalize())),
        Err(e) => Err(e.into()),
    }
}
