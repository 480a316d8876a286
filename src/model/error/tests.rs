//! Every problem rendered in both languages, and RON errors told in words.

use super::syntax::rest_is_blank;
use super::testing::assert_renders;
use super::*;
use crate::model::Catalog;
use crate::model::number::NumberError;
use crate::model::parse::{self, FileKind};

#[test]
fn finds_line_and_column() {
    let text = "a\nbc 亩x\n";
    assert_eq!(line_column(text, 0), (1, 1));
    assert_eq!(line_column(text, 2), (2, 1));
    let x = text.find('x').unwrap_or_default();
    assert_eq!(line_column(text, x), (2, 5));
    assert_eq!(ParseError::at(text, "亩", Problem::EmptyName).column, 4);
}

fn catalog() -> Catalog {
    Catalog::builtin().expect("catalog")
}

fn factor(c: &Catalog, id: &str) -> Named {
    c.factor(c.find_factor(id).expect("factor")).named()
}

fn unit(c: &Catalog, id: &str) -> Named {
    let u = c.find_any_unit(id).expect("unit");
    c.unit(u).named()
}

/// One of each problem, with the catalog's own names where a problem names something.
fn every_problem(c: &Catalog) -> Vec<Problem> {
    let land = factor(c, "land.industrial_area");
    let levels: Vec<Named> = match &c.factor(c.find_factor("land.servicing_level").expect("f")).kind {
        crate::model::Kind::Level(l) => l.iter().map(|l| l.named()).collect(),
        _ => Vec::new(),
    };
    let assessments = match c
        .factor(c.find_factor("policy.regional_assessments").expect("f"))
        .kind
    {
        crate::model::Kind::Set(v) => c.vocabulary(v),
        _ => c.industries(),
    };
    let mut problems = vec![
        Problem::WrongFileKind {
            expected: FileKind::Profile,
            found: "Checklist".into(),
        },
        Problem::WrongFileKind {
            expected: FileKind::Checklist,
            found: "Frobnicate".into(),
        },
        Problem::UnknownField {
            given: "mayor".into(),
            allowed: ["name", "region", "as_of", "factors"]
                .into_iter()
                .map(Key::new)
                .collect(),
        },
        Problem::MissingField {
            field: Key::new("as_of"),
        },
        Problem::DuplicateField {
            field: Key::new("source"),
        },
        Problem::UnknownVariant {
            given: "Critical".into(),
            allowed: ["Must", "High", "Medium", "Low", "NotNeeded"]
                .into_iter()
                .map(Key::new)
                .collect(),
        },
        Problem::TooDeep { limit: 32 },
        Problem::BadZoneId { id: "bad id".into() },
        Problem::UnknownFactor {
            given: "power.capacty".into(),
            suggestion: Some(factor(c, "power.capacity")),
        },
        Problem::UnknownFactor {
            given: "nothing".into(),
            suggestion: None,
        },
        Problem::DuplicateFactor {
            factor: factor(c, "water.supply"),
        },
        Problem::UnknownOwnerKey { given: "powr".into() },
        Problem::EmptyName,
        Problem::BadTime {
            given: "2026-12-07 21:08".into(),
        },
        Problem::NotDecimal { given: "0x10".into() },
        Problem::MustNeedsHeader {
            factor: c.factor(c.find_factor("policy.industry").unwrap()).named(),
            field: crate::model::catalog::PlanField::Industry,
        },
        Problem::TooLong {
            limit: 2000,
            chars: 2_097_152,
        },
        Problem::NoSource,
        Problem::PlannedNotQuantity,
        Problem::RequiredNotYes,
        Problem::UnknownIndustry {
            given: "C3B".into(),
            suggestion: Some(
                c.industries()
                    .member_named(c.industries().find("C30").expect("C30")),
            ),
        },
    ];
    let syntax = [
        Syntax::MissingComma,
        Syntax::MissingColon,
        Syntax::Unclosed(Bracket::Paren),
        Syntax::Unclosed(Bracket::Square),
        Syntax::Unclosed(Bracket::Brace),
        Syntax::UnterminatedString,
        Syntax::UnclosedComment,
        Syntax::UnexpectedEnd,
        Syntax::TrailingText,
        Syntax::UnexpectedChar('@'),
        Syntax::BadEscape,
        Syntax::NumberOutOfRange,
        Syntax::BadDigit { digit: 'z', base: 10 },
        Syntax::MisplacedUnderscore,
        Syntax::NotUtf8,
        Syntax::BadName("9x".into()),
        Syntax::UnknownExtension("frob".into()),
        Syntax::Other("Formatting RON failed".into()),
    ];
    problems.extend(syntax.into_iter().map(Problem::Syntax));
    problems.extend(
        [
            Token::String,
            Token::Bool,
            Token::Integer,
            Token::Number,
            Token::Char,
            Token::List,
            Token::Map,
            Token::Struct,
            Token::Name,
            Token::Unit,
            Token::Option,
            Token::Bytes,
        ]
        .into_iter()
        .map(|t| Problem::Syntax(Syntax::Expected(t))),
    );
    let land_units = match &c.factor(c.find_factor("land.industrial_area").expect("f")).kind {
        crate::model::Kind::AtLeast(m) => crate::model::value::units_named(c, m),
        _ => Vec::new(),
    };
    let expected = [
        Expected::Names,
        Expected::Text,
        Expected::Date,
        Expected::Bool,
        Expected::Number,
        Expected::FactorMap,
        Expected::FactorId,
        Expected::Entry,
        Expected::Item,
        Expected::Quantity {
            units: land_units.clone(),
        },
        Expected::YesNo,
        Expected::Level {
            levels: levels.clone(),
        },
        Expected::Members {
            vocabulary: assessments.named(),
            example: assessments.member_named(2),
        },
        Expected::Importance,
        Expected::Stage,
        Expected::StageDates,
        Expected::Pipeline,
        Expected::Location,
        Expected::Owners,
        Expected::Planned,
        Expected::File(FileKind::Profile),
        Expected::File(FileKind::Checklist),
        Expected::File(FileKind::Catalog),
    ];
    problems.extend(
        expected
            .into_iter()
            .map(|expected| Problem::WrongType { expected }),
    );
    let values = [
        ValueError::Number(NumberError::Empty),
        ValueError::Number(NumberError::NotANumber("12a".into())),
        ValueError::Number(NumberError::OutOfRange("1e40".into())),
        ValueError::Negative("-300".into()),
        ValueError::UnitNotAllowed {
            given: "MW".into(),
            unit: unit(c, "mw"),
            allowed: land_units.clone(),
        },
        ValueError::UnknownUnit {
            text: "6 furlongs".into(),
            unit: "furlongs".into(),
            allowed: land_units.clone(),
        },
        ValueError::UnknownLevel {
            given: "eleven".into(),
            levels,
        },
        ValueError::UnknownMember {
            given: "siesmic".into(),
            vocabulary: assessments.named(),
            suggestion: Some(assessments.member_named(6)),
        },
        ValueError::EmptySet,
        ValueError::Implausible {
            amount: rust_decimal::Decimal::from(20_000_000_000_i64),
            unit: unit(c, "mu"),
            max: rust_decimal::Decimal::from(10_000_000),
            max_unit: unit(c, "mu"),
        },
        ValueError::NotADate {
            given: "31/12/2023".into(),
        },
        ValueError::NoSuchDay {
            given: "2025-02-30".into(),
        },
        ValueError::DateOutOfRange {
            given: "9999-12-31".into(),
        },
        ValueError::CoordinateOutOfRange {
            axis: "lat",
            given: "135.6".into(),
        },
    ];
    problems.extend(values.into_iter().map(Problem::from));
    let tier = {
        let t = &c.tiers()[0];
        Named::new(&t.id, t.name.clone())
    };
    let catalog_problems = vec![
        CatalogProblem::TooMany {
            list: Key::new("units"),
            count: 70000,
        },
        CatalogProblem::NoFactors,
        CatalogProblem::ToleranceOutOfRange { factor: None },
        CatalogProblem::FreshDaysOutOfRange {
            factor: None,
            given: 0,
        },
        CatalogProblem::ChoiceHasComma {
            factor: factor(c, "land.servicing_level"),
            kind: IdKind::Level,
            name: "七通,一平".into(),
        },
        CatalogProblem::ToleranceOutOfRange {
            factor: Some(land.clone()),
        },
        CatalogProblem::BadId {
            kind: IdKind::Unit,
            id: "square feet".into(),
            flaw: IdFlaw::SpaceOrQuote,
        },
        CatalogProblem::BadId {
            kind: IdKind::Member,
            id: String::new(),
            flaw: IdFlaw::Empty,
        },
        CatalogProblem::DuplicateId {
            kind: IdKind::Factor,
            item: land.clone(),
        },
        CatalogProblem::ScaleNotPositive { unit: unit(c, "ha") },
        CatalogProblem::PrecisionTooLarge {
            unit: unit(c, "ha"),
            max: 10,
        },
        CatalogProblem::EmptyVocabulary {
            vocabulary: assessments.named(),
        },
        CatalogProblem::VocabularyTooLarge {
            vocabulary: assessments.named(),
        },
        CatalogProblem::UnknownIndustryVocabulary { given: "isic".into() },
        CatalogProblem::UnknownCategory {
            factor: land.clone(),
            given: "nowhere".into(),
        },
        CatalogProblem::UnknownUnit {
            factor: land.clone(),
            given: "furlong".into(),
        },
        CatalogProblem::DimensionMismatch {
            factor: land.clone(),
            unit: unit(c, "mw"),
            unit_dimension: "power".into(),
            base: unit(c, "mu"),
            base_dimension: "area".into(),
        },
        CatalogProblem::InexactConversion {
            factor: land.clone(),
            unit: unit(c, "mu"),
            base: unit(c, "m2"),
        },
        CatalogProblem::MaxNotPositive { factor: land.clone() },
        CatalogProblem::EmptyLevels {
            factor: factor(c, "land.servicing_level"),
        },
        CatalogProblem::ChoicesTooLong {
            factor: factor(c, "land.servicing_level"),
            kind: IdKind::Level,
            length: 300,
            max: 255,
        },
        CatalogProblem::UnknownVocabulary {
            factor: factor(c, "policy.regional_assessments"),
            given: "assesments".into(),
        },
        CatalogProblem::DefaultFromMismatch {
            factor: land.clone(),
            field: "Industry".into(),
        },
        CatalogProblem::DefaultNotNeeded { factor: land.clone() },
        CatalogProblem::TierUnknownFactor {
            tier: tier.clone(),
            given: "land.standard_lnd".into(),
            suggestion: Some(factor(c, "land.standard_land")),
        },
        CatalogProblem::TierBadValue {
            tier: tier.clone(),
            factor: land.clone(),
            value: "lots".into(),
            cause: Box::new(ValueError::Number(NumberError::NotANumber("lots".into()))),
        },
        CatalogProblem::TierNotYes {
            tier: tier.clone(),
            factor: factor(c, "land.standard_land"),
            value: "planned".into(),
        },
        CatalogProblem::LastTierHasConditions { tier },
        CatalogProblem::EmptyAlias { factor: land.clone() },
        CatalogProblem::SharedAlias {
            alias: "供电容量".into(),
            first: factor(c, "power.capacity"),
            second: factor(c, "power.green_quota"),
        },
        CatalogProblem::KeywordUnitNotAccepted {
            factor: factor(c, "water.supply"),
            keyword: "日用水量".into(),
            given: "kg_per_day".into(),
        },
        CatalogProblem::EmptyWord { list: "must".into() },
        CatalogProblem::BadAmountFrom {
            factor: factor(c, "land.largest_parcel"),
            given: "power_capacity".into(),
        },
        CatalogProblem::UnknownDimension {
            unit: Named::new("kVA", crate::model::Text::new("千伏安", "kVA")),
            dimension: "apparent_power".into(),
        },
    ];
    problems.extend(catalog_problems.into_iter().map(Problem::from));
    problems
}

