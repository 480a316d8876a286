use jiff::civil::Date;

use super::*;
use crate::model::value::{YesNo, parse_quantity};
use crate::model::{Owner, Owners, PlannedAmount, Problem, Value, parse_profile};

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn sample(catalog: &Catalog, id: &str) -> ZoneProfile {
    let (_, text) = crate::assets::sample_profiles()
        .find(|(i, _)| *i == id)
        .expect("a sample");
    parse_profile(text, id, catalog).expect("parses")
}

fn at(text: &str) -> When {
    When::parse(text).expect("a time")
}

fn day(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).expect("date")
}

/// The changes as `(key, field, old, new)`, for comparing with what a reader expects.
fn rows(changes: &[Change]) -> Vec<(&str, Field, Option<&str>, Option<&str>)> {
    changes
        .iter()
        .map(|c| (c.key.as_str(), c.field, c.old.as_deref(), c.new.as_deref()))
        .collect()
}

#[test]
fn a_zone_saved_unchanged_leaves_no_record() {
    let c = catalog();
    let houma = sample(&c, "houma");
    assert!(changes(&c, Some(&houma), &houma).is_empty());
    let when = at("2026-12-07T21:08:47+08:00");
    assert_eq!(
        Record::of_save(&c, Some(&houma), &houma, when, "王敏", How::Editor),
        None
    );
}

#[test]
fn each_field_of_a_figure_is_recorded_as_the_profile_file_writes_it() {
    let c = catalog();
    let old = sample(&c, "houma");
    let mut new = old.clone();
    let f = |id| c.find_factor(id).expect("factor");
    let land = f("land.industrial_area");
    let mut e = new.entry(land).expect("held").clone();
    let measure = c.factor(land).kind.measure().expect("quantity");
    e.value = Value::Amount(parse_quantity(&c, measure, "1700 mu").expect("q"));
    e.as_of = day(2026, 6, 30);
    e.owner = Some(Owner::from("侯马市自然资源局土地储备中心"));
    new.set_entry(land, Some(e));
    let power = f("power.capacity");
    let mut e = new.entry(power).expect("held").clone();
    let measure = c.factor(power).kind.measure().expect("quantity");
    e.source = "国网侯马供电公司2026年函".into();
    e.illustrative = false;
    e.planned = Some(Box::new(PlannedAmount {
        amount: parse_quantity(&c, measure, "120 MW").expect("q"),
        by: day(2027, 6, 30),
        source: String::new(),
    }));
    new.set_entry(power, Some(e));
    let standard = f("land.standard_land");
    let mut e = new.entry(standard).expect("held").clone();
    e.value = Value::YesNo(YesNo::Planned(day(2027, 1, 1)));
    new.set_entry(standard, Some(e));
    new.owners.set("power", Some(Owner::from("国网临汾供电公司")));
    new.owners.set("quota", None);

    let got = changes(&c, Some(&old), &new);
    assert_eq!(
        rows(&got),
        vec![
            (
                "land.industrial_area",
                Field::Value,
                Some("1677 mu"),
                Some("1700 mu")
            ),
            (
                "land.industrial_area",
                Field::AsOf,
                Some("2023-12-31"),
                Some("2026-06-30")
            ),
            (
                "land.industrial_area",
                Field::Owner,
                None,
                Some("侯马市自然资源局土地储备中心")
            ),
            (
                "land.standard_land",
                Field::Value,
                Some("Yes"),
                Some("Planned(\"2027-01-01\")")
            ),
            (
                "power.capacity",
                Field::Planned,
                None,
                Some("(value: \"120 mw\", by: \"2027-06-30\")")
            ),
            (
                "power.capacity",
                Field::Source,
                None,
                Some("国网侯马供电公司2026年函")
            ),
            ("power.capacity", Field::Illustrative, Some("true"), None),
            (
                "power",
                Field::DefaultOwner,
                Some("国网侯马供电公司"),
                Some("国网临汾供电公司")
            ),
            ("quota", Field::DefaultOwner, Some("侯马市发展和改革局"), None),
        ]
    );
    // The texts are the profile file's own: each one is in the file the writer makes.
    let file = crate::model::write_profile(&new, &c).expect("writes");
    for text in [
        "\"1700 mu\"",
        "Planned(\"2027-01-01\")",
        "\"120 mw\"",
        "\"2026-06-30\"",
    ] {
        assert!(file.contains(text), "{text} in\n{file}");
    }
}

