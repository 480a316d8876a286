use jiff::ToSpan;

use super::write::{json, table};
use super::*;
use crate::model::value::parse_quantity;
use crate::model::{Entry, Owners, Text, YesNo};

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).expect("date")
}

/// The day the tests look at the data on.
fn today() -> Date {
    date(2026, 11, 29)
}

/// An entry dated `age` days before [`today`].
fn aged(catalog: &Catalog, factor: &str, text: &str, age: i64) -> (FactorIdx, Entry) {
    let f = catalog.find_factor(factor).expect("factor");
    let value = match catalog.factor(f).kind.measure() {
        Some(m) => Value::Amount(parse_quantity(catalog, m, text).expect("quantity")),
        None => Value::YesNo(YesNo::Yes),
    };
    let entry = Entry {
        value,
        source: "园区台账".into(),
        as_of: today().checked_sub(age.days()).expect("in range"),
        illustrative: false,
        planned: None,
        owner: None,
    };
    (f, entry)
}

fn zone(catalog: &Catalog, id: &str, entries: Vec<(FactorIdx, Entry)>) -> ZoneProfile {
    let mut p = ZoneProfile::new(catalog, id, Text::new(format!("{id}区"), id), date(2024, 1, 1));
    for (f, e) in entries {
        p.set_entry(f, Some(e));
    }
    p
}

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

#[test]
fn a_zone_with_no_values_is_all_unknown_and_owes_nothing() {
    let c = catalog();
    let empty = zone(&c, "empty", Vec::new());
    let h = Health::build(&c, &[empty], today());
    let z = &h.zones[0];
    assert_eq!((z.known, z.factors, z.unknown()), (0, c.len(), c.len()));
    assert_eq!((z.stale, z.due, z.illustrative), (0, 0, 0));
    assert_eq!(z.completeness(), Exact::ZERO);
    assert_eq!(z.completeness_text(), "0%");
    assert!(h.owners.is_empty(), "no value, nothing to update");
    assert!(h.named.is_empty());
    let text = table(&c, &[zone(&c, "empty", Vec::new())], &h, None, Lang::Zh);
    assert!(text.contains("所有数据都在更新周期内"), "{text}");
}

#[test]
fn counts_per_zone_follow_each_factors_period() {
    let c = catalog();
    // power.capacity stays current 180 days, power.voltage 730, land.price the default 365.
    let mut illustrative = aged(&c, "land.price", "15 wan_yuan_per_mu", 10);
    illustrative.1.illustrative = true;
    illustrative.1.source.clear();
    let p = zone(
        &c,
        "a",
        vec![
            aged(&c, "power.capacity", "80 MW", 181),      // stale, 1 day over
            aged(&c, "power.voltage", "110kv", 181),       // current
            aged(&c, "water.supply", "5000 t_per_d", 160), // due, 20 days left
            illustrative,                                  // current, illustrative
        ],
    );
    let h = Health::build(&c, std::slice::from_ref(&p), today());
    let z = &h.zones[0];
    assert_eq!((z.known, z.stale, z.due, z.illustrative), (4, 1, 1, 1));
    assert_eq!(z.unknown(), c.len() - 4);
    assert_eq!(
        z.completeness(),
        Exact::ratio(400, c.len() as u128),
        "exact: 100 · 4 / {}",
        c.len()
    );
    assert_eq!(h.totals(), (1, 1));
}

#[test]
fn an_entry_s_own_owner_wins_over_the_profile_default() {
    let c = catalog();
    let mut own = aged(&c, "power.voltage", "110kv", 800);
    own.1.owner = Some(Owner::from("国网山西电力"));
    let mut p = zone(
        &c,
        "a",
        vec![
            aged(&c, "power.capacity", "80 MW", 200),
            own,
            aged(&c, "gas.supply", "0", 200),
        ],
    );
    p.owners = Owners::new([("power".to_owned(), Owner::from("国网侯马供电公司"))]);
    let h = Health::build(&c, &[p], today());
    let names: Vec<Option<&str>> = h.owners.iter().map(|o| o.owner.as_deref()).collect();
    // 国网山西电力's figure is 70 days over, the default owner's 20: most overdue first, and
    // the figure nobody is named for (gas) last whatever its age.
    assert_eq!(names, [Some("国网山西电力"), Some("国网侯马供电公司"), None]);
    let factor = |o: &OwnerFigures| c.factor(o.figures[0].factor).id.clone();
    assert_eq!(factor(&h.owners[0]), "power.voltage");
    assert_eq!(factor(&h.owners[1]), "power.capacity");
    assert_eq!(factor(&h.owners[2]), "gas.supply");
    assert_eq!(h.owners[0].figures[0].days_over, 70);
    assert_eq!(
        h.named.iter().map(|o| o.to_string()).collect::<Vec<_>>(),
        ["国网侯马供电公司", "国网山西电力"],
        "pinyin order: guo wang hou… before guo wang shan…"
    );
}

