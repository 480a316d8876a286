//! `inventory status`: the data health of the bundled zones on a fixed day, with numbers worked
//! by hand from the sample files.
//!
//! Every figure of the samples is dated 2023-12-31. On 2024-12-15, 350 days later, a figure
//! whose factor stays current 180 days (power capacity and green quota, water, sewage, gas,
//! steam, the three quotas) is stale by 350 − 180 = 170 days; one on the default 365 days is
//! due with 365 − 350 = 15 days left; one on 730 days (voltage, servicing level, transport,
//! regional assessments) is current. Counting the factors each sample gives:
//!
//! | zone     | known | 180-day (stale) | 365-day (due) | illustrative |
//! |----------|-------|-----------------|---------------|--------------|
//! | houma    | 28    | 8               | 12            | 21           |
//! | linyi    | 14    | 5               | 5             | 12           |
//! | shuozhou | 5     | 2               | 2             | 4            |
//! | xiangfen | 22    | 7               | 10            | 21           |
//! | yuanping | 20    | 7               | 8             | 19           |
//!
//! of the catalog's 31 factors: 29 stale and 37 due in all.

use serde_json::{Value, json};

use crate::{sitematch, stdout_of};

const DAY: [&str; 2] = ["--date", "2024-12-15"];

fn status(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["inventory", "status", "--profiles", "profiles"]
        .iter()
        .chain(DAY.iter())
        .map(|s| (*s).to_owned())
        .collect();
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args
}

fn json_status(extra: &[&str]) -> Value {
    let args = status(&[extra, &["--format", "json"]].concat());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    serde_json::from_str(&stdout_of(&args)).expect("stdout is JSON")
}

