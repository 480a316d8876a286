//! The one pass that turns the catalog file as written into a checked [`Catalog`] (issue #22:
//! the catalog check as named steps). Each step is its own function, called in order from
//! [`RawCatalog::check`]; the first problem found is the error. Reads no file.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::raw::{RawCatalog, RawFactor, RawKind, RawMeasure, RawTier, RawUnit, RawVocabulary};
use super::{
    Catalog, Category, CategoryIdx, DEFAULT_PRECISION, DROP_DOWN_MAX, Factor, FactorIdx, Kind, MAX_PRECISION,
    Measure, Member, PlanField, Tier, Unit, UnitIdx, VocabIdx, Vocabulary, index_u16,
};
use crate::model::error::{CatalogProblem, IdFlaw, IdKind, Key, Named, ParseError};
use crate::model::freshness::{DEFAULT_FRESH_DAYS, MAX_FRESH_DAYS};
use crate::model::text::Text;
use crate::model::value::ValueError;

impl RawCatalog {
    /// Checks the file as read and builds the catalog from it, step by step; the lists are
    /// checked before the factors that refer to them, and the tiers last, against the
    /// finished catalog.
    pub(super) fn check(self, text: &str) -> Result<Catalog, ParseError> {
        self.check_list_sizes(text)?;
        self.check_default_tolerance(text)?;
        let default_fresh_days = self.check_default_fresh_days(text)?;
        self.check_ids(text)?;
        let RawCatalog {
            default_tolerance,
            industry_vocabulary,
            default_fresh_days: _,
            units,
            categories,
            factors,
            vocabularies,
            tiers,
            inquiry,
        } = self;
        let amount_from: Vec<Option<String>> = factors.iter().map(|f| f.amount_from.clone()).collect();
        let units = check_units(units, text)?;
        let inquiry = inquiry.check(&units, text)?;
        let vocabularies = check_vocabularies(vocabularies, text)?;
        let industry_vocabulary = find_industry_vocabulary(&vocabularies, &industry_vocabulary, text)?;
        let factors = FactorCheck {
            text,
            categories: &categories,
            units: &units,
            unit_index: unit_index(&units),
            vocabularies: &vocabularies,
            industry_vocabulary,
            default_tolerance,
            default_fresh_days,
        }
        .check_factors(factors)?;
        let mut factors = factors;
        let factor_ids = factor_ids(&factors);
        resolve_amount_from(&mut factors, &amount_from, &factor_ids, text)?;
        let factor_names = super::names::check_names(&factors, text)?;
        super::names::check_keywords(&factors, text)?;
        let mut catalog = Catalog {
            units,
            categories,
            factors,
            vocabularies,
            industry_vocabulary,
            factor_ids,
            factor_names,
            tiers: Vec::new(),
            inquiry,
            fingerprint: fingerprint(text),
        };
        catalog.tiers = check_tiers(tiers, &catalog, text)?;
        Ok(catalog)
    }

    /// No list longer than a `u16` index can hold, and at least one factor.
    fn check_list_sizes(&self, text: &str) -> Result<(), ParseError> {
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
        Ok(())
    }

    /// The tolerance factors take when they give none is above 0 and at most 1.
    fn check_default_tolerance(&self, text: &str) -> Result<(), ParseError> {
        if !tolerance_fits(self.default_tolerance) {
            return Err(ParseError::at(
                text,
                "default_tolerance",
                CatalogProblem::ToleranceOutOfRange { factor: None }.into(),
            ));
        }
        Ok(())
    }

    /// The period figures stay current by default: [`DEFAULT_FRESH_DAYS`] when the file gives
    /// none, else a number of days from 1 to [`MAX_FRESH_DAYS`].
    fn check_default_fresh_days(&self, text: &str) -> Result<u32, ParseError> {
        match self.default_fresh_days {
            None => Ok(DEFAULT_FRESH_DAYS),
            Some(days) if fresh_days_fit(days) => Ok(days),
            Some(given) => Err(ParseError::at(
                text,
                "default_fresh_days",
                CatalogProblem::FreshDaysOutOfRange { factor: None, given }.into(),
            )),
        }
    }

