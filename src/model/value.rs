//! The values a profile offers and a checklist requires: quantities with units, yes / planned /
//! no answers, levels and sets. Reading a value from text and writing it for a reader both live
//! here, so the file parser and the form accept exactly the same things.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::catalog::{Catalog, Factor, Kind, Measure, UnitIdx, VocabIdx};
use super::number::{self, NumberError};
use super::text::Lang;

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
                unit: catalog.unit(unit).id.clone(),
                allowed: unit_list(catalog, measure),
            });
        }
        let canonical = catalog
            .convert(amount, unit, measure.unit)
            .ok_or_else(|| ValueError::Number(NumberError::OutOfRange(number::plain(amount))))?;
        if let Some(max) = measure.max.filter(|m| canonical > *m) {
            let own = &catalog.unit(measure.unit).name.en;
            return Err(ValueError::Implausible {
                amount: format!("{} {}", number::grouped(amount), catalog.unit(unit).name.en),
                max: format!("{} {own}", number::grouped(max)),
            });
        }
        Ok(Quantity {
            amount: amount.normalize(),
            unit,
            canonical: canonical.normalize(),
        })
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
    match answer {
        YesNo::Yes => lang.pick("是", "Yes").to_owned(),
        YesNo::No => lang.pick("否", "No").to_owned(),
        YesNo::Planned(date) => match lang {
            Lang::Zh => format!("计划 {date}"),
            Lang::En => format!("Planned for {date}"),
        },
    }
}

/// Members of a vocabulary joined for running text.
pub fn members_text(catalog: &Catalog, vocabulary: VocabIdx, members: &[u16], lang: Lang) -> String {
    let v = catalog.vocabulary(vocabulary);
    if members.is_empty() {
        return lang.pick("无", "none").to_owned();
    }
    members
        .iter()
        .map(|m| v.label(*m, lang))
        .collect::<Vec<_>>()
        .join(lang.list_separator())
}

/// Why a value cannot be taken, in words. Shared by the file parser and the form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error(transparent)]
    Number(#[from] NumberError),
    #[error("{0} is negative; a quantity cannot be below zero")]
    Negative(String),
    #[error("unit `{unit}` is not allowed here; use {allowed}")]
    UnitNotAllowed { unit: String, allowed: String },
    #[error("in `{text}`, `{unit}` is not a unit SiteMatch knows; write a number and one of {allowed}")]
    UnknownUnit {
        text: String,
        unit: String,
        allowed: String,
    },
    #[error("`{given}` is not a level of this factor; choose one of {choices}")]
    UnknownLevel { given: String, choices: String },
    #[error("`{given}` is not in {vocabulary}{hint}")]
    UnknownMember {
        given: String,
        vocabulary: String,
        hint: String,
    },
    #[error("the list is empty; name at least one member")]
    EmptySet,
    #[error("{amount} is more than any zone can have (at most {max}); check the number and the unit")]
    Implausible { amount: String, max: String },
}

/// The units a measure accepts, for messages: `mu, m2, wan_m2, ha or acre`.
pub fn unit_list(catalog: &Catalog, measure: &Measure) -> String {
    let ids: Vec<&str> = measure
        .units
        .iter()
        .map(|u| catalog.unit(*u).id.as_str())
        .collect();
    match ids.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_owned(),
        None => String::new(),
    }
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
            if catalog.knows_unit(unit_part) {
                ValueError::UnitNotAllowed {
                    unit: unit_part.to_owned(),
                    allowed: unit_list(catalog, measure),
                }
            } else {
                ValueError::UnknownUnit {
                    text: text.to_owned(),
                    unit: unit_part.to_owned(),
                    allowed: unit_list(catalog, measure),
                }
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
            choices: String::new(),
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
            choices: levels
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Reads the members of a set by id (`seismic`, `C38`); an empty list is an error.
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
            v.find(id).ok_or_else(|| ValueError::UnknownMember {
                given: id.to_owned(),
                vocabulary: format!("{} ({})", v.name.en, v.id),
                hint: super::catalog::closest(id, v.members.iter().map(|m| m.id.as_str()))
                    .map_or_else(String::new, |c| format!("; did you mean `{c}`?")),
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
