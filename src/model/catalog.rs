//! The factor catalog: which factors exist, how each is measured and scored, and the
//! vocabularies (units, levels, regional assessments, industry divisions) they draw on.
//! It is data (`assets/catalog.ron`); everything else in SiteMatch is driven by it.
//! Pure: parses text, owns no files.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::Deserialize;

use super::error::{CatalogProblem, IdFlaw, IdKind, Key, Named, ParseError};
use super::importance::Importance;
use super::number;
use super::text::{Lang, Text};
use super::value::ValueError;

/// The catalog shipped with SiteMatch, compiled in so the binary works from any folder.
pub const BUILTIN: &str = include_str!("../../assets/catalog.ron");

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
}

/// The display precision of a unit whose catalog entry gives none.
pub const DEFAULT_PRECISION: u32 = 2;
/// The most decimal places a unit may be shown with.
const MAX_PRECISION: u32 = 10;

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
        match (self, lang) {
            (PlanField::Industry, Lang::Zh) => "行业",
            (PlanField::Industry, Lang::En) => "industry",
            (PlanField::PlannedIntensity, Lang::Zh) => "计划投资强度",
            (PlanField::PlannedIntensity, Lang::En) => "planned investment intensity",
            (PlanField::PlannedTaxPerMu, Lang::Zh) => "计划亩均税收",
            (PlanField::PlannedTaxPerMu, Lang::En) => "planned tax per mu",
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
    tiers: Vec<Tier>,
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
    /// empty lists, inexact unit conversions and out-of-range tolerances are errors.
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
pub(crate) fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

// ---------------------------------------------------------------------------------------------
// The file as written, checked once into `Catalog`.

#[derive(Deserialize)]
#[serde(rename = "Catalog", deny_unknown_fields)]
struct RawCatalog {
    #[serde(with = "number")]
    default_tolerance: Decimal,
    industry_vocabulary: String,
    units: Vec<RawUnit>,
    categories: Vec<Category>,
    factors: Vec<RawFactor>,
    vocabularies: Vec<RawVocabulary>,
    #[serde(default)]
    tiers: Vec<RawTier>,
}

/// `(id: "ready_now", zh: "…", en: "…", met: {"factor": "value"}, known: ["factor"])`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTier {
    id: String,
    zh: String,
    #[serde(default)]
    en: String,
    #[serde(default)]
    met: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    known: Vec<String>,
    #[serde(default)]
    planned_within_months: u8,
}

