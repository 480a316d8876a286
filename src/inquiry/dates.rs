//! Dates as messages write them, read against the day of the ranking: 2026年6月前 (the
//! month's last day), 2026年底, 今年7月, 明年三季度 (09-30), 上半年 (06-30), 年底 / 年内
//! (12-31), 6个月内, 2027-04, "by June 2027", "Q3 2027", "end of 2027", "within 6 months".
//! Each found says how it was read. Pure.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::model::Text;
use crate::model::tokens::{chinese_digit, number_at};

/// A date found in folded text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub date: Date,
    pub how: Text,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn last_day(year: i16, month: i8) -> Option<Date> {
    Date::new(year, month, 1).ok().map(|d| d.last_of_month())
}

fn starts(text: &[char], at: usize, word: &str) -> Option<usize> {
    let mut i = at;
    for w in word.chars() {
        if text.get(i) != Some(&w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

fn skip_spaces(text: &[char], mut at: usize) -> usize {
    while text.get(at).is_some_and(|c| *c == ' ') {
        at += 1;
    }
    at
}

/// A year written at `at`: four Arabic digits or four Chinese digits (二〇二六) followed by 年
/// (or, for Arabic, by `-`, `/`, `.` and a month). The year and where its digits end.
fn year_digits(text: &[char], at: usize) -> Option<(i16, usize)> {
    if at > 0 && text.get(at - 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut year: i32 = 0;
    for k in 0..4 {
        let c = *text.get(at + k)?;
        let d = c.to_digit(10).or_else(|| chinese_digit(c))?;
        year = year * 10 + i32::try_from(d).ok()?;
    }
    if text.get(at + 4).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let year = i16::try_from(year).ok().filter(|y| (1900..=2200).contains(y))?;
    Some((year, at + 4))
}

/// A small number (a month, a day, a count of months) at `at`, Arabic or Chinese.
fn small(text: &[char], at: usize) -> Option<(i64, usize)> {
    let n = number_at(text, at)?;
    if n.value.fract() != rust_decimal::Decimal::ZERO {
        return None;
    }
    let v = i64::try_from(n.value.mantissa()).ok()?;
    (0..=400).contains(&v).then_some((v, n.end))
}

/// The part of a year named at `at` (上半年, 三季度, 年底…): the month it ends in and how
/// the reading is said.
fn year_part(text: &[char], at: usize) -> Option<(i8, usize, Text)> {
    for (word, month, zh, en) in [
        ("上半年", 6, "上半年按 6 月 30 日", "first half as 30 June"),
        ("下半年", 12, "下半年按 12 月 31 日", "second half as 31 December"),
        ("年底", 12, "年底按 12 月 31 日", "year end as 31 December"),
        ("年末", 12, "年末按 12 月 31 日", "year end as 31 December"),
        ("年内", 12, "年内按 12 月 31 日", "within the year as 31 December"),
        ("底", 12, "年底按 12 月 31 日", "year end as 31 December"),
        ("内", 12, "年内按 12 月 31 日", "within the year as 31 December"),
    ] {
        if let Some(end) = starts(text, at, word) {
            return Some((month, end, Text::new(zh, en)));
        }
    }
    // 一季度 … 四季度, 第三季度, 1季度, Q3.
    let mut i = at;
    if text.get(i) == Some(&'第') {
        i += 1;
    }
    if let Some(q) = text
        .get(i)
        .and_then(|c| c.to_digit(10).or_else(|| chinese_digit(*c)))
        && let Some(end) = starts(text, i + 1, "季度")
        && (1..=4).contains(&q)
    {
        let month = i8::try_from(q * 3).ok()?;
        let (zh, en) = quarter_how(month);
        return Some((month, end, Text::new(zh, en)));
    }
    None
}

fn quarter_how(month: i8) -> (&'static str, &'static str) {
    match month {
        3 => ("一季度按 3 月 31 日", "Q1 as 31 March"),
        6 => ("二季度按 6 月 30 日", "Q2 as 30 June"),
        9 => ("三季度按 9 月 30 日", "Q3 as 30 September"),
        _ => ("四季度按 12 月 31 日", "Q4 as 31 December"),
    }
}

/// A month and maybe a day after a year (`6月`, `6月15日`, `6月底`, `6月前`), with the day it
/// stands for.
fn month_day(text: &[char], at: usize, year: i16) -> Option<(Date, usize, Text)> {
    let (month, after) = small(text, at)?;
    let end = starts(text, after, "月")?;
    let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    if let Some((day, d_end)) = small(text, end)
        && let Some(e) = starts(text, d_end, "日").or_else(|| starts(text, d_end, "号"))
    {
        let date = Date::new(year, month, i8::try_from(day).ok()?).ok()?;
        return Some((date, e, Text::new("按所写日期", "as written")));
    }
    for (word, day, zh, en) in [
        ("上旬", 10, "上旬按 10 日", "early in the month as the 10th"),
        ("中旬", 20, "中旬按 20 日", "mid-month as the 20th"),
        ("初", 10, "月初按 10 日", "early in the month as the 10th"),
    ] {
        if let Some(e) = starts(text, end, word) {
            return Some((Date::new(year, month, day).ok()?, e, Text::new(zh, en)));
        }
    }
    let last = last_day(year, month)?;
    for word in ["下旬", "底", "末", "前", "份"] {
        if let Some(e) = starts(text, end, word) {
            let how = if word == "前" {
                Text::new("“月前”按当月最后一天", "“before the month” as its last day")
            } else {
                Text::new("按当月最后一天", "as the month's last day")
            };
            return Some((last, e, how));
        }
    }
    Some((last, end, Text::new("按当月最后一天", "as the month's last day")))
}

fn chinese_at(text: &[char], at: usize, today: Date) -> Option<Found> {
    let found = |end: usize, date: Date, how: Text| Found {
        start: at,
        end,
        date,
        how,
    };
    // An explicit year: 2026年…, 二〇二六年…, 2026-06, 2026/6, 2026.6.
    if let Some((year, after)) = year_digits(text, at) {
        if let Some(end) = starts(text, after, "年") {
            if let Some((date, e, how)) = month_day(text, end, year) {
                return Some(found(e, date, how));
            }
            if let Some(e) = starts(text, end, "年底").or_else(|| starts(text, end, "年末")) {
                return Some(found(
                    e,
                    last_day(year, 12)?,
                    Text::new("年底按 12 月 31 日", "year end as 31 December"),
                ));
            }
            if let Some((month, e, how)) = year_part(text, end) {
                return Some(found(e, last_day(year, month)?, how));
            }
            return Some(found(
                end,
                last_day(year, 12)?,
                Text::new("只写年份，按 12 月 31 日", "a year alone as 31 December"),
            ));
        }
        if let Some(&sep) = text.get(after).filter(|c| matches!(c, '-' | '/' | '.'))
            && let Some((month, m_end)) = small(text, after + 1).filter(|(m, _)| (1..=12).contains(m))
        {
            let month = i8::try_from(month).ok()?;
            if text.get(m_end) == Some(&sep)
                && let Some((day, d_end)) = small(text, m_end + 1)
            {
                let date = Date::new(year, month, i8::try_from(day).ok()?).ok()?;
                return Some(found(d_end, date, Text::new("按所写日期", "as written")));
            }
            return Some(found(
                m_end,
                last_day(year, month)?,
                Text::new("按当月最后一天", "as the month's last day"),
            ));
        }
        return None;
    }
    // 今年, 明年, 后年 (and 今年底, 明年年底, 明年三季度, 明年5月).
    for (word, add) in [
        ("今年", 0),
        ("本年", 0),
        ("明年", 1),
        ("后年", 2),
        ("年内", 0),
        ("年底", 0),
        ("年末", 0),
    ] {
        let Some(end) = starts(text, at, word) else {
            continue;
        };
        let year = today.year() + add;
        if word == "年内" || word == "年底" || word == "年末" {
            let how = if word == "年内" {
                Text::new(
                    "年内按今年 12 月 31 日",
                    "within the year as 31 December this year",
                )
            } else {
                Text::new("年底按今年 12 月 31 日", "year end as 31 December this year")
            };
            return Some(found(end, last_day(year, 12)?, how));
        }
        let end2 = end;
        if let Some((date, e, how)) = month_day(text, end2, year) {
            return Some(found(e, date, how));
        }
        if let Some((month, e, how)) = year_part(text, end2) {
            return Some(found(e, last_day(year, month)?, how));
        }
        if let Some(e) = starts(text, end2, "年底").or_else(|| starts(text, end2, "年末")) {
            return Some(found(
                e,
                last_day(year, 12)?,
                Text::new("年底按 12 月 31 日", "year end as 31 December"),
            ));
        }
        return Some(found(
            end,
            last_day(year, 12)?,
            Text::new("只写年份，按 12 月 31 日", "a year alone as 31 December"),
        ));
    }
    // 上半年, 三季度 with no year: this year's, or next year's when already past.
    if let Some((month, e, how)) = year_part(text, at).filter(|(_, e, _)| *e - at >= 2) {
        let mut date = last_day(today.year(), month)?;
        if date < today {
            date = last_day(today.year() + 1, month)?;
        }
        return Some(found(e, date, how));
    }
    // 6个月内, 三个月内, 半年内.
    if let Some(e) = starts(text, at, "半年内") {
        let date = today.checked_add(6.months()).ok()?;
        return Some(found(
            e,
            date,
            Text::new(
                "半年内按今天起 6 个月",
                "within half a year as 6 months from today",
            ),
        ));
    }
    if let Some((n, after)) = small(text, at) {
        if let Some(e) = starts(text, after, "个月内").or_else(|| starts(text, after, "个月之内")) {
            let date = today.checked_add(n.months()).ok()?;
            return Some(found(
                e,
                date,
                Text::new(format!("按今天起 {n} 个月"), format!("as {n} months from today")),
            ));
        }
        // 6月前, 7月底, 月份 with no year: this year's, or next year's when already past.
        if (at == 0 || !text.get(at - 1).is_some_and(|c| c.is_ascii_digit() || *c == '年'))
            && starts(text, after, "月").is_some()
            && let Some((mut date, e, how)) = month_day(text, at, today.year())
        {
            if date < today
                && let Some((next, _, _)) = month_day(text, at, today.year() + 1)
            {
                date = next;
            }
            return Some(found(e, date, how));
        }
    }
    if let Some(e) = starts(text, at, "月底") {
        return Some(found(
            e,
            today.last_of_month(),
            Text::new("月底按本月最后一天", "month end as this month's last day"),
        ));
    }
    None
}

fn english_at(text: &[char], at: usize, today: Date) -> Option<Found> {
    if at > 0 && text.get(at - 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let found = |end: usize, date: Date, how: Text| Found {
        start: at,
        end,
        date,
        how,
    };
    // within 6 months, in 3 months.
    for lead in ["within ", "in the next ", "in "] {
        if let Some(after) = starts(text, at, lead)
            && let Some((n, e)) = small(text, after)
        {
            let e = skip_spaces(text, e);
            if let Some(end) = starts(text, e, "months").or_else(|| starts(text, e, "month")) {
                let date = today.checked_add(n.months()).ok()?;
                return Some(found(
                    end,
                    date,
                    Text::new(format!("按今天起 {n} 个月"), format!("as {n} months from today")),
                ));
            }
        }
    }
    // Q3 2027, H1 2027.
    if let Some(q) = text.get(at).filter(|c| **c == 'q' || **c == 'h') {
        let n = text.get(at + 1).and_then(|c| c.to_digit(10))?;
        let month = match (q, n) {
            ('q', 1..=4) => i8::try_from(n * 3).ok()?,
            ('h', 1) => 6,
            ('h', 2) => 12,
            _ => return None,
        };
        let y_at = skip_spaces(text, at + 2);
        let (year, end) = year_digits(text, y_at).map_or((today.year(), at + 2), |(y, e)| (y, e));
        let (zh, en) = if *q == 'q' {
            quarter_how(month)
        } else if month == 6 {
            ("上半年按 6 月 30 日", "H1 as 30 June")
        } else {
            ("下半年按 12 月 31 日", "H2 as 31 December")
        };
        return Some(found(end, last_day(year, month)?, Text::new(zh, en)));
    }
    // (the) first / second half of 2027.
    for (lead, month, zh, en) in [
        (
            "first half of ",
            6,
            "上半年按 6 月 30 日",
            "first half as 30 June",
        ),
        (
            "second half of ",
            12,
            "下半年按 12 月 31 日",
            "second half as 31 December",
        ),
    ] {
        let after =
            starts(text, at, lead).or_else(|| starts(text, at, "the ").and_then(|e| starts(text, e, lead)));
        if let Some((year, e)) = after.and_then(|a| year_digits(text, a)) {
            return Some(found(e, last_day(year, month)?, Text::new(zh, en)));
        }
    }
    // end of 2027, end of this year, end of next year, end of June 2027.
    if let Some(after) = starts(text, at, "end of ").or_else(|| starts(text, at, "the end of ")) {
        if let Some(f) = english_at(text, after, today) {
            return Some(found(f.end, f.date, f.how));
        }
        for (word, add) in [("this year", 0), ("next year", 1)] {
            if let Some(e) = starts(text, after, word) {
                return Some(found(
                    e,
                    last_day(today.year() + add, 12)?,
                    Text::new("年底按 12 月 31 日", "year end as 31 December"),
                ));
            }
        }
        if let Some((year, e)) = year_digits(text, after) {
            return Some(found(
                e,
                last_day(year, 12)?,
                Text::new("年底按 12 月 31 日", "year end as 31 December"),
            ));
        }
    }
    // June 2027, (by) June.
    for (i, name) in MONTHS.iter().enumerate() {
        let short: String = name.chars().take(3).collect();
        let Some(after) = starts(text, at, name).or_else(|| {
            starts(text, at, &short).filter(|e| !text.get(*e).is_some_and(|c| c.is_ascii_alphabetic()))
        }) else {
            continue;
        };
        if text.get(after).is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let month = i8::try_from(i + 1).ok()?;
        let y_at = skip_spaces(text, after);
        let y_at = if text.get(y_at) == Some(&',') {
            skip_spaces(text, y_at + 1)
        } else {
            y_at
        };
        if let Some((year, e)) = year_digits(text, y_at) {
            return Some(found(
                e,
                last_day(year, month)?,
                Text::new("按当月最后一天", "as the month's last day"),
            ));
        }
        // "May" alone is too often the verb; a month with no year needs "by" or "in" before it.
        let before: String = text[at.saturating_sub(4)..at].iter().collect();
        if name != &"may"
            && (before.ends_with("by ") || before.ends_with("in ") || before.ends_with("before "))
        {
            let mut date = last_day(today.year(), month)?;
            if date < today {
                date = last_day(today.year() + 1, month)?;
            }
            return Some(found(
                after,
                date,
                Text::new("按当月最后一天", "as the month's last day"),
            ));
        }
        return None;
    }
    None
}

/// Every date in folded text, in order, not overlapping.
pub(super) fn find(text: &[char], today: Date) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if let Some(f) = chinese_at(text, i, today).or_else(|| english_at(text, i, today))
            && f.end > i
        {
            i = f.end;
            out.push(f);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tokens::fold_chars;
    use jiff::civil::date;

    fn one(text: &str) -> Option<(String, Date)> {
        let chars = fold_chars(text);
        find(&chars, date(2026, 12, 7))
            .into_iter()
            .next()
            .map(|f| (chars[f.start..f.end].iter().collect(), f.date))
    }

    #[test]
    fn chinese_dates_read_against_today() {
        for (text, words, day) in [
            ("计划2026年6月前开工", "2026年6月前", date(2026, 6, 30)),
            ("2026年底投产", "2026年底", date(2026, 12, 31)),
            ("今年7月", "今年7月", date(2026, 7, 31)),
            ("明年三季度开工", "明年三季度", date(2027, 9, 30)),
            ("明年上半年", "明年上半年", date(2027, 6, 30)),
            ("年底前开工", "年底", date(2026, 12, 31)),
            ("明年年底开工", "明年年底", date(2027, 12, 31)),
            (
                "二〇二六年十一月二十日",
                "二〇二六年十一月二十日",
                date(2026, 11, 20),
            ),
            ("6个月内开工", "6个月内", date(2027, 6, 7)),
            ("三个月内", "三个月内", date(2027, 3, 7)),
            ("明年5月开工", "明年5月", date(2027, 5, 31)),
            ("5月前开工", "5月前", date(2027, 5, 31)),
            ("2027-04开工", "2027-04", date(2027, 4, 30)),
            ("2027年二季度", "2027年二季度", date(2027, 6, 30)),
        ] {
            assert_eq!(one(text), Some((words.to_owned(), day)), "{text}");
        }
    }

    #[test]
    fn english_dates() {
        for (text, day) in [
            ("start within 6 months", date(2027, 6, 7)),
            ("by June 2027", date(2027, 6, 30)),
            ("in Q3 2027", date(2027, 9, 30)),
            ("by the end of 2027", date(2027, 12, 31)),
            ("by March", date(2027, 3, 31)),
        ] {
            assert_eq!(one(text).map(|(_, d)| d), Some(day), "{text}");
        }
        assert_eq!(one("we may start"), None);
        assert_eq!(one("300 acres"), None);
    }
}
