//! The values a profile offers and a checklist requires: quantities with units, yes / planned /
//! no answers, levels and sets. Reading a value from text and writing it for a reader both live
//! here, so the file parser and the form accept exactly the same things.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::catalog::{Catalog, Factor, Kind, Measure, UnitIdx, VocabIdx};
use super::error::Named;
use super::number::{self, NumberError};
use super::text::{Lang, Localize, join_list};
use super::texts::TEXTS;

/// An amount in one of the units its factor accepts, with its value in the factor's own unit.
/// Built only through [`Quantity::new`], so the amount is never negative and the unit fits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    amount: Decimal,
    unit: UnitIdx,
    canonical: Decimal,
}

impl Quantity {
    /// Checks an amount entered in `unit` for a factor measured by `measure`.
    pub fn new(
        catalog: &Catalog,
        measure: &Measure,
        amount: Decimal,
        unit: UnitIdx,
    ) -> Result<Quantity, ValueError> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(ValueError::Negative(number::plain(amount)));
        }
        if !measure.units.contains(&unit) {
            return Err(ValueError::UnitNotAllowed {
                given: catalog.unit(unit).id.clone(),
                unit: catalog.unit(unit).named(),
                allowed: units_named(catalog, measure),
            });
        }
        let canonical = catalog
            .convert(amount, unit, measure.unit)
            .ok_or_else(|| ValueError::Number(NumberError::OutOfRange(number::plain(amount))))?;
        if let Some(max) = measure.max.filter(|m| canonical > *m) {
            return Err(ValueError::Implausible {
                amount,
                unit: catalog.unit(unit).named(),
                max,
                max_unit: catalog.unit(measure.unit).named(),
            });
        }
        Ok(Quantity {
            amount: amount.normalize(),
            unit,
            canonical: canonical.normalize(),
        })
    }

    /// A quantity from parts stored earlier by [`Quantity::amount`], [`Quantity::unit`] and
    /// [`Quantity::canonical`] of the same catalog: nothing is checked or converted again.
    pub(crate) fn from_parts(amount: Decimal, unit: UnitIdx, canonical: Decimal) -> Quantity {
        Quantity {
            amount,
            unit,
            canonical,
        }
    }

    /// The amount as entered.
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The unit it was entered in.
    pub fn unit(&self) -> UnitIdx {
        self.unit
    }

    /// The amount in the factor's own unit: what scoring compares.
    pub fn canonical(&self) -> Decimal {
        self.canonical
    }

    /// `1677 mu`, as a file holds it (unit by id, no grouping).
    pub fn file_text(&self, catalog: &Catalog) -> String {
        format!("{} {}", number::plain(self.amount), catalog.unit(self.unit).id)
    }

    /// `134,000 m²`, as a reader sees it.
    pub fn text(&self, catalog: &Catalog, lang: Lang) -> String {
        format!(
            "{} {}",
            number::grouped(self.amount),
            catalog.unit(self.unit).name.get(lang)
        )
    }
}

/// A zone's answer for a yes/no factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum YesNo {
    Yes,
    /// Not yet, but planned to be ready by this date.
    Planned(Date),
    No,
}

/// A value for one factor; its variant always matches the factor's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Amount(Quantity),
    YesNo(YesNo),
    /// The position of a level in the factor's level list.
    Level(u16),
    /// Members of the factor's vocabulary, by position, sorted and without repeats.
    Set(Vec<u16>),
}

impl Value {
    /// A set value from member positions in any order, with repeats removed.
    pub fn set(mut members: Vec<u16>) -> Value {
        members.sort_unstable();
        members.dedup();
        Value::Set(members)
    }

    /// Whether this value is of the kind `factor` takes.
    pub fn fits(&self, factor: &Factor) -> bool {
        matches!(
            (self, &factor.kind),
            (Value::Amount(_), Kind::AtLeast(_) | Kind::AtMost(_))
                | (Value::YesNo(_), Kind::YesNo)
                | (Value::Level(_), Kind::Level(_))
                | (Value::Set(_), Kind::Set(_))
        )
    }

