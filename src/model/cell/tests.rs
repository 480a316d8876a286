use super::*;
use crate::model::catalog::UnitIdx;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn factor<'a>(c: &'a Catalog, id: &str) -> &'a Factor {
    c.factor(c.find_factor(id).expect(id))
}

fn unit(c: &Catalog, id: &str) -> UnitIdx {
    (0..200)
        .filter_map(UnitIdx::from_index)
        .find(|u| c.unit(*u).id == id)
        .expect(id)
}

fn header(c: &Catalog, id: &str, exp: i32) -> Option<HeaderUnit> {
    Some(HeaderUnit {
        unit: unit(c, id),
        exp,
    })
}

/// The value a cell reads as, with no note.
fn value(c: &Catalog, f: &str, h: Option<HeaderUnit>, text: &str) -> Value {
    match read_cell(c, factor(c, f), h, text) {
        Ok(Some(CellValue::Value { value, note: None })) => value,
        other => panic!("{text}: {other:?}"),
    }
}

/// The amount and unit id a cell reads as.
fn amount(c: &Catalog, f: &str, h: Option<HeaderUnit>, text: &str) -> (Decimal, String, Decimal) {
    match value(c, f, h, text) {
        Value::Amount(q) => (q.amount(), c.unit(q.unit()).id.clone(), q.canonical()),
        other => panic!("{text}: {other:?}"),
    }
}

fn problem(c: &Catalog, f: &str, h: Option<HeaderUnit>, text: &str) -> CellProblem {
    read_cell(c, factor(c, f), h, text).expect_err(text)
}

#[test]
fn amounts_read_with_the_unit_of_the_cell_or_the_header() {
    let c = catalog();
    let land = "land.industrial_area";
    let mu = header(&c, "mu", 0);
    assert_eq!(
        amount(&c, land, mu, "1677"),
        (dec!(1677), "mu".into(), dec!(1677))
    );
    assert_eq!(
        amount(&c, land, None, "1677亩"),
        (dec!(1677), "mu".into(), dec!(1677))
    );
    // The cell's own unit wins over the header's.
    assert_eq!(
        amount(&c, land, mu, "13.4万平方米"),
        (dec!(13.4), "wan_m2".into(), dec!(201))
    );
    assert_eq!(
        amount(&c, land, None, "１６７７ 亩"),
        (dec!(1677), "mu".into(), dec!(1677))
    );
    // 万 after a number multiplies the header's unit; a header in 万亩 multiplies bare numbers.
    assert_eq!(
        amount(&c, land, mu, "1.2万"),
        (dec!(12000), "mu".into(), dec!(12000))
    );
    assert_eq!(
        amount(&c, land, header(&c, "mu", 4), "0.15"),
        (dec!(1500), "mu".into(), dec!(1500))
    );
    assert_eq!(
        amount(&c, "power.capacity", None, "3万千瓦"),
        (dec!(30000), "kw".into(), dec!(30))
    );
    assert_eq!(
        amount(&c, "power.capacity", header(&c, "mw", 0), "120"),
        (dec!(120), "mw".into(), dec!(120))
    );
}

#[test]
fn an_amount_without_a_unit_where_the_header_gives_none_is_an_error() {
    let c = catalog();
    let e = problem(&c, "land.industrial_area", None, "1677");
    assert!(
        matches!(&e, CellProblem::NoUnit { text, .. } if text == "1677"),
        "{e:?}"
    );
    assert_eq!(
        e.text(Lang::Zh),
        "“1677”没有单位，表头也未注明单位；请写明单位：亩、平方米、万平方米、公顷、英亩"
    );
    assert!(e.to_string().starts_with("`1677` has no unit"), "{e}");
    // A bare 万 with no unit in the header is no unit either.
    assert!(matches!(
        problem(&c, "land.industrial_area", None, "1.2万"),
        CellProblem::UnitWord { .. }
    ));
}

#[test]
fn amounts_in_a_unit_the_factor_does_not_take_or_no_unit_at_all_are_refused() {
    let c = catalog();
    let e = problem(&c, "land.industrial_area", None, "5MW");
    assert!(
        matches!(&e, CellProblem::UnitWord { given, .. } if given == "MW"),
        "{e:?}"
    );
    assert!(
        e.text(Lang::Zh).contains("“MW”不是此项可用的单位"),
        "{}",
        e.text(Lang::Zh)
    );
    assert!(matches!(
        problem(&c, "land.industrial_area", None, "约300亩"),
        CellProblem::Value(ValueError::Number(_))
    ));
    assert!(matches!(
        problem(&c, "land.industrial_area", header(&c, "mu", 0), "-5"),
        CellProblem::Value(ValueError::Negative(_))
    ));
    let e = problem(&c, "land.industrial_area", None, "有");
    assert!(matches!(e, CellProblem::WrongKind { .. }), "{e:?}");
    assert!(
        e.text(Lang::Zh).starts_with("此列应填数量，以亩"),
        "{}",
        e.text(Lang::Zh)
    );
}

