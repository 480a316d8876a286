//! "Today" is the date on the user's own calendar, not in UTC: the test binary runs itself in
//! two child processes whose `TZ` is 25 hours apart, so that at any instant their dates differ.

use std::process::Command;

fn today_with_tz(tz: &str) -> jiff::civil::Date {
    let out = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "clock::today_is_the_date_in_the_local_time_zone",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("SITEMATCH_PRINT_TODAY", "1")
        .env("TZ", tz)
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // The test harness may print the test's name on the same line.
    let date = text
        .split("today=")
        .nth(1)
        .and_then(|rest| rest.get(..10))
        .unwrap_or_else(|| panic!("the child prints the date:\n{text}"));
    date.parse().expect("a date")
}

#[test]
fn today_is_the_date_in_the_local_time_zone() {
    // Run again as the child of this test (see `today_with_tz`): print today's date, and stop.
    if std::env::var_os("SITEMATCH_PRINT_TODAY").is_some() {
        println!("today={}", sitematch::io::clock::today());
        return;
    }
    // POSIX time-zone rules, so no time-zone database is needed: UTC+14 (Kiritimati) and UTC-11
    // (Pago Pago). 25 hours apart, the eastern one is always one or two days ahead.
    let east = today_with_tz("<+14>-14");
    let west = today_with_tz("<-11>11");
    let days = east.since(west).expect("span").get_days();
    assert!((1..=2).contains(&days), "{east} vs {west}");
}