/// The position of a problem's variant (and of the variant inside it), so the test can
/// tell that every variant is covered; a new variant fails to compile here until it is
/// added to the samples.
fn variant(p: &Problem) -> String {
    let inner = match p {
        Problem::Syntax(s) => match s {
            Syntax::MissingComma => "MissingComma",
            Syntax::MissingColon => "MissingColon",
            Syntax::Unclosed(_) => "Unclosed",
            Syntax::Expected(_) => "Expected",
            Syntax::UnterminatedString => "UnterminatedString",
            Syntax::UnclosedComment => "UnclosedComment",
            Syntax::UnexpectedEnd => "UnexpectedEnd",
            Syntax::TrailingText => "TrailingText",
            Syntax::UnexpectedChar(_) => "UnexpectedChar",
            Syntax::BadEscape => "BadEscape",
            Syntax::NumberOutOfRange => "NumberOutOfRange",
            Syntax::BadDigit { .. } => "BadDigit",
            Syntax::MisplacedUnderscore => "MisplacedUnderscore",
            Syntax::NotUtf8 => "NotUtf8",
            Syntax::BadName(_) => "BadName",
            Syntax::UnknownExtension(_) => "UnknownExtension",
            Syntax::Other(_) => "Other",
        },
        Problem::WrongType { expected } => match expected {
            Expected::Names => "Names",
            Expected::Text => "Text",
            Expected::Date => "Date",
            Expected::Bool => "Bool",
            Expected::Number => "Number",
            Expected::FactorMap => "FactorMap",
            Expected::FactorId => "FactorId",
            Expected::Entry => "Entry",
            Expected::Item => "Item",
            Expected::Quantity { .. } => "Quantity",
            Expected::YesNo => "YesNo",
            Expected::Level { .. } => "Level",
            Expected::Members { .. } => "Members",
            Expected::Importance => "Importance",
            Expected::Stage => "Stage",
            Expected::StageDates => "StageDates",
            Expected::Pipeline => "Pipeline",
            Expected::Location => "Location",
            Expected::Owners => "Owners",
            Expected::Planned => "Planned",
            Expected::File(_) => "File",
        },
        Problem::Value(v) => match v.as_ref() {
            ValueError::Number(_) => "Number",
            ValueError::Negative(_) => "Negative",
            ValueError::UnitNotAllowed { .. } => "UnitNotAllowed",
            ValueError::UnknownUnit { .. } => "UnknownUnit",
            ValueError::UnknownLevel { .. } => "UnknownLevel",
            ValueError::UnknownMember { .. } => "UnknownMember",
            ValueError::EmptySet => "EmptySet",
            ValueError::Implausible { .. } => "Implausible",
            ValueError::NotADate { .. } => "NotADate",
            ValueError::NoSuchDay { .. } => "NoSuchDay",
            ValueError::DateOutOfRange { .. } => "DateOutOfRange",
            ValueError::CoordinateOutOfRange { .. } => "CoordinateOutOfRange",
        },
        Problem::Catalog(k) => match k.as_ref() {
            CatalogProblem::TooMany { .. } => "TooMany",
            CatalogProblem::NoFactors => "NoFactors",
            CatalogProblem::ToleranceOutOfRange { .. } => "ToleranceOutOfRange",
            CatalogProblem::FreshDaysOutOfRange { .. } => "FreshDaysOutOfRange",
            CatalogProblem::ChoiceHasComma { .. } => "ChoiceHasComma",
            CatalogProblem::BadId { .. } => "BadId",
            CatalogProblem::DuplicateId { .. } => "DuplicateId",
            CatalogProblem::ScaleNotPositive { .. } => "ScaleNotPositive",
            CatalogProblem::PrecisionTooLarge { .. } => "PrecisionTooLarge",
            CatalogProblem::EmptyVocabulary { .. } => "EmptyVocabulary",
            CatalogProblem::VocabularyTooLarge { .. } => "VocabularyTooLarge",
            CatalogProblem::UnknownIndustryVocabulary { .. } => "UnknownIndustryVocabulary",
            CatalogProblem::UnknownCategory { .. } => "UnknownCategory",
            CatalogProblem::UnknownUnit { .. } => "UnknownUnit",
            CatalogProblem::DimensionMismatch { .. } => "DimensionMismatch",
            CatalogProblem::InexactConversion { .. } => "InexactConversion",
            CatalogProblem::MaxNotPositive { .. } => "MaxNotPositive",
            CatalogProblem::EmptyLevels { .. } => "EmptyLevels",
            CatalogProblem::ChoicesTooLong { .. } => "ChoicesTooLong",
            CatalogProblem::UnknownVocabulary { .. } => "UnknownVocabulary",
            CatalogProblem::DefaultFromMismatch { .. } => "DefaultFromMismatch",
            CatalogProblem::DefaultNotNeeded { .. } => "DefaultNotNeeded",
            CatalogProblem::TierUnknownFactor { .. } => "TierUnknownFactor",
            CatalogProblem::TierBadValue { .. } => "TierBadValue",
            CatalogProblem::TierNotYes { .. } => "TierNotYes",
            CatalogProblem::LastTierHasConditions { .. } => "LastTierHasConditions",
            CatalogProblem::EmptyAlias { .. } => "EmptyAlias",
            CatalogProblem::SharedAlias { .. } => "SharedAlias",
            CatalogProblem::KeywordUnitNotAccepted { .. } => "KeywordUnitNotAccepted",
            CatalogProblem::EmptyWord { .. } => "EmptyWord",
            CatalogProblem::BadAmountFrom { .. } => "BadAmountFrom",
            CatalogProblem::UnknownDimension { .. } => "UnknownDimension",
        },
        Problem::WrongFileKind { .. } => "WrongFileKind",
        Problem::UnknownField { .. } => "UnknownField",
        Problem::MissingField { .. } => "MissingField",
        Problem::DuplicateField { .. } => "DuplicateField",
        Problem::UnknownVariant { .. } => "UnknownVariant",
        Problem::TooDeep { .. } => "TooDeep",
        Problem::BadZoneId { .. } => "BadZoneId",
        Problem::UnknownFactor { .. } => "UnknownFactor",
        Problem::DuplicateFactor { .. } => "DuplicateFactor",
        Problem::UnknownOwnerKey { .. } => "UnknownOwnerKey",
        Problem::EmptyName => "EmptyName",
        Problem::BadTime { .. } => "BadTime",
        Problem::NotDecimal { .. } => "NotDecimal",
        Problem::MustNeedsHeader { .. } => "MustNeedsHeader",
        Problem::TooLong { .. } => "TooLong",
        Problem::NoSource => "NoSource",
        Problem::RequiredNotYes => "RequiredNotYes",
        Problem::PlannedNotQuantity => "PlannedNotQuantity",
        Problem::UnknownIndustry { .. } => "UnknownIndustry",
    };
    let outer = match p {
        Problem::Syntax(_) => "Syntax",
        Problem::WrongType { .. } => "WrongType",
        Problem::Value(_) => "Value",
        Problem::Catalog(_) => "Catalog",
        _ => "",
    };
    format!("{outer}::{inner}")
}