    /// The value as a reader sees it: `1,677 亩`, `计划 2025-03-31`, `七通一平`, `规划环评、节能评价`.
    pub fn text(&self, catalog: &Catalog, factor: &Factor, lang: Lang) -> String {
        match (self, &factor.kind) {
            (Value::Amount(q), _) => q.text(catalog, lang),
            (Value::YesNo(answer), _) => yes_no_text(*answer, lang),
            (Value::Level(i), Kind::Level(levels)) => levels
                .get(usize::from(*i))
                .map_or_else(|| String::from("?"), |l| l.name.get(lang).to_owned()),
            (Value::Set(members), Kind::Set(v)) => members_text(catalog, *v, members, lang),
            _ => String::from("?"),
        }
    }
}

/// `是`, `计划 2025-03-31`, `否` (`Yes`, `Planned for 2025-03-31`, `No`).
pub fn yes_no_text(answer: YesNo, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    match answer {
        YesNo::Yes => t.yes.to_owned(),
        YesNo::No => t.no.to_owned(),
        YesNo::Planned(date) => (t.planned)(date),
    }
}

/// Members of a vocabulary joined for running text.
pub fn members_text(catalog: &Catalog, vocabulary: VocabIdx, members: &[u16], lang: Lang) -> String {
    let v = catalog.vocabulary(vocabulary);
    if members.is_empty() {
        return TEXTS.get(lang).none.to_owned();
    }
    members
        .iter()
        .map(|m| v.label(*m, lang))
        .collect::<Vec<_>>()
        .join(lang.list_separator())
}

/// Why a value cannot be taken. Shared by the file parser, the survey reader and the form;
/// rendered in words through [`Localize`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    Number(#[from] NumberError),
    /// The amount as written.
    Negative(String),
    /// A unit the catalog knows but this factor does not take; `given` as written.
    UnitNotAllowed {
        given: String,
        unit: Named,
        allowed: Vec<Named>,
    },
    /// A word after the number that is no unit at all.
    UnknownUnit {
        text: String,
        unit: String,
        allowed: Vec<Named>,
    },
    UnknownLevel {
        given: String,
        levels: Vec<Named>,
    },
    UnknownMember {
        given: String,
        vocabulary: Named,
        suggestion: Option<Named>,
    },
    EmptySet,
    /// More than any zone can have (the factor's `max`, in its own unit).
    Implausible {
        amount: Decimal,
        unit: Named,
        max: Decimal,
        max_unit: Named,
    },
    /// Not written as a date (`2023-12-31`).
    NotADate {
        given: String,
    },
    /// Written as a date that the calendar does not have (`2025-02-30`).
    NoSuchDay {
        given: String,
    },
    /// A real day, but outside the years a zone's facts or an investor's plans can fall in
    /// (`0000-01-01`, `9999-12-31`): a typing slip, not a date.
    DateOutOfRange {
        given: String,
    },
    /// A latitude past ±90 or a longitude past ±180 degrees.
    CoordinateOutOfRange {
        /// `lat` or `lon`.
        axis: &'static str,
        given: String,
    },
}

/// The first and last years a date in a profile or a checklist may fall in.
pub const DATE_YEARS: (i16, i16) = (1980, 2100);

