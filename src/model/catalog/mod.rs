//! The factor catalog: which factors exist, how each is measured and scored, and the
//! vocabularies (units, levels, regional assessments, industry divisions) they draw on.
//! It is data (`assets/catalog.ron`); everything else in SiteMatch is driven by it.
//! Pure: parses text, owns no files.
//!
//! This file holds the checked types and their queries; `raw` holds the file as written and
//! `check` the one pass that turns it into a [`Catalog`].

mod check;
mod inquiry;
pub mod names;
mod raw;

pub use inquiry::{ForeignUnit, InquiryWords};

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::error::{Named, ParseError};
use super::importance::Importance;
use super::number;
use super::text::{Lang, Text};
use raw::{RawCatalog, RawNamed};

/// The catalog shipped with SiteMatch, compiled in so the binary works from any folder.
pub const BUILTIN: &str = include_str!("../../../assets/catalog.ron");

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u16);

        impl $name {
            /// The position in its catalog list.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }

            /// The index at a list position; only for positions of a checked list.
            #[allow(dead_code)]
            pub(crate) fn from_index(i: usize) -> Option<Self> {
                u16::try_from(i).ok().map($name)
            }
        }
    };
}

index_type!(
    /// A factor's position in the catalog; also its position in every profile and checklist.
    FactorIdx
);
index_type!(
    /// A unit's position in the catalog's unit list.
    UnitIdx
);
index_type!(
    /// A vocabulary's position in the catalog.
    VocabIdx
);
index_type!(
    /// A category's position in the catalog.
    CategoryIdx
);

/// A unit of measure. `scale` is how many of its dimension's base unit one of it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: Text,
    pub dimension: String,
    pub scale: Decimal,
    /// Decimal places an amount computed in this unit (a gap, a conversion) is shown with.
    pub precision: u32,
    /// Other ways people write it in running text (`吨/天`, `tpd`), besides its names and id.
    pub words: Vec<String>,
}

/// The display precision of a unit whose catalog entry gives none.
pub const DEFAULT_PRECISION: u32 = 2;
/// The most decimal places a unit may be shown with.
const MAX_PRECISION: u32 = 10;

/// The most a spreadsheet drop-down's choices may come to, joined with commas: Excel's limit
/// for a data-validation list, 255 characters (UTF-16 units, as Excel counts them). The survey
/// offers each `Level` factor's levels and each quantity factor's units in such a list, by
/// their Chinese names, so the catalog check holds those names to it.
pub const DROP_DOWN_MAX: usize = 255;

/// How long `names` come to as a drop-down's list: each name as written into the workbook
/// (a `"` doubled), with a comma between two.
pub fn drop_down_length<'a>(names: impl IntoIterator<Item = &'a str>) -> usize {
    let mut length = 0;
    let mut count: usize = 0;
    for name in names {
        length += name.encode_utf16().count() + name.matches('"').count();
        count += 1;
    }
    length + count.saturating_sub(1)
}

/// A named choice: a member of a vocabulary or a level of a `Level` factor.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "RawNamed")]
pub struct Member {
    pub id: String,
    pub name: Text,
    /// Words people search for it by, in either language: the products and activities of an
    /// industry division (`电池`, `钢`, `battery`), the short names of an assessment (`环评`).
    pub keywords: Vec<String>,
}

/// A closed list of members a `Set` factor draws on (regional assessments, industry divisions).
#[derive(Clone, Debug, PartialEq)]
pub struct Vocabulary {
    pub id: String,
    pub name: Text,
    /// Show member ids before names (industry codes such as `C38`).
    pub show_ids: bool,
    pub members: Vec<Member>,
    by_id: HashMap<String, u16>,
    /// Members by their id or name in either language, then by keyword, folded
    /// ([`names::fold`]): what a cell of someone's table names.
    by_name: HashMap<String, Vec<u16>>,
    by_keyword: HashMap<String, Vec<u16>>,
}

impl Unit {
    /// Its id and names, for messages.
    pub fn named(&self) -> Named {
        Named::new(&self.id, self.name.clone())
    }
}

impl Member {
    /// Its id and names, for messages.
    pub fn named(&self) -> Named {
        Named::new(&self.id, self.name.clone())
    }
}

