//! Numbers as people write them in running text and in fields: Arabic digits (full-width
//! too, with `,` between groups of three), Chinese numerals (三百五十, 两万, 一千五百, 一点五),
//! and the multipliers after either (万, 亿, 千万, 个亿, million, billion). The form's amount
//! reading ([`super::amount::read_amount`]) and the reading of an investor's message
//! (`crate::inquiry`) both use it. Pure; positions are in characters.

use rust_decimal::Decimal;

use super::number;

/// A character as the readers compare it: full-width forms half-width, ASCII lower case, an
/// ideographic space a space. One character for one, so positions stay those of the text.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        other => other,
    };
    c.to_ascii_lowercase()
}

/// A text folded character by character ([`fold_char`]).
pub fn fold_chars(text: &str) -> Vec<char> {
    text.chars().map(fold_char).collect()
}

/// The most digits a number may have: longer runs are not amounts anyone means (and a
/// 5 000-digit run is read past in time linear in its length).
pub const MAX_DIGITS: usize = 28;

/// A number found at a position: its value and where it ends (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub value: Decimal,
    pub end: usize,
    /// Written in Chinese numerals (`三百`).
    pub chinese: bool,
}

/// The number that starts at `at` in folded characters, if one does: Arabic digits with an
/// optional fraction (`2,000`, `1.5`) or Chinese numerals. Not one when `at` is inside a
/// longer run of digits or letters (`a300` is a name, not a number).
pub fn number_at(chars: &[char], at: usize) -> Option<Number> {
    let c = *chars.get(at)?;
    if c.is_ascii_digit() {
        if at > 0
            && chars
                .get(at - 1)
                .is_some_and(|p| p.is_ascii_alphanumeric() || *p == '.')
        {
            return None;
        }
        return arabic_at(chars, at);
    }
    if chinese_digit(c).is_some() || c == '十' {
        return chinese_at(chars, at);
    }
    None
}

fn arabic_at(chars: &[char], at: usize) -> Option<Number> {
    let mut text = String::new();
    let mut i = at;
    let mut digits = 0usize;
    let mut seen_point = false;
    while let Some(&c) = chars.get(i) {
        match c {
            '0'..='9' => {
                digits += 1;
                if digits > MAX_DIGITS {
                    // No amount anyone means; read no further (a run of 5 000 digits is looked
                    // at 29 digits at a time, not to its end from every position).
                    return None;
                }
                text.push(c);
            }
            // A group separator only between digits, followed by exactly three of them.
            ',' if !seen_point
                && (1..=3).all(|k| chars.get(i + k).is_some_and(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit) => {}
            '.' if !seen_point && chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                seen_point = true;
                text.push('.');
            }
            _ => break,
        }
        i += 1;
    }
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let value = Decimal::from_str_exact(&text).ok()?;
    Some(Number {
        value,
        end: i,
        chinese: false,
    })
}

/// The value of a Chinese digit (零 to 九, 两, 〇).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u64> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

/// Chinese numerals: 三百五十 (350), 两万 (20 000), 一千五百万, 十五, 三万五 (35 000), 一点五 (1.5),
/// 一点五万. 百 and 千 need a digit before them (三万千伏安 is 三万 and 千伏安); 万 and 亿 need a
/// number before them.
fn chinese_at(chars: &[char], at: usize) -> Option<Number> {
    // Whole groups below 万, the 万 group and the 亿 part.
    let mut yi: u128 = 0;
    let mut wan: u128 = 0;
    let mut section: u128 = 0;
    let mut digit: Option<u128> = None;
    let mut last_unit: u64 = 0;
    let mut i = at;
    let mut any = false;
    let mut len = 0usize;
    while let Some(&c) = chars.get(i) {
        if len >= 4 * MAX_DIGITS {
            return None;
        }
        if let Some(d) = chinese_digit(c) {
            if digit.is_some_and(|d| d != 0) {
                // 二零二六: digits read one by one are a year or a code, not an amount here.
                return None;
            }
            digit = Some(u128::from(d));
            last_unit = if d == 0 { 0 } else { last_unit };
        } else if let Some(u) = small_unit(c) {
            let d = match digit {
                Some(d) => d,
                None if u == 10 && section == 0 => 1,
                None => break,
            };
            section += d * u128::from(u);
            digit = None;
            last_unit = u;
        } else if c == '万' || c == '萬' {
            if !any {
                break;
            }
            wan = (wan + section + digit.unwrap_or(0)).checked_mul(10_000)?;
            section = 0;
            digit = None;
            last_unit = 10_000;
        } else if c == '亿' || c == '億' {
            if !any {
                break;
            }
            yi = (yi + wan + section + digit.unwrap_or(0)).checked_mul(100_000_000)?;
            wan = 0;
            section = 0;
            digit = None;
            last_unit = 100_000_000;
        } else {
            break;
        }
        any = true;
        len += 1;
        i += 1;
    }
    if !any {
        return None;
    }
    // 三万五 is 35 000 and 一千五 1 500: a last digit straight after a unit counts a tenth of it.
    let tail = match digit {
        Some(d)
            if last_unit >= 100
                && chars
                    .get(i.wrapping_sub(2))
                    .copied()
                    .is_some_and(|p| small_unit(p).is_some() || p == '万' || p == '亿') =>
        {
            d * u128::from(last_unit / 10)
        }
        Some(d) => d,
        None => 0,
    };
    let whole = yi.checked_add(wan)?.checked_add(section)?.checked_add(tail)?;
    let mut value = Decimal::try_from_i128_with_scale(i128::try_from(whole).ok()?, 0).ok()?;
    // 一点五, 一点五万.
    if chars.get(i) == Some(&'点')
        && chars.get(i + 1).and_then(|c| chinese_digit(*c)).is_some()
        && last_unit < 10
    {
        let mut fraction = String::from("0.");
        let mut j = i + 1;
        while let Some(d) = chars.get(j).and_then(|c| chinese_digit(*c)) {
            if fraction.len() > MAX_DIGITS {
                return None;
            }
            fraction.push(char::from_digit(d, 10)?);
            j += 1;
        }
        value += Decimal::from_str_exact(&fraction).ok()?;
        i = j;
        if let Some(exp) = chars.get(i).and_then(|c| match c {
            '万' => Some(4),
            '亿' => Some(8),
            _ => None,
        }) {
            value = number::shift(value, exp)?;
            i += 1;
        }
    }
    Some(Number {
        value,
        end: i,
        chinese: true,
    })
}