#[test]
fn every_problem_reads_in_chinese_and_in_english() {
    let c = catalog();
    let problems = every_problem(&c);
    let covered: std::collections::BTreeSet<String> = problems.iter().map(variant).collect();
    // 17 syntax, 21 expected, 12 value, 32 catalog and 19 other problems.
    assert_eq!(covered.len(), 17 + 21 + 12 + 32 + 19, "{covered:?}");
    for p in &problems {
        assert_renders(&variant(p), p, &c);
        // Inside a parse error, with the fields it was found in.
        let e = ParseError {
            line: 12,
            column: 5,
            context: vec![
                Step::Field(Key::new("factors")),
                Step::Factor(factor(&c, "land.price")),
                Step::Field(Key::new("value")),
            ],
            problem: p.clone(),
        };
        assert_renders(&variant(p), &e, &c);
        assert!(
            e.text(Lang::Zh)
                .starts_with("第 12 行第 5 列：工业用地价格的数值："),
            "{}",
            e.text(Lang::Zh)
        );
        assert!(
            e.to_string()
                .starts_with("line 12, column 5: Industrial land price (`land.price`): `value`: "),
            "{e}"
        );
    }
}

#[test]
fn syntax_errors_are_told_in_words() {
    let c = catalog();
    let e = parse::parse_checklist("Checklist(\n  project: \"x\"\n  investor: \"y\",\n)", &c)
        .expect_err("no comma");
    assert_eq!(e.problem, Problem::Syntax(Syntax::MissingComma));
    assert_eq!(e.text(Lang::Zh), "第 3 行第 3 列：缺少逗号");
    assert_eq!(e.to_string(), "line 3, column 3: a comma is missing");
    let e = parse::parse_checklist("Checklist(\n  project: \"x,\n)", &c).expect_err("open string");
    assert_eq!(e.problem, Problem::Syntax(Syntax::UnterminatedString), "{e}");
    let e = parse::parse_checklist("Checklist(\n  investor: \"y\",\n  budget: 5,\n)", &c).expect_err("field");
    assert_eq!(e.line, 3);
    assert!(
        e.text(Lang::Zh)
            .starts_with("第 3 行第 3 列：无法识别的字段“budget”（可用字段：investor（投资方）、"),
        "{}",
        e.text(Lang::Zh)
    );
    let jargon = ["Expected", "Unexpected", "RON"];
    for text in [e.text(Lang::Zh), e.to_string()] {
        assert!(!jargon.iter().any(|j| text.contains(j)), "{text}");
    }
}

#[test]
fn only_white_space_after_a_place_is_the_end() {
    let text = "a(\n  b: 1\n  \n";
    assert!(rest_is_blank(text, 2, 7));
    assert!(!rest_is_blank(text, 2, 6));
    assert!(rest_is_blank(text, 9, 1));
}