/// `(id: "…", zh: "…", en: "…")`: the shape of members, levels and categories.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNamed {
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
struct RawUnit {
    id: String,
    zh: String,
    en: String,
    dimension: String,
    #[serde(with = "number")]
    scale: Decimal,
    #[serde(default)]
    precision: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    id: String,
    zh: String,
    en: String,
    #[serde(default)]
    show_ids: bool,
    members: Vec<Member>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFactor {
    id: String,
    category: String,
    zh: String,
    en: String,
    kind: RawKind,
    importance: Importance,
    #[serde(default)]
    default_from: Option<PlanField>,
}

#[derive(Deserialize)]
enum RawKind {
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

struct RawMeasure {
    unit: String,
    also: Vec<String>,
    tolerance: Option<Decimal>,
    max: Option<Decimal>,
}

fn optional_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    number::deserialize(d).map(Some)
}

impl RawCatalog {
    fn check(self, text: &str) -> Result<Catalog, ParseError> {
        let err =
            |id: &str, problem: CatalogProblem| ParseError::at(text, &format!("\"{id}\""), problem.into());

        let too_many = [
            ("units", self.units.len()),
            ("factors", self.factors.len()),
            ("categories", self.categories.len()),
            ("vocabularies", self.vocabularies.len()),
        ]
        .into_iter()
        .find(|(_, n)| *n > usize::from(u16::MAX));
        if let Some((list, count)) = too_many {
            return Err(ParseError::at(
                text,
                list,
                CatalogProblem::TooMany {
                    list: Key::new(list),
                    count,
                }
                .into(),
            ));
        }
        if self.factors.is_empty() {
            return Err(ParseError::at(text, "factors", CatalogProblem::NoFactors.into()));
        }
        if !tolerance_fits(self.default_tolerance) {
            return Err(ParseError::at(
                text,
                "default_tolerance",
                CatalogProblem::ToleranceOutOfRange { factor: None }.into(),
            ));
        }

        let mut seen = HashSet::new();
        let ids = self
            .units
            .iter()
            .map(|u| (IdKind::Unit, named(&u.id, &u.zh, &u.en)))
            .chain(
                self.categories
                    .iter()
                    .map(|c| (IdKind::Category, Named::new(&c.id, c.name.clone()))),
            )
            .chain(
                self.factors
                    .iter()
                    .map(|f| (IdKind::Factor, named(&f.id, &f.zh, &f.en))),
            )
            .chain(
                self.vocabularies
                    .iter()
                    .map(|v| (IdKind::Vocabulary, named(&v.id, &v.zh, &v.en))),
            );
        for (kind, item) in ids {
            check_id(kind, &item.id).map_err(|p| err(&item.id, *p))?;
            if !seen.insert((kind, item.id.clone())) {
                return Err(duplicate(text, kind, item));
            }
        }

        let units: Vec<Unit> = self
            .units
            .into_iter()
            .map(|u| {
                if u.scale <= Decimal::ZERO {
                    Err(err(
                        &u.id,
                        CatalogProblem::ScaleNotPositive {
                            unit: named(&u.id, &u.zh, &u.en),
                        },
                    ))
                } else if u.precision.is_some_and(|p| p > MAX_PRECISION) {
                    Err(err(
                        &u.id,
                        CatalogProblem::PrecisionTooLarge {
                            unit: named(&u.id, &u.zh, &u.en),
                            max: MAX_PRECISION,
                        },
                    ))
                } else {
                    Ok(Unit {
                        id: u.id,
                        name: Text::new(u.zh, u.en),
                        dimension: u.dimension,
                        scale: u.scale,
                        precision: u.precision.unwrap_or(DEFAULT_PRECISION),
                    })
                }
            })
            .collect::<Result<_, _>>()?;
        let unit_index: HashMap<&str, UnitIdx> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), UnitIdx(index_u16(i))))
            .collect();

        let mut vocabularies = Vec::with_capacity(self.vocabularies.len());
        for v in self.vocabularies {
            let vocabulary = named(&v.id, &v.zh, &v.en);
            if v.members.is_empty() {
                return Err(err(&v.id, CatalogProblem::EmptyVocabulary { vocabulary }));
            }
            if v.members.len() > usize::from(u16::MAX) {
                return Err(err(&v.id, CatalogProblem::VocabularyTooLarge { vocabulary }));
            }
            let mut by_id = HashMap::new();
            for (i, m) in v.members.iter().enumerate() {
                check_id(IdKind::Member, &m.id).map_err(|p| err(&m.id, *p))?;
                if by_id.insert(m.id.clone(), index_u16(i)).is_some() {
                    return Err(duplicate(text, IdKind::Member, m.named()));
                }
            }
            vocabularies.push(Vocabulary {
                id: v.id,
                name: Text::new(v.zh, v.en),
                show_ids: v.show_ids,
                members: v.members,
                by_id,
            });
        }
        let vocab_index = |id: &str| {
            vocabularies
                .iter()
                .position(|v| v.id == id)
                .map(|i| VocabIdx(index_u16(i)))
        };
        let industry_vocabulary = vocab_index(&self.industry_vocabulary).ok_or_else(|| {
            ParseError::at(
                text,
                "industry_vocabulary",
                CatalogProblem::UnknownIndustryVocabulary {
                    given: self.industry_vocabulary.clone(),
                }
                .into(),
            )
        })?;

        let mut factors = Vec::with_capacity(self.factors.len());
        for f in self.factors {
            let this = named(&f.id, &f.zh, &f.en);
            let at = |problem: CatalogProblem| err(&f.id, problem);
            let category = self
                .categories
                .iter()
                .position(|c| c.id == f.category)
                .map(|i| CategoryIdx(index_u16(i)))
                .ok_or_else(|| {
                    at(CatalogProblem::UnknownCategory {
                        factor: this.clone(),
                        given: f.category.clone(),
                    })
                })?;
            let measure = |m: RawMeasure| -> Result<Measure, ParseError> {
                let find = |id: &str| {
                    unit_index.get(id).copied().ok_or_else(|| {
                        at(CatalogProblem::UnknownUnit {
                            factor: this.clone(),
                            given: id.to_owned(),
                        })
                    })
                };
                let unit = find(&m.unit)?;
                let mut accepted = vec![unit];
                for id in &m.also {
                    let other = find(id)?;
                    let (a, b) = (&units[other.index()], &units[unit.index()]);
                    if a.dimension != b.dimension {
                        return Err(at(CatalogProblem::DimensionMismatch {
                            factor: this.clone(),
                            unit: a.named(),
                            unit_dimension: a.dimension.clone(),
                            base: b.named(),
                            base_dimension: b.dimension.clone(),
                        }));
                    }
                    if !converts_exactly(a.scale, b.scale) {
                        return Err(at(CatalogProblem::InexactConversion {
                            factor: this.clone(),
                            unit: a.named(),
                            base: b.named(),
                        }));
                    }
                    if !accepted.contains(&other) {
                        accepted.push(other);
                    }
                }
                let tolerance = m.tolerance.unwrap_or(self.default_tolerance);
                if !tolerance_fits(tolerance) {
                    return Err(at(CatalogProblem::ToleranceOutOfRange {
                        factor: Some(this.clone()),
                    }));
                }
                if m.max.is_some_and(|x| x <= Decimal::ZERO) {
                    return Err(at(CatalogProblem::MaxNotPositive { factor: this.clone() }));
                }
                Ok(Measure {
                    unit,
                    units: accepted,
                    tolerance,
                    max: m.max,
                })
            };
            let kind = match f.kind {
                RawKind::AtLeast {
                    unit,
                    also,
                    tolerance,
                    max,
                } => Kind::AtLeast(measure(RawMeasure {
                    unit,
                    also,
                    tolerance,
                    max,
                })?),
                RawKind::AtMost {
                    unit,
                    also,
                    tolerance,
                    max,
                } => Kind::AtMost(measure(RawMeasure {
                    unit,
                    also,
                    tolerance,
                    max,
                })?),
                RawKind::YesNo => Kind::YesNo,
                RawKind::Level(levels) => {
                    if levels.is_empty() {
                        return Err(at(CatalogProblem::EmptyLevels { factor: this.clone() }));
                    }
                    let mut seen = HashSet::new();
                    for l in &levels {
                        check_id(IdKind::Level, &l.id).map_err(|p| at(*p))?;
                        if !seen.insert(l.id.as_str()) {
                            return Err(at(CatalogProblem::DuplicateId {
                                kind: IdKind::Level,
                                item: l.named(),
                            }));
                        }
                    }
                    Kind::Level(levels)
                }
                RawKind::Set { vocabulary } => Kind::Set(vocab_index(&vocabulary).ok_or_else(|| {
                    at(CatalogProblem::UnknownVocabulary {
                        factor: this.clone(),
                        given: vocabulary.clone(),
                    })
                })?),
            };
            let fits = match (f.default_from, &kind) {
                (None, _) => true,
                (Some(PlanField::Industry), Kind::Set(v)) => *v == industry_vocabulary,
                (Some(PlanField::PlannedIntensity | PlanField::PlannedTaxPerMu), k) => k.measure().is_some(),
                _ => false,
            };
            if let (false, Some(field)) = (fits, f.default_from) {
                return Err(at(CatalogProblem::DefaultFromMismatch {
                    factor: this.clone(),
                    field: format!("{field:?}"),
                }));
            }
            if !f.importance.is_requested() {
                return Err(at(CatalogProblem::DefaultNotNeeded { factor: this.clone() }));
            }
            factors.push(Factor {
                id: f.id,
                category,
                name: Text::new(f.zh, f.en),
                kind,
                importance: f.importance,
                default_from: f.default_from,
            });
        }
        let factor_ids = factors
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), FactorIdx(index_u16(i))))
            .collect();
        let mut catalog = Catalog {
            units,
            categories: self.categories,
            factors,
            vocabularies,
            industry_vocabulary,
            factor_ids,
            tiers: Vec::new(),
            fingerprint: {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                text.hash(&mut h);
                h.finish()
            },
        };
        catalog.tiers = check_tiers(self.tiers, &catalog, text)?;
        Ok(catalog)
    }
}

