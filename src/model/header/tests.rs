use super::*;

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn idx(c: &Catalog, id: &str) -> FactorIdx {
    c.find_factor(id).expect(id)
}

fn unit(c: &Catalog, id: &str, exp: i32) -> Option<HeaderUnit> {
    let unit = (0..200)
        .filter_map(UnitIdx::from_index)
        .find(|u| c.unit(*u).id == id)
        .expect(id);
    Some(HeaderUnit { unit, exp })
}

fn read(c: &Catalog, header: &str) -> HeaderMatch {
    match_header(c, header).unwrap_or_else(|e| panic!("{header}: {e}"))
}

#[test]
fn every_name_and_alias_reads_as_its_own_factor() {
    let c = catalog();
    let mut aliases = 0;
    for (i, f) in c.factors() {
        for name in [&f.name.zh, &f.name.en].into_iter().chain(&f.aliases) {
            let m = read(&c, name);
            assert_eq!((m.factor, m.unit, m.remark), (i, None, None), "{name}");
        }
        aliases += f.aliases.len();
        assert!(!f.aliases.is_empty(), "{} has no aliases", f.id);
    }
    assert!(aliases >= 3 * c.len(), "{aliases}");
}

#[test]
fn headers_from_provinces_tables_read_with_their_units() {
    let c = catalog();
    let land = idx(&c, "land.industrial_area");
    let m = read(&c, "可供工业用地面积（亩）");
    assert_eq!((m.factor, m.unit), (land, unit(&c, "mu", 0)));
    let m = read(&c, "可供工业用地面积(万平方米)");
    assert_eq!((m.factor, m.unit), (land, unit(&c, "wan_m2", 0)));
    let m = read(&c, "储备工业用地（万亩）");
    assert_eq!((m.factor, m.unit), (land, unit(&c, "mu", 4)));
    let m = read(&c, "供电容量/MW");
    assert_eq!((m.factor, m.unit), (idx(&c, "power.capacity"), unit(&c, "mw", 0)));
    let m = read(&c, "剩余供电容量（万千瓦）");
    assert_eq!((m.factor, m.unit), (idx(&c, "power.capacity"), unit(&c, "kw", 4)));
    let m = read(&c, "可新增供水能力（吨/日）");
    assert_eq!(
        (m.factor, m.unit),
        (idx(&c, "water.supply"), unit(&c, "t_per_d", 0))
    );
    let m = read(&c, "已完成区域评估");
    assert_eq!((m.factor, m.unit), (idx(&c, "policy.regional_assessments"), None));
    let m = read(&c, "Spare power capacity (kW)");
    assert_eq!((m.factor, m.unit), (idx(&c, "power.capacity"), unit(&c, "kw", 0)));
}

#[test]
fn full_width_forms_and_spaces_do_not_matter() {
    let c = catalog();
    let m = read(&c, " 可供工业用地面积　（　亩　） ");
    assert_eq!(m.unit, unit(&c, "mu", 0));
    let m = read(&c, "供电容量／ＭＷ");
    assert_eq!((m.factor, m.unit), (idx(&c, "power.capacity"), unit(&c, "mw", 0)));
    assert_eq!(
        read(&c, "可 供 工 业 用 地").factor,
        idx(&c, "land.industrial_area")
    );
}

#[test]
fn a_name_with_parentheses_is_read_whole_before_a_unit_is_looked_for() {
    let c = catalog();
    let standard = idx(&c, "land.standard_land");
    let m = read(&c, "标准地(净地)出让");
    assert_eq!((m.factor, m.unit, m.remark), (standard, None, None));
    let m = read(&c, "标准地（净地）出让");
    assert_eq!((m.factor, m.remark), (standard, None));
    // A remark on a yes/no column is kept for the review, not taken for a unit.
    let m = read(&c, "标准地(净地)出让（是/否）");
    assert_eq!((m.factor, m.remark.as_deref()), (standard, Some("是/否")));
    let m = read(&c, "审批时限(立项至竣工验收)（个工作日）");
    assert_eq!(
        (m.factor, m.unit),
        (idx(&c, "service.approval_days"), unit(&c, "working_days", 0))
    );
}

#[test]
fn a_unit_the_factor_does_not_take_is_an_error_of_the_header() {
    let c = catalog();
    let e = match_header(&c, "供电容量（亩）").expect_err("mu for power");
    let HeaderProblem::UnitNotAllowed { factor, unit, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((factor.id.as_str(), unit.id.as_str()), ("power.capacity", "mu"));
    assert_eq!(
        e.text(Lang::Zh),
        "表头“供电容量（亩）”：“可新增供电容量”不能以“亩”计，可用：兆瓦、千瓦"
    );
    assert_eq!(
        e.to_string(),
        "header `供电容量（亩）`: Spare power capacity (`power.capacity`) is not counted in mu; use MW or kW"
    );
    let e = match_header(&c, "可供工业用地面积（平方公里）").expect_err("unknown unit");
    assert!(
        matches!(&e, HeaderProblem::UnknownUnit { unit, .. } if unit == "平方公里"),
        "{e:?}"
    );
    assert!(
        e.text(Lang::Zh).contains("“平方公里”不是"),
        "{}",
        e.text(Lang::Zh)
    );
    let e = match_header(&c, "双回路供电（MW）").expect_err("unit on yes/no");
    assert!(matches!(e, HeaderProblem::TakesNoUnit { .. }), "{e:?}");
    assert!(
        e.text(Lang::Zh).contains("不能带单位“兆瓦”"),
        "{}",
        e.text(Lang::Zh)
    );
}

#[test]
fn a_header_that_names_no_factor_says_so_with_a_close_name() {
    let c = catalog();
    let e = match_header(&c, "可供工业用地面机（亩）").expect_err("typo");
    let HeaderProblem::UnknownName { suggestion, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        suggestion.as_ref().map(|s| s.id.as_str()),
        Some("land.industrial_area")
    );
    assert_eq!(
        e.text(Lang::Zh),
        "表头“可供工业用地面机（亩）”不是已知要素的名称或别名；是否指“可供工业用地面积”？"
    );
    let e = match_header(&c, "开发区名称").expect_err("zone column");
    assert!(matches!(e, HeaderProblem::UnknownName { .. }), "{e:?}");
    assert!(e.to_string().starts_with("header `开发区名称` is not"), "{e}");
    assert_eq!(match_header(&c, "  "), Err(HeaderProblem::Empty));
    // A name is only the start of a longer word: not that factor.
    assert!(match_header(&c, "供电容量合计").is_err());
}