fn table(extra: &[&str]) -> String {
    let args = status(extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    stdout_of(&args)
}

#[test]
fn inventory_status_counts_each_zone_as_worked_by_hand() {
    let v = json_status(&["--lang", "en"]);
    assert_eq!(v["date"], "2024-12-15");
    let zones = v["zones"].as_array().expect("zones");
    let row = |z: &Value| {
        (
            z["id"].as_str().expect("id").to_owned(),
            z["known"].as_u64().expect("known"),
            z["stale"].as_u64().expect("stale"),
            z["due"].as_u64().expect("due"),
            z["illustrative"].as_u64().expect("illustrative"),
            z["unknown"].as_u64().expect("unknown"),
        )
    };
    let got: Vec<_> = zones.iter().map(row).collect();
    let want = [
        ("houma", 28, 8, 12, 21, 3),
        ("linyi", 14, 5, 5, 12, 17),
        ("shuozhou", 5, 2, 2, 4, 26),
        ("xiangfen", 22, 7, 10, 21, 9),
        ("yuanping", 20, 7, 8, 19, 11),
    ]
    .map(|(id, k, s, d, i, u)| (id.to_owned(), k, s, d, i, u));
    assert_eq!(got, want);
    // 100 · known / 31, half up to one decimal: 28/31 = 90.32…, 14/31 = 45.16…, 5/31 = 16.12…,
    // 22/31 = 70.96…, 20/31 = 64.51…
    let completeness: Vec<f64> = zones
        .iter()
        .map(|z| z["completeness"].as_f64().expect("a number"))
        .collect();
    assert_eq!(completeness, [90.3, 45.2, 16.1, 71.0, 64.5]);
    assert!(zones.iter().all(|z| z["factors"] == 31));
    assert_eq!(zones[0]["name"], "Houma Economic Development Zone");
    assert_eq!(v["owner_filter"], Value::Null);

    let zh = table(&["--lang", "zh"]);
    assert!(
        zh.contains("数据体检（2024-12-15）：5 个开发区，已过期 29 项，待更新 37 项"),
        "{zh}"
    );
    assert!(zh.contains("90% (28/31)") && zh.contains("16% (5/31)"), "{zh}");
}

/// Houma names 国网侯马供电公司 for `power`: its capacity and green quota (180 days, stale by
/// 170) and its dual supply (365 days, due in 15); its voltage (730 days) is current. The
/// approval time names its own owner, 侯马经济开发区行政审批局, over no default.
#[test]
fn inventory_status_lists_each_owner_s_figures_most_overdue_first() {
    let v = json_status(&["--lang", "zh"]);
    let owners = v["owners"].as_array().expect("owners");
    let of = |name: &str| {
        owners
            .iter()
            .find(|o| o["owner"] == name)
            .unwrap_or_else(|| panic!("{name} is listed"))
    };
    let power = of("国网侯马供电公司");
    let figures: Vec<(&str, &str, i64, i64)> = power["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|f| {
            (
                f["factor"].as_str().expect("factor"),
                f["freshness"].as_str().expect("freshness"),
                f["days_over"].as_i64().expect("days over"),
                f["days_left"].as_i64().expect("days left"),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("power.capacity", "stale", 170, 0),
            ("power.green_quota", "stale", 170, 0),
            ("power.dual_supply", "due", 0, 15),
        ]
    );
    assert_eq!(
        (power["stale"].clone(), power["due"].clone()),
        (json!(2), json!(1))
    );
    let first = &power["figures"][0];
    assert_eq!(first["zone"], "houma");
    assert_eq!(first["zone_name"], "侯马经济开发区");
    assert_eq!(first["value"], "80 兆瓦");
    assert_eq!(first["as_of"], "2023-12-31");
    let approval = of("侯马经济开发区行政审批局");
    assert_eq!(approval["figures"][0]["factor"], "service.approval_days");
    // The figures nobody is named for come last: gas and steam and the zones' water where no
    // department is given, and the rest of `policy` and `transport` (23 in all, 10 stale).
    let last = owners.last().expect("an owner");
    assert_eq!(last["owner"], Value::Null);
    assert_eq!(
        (last["stale"].clone(), last["due"].clone()),
        (json!(10), json!(13))
    );
    assert_eq!(last["figures"][0]["factor"], "gas.supply");
    let total: u64 = owners
        .iter()
        .map(|o| o["figures"].as_array().map_or(0, |f| f.len() as u64))
        .sum();
    assert_eq!(total, 29 + 37, "every stale or due figure, once");

    let en = table(&["--lang", "en"]);
    assert!(en.contains("Owner: 国网侯马供电公司 (2 stale, 1 due)"), "{en}");
    assert!(en.contains("Owner: no owner named (10 stale, 13 due)"), "{en}");
    assert!(
        en.contains("170 days over") && en.contains("15 days left"),
        "{en}"
    );
}

#[test]
fn inventory_status_filters_by_owner_and_says_when_none_has_that_name() {
    let v = json_status(&["--owner", "  国网侯马供电公司 ", "--lang", "zh"]);
    assert_eq!(v["owners"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["owners"][0]["owner"], "国网侯马供电公司");
    assert_eq!(
        v["owner_filter"],
        json!({ "owner": "国网侯马供电公司", "found": "figures" })
    );
    assert_eq!(
        v["zones"].as_array().map(Vec::len),
        Some(5),
        "the zones stay whole"
    );

    let nobody = json_status(&["--owner", "未指定责任单位", "--lang", "en"]);
    assert_eq!(nobody["owners"][0]["owner"], Value::Null);
    assert_eq!(nobody["owners"][0]["figures"].as_array().map(Vec::len), Some(23));

    // 临汾市生态环境局侯马分局 owns Houma's regional assessments, current for 730 days.
    let current = table(&["--owner", "临汾市生态环境局侯马分局", "--lang", "zh"]);
    assert!(
        current.contains("“临汾市生态环境局侯马分局”负责的数据都在更新周期内"),
        "{current}"
    );

    let out = sitematch(
        &status(&["--owner", "国网侯马", "--lang", "zh"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(out.status.success(), "a filter that finds nothing is no error");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("没有数据的责任单位是“国网侯马”。现有责任单位：国网侯马供电公司、"),
        "{text}"
    );
    assert!(
        text.contains("原平市供水公司") && !text.contains("责任单位：国网侯马供电公司（"),
        "{text}"
    );
    let v = json_status(&["--owner", "国网侯马", "--lang", "en"]);
    assert_eq!(v["owner_filter"]["found"], "no_such_owner");
    assert_eq!(v["owners"], json!([]));
    assert_eq!(v["owners_named"].as_array().map(Vec::len), Some(22));
}

/// Two years on, every figure of the samples is past its period.
#[test]
fn inventory_status_on_a_later_day_finds_every_figure_stale() {
    let out = stdout_of(&[
        "inventory",
        "status",
        "--profiles",
        "profiles",
        "--date",
        "2026-11-29",
        "--lang",
        "zh",
    ]);
    // 28 + 14 + 5 + 22 + 20 figures, all stale; a 180-day figure is 1064 − 180 days over.
    assert!(out.contains("已过期 89 项，待更新 0 项"), "{out}");
    assert!(out.contains("超期 884 天"), "{out}");
}
