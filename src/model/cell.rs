//! Reading one cell of a province's or a zone's own table as a value of the factor its column
//! names (`header`): `1677`, `1677亩`, `13.4万平方米`, `是` / `否` / `有` / `无`, a planned date
//! (`2025年6月底前建成`), a level by name (`七通一平`), a list of members (`环评、能评、压覆矿`).
//! A blank cell changes nothing; `未知` / `unknown` clears the figure. Nothing is guessed: an
//! amount with no unit where the header gives none, or a cell the factor's kind cannot take
//! (`是` under a set), is a [`CellProblem`] with the reason. Pure.

use jiff::civil::Date;

use super::amount::{self, AmountError};
use super::catalog::names::fold;
use super::catalog::{Catalog, Factor, Kind, Member, VocabIdx, closest};
use super::error::Named;
use super::header::HeaderUnit;
use super::number;
use super::text::{Lang, Localize, Text, join_list};
use super::value::{DATE_YEARS, Quantity, Value, ValueError, YesNo, units_named};

/// What a cell says of its factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellValue {
    /// A value, with how its date was read when the cell gave less than a day.
    Value { value: Value, note: Option<DateReading> },
    /// `未知` / `unknown`: the figure is not known; the one held is to be cleared.
    Clear,
}

/// How a planned date written without its day was read: the last day of the month or year
/// it names, so that a plan "by June 2025" is not counted as late before June is over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateReading {
    /// `2025年6月前`: 2025-06-30.
    MonthEnd { written: String, date: Date },
    /// `2025年底`: 2025-12-31.
    YearEnd { written: String, date: Date },
}

impl Localize for DateReading {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (DateReading::MonthEnd { written, date }, Lang::Zh) => {
                format!("“{written}”只写到月份，按该月最后一天 {date} 计")
            }
            (DateReading::MonthEnd { written, date }, Lang::En) => {
                format!("`{written}` gives a month only; read as its last day, {date}")
            }
            (DateReading::YearEnd { written, date }, Lang::Zh) => {
                format!("“{written}”只写到年份，按该年最后一天 {date} 计")
            }
            (DateReading::YearEnd { written, date }, Lang::En) => {
                format!("`{written}` gives a year only; read as its last day, {date}")
            }
        }
    }
}

/// What a cell's column takes, named in a message about a cell that does not fit it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellKind {
    Amount { units: Vec<Named> },
    Level { levels: Vec<Named> },
    Set { vocabulary: Named },
}

/// Why a cell is not read; each carries the cell as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CellProblem {
    /// A number, unit, level, member or date that does not read.
    Value(ValueError),
    /// The word after the number names none of the factor's units.
    UnitWord {
        text: String,
        given: String,
        allowed: Text,
    },
    /// A number with no unit, in a column whose header states none.
    NoUnit { text: String, allowed: Vec<Named> },
    /// Neither yes, no, nor a planned date.
    NotYesNo { text: String },
    /// A date of something already done (`2019年已建成`): a yes, not a plan; said, not guessed.
    DoneWithDate { text: String },
    /// A cell the factor's kind cannot take (`是` under a set).
    WrongKind { text: String, expected: CellKind },
    /// A word that is a keyword of several members (`steel`).
    AmbiguousMember { given: String, members: Vec<Named> },
}

impl From<ValueError> for CellProblem {
    fn from(e: ValueError) -> Self {
        CellProblem::Value(e)
    }
}

