//! What a field should hold ([`Expected`]), told in words for a value of the wrong kind, and
//! how a kind of file is named. Only renders; the parsers decide what is expected.

use super::names::{Key, Named, choices};
use crate::model::parse::FileKind;
use crate::model::text::{Lang, Localize, join_list};

/// What a field should hold, for a value of the wrong kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `(zh: "…", en: "…")`.
    Names,
    /// Text in quotes.
    Text,
    /// A date in quotes.
    Date,
    /// `true` or `false`.
    Bool,
    /// A plain number.
    Number,
    /// `{ "factor.id": ( … ), … }`.
    FactorMap,
    /// A factor id in quotes (a key of the factor map).
    FactorId,
    /// A profile entry `(value: …, source: "…")`.
    Entry,
    /// A checklist item `(required: …, importance: …)`.
    Item,
    /// A quantity of a factor, in one of its units (its own unit first).
    Quantity { units: Vec<Named> },
    /// `Yes`, `No` or `Planned("…")`.
    YesNo,
    /// One of a factor's levels, lowest first.
    Level { levels: Vec<Named> },
    /// A list of members of a vocabulary.
    Members { vocabulary: Named, example: Named },
    /// `Must`, `High`, `Medium`, `Low` or `NotNeeded`.
    Importance,
    /// A pipeline stage, `Lead` … `Producing` or `Shelved`.
    Stage,
    /// `{ Signed: "2026-09-01", … }`: the day each stage was reached.
    StageDates,
    /// `(stage: Signed, reached: { … }, officer: "…", zone: "…", start_deadline: "…")`.
    Pipeline,
    /// `(lat: 35.62, lon: 111.37)`.
    Location,
    /// `{ "power": "国网侯马供电公司", … }`: default owners by factor, group or category.
    Owners,
    /// `(value: "50 MW", by: "2026-06-30", source: "…")`: a quantity planned for a date.
    Planned,
    /// A whole file of this kind.
    File(FileKind),
}