impl Localize for ValueError {
    fn text(&self, lang: Lang) -> String {
        let names =
            |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.name(lang).to_owned()).collect() };
        let ids = |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.id.clone()).collect() };
        match (self, lang) {
            (ValueError::Number(e), _) => e.text(lang),
            (ValueError::Negative(t), Lang::Zh) => format!("{t} 为负数，数量不能小于零"),
            (ValueError::Negative(t), Lang::En) => {
                format!("{t} is negative; a quantity cannot be below zero")
            }
            (ValueError::UnitNotAllowed { unit, allowed, .. }, Lang::Zh) => format!(
                "此项不能使用单位“{}”，可用：{}",
                unit.name(lang),
                join_list(&names(allowed), lang, "")
            ),
            (ValueError::UnitNotAllowed { given, allowed, .. }, Lang::En) => format!(
                "unit `{given}` is not allowed here; use {}",
                join_list(&ids(allowed), lang, "or")
            ),
            (ValueError::UnknownUnit { text, unit, allowed }, Lang::Zh) => format!(
                "“{text}”中的“{unit}”不是已知的单位，请写数字和以下单位之一：{}",
                join_list(&names(allowed), lang, "")
            ),
            (ValueError::UnknownUnit { text, unit, allowed }, Lang::En) => format!(
                "in `{text}`, `{unit}` is not a unit SiteMatch knows; write a number and one of {}",
                join_list(&ids(allowed), lang, "or")
            ),
            (ValueError::UnknownLevel { given, levels }, Lang::Zh) => format!(
                "“{given}”不是此项的等级，可选：{}",
                join_list(&names(levels), lang, "")
            ),
            (ValueError::UnknownLevel { given, levels }, Lang::En) => format!(
                "`{given}` is not a level of this factor; choose one of {}",
                join_list(&ids(levels), lang, "or")
            ),
            (
                ValueError::UnknownMember {
                    given,
                    vocabulary,
                    suggestion,
                },
                Lang::Zh,
            ) => format!(
                "“{given}”不在{}之列{}",
                vocabulary.name(lang),
                suggestion
                    .as_ref()
                    .map_or_else(String::new, |s| format!("；{}", s.hint(lang)))
            ),
            (
                ValueError::UnknownMember {
                    given,
                    vocabulary,
                    suggestion,
                },
                Lang::En,
            ) => format!(
                "`{given}` is not in {}{}",
                vocabulary.label(lang),
                suggestion
                    .as_ref()
                    .map_or_else(String::new, |s| format!("; {}", s.hint(lang)))
            ),
            (ValueError::EmptySet, Lang::Zh) => "列表为空，请至少写一项".into(),
            (ValueError::EmptySet, Lang::En) => "the list is empty; name at least one member".into(),
            (
                ValueError::Implausible {
                    amount,
                    unit,
                    max,
                    max_unit,
                },
                Lang::Zh,
            ) => format!(
                "{} {} 超出任何开发区可能的数值（最多 {} {}），请检查数字和单位",
                number::grouped(*amount),
                unit.name(lang),
                number::grouped(*max),
                max_unit.name(lang)
            ),
            (
                ValueError::Implausible {
                    amount,
                    unit,
                    max,
                    max_unit,
                },
                Lang::En,
            ) => format!(
                "{} {} is more than any zone can have (at most {} {}); check the number and the unit",
                number::grouped(*amount),
                unit.name(lang),
                number::grouped(*max),
                max_unit.name(lang)
            ),
            (ValueError::NotADate { given }, Lang::Zh) => {
                format!("“{given}”不是日期，请写成 2023-12-31 的格式")
            }
            (ValueError::NotADate { given }, Lang::En) => {
                format!("`{given}` is not a date; write it as 2023-12-31")
            }
            (ValueError::NoSuchDay { given }, Lang::Zh) => format!("日历上没有 {given} 这一天"),
            (ValueError::NoSuchDay { given }, Lang::En) => format!("{given} is not a day of the calendar"),
            (ValueError::CoordinateOutOfRange { axis, given }, Lang::Zh) => match *axis {
                "lat" => format!("纬度 {given} 不在 -90 到 90 度之间"),
                _ => format!("经度 {given} 不在 -180 到 180 度之间"),
            },
            (ValueError::CoordinateOutOfRange { axis, given }, Lang::En) => match *axis {
                "lat" => format!("latitude {given} is not between -90 and 90 degrees"),
                _ => format!("longitude {given} is not between -180 and 180 degrees"),
            },
            (ValueError::DateOutOfRange { given }, Lang::Zh) => format!(
                "{given} 不在可用的年份内：日期应在 {} 年至 {} 年之间",
                DATE_YEARS.0, DATE_YEARS.1
            ),
            (ValueError::DateOutOfRange { given }, Lang::En) => format!(
                "{given} is outside the years dates can fall in: {} to {}",
                DATE_YEARS.0, DATE_YEARS.1
            ),
        }
    }
}

crate::english_display!(ValueError);

/// Reads a date written as `2023-12-31` (four-digit year, two-digit month and day).
pub fn parse_date(text: &str) -> Result<Date, ValueError> {
    let given = text.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = given.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(ValueError::NotADate {
            given: given.to_owned(),
        });
    };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(ValueError::NotADate {
            given: given.to_owned(),
        });
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else {
        return Err(ValueError::NotADate {
            given: given.to_owned(),
        });
    };
    let date = Date::new(y, m, d).map_err(|_| ValueError::NoSuchDay {
        given: given.to_owned(),
    })?;
    if !(DATE_YEARS.0..=DATE_YEARS.1).contains(&y) {
        return Err(ValueError::DateOutOfRange {
            given: given.to_owned(),
        });
    }
    Ok(date)
}

/// The units a measure accepts, for messages: `mu, m2, wan_m2, ha or acre`.
pub fn unit_list(catalog: &Catalog, measure: &Measure) -> String {
    let ids: Vec<String> = measure
        .units
        .iter()
        .map(|u| catalog.unit(*u).id.clone())
        .collect();
    join_list(&ids, Lang::En, "or")
}

