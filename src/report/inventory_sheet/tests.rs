use super::*;
use crate::model::{Freshness, parse_profile};

const ZONE: &str = r#"ZoneProfile(
    name: (zh: "甲开发区", en: "Zone A"),
    region: (zh: "山西省", en: "Shanxi"),
    contact: "管委会",
    as_of: "2024-01-01",
    owners: { "power": "供电公司", "land": "自然资源局" },
    factors: {
        "land.industrial_area": (value: "13.4 wan_m2", source: "台账", as_of: "2024-01-01"),
        "land.standard_land": (value: Planned("2025-06-30"), source: "计划", as_of: "2024-06-01"),
        "land.servicing_level": (value: "seven", as_of: "2024-01-01", illustrative: true),
        "power.capacity": (
            value: "0.000000000000000000001 mw",
            planned: (value: "60000 kw", by: "2027-06-30"),
            source: "供电公司",
            as_of: "2023-01-01",
            owner: "国网某供电公司",
        ),
        "policy.regional_assessments": (value: ["environment", "energy"], source: "批复", as_of: "2024-01-01"),
    },
)"#;

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).expect("date")
}

fn setup() -> (Catalog, Vec<ZoneProfile>) {
    let c = Catalog::builtin().expect("catalog");
    let a = parse_profile(ZONE, "a", &c).expect("zone a");
    let b = parse_profile(&ZONE.replace("甲开发区", "乙开发区"), "b", &c).expect("zone b");
    (c, vec![a, b])
}

fn find<'a>(rows: &'a [Row], zone: &str, factor: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.label(Column::Zone) == zone && r.label(Column::FactorId) == factor)
        .unwrap_or_else(|| panic!("no row {zone} {factor}"))
}

#[test]
fn every_zone_has_a_row_for_every_factor_in_catalog_order() {
    let (c, zones) = setup();
    let rows = rows(&c, &zones, &Filter::default(), date(2024, 12, 1), Lang::Zh);
    assert_eq!(rows.len(), 2 * c.len());
    let ids: Vec<&str> = rows
        .iter()
        .take(c.len())
        .map(|r| r.label(Column::FactorId))
        .collect();
    let catalog: Vec<&str> = c.factors().map(|(_, f)| f.id.as_str()).collect();
    assert_eq!(ids, catalog);
    assert!(rows.iter().skip(c.len()).all(|r| r.label(Column::Zone) == "b"));
    // A factor with no value: its labels say nothing of a value, the owner in force is named.
    let gas = find(&rows, "a", "gas.supply");
    assert_eq!(gas.label(Column::Value), "");
    assert_eq!(gas.label(Column::Freshness), "");
    assert_eq!(gas.label(Column::Owner), "未指定责任单位");
    assert_eq!(gas.label(Column::Unit), "立方米/日");
}

#[test]
fn values_are_written_exactly_as_the_profile_holds_them() {
    let (c, zones) = setup();
    let rows = rows(&c, &zones, &Filter::default(), date(2024, 12, 1), Lang::Zh);
    let land = find(&rows, "a", "land.industrial_area");
    assert_eq!(land.label(Column::Value), "13.4");
    assert_eq!(land.label(Column::Unit), "万平方米");
    assert_eq!(land.label(Column::Source), "台账");
    assert_eq!(land.label(Column::AsOf), "2024-01-01");
    assert_eq!(land.label(Column::Owner), "自然资源局");
    assert_eq!(land.label(Column::Illustrative), "否");
    assert_eq!(land.label(Column::Category), "用地与载体");
    assert_eq!(land.label(Column::Factor), "可供工业用地面积");
    assert_eq!(land.label(Column::ZoneName), "甲开发区");
    let power = find(&rows, "a", "power.capacity");
    assert_eq!(power.label(Column::Value), "0.000000000000000000001");
    assert_eq!(power.label(Column::Unit), "兆瓦");
    // Planned in another unit than the value: the unit is said.
    assert_eq!(power.label(Column::Planned), "60000 千瓦");
    assert_eq!(power.label(Column::PlannedBy), "2027-06-30");
    assert_eq!(power.label(Column::Owner), "国网某供电公司");
    assert_eq!(power.label(Column::Freshness), Freshness::Stale.label(Lang::Zh));
    let standard = find(&rows, "a", "land.standard_land");
    assert_eq!(standard.label(Column::Value), "计划");
    assert_eq!(standard.label(Column::PlannedBy), "2025-06-30");
    assert_eq!(standard.label(Column::Planned), "");
    let level = find(&rows, "a", "land.servicing_level");
    assert_eq!(level.label(Column::Value), "七通一平");
    assert_eq!(level.label(Column::Illustrative), "是");
    let set = find(&rows, "a", "policy.regional_assessments");
    assert!(
        set.label(Column::Value).contains('、'),
        "{}",
        set.label(Column::Value)
    );
    let en = super::rows(&c, &zones, &Filter::default(), date(2024, 12, 1), Lang::En);
    let standard = find(&en, "a", "land.standard_land");
    assert_eq!(standard.label(Column::Value), "Planned");
    assert_eq!(
        find(&en, "a", "land.industrial_area").label(Column::Unit),
        "× 10,000 m²"
    );
    // Levels keep their Chinese names in English too, as the drop-down offers them.
    assert_eq!(
        find(&en, "a", "land.servicing_level").label(Column::Value),
        "七通一平"
    );
}