/// An id and its names as the raw file gives them.
fn named(id: &str, zh: &str, en: &str) -> Named {
    Named::new(id, Text::new(zh, en))
}

/// Checks the readiness tiers against the finished catalog: known factors, values of their
/// kind, distinct ids, and a last tier with no conditions so that every zone has a tier.
fn check_tiers(raw: Vec<RawTier>, catalog: &Catalog, text: &str) -> Result<Vec<Tier>, ParseError> {
    use super::value::{Value, YesNo, parse_level, parse_members, parse_quantity};
    let mut seen = HashSet::new();
    let mut tiers = Vec::with_capacity(raw.len());
    for t in raw {
        let tier = named(&t.id, &t.zh, &t.en);
        let err = |problem: CatalogProblem| ParseError::at(text, &format!("\"{}\"", t.id), problem.into());
        check_id(IdKind::Tier, &t.id).map_err(|p| err(*p))?;
        if !seen.insert(t.id.clone()) {
            return Err(duplicate(text, IdKind::Tier, tier));
        }
        let factor = |id: &str| {
            catalog.find_factor(id).ok_or_else(|| {
                err(CatalogProblem::TierUnknownFactor {
                    tier: tier.clone(),
                    given: id.to_owned(),
                    suggestion: catalog
                        .suggest_factor(id)
                        .and_then(|c| catalog.find_factor(c))
                        .map(|f| catalog.factor(f).named()),
                })
            })
        };
        let mut met = Vec::with_capacity(t.met.len());
        for (id, value) in &t.met {
            let f = factor(id)?;
            let kind = &catalog.factor(f).kind;
            let bad = |cause: ValueError| {
                err(CatalogProblem::TierBadValue {
                    tier: tier.clone(),
                    factor: catalog.factor(f).named(),
                    value: value.clone(),
                    cause: Box::new(cause),
                })
            };
            let v = match kind {
                Kind::AtLeast(m) | Kind::AtMost(m) => {
                    Value::Amount(parse_quantity(catalog, m, value).map_err(bad)?)
                }
                Kind::YesNo if value.trim().eq_ignore_ascii_case("yes") => Value::YesNo(YesNo::Yes),
                Kind::YesNo => {
                    return Err(err(CatalogProblem::TierNotYes {
                        tier: tier.clone(),
                        factor: catalog.factor(f).named(),
                        value: value.clone(),
                    }));
                }
                Kind::Level(_) => Value::Level(parse_level(catalog.factor(f), value).map_err(bad)?),
                Kind::Set(v) => {
                    let ids: Vec<&str> = value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect();
                    Value::set(parse_members(catalog, *v, &ids).map_err(bad)?)
                }
            };
            met.push((f, v));
        }
        met.sort_by_key(|(f, _)| *f);
        let mut known = t
            .known
            .iter()
            .map(|id| factor(id))
            .collect::<Result<Vec<_>, _>>()?;
        known.sort_unstable();
        known.dedup();
        tiers.push(Tier {
            id: t.id,
            name: Text::new(t.zh, t.en),
            met,
            known,
            planned_within_months: t.planned_within_months,
        });
    }
    if let Some(last) = tiers.last()
        && !(last.met.is_empty() && last.known.is_empty())
    {
        return Err(ParseError::at(
            text,
            &format!("\"{}\"", last.id),
            CatalogProblem::LastTierHasConditions {
                tier: Named::new(&last.id, last.name.clone()),
            }
            .into(),
        ));
    }
    Ok(tiers)
}