#[test]
fn yes_and_no_read_in_the_words_tables_use() {
    let c = catalog();
    let dual = "power.dual_supply";
    for yes in ["是", "有", " 具备 ", "YES", "√"] {
        assert_eq!(value(&c, dual, None, yes), Value::YesNo(YesNo::Yes), "{yes}");
    }
    for no in ["否", "无", "没有", "no", "×"] {
        assert_eq!(value(&c, dual, None, no), Value::YesNo(YesNo::No), "{no}");
    }
    let e = problem(&c, dual, None, "正在建设");
    assert!(matches!(e, CellProblem::NotYesNo { .. }), "{e:?}");
    assert!(
        e.text(Lang::Zh).contains("不是“是”“否”或计划日期"),
        "{}",
        e.text(Lang::Zh)
    );
}

#[test]
fn a_planned_date_is_a_plan_and_a_month_alone_is_its_last_day() {
    let c = catalog();
    let f = factor(&c, "land.standard_land");
    let day = |y, m, d| Date::new(y, m, d).expect("date");
    let planned = |text: &str| match read_cell(&c, f, None, text) {
        Ok(Some(CellValue::Value {
            value: Value::YesNo(YesNo::Planned(d)),
            note,
        })) => (d, note),
        other => panic!("{text}: {other:?}"),
    };
    let (d, note) = planned("2025年6月底前建成");
    assert_eq!(d, day(2025, 6, 30));
    let note = note.expect("month only");
    assert_eq!(
        note.text(Lang::Zh),
        "“2025年6月底前建成”只写到月份，按该月最后一天 2025-06-30 计"
    );
    assert_eq!(
        note.text(Lang::En),
        "`2025年6月底前建成` gives a month only; read as its last day, 2025-06-30"
    );
    assert_eq!(planned("2025年6月前").0, day(2025, 6, 30));
    assert_eq!(planned("2024年2月").0, day(2024, 2, 29));
    assert_eq!(planned("计划2025-06-30"), (day(2025, 6, 30), None));
    assert_eq!(planned("预计２０２５年９月１５日完成"), (day(2025, 9, 15), None));
    assert_eq!(planned("2025/6").0, day(2025, 6, 30));
    let (d, note) = planned("2026年底");
    assert_eq!(d, day(2026, 12, 31));
    assert!(matches!(note, Some(DateReading::YearEnd { .. })));
    // A plan whose date has passed is stored as written (it scores as overdue).
    assert_eq!(planned("2020年3月前").0, day(2020, 3, 31));
    assert!(matches!(
        read_cell(&c, f, None, "2025年13月前"),
        Err(CellProblem::Value(ValueError::NoSuchDay { .. }))
    ));
    assert!(matches!(
        read_cell(&c, f, None, "2019年已建成"),
        Err(CellProblem::DoneWithDate { .. })
    ));
    assert!(matches!(
        read_cell(&c, f, None, "1677"),
        Err(CellProblem::NotYesNo { .. })
    ));
}

#[test]
fn levels_read_by_their_names() {
    let c = catalog();
    assert_eq!(
        value(&c, "land.servicing_level", None, "七通一平"),
        Value::Level(2)
    );
    assert_eq!(value(&c, "power.voltage", None, "110kV"), Value::Level(2));
    assert_eq!(value(&c, "power.voltage", None, "２２０千伏"), Value::Level(3));
    let e = problem(&c, "land.servicing_level", None, "六通一平");
    assert!(
        matches!(e, CellProblem::Value(ValueError::UnknownLevel { .. })),
        "{e:?}"
    );
    let e = problem(&c, "land.servicing_level", None, "是");
    assert!(matches!(e, CellProblem::WrongKind { .. }), "{e:?}");
}

#[test]
fn sets_read_as_lists_of_names_and_keywords() {
    let c = catalog();
    let ra = "policy.regional_assessments";
    let Kind::Set(v) = factor(&c, ra).kind else {
        panic!("set")
    };
    let id = |m: &str| c.vocabulary(v).find(m).expect(m);
    let mut want = vec![id("environment"), id("energy"), id("mineral_overlay")];
    want.sort_unstable();
    assert_eq!(
        value(&c, ra, None, "环评、能评、压覆矿"),
        Value::Set(want.clone())
    );
    assert_eq!(
        value(&c, ra, None, "规划环评，节能评价; 压覆矿产资源"),
        Value::Set(want.clone())
    );
    assert_eq!(
        value(&c, ra, None, "environment / energy  压矿"),
        Value::Set(want)
    );
    assert_eq!(
        value(&c, "policy.industry", None, "C38、c39"),
        Value::Set(vec![
            c.industries().find("C38").expect("C38"),
            c.industries().find("C39").expect("C39")
        ])
    );
    let e = problem(&c, ra, None, "环评、水电");
    assert!(
        matches!(&e, CellProblem::Value(ValueError::UnknownMember { given, .. }) if given == "水电"),
        "{e:?}"
    );
    // A keyword of two divisions is not taken for either.
    let e = problem(&c, "policy.industry", None, "steel");
    let CellProblem::AmbiguousMember { members, .. } = &e else {
        panic!("{e:?}")
    };
    assert!(members.len() >= 2, "{members:?}");
    assert!(e.text(Lang::Zh).contains("请写明全称"), "{}", e.text(Lang::Zh));
}