#[test]
fn figures_sort_most_overdue_first_then_due_by_days_left_then_zone_and_factor() {
    let c = catalog();
    let a = zone(
        &c,
        "b_zone",
        vec![
            aged(&c, "power.capacity", "80 MW", 190),      // 10 over
            aged(&c, "water.supply", "5000 t_per_d", 170), // 10 left
            aged(&c, "gas.supply", "0", 300),              // 120 over
        ],
    );
    let b = zone(
        &c,
        "a_zone",
        vec![
            aged(&c, "power.capacity", "80 MW", 190), // 10 over, a tie: zone id a_zone first
            aged(&c, "heat.steam", "0", 175),         // 5 left
            aged(&c, "quota.energy", "100 tce_per_a", 190), // 10 over: after power in catalog order
        ],
    );
    let zones = [a, b];
    let h = Health::build(&c, &zones, today());
    assert_eq!(h.owners.len(), 1, "nobody is named: one group");
    let order: Vec<(String, String, i64, i64)> = h.owners[0]
        .figures
        .iter()
        .map(|f| {
            (
                zones[f.zone.index()].id.clone(),
                c.factor(f.factor).id.clone(),
                f.days_over,
                f.days_left,
            )
        })
        .collect();
    let row = |z: &str, f: &str, over, left| (z.to_owned(), f.to_owned(), over, left);
    assert_eq!(
        order,
        [
            row("b_zone", "gas.supply", 120, 0),
            row("a_zone", "power.capacity", 10, 0),
            row("a_zone", "quota.energy", 10, 0),
            row("b_zone", "power.capacity", 10, 0),
            row("a_zone", "heat.steam", 0, 5),
            row("b_zone", "water.supply", 0, 10),
        ]
    );
    assert_eq!(h.owners[0].counts(), (4, 2));
}

#[test]
fn the_owner_filter_matches_exactly_after_trimming_and_says_what_it_found() {
    let c = catalog();
    let mut p = zone(
        &c,
        "a",
        vec![
            aged(&c, "power.capacity", "80 MW", 200),
            aged(&c, "land.price", "15 wan_yuan_per_mu", 10),
        ],
    );
    p.owners = Owners::new([
        ("power".to_owned(), Owner::from("国网侯马供电公司")),
        ("land".to_owned(), Owner::from("侯马市自然资源局")),
    ]);
    let zones = [p];
    let h = Health::build(&c, &zones, today());
    let pick = |text: &str| h.select(&OwnerFilter::parse(text));
    assert!(matches!(pick("  国网侯马供电公司 "), Selection::Figures(o) if o.figures.len() == 1));
    assert_eq!(
        pick("侯马市自然资源局"),
        Selection::AllCurrent,
        "named, all current"
    );
    assert_eq!(pick("国网侯马"), Selection::NoSuchOwner, "no prefix match");
    assert_eq!(OwnerFilter::parse(" 未指定责任单位"), OwnerFilter::Nobody);
    assert_eq!(OwnerFilter::parse("No owner named"), OwnerFilter::Nobody);
    assert_eq!(pick("no owner named"), Selection::AllCurrent);

    let filter = OwnerFilter::parse("国网侯马");
    let text = table(&c, &zones, &h, Some(&filter), Lang::Zh);
    assert!(
        text.contains("没有数据的责任单位是“国网侯马”。现有责任单位：国网侯马供电公司、侯马市自然资源局"),
        "{text}"
    );
    assert!(
        !text.contains("责任单位：国网侯马供电公司（"),
        "no owner's list: {text}"
    );
    let v = json(&c, &zones, &h, Some(&filter), Lang::En);
    assert_eq!(v["owner_filter"]["found"], "no_such_owner");
    assert_eq!(v["owners"], serde_json::json!([]));
    assert_eq!(v["owners_named"][1], "侯马市自然资源局");
}

#[test]
fn figures_are_worded_in_the_reader_s_language() {
    let c = catalog();
    let zones = [zone(&c, "a", vec![aged(&c, "power.capacity", "80 MW", 181)])];
    let h = Health::build(&c, &zones, today());
    let f = &h.owners[0].figures[0];
    let zh = figure_texts(&c, &zones, f, Lang::Zh);
    assert_eq!(zh.value, "80 兆瓦");
    assert_eq!((zh.freshness, zh.overdue.as_str()), ("已过期", "超期 1 天"));
    assert_eq!(zh.zone_name, "a区");
    let en = figure_texts(&c, &zones, f, Lang::En);
    assert_eq!((en.value.as_str(), en.overdue.as_str()), ("80 MW", "1 day over"));
    let text = table(&c, &zones, &h, None, Lang::En);
    assert!(text.contains("Owner: no owner named (1 stale, 0 due)"), "{text}");
    let v = json(&c, &zones, &h, None, Lang::Zh);
    assert_eq!(v["owners"][0]["owner"], serde_json::Value::Null);
    assert_eq!(v["owners"][0]["figures"][0]["value"], "80 兆瓦");
    assert_eq!(v["owners"][0]["figures"][0]["days_over"], 1);
    assert_eq!(v["zones"][0]["known"], 1);
}
