//! What a form holds while an officer types: the text of a number and its unit, a yes/no
//! choice with its planned date, a level, a set of members, and for profile entries the source
//! and date. Turning a draft into a checked value, with the reason in words when it cannot be,
//! lives here, beside the editors that draw it (`value_editor`). Pure: no egui.

use jiff::civil::Date;

use super::texts::TEXTS;
use crate::model::amount::{self, AmountError};
use crate::model::number::{self, NumberError};
use crate::model::value::{self, YesNo};
use crate::model::{
    Catalog, Entry, Factor, Kind, Lang, Localize, PlannedAmount, Quantity, Text, UnitIdx, Value, ValueError,
};

/// The answer picked in a yes/no editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YesNoChoice {
    Yes,
    Planned,
    No,
}

/// The editable form of one factor's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueDraft {
    Amount {
        text: String,
        unit: UnitIdx,
    },
    YesNo {
        choice: Option<YesNoChoice>,
        date: String,
    },
    Level(Option<u16>),
    Set(Vec<u16>),
}

impl ValueDraft {
    /// An empty draft of the factor's kind: no value.
    pub fn empty(factor: &Factor) -> Self {
        match &factor.kind {
            Kind::AtLeast(m) | Kind::AtMost(m) => ValueDraft::Amount {
                text: String::new(),
                unit: m.unit,
            },
            Kind::YesNo => ValueDraft::YesNo {
                choice: None,
                date: String::new(),
            },
            Kind::Level(_) => ValueDraft::Level(None),
            Kind::Set(_) => ValueDraft::Set(Vec::new()),
        }
    }

    /// The draft showing a value, or an empty one.
    pub fn from_value(factor: &Factor, value: Option<&Value>) -> Self {
        match value {
            Some(Value::Amount(q)) => ValueDraft::Amount {
                text: number::plain(q.amount()),
                unit: q.unit(),
            },
            Some(Value::YesNo(answer)) => match answer {
                YesNo::Yes => ValueDraft::YesNo {
                    choice: Some(YesNoChoice::Yes),
                    date: String::new(),
                },
                YesNo::No => ValueDraft::YesNo {
                    choice: Some(YesNoChoice::No),
                    date: String::new(),
                },
                YesNo::Planned(d) => ValueDraft::YesNo {
                    choice: Some(YesNoChoice::Planned),
                    date: d.to_string(),
                },
            },
            Some(Value::Level(l)) => ValueDraft::Level(Some(*l)),
            Some(Value::Set(m)) => ValueDraft::Set(m.clone()),
            None => ValueDraft::empty(factor),
        }
    }

    /// After a successful read, shows the unit the text named (`20公顷` sets the unit picker
    /// to 公顷), so that the picker and the value agree.
    pub fn follow_unit(&mut self, value: Option<&Value>) {
        if let (ValueDraft::Amount { unit, .. }, Some(Value::Amount(q))) = (self, value) {
            *unit = q.unit();
        }
    }

    /// Whether nothing has been entered.
    pub fn is_empty(&self) -> bool {
        match self {
            ValueDraft::Amount { text, .. } => text.trim().is_empty(),
            ValueDraft::YesNo { choice, .. } => choice.is_none(),
            ValueDraft::Level(l) => l.is_none(),
            ValueDraft::Set(m) => m.is_empty(),
        }
    }

