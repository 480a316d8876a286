//! What can be wrong with a catalog, as data: each problem names the factor, unit, tier or
//! vocabulary it is about, and renders itself in Chinese and in English.

use super::{Key, Named, hint};
use crate::model::text::{Lang, Localize};
use crate::model::value::ValueError;

/// What kind of catalog entry an id belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    Unit,
    Category,
    Factor,
    Vocabulary,
    Member,
    Level,
    Tier,
}

impl IdKind {
    fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdKind::Unit, Lang::Zh) => "单位",
            (IdKind::Unit, Lang::En) => "unit",
            (IdKind::Category, Lang::Zh) => "类别",
            (IdKind::Category, Lang::En) => "category",
            (IdKind::Factor, Lang::Zh) => "要素",
            (IdKind::Factor, Lang::En) => "factor",
            (IdKind::Vocabulary, Lang::Zh) => "词表",
            (IdKind::Vocabulary, Lang::En) => "vocabulary",
            (IdKind::Member, Lang::Zh) => "成员",
            (IdKind::Member, Lang::En) => "member",
            (IdKind::Level, Lang::Zh) => "等级",
            (IdKind::Level, Lang::En) => "level",
            (IdKind::Tier, Lang::Zh) => "就绪等级",
            (IdKind::Tier, Lang::En) => "tier",
        }
    }
}

/// What is wrong with an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdFlaw {
    Empty,
    SpaceOrQuote,
}

/// A catalog that does not hold together; each problem names what it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CatalogProblem {
    TooMany {
        list: Key,
        count: usize,
    },
    NoFactors,
    /// The default tolerance, or a factor's (`factor`), outside (0, 1].
    ToleranceOutOfRange {
        factor: Option<Named>,
    },
    /// The default freshness period, or a factor's (`factor`), outside 1 to 36 500 days.
    FreshDaysOutOfRange {
        factor: Option<Named>,
        given: u32,
    },
    BadId {
        kind: IdKind,
        id: String,
        flaw: IdFlaw,
    },
    /// An id used twice; `name` is the second one's.
    DuplicateId {
        kind: IdKind,
        item: Named,
    },
    ScaleNotPositive {
        unit: Named,
    },
    /// A unit's display `precision` above the most decimal places a figure is shown to.
    PrecisionTooLarge {
        unit: Named,
        max: u32,
    },
    EmptyVocabulary {
        vocabulary: Named,
    },
    VocabularyTooLarge {
        vocabulary: Named,
    },
    UnknownIndustryVocabulary {
        given: String,
    },
    UnknownCategory {
        factor: Named,
        given: String,
    },
    UnknownUnit {
        factor: Named,
        given: String,
    },
    /// A keyword's time-base unit (`keyword_units`) that is not one of the factor's units.
    KeywordUnitNotAccepted {
        factor: Named,
        keyword: String,
        given: String,
    },
    /// `amount_from` names no factor of the catalog measured in the same unit.
    BadAmountFrom {
        factor: Named,
        given: String,
    },
    /// An empty word in a list of the `inquiry` section (`list`), or in a unit's `words`.
    EmptyWord {
        list: String,
    },
    /// A foreign unit of the `inquiry` section whose dimension no unit of the catalog has.
    UnknownDimension {
        unit: Named,
        dimension: String,
    },
    /// A unit of another dimension than the factor's own.
    DimensionMismatch {
        factor: Named,
        unit: Named,
        unit_dimension: String,
        base: Named,
        base_dimension: String,
    },
    InexactConversion {
        factor: Named,
        unit: Named,
        base: Named,
    },
    MaxNotPositive {
        factor: Named,
    },
    EmptyLevels {
        factor: Named,
    },
    /// The Chinese names of a factor's levels or units (`kind`), which the survey offers in a
    /// drop-down, longer joined with commas than a spreadsheet drop-down holds (`max`).
    ChoicesTooLong {
        factor: Named,
        kind: IdKind,
        length: usize,
        max: usize,
    },
    /// A level's or unit's Chinese name with a comma, which a spreadsheet drop-down would
    /// split into two choices.
    ChoiceHasComma {
        factor: Named,
        kind: IdKind,
        name: String,
    },
    UnknownVocabulary {
        factor: Named,
        given: String,
    },
    /// `default_from` naming a header field that cannot supply this factor.
    DefaultFromMismatch {
        factor: Named,
        field: String,
    },
    DefaultNotNeeded {
        factor: Named,
    },
    TierUnknownFactor {
        tier: Named,
        given: String,
        suggestion: Option<Named>,
    },
    /// A tier condition whose value does not read for its factor.
    TierBadValue {
        tier: Named,
        factor: Named,
        value: String,
        #[source]
        cause: Box<ValueError>,
    },
    /// A yes/no tier condition other than `yes`.
    TierNotYes {
        tier: Named,
        factor: Named,
        value: String,
    },
    LastTierHasConditions {
        tier: Named,
    },
    /// A factor's alias that is empty (or only spaces).
    EmptyAlias {
        factor: Named,
    },
    /// A name or alias (`alias`, as written) that two factors go by, so a column header
    /// with it could be either.
    SharedAlias {
        alias: String,
        first: Named,
        second: Named,
    },
}

