//! Exact numbers: reading decimals from what people type or write in files, and writing them
//! back for people. Quantities stay [`Decimal`] everywhere; only drawing converts to `f64`.

use std::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

use super::text::{Lang, Localize};

/// Why a piece of text is not a number SiteMatch accepts (the text as written).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    Empty,
    NotANumber(String),
    OutOfRange(String),
}

impl Localize for NumberError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (NumberError::Empty, Lang::Zh) => "请填写数值".into(),
            (NumberError::Empty, Lang::En) => "nothing was entered where a number belongs".into(),
            (NumberError::NotANumber(t), Lang::Zh) => format!("“{t}”不是数字"),
            (NumberError::NotANumber(t), Lang::En) => format!("`{t}` is not a number"),
            (NumberError::OutOfRange(t), Lang::Zh) => {
                format!("“{t}”超出可精确表示的范围（最多 28 位有效数字）")
            }
            (NumberError::OutOfRange(t), Lang::En) => {
                format!("`{t}` is beyond what SiteMatch holds exactly (up to 28 significant digits)")
            }
        }
    }
}

crate::english_display!(NumberError);

/// Reads a decimal exactly. Accepts what officers type: an optional sign, digits with `,` or `_`
/// between groups, a decimal point, an exponent (`1.5e3`), and full-width digits from a Chinese
/// input method. Nothing is rounded: a number Decimal cannot hold exactly is an error.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let mut plain = String::with_capacity(trimmed.len());
    let mut prev_digit = false;
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        let c = halfwidth(c);
        match c {
            ',' | '_' => {
                let next_digit = chars.peek().is_some_and(|n| halfwidth(*n).is_ascii_digit());
                if !(prev_digit && next_digit) {
                    return Err(NumberError::NotANumber(trimmed.to_owned()));
                }
            }
            '0'..='9' | '.' | '-' | '+' | 'e' | 'E' => plain.push(c),
            _ => return Err(NumberError::NotANumber(trimmed.to_owned())),
        }
        prev_digit = c.is_ascii_digit();
    }
    if !looks_like_number(&plain) {
        return Err(NumberError::NotANumber(trimmed.to_owned()));
    }
    let parsed = if plain.contains(['e', 'E']) {
        Decimal::from_scientific(&plain)
    } else {
        Decimal::from_str_exact(&plain)
    };
    parsed.map_err(|_| NumberError::OutOfRange(trimmed.to_owned()))
}

/// Splits what was typed into a number and the words after it: `300亩` gives 300 and `亩`,
/// `2 万` gives 2 and `万`, `１，０００` gives 1000 and nothing. The number is read as
/// [`parse_decimal`] reads it; what follows is trimmed and left for the caller to interpret
/// (a unit, 万 or 亿).
pub fn split_number(text: &str) -> Result<(Decimal, String), NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
    let digit_at = |k: usize| chars.get(k).is_some_and(|(_, c)| halfwidth(*c).is_ascii_digit());
    let mut end = trimmed.len();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let c = halfwidth(c);
        let part_of_number = match c {
            '0'..='9' | '.' | ',' | '_' => true,
            '+' | '-' => k == 0 || matches!(chars.get(k - 1).map(|(_, p)| halfwidth(*p)), Some('e' | 'E')),
            // An exponent only when digits follow (`1.5e3`), so that a unit such as `ea` is not
            // taken for one.
            'e' | 'E' => {
                digit_at(k + 1)
                    || (chars
                        .get(k + 1)
                        .is_some_and(|(_, n)| matches!(halfwidth(*n), '+' | '-'))
                        && digit_at(k + 2))
            }
            _ => false,
        };
        if !part_of_number {
            end = at;
            break;
        }
    }
    let (number, rest) = trimmed.split_at(end);
    if number.is_empty() {
        return Err(NumberError::NotANumber(trimmed.to_owned()));
    }
    let value = parse_decimal(number).map_err(|e| match e {
        NumberError::NotANumber(_) => NumberError::NotANumber(trimmed.to_owned()),
        other => other,
    })?;
    Ok((value, rest.trim().to_owned()))
}

/// Multiplies by a power of ten exactly (`exp` may be negative): `None` when the result does
/// not fit a decimal.
pub fn shift(d: Decimal, exp: i32) -> Option<Decimal> {
    let ten = Decimal::TEN;
    let mut out = d;
    for _ in 0..exp.unsigned_abs() {
        out = if exp > 0 {
            out.checked_mul(ten)?
        } else {
            out.checked_div(ten)?
        };
    }
    Some(out)
}

/// Full-width digits, point, comma and signs (from Chinese input methods) to ASCII.
fn halfwidth(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' | '。' => '.',
        '，' => ',',
        '－' | '−' => '-',
        '＋' => '+',
        other => other,
    }
}

/// Checks the shape `[+-]digits[.digits][e[+-]digits]` with at least one mantissa digit.
fn looks_like_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Writes a decimal for a file: no grouping, no trailing zeros (`1677`, `6.15`).
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Writes a decimal for a reader: thousands grouped with `,`, no trailing zeros
/// (`134,000`, `6.0702846336`).
pub fn grouped(d: Decimal) -> String {
    let text = plain(d);
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Rounds half away from zero to `dp` places and always shows them (`92.3`, `100.0`).
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r.to_string()
}