impl Vocabulary {
    /// A vocabulary of these members (their ids checked unique by the caller).
    pub(crate) fn new(
        id: String,
        name: Text,
        show_ids: bool,
        members: Vec<Member>,
        by_id: HashMap<String, u16>,
    ) -> Self {
        let mut by_name: HashMap<String, Vec<u16>> = HashMap::new();
        let mut by_keyword: HashMap<String, Vec<u16>> = HashMap::new();
        for (i, m) in members.iter().enumerate() {
            let Ok(i) = u16::try_from(i) else { continue };
            for n in [&m.id, &m.name.zh, &m.name.en] {
                let list = by_name.entry(names::fold(n)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
            for k in &m.keywords {
                let list = by_keyword.entry(names::fold(k)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Vocabulary {
            id,
            name,
            show_ids,
            members,
            by_id,
            by_name,
            by_keyword,
        }
    }

    /// The members a folded word names: by id or name, else by keyword; several when a
    /// keyword is several members'.
    pub fn named_by(&self, folded: &str) -> &[u16] {
        match self.by_name.get(folded) {
            Some(found) => found,
            None => self.by_keyword.get(folded).map_or(&[], Vec::as_slice),
        }
    }

    /// Whether a folded word is a member's id or name (not only a keyword).
    pub fn is_name(&self, folded: &str) -> bool {
        self.by_name.contains_key(folded)
    }

    /// The position of a member, found by its id.
    pub fn find(&self, id: &str) -> Option<u16> {
        self.by_id.get(id).copied()
    }

    /// The position of a member, found by its Chinese or English name.
    pub fn find_by_name(&self, name: &str) -> Option<u16> {
        self.members
            .iter()
            .position(|m| m.name.zh == name || m.name.en.eq_ignore_ascii_case(name))
            .and_then(|i| u16::try_from(i).ok())
    }

    /// Its id and names, for messages.
    pub fn named(&self) -> Named {
        Named::new(&self.id, self.name.clone())
    }

    /// A member's id and names as running text shows them (with its code where the
    /// vocabulary shows codes: `C38 电气机械和器材制造业`), for messages.
    pub fn member_named(&self, member: u16) -> Named {
        let id = self
            .members
            .get(usize::from(member))
            .map_or_else(String::new, |m| m.id.clone());
        Named::new(
            id,
            Text::new(self.label(member, Lang::Zh), self.label(member, Lang::En)),
        )
    }

    /// How a member reads in running text (`C38 电气机械和器材制造业`, `地震安全性评价`).
    pub fn label(&self, member: u16, lang: Lang) -> String {
        match self.members.get(usize::from(member)) {
            Some(m) if self.show_ids => format!("{} {}", m.id, m.name.get(lang)),
            Some(m) => m.name.get(lang).to_owned(),
            None => String::from("?"),
        }
    }
}

/// One of the groups factors are shown in.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "RawNamed")]
pub struct Category {
    pub id: String,
    pub name: Text,
}

/// How a quantity factor is measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The unit values are compared and shown in.
    pub unit: UnitIdx,
    /// Every unit a value may be entered in, `unit` first; each converts exactly into `unit`.
    pub units: Vec<UnitIdx>,
    /// Share of the requirement inside which partial credit is given (the scoring rules, README § Scoring).
    pub tolerance: Decimal,
    /// The largest value that can be true of any zone, in `unit`; larger ones are mistakes.
    pub max: Option<Decimal>,
    /// The words that may follow a number of this factor ([`crate::model::amount::unit_words`]),
    /// made once: with no unit current, then with each of `units` current (where a bare 万 or
    /// 亿 multiplies that unit).
    pub(crate) words: Vec<Vec<crate::model::amount::UnitWord<UnitIdx>>>,
}

impl Measure {
    /// A measure in these units; its unit words made from the catalog's `all` units.
    pub(crate) fn new(
        unit: UnitIdx,
        units: Vec<UnitIdx>,
        tolerance: Decimal,
        max: Option<Decimal>,
        all: &[Unit],
    ) -> Self {
        let words_for = |current: Option<UnitIdx>| -> Vec<crate::model::amount::UnitWord<UnitIdx>> {
            units
                .iter()
                .filter_map(|u| all.get(u.index()).map(|x| (u, x)))
                .flat_map(|(u, x)| {
                    let mut words = crate::model::amount::unit_words(
                        &x.name.zh,
                        &x.name.en,
                        &x.id,
                        *u,
                        current == Some(*u),
                    );
                    words.extend(
                        x.words
                            .iter()
                            .flat_map(|w| crate::model::amount::UnitWord::synonyms(w, *u)),
                    );
                    words
                })
                .collect()
        };
        let words = std::iter::once(None)
            .chain(units.iter().copied().map(Some))
            .map(words_for)
            .collect();
        Measure {
            unit,
            units,
            tolerance,
            max,
            words,
        }
    }

    /// The words that may follow a number of this factor, with `current` the unit a bare 万
    /// or 亿 multiplies (none when `None` or not one of its units).
    pub fn unit_words(&self, current: Option<UnitIdx>) -> &[crate::model::amount::UnitWord<UnitIdx>] {
        let at = match current {
            Some(c) => self.units.iter().position(|u| *u == c).map_or(0, |i| i + 1),
            None => 0,
        };
        self.words.get(at).map_or(&[], Vec::as_slice)
    }
}

/// How a factor is compared (README § Files, the catalog).
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// The zone's value must be at least the requirement.
    AtLeast(Measure),
    /// The zone's value must be at most the requirement.
    AtMost(Measure),
    /// The zone answers yes, planned (with a date) or no.
    YesNo,
    /// Ordered choices, lowest first; a higher level serves a lower need.
    Level(Vec<Member>),
    /// The zone must hold every required member of a vocabulary.
    Set(VocabIdx),
}

impl Kind {
    /// The measure of a quantity factor.
    pub fn measure(&self) -> Option<&Measure> {
        match self {
            Kind::AtLeast(m) | Kind::AtMost(m) => Some(m),
            _ => None,
        }
    }
}

/// A checklist header field that supplies a factor's requirement when the item gives none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum PlanField {
    /// The project's industry division: the requirement of the industry-admission factor.
    Industry,
    /// The planned investment intensity (万元/亩), against the zone's floor.
    PlannedIntensity,
    /// The planned tax per mu (万元/亩), against the zone's floor.
    PlannedTaxPerMu,
}

impl PlanField {
    /// The header field's name as the form shows it.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = super::texts::TEXTS.get(lang);
        match self {
            PlanField::Industry => t.industry,
            PlanField::PlannedIntensity => t.planned_intensity,
            PlanField::PlannedTaxPerMu => t.planned_tax_per_mu,
        }
    }
}

/// One factor an investor can ask of a zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Factor {
    pub id: String,
    pub category: CategoryIdx,
    pub name: Text,
    pub kind: Kind,
    /// Importance when a checklist does not say.
    pub importance: Importance,
    pub default_from: Option<PlanField>,
    /// How many days its figures stay current (DOMAIN §4, "Freshness").
    pub fresh_days: u32,
    /// Other names provinces' and zones' tables give it as a column header, besides its own
    /// (`可供工业用地`, `供电容量`); no two factors share one (checked at load).
    pub aliases: Vec<String>,
    /// Words an investor's message names it by in running text, besides its names and aliases
    /// (`用电负荷`, `power load`).
    pub keywords: Vec<String>,
    /// Keywords that carry the time base of the amounts after them (`日用水量` → 吨/日): after
    /// one, a unit's bare numerator (`2000吨`) is read in that unit's dimension. Also keywords.
    pub keyword_units: Vec<(String, UnitIdx)>,
    /// Named in a message with no amount of its own, it takes this factor's amount (the
    /// largest parcel "集中连片" beside "300亩"); the same unit, checked at load.
    pub amount_from: Option<FactorIdx>,
}