    /// Every unit, category, factor and vocabulary id is well formed and unique in its kind.
    fn check_ids(&self, text: &str) -> Result<(), ParseError> {
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
            check_id(kind, &item.id).map_err(|p| error_at(text, &item.id, *p))?;
            if !seen.insert((kind, item.id.clone())) {
                return Err(duplicate(text, kind, item));
            }
        }
        Ok(())
    }
}

/// The units, each with a positive scale and a display precision of at most [`MAX_PRECISION`].
fn check_units(raw: Vec<RawUnit>, text: &str) -> Result<Vec<Unit>, ParseError> {
    raw.into_iter()
        .map(|u| {
            if u.scale <= Decimal::ZERO {
                Err(error_at(
                    text,
                    &u.id,
                    CatalogProblem::ScaleNotPositive {
                        unit: named(&u.id, &u.zh, &u.en),
                    },
                ))
            } else if u.precision.is_some_and(|p| p > MAX_PRECISION) {
                Err(error_at(
                    text,
                    &u.id,
                    CatalogProblem::PrecisionTooLarge {
                        unit: named(&u.id, &u.zh, &u.en),
                        max: MAX_PRECISION,
                    },
                ))
            } else if u.words.iter().any(|w| w.trim().is_empty()) {
                Err(error_at(
                    text,
                    &u.id,
                    CatalogProblem::EmptyWord { list: u.id.clone() },
                ))
            } else {
                Ok(Unit {
                    id: u.id,
                    name: Text::new(u.zh, u.en),
                    dimension: u.dimension,
                    scale: u.scale,
                    precision: u.precision.unwrap_or(DEFAULT_PRECISION),
                    words: u.words,
                })
            }
        })
        .collect()
}

/// Each factor's `amount_from`: a factor of the catalog measured in the same unit.
fn resolve_amount_from(
    factors: &mut [Factor],
    given: &[Option<String>],
    ids: &HashMap<String, FactorIdx>,
    text: &str,
) -> Result<(), ParseError> {
    for i in 0..factors.len() {
        let Some(Some(id)) = given.get(i) else { continue };
        let found = ids.get(id.as_str()).copied().filter(|other| {
            let unit = |f: &Factor| f.kind.measure().map(|m| m.unit);
            unit(&factors[other.index()]).is_some() && unit(&factors[other.index()]) == unit(&factors[i])
        });
        let this = factors[i].named();
        match found {
            Some(other) => factors[i].amount_from = Some(other),
            None => {
                return Err(error_at(
                    text,
                    &this.id.clone(),
                    CatalogProblem::BadAmountFrom {
                        factor: this,
                        given: id.clone(),
                    },
                ));
            }
        }
    }
    Ok(())
}

/// The units by id, for the factors' measures to name.
fn unit_index(units: &[Unit]) -> HashMap<&str, UnitIdx> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), UnitIdx(index_u16(i))))
        .collect()
}

/// The vocabularies, each with members, not too many, and member ids well formed and distinct.
fn check_vocabularies(raw: Vec<RawVocabulary>, text: &str) -> Result<Vec<Vocabulary>, ParseError> {
    let mut vocabularies = Vec::with_capacity(raw.len());
    for v in raw {
        let vocabulary = named(&v.id, &v.zh, &v.en);
        if v.members.is_empty() {
            return Err(error_at(
                text,
                &v.id,
                CatalogProblem::EmptyVocabulary { vocabulary },
            ));
        }
        if v.members.len() > usize::from(u16::MAX) {
            return Err(error_at(
                text,
                &v.id,
                CatalogProblem::VocabularyTooLarge { vocabulary },
            ));
        }
        let mut by_id = HashMap::new();
        for (i, m) in v.members.iter().enumerate() {
            check_id(IdKind::Member, &m.id).map_err(|p| error_at(text, &m.id, *p))?;
            if by_id.insert(m.id.clone(), index_u16(i)).is_some() {
                return Err(duplicate(text, IdKind::Member, m.named()));
            }
        }
        vocabularies.push(Vocabulary::new(
            v.id,
            Text::new(v.zh, v.en),
            v.show_ids,
            v.members,
            by_id,
        ));
    }
    Ok(vocabularies)
}