impl Localize for Expected {
    fn text(&self, lang: Lang) -> String {
        let names =
            |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.name(lang).to_owned()).collect() };
        let ids = |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.id.clone()).collect() };
        match (self, lang) {
            (Expected::Names, Lang::Zh) => "中英文名称，如 (zh: \"…\", en: \"…\")".into(),
            (Expected::Names, Lang::En) => "a pair of names such as (zh: \"…\", en: \"…\")".into(),
            (Expected::Text, Lang::Zh) => "带引号的文字，如 \"…\"".into(),
            (Expected::Text, Lang::En) => "text in quotes, such as \"…\"".into(),
            (Expected::Date, Lang::Zh) => "带引号的日期，如 \"2023-12-31\"".into(),
            (Expected::Date, Lang::En) => "a date in quotes, such as \"2023-12-31\"".into(),
            (Expected::Bool, Lang::Zh) => "true 或 false".into(),
            (Expected::Bool, Lang::En) => "true or false".into(),
            (Expected::Number, Lang::Zh) => "数字，如 400000".into(),
            (Expected::Number, Lang::En) => "a number such as 400000".into(),
            (Expected::FactorMap, Lang::Zh) => "以要素编号为键的花括号映射 { \"…\": ( … ), … }".into(),
            (Expected::FactorMap, Lang::En) => {
                "a map from factor ids to entries: { \"land.industrial_area\": ( … ), … }".into()
            }
            (Expected::FactorId, Lang::Zh) => "带引号的要素编号".into(),
            (Expected::FactorId, Lang::En) => "a factor id in quotes, such as \"power.capacity\"".into(),
            (Expected::Entry, Lang::Zh) => "一条数据，如 (value: …, source: \"…\")".into(),
            (Expected::Entry, Lang::En) => "an entry such as (value: …, source: \"…\")".into(),
            (Expected::Item, Lang::Zh) => "一项需求，如 (required: …, importance: Must)".into(),
            (Expected::Item, Lang::En) => "an item such as (required: …, importance: Must)".into(),
            (Expected::Quantity { units }, Lang::Zh) => format!(
                "数量，如 \"100 {}\"（可用单位：{}）",
                units.first().map_or("", |u| u.name(lang)),
                join_list(&names(units), lang, "")
            ),
            (Expected::Quantity { units }, Lang::En) => format!(
                "a quantity such as \"100 {}\" (units: {})",
                units.first().map_or("", |u| u.id.as_str()),
                join_list(&ids(units), lang, "or")
            ),
            (Expected::YesNo, Lang::Zh) => "Yes（是）、No（否）或 Planned(\"2025-06-30\")（计划）".into(),
            (Expected::YesNo, Lang::En) => "Yes, No or Planned(\"2025-06-30\")".into(),
            (Expected::Level { levels }, Lang::Zh) => {
                format!("以下等级之一：{}", join_list(&names(levels), lang, ""))
            }
            (Expected::Level { levels }, Lang::En) => {
                let quoted: Vec<String> = levels.iter().map(|l| format!("\"{}\"", l.id)).collect();
                format!("one of the levels {}", join_list(&quoted, lang, "or"))
            }
            (Expected::Members { vocabulary, example }, Lang::Zh) => {
                format!("{}的列表，如 [\"{}\"]", vocabulary.name(lang), example.name(lang))
            }
            (Expected::Members { vocabulary, example }, Lang::En) => format!(
                "a list of {} such as [\"{}\"]",
                vocabulary.name(lang).to_lowercase(),
                example.id
            ),
            (Expected::Importance, _) => {
                let keys: Vec<Key> = ["Must", "High", "Medium", "Low", "NotNeeded"]
                    .into_iter()
                    .map(Key::new)
                    .collect();
                choices(&keys, lang, "or")
            }
            (Expected::Stage, _) => {
                let keys: Vec<Key> = crate::model::pipeline::Stage::ALL
                    .into_iter()
                    .map(|s| Key::new(s.variant()))
                    .collect();
                choices(&keys, lang, "or")
            }
            (Expected::StageDates, Lang::Zh) => "各阶段的日期，如 { Signed: \"2026-09-01\" }".into(),
            (Expected::StageDates, Lang::En) => {
                "the day of each stage, such as { Signed: \"2026-09-01\" }".into()
            }
            (Expected::Pipeline, Lang::Zh) => {
                "项目进度，如 (stage: Signed, reached: { Signed: \"2026-09-01\" })".into()
            }
            (Expected::Pipeline, Lang::En) => {
                "the project's progress, such as (stage: Signed, reached: { Signed: \"2026-09-01\" })".into()
            }
            (Expected::Owners, Lang::Zh) => "责任单位表，如 { \"power\": \"国网侯马供电公司\" }".into(),
            (Expected::Owners, Lang::En) => {
                "a map of owners such as { \"power\": \"国网侯马供电公司\" }".into()
            }
            (Expected::Location, Lang::Zh) => "经纬度，如 (lat: 35.62, lon: 111.37)".into(),
            (Expected::Location, Lang::En) => {
                "a latitude and longitude such as (lat: 35.62, lon: 111.37)".into()
            }
            (Expected::Planned, Lang::Zh) => {
                "计划值，如 (value: \"50 MW\", by: \"2026-06-30\", source: \"…\")".into()
            }
            (Expected::Planned, Lang::En) => {
                "a planned amount such as (value: \"50 MW\", by: \"2026-06-30\", source: \"…\")".into()
            }
            (Expected::File(kind), _) => file_kind_text(*kind, lang, true),
        }
    }
}

/// `开发区档案` / `a zone profile`, with how such a file starts when `example` is set.
pub(super) fn file_kind_text(kind: FileKind, lang: Lang, example: bool) -> String {
    let name = match (kind, lang) {
        (FileKind::Profile, Lang::Zh) => "开发区档案",
        (FileKind::Profile, Lang::En) => "a zone profile",
        (FileKind::Checklist, Lang::Zh) => "投资需求清单",
        (FileKind::Checklist, Lang::En) => "a checklist",
        (FileKind::Catalog, Lang::Zh) => "要素目录",
        (FileKind::Catalog, Lang::En) => "a catalog",
    };
    // How such a file starts: RON, the same in both languages.
    let start = match kind {
        FileKind::Profile => "ZoneProfile(name: …, as_of: …, factors: { … })",
        FileKind::Checklist => "Checklist(project: …, items: { … })",
        FileKind::Catalog => "Catalog(units: …, factors: …)",
    };
    match (lang, example) {
        (Lang::Zh, true) => format!("{name}：{start}"),
        (Lang::En, true) => format!("{name}: {start}"),
        (_, false) => name.to_owned(),
    }
}