impl Factor {
    /// Its id and names, for messages.
    pub fn named(&self) -> Named {
        Named::new(&self.id, self.name.clone())
    }
}

/// The checked catalog. Built only by [`Catalog::parse`], so every index in it is valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    units: Vec<Unit>,
    categories: Vec<Category>,
    factors: Vec<Factor>,
    vocabularies: Vec<Vocabulary>,
    industry_vocabulary: VocabIdx,
    factor_ids: HashMap<String, FactorIdx>,
    /// Every factor's names and aliases, folded ([`names::fold`]), to the factor.
    factor_names: HashMap<String, FactorIdx>,
    tiers: Vec<Tier>,
    /// The words an investor's message is read with.
    inquiry: InquiryWords,
    /// A hash of the text the catalog was read from: what indices into it mean.
    fingerprint: u64,
}

/// A readiness tier (certified-site style): a zone is in the first tier, best first, whose
/// conditions its inventory meets on the day. The last tier has no conditions.
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    pub id: String,
    pub name: Text,
    /// Values the zone must offer, scored as a checklist requiring them would be; in catalog
    /// order.
    pub met: Vec<(FactorIdx, super::value::Value)>,
    /// Factors the zone must hold a value for, whatever it is; in catalog order.
    pub known: Vec<FactorIdx>,
    /// A yes / no planned within this many months counts as yes (0: only yes counts).
    pub planned_within_months: u8,
}