    /// The checked value: `Ok(None)` when empty, an error in words when it cannot be taken.
    pub fn parse(&self, catalog: &Catalog, factor: &Factor) -> Result<Option<Value>, DraftError> {
        if self.is_empty() {
            return Ok(None);
        }
        match (self, &factor.kind) {
            (ValueDraft::Amount { text, unit }, Kind::AtLeast(m) | Kind::AtMost(m)) => {
                let words: Vec<UnitWord<UnitIdx>> = m
                    .units
                    .iter()
                    .flat_map(|u| {
                        let x = catalog.unit(*u);
                        unit_words(&x.name.zh, &x.name.en, &x.id, *u, *u == *unit)
                    })
                    .collect();
                let (amount, typed_unit) = read_amount(text, &words, *unit)?;
                Quantity::new(catalog, m, amount, typed_unit)
                    .map(|q| Some(Value::Amount(q)))
                    .map_err(DraftError::Value)
            }
            (ValueDraft::YesNo { choice, date }, Kind::YesNo) => match choice {
                None => Ok(None),
                Some(YesNoChoice::Yes) => Ok(Some(Value::YesNo(YesNo::Yes))),
                Some(YesNoChoice::No) => Ok(Some(Value::YesNo(YesNo::No))),
                Some(YesNoChoice::Planned) => parse_date(date).map(|d| Some(Value::YesNo(YesNo::Planned(d)))),
            },
            (ValueDraft::Level(l), Kind::Level(_)) => Ok(l.map(Value::Level)),
            (ValueDraft::Set(m), Kind::Set(_)) => Ok(Some(Value::set(m.clone()))),
            _ => Err(DraftError::WrongKind),
        }
    }
}

pub use crate::model::amount::{UnitWord, unit_words};

/// Reads a number typed with or without a unit, as [`amount::read_amount`] does, with the
/// reason as a form shows it.
pub fn read_amount<U: Copy + PartialEq>(
    text: &str,
    words: &[UnitWord<U>],
    current: U,
) -> Result<(rust_decimal::Decimal, U), DraftError> {
    amount::read_amount(text, words, current).map_err(draft_error)
}

/// An amount's error as the form shows it.
fn draft_error(e: AmountError) -> DraftError {
    match e {
        AmountError::Value(v) => DraftError::Value(v),
        AmountError::UnitWord { given, allowed } => DraftError::UnitWord { given, allowed },
    }
}

/// Reads a date typed as `2025-06-30` (also `2025/6/30`, `2025.6.30`).
pub fn parse_date(text: &str) -> Result<Date, DraftError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DraftError::DateMissing);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let numbers: Option<Vec<i16>> = parts.iter().map(|p| p.trim().parse::<i16>().ok()).collect();
    match numbers.as_deref() {
        Some([y, m, d]) => i8::try_from(*m)
            .ok()
            .zip(i8::try_from(*d).ok())
            .and_then(|(m, d)| Date::new(*y, m, d).ok())
            .ok_or_else(|| DraftError::BadDate(text.to_owned()))
            .and_then(|date| {
                let (first, last) = crate::model::value::DATE_YEARS;
                if (first..=last).contains(&date.year()) {
                    Ok(date)
                } else {
                    Err(DraftError::Value(ValueError::DateOutOfRange {
                        given: text.to_owned(),
                    }))
                }
            }),
        _ => Err(DraftError::BadDate(text.to_owned())),
    }
}

/// Why a draft cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    Value(ValueError),
    DateMissing,
    BadDate(String),
    /// A value is entered but neither a source nor the illustrative mark.
    NoSource,
    /// The word after the number names none of the field's units.
    UnitWord {
        given: String,
        allowed: Text,
    },
    WrongKind,
    /// The entry's own date (as of) cannot be taken: shown on the date field, not the value.
    AsOf(Box<DraftError>),
    /// The planned amount or its date cannot be taken: shown on the plan's fields.
    Planned(Box<DraftError>),
    /// A planned amount with no value today: a plan is beside what the zone has now.
    PlanWithoutValue,
}