/// Every way of reading a multiplier after a number, shortest first: `万千伏安` may be 万
/// then 千伏安, or 万千 then 伏安; the reader keeps the longest after which a unit follows.
pub fn multipliers_at(chars: &[char], at: usize) -> Vec<(i32, usize)> {
    let mut out = Vec::new();
    let Some((_, full_end)) = multiplier_at(chars, at) else {
        return out;
    };
    let mut i = at;
    if chars.get(i) == Some(&'个') {
        i += 1;
    }
    let mut exp = 0;
    while i < full_end {
        let e = match chars.get(i) {
            Some('十') => 1,
            Some('百') => 2,
            Some('千') => 3,
            Some('万') => 4,
            Some('亿') => 8,
            _ => break,
        };
        exp += e;
        i += 1;
        out.push((exp, i));
    }
    if out.is_empty() {
        // An English multiplier: one reading.
        if let Some(m) = multiplier_at(chars, at) {
            out.push(m);
        }
    }
    out
}

/// The multiplier written after a number, if any: 万, 亿, 千万, 百万, 个亿 (八个亿), 十万,
/// and in English million, billion, thousand, bn. Its power of ten and where it ends.
pub fn multiplier_at(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let mut i = at;
    if chars.get(i) == Some(&'个') && matches!(chars.get(i + 1), Some('万' | '亿')) {
        i += 1;
    }
    let mut exp = 0;
    while let Some(c) = chars.get(i) {
        let e = match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => break,
        };
        exp += e;
        i += 1;
        if exp > 16 {
            return None;
        }
    }
    if exp > 0 {
        return Some((exp, i));
    }
    // English: "1.5 billion", "50 million", "3bn".
    let mut j = at;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    for (word, e) in [("billion", 9), ("million", 6), ("thousand", 3), ("bn", 9)] {
        let w: Vec<char> = word.chars().collect();
        if chars.get(j..j + w.len()) == Some(&w[..])
            && !chars.get(j + w.len()).is_some_and(char::is_ascii_alphabetic)
        {
            return Some((e, j + w.len()));
        }
    }
    None
}

/// The number at the start of a field with its multiplier (`三百`, `2万`, `一点五万`) and what
/// follows, trimmed: how the form reads a value typed in Chinese numerals.
pub fn leading_number(text: &str) -> Option<(Decimal, String)> {
    let trimmed = text.trim();
    let chars = fold_chars(trimmed);
    let n = number_at(&chars, 0)?;
    let rest: String = trimmed.chars().skip(n.end).collect();
    Some((n.value, rest.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn read(text: &str) -> Option<(Decimal, usize)> {
        let chars = fold_chars(text);
        number_at(&chars, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn chinese_numerals_read_as_written() {
        for (text, value, end) in [
            ("三百五十亩", dec!(350), 4),
            ("两万吨", dec!(20000), 2),
            ("一千五百万元", dec!(15000000), 5),
            ("十五亿", dec!(1500000000), 3),
            ("二十", dec!(20), 2),
            ("三万五", dec!(35000), 3),
            ("一千五", dec!(1500), 3),
            ("一点五万", dec!(15000), 4),
            ("三万千伏安", dec!(30000), 2),
            ("八个亿", dec!(8), 1),
            ("零点五", dec!(0.5), 3),
            ("一亿二千万", dec!(120000000), 5),
        ] {
            assert_eq!(read(text), Some((value, end)), "{text}");
        }
        assert_eq!(read("万"), None);
        assert_eq!(read("二零二六"), None, "digits one by one are not an amount");
    }

    #[test]
    fn arabic_numbers_with_groups_and_full_width_digits() {
        assert_eq!(read("2,000吨"), Some((dec!(2000), 5)));
        assert_eq!(read("３００亩"), Some((dec!(300), 3)));
        assert_eq!(read("1.5亿"), Some((dec!(1.5), 3)));
        assert_eq!(
            read("2,00"),
            Some((dec!(2), 1)),
            "a comma not before three digits ends it"
        );
        assert_eq!(read(&"9".repeat(5000)), None, "5 000 digits are no amount");
        let chars = fold_chars("a300");
        assert_eq!(number_at(&chars, 1), None);
    }

    #[test]
    fn multipliers_after_a_number() {
        let m = |t: &str| multiplier_at(&fold_chars(t), 0);
        assert_eq!(m("万吨"), Some((4, 1)));
        assert_eq!(m("个亿"), Some((8, 2)));
        assert_eq!(m("千万元"), Some((7, 2)));
        assert_eq!(m(" million USD"), Some((6, 8)));
        assert_eq!(m("吨"), None);
        assert_eq!(m(" millions"), None);
    }

    #[test]
    fn a_field_in_chinese_numerals() {
        assert_eq!(leading_number("三百 亩"), Some((dec!(300), String::from("亩"))));
        assert_eq!(leading_number("亩"), None);
    }
}