/// The position of a vocabulary, found by its id.
fn vocab_index(vocabularies: &[Vocabulary], id: &str) -> Option<VocabIdx> {
    vocabularies
        .iter()
        .position(|v| v.id == id)
        .map(|i| VocabIdx(index_u16(i)))
}

/// The vocabulary a checklist's industry is chosen from, which must be one of the catalog's.
fn find_industry_vocabulary(
    vocabularies: &[Vocabulary],
    id: &str,
    text: &str,
) -> Result<VocabIdx, ParseError> {
    vocab_index(vocabularies, id).ok_or_else(|| {
        ParseError::at(
            text,
            "industry_vocabulary",
            CatalogProblem::UnknownIndustryVocabulary { given: id.to_owned() }.into(),
        )
    })
}

/// What every factor is checked against: the parts of the catalog checked before them.
struct FactorCheck<'a> {
    text: &'a str,
    categories: &'a [Category],
    units: &'a [Unit],
    unit_index: HashMap<&'a str, UnitIdx>,
    vocabularies: &'a [Vocabulary],
    industry_vocabulary: VocabIdx,
    default_tolerance: Decimal,
    default_fresh_days: u32,
}

impl FactorCheck<'_> {
    /// Every factor, in file order.
    fn check_factors(&self, raw: Vec<RawFactor>) -> Result<Vec<Factor>, ParseError> {
        let mut factors = Vec::with_capacity(raw.len());
        for f in raw {
            factors.push(self.check_factor(f)?);
        }
        Ok(factors)
    }

    /// One factor: its category, its kind, the header field it may take its requirement from,
    /// and a default importance that asks for something.
    fn check_factor(&self, f: RawFactor) -> Result<Factor, ParseError> {
        let this = named(&f.id, &f.zh, &f.en);
        let category = self.category_of(&f, &this)?;
        let kind = self.check_kind(f.kind, &this)?;
        self.check_drop_down(&kind, &this)?;
        self.check_default_from(f.default_from, &kind, &this)?;
        if !f.importance.is_requested() {
            return Err(self.at(&this, CatalogProblem::DefaultNotNeeded { factor: this.clone() }));
        }
        let fresh_days = match f.fresh_days {
            None => self.default_fresh_days,
            Some(days) if fresh_days_fit(days) => days,
            Some(given) => {
                return Err(self.at(
                    &this,
                    CatalogProblem::FreshDaysOutOfRange {
                        factor: Some(this.clone()),
                        given,
                    },
                ));
            }
        };
        if f.keywords.iter().any(|w| w.trim().is_empty()) {
            return Err(self.at(
                &this,
                CatalogProblem::EmptyWord {
                    list: format!("{}.keywords", f.id),
                },
            ));
        }
        let keyword_units = self.check_keyword_units(f.keyword_units, &kind, &this)?;
        Ok(Factor {
            id: f.id,
            category,
            name: Text::new(f.zh, f.en),
            kind,
            importance: f.importance,
            default_from: f.default_from,
            fresh_days,
            aliases: f.aliases,
            keywords: f.keywords,
            keyword_units,
            amount_from: None,
        })
    }

    /// Keywords carrying a time base (`日用水量` → `t_per_d`): each names one of the factor's
    /// own units.
    fn check_keyword_units(
        &self,
        raw: std::collections::BTreeMap<String, String>,
        kind: &Kind,
        this: &Named,
    ) -> Result<Vec<(String, UnitIdx)>, ParseError> {
        raw.into_iter()
            .map(|(keyword, unit)| {
                let found = self
                    .unit_index
                    .get(unit.as_str())
                    .copied()
                    .filter(|u| kind.measure().is_some_and(|m| m.units.contains(u)));
                match found {
                    Some(u) if !keyword.trim().is_empty() => Ok((keyword, u)),
                    _ => Err(self.at(
                        this,
                        CatalogProblem::KeywordUnitNotAccepted {
                            factor: this.clone(),
                            keyword,
                            given: unit,
                        },
                    )),
                }
            })
            .collect()
    }

    /// The error for a problem of the factor `this`, at its id.
    fn at(&self, this: &Named, problem: CatalogProblem) -> ParseError {
        error_at(self.text, &this.id, problem)
    }

    /// The category a factor names, which must be one of the catalog's.
    fn category_of(&self, f: &RawFactor, this: &Named) -> Result<CategoryIdx, ParseError> {
        self.categories
            .iter()
            .position(|c| c.id == f.category)
            .map(|i| CategoryIdx(index_u16(i)))
            .ok_or_else(|| {
                self.at(
                    this,
                    CatalogProblem::UnknownCategory {
                        factor: this.clone(),
                        given: f.category.clone(),
                    },
                )
            })
    }

    /// A factor's kind, with its measure, levels or vocabulary checked.
    fn check_kind(&self, kind: RawKind, this: &Named) -> Result<Kind, ParseError> {
        Ok(match kind {
            RawKind::AtLeast {
                unit,
                also,
                tolerance,
                max,
            } => Kind::AtLeast(self.check_measure(
                RawMeasure {
                    unit,
                    also,
                    tolerance,
                    max,
                },
                this,
            )?),
            RawKind::AtMost {
                unit,
                also,
                tolerance,
                max,
            } => Kind::AtMost(self.check_measure(
                RawMeasure {
                    unit,
                    also,
                    tolerance,
                    max,
                },
                this,
            )?),
            RawKind::YesNo => Kind::YesNo,
            RawKind::Level(levels) => Kind::Level(self.check_levels(levels, this)?),
            RawKind::Set { vocabulary } => {
                Kind::Set(vocab_index(self.vocabularies, &vocabulary).ok_or_else(|| {
                    self.at(
                        this,
                        CatalogProblem::UnknownVocabulary {
                            factor: this.clone(),
                            given: vocabulary.clone(),
                        },
                    )
                })?)
            }
        })
    }

    /// A quantity factor's measure: known units of one dimension that convert exactly into
    /// its own, a tolerance above 0 and at most 1, and a positive maximum.
    fn check_measure(&self, m: RawMeasure, this: &Named) -> Result<Measure, ParseError> {
        let find = |id: &str| {
            self.unit_index.get(id).copied().ok_or_else(|| {
                self.at(
                    this,
                    CatalogProblem::UnknownUnit {
                        factor: this.clone(),
                        given: id.to_owned(),
                    },
                )
            })
        };
        let unit = find(&m.unit)?;
        let mut accepted = vec![unit];
        for id in &m.also {
            let other = find(id)?;
            let (a, b) = (&self.units[other.index()], &self.units[unit.index()]);
            if a.dimension != b.dimension {
                return Err(self.at(
                    this,
                    CatalogProblem::DimensionMismatch {
                        factor: this.clone(),
                        unit: a.named(),
                        unit_dimension: a.dimension.clone(),
                        base: b.named(),
                        base_dimension: b.dimension.clone(),
                    },
                ));
            }
            if !converts_exactly(a.scale, b.scale) {
                return Err(self.at(
                    this,
                    CatalogProblem::InexactConversion {
                        factor: this.clone(),
                        unit: a.named(),
                        base: b.named(),
                    },
                ));
            }
            if !accepted.contains(&other) {
                accepted.push(other);
            }
        }
        let tolerance = m.tolerance.unwrap_or(self.default_tolerance);
        if !tolerance_fits(tolerance) {
            return Err(self.at(
                this,
                CatalogProblem::ToleranceOutOfRange {
                    factor: Some(this.clone()),
                },
            ));
        }
        if m.max.is_some_and(|x| x <= Decimal::ZERO) {
            return Err(self.at(this, CatalogProblem::MaxNotPositive { factor: this.clone() }));
        }
        Ok(Measure::new(unit, accepted, tolerance, m.max, self.units))
    }

    /// A `Level` factor's levels: at least one, with ids well formed and distinct.
    fn check_levels(&self, levels: Vec<Member>, this: &Named) -> Result<Vec<Member>, ParseError> {
        if levels.is_empty() {
            return Err(self.at(this, CatalogProblem::EmptyLevels { factor: this.clone() }));
        }
        let mut seen = HashSet::new();
        for l in &levels {
            check_id(IdKind::Level, &l.id).map_err(|p| self.at(this, *p))?;
            if !seen.insert(l.id.as_str()) {
                return Err(self.at(
                    this,
                    CatalogProblem::DuplicateId {
                        kind: IdKind::Level,
                        item: l.named(),
                    },
                ));
            }
        }
        Ok(levels)
    }

    /// The names the survey offers in the factor's drop-down (its levels', or its units'
    /// Chinese names) fit in a spreadsheet drop-down ([`DROP_DOWN_MAX`]): the survey is
    /// written from any catalog that loads.
    fn check_drop_down(&self, kind: &Kind, this: &Named) -> Result<(), ParseError> {
        let (what, names): (IdKind, Vec<&str>) = match kind {
            Kind::Level(levels) => (IdKind::Level, levels.iter().map(|l| l.name.zh.as_str()).collect()),
            Kind::AtLeast(m) | Kind::AtMost(m) => (
                IdKind::Unit,
                m.units
                    .iter()
                    .map(|u| self.units[u.index()].name.zh.as_str())
                    .collect(),
            ),
            Kind::YesNo | Kind::Set(_) => return Ok(()),
        };
        // A spreadsheet drop-down separates its choices with commas: a name holding one would
        // be offered as two choices, neither of which reads back.
        if let Some(name) = names.iter().find(|n| n.contains(',')) {
            return Err(self.at(
                this,
                CatalogProblem::ChoiceHasComma {
                    factor: this.clone(),
                    kind: what,
                    name: (*name).to_owned(),
                },
            ));
        }
        let length = super::drop_down_length(names.iter().copied());
        if length > DROP_DOWN_MAX {
            return Err(self.at(
                this,
                CatalogProblem::ChoicesTooLong {
                    factor: this.clone(),
                    kind: what,
                    length,
                    max: DROP_DOWN_MAX,
                },
            ));
        }
        Ok(())
    }

    /// A factor that takes its requirement from a checklist header field is of the kind that
    /// field gives: a set of the industry vocabulary, or a quantity for a planned amount.
    fn check_default_from(
        &self,
        default_from: Option<PlanField>,
        kind: &Kind,
        this: &Named,
    ) -> Result<(), ParseError> {
        let fits = match (default_from, kind) {
            (None, _) => true,
            (Some(PlanField::Industry), Kind::Set(v)) => *v == self.industry_vocabulary,
            (Some(PlanField::PlannedIntensity | PlanField::PlannedTaxPerMu), k) => k.measure().is_some(),
            _ => false,
        };
        if let (false, Some(field)) = (fits, default_from) {
            return Err(self.at(
                this,
                CatalogProblem::DefaultFromMismatch {
                    factor: this.clone(),
                    field: format!("{field:?}"),
                },
            ));
        }
        Ok(())
    }
}