impl DraftError {
    /// The reason in the reader's language.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (DraftError::Value(e), _) => value_error_text(e, lang),
            (DraftError::DateMissing, Lang::Zh) => "请填写计划日期，如 2025-06-30".into(),
            (DraftError::DateMissing, Lang::En) => "enter the planned date, e.g. 2025-06-30".into(),
            (DraftError::BadDate(t), Lang::Zh) => format!("“{t}”不是日期，请按 2025-06-30 的格式填写"),
            (DraftError::BadDate(t), Lang::En) => format!("`{t}` is not a date; write it as 2025-06-30"),
            (DraftError::NoSource, Lang::Zh) => "请注明来源，或勾选“示例值”".into(),
            (DraftError::NoSource, Lang::En) => "name the source, or mark the value illustrative".into(),
            (DraftError::UnitWord { given, allowed }, Lang::Zh) => {
                format!("“{given}”不是此项可用的单位，可用：{}", allowed.zh)
            }
            (DraftError::UnitWord { given, allowed }, Lang::En) => {
                format!("`{given}` is not a unit of this field; use {}", allowed.en)
            }
            (DraftError::WrongKind, Lang::Zh) => "数值类型与该要素不符".into(),
            (DraftError::WrongKind, Lang::En) => "the value does not fit this factor".into(),
            (DraftError::AsOf(e), Lang::Zh) => format!("数据日期：{}", e.text(lang)),
            (DraftError::AsOf(e), Lang::En) => format!("date: {}", e.text(lang)),
            (DraftError::Planned(e), Lang::Zh) => format!("计划值：{}", e.text(lang)),
            (DraftError::Planned(e), Lang::En) => format!("planned: {}", e.text(lang)),
            (DraftError::PlanWithoutValue, Lang::Zh) => "填写计划值前，请先填写现有数值（没有时填 0）".into(),
            (DraftError::PlanWithoutValue, Lang::En) => {
                "enter today's value before the planned one (0 when there is none)".into()
            }
        }
    }
}

/// A value error in the reader's language.
pub fn value_error_text(e: &ValueError, lang: Lang) -> String {
    e.text(lang)
}

impl Localize for DraftError {
    fn text(&self, lang: Lang) -> String {
        DraftError::text(self, lang)
    }
}

/// The editable form of one profile entry: value, source, date and the illustrative mark,
/// and for a quantity the amount planned for a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDraft {
    pub value: ValueDraft,
    pub source: String,
    /// Empty: the profile's own date.
    pub as_of: String,
    pub illustrative: bool,
    /// For a quantity factor: the amount planned; `None` for other kinds.
    pub planned: Option<PlannedDraft>,
    /// The entry's own owner; empty: the profile's default for the factor.
    pub owner: String,
}

/// The editable form of a planned amount: the amount, the day it is planned for, and where
/// the plan is written (empty: the entry's own source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedDraft {
    pub amount: ValueDraft,
    pub by: String,
    pub source: String,
}

impl PlannedDraft {
    fn from_planned(factor: &Factor, planned: Option<&PlannedAmount>) -> Self {
        PlannedDraft {
            amount: ValueDraft::from_value(factor, planned.map(|p| Value::Amount(p.amount.clone())).as_ref()),
            by: planned.map(|p| p.by.to_string()).unwrap_or_default(),
            source: planned.map(|p| p.source.clone()).unwrap_or_default(),
        }
    }

    /// Whether nothing of the plan has been entered.
    pub fn is_empty(&self) -> bool {
        self.amount.is_empty() && self.by.trim().is_empty() && self.source.trim().is_empty()
    }

    /// The checked plan: `Ok(None)` when nothing is entered.
    fn parse(&self, catalog: &Catalog, factor: &Factor) -> Result<Option<PlannedAmount>, DraftError> {
        if self.is_empty() {
            return Ok(None);
        }
        let wrap = |e| DraftError::Planned(Box::new(e));
        let amount = match self.amount.parse(catalog, factor).map_err(wrap)? {
            Some(Value::Amount(q)) => q,
            Some(_) => return Err(DraftError::WrongKind),
            None => return Err(wrap(DraftError::Value(ValueError::Number(NumberError::Empty)))),
        };
        let by = parse_date(&self.by).map_err(wrap)?;
        Ok(Some(PlannedAmount {
            amount,
            by,
            source: self.source.trim().to_owned(),
        }))
    }
}