impl Localize for CellProblem {
    fn text(&self, lang: Lang) -> String {
        let names =
            |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.name(lang).to_owned()).collect() };
        let or = match lang {
            Lang::Zh => "",
            Lang::En => "or",
        };
        match (self, lang) {
            (CellProblem::Value(e), _) => e.text(lang),
            (CellProblem::UnitWord { text, given, allowed }, Lang::Zh) => {
                format!("“{text}”中的“{given}”不是此项可用的单位，可用：{}", allowed.zh)
            }
            (CellProblem::UnitWord { text, given, allowed }, Lang::En) => {
                format!(
                    "in `{text}`, `{given}` is not a unit of this column; use {}",
                    allowed.en
                )
            }
            (CellProblem::NoUnit { text, allowed }, Lang::Zh) => format!(
                "“{text}”没有单位，表头也未注明单位；请写明单位：{}",
                join_list(&names(allowed), lang, or)
            ),
            (CellProblem::NoUnit { text, allowed }, Lang::En) => format!(
                "`{text}` has no unit and neither has the column's header; write one of {}",
                join_list(&names(allowed), lang, or)
            ),
            (CellProblem::NotYesNo { text }, Lang::Zh) => {
                format!("“{text}”不是“是”“否”或计划日期（如 2025年6月底前建成）")
            }
            (CellProblem::NotYesNo { text }, Lang::En) => {
                format!("`{text}` is neither yes, no nor a planned date (e.g. 2025-06-30)")
            }
            (CellProblem::DoneWithDate { text }, Lang::Zh) => {
                format!("“{text}”写的是已完成的日期，不是计划；已具备请填“是”")
            }
            (CellProblem::DoneWithDate { text }, Lang::En) => {
                format!("`{text}` dates something already done, not a plan; write yes if it is there")
            }
            (CellProblem::WrongKind { text, expected }, _) => {
                let wants = match (expected, lang) {
                    (CellKind::Amount { units }, Lang::Zh) => {
                        format!("数量，以{}计", join_list(&names(units), lang, or))
                    }
                    (CellKind::Amount { units }, Lang::En) => {
                        format!("an amount in {}", join_list(&names(units), lang, or))
                    }
                    (CellKind::Level { levels }, Lang::Zh) => {
                        format!("等级之一：{}", join_list(&names(levels), lang, or))
                    }
                    (CellKind::Level { levels }, Lang::En) => {
                        format!("one of the levels {}", join_list(&names(levels), lang, or))
                    }
                    (CellKind::Set { vocabulary }, Lang::Zh) => {
                        format!("{}名称的列表（如 环评、能评）", vocabulary.name(lang))
                    }
                    (CellKind::Set { vocabulary }, Lang::En) => {
                        format!("a list of {} by name", vocabulary.name(lang))
                    }
                };
                match lang {
                    Lang::Zh => format!("此列应填{wants}，不能填“{text}”"),
                    Lang::En => format!("this column takes {wants}, not `{text}`"),
                }
            }
            (CellProblem::AmbiguousMember { given, members }, Lang::Zh) => format!(
                "“{given}”可指{}，请写明全称",
                join_list(&names(members), lang, "或")
            ),
            (CellProblem::AmbiguousMember { given, members }, Lang::En) => format!(
                "`{given}` could be {}; write the full name",
                join_list(&names(members), lang, "or")
            ),
        }
    }
}

crate::english_display!(CellProblem);

/// Words that say a figure is not known: the figure held is cleared.
const UNKNOWN: [&str; 3] = ["未知", "不详", "unknown"];
/// Words for yes and for no, folded.
const YES: [&str; 10] = [
    "是",
    "有",
    "具备",
    "已具备",
    "已建成",
    "已完成",
    "√",
    "✓",
    "yes",
    "y",
];
const NO: [&str; 9] = ["否", "无", "没有", "不具备", "未建成", "×", "✗", "no", "n"];