/// The factors by id, for [`Catalog::find_factor`].
fn factor_ids(factors: &[Factor]) -> HashMap<String, FactorIdx> {
    factors
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.clone(), FactorIdx(index_u16(i))))
        .collect()
}

/// A hash of the catalog's text, for [`Catalog::fingerprint`].
fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The error for a problem of the entry with id `id`, at the first place the id is quoted.
pub(super) fn error_at(text: &str, id: &str, problem: CatalogProblem) -> ParseError {
    ParseError::at(text, &format!("\"{id}\""), problem.into())
}

/// An id and its names as the raw file gives them.
fn named(id: &str, zh: &str, en: &str) -> Named {
    Named::new(id, Text::new(zh, en))
}

/// Checks the readiness tiers against the finished catalog: known factors, values of their
/// kind, distinct ids, and a last tier with no conditions so that every zone has a tier.
fn check_tiers(raw: Vec<RawTier>, catalog: &Catalog, text: &str) -> Result<Vec<Tier>, ParseError> {
    use crate::model::value::{Value, YesNo, parse_level, parse_members, parse_quantity};
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
    let (line, column) = crate::model::error::line_column(text, second);
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

/// A freshness period a catalog may give: at least a day, at most [`MAX_FRESH_DAYS`].
fn fresh_days_fit(days: u32) -> bool {
    (1..=MAX_FRESH_DAYS).contains(&days)
}

fn tolerance_fits(t: Decimal) -> bool {
    t > Decimal::ZERO && t <= Decimal::ONE
}

/// Whether `from / to` is a finite decimal, so that converting any decimal amount from a unit
/// of scale `from` into one of scale `to` is exact.
pub(super) fn converts_exactly(from: Decimal, to: Decimal) -> bool {
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