#[test]
fn a_new_zone_has_every_figure_it_holds_from_none() {
    let c = catalog();
    let houma = sample(&c, "houma");
    let got = changes(&c, None, &houma);
    assert!(got.iter().all(|ch| ch.old.is_none() && ch.new.is_some()));
    // Every figure's value and date, each source, mark and plan, and every default owner.
    let fields = |e: &Entry| {
        2 + usize::from(!e.source.is_empty())
            + usize::from(e.illustrative)
            + usize::from(e.planned.is_some())
            + usize::from(e.owner.is_some())
    };
    let expected: usize =
        houma.entries().map(|(_, e)| fields(e)).sum::<usize>() + houma.owners.iter().count();
    assert_eq!(got.len(), expected);
    let values = got.iter().filter(|ch| ch.field == Field::Value).count();
    assert_eq!(values, houma.known_count());
    let sets = got
        .iter()
        .find(|ch| ch.key == "policy.regional_assessments" && ch.field == Field::Value)
        .and_then(|ch| ch.new.as_deref());
    assert_eq!(
        sets,
        Some("[\"environment\", \"energy\", \"water_resources\", \"soil_water\"]")
    );
    let record = Record::of_save(
        &c,
        None,
        &houma,
        at("2026-12-07T21:08:47+08:00"),
        "  ",
        How::Editor,
    )
    .expect("a record");
    assert_eq!(record.zone, "houma");
    assert_eq!(record.who_text(Lang::Zh), "未署名");
    assert_eq!(record.who_text(Lang::En), "unsigned");
}

#[test]
fn a_figure_removed_keeps_what_it_was() {
    let c = catalog();
    let old = sample(&c, "houma");
    let mut new = old.clone();
    let land = c.find_factor("land.largest_parcel").expect("factor");
    new.set_entry(land, None);
    let got = changes(&c, Some(&old), &new);
    assert_eq!(
        rows(&got),
        vec![
            ("land.largest_parcel", Field::Value, Some("600 mu"), None),
            ("land.largest_parcel", Field::AsOf, Some("2023-12-31"), None),
            ("land.largest_parcel", Field::Illustrative, Some("true"), None),
        ]
    );
    assert_eq!(got[0].old_to_new(Lang::Zh), "600 mu → （无）");
    assert_eq!(got[0].old_to_new(Lang::En), "600 mu → (none)");
}

#[test]
fn times_keep_the_officers_clock_and_order_by_the_instant() {
    let beijing = at("2026-12-07T21:08:47+08:00");
    assert_eq!(beijing.file_text(), "2026-12-07T21:08:47+08:00");
    assert_eq!(beijing.text(), "2026-12-07 21:08");
    let utc = at("2026-12-07T13:08:48Z");
    assert_eq!(utc.file_text(), "2026-12-07T13:08:48+00:00");
    assert!(beijing < utc, "one second later, on another clock");
    let fraction = When::new("2026-12-07T13:08:47.9Z".parse().expect("instant"), Offset::UTC);
    assert_eq!(fraction.file_text(), "2026-12-07T13:08:47+00:00", "to the second");
    for bad in [
        "2026-12-07 21:08",
        "2026-12-07",
        "2026-12-07T21:08:47",
        "yesterday",
        "",
    ] {
        assert_eq!(When::parse(bad), None, "{bad}");
    }
}

fn two_records() -> Vec<Record> {
    let c = catalog();
    let old = sample(&c, "houma");
    let mut new = old.clone();
    let land = c.find_factor("land.industrial_area").expect("factor");
    let mut e = new.entry(land).expect("held").clone();
    e.source = "他说：\"1700 亩\"\\新数据\n第二行".into();
    new.set_entry(land, Some(e));
    new.owners = Owners::default();
    let first = Record::of_save(
        &c,
        None,
        &old,
        at("2026-12-01T09:00:00+08:00"),
        "王敏（招商局）",
        How::Import,
    )
    .expect("first");
    let second = Record::of_save(
        &c,
        Some(&old),
        &new,
        at("2026-12-07T21:08:47+08:00"),
        "",
        How::Editor,
    )
    .expect("second");
    vec![first, second]
}