impl Catalog {
    /// The catalog compiled into SiteMatch.
    pub fn builtin() -> Result<Catalog, ParseError> {
        Catalog::parse(BUILTIN)
    }

    /// Parses and checks a catalog: duplicate ids, unknown units, categories and vocabularies,
    /// empty lists, inexact unit conversions, out-of-range tolerances, empty aliases and a
    /// name or alias two factors share are errors.
    pub fn parse(text: &str) -> Result<Catalog, ParseError> {
        let text = &*super::parse::prepare(text)?;
        let raw: RawCatalog = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| ParseError::from_ron(text, &e, Vec::new(), None))?;
        raw.check(text)
    }

    /// The measure of the factor whose requirement a checklist's header field supplies
    /// (planned intensity → the zone's intensity floor), if any: its `max` bounds the field.
    pub fn fed_measure(&self, field: PlanField) -> Option<&Measure> {
        self.factors()
            .find(|(_, f)| f.default_from == Some(field))
            .and_then(|(_, f)| f.kind.measure())
    }

    /// Every factor with its index, in catalog order.
    pub fn factors(&self) -> impl ExactSizeIterator<Item = (FactorIdx, &Factor)> + Clone {
        self.factors
            .iter()
            .enumerate()
            .map(|(i, f)| (FactorIdx(index_u16(i)), f))
    }

    /// The number of factors.
    /// A hash of the catalog's text: two catalogs with the same fingerprint give every index
    /// (factor, unit, level, member) the same meaning, so values stored by index can be reused.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub fn len(&self) -> usize {
        self.factors.len()
    }

    /// A catalog always has factors; this is here for the `len` convention.
    pub fn is_empty(&self) -> bool {
        self.factors.is_empty()
    }

    /// The factor at an index of this catalog.
    pub fn factor(&self, idx: FactorIdx) -> &Factor {
        &self.factors[idx.index()]
    }

    /// Finds a factor by its id.
    pub fn find_factor(&self, id: &str) -> Option<FactorIdx> {
        self.factor_ids.get(id).copied()
    }

    /// The known factor id closest to a mistyped one, for "did you mean" hints.
    pub fn suggest_factor(&self, id: &str) -> Option<&str> {
        closest(id, self.factors.iter().map(|f| f.id.as_str()))
    }

    /// The words an investor's message is read with (importance, bounds, units not converted).
    pub fn inquiry(&self) -> &InquiryWords {
        &self.inquiry
    }

    /// The readiness tiers, best first; empty when the catalog defines none.
    pub fn tiers(&self) -> &[Tier] {
        &self.tiers
    }

    /// The categories, in order.
    pub fn categories(&self) -> impl ExactSizeIterator<Item = (CategoryIdx, &Category)> {
        self.categories
            .iter()
            .enumerate()
            .map(|(i, c)| (CategoryIdx(index_u16(i)), c))
    }

    /// The categories as a list, in order.
    pub fn category_list(&self) -> &[Category] {
        &self.categories
    }

    /// The category at an index of this catalog.
    pub fn category(&self, idx: CategoryIdx) -> &Category {
        &self.categories[idx.index()]
    }

    /// The factors of one category, in catalog order.
    pub fn factors_in(&self, category: CategoryIdx) -> impl Iterator<Item = (FactorIdx, &Factor)> {
        self.factors().filter(move |(_, f)| f.category == category)
    }

    /// The unit at an index of this catalog.
    pub fn unit(&self, idx: UnitIdx) -> &Unit {
        &self.units[idx.index()]
    }

    /// The vocabulary at an index of this catalog.
    pub fn vocabulary(&self, idx: VocabIdx) -> &Vocabulary {
        &self.vocabularies[idx.index()]
    }

    /// The vocabulary a checklist's industry is chosen from (GB/T 4754 divisions).
    pub fn industries(&self) -> &Vocabulary {
        self.vocabulary(self.industry_vocabulary)
    }

    /// The index of the industry vocabulary.
    pub fn industry_vocabulary(&self) -> VocabIdx {
        self.industry_vocabulary
    }

    /// Converts an amount between two units of one dimension. Exact for every pair a factor
    /// accepts (checked when the catalog is parsed).
    pub fn convert(&self, amount: Decimal, from: UnitIdx, to: UnitIdx) -> Option<Decimal> {
        if from == to {
            return Some(amount);
        }
        let (from, to) = (self.unit(from), self.unit(to));
        if from.dimension != to.dimension {
            return None;
        }
        amount.checked_mul(from.scale)?.checked_div(to.scale)
    }

    /// An amount computed in a unit (a gap, a change, a conversion) as a reader sees it: rounded
    /// away from zero to the unit's display precision, so a shortfall is never shown smaller
    /// than it is, thousands grouped, with the unit's name (`362.72 亩`).
    pub fn amount_text(&self, amount: Decimal, unit: UnitIdx, lang: Lang) -> String {
        let u = self.unit(unit);
        let shown = amount.round_dp_with_strategy(u.precision, rust_decimal::RoundingStrategy::AwayFromZero);
        format!("{} {}", number::grouped(shown), u.name.get(lang))
    }

    /// Finds one of `allowed` by its id or by its Chinese or English name (`mu`, `亩`, `m²`).
    pub fn find_unit(&self, token: &str, allowed: &[UnitIdx]) -> Option<UnitIdx> {
        // Files hold units by id: that case needs no spelling variants (and no allocation).
        let token_trimmed = token.trim();
        allowed
            .iter()
            .copied()
            .find(|&u| self.unit(u).id == token_trimmed)
            .or_else(|| allowed.iter().copied().find(|&u| self.unit_matches(u, token)))
    }

    /// Whether any unit of the catalog goes by `token`, allowed for a factor or not.
    pub fn knows_unit(&self, token: &str) -> bool {
        self.find_any_unit(token).is_some()
    }

    /// The unit of the catalog that goes by `token`, allowed for a factor or not.
    pub fn find_any_unit(&self, token: &str) -> Option<UnitIdx> {
        (0..self.units.len())
            .map(|i| UnitIdx(index_u16(i)))
            .find(|&u| self.unit_matches(u, token))
    }

    fn unit_matches(&self, u: UnitIdx, token: &str) -> bool {
        let ascii = |s: &str| s.trim().replace('²', "2").replace('³', "3").replace('㎡', "m2");
        let unit = self.unit(u);
        let token = token.trim();
        unit.id.eq_ignore_ascii_case(&ascii(token))
            || unit.name.zh == token
            || ascii(&unit.name.en).eq_ignore_ascii_case(&ascii(token))
    }
}

fn index_u16(i: usize) -> u16 {
    // Lists are checked to hold at most u16::MAX entries when the catalog is parsed.
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
/// A candidate whose length alone differs by more than that is not measured: the distance is
/// at least the difference, and measuring a long text (a header or cell of 32 767 characters
/// from a workbook) against every name costs its length times theirs.
pub(crate) fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let chars = word.chars().count();
    candidates
        .filter_map(|c| {
            let limit = (c.chars().count() / 3).max(2);
            if chars.abs_diff(c.chars().count()) > limit {
                return None;
            }
            let d = strsim::levenshtein(word, c);
            (d <= limit).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;
