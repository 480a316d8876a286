//! Reading an amount as people write it: a number, then perhaps a word naming its unit, with
//! 万 and 亿 (`300亩`, `2万亩`, `13.4万平方米`, `15亿` in a field counted in 万元). Shared by the
//! form (`state::value_draft`) and the readers of other people's tables (`cell`). Pure.

use rust_decimal::Decimal;

use super::number::{self, NumberError};
use super::text::{Lang, Localize, Text};
use super::value::ValueError;

/// Why a written amount cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    Value(ValueError),
    /// The word after the number names none of the units allowed (their names in each
    /// language, joined).
    UnitWord {
        given: String,
        allowed: Text,
    },
}

impl Localize for AmountError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (AmountError::Value(e), _) => e.text(lang),
            (AmountError::UnitWord { given, allowed }, Lang::Zh) => {
                format!("“{given}”不是此项可用的单位，可用：{}", allowed.zh)
            }
            (AmountError::UnitWord { given, allowed }, Lang::En) => {
                format!("`{given}` is not a unit of this field; use {}", allowed.en)
            }
        }
    }
}

/// A word that may follow a number in a field, the unit it names and the power of ten it
/// multiplies by: `公顷` (ha, 0), `万亩` (mu, 4), `亿` (万元, 4), `元` (万元, −4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitWord<U> {
    word: String,
    unit: U,
    exp: i32,
    /// The unit's own name in this language, listed when a word is not understood.
    name_of: Option<Lang>,
    /// Only the part before `/` of the unit's name (`吨` of `吨/日`): in a field it is the
    /// field's unit; in running text it names the unit only where a keyword gives the time base.
    partial: bool,
}

impl<U: Copy> UnitWord<U> {
    /// The word as compared ([`normalize_word`]).
    pub fn word(&self) -> &str {
        &self.word
    }

    /// The unit it names.
    pub fn unit(&self) -> U {
        self.unit
    }

    /// The power of ten it multiplies by (`万亩`: 4).
    pub fn exp(&self) -> i32 {
        self.exp
    }

    /// Whether it is only the part of the unit's name before `/` (`吨` for 吨/日).
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// Another way of writing the unit itself (`吨/天` for 吨/日), and the part of it before
    /// `/` (`吨标准煤` of `吨标准煤/年`) as a partial word; nothing for a blank word.
    pub fn synonyms(word: &str, unit: U) -> Vec<Self> {
        let mut out = Vec::new();
        let whole = normalize_word(word);
        if whole.is_empty() {
            return out;
        }
        if let Some((numerator, _)) = whole.split_once('/').filter(|(n, _)| !n.is_empty()) {
            out.push(UnitWord {
                word: numerator.to_owned(),
                unit,
                exp: 0,
                name_of: None,
                partial: true,
            });
        }
        out.push(UnitWord {
            word: whole,
            unit,
            exp: 0,
            name_of: None,
            partial: false,
        });
        out
    }
}

/// The words that name a unit as officers write it: its Chinese and English names and id, the
/// part before `/` (`万元` for `万元/亩`), and with 万 and 亿: `2万亩`, `15亿` in a field counted
/// in 万元 (150 000 万元), `3000元` there (0.3 万元). A bare `万` or `亿` belongs to the field's
/// `current` unit only.
pub fn unit_words<U: Copy>(zh: &str, en: &str, id: &str, unit: U, current: bool) -> Vec<UnitWord<U>> {
    let mut words = Vec::new();
    for (name, lang) in [(zh, Some(Lang::Zh)), (en, Some(Lang::En)), (id, None)] {
        let word = normalize_word(name);
        if !word.is_empty() {
            words.push(UnitWord {
                word,
                unit,
                exp: 0,
                name_of: lang,
                partial: false,
            });
        }
    }
    let mut add = |word: &str, exp: i32, partial: bool| {
        let word = normalize_word(word);
        if !word.is_empty() {
            words.push(UnitWord {
                word,
                unit,
                exp,
                name_of: None,
                partial,
            });
        }
    };
    let numerator = |name: &str| name.split_once('/').map(|(n, _)| n.to_owned());
    if let Some(n) = numerator(zh) {
        add(&n, 0, true);
    }
    match zh.strip_prefix('万') {
        // Counted in 万 (万元, 万吨/日): 元 is a ten-thousandth of it, 亿 ten thousand of it.
        Some(base) => {
            add(base, -4, false);
            add(&format!("亿{base}"), 4, false);
            if let Some(n) = numerator(base) {
                add(&n, -4, true);
                add(&format!("亿{n}"), 4, true);
            }
            if current {
                add("万", 0, true);
                add("亿", 4, true);
            }
        }
        None => {
            add(&format!("万{zh}"), 4, false);
            add(&format!("亿{zh}"), 8, false);
            if current {
                add("万", 4, true);
                add("亿", 8, true);
            }
        }
    }
    words
}

