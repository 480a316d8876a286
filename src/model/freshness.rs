//! How current a figure is on the day of a ranking (DOMAIN §4, "Freshness"): each factor stays
//! current for its catalog's `fresh_days`; a figure is **due** in the last 30 days of that
//! period and **stale** after it. Data trust, never a penalty: a stale figure still scores, and
//! every view says so beside its source and date. Pure.

use jiff::civil::Date;
use serde::Serialize;

use super::text::{Bilingual, Lang};

/// How many days before a figure goes stale it is due for an update.
pub const DUE_WINDOW_DAYS: i64 = 30;

/// The period a factor's figures stay current when the catalog gives it none: one year, the
/// flag SiteMatch showed before periods per factor.
pub const DEFAULT_FRESH_DAYS: u32 = 365;

/// The longest period a catalog may give (a century): anything longer is a typing mistake.
pub const MAX_FRESH_DAYS: u32 = 36_500;

/// Where a figure stands on a day. Written to data (the report's JSON) as its [`code`].
///
/// [`code`]: Freshness::code
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Freshness {
    /// Within its period, more than the due window before its end.
    Current,
    /// In the last [`DUE_WINDOW_DAYS`] days of its period: the owner should confirm it soon.
    Due,
    /// Past its period: the owner must confirm or update it.
    Stale,
}

impl Freshness {
    /// Where a figure dated `as_of` stands on `today` when its factor stays current for
    /// `fresh_days`: with d = today − as_of in days, stale when d > fresh_days, due when
    /// fresh_days − 30 < d ≤ fresh_days, current otherwise, exactly as DOMAIN §4 writes it.
    pub fn of(as_of: Date, today: Date, fresh_days: u32) -> Freshness {
        let d = days(as_of, today);
        let period = i64::from(fresh_days);
        if d > period {
            Freshness::Stale
        } else if d > period - DUE_WINDOW_DAYS {
            Freshness::Due
        } else {
            Freshness::Current
        }
    }

    /// The days a figure is past its period on `today` (0 when it is not stale).
    pub fn days_over(as_of: Date, today: Date, fresh_days: u32) -> i64 {
        (days(as_of, today) - i64::from(fresh_days)).max(0)
    }

    /// The days left of a figure's period on `today` (0 once it has ended): how soon a due
    /// figure goes stale.
    pub fn days_left(as_of: Date, today: Date, fresh_days: u32) -> i64 {
        (i64::from(fresh_days) - days(as_of, today)).max(0)
    }

    /// The code scripts read (`current`, `due`, `stale`): the JSON's and the CSV's.
    pub fn code(self) -> &'static str {
        match self {
            Freshness::Current => "current",
            Freshness::Due => "due",
            Freshness::Stale => "stale",
        }
    }

    /// The word a reader sees: `现行`, `待更新`, `已过期`.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            Freshness::Current => t.current,
            Freshness::Due => t.due,
            Freshness::Stale => t.stale,
        }
    }

    /// What the state asks of the owner, for a hover or a note.
    pub fn advice(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            Freshness::Current => t.current_advice,
            Freshness::Due => t.due_advice,
            Freshness::Stale => t.stale_advice,
        }
    }

    /// Whether a reader should be told (due or stale).
    pub fn needs_update(self) -> bool {
        self != Freshness::Current
    }
}

/// How many figures stand where: the zone list's glance at a zone, the report's notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub current: usize,
    pub due: usize,
    pub stale: usize,
}

impl Tally {
    /// Counts one figure.
    pub fn add(&mut self, f: Freshness) {
        match f {
            Freshness::Current => self.current += 1,
            Freshness::Due => self.due += 1,
            Freshness::Stale => self.stale += 1,
        }
    }

    /// The figures a reader should be told of (due or stale).
    pub fn needing_update(&self) -> usize {
        self.due + self.stale
    }
}

impl FromIterator<Freshness> for Tally {
    fn from_iter<I: IntoIterator<Item = Freshness>>(iter: I) -> Self {
        let mut t = Tally::default();
        for f in iter {
            t.add(f);
        }
        t
    }
}