fn duplicate(text: &str, kind: IdKind, item: Named) -> ParseError {
    // Point at the second occurrence, which is the one to remove or rename.
    let needle = format!("\"{}\"", item.id);
    let first = text.find(&needle).unwrap_or(0);
    let second = text
        .get(first + needle.len()..)
        .and_then(|rest| rest.find(&needle))
        .map_or(first, |i| first + needle.len() + i);
    let (line, column) = super::error::line_column(text, second);
    ParseError::new(line, column, CatalogProblem::DuplicateId { kind, item }.into())
}

/// Ids are what files refer to: non-empty, no spaces, no quotes.
fn check_id(kind: IdKind, id: &str) -> Result<(), Box<CatalogProblem>> {
    let flaw = if id.is_empty() {
        IdFlaw::Empty
    } else if id.chars().any(|c| c.is_whitespace() || c == '"' || c == '\\') {
        IdFlaw::SpaceOrQuote
    } else {
        return Ok(());
    };
    Err(Box::new(CatalogProblem::BadId {
        kind,
        id: id.to_owned(),
        flaw,
    }))
}

fn tolerance_fits(t: Decimal) -> bool {
    t > Decimal::ZERO && t <= Decimal::ONE
}

/// Whether `from / to` is a finite decimal, so that converting any decimal amount from a unit
/// of scale `from` into one of scale `to` is exact.
fn converts_exactly(from: Decimal, to: Decimal) -> bool {
    // from = a / 10^p, to = b / 10^q, so from / to = a·10^q / (b·10^p).
    let ten = |n: u32| 10_i128.checked_pow(n);
    let (Some(tq), Some(tp)) = (ten(to.scale()), ten(from.scale())) else {
        return false;
    };
    let (Some(num), Some(den)) = (from.mantissa().checked_mul(tq), to.mantissa().checked_mul(tp)) else {
        return false;
    };
    let mut den = den / gcd(num, den);
    for p in [2, 5] {
        while den != 0 && den % p == 0 {
            den /= p;
        }
    }
    den.abs() == 1
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