impl Localize for CatalogProblem {
    fn text(&self, lang: Lang) -> String {
        use CatalogProblem as C;
        // "要素“…”：" / "factor … : ", before a problem about one factor or tier.
        let of = |kind: IdKind, n: &Named| match lang {
            Lang::Zh => format!("{}{}：", kind.word(lang), n.label(lang)),
            Lang::En => format!("{} {}: ", kind.word(lang), n.label(lang)),
        };
        let factor = |n: &Named| of(IdKind::Factor, n);
        let tier = |n: &Named| of(IdKind::Tier, n);
        match (self, lang) {
            (C::TooMany { list, count }, Lang::Zh) => {
                format!("{}有 {count} 项，最多 65535 项", list.choice(lang))
            }
            (C::TooMany { list, count }, Lang::En) => {
                format!("`{}` has {count} entries; at most 65535 are allowed", list.0)
            }
            (C::NoFactors, Lang::Zh) => "要素列表为空：目录至少需要一个要素".into(),
            (C::NoFactors, Lang::En) => "`factors` is empty: a catalog needs at least one factor".into(),
            (C::ToleranceOutOfRange { factor: None }, Lang::Zh) => "默认容差须大于 0 且不超过 1".into(),
            (C::ToleranceOutOfRange { factor: None }, Lang::En) => {
                "`default_tolerance`: must be above 0 and at most 1".into()
            }
            (C::ToleranceOutOfRange { factor: Some(f) }, Lang::Zh) => {
                format!("{}容差须大于 0 且不超过 1", factor(f))
            }
            (C::ToleranceOutOfRange { factor: Some(f) }, Lang::En) => {
                format!("{}`tolerance`: must be above 0 and at most 1", factor(f))
            }
            (C::FreshDaysOutOfRange { factor: None, given }, Lang::Zh) => {
                format!("默认更新周期须为 1 至 36500 天，此处为 {given}")
            }
            (C::FreshDaysOutOfRange { factor: None, given }, Lang::En) => {
                format!("`default_fresh_days`: must be 1 to 36 500 days, not {given}")
            }
            (
                C::FreshDaysOutOfRange {
                    factor: Some(f),
                    given,
                },
                Lang::Zh,
            ) => {
                format!("{}更新周期须为 1 至 36500 天，此处为 {given}", factor(f))
            }
            (
                C::FreshDaysOutOfRange {
                    factor: Some(f),
                    given,
                },
                Lang::En,
            ) => {
                format!("{}`fresh_days`: must be 1 to 36 500 days, not {given}", factor(f))
            }
            (C::BadId { kind, id, flaw }, _) => {
                let flaw = match (flaw, lang) {
                    (IdFlaw::Empty, Lang::Zh) => "为空",
                    (IdFlaw::Empty, Lang::En) => "is empty",
                    (IdFlaw::SpaceOrQuote, Lang::Zh) => "含有空格或引号",
                    (IdFlaw::SpaceOrQuote, Lang::En) => "has a space or quote in it",
                };
                match lang {
                    Lang::Zh => format!("{}编号“{id}”{flaw}", kind.word(lang)),
                    Lang::En => format!("{} id `{id}` {flaw}", kind.word(lang)),
                }
            }
            (C::DuplicateId { kind, item }, Lang::Zh) => {
                format!("{}{}的编号出现了两次", kind.word(lang), item.label(lang))
            }
            (C::DuplicateId { kind, item }, Lang::En) => {
                format!("{} id `{}` appears twice", kind.word(lang), item.id)
            }
            (C::ScaleNotPositive { unit }, Lang::Zh) => format!("单位{}的换算系数须大于零", unit.label(lang)),
            (C::ScaleNotPositive { unit }, Lang::En) => {
                format!("unit `{}`: `scale` must be above zero", unit.id)
            }
            (C::PrecisionTooLarge { unit, max }, Lang::Zh) => {
                format!("单位{}的显示精度（precision）最多 {max} 位小数", unit.label(lang))
            }
            (C::PrecisionTooLarge { unit, max }, Lang::En) => {
                format!(
                    "unit `{}`: `precision` must be at most {max} decimal places",
                    unit.id
                )
            }
            (C::EmptyVocabulary { vocabulary }, Lang::Zh) => {
                format!("词表{}没有成员", vocabulary.label(lang))
            }
            (C::EmptyVocabulary { vocabulary }, Lang::En) => {
                format!("vocabulary `{}` has no members", vocabulary.id)
            }
            (C::VocabularyTooLarge { vocabulary }, Lang::Zh) => {
                format!("词表{}的成员超过 65535 个", vocabulary.label(lang))
            }
            (C::VocabularyTooLarge { vocabulary }, Lang::En) => {
                format!("vocabulary `{}` has more than 65535 members", vocabulary.id)
            }
            (C::UnknownIndustryVocabulary { given }, Lang::Zh) => format!("行业词表“{given}”没有定义"),
            (C::UnknownIndustryVocabulary { given }, Lang::En) => {
                format!("`industry_vocabulary`: no vocabulary has the id `{given}`")
            }
            (C::UnknownCategory { factor: f, given }, Lang::Zh) => {
                format!("{}类别“{given}”没有在类别列表中定义", factor(f))
            }
            (C::UnknownCategory { factor: f, given }, Lang::En) => {
                format!("{}category `{given}` is not one of `categories`", factor(f))
            }
            (
                C::KeywordUnitNotAccepted {
                    factor: f,
                    keyword,
                    given,
                },
                Lang::Zh,
            ) => format!(
                "{}关键词“{keyword}”所指的单位“{given}”不是此要素可用的单位",
                factor(f)
            ),
            (
                C::KeywordUnitNotAccepted {
                    factor: f,
                    keyword,
                    given,
                },
                Lang::En,
            ) => format!(
                "{}keyword `{keyword}` names unit `{given}`, which the factor does not accept",
                factor(f)
            ),
            (C::BadAmountFrom { factor: f, given }, Lang::Zh) => {
                format!("{}amount_from “{given}”不是同一单位的要素", factor(f))
            }
            (C::BadAmountFrom { factor: f, given }, Lang::En) => {
                format!(
                    "{}amount_from `{given}` is no factor measured in the same unit",
                    factor(f)
                )
            }
            (C::EmptyWord { list }, Lang::Zh) => format!("“{list}”中有空的词"),
            (C::EmptyWord { list }, Lang::En) => format!("`{list}` holds an empty word"),
            (C::UnknownDimension { unit, dimension }, Lang::Zh) => {
                format!("单位{}的量纲“{dimension}”没有任何单位使用", unit.label(lang))
            }
            (C::UnknownDimension { unit, dimension }, Lang::En) => {
                format!(
                    "unit `{}` has dimension `{dimension}`, which no unit of `units` has",
                    unit.id
                )
            }
            (C::UnknownUnit { factor: f, given }, Lang::Zh) => {
                format!("{}单位“{given}”没有在单位列表中定义", factor(f))
            }
            (C::UnknownUnit { factor: f, given }, Lang::En) => {
                format!("{}unit `{given}` is not defined in `units`", factor(f))
            }
            (
                C::DimensionMismatch {
                    factor: f,
                    unit,
                    base,
                    ..
                },
                Lang::Zh,
            ) => format!(
                "{}单位{}与要素的单位{}量纲不同",
                factor(f),
                unit.label(lang),
                base.label(lang)
            ),
            (
                C::DimensionMismatch {
                    factor: f,
                    unit,
                    unit_dimension,
                    base,
                    base_dimension,
                },
                Lang::En,
            ) => format!(
                "{}unit `{}` measures {unit_dimension} but the factor is in `{}`, which measures {base_dimension}",
                factor(f),
                unit.id,
                base.id
            ),
            (
                C::InexactConversion {
                    factor: f,
                    unit,
                    base,
                },
                Lang::Zh,
            ) => format!(
                "{}{}不能精确换算为{}，只能接受可精确换算的单位",
                factor(f),
                unit.label(lang),
                base.label(lang)
            ),
            (
                C::InexactConversion {
                    factor: f,
                    unit,
                    base,
                },
                Lang::En,
            ) => format!(
                "{}`{}` does not convert exactly into `{}`; accept only units that do",
                factor(f),
                unit.id,
                base.id
            ),
            (C::MaxNotPositive { factor: f }, Lang::Zh) => format!("{}上限须大于零", factor(f)),
            (C::MaxNotPositive { factor: f }, Lang::En) => format!("{}`max` must be above zero", factor(f)),
            (C::EmptyLevels { factor: f }, Lang::Zh) => format!("{}等级列表为空", factor(f)),
            (C::EmptyLevels { factor: f }, Lang::En) => format!("{}the level list is empty", factor(f)),
            (
                C::ChoicesTooLong {
                    factor: f,
                    kind,
                    length,
                    max,
                },
                Lang::Zh,
            ) => format!(
                "{}各{}的中文名称连同分隔的逗号共 {length} 个字符，超过电子表格下拉列表最多容纳的 {max} 个字符，调查表无法列出；请缩短名称",
                factor(f),
                kind.word(lang)
            ),
            (
                C::ChoicesTooLong {
                    factor: f,
                    kind,
                    length,
                    max,
                },
                Lang::En,
            ) => format!(
                "{}the Chinese names of its {}s come to {length} characters with the commas between them, more than a spreadsheet drop-down holds ({max}), so the survey could not offer them; shorten the names",
                factor(f),
                kind.word(lang)
            ),
            (
                C::ChoiceHasComma {
                    factor: f,
                    kind,
                    name,
                },
                Lang::Zh,
            ) => format!(
                "{}{}名称“{name}”含有英文逗号，电子表格下拉列表会把它拆成两项；请改用中文逗号“，”或顿号",
                factor(f),
                kind.word(lang)
            ),
            (
                C::ChoiceHasComma {
                    factor: f,
                    kind,
                    name,
                },
                Lang::En,
            ) => format!(
                "{}the {} name “{name}” has a comma, which a spreadsheet drop-down would split into two choices; use “，” or “、” instead",
                factor(f),
                kind.word(lang)
            ),
            (C::UnknownVocabulary { factor: f, given }, Lang::Zh) => {
                format!("{}词表“{given}”没有定义", factor(f))
            }
            (C::UnknownVocabulary { factor: f, given }, Lang::En) => {
                format!("{}vocabulary `{given}` is not defined", factor(f))
            }
            (C::DefaultFromMismatch { factor: f, field }, Lang::Zh) => {
                format!("{}需求来源 default_from: {field} 与此要素的类型不符", factor(f))
            }
            (C::DefaultFromMismatch { factor: f, field }, Lang::En) => {
                format!(
                    "{}`default_from: {field}` does not fit this factor's kind",
                    factor(f)
                )
            }
            (C::DefaultNotNeeded { factor: f }, Lang::Zh) => {
                format!("{}默认重要程度不能是 NotNeeded（不需要）", factor(f))
            }
            (C::DefaultNotNeeded { factor: f }, Lang::En) => {
                format!("{}the default importance cannot be `NotNeeded`", factor(f))
            }
            (
                C::TierUnknownFactor {
                    tier: t,
                    given,
                    suggestion,
                },
                Lang::Zh,
            ) => format!(
                "{}“{given}”不是要素目录中的要素{}",
                tier(t),
                hint(suggestion.as_ref(), lang)
            ),
            (
                C::TierUnknownFactor {
                    tier: t,
                    given,
                    suggestion,
                },
                Lang::En,
            ) => format!(
                "{}unknown factor `{given}`{}",
                tier(t),
                hint(suggestion.as_ref(), lang)
            ),
            (
                C::TierBadValue {
                    tier: t,
                    factor: f,
                    value,
                    cause,
                },
                Lang::Zh,
            ) => format!(
                "{}{}的条件“{value}”无法读取：{}",
                tier(t),
                f.label(lang),
                cause.text(lang)
            ),
            (
                C::TierBadValue {
                    tier: t,
                    factor: f,
                    value,
                    cause,
                },
                Lang::En,
            ) => format!(
                "{}{}: `{value}` cannot be read ({})",
                tier(t),
                f.label(lang),
                cause.text(lang)
            ),
            (
                C::TierNotYes {
                    tier: t, factor: f, ..
                },
                Lang::Zh,
            ) => {
                format!("{}{}只能要求 yes（是）", tier(t), f.label(lang))
            }
            (
                C::TierNotYes {
                    tier: t,
                    factor: f,
                    value,
                },
                Lang::En,
            ) => {
                format!("{}{}: `{value}` must be `yes`", tier(t), f.label(lang))
            }
            (C::LastTierHasConditions { tier: t }, Lang::Zh) => {
                format!("{}最后一个就绪等级不能有条件，这样每个开发区都有等级", tier(t))
            }
            (C::LastTierHasConditions { tier: t }, Lang::En) => format!(
                "{}the last tier must have no conditions, so that every zone has a tier",
                tier(t)
            ),
            (C::EmptyAlias { factor: f }, Lang::Zh) => format!("{}别名不能为空", factor(f)),
            (C::EmptyAlias { factor: f }, Lang::En) => format!("{}an alias in `aliases` is empty", factor(f)),
            (C::SharedAlias { alias, first, second }, Lang::Zh) => format!(
                "名称“{alias}”同时属于要素{}和{}，表头用它时无法确定是哪一项；请从其中一项的别名中删去",
                first.label(lang),
                second.label(lang)
            ),
            (C::SharedAlias { alias, first, second }, Lang::En) => format!(
                "the name `{alias}` belongs to both factor {} and factor {}, so a column header with it \
                 could be either; remove it from one factor's `aliases`",
                first.label(lang),
                second.label(lang)
            ),
        }
    }
}

crate::english_display!(CatalogProblem);