impl EntryDraft {
    pub fn from_entry(factor: &Factor, entry: Option<&Entry>, profile_date: Date) -> Self {
        EntryDraft {
            value: ValueDraft::from_value(factor, entry.map(|e| &e.value)),
            source: entry.map(|e| e.source.clone()).unwrap_or_default(),
            as_of: entry
                .filter(|e| e.as_of != profile_date)
                .map(|e| e.as_of.to_string())
                .unwrap_or_default(),
            illustrative: entry.is_some_and(|e| e.illustrative),
            planned: factor
                .kind
                .measure()
                .map(|_| PlannedDraft::from_planned(factor, entry.and_then(|e| e.planned.as_deref()))),
            owner: entry
                .and_then(|e| e.owner.as_deref())
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The checked entry: `Ok(None)` when no value is entered (the factor is unknown).
    pub fn parse(
        &self,
        catalog: &Catalog,
        factor: &Factor,
        profile_date: Date,
    ) -> Result<Option<Entry>, DraftError> {
        let Some(value) = self.value.parse(catalog, factor)? else {
            if self.planned.as_ref().is_some_and(|p| !p.is_empty()) {
                return Err(DraftError::PlanWithoutValue);
            }
            return Ok(None);
        };
        let planned = match &self.planned {
            Some(p) => p.parse(catalog, factor)?,
            None => None,
        };
        if self.source.trim().is_empty() && !self.illustrative {
            return Err(DraftError::NoSource);
        }
        let as_of = if self.as_of.trim().is_empty() {
            profile_date
        } else {
            parse_date(&self.as_of).map_err(|e| DraftError::AsOf(Box::new(e)))?
        };
        Ok(Some(Entry {
            value,
            source: self.source.trim().to_owned(),
            as_of,
            illustrative: self.illustrative,
            planned: planned.map(Box::new),
            owner: Some(self.owner.trim())
                .filter(|o| !o.is_empty())
                .map(crate::model::Owner::from),
        }))
    }
}

/// The units an amount draft may be entered in, for the unit picker.
pub fn units_of(factor: &Factor) -> &[UnitIdx] {
    factor.kind.measure().map_or(&[], |m| m.units.as_slice())
}

/// Reads a number typed into a header field counted in `unit` (`万元`, `万元/亩`), with the
/// spellings [`read_amount`] takes (`15亿`, `3000元/亩`): empty is `None`.
pub fn parse_amount(
    text: &str,
    unit: &crate::model::Text,
) -> Result<Option<rust_decimal::Decimal>, DraftError> {
    amount::read_field(text, unit).map_err(draft_error)
}

/// A value as shown in a picker button (`七通一平`, `规划环评、节能评价`).
pub fn draft_summary(catalog: &Catalog, factor: &Factor, draft: &ValueDraft, lang: Lang) -> String {
    match draft {
        ValueDraft::Set(m) if m.is_empty() => TEXTS.get(lang).none_chosen.to_owned(),
        ValueDraft::Set(m) => match factor.kind {
            Kind::Set(v) if m.len() > 3 => {
                let shown = value::members_text(catalog, v, &m[..2], lang);
                (TEXTS.get(lang).first_members)(&shown, m.len())
            }
            Kind::Set(v) => value::members_text(catalog, v, m, lang),
            _ => String::new(),
        },
        ValueDraft::Level(Some(l)) => match &factor.kind {
            Kind::Level(levels) => levels
                .get(usize::from(*l))
                .map_or_else(String::new, |x| x.name.get(lang).to_owned()),
            _ => String::new(),
        },
        ValueDraft::Level(None) => "—".to_owned(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("catalog")
    }

    #[test]
    fn an_amount_draft_parses_in_its_unit() {
        let c = catalog();
        let f = c.factor(c.find_factor("land.industrial_area").expect("factor"));
        let m2 = c.find_unit("m2", units_of(f)).expect("m2");
        let draft = ValueDraft::Amount {
            text: "10,000".into(),
            unit: m2,
        };
        let Ok(Some(Value::Amount(q))) = draft.parse(&c, f) else {
            panic!("parses")
        };
        assert_eq!(q.canonical(), dec!(15));
    }

    /// The amount and unit id a typed text gives in a field of `factor` set to `unit`.
    fn typed(
        c: &Catalog,
        factor: &str,
        unit: &str,
        text: &str,
    ) -> Result<(rust_decimal::Decimal, String), DraftError> {
        let f = c.factor(c.find_factor(factor).expect("factor"));
        let unit = c.find_unit(unit, units_of(f)).expect("unit");
        let draft = ValueDraft::Amount {
            text: text.into(),
            unit,
        };
        match draft.parse(c, f)? {
            Some(Value::Amount(q)) => Ok((q.amount(), c.unit(q.unit()).id.clone())),
            other => panic!("an amount, not {other:?}"),
        }
    }

    #[test]
    fn numbers_are_read_as_officers_type_them() {
        let c = catalog();
        let land = "land.industrial_area";
        let ok = |amount: rust_decimal::Decimal, unit: &str| Ok((amount, unit.to_owned()));
        assert_eq!(typed(&c, land, "mu", "300"), ok(dec!(300), "mu"));
        assert_eq!(typed(&c, land, "mu", "300亩"), ok(dec!(300), "mu"));
        assert_eq!(typed(&c, land, "mu", "300 亩"), ok(dec!(300), "mu"));
        assert_eq!(typed(&c, land, "mu", "１，０００"), ok(dec!(1000), "mu"));
        assert_eq!(typed(&c, land, "mu", "2万"), ok(dec!(20000), "mu"));
        assert_eq!(typed(&c, land, "mu", "2万亩"), ok(dec!(20000), "mu"));
        // Another unit the factor allows: the field takes that unit.
        assert_eq!(typed(&c, land, "mu", "20公顷"), ok(dec!(20), "ha"));
        assert_eq!(typed(&c, land, "mu", "1.5万平方米"), ok(dec!(1.5), "wan_m2"));
        assert_eq!(typed(&c, land, "mu", "3000平米"), ok(dec!(3000), "m2"));
        assert_eq!(typed(&c, land, "mu", "12 acres"), ok(dec!(12), "acre"));
        // Counted in 万: 亿 is ten thousand of it.
        assert_eq!(
            typed(&c, "water.supply", "wan_t_per_d", "2万"),
            ok(dec!(2), "wan_t_per_d")
        );
        assert_eq!(
            typed(&c, "land.price", "wan_yuan_per_mu", "15万元/亩"),
            ok(dec!(15), "wan_yuan_per_mu")
        );
        assert_eq!(
            typed(&c, "land.price", "wan_yuan_per_mu", "3000元/亩"),
            ok(dec!(0.3), "wan_yuan_per_mu")
        );
        let e = typed(&c, land, "mu", "300公斤").expect_err("not a unit of land");
        assert_eq!(
            e.text(Lang::Zh),
            "“公斤”不是此项可用的单位，可用：亩、平方米、万平方米、公顷、英亩"
        );
        // Chinese numerals, as a message pasted into the field writes them.
        assert_eq!(typed(&c, land, "mu", "三百"), ok(dec!(300), "mu"));
        assert_eq!(typed(&c, land, "mu", "两万平方米"), ok(dec!(20000), "m2"));
        assert_eq!(typed(&c, land, "mu", "一点五公顷"), ok(dec!(1.5), "ha"));
        assert!(typed(&c, land, "mu", "三百abc").is_err());
    }

    #[test]
    fn header_amounts_take_wan_and_yi() {
        let wan = crate::model::Text::new("万元", "10⁴ yuan");
        assert_eq!(parse_amount("15亿", &wan), Ok(Some(dec!(150000))));
        assert_eq!(parse_amount("15亿元", &wan), Ok(Some(dec!(150000))));
        assert_eq!(parse_amount("400,000万元", &wan), Ok(Some(dec!(400000))));
        assert_eq!(parse_amount("5000元", &wan), Ok(Some(dec!(0.5))));
        assert_eq!(parse_amount(" ", &wan), Ok(None));
        let per_mu = crate::model::Text::new("万元/亩", "10⁴ yuan/mu");
        assert_eq!(parse_amount("776万", &per_mu), Ok(Some(dec!(776))));
        assert_eq!(parse_amount("776万元/亩", &per_mu), Ok(Some(dec!(776))));
        assert!(parse_amount("776 美元", &per_mu).is_err());
    }

    #[test]
    fn letters_and_negatives_are_refused_with_reasons() {
        let c = catalog();
        let f = c.factor(c.find_factor("land.industrial_area").expect("factor"));
        let unit = units_of(f)[0];
        let e = ValueDraft::Amount {
            text: "5l5".into(),
            unit,
        }
        .parse(&c, f)
        .expect_err("letters");
        assert_eq!(e.text(Lang::Zh), "“5l5”不是数字");
        let e = ValueDraft::Amount {
            text: "-3".into(),
            unit,
        }
        .parse(&c, f)
        .expect_err("negative");
        assert_eq!(
            e.text(Lang::En),
            "-3 is negative; a quantity cannot be below zero"
        );
        assert_eq!(
            ValueDraft::Amount {
                text: " ".into(),
                unit
            }
            .parse(&c, f),
            Ok(None)
        );
    }

    #[test]
    fn planned_needs_a_date() {
        let c = catalog();
        let f = c.factor(c.find_factor("power.dual_supply").expect("factor"));
        let draft = |date: &str| ValueDraft::YesNo {
            choice: Some(YesNoChoice::Planned),
            date: date.into(),
        };
        assert_eq!(draft("").parse(&c, f), Err(DraftError::DateMissing));
        assert!(matches!(
            draft("2025-13-01").parse(&c, f),
            Err(DraftError::BadDate(_))
        ));
        let d = Date::new(2025, 6, 30).expect("date");
        assert_eq!(
            draft("2025/6/30").parse(&c, f),
            Ok(Some(Value::YesNo(YesNo::Planned(d))))
        );
    }

    #[test]
    fn an_entry_needs_a_source_or_the_illustrative_mark() {
        let c = catalog();
        let f = c.factor(c.find_factor("power.capacity").expect("factor"));
        let date = Date::new(2024, 1, 1).expect("date");
        let mut draft = EntryDraft::from_entry(f, None, date);
        assert_eq!(draft.parse(&c, f, date), Ok(None), "no value: unknown");
        draft.value = ValueDraft::Amount {
            text: "40".into(),
            unit: units_of(f)[0],
        };
        assert_eq!(draft.parse(&c, f, date), Err(DraftError::NoSource));
        draft.illustrative = true;
        let entry = draft.parse(&c, f, date).expect("ok").expect("an entry");
        assert_eq!(entry.as_of, date);
        assert!(entry.illustrative);
    }

    #[test]
    fn drafts_round_trip_values() {
        let c = catalog();
        for (id, text) in [
            ("land.industrial_area", "\"12.5 ha\""),
            ("land.servicing_level", "\"five\""),
        ] {
            let f = c.factor(c.find_factor(id).expect("factor"));
            let p = crate::model::parse_profile(
                &format!("ZoneProfile(name: (zh: \"z\"), as_of: \"2024-01-01\", factors: {{ \"{id}\": (value: {text}, source: \"s\") }})"),
                "z",
                &c,
            )
            .expect("profile");
            let value = &p.entry(c.find_factor(id).expect("factor")).expect("entry").value;
            let draft = ValueDraft::from_value(f, Some(value));
            assert_eq!(draft.parse(&c, f).expect("parses").as_ref(), Some(value));
        }
    }
}
