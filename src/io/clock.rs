//! The clock: what day it is where the user is. Reading the time and the system's time zone
//! (`TZ`, `/etc/localtime`, Windows' setting) is the outside world, so it lives here, beside
//! the files; the model and scoring take the date as an argument.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Today's date in the system's time zone (UTC only when the system does not say).
pub fn today() -> Date {
    date_in(Timestamp::now(), &TimeZone::system())
}

/// The date and time now in the system's time zone, for stamps such as "saved 14:05".
pub fn now() -> jiff::Zoned {
    Timestamp::now().to_zoned(TimeZone::system())
}

/// The calendar date an instant falls on in a time zone.
pub fn date_in(at: Timestamp, zone: &TimeZone) -> Date {
    at.to_zoned(zone.clone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_the_one_on_the_local_calendar() {
        // 17:30 UTC on 30 June is already 1 July in Beijing (UTC+8) and still 30 June in
        // New York (UTC-4 in summer).
        let at: Timestamp = "2024-06-30T17:30:00Z".parse().expect("timestamp");
        let utc = date_in(at, &TimeZone::UTC);
        let beijing = date_in(at, &TimeZone::fixed(jiff::tz::offset(8)));
        let new_york = date_in(at, &TimeZone::fixed(jiff::tz::offset(-4)));
        assert_eq!(utc, jiff::civil::date(2024, 6, 30));
        assert_eq!(beijing, jiff::civil::date(2024, 7, 1));
        assert_eq!(new_york, jiff::civil::date(2024, 6, 30));
    }
}