/// The units a measure accepts, named, its own unit first.
pub fn units_named(catalog: &Catalog, measure: &Measure) -> Vec<Named> {
    measure.units.iter().map(|u| catalog.unit(*u).named()).collect()
}

/// Reads a quantity: `1677 mu`, `134000m2`, `13.4 万平方米`, or a bare number in the factor's own
/// unit.
pub fn parse_quantity(catalog: &Catalog, measure: &Measure, text: &str) -> Result<Quantity, ValueError> {
    let text = text.trim();
    let split = text
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit()
                || matches!(c, '.' | ',' | '_' | '-' | '+' | '０'..='９' | '．' | '，' | '－'))
        })
        .map_or(text.len(), |(i, _)| i);
    let (number_part, unit_part) = text.split_at(split);
    // An exponent (`1.5e3`) reads as a unit starting with `e`; take it into the number.
    let (number_part, unit_part) = match unit_part.strip_prefix(['e', 'E']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') => {
            let end = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| !c.is_ascii_digit())
                .map_or(rest.len(), |(i, _)| i);
            (&text[..split + 1 + end], &rest[end..])
        }
        _ => (number_part, unit_part),
    };
    if number_part.trim().is_empty() && !text.is_empty() {
        return Err(NumberError::NotANumber(text.to_owned()).into());
    }
    let amount = number::parse_decimal(number_part)?;
    let unit_part = unit_part.trim();
    let unit = if unit_part.is_empty() {
        measure.unit
    } else {
        catalog.find_unit(unit_part, &measure.units).ok_or_else(|| {
            match catalog.find_any_unit(unit_part) {
                Some(known) => ValueError::UnitNotAllowed {
                    given: unit_part.to_owned(),
                    unit: catalog.unit(known).named(),
                    allowed: units_named(catalog, measure),
                },
                None => ValueError::UnknownUnit {
                    text: text.to_owned(),
                    unit: unit_part.to_owned(),
                    allowed: units_named(catalog, measure),
                },
            }
        })?
    };
    Quantity::new(catalog, measure, amount, unit)
}

/// Reads a level by its id or its name in either language (`seven`, `七通一平`).
pub fn parse_level(factor: &Factor, text: &str) -> Result<u16, ValueError> {
    let Kind::Level(levels) = &factor.kind else {
        return Err(ValueError::UnknownLevel {
            given: text.to_owned(),
            levels: Vec::new(),
        });
    };
    let text = text.trim();
    levels
        .iter()
        .position(|l| {
            l.id.eq_ignore_ascii_case(text) || l.name.zh == text || l.name.en.eq_ignore_ascii_case(text)
        })
        .and_then(|i| u16::try_from(i).ok())
        .ok_or_else(|| ValueError::UnknownLevel {
            given: text.to_owned(),
            levels: levels.iter().map(super::catalog::Member::named).collect(),
        })
}