#[test]
fn a_history_is_written_for_a_person_and_reads_back_the_same() {
    let records = two_records();
    let text = write_history(&records).expect("writes");
    assert!(text.contains("History("), "{text}");
    assert!(
        text.contains("                (key: \"land.industrial_area\", field: value, new: \"1677 mu\"),\n"),
        "one change a line, no Some(…):\n{text}"
    );
    assert!(text.contains("at: \"2026-12-07T21:08:47+08:00\""), "{text}");
    assert!(text.contains("how: Import"), "{text}");
    assert_eq!(parse_history(&text).expect("reads"), records);
    assert_eq!(parse_history("").expect("empty"), Vec::new());
    assert_eq!(parse_history("History(records: [])").expect("none"), Vec::new());
}

#[test]
fn a_damaged_history_is_an_error_at_its_line() {
    let text = write_history(&two_records()).expect("writes");
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .expect("in the text")
            + 1
    };
    let broken = text.replacen("how: Editor,", "how: Editor", 1);
    let e = parse_history(&broken).expect_err("a comma is missing");
    assert_eq!(e.line, line_of("how: Editor") + 1, "{e}");
    let bad_time = text.replace("2026-12-07T21:08:47+08:00", "2026-12-07 21:08");
    let e = parse_history(&bad_time).expect_err("not a time");
    assert_eq!(e.line, line_of("2026-12-07T21:08:47+08:00"));
    assert!(matches!(e.problem, Problem::BadTime { .. }));
    assert_eq!(
        e.message(Lang::Zh),
        "修改时间：“2026-12-07 21:08”不是带时区的日期时间，应写成 2026-12-07T21:08:47+08:00"
    );
    let unknown = text.replacen("field: value", "field: worth", 1);
    let e = parse_history(&unknown).expect_err("no such field");
    assert_eq!(e.line, line_of("field: value"));
    assert!(
        e.message(Lang::Zh).contains("value（数值）"),
        "{}",
        e.message(Lang::Zh)
    );
}

#[test]
fn keys_read_as_factor_or_category_names() {
    let c = catalog();
    assert_eq!(key_label(&c, "power.capacity", Lang::Zh), "可新增供电容量");
    let category = c.category(c.factor(c.find_factor("power.capacity").expect("f")).category);
    assert_eq!(key_label(&c, &category.id, Lang::En), category.name.en);
    assert_eq!(key_label(&c, "power", Lang::Zh), "power");
    assert_eq!(key_label(&c, "gone.factor", Lang::Zh), "gone.factor");
    for field in Field::OF_ENTRY.into_iter().chain([Field::DefaultOwner]) {
        assert_ne!(field.label(Lang::Zh), field.label(Lang::En));
        let code = ron::to_string(&field).expect("serializes");
        assert_eq!(code, field.code(), "the file's name is the code scripts read");
    }
    assert_eq!(How::Editor.label(Lang::Zh), "编辑器");
    assert_eq!(How::Import.code(), "import");
}

#[test]
fn changes_read_as_a_reader_reads_them() {
    let change = |field, old: Option<&str>, new: Option<&str>| Change {
        key: "land.largest_parcel".into(),
        field,
        old: old.map(str::to_owned),
        new: new.map(str::to_owned),
    };
    let mark = change(Field::Illustrative, Some("true"), None);
    assert_eq!(mark.old_to_new(Lang::Zh), "是 → 否");
    assert_eq!(mark.old_to_new(Lang::En), "yes → no");
    let value = change(Field::Value, None, Some("650 mu"));
    assert_eq!(value.old_to_new(Lang::Zh), "（无） → 650 mu");
    assert_eq!(value.old_to_new(Lang::En), "(none) → 650 mu");
}