/// A unit word as compared: no spaces, lower case, `平米` and `㎡` for 平方米 and m².
pub fn normalize_word(word: &str) -> String {
    let word: String = word
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    word.replace("平米", "平方米")
        .replace('㎡', "m²")
        .replace("m2", "m²")
}

/// Reads a number typed into a field counted in `unit` (`万元`, `万元/亩`), with the spellings
/// [`read_amount`] takes (`15亿`, `3000元/亩`, `三千万`): empty is `None`, a negative amount an
/// error. The form's header fields and the figure an officer gives a drafted item read alike.
pub fn read_field(text: &str, unit: &Text) -> Result<Option<Decimal>, AmountError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let words = unit_words(&unit.zh, &unit.en, "", (), true);
    let (d, ()) = read_amount(text, &words, ())?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(AmountError::Value(ValueError::Negative(number::plain(d))));
    }
    Ok(Some(d))
}

/// Reads a number typed with or without a unit (`300`, `300亩`, `300 亩`, `2万`, `15亿`,
/// `1,000`, full-width digits): the amount in the unit it names, else in `current`. A word
/// that names none of the field's units is refused with the units it may use.
pub fn read_amount<U: Copy + PartialEq>(
    text: &str,
    words: &[UnitWord<U>],
    current: U,
) -> Result<(Decimal, U), AmountError> {
    // Digits as typed (`300`, `1,000`, `1.5e3`), else Chinese numerals (`三百`, `两万`).
    let (n, rest) = match number::split_number(text) {
        Ok(read) => read,
        Err(e) => super::tokens::leading_number(text)
            .filter(|(_, rest)| !rest.starts_with(|c: char| c.is_ascii_digit()))
            .ok_or_else(|| AmountError::Value(e.into()))?,
    };
    if rest.is_empty() {
        return Ok((n, current));
    }
    if rest.chars().any(|c| c.is_ascii_digit()) {
        // `5l5`: a mistyped number, not a number and a unit.
        return Err(AmountError::Value(ValueError::Number(NumberError::NotANumber(
            text.trim().to_owned(),
        ))));
    }
    let typed = normalize_word(&rest);
    // A unit's own name first: `万平方米` is that unit, not 万 of 平方米.
    let found = words
        .iter()
        .filter(|w| w.word == typed)
        .min_by_key(|w| w.exp.abs());
    let Some(w) = found else {
        let names = |lang: Lang| -> Vec<String> {
            words
                .iter()
                .filter(|w| w.name_of == Some(lang))
                .map(|w| w.word.clone())
                .collect()
        };
        return Err(AmountError::UnitWord {
            given: rest,
            allowed: Text::new(names(Lang::Zh).join("、"), names(Lang::En).join(", ")),
        });
    };
    let amount = number::shift(n, w.exp).ok_or_else(|| {
        AmountError::Value(ValueError::Number(NumberError::OutOfRange(
            text.trim().to_owned(),
        )))
    })?;
    Ok((amount, w.unit))
}