/// The nearest `f64`, for drawing only (bars, charts). Never feed it back into a calculation.
pub fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Reads a decimal written in a RON file as a number (`1677`, `0.5`) or as a string (`"0.5"`).
/// A float is taken through its shortest decimal form, which is the text that was written for
/// any number of up to 15 significant digits; longer numbers must be quoted to stay exact.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// Writes a decimal into a file so that [`deserialize`] reads back exactly the same value: an
/// integer where it is one, a float where its shortest form is exact, else a string.
pub fn serialize<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let d = d.normalize();
    if d.scale() == 0
        && let Some(i) = d.to_i64()
    {
        return serializer.serialize_i64(i);
    }
    // Written as a float only when reading the float's text back (as `deserialize` does) gives
    // exactly this decimal.
    if let Some(f) = d.to_f64()
        && parse_decimal(&f.to_string()).is_ok_and(|back| back == d)
    {
        return serializer.serialize_f64(f);
    }
    serializer.serialize_str(&plain(d))
}

/// Serde visitor behind [`deserialize`]; also used by the quantity readers.
pub(crate) struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0).map_err(|_| E::custom(NumberError::OutOfRange(v.to_string())))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v)
            .map_err(|_| E::custom(NumberError::OutOfRange(v.to_string())))
            .and_then(|v| self.visit_i128(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom(NumberError::NotANumber(v.to_string())));
        }
        parse_decimal(&v.to_string()).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn parses_what_officers_type() {
        assert_eq!(parse_decimal("1677"), Ok(dec!(1677)));
        assert_eq!(parse_decimal(" 134,000 "), Ok(dec!(134000)));
        assert_eq!(parse_decimal("6.15"), Ok(dec!(6.15)));
        assert_eq!(parse_decimal("１２３．５"), Ok(dec!(123.5)));
        assert_eq!(parse_decimal("1.5e3"), Ok(dec!(1500)));
        assert_eq!(parse_decimal("-2"), Ok(dec!(-2)));
        assert_eq!(parse_decimal(".5"), Ok(dec!(0.5)));
    }

    #[test]
    fn splits_a_number_from_the_words_after_it() {
        let split = split_number;
        assert_eq!(split("300亩"), Ok((dec!(300), "亩".into())));
        assert_eq!(split(" 300 亩 "), Ok((dec!(300), "亩".into())));
        assert_eq!(split("2万"), Ok((dec!(2), "万".into())));
        assert_eq!(split("1,000"), Ok((dec!(1000), String::new())));
        assert_eq!(split("１２０．５公顷"), Ok((dec!(120.5), "公顷".into())));
        assert_eq!(split("1.5e3 m2"), Ok((dec!(1500), "m2".into())));
        assert_eq!(split("12 each"), Ok((dec!(12), "each".into())));
        assert!(matches!(split("约300"), Err(NumberError::NotANumber(_))));
        assert_eq!(split("  "), Err(NumberError::Empty));
    }

    #[test]
    fn shifts_by_powers_of_ten_exactly() {
        assert_eq!(shift(dec!(15), 4), Some(dec!(150000)));
        assert_eq!(shift(dec!(3000), -4), Some(dec!(0.3)));
        assert_eq!(shift(Decimal::MAX, 1), None);
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for bad in ["abc", "12a", "1..2", "1,", ",1", "1,,000", "e5", "1e", "-", "."] {
            assert!(
                matches!(parse_decimal(bad), Err(NumberError::NotANumber(_))),
                "{bad} should not parse"
            );
        }
        assert_eq!(parse_decimal("  "), Err(NumberError::Empty));
    }

    #[test]
    fn refuses_numbers_beyond_decimal() {
        assert!(matches!(
            parse_decimal("99999999999999999999999999999999"),
            Err(NumberError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_decimal("0.00000000000000000000000000000001"),
            Err(NumberError::OutOfRange(_))
        ));
        assert!(matches!(parse_decimal("1e40"), Err(NumberError::OutOfRange(_))));
    }

    #[test]
    fn groups_thousands_for_readers() {
        assert_eq!(grouped(dec!(134000)), "134,000");
        assert_eq!(grouped(dec!(1234567.890)), "1,234,567.89");
        assert_eq!(grouped(dec!(-1000)), "-1,000");
        assert_eq!(grouped(dec!(999)), "999");
        assert_eq!(grouped(dec!(0.0015)), "0.0015");
    }

    #[test]
    fn fixed_rounds_half_away_from_zero() {
        assert_eq!(fixed(dec!(92.25), 1), "92.3");
        assert_eq!(fixed(dec!(100), 1), "100.0");
        assert_eq!(fixed(dec!(66.6666666), 1), "66.7");
    }

    #[test]
    fn serialized_decimals_read_back_exactly() {
        for d in [
            dec!(1677),
            dec!(0.5),
            dec!(6.0702846336),
            dec!(0.0015),
            dec!(12345678901234567890.123456789),
            // Found by fuzzing: its float's text has more places than a decimal holds.
            dec!(0.00000000000000000000000011),
        ] {
            let text = ron::to_string(&Wrap(d)).expect("serialize");
            let back: Wrap = ron::from_str(&text).expect("deserialize");
            assert_eq!(back.0, d, "{text}");
        }
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Wrap(#[serde(with = "super")] Decimal);
}