/// Reads the members of a set by id (`seismic`, `C38`) or by name in either language
/// (`地震安全性评价`); an empty list is an error.
pub fn parse_members<S: AsRef<str>>(
    catalog: &Catalog,
    vocabulary: VocabIdx,
    ids: &[S],
) -> Result<Vec<u16>, ValueError> {
    if ids.is_empty() {
        return Err(ValueError::EmptySet);
    }
    let v = catalog.vocabulary(vocabulary);
    ids.iter()
        .map(|id| {
            let id = id.as_ref().trim();
            v.find(id)
                .or_else(|| v.find_by_name(id))
                .ok_or_else(|| ValueError::UnknownMember {
                    given: id.to_owned(),
                    vocabulary: v.named(),
                    suggestion: super::catalog::closest(id, v.members.iter().map(|m| m.id.as_str()))
                        .and_then(|c| v.find(c))
                        .map(|m| v.member_named(m)),
                })
        })
        .collect::<Result<Vec<u16>, _>>()
        .map(|mut members| {
            members.sort_unstable();
            members.dedup();
            members
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("catalog")
    }

    fn factor<'a>(c: &'a Catalog, id: &str) -> &'a Factor {
        c.factor(c.find_factor(id).expect("factor"))
    }

    #[test]
    fn dates_outside_the_plausible_years_are_refused_with_the_range() {
        assert!(parse_date("2026-11-29").is_ok());
        assert!(parse_date("1980-01-01").is_ok());
        assert!(parse_date("2100-12-31").is_ok());
        for slip in ["0000-01-01", "9999-12-31", "1979-12-31", "2101-01-01"] {
            let err = parse_date(slip).expect_err(slip);
            assert_eq!(err, ValueError::DateOutOfRange { given: slip.into() }, "{slip}");
            assert!(
                err.text(Lang::Zh).contains("1980 年至 2100 年"),
                "{}",
                err.text(Lang::Zh)
            );
        }
        // A day the calendar lacks is still that error, whatever the year.
        assert!(matches!(
            parse_date("2025-02-30"),
            Err(ValueError::NoSuchDay { .. })
        ));
    }

    #[test]
    fn quantities_read_in_any_accepted_unit() {
        let c = catalog();
        let m = factor(&c, "land.industrial_area")
            .kind
            .measure()
            .expect("quantity")
            .clone();
        let q = parse_quantity(&c, &m, "1677 mu").expect("mu");
        assert_eq!(q.canonical(), dec!(1677));
        let q = parse_quantity(&c, &m, "10000m2").expect("m2");
        assert_eq!(q.canonical(), dec!(15));
        assert_eq!(q.file_text(&c), "10000 m2");
        assert_eq!(q.text(&c, Lang::Zh), "10,000 平方米");
        let q = parse_quantity(&c, &m, "2 ha").expect("ha");
        assert_eq!(q.canonical(), dec!(30));
        let q = parse_quantity(&c, &m, "100 acres").expect("acres");
        assert_eq!(q.canonical(), dec!(607.02846336));
        let q = parse_quantity(&c, &m, "515").expect("bare number");
        assert_eq!((q.amount(), q.unit()), (dec!(515), m.unit));
        let q = parse_quantity(&c, &m, "1.5e3 亩").expect("exponent");
        assert_eq!(q.canonical(), dec!(1500));
    }

    #[test]
    fn quantities_refuse_bad_input_with_reasons() {
        let c = catalog();
        let m = factor(&c, "land.industrial_area")
            .kind
            .measure()
            .expect("quantity")
            .clone();
        assert_eq!(
            parse_quantity(&c, &m, "-5 mu"),
            Err(ValueError::Negative("-5".into()))
        );
        assert!(matches!(
            parse_quantity(&c, &m, "5 MW"),
            Err(ValueError::UnitNotAllowed { .. })
        ));
        assert!(matches!(
            parse_quantity(&c, &m, "5 furlongs"),
            Err(ValueError::UnknownUnit { .. })
        ));
        assert!(matches!(
            parse_quantity(&c, &m, "abc"),
            Err(ValueError::Number(NumberError::NotANumber(_)))
        ));
        let e = parse_quantity(&c, &m, "5 MW").expect_err("MW").to_string();
        assert_eq!(e, "unit `MW` is not allowed here; use mu, m2, wan_m2, ha or acre");
    }

    #[test]
    fn levels_and_members_read_by_id_or_name() {
        let c = catalog();
        let f = factor(&c, "land.servicing_level");
        assert_eq!(parse_level(f, "seven"), Ok(2));
        assert_eq!(parse_level(f, "七通一平"), Ok(2));
        assert!(parse_level(f, "ten").is_err());
        let Kind::Set(v) = factor(&c, "policy.regional_assessments").kind else {
            panic!("set")
        };
        assert_eq!(
            parse_members(&c, v, &["seismic", "environment", "seismic"]),
            Ok(vec![0, 6])
        );
        let e = parse_members(&c, v, &["siesmic"]).expect_err("typo").to_string();
        assert!(e.contains("did you mean `seismic`"), "{e}");
        assert_eq!(parse_members::<&str>(&c, v, &[]), Err(ValueError::EmptySet));
    }

    #[test]
    fn values_read_as_text() {
        let c = catalog();
        let f = factor(&c, "land.servicing_level");
        assert_eq!(Value::Level(2).text(&c, f, Lang::Zh), "七通一平");
        let f = factor(&c, "policy.regional_assessments");
        assert_eq!(
            Value::set(vec![6, 0]).text(&c, f, Lang::Zh),
            "规划环评、地震安全性评价"
        );
        let date = Date::new(2025, 3, 31).expect("date");
        assert_eq!(
            yes_no_text(YesNo::Planned(date), Lang::En),
            "Planned for 2025-03-31"
        );
    }
}
