//! The catalog file as written: the shapes serde reads `assets/catalog.ron` into, before any
//! check. Holds no rule; `check` decides what of it is valid.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Category, Member, PlanField};
use crate::model::importance::Importance;
use crate::model::number;
use crate::model::text::Text;

/// The whole file as written.
#[derive(Deserialize)]
#[serde(rename = "Catalog", deny_unknown_fields)]
pub(super) struct RawCatalog {
    #[serde(with = "number")]
    pub(super) default_tolerance: Decimal,
    pub(super) industry_vocabulary: String,
    /// How many days a figure stays current when its factor gives no `fresh_days`.
    #[serde(default)]
    pub(super) default_fresh_days: Option<u32>,
    pub(super) units: Vec<RawUnit>,
    pub(super) categories: Vec<Category>,
    pub(super) factors: Vec<RawFactor>,
    pub(super) vocabularies: Vec<RawVocabulary>,
    #[serde(default)]
    pub(super) tiers: Vec<RawTier>,
    /// The words an investor's message is read with (`inquiry`).
    #[serde(default)]
    pub(super) inquiry: RawInquiry,
}

/// `inquiry: (must: [...], ...)`: the words that mark importance, bounds, phases and
/// negations in an investor's message, and the units and currencies it may use that SiteMatch
/// does not convert.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInquiry {
    #[serde(default)]
    pub(super) must: Vec<String>,
    #[serde(default)]
    pub(super) lower: Vec<String>,
    #[serde(default)]
    pub(super) at_least: Vec<String>,
    #[serde(default)]
    pub(super) at_most: Vec<String>,
    #[serde(default)]
    pub(super) about: Vec<String>,
    #[serde(default)]
    pub(super) negations: Vec<String>,
    #[serde(default)]
    pub(super) needs: Vec<String>,
    #[serde(default)]
    pub(super) phases: Vec<String>,
    #[serde(default)]
    pub(super) output: Vec<String>,
    #[serde(default)]
    pub(super) investment: Vec<String>,
    #[serde(default)]
    pub(super) start: Vec<String>,
    #[serde(default)]
    pub(super) project: Vec<String>,
    #[serde(default)]
    pub(super) project_nouns: Vec<String>,
    #[serde(default)]
    pub(super) per: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) foreign_units: Vec<RawForeignUnit>,
    #[serde(default)]
    pub(super) currencies: Vec<RawForeignUnit>,
}

/// `(words: ["千伏安", "kVA"], zh: "千伏安", en: "kVA", dimension: "power")`: a unit (or a
/// currency, with no dimension) an investor may write that SiteMatch does not convert.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawForeignUnit {
    pub(super) words: Vec<String>,
    pub(super) zh: String,
    pub(super) en: String,
    #[serde(default)]
    pub(super) dimension: String,
}

/// `(id: "ready_now", zh: "…", en: "…", met: {"factor": "value"}, known: ["factor"])`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTier {
    pub(super) id: String,
    pub(super) zh: String,
    #[serde(default)]
    pub(super) en: String,
    #[serde(default)]
    pub(super) met: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) known: Vec<String>,
    #[serde(default)]
    pub(super) planned_within_months: u8,
}

/// `(id: "…", zh: "…", en: "…")`: the shape of members, levels and categories.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNamed {
    id: String,
    zh: String,
    #[serde(default)]
    en: String,
    #[serde(default)]
    keywords: Vec<String>,
}

impl From<RawNamed> for Member {
    fn from(r: RawNamed) -> Self {
        Member {
            id: r.id,
            name: Text::new(r.zh, r.en),
            keywords: r.keywords,
        }
    }
}

impl From<RawNamed> for Category {
    fn from(r: RawNamed) -> Self {
        Category {
            id: r.id,
            name: Text::new(r.zh, r.en),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUnit {
    pub(super) id: String,
    pub(super) zh: String,
    pub(super) en: String,
    pub(super) dimension: String,
    #[serde(with = "number")]
    pub(super) scale: Decimal,
    #[serde(default)]
    pub(super) precision: Option<u32>,
    /// Other ways people write it in running text (`吨/天`, `tpd`).
    #[serde(default)]
    pub(super) words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVocabulary {
    pub(super) id: String,
    pub(super) zh: String,
    pub(super) en: String,
    #[serde(default)]
    pub(super) show_ids: bool,
    pub(super) members: Vec<Member>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFactor {
    pub(super) id: String,
    pub(super) category: String,
    pub(super) zh: String,
    pub(super) en: String,
    pub(super) kind: RawKind,
    pub(super) importance: Importance,
    #[serde(default)]
    pub(super) default_from: Option<PlanField>,
    /// How many days the factor's figures stay current.
    #[serde(default)]
    pub(super) fresh_days: Option<u32>,
    /// Other names tables use for it as a column header (`可供工业用地`, `供电容量`).
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    /// Words an investor's message names it by, besides its names and aliases (`用电负荷`).
    #[serde(default)]
    pub(super) keywords: Vec<String>,
    /// Keywords that imply the time base of the amounts after them (`日用水量` → `t_per_d`):
    /// after one, a bare `吨` is read in that unit's numerator.
    #[serde(default)]
    pub(super) keyword_units: BTreeMap<String, String>,
    /// Named in a message with no amount of its own, it takes this factor's (集中连片 beside
    /// 300亩: the largest parcel is the whole).
    #[serde(default)]
    pub(super) amount_from: Option<String>,
}

#[derive(Deserialize)]
pub(super) enum RawKind {
    AtLeast {
        unit: String,
        #[serde(default)]
        also: Vec<String>,
        #[serde(default, deserialize_with = "optional_decimal")]
        tolerance: Option<Decimal>,
        #[serde(default, deserialize_with = "optional_decimal")]
        max: Option<Decimal>,
    },
    AtMost {
        unit: String,
        #[serde(default)]
        also: Vec<String>,
        #[serde(default, deserialize_with = "optional_decimal")]
        tolerance: Option<Decimal>,
        #[serde(default, deserialize_with = "optional_decimal")]
        max: Option<Decimal>,
    },
    YesNo,
    Level(Vec<Member>),
    Set {
        vocabulary: String,
    },
}

/// The fields `AtLeast` and `AtMost` share, gathered for one check.
pub(super) struct RawMeasure {
    pub(super) unit: String,
    pub(super) also: Vec<String>,
    pub(super) tolerance: Option<Decimal>,
    pub(super) max: Option<Decimal>,
}

fn optional_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    number::deserialize(d).map(Some)
}
