//! The built-in catalog's contents, unit conversions, and broken catalogs refused with the
//! line of the problem.

use super::check::converts_exactly;
use super::*;
use crate::model::text::Localize;
use rust_decimal_macros::dec;

fn builtin() -> Catalog {
    Catalog::builtin().expect("the built-in catalog parses")
}

#[test]
fn builtin_catalog_holds_the_31_factors_in_4_categories() {
    let c = builtin();
    assert_eq!(c.len(), 31);
    assert_eq!(c.categories().len(), 4);
    let must: Vec<&str> = c
        .factors()
        .filter(|(_, f)| f.importance == Importance::Must)
        .map(|(_, f)| f.id.as_str())
        .collect();
    assert_eq!(
        must,
        [
            "land.industrial_area",
            "power.capacity",
            "water.supply",
            "policy.industry",
            "quota.energy"
        ]
    );
    let assessments = c.factor(c.find_factor("policy.regional_assessments").expect("factor"));
    let Kind::Set(v) = assessments.kind else {
        panic!("a set factor")
    };
    assert_eq!(c.vocabulary(v).members.len(), 13);
    assert_eq!(c.industries().members.len(), 97);
    assert_eq!(
        c.industries()
            .label(c.industries().find("C38").expect("C38"), Lang::Zh),
        "C38 电气机械和器材制造业"
    );
}

#[test]
fn land_units_convert_exactly_into_mu() {
    let c = builtin();
    let f = c.factor(c.find_factor("land.industrial_area").expect("factor"));
    let m = f.kind.measure().expect("quantity");
    let unit = |id| c.find_unit(id, &m.units).expect("unit");
    assert_eq!(c.convert(dec!(10000), unit("m2"), m.unit), Some(dec!(15)));
    assert_eq!(c.convert(dec!(1), unit("ha"), m.unit), Some(dec!(15)));
    assert_eq!(c.convert(dec!(1), unit("acre"), m.unit), Some(dec!(6.0702846336)));
    assert_eq!(c.convert(dec!(515), unit("亩"), m.unit), Some(dec!(515)));
    assert_eq!(c.find_unit("m²", &m.units), Some(unit("m2")));
    assert_eq!(c.find_unit("MW", &m.units), None);
}

#[test]
fn exact_conversion_is_decided_on_the_rational_value() {
    assert!(converts_exactly(dec!(0.0015), dec!(1)));
    assert!(converts_exactly(dec!(6.0702846336), dec!(0.0015)));
    assert!(!converts_exactly(dec!(1), dec!(0.0015)));
    assert!(!converts_exactly(dec!(1), dec!(3)));
}

fn with_factor(factor: &str) -> String {
    BUILTIN.replacen(
        "    factors: [\n",
        &format!("    factors: [\n        {factor}\n"),
        1,
    )
}

#[test]
fn a_factor_added_to_the_file_is_in_the_catalog() {
    let text = with_factor(
        r#"(id: "land.rent", category: "land", zh: "厂房租金", en: "Factory rent", kind: AtMost(unit: "wan_yuan_per_mu"), importance: Low),"#,
    );
    let c = Catalog::parse(&text).expect("parses");
    assert_eq!(c.len(), 32);
    assert_eq!(
        c.factor(c.find_factor("land.rent").expect("new factor")).name.en,
        "Factory rent"
    );
}