/// Reads a cell of a column the header matched to `factor`, with the unit the header states.
/// `Ok(None)`: a blank cell, which changes nothing.
pub fn read_cell(
    catalog: &Catalog,
    factor: &Factor,
    header_unit: Option<HeaderUnit>,
    text: &str,
) -> Result<Option<CellValue>, CellProblem> {
    let written = text.trim();
    let folded = fold(written);
    if folded.is_empty() {
        return Ok(None);
    }
    if UNKNOWN.contains(&folded.as_str()) {
        return Ok(Some(CellValue::Clear));
    }
    let is_yes_no = YES.contains(&folded.as_str()) || NO.contains(&folded.as_str());
    let wrong_kind = |expected: CellKind| CellProblem::WrongKind {
        text: written.to_owned(),
        expected,
    };
    let plain = |value: Value| Ok(Some(CellValue::Value { value, note: None }));
    match &factor.kind {
        Kind::AtLeast(m) | Kind::AtMost(m) => {
            if is_yes_no {
                return Err(wrong_kind(CellKind::Amount {
                    units: units_named(catalog, m),
                }));
            }
            let (n, rest) = number::split_number(written).map_err(ValueError::from)?;
            let (amount, unit) = if rest.is_empty() {
                let Some(h) = header_unit else {
                    return Err(CellProblem::NoUnit {
                        text: written.to_owned(),
                        allowed: units_named(catalog, m),
                    });
                };
                let amount = number::shift(n, h.exp)
                    .ok_or_else(|| ValueError::Number(number::NumberError::OutOfRange(written.to_owned())))?;
                (amount, h.unit)
            } else {
                // A bare 万 or 亿 multiplies the header's own unit, when it states one.
                let current = header_unit.filter(|h| h.exp == 0).map(|h| h.unit);
                amount::read_amount(written, m.unit_words(current), m.unit).map_err(|e| match e {
                    AmountError::Value(v) => CellProblem::Value(v),
                    AmountError::UnitWord { given, allowed } => CellProblem::UnitWord {
                        text: written.to_owned(),
                        given,
                        allowed,
                    },
                })?
            };
            plain(Value::Amount(Quantity::new(catalog, m, amount, unit)?))
        }
        Kind::YesNo => {
            if YES.contains(&folded.as_str()) {
                return plain(Value::YesNo(YesNo::Yes));
            }
            if NO.contains(&folded.as_str()) {
                return plain(Value::YesNo(YesNo::No));
            }
            let Some(date) = planned_date(&folded, written)? else {
                return Err(CellProblem::NotYesNo {
                    text: written.to_owned(),
                });
            };
            if folded.contains('已') {
                return Err(CellProblem::DoneWithDate {
                    text: written.to_owned(),
                });
            }
            let (date, note) = date;
            Ok(Some(CellValue::Value {
                value: Value::YesNo(YesNo::Planned(date)),
                note,
            }))
        }
        Kind::Level(levels) => {
            let found = levels
                .iter()
                .position(|l| [&l.id, &l.name.zh, &l.name.en].iter().any(|n| fold(n) == folded))
                .and_then(|i| u16::try_from(i).ok());
            match found {
                Some(level) => plain(Value::Level(level)),
                None if is_yes_no => Err(wrong_kind(CellKind::Level {
                    levels: levels.iter().map(Member::named).collect(),
                })),
                None => Err(ValueError::UnknownLevel {
                    given: written.to_owned(),
                    levels: levels.iter().map(Member::named).collect(),
                }
                .into()),
            }
        }
        Kind::Set(v) => {
            if is_yes_no {
                return Err(wrong_kind(CellKind::Set {
                    vocabulary: catalog.vocabulary(*v).named(),
                }));
            }
            plain(Value::set(members(catalog, *v, written)?))
        }
    }
}