/// Days from `from` to `to`, negative when `to` is earlier; saturating far outside the
/// calendar jiff keeps (which no date read from a file is).
fn days(from: Date, to: Date) -> i64 {
    from.until((jiff::Unit::Day, to))
        .map_or(0, |span| i64::from(span.get_days()))
}

struct Texts {
    current: &'static str,
    due: &'static str,
    stale: &'static str,
    current_advice: &'static str,
    due_advice: &'static str,
    stale_advice: &'static str,
}

static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts {
        current: "现行",
        due: "待更新",
        stale: "已过期",
        current_advice: "数据在更新周期内",
        due_advice: "数据即将超出更新周期，请责任单位核实",
        stale_advice: "数据已超出更新周期，请责任单位核实或更新",
    },
    en: Texts {
        current: "current",
        due: "due",
        stale: "stale",
        current_advice: "Within its update period",
        due_advice: "Its update period ends soon: the owner should confirm it",
        stale_advice: "Past its update period: the owner must confirm or update it",
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::ToSpan;

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).expect("valid date")
    }

    /// The figure's date `d` days before the day of the ranking.
    fn aged(today: Date, d: i64) -> Date {
        today.checked_sub(d.days()).expect("in range")
    }

    #[test]
    fn the_rule_at_its_edges() {
        let today = day(2026, 12, 7);
        for fresh in [180u32, 365, 730] {
            let f = i64::from(fresh);
            let at = |d| Freshness::of(aged(today, d), today, fresh);
            assert_eq!(at(0), Freshness::Current);
            assert_eq!(at(f - 30), Freshness::Current, "d = fresh_days − 30, {fresh}");
            assert_eq!(at(f - 29), Freshness::Due, "d = fresh_days − 29, {fresh}");
            assert_eq!(at(f), Freshness::Due, "d = fresh_days, {fresh}");
            assert_eq!(at(f + 1), Freshness::Stale, "d = fresh_days + 1, {fresh}");
        }
    }

    #[test]
    fn days_over_counts_from_the_end_of_the_period() {
        let today = day(2026, 12, 7);
        assert_eq!(Freshness::days_over(aged(today, 180), today, 180), 0);
        assert_eq!(Freshness::days_over(aged(today, 181), today, 180), 1);
        assert_eq!(Freshness::days_over(aged(today, 10), today, 180), 0);
        assert_eq!(Freshness::days_left(aged(today, 172), today, 180), 8);
        assert_eq!(Freshness::days_left(aged(today, 180), today, 180), 0);
        assert_eq!(Freshness::days_left(aged(today, 181), today, 180), 0);
    }

    #[test]
    fn a_figure_dated_after_the_ranking_is_current() {
        let today = day(2026, 12, 7);
        let later = day(2026, 12, 20);
        assert_eq!(Freshness::of(later, today, 365), Freshness::Current);
        assert_eq!(Freshness::of(later, today, 30), Freshness::Current);
    }

    #[test]
    fn a_period_shorter_than_the_due_window_is_due_from_its_first_day() {
        let today = day(2026, 12, 7);
        assert_eq!(Freshness::of(today, today, 10), Freshness::Due);
        assert_eq!(Freshness::of(aged(today, 11), today, 10), Freshness::Stale);
    }

    #[test]
    fn codes_and_words_in_both_languages() {
        assert_eq!(Freshness::Stale.code(), "stale");
        assert_eq!(Freshness::Due.label(Lang::Zh), "待更新");
        assert_eq!(Freshness::Stale.label(Lang::En), "stale");
        assert!(Freshness::Due.needs_update() && !Freshness::Current.needs_update());
    }

    #[test]
    fn data_carries_the_code() {
        for f in [Freshness::Current, Freshness::Due, Freshness::Stale] {
            assert_eq!(
                serde_json::to_value(f).expect("json"),
                serde_json::Value::from(f.code())
            );
        }
    }

    #[test]
    fn a_tally_counts_each_state() {
        let t: Tally = [
            Freshness::Stale,
            Freshness::Due,
            Freshness::Stale,
            Freshness::Current,
        ]
        .into_iter()
        .collect();
        assert_eq!(
            t,
            Tally {
                current: 1,
                due: 1,
                stale: 2
            }
        );
        assert_eq!(t.needing_update(), 3);
    }
}