#[test]
fn checks_reject_broken_catalogs_with_the_line() {
    let cases = [
        (
            with_factor(
                r#"(id: "land.industrial_area", category: "land", zh: "x", en: "x", kind: YesNo, importance: Low),"#,
            ),
            "factor id `land.industrial_area` appears twice",
        ),
        (
            with_factor(
                r#"(id: "x.lvl", category: "land", zh: "x", en: "x", kind: Level([]), importance: Low),"#,
            ),
            "the level list is empty",
        ),
        (
            with_factor(
                r#"(id: "x.u", category: "land", zh: "x", en: "x", kind: AtLeast(unit: "furlong"), importance: Low),"#,
            ),
            "unit `furlong` is not defined",
        ),
        (
            with_factor(
                r#"(id: "x.m", category: "land", zh: "x", en: "x", kind: AtLeast(unit: "m2", also: ["mu"]), importance: Low),"#,
            ),
            "`mu` does not convert exactly into `m2`",
        ),
        (
            with_factor(
                r#"(id: "x.d", category: "land", zh: "x", en: "x", kind: AtLeast(unit: "mu", also: ["mw"]), importance: Low),"#,
            ),
            "unit `mw` measures power",
        ),
        (
            with_factor(
                r#"(id: "x.c", category: "nowhere", zh: "x", en: "x", kind: YesNo, importance: Low),"#,
            ),
            "category `nowhere` is not one of",
        ),
        (
            with_factor(
                r#"(id: "x.t", category: "land", zh: "x", en: "x", kind: AtMost(unit: "km", tolerance: 1.5), importance: Low),"#,
            ),
            "`tolerance`: must be above 0 and at most 1",
        ),
    ];
    for (text, expected) in cases {
        let e = Catalog::parse(&text).expect_err(expected);
        assert!(e.to_string().contains(expected), "{e}");
        assert!(e.line > 10, "the line points into the factor list: {e}");
    }
}