#[test]
fn input_cells_are_empty_and_offer_what_the_factor_takes() {
    let (c, zones) = setup();
    let rows = rows(&c, &zones, &Filter::default(), date(2024, 12, 1), Lang::Zh);
    let yes_no = find(&rows, "a", "land.standard_land");
    let value = yes_no.input(Column::NewValue).expect("input");
    assert_eq!(
        value.choices.as_deref(),
        Some(&["是".to_owned(), "计划".to_owned(), "否".to_owned()][..])
    );
    assert!(yes_no.input(Column::NewPlannedBy).expect("input").open);
    assert!(!yes_no.input(Column::NewPlanned).expect("input").open);
    let level = find(&rows, "a", "land.servicing_level")
        .input(Column::NewValue)
        .expect("input");
    let choices = level.choices.as_ref().expect("drop-down");
    assert_eq!(choices.first().map(String::as_str), Some("三通一平"));
    let set = find(&rows, "a", "policy.regional_assessments");
    let note = set
        .input(Column::NewValue)
        .and_then(|i| i.note.as_deref())
        .expect("note");
    assert!(note.contains("规划环评"), "{note}");
    assert!(!set.input(Column::NewPlannedBy).expect("input").open);
    let amount = find(&rows, "a", "power.capacity");
    assert!(
        Column::ALL
            .iter()
            .filter(|c| c.is_input())
            .all(|c| amount.input(*c).is_some_and(|i| i.open))
    );
    // No label is written into an input column.
    assert!(rows.iter().all(|r| r.labels.len() == LABELS));
    assert_eq!(amount.label(Column::NewValue), "");
}

#[test]
fn an_owners_stale_figures_only() {
    let (c, zones) = setup();
    let day = date(2024, 12, 1);
    let filter = |owner: &str, stale: bool| Filter {
        zones: None,
        owner: Some(OwnerFilter::parse(owner)),
        stale,
    };
    // The power group's default owner, but not the capacity, which names its own.
    let power = rows(&c, &zones, &filter("供电公司", false), day, Lang::Zh);
    assert!(!power.is_empty());
    assert!(power.iter().all(|r| r.label(Column::Owner) == "供电公司"));
    assert!(
        power
            .iter()
            .all(|r| r.label(Column::FactorId).starts_with("power."))
    );
    assert!(
        power
            .iter()
            .all(|r| r.label(Column::FactorId) != "power.capacity")
    );
    // Its figures hold no value, so none is due or stale.
    assert!(rows(&c, &zones, &filter("供电公司", true), day, Lang::Zh).is_empty());
    let stale = rows(&c, &zones, &filter("国网某供电公司", true), day, Lang::Zh);
    let ids: Vec<(&str, &str)> = stale
        .iter()
        .map(|r| (r.label(Column::Zone), r.label(Column::FactorId)))
        .collect();
    assert_eq!(ids, [("a", "power.capacity"), ("b", "power.capacity")]);
    // Nobody's figures: those no owner is named for.
    let nobody = rows(&c, &zones, &filter("未指定责任单位", false), day, Lang::Zh);
    assert!(nobody.iter().all(|r| r.label(Column::Owner) == "未指定责任单位"));
    assert!(nobody.iter().any(|r| r.label(Column::FactorId) == "gas.supply"));
    // Stale alone: on 2024-12-15 the 365-day figures of 2024-01-01 (349 days) are due, the
    // one of 2024-06-01 current, the 180-day capacity of 2023 stale.
    let all_stale = rows(
        &c,
        &zones,
        &Filter {
            stale: true,
            ..Filter::default()
        },
        date(2024, 12, 15),
        Lang::Zh,
    );
    let a: Vec<&str> = all_stale
        .iter()
        .filter(|r| r.label(Column::Zone) == "a")
        .map(|r| r.label(Column::FactorId))
        .collect();
    assert!(a.contains(&"power.capacity"));
    assert!(a.contains(&"land.industrial_area"));
    assert!(!a.contains(&"land.standard_land"));
    assert!(!a.contains(&"gas.supply"));
}

#[test]
fn zones_limits_the_zones() {
    let (c, zones) = setup();
    let filter = Filter {
        zones: Some(vec!["b".to_owned()]),
        ..Filter::default()
    };
    let rows = rows(&c, &zones, &filter, date(2024, 12, 1), Lang::En);
    assert_eq!(rows.len(), c.len());
    assert!(
        rows.iter()
            .all(|r| r.label(Column::Zone) == "b" && r.zone == ZoneIdx::new(1))
    );
}

#[test]
fn every_column_has_a_title_in_both_languages() {
    for c in Column::ALL {
        assert!(!c.title(Lang::Zh).is_empty() && !c.title(Lang::En).is_empty());
        assert_ne!(c.title(Lang::Zh), c.title(Lang::En));
    }
    assert_eq!(Column::ALL.iter().filter(|c| c.is_input()).count(), INPUTS);
    assert!(
        Column::ALL
            .iter()
            .enumerate()
            .all(|(i, c)| usize::from(c.index()) == i)
    );
}