/// The members a list names (`环评、能评、压覆矿`), split at commas, semicolons, slashes,
/// spaces and `、`. A member whose own name holds a separator (`计算机、通信和其他电子设备制造业`)
/// is read whole: the longest run of parts that is a member's name is taken first.
fn members(catalog: &Catalog, vocabulary: VocabIdx, written: &str) -> Result<Vec<u16>, CellProblem> {
    let v = catalog.vocabulary(vocabulary);
    let separator = |c: char| matches!(c, '、' | '，' | ',' | ';' | '；' | '/' | '／') || c.is_whitespace();
    // Each part's span in the text.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in written.char_indices() {
        match (separator(c), start) {
            (true, Some(s)) => {
                parts.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        parts.push((s, written.len()));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(from, to)) = parts.get(i) {
        // The longest run of parts, joined as written, that is a member's name.
        let run = (i + 1..parts.len().min(i + 8))
            .rev()
            .filter_map(|j| parts.get(j).map(|&(_, end)| (j, end)))
            .find(|(_, end)| written.get(from..*end).is_some_and(|t| v.is_name(&fold(t))));
        match run {
            Some((j, end)) => {
                out.push(member(catalog, vocabulary, written.get(from..end).unwrap_or(""))?);
                i = j + 1;
            }
            None => {
                out.push(member(catalog, vocabulary, written.get(from..to).unwrap_or(""))?);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// A member of a vocabulary by its id, its name in either language or one of its keywords,
/// compared folded; a keyword of several members is refused with them.
fn member(catalog: &Catalog, vocabulary: VocabIdx, token: &str) -> Result<u16, CellProblem> {
    let v = catalog.vocabulary(vocabulary);
    let found = v.named_by(&fold(token));
    match found {
        [one] => Ok(*one),
        [] => Err(ValueError::UnknownMember {
            given: token.to_owned(),
            vocabulary: v.named(),
            suggestion: closest(token, v.members.iter().map(|m| m.name.zh.as_str()))
                .and_then(|c| v.find_by_name(c))
                .map(|m| v.member_named(m)),
        }
        .into()),
        several => Err(CellProblem::AmbiguousMember {
            given: token.to_owned(),
            members: several.iter().map(|m| v.member_named(*m)).collect(),
        }),
    }
}

/// A cell read as a day (an as-of or planned date column): `2023-12-31`, `2023年12月31日`,
/// `2023年12月` (its last day), `2023年底`; the reading says how a day not written was taken.
/// `Ok(None)` for a cell that holds no date.
pub fn read_date(text: &str) -> Result<Option<(Date, Option<DateReading>)>, ValueError> {
    let written = text.trim();
    if let Ok(d) = super::value::parse_date(written) {
        return Ok(Some((d, None)));
    }
    planned_date(&fold(written), written)
}

/// The first date in a cell (`2025年6月30日`, `2025年6月底前`, `2025年底`, `计划2025-06-30`,
/// `2025/6`), folded; a month or a year alone is its last day, said in the reading. `None`
/// when the cell holds no date.
fn planned_date(folded: &str, written: &str) -> Result<Option<(Date, Option<DateReading>)>, ValueError> {
    let chars: Vec<char> = folded.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let Some(start) =
        (0..chars.len()).find(|&i| (i..i + 4).all(digit) && !(i > 0 && digit(i - 1)) && !digit(i + 4))
    else {
        return Ok(None);
    };
    let number = |from: usize| -> (Option<i16>, usize) {
        let end = (from..from + 2)
            .take_while(|&i| digit(i))
            .last()
            .map_or(from, |i| i + 1);
        let text: String = chars[from.min(chars.len())..end.min(chars.len())]
            .iter()
            .collect();
        (text.parse().ok(), end)
    };
    let year: String = chars[start..start + 4].iter().collect();
    let year: i16 = year.parse().unwrap_or(0);
    let sep = chars.get(start + 4).copied();
    let (month, after_month) = match sep {
        Some('年' | '-' | '/' | '.') => number(start + 5),
        _ => (None, start + 4),
    };
    let day = match (sep, month) {
        (Some('年'), Some(_)) => match chars.get(after_month) {
            Some('月') => match number(after_month + 1) {
                (Some(d), end) if matches!(chars.get(end), Some('日' | '号')) => Some(d),
                _ => None,
            },
            _ => None,
        },
        (Some(s), Some(_)) if chars.get(after_month) == Some(&s) => number(after_month + 1).0,
        _ => None,
    };
    if month.is_none() && sep != Some('年') {
        // Four digits and no more: a number, not a date.
        return Ok(None);
    }
    let out_of_range = || ValueError::DateOutOfRange {
        given: written.to_owned(),
    };
    if !(DATE_YEARS.0..=DATE_YEARS.1).contains(&year) {
        return Err(out_of_range());
    }
    let no_such_day = || ValueError::NoSuchDay {
        given: written.to_owned(),
    };
    let small = |n: i16| i8::try_from(n).map_err(|_| no_such_day());
    Ok(Some(match (month, day) {
        (Some(m), Some(d)) => (
            Date::new(year, small(m)?, small(d)?).map_err(|_| no_such_day())?,
            None,
        ),
        (Some(m), None) => {
            let date = Date::new(year, small(m)?, 1)
                .map_err(|_| no_such_day())?
                .last_of_month();
            (
                date,
                Some(DateReading::MonthEnd {
                    written: written.to_owned(),
                    date,
                }),
            )
        }
        (None, _) => {
            let date = Date::new(year, 12, 31).map_err(|_| no_such_day())?;
            (
                date,
                Some(DateReading::YearEnd {
                    written: written.to_owned(),
                    date,
                }),
            )
        }
    }))
}

#[cfg(test)]
mod tests;