/// A factor whose level names, or unit names, come to more than a spreadsheet drop-down holds
/// is refused when the catalog is read, naming the factor in either language, rather than when
/// a survey is written; names that just fit load, and the bundled catalog's all fit.
#[test]
fn choices_longer_than_a_drop_down_holds_are_refused_at_parse() {
    use crate::model::Localize;
    use crate::model::error::Problem;
    // 16 names of 15 characters and 15 commas: 255, the most a drop-down holds.
    let levels = |width: usize| {
        (0..16)
            .map(|i| {
                format!(
                    r#"(id: "l{i}", zh: "{}", en: "x")"#,
                    format!("{i:02}").repeat(width / 2) + &"级".repeat(width % 2)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let factor = |width| {
        with_factor(&format!(
            r#"(id: "x.long", category: "land", zh: "长名等级", en: "Long levels", kind: Level([{}]), importance: Low),"#,
            levels(width)
        ))
    };
    let fits = Catalog::parse(&factor(15)).expect("255 characters fit");
    let Kind::Level(l) = &fits.factor(fits.find_factor("x.long").expect("factor")).kind else {
        panic!("a level factor")
    };
    assert_eq!(drop_down_length(l.iter().map(|l| l.name.zh.as_str())), 255);

    let e = Catalog::parse(&factor(16)).expect_err("271 characters do not fit");
    assert!(e.line > 10, "the line points into the factor list: {e}");
    let Problem::Catalog(p) = &e.problem else {
        panic!("a catalog problem: {e}")
    };
    assert_eq!(
        **p,
        crate::model::error::CatalogProblem::ChoicesTooLong {
            factor: crate::model::error::Named::new("x.long", Text::new("长名等级", "Long levels")),
            kind: crate::model::error::IdKind::Level,
            length: 271,
            max: 255,
        }
    );
    let zh = e.text(Lang::Zh);
    assert!(
        zh.contains("长名等级") && zh.contains("271") && zh.contains("下拉列表"),
        "{zh}"
    );
    let en = e.text(Lang::En);
    assert!(
        en.contains("Long levels") && en.contains("drop-down holds (255)"),
        "{en}"
    );

    let unit = BUILTIN.replacen(
        "    units: [\n",
        &format!(
            "    units: [\n        (id: \"big_mu\", zh: \"{}\", en: \"big mu\", dimension: \"area\", scale: 666.6),\n",
            "亩".repeat(300)
        ),
        1,
    );
    let unit = unit.replacen(
        "    factors: [\n",
        "    factors: [\n        (id: \"x.area\", category: \"land\", zh: \"大亩面积\", en: \"Area\", kind: AtLeast(unit: \"big_mu\"), importance: Low),\n",
        1,
    );
    let e = Catalog::parse(&unit).expect_err("a unit name of 300 characters does not fit");
    assert!(e.text(Lang::Zh).contains("大亩面积"), "{e}");
    assert!(e.to_string().contains("units come to 300 characters"), "{e}");

    // The bundled catalog loads, and every drop-down it gives the survey fits.
    let c = builtin();
    for (_, f) in c.factors() {
        let names: Vec<&str> = match &f.kind {
            Kind::Level(l) => l.iter().map(|l| l.name.zh.as_str()).collect(),
            Kind::AtLeast(m) | Kind::AtMost(m) => {
                m.units.iter().map(|u| c.unit(*u).name.zh.as_str()).collect()
            }
            _ => continue,
        };
        assert!(drop_down_length(names) <= DROP_DOWN_MAX, "{}", f.id);
    }
}

#[test]
fn a_choice_name_with_a_comma_is_refused_at_parse() {
    use crate::model::text::Localize;
    let level = with_factor(
        r#"(id: "x.grade", category: "land", zh: "等级", en: "Grade", kind: Level([(id: "a", zh: "一级,甲等", en: "A"), (id: "b", zh: "二级", en: "B")]), importance: Low),"#,
    );
    let e = Catalog::parse(&level).expect_err("a comma splits the drop-down");
    let zh = e.text(Lang::Zh);
    assert!(zh.contains("“一级,甲等”含有英文逗号"), "{zh}");
    assert!(e.to_string().contains("has a comma"), "{e}");
    // A full-width comma is text, not a separator.
    let fine = level.replace("一级,甲等", "一级，甲等");
    Catalog::parse(&fine).expect("a full-width comma is fine");
}

#[test]
fn malformed_catalog_text_gives_the_position() {
    let e = Catalog::parse("Catalog(\n  units: [,\n").expect_err("bad");
    assert_eq!(e.line, 2);
}

#[test]
fn suggests_the_closest_factor_id() {
    let c = builtin();
    assert_eq!(
        c.suggest_factor("land.industrail_area"),
        Some("land.industrial_area")
    );
    assert_eq!(c.suggest_factor("completely.different"), None);
}

#[test]
fn a_word_whose_length_rules_out_every_name_gets_no_suggestion() {
    let names = ["water.supply", "power.capacity", "供电容量"];
    assert_eq!(closest("water.suply", names.into_iter()), Some("water.supply"));
    assert_eq!(closest("供电容", names.into_iter()), Some("供电容量"));
    // Within the typo distance by length, and not by letters.
    assert_eq!(closest("xxxxxxxxxxxx", names.into_iter()), None);
    // A header of a sheet's longest text is not measured against the names at all.
    assert_eq!(closest(&"供".repeat(32_767), names.into_iter()), None);
    assert_eq!(closest("", names.into_iter()), None);
}

#[test]
fn freshness_periods_come_from_the_factor_or_the_default_and_must_be_sensible() {
    use crate::model::text::Localize;
    let c = builtin();
    let days = |id: &str| c.factor(c.find_factor(id).expect("factor")).fresh_days;
    assert_eq!(days("power.capacity"), 180);
    assert_eq!(days("policy.regional_assessments"), 730);
    assert_eq!(days("land.price"), 365, "the default");
    let zero = with_factor(
        r#"(id: "x.new", category: "land", zh: "新要素", en: "New", kind: YesNo, importance: Low, fresh_days: 0),"#,
    );
    let e = Catalog::parse(&zero).expect_err("a period of no days");
    assert!(e.text(Lang::Zh).contains("更新周期须为 1 至 36500 天"), "{e}");
    assert!(e.line > 10, "at the factor: {e}");
    let default = BUILTIN.replacen("default_fresh_days: 365", "default_fresh_days: 40000", 1);
    let e = Catalog::parse(&default).expect_err("over a century");
    assert!(
        e.to_string()
            .contains("`default_fresh_days`: must be 1 to 36 500 days, not 40000"),
        "{e}"
    );
}

/// Two factors that share a name or an alias (compared as headers are: width, spaces and case
/// aside) are refused at load, naming both, in either language; so is an empty alias. The
/// bundled catalog's aliases are all distinct.
#[test]
fn an_alias_shared_by_two_factors_is_refused_at_load() {
    let shared = BUILTIN.replacen(r#""绿电指标","#, r#""绿电指标", "供电容量","#, 1);
    assert_ne!(shared, BUILTIN);
    let e = Catalog::parse(&shared).expect_err("shared alias");
    assert_eq!(
        e.problem,
        crate::model::Problem::Catalog(Box::new(crate::model::error::CatalogProblem::SharedAlias {
            alias: "供电容量".into(),
            first: builtin()
                .factor(builtin().find_factor("power.capacity").expect("power"))
                .named(),
            second: builtin()
                .factor(builtin().find_factor("power.green_quota").expect("green"))
                .named(),
        }))
    );
    assert!(
        e.text(Lang::Zh)
            .contains("名称“供电容量”同时属于要素“可新增供电容量”和“新能源(绿电)指标”"),
        "{}",
        e.text(Lang::Zh)
    );
    assert!(
        e.to_string().contains(
            "the name `供电容量` belongs to both factor Spare power capacity (`power.capacity`) and factor"
        ),
        "{e}"
    );
    let at = BUILTIN.find(r#""power.green_quota""#).expect("green quota");
    assert_eq!(e.line, BUILTIN[..at].lines().count(), "{e}");
    // Another factor's own name, written full-width and spaced, is the same name.
    let own_name = with_factor(
        r#"(id: "x.a", category: "land", zh: "x", en: "x", aliases: ["可供 工业用地 面积"], kind: YesNo, importance: Low),"#,
    );
    let e = Catalog::parse(&own_name).expect_err("another factor's name");
    assert!(
        e.to_string()
            .contains("the name `可供工业用地面积` belongs to both"),
        "{e}"
    );
    let empty = with_factor(
        r#"(id: "x.e", category: "land", zh: "x", en: "x", aliases: ["  "], kind: YesNo, importance: Low),"#,
    );
    let e = Catalog::parse(&empty).expect_err("empty alias");
    assert!(
        e.to_string()
            .contains("factor x (`x.e`): an alias in `aliases` is empty"),
        "{e}"
    );
    // A factor's alias may repeat its own name.
    let own = with_factor(
        r#"(id: "x.o", category: "land", zh: "厂房租金", en: "Rent", aliases: ["厂房租金", "租金"], kind: YesNo, importance: Low),"#,
    );
    assert!(Catalog::parse(&own).is_ok());
}

/// A message's word names one factor: a keyword that is another factor's keyword or name is
/// refused, and so is a time-base keyword naming a unit the factor does not take.
#[test]
fn message_words_name_one_factor_each() {
    let shared = with_factor(
        r#"(id: "x.k", category: "land", zh: "x", en: "x", keywords: ["用电负荷"], kind: YesNo, importance: Low),"#,
    );
    let e = Catalog::parse(&shared).expect_err("a keyword of power.capacity");
    assert!(e.to_string().contains("`用电负荷` belongs to both"), "{e}");
    let timed = with_factor(
        r#"(id: "x.t", category: "land", zh: "x", en: "x", keyword_units: {"日产量": "mw"}, kind: AtLeast(unit: "mu"), importance: Low),"#,
    );
    let e = Catalog::parse(&timed).expect_err("a unit the factor does not take");
    assert!(e.to_string().contains("keyword `日产量` names unit `mw`"), "{e}");
    let catalog = builtin();
    let water = catalog.find_factor("water.supply").expect("factor");
    assert!(
        catalog
            .factor(water)
            .keyword_units
            .iter()
            .any(|(k, u)| k == "日用水量" && catalog.unit(*u).id == "t_per_d")
    );
    assert!(!catalog.inquiry().foreign_units.is_empty() && !catalog.inquiry().must.is_empty());
}