#[test]
fn yes_under_a_set_is_an_error_with_the_reason_not_a_guess() {
    let c = catalog();
    for text in ["是", "无"] {
        let e = problem(&c, "policy.regional_assessments", None, text);
        assert!(matches!(e, CellProblem::WrongKind { .. }), "{e:?}");
        assert_eq!(
            e.text(Lang::Zh),
            format!("此列应填区域评估名称的列表（如 环评、能评），不能填“{text}”")
        );
        assert!(
            e.to_string()
                .starts_with("this column takes a list of Regional assessments by name"),
            "{e}"
        );
    }
}

#[test]
fn a_blank_cell_changes_nothing_and_unknown_clears() {
    let c = catalog();
    for (f, h) in [
        ("land.industrial_area", header(&c, "mu", 0)),
        ("power.dual_supply", None),
        ("land.servicing_level", None),
        ("policy.regional_assessments", None),
    ] {
        assert_eq!(read_cell(&c, factor(&c, f), h, ""), Ok(None), "{f}");
        assert_eq!(read_cell(&c, factor(&c, f), h, " \u{3000} "), Ok(None), "{f}");
        for unknown in ["未知", "Unknown", " 不详 "] {
            assert_eq!(
                read_cell(&c, factor(&c, f), h, unknown),
                Ok(Some(CellValue::Clear)),
                "{f} {unknown}"
            );
        }
    }
}

#[test]
fn every_problem_reads_in_both_languages() {
    let c = catalog();
    let problems = [
        problem(&c, "land.industrial_area", None, "1677"),
        problem(&c, "land.industrial_area", None, "5MW"),
        problem(&c, "land.industrial_area", None, "abc"),
        problem(&c, "power.dual_supply", None, "在建"),
        problem(&c, "power.dual_supply", None, "2019年已建成"),
        problem(&c, "land.servicing_level", None, "是"),
        problem(&c, "land.industrial_area", None, "是"),
        problem(&c, "policy.industry", None, "steel"),
    ];
    for p in &problems {
        let (zh, en) = (p.text(Lang::Zh), p.text(Lang::En));
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{p:?}");
        assert!(!en.contains('“'), "{en}");
    }
}

/// What a reader of a stranger's table must survive: any text in any column reads or is
/// refused with a reason, never a panic; an amount read is one the factor takes and its
/// file text reads back to itself; any header is matched or refused.
mod hostile {
    use super::*;
    use crate::model::header::match_header;
    use crate::model::value::parse_quantity;
    use proptest::prelude::*;

    fn cell_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[0-9０-９.,，万亿亩年月日底前计划是否无、 ()（）/-]{0,24}",
            "[0-9]{1,40}(亩|万平方米|MW|万千瓦|吨/日)?",
            "(19|20|99)[0-9]{2}(年|-|/)[0-9]{1,3}(月|-|/)?[0-9]{0,3}(日|号)?(前|底前建成)?",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_cell_reads_or_is_refused_in_words(text in cell_text(), exp in -8i32..9) {
            let c = catalog();
            for (_, f) in c.factors() {
                let h = f.kind.measure().map(|m| HeaderUnit { unit: m.unit, exp });
                for h in [None, h] {
                    match read_cell(&c, f, h, &text) {
                        Ok(Some(CellValue::Value { value, .. })) => {
                            prop_assert!(value.fits(f), "{text}: {value:?}");
                            if let (Value::Amount(q), Some(m)) = (&value, f.kind.measure()) {
                                let back = parse_quantity(&c, m, &q.file_text(&c));
                                prop_assert_eq!(back.as_ref(), Ok(q), "{}", text);
                            }
                        }
                        Ok(_) => {}
                        Err(e) => prop_assert!(!e.text(Lang::Zh).is_empty() && !e.to_string().is_empty()),
                    }
                }
            }
        }

        #[test]
        fn any_header_is_matched_or_refused_in_words(text in cell_text()) {
            let c = catalog();
            if let Err(e) = match_header(&c, &text) {
                prop_assert!(!e.text(Lang::Zh).is_empty() && !e.to_string().is_empty());
            }
        }
    }
}

#[test]
fn a_member_whose_name_holds_the_separator_is_read_whole() {
    let c = catalog();
    let industry = "policy.industry";
    let v = c.industries();
    let id = |code: &str| v.find(code).expect("a division");
    assert_eq!(
        value(&c, industry, None, "计算机、通信和其他电子设备制造业、汽车制造业"),
        Value::set(vec![id("C39"), id("C36")])
    );
    assert_eq!(
        value(
            &c,
            industry,
            None,
            "C38、铁路、船舶、航空航天和其他运输设备制造业"
        ),
        Value::set(vec![id("C38"), id("C37")])
    );
    // Parts that are no name together are still read one by one.
    assert_eq!(
        value(&c, industry, None, "C38 C39"),
        Value::set(vec![id("C38"), id("C39")])
    );
    assert!(matches!(
        problem(&c, industry, None, "铁路、水电"),
        CellProblem::Value(ValueError::UnknownMember { .. })
    ));
}
