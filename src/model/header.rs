//! Reading a column header of a province's or a zone's own table as a factor: the factor's
//! Chinese or English name or one of its catalog `aliases`, optionally followed by a unit in
//! parentheses or after a slash (`可供工业用地面积（亩）`, `供电容量/MW`,
//! `可供工业用地面积(万平方米)`). The whole header is tried first, since some names hold
//! parentheses themselves (`标准地(净地)出让`). Width, spaces and case do not matter
//! ([`fold`]). Pure; nothing is guessed: a header that names no factor, or a unit the factor
//! does not take, is a [`HeaderProblem`] with the reason.

use super::amount::normalize_word;
use super::catalog::names::fold;
use super::catalog::{Catalog, FactorIdx, Measure, UnitIdx, closest};
use super::error::Named;
use super::text::{Lang, Localize, join_list};
use super::value::units_named;

/// The unit a header gives its column's amounts: a unit of the factor and the power of ten
/// the header's word multiplies by (`万亩`: mu and 4; `亩`: mu and 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderUnit {
    pub unit: UnitIdx,
    pub exp: i32,
}

/// A header read as a factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderMatch {
    pub factor: FactorIdx,
    /// The unit the header states, for a quantity factor.
    pub unit: Option<HeaderUnit>,
    /// What a yes/no, level or set header adds in parentheses or after a slash, which says
    /// nothing the reading needs (`是/否` in `双回路供电（是/否）`), as written, for the review.
    pub remark: Option<String>,
}

/// Why a header is not read as a factor; each carries the header as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HeaderProblem {
    /// Nothing but spaces.
    Empty,
    /// No factor goes by this name; `suggestion` is a close one.
    UnknownName {
        header: String,
        suggestion: Option<Named>,
    },
    /// A unit the catalog knows but the factor does not take (`供电容量（亩）`).
    UnitNotAllowed {
        header: String,
        factor: Named,
        unit: Named,
        allowed: Vec<Named>,
    },
    /// A word where the unit belongs that is no unit the factor takes, nor any unit.
    UnknownUnit {
        header: String,
        factor: Named,
        unit: String,
        allowed: Vec<Named>,
    },
    /// A unit after a factor that is not measured in units (a yes/no, level or set).
    TakesNoUnit {
        header: String,
        factor: Named,
        unit: Named,
    },
}

impl Localize for HeaderProblem {
    fn text(&self, lang: Lang) -> String {
        let names =
            |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.name(lang).to_owned()).collect() };
        let hint = |s: &Option<Named>| match (s, lang) {
            (None, _) => String::new(),
            (Some(s), Lang::Zh) => format!("；{}", s.hint(lang)),
            (Some(s), Lang::En) => format!("; {}", s.hint(lang)),
        };
        match (self, lang) {
            (HeaderProblem::Empty, Lang::Zh) => "表头为空".into(),
            (HeaderProblem::Empty, Lang::En) => "the header is empty".into(),
            (HeaderProblem::UnknownName { header, suggestion }, Lang::Zh) => {
                format!("表头“{header}”不是已知要素的名称或别名{}", hint(suggestion))
            }
            (HeaderProblem::UnknownName { header, suggestion }, Lang::En) => format!(
                "header `{header}` is not the name or an alias of any factor{}",
                hint(suggestion)
            ),
            (
                HeaderProblem::UnitNotAllowed {
                    header,
                    factor,
                    unit,
                    allowed,
                },
                Lang::Zh,
            ) => format!(
                "表头“{header}”：{}不能以“{}”计，可用：{}",
                factor.label(lang),
                unit.name(lang),
                join_list(&names(allowed), lang, "")
            ),
            (
                HeaderProblem::UnitNotAllowed {
                    header,
                    factor,
                    unit,
                    allowed,
                },
                Lang::En,
            ) => format!(
                "header `{header}`: {} is not counted in {}; use {}",
                factor.label(lang),
                unit.name(lang),
                join_list(&names(allowed), lang, "or")
            ),
            (
                HeaderProblem::UnknownUnit {
                    header,
                    factor,
                    unit,
                    allowed,
                },
                Lang::Zh,
            ) => format!(
                "表头“{header}”：“{unit}”不是{}可用的单位，可用：{}",
                factor.label(lang),
                join_list(&names(allowed), lang, "")
            ),
            (
                HeaderProblem::UnknownUnit {
                    header,
                    factor,
                    unit,
                    allowed,
                },
                Lang::En,
            ) => format!(
                "header `{header}`: `{unit}` is not a unit of {}; use {}",
                factor.label(lang),
                join_list(&names(allowed), lang, "or")
            ),
            (HeaderProblem::TakesNoUnit { header, factor, unit }, Lang::Zh) => format!(
                "表头“{header}”：{}不以数量计，不能带单位“{}”",
                factor.label(lang),
                unit.name(lang)
            ),
            (HeaderProblem::TakesNoUnit { header, factor, unit }, Lang::En) => format!(
                "header `{header}`: {} is not an amount and takes no unit ({})",
                factor.label(lang),
                unit.name(lang)
            ),
        }
    }
}

crate::english_display!(HeaderProblem);

/// Whether a header names a factor (with any unit or none), without the reasons a header that
/// does not is refused: what finding a table's header row asks of every cell near the top.
pub fn names_factor(catalog: &Catalog, text: &str) -> bool {
    let folded = fold(text);
    !folded.is_empty()
        && (catalog.factor_by_name(&folded).is_some()
            || catalog
                .factor_names()
                .any(|(name, _)| folded.strip_prefix(name).and_then(suffix).is_some()))
}

/// Reads a column header as a factor and, for a quantity, the unit it states.
pub fn match_header(catalog: &Catalog, text: &str) -> Result<HeaderMatch, HeaderProblem> {
    let header = text.trim().to_owned();
    let folded = fold(text);
    if folded.is_empty() {
        return Err(HeaderProblem::Empty);
    }
    if let Some(factor) = catalog.factor_by_name(&folded) {
        return Ok(HeaderMatch {
            factor,
            unit: None,
            remark: None,
        });
    }
    // The longest name that the header starts with, followed by `(unit)` or `/unit`.
    let found = catalog
        .factor_names()
        .filter_map(|(name, f)| {
            let rest = folded.strip_prefix(name)?;
            suffix(rest).map(|s| (name.len(), f, s))
        })
        .max_by_key(|(len, _, _)| *len);
    let Some((_, factor, suffix)) = found else {
        let stem = folded.split(['(', '/']).next().unwrap_or(&folded);
        let suggestion = closest(stem, catalog.factor_names().map(|(n, _)| n))
            .and_then(|n| catalog.factor_by_name(n))
            .map(|f| catalog.factor(f).named());
        return Err(HeaderProblem::UnknownName { header, suggestion });
    };
    let f = catalog.factor(factor);
    let Some(measure) = f.kind.measure() else {
        if let Some(unit) = catalog.find_any_unit(suffix) {
            return Err(HeaderProblem::TakesNoUnit {
                header,
                factor: f.named(),
                unit: catalog.unit(unit).named(),
            });
        }
        return Ok(HeaderMatch {
            factor,
            unit: None,
            remark: Some(suffix.to_owned()),
        });
    };
    match unit_named(measure, suffix) {
        Some(unit) => Ok(HeaderMatch {
            factor,
            unit: Some(unit),
            remark: None,
        }),
        None => Err(match catalog.find_any_unit(suffix) {
            Some(known) => HeaderProblem::UnitNotAllowed {
                header,
                factor: f.named(),
                unit: catalog.unit(known).named(),
                allowed: units_named(catalog, measure),
            },
            None => HeaderProblem::UnknownUnit {
                header,
                factor: f.named(),
                unit: suffix.to_owned(),
                allowed: units_named(catalog, measure),
            },
        }),
    }
}

/// The unit of `measure` a word names (`亩`, `万平方米`, `MW`), with the power of ten it
/// multiplies by; `None` for a word that names none of its units.
pub fn unit_named(measure: &Measure, word: &str) -> Option<HeaderUnit> {
    let word = normalize_word(word);
    measure
        .unit_words(None)
        .iter()
        .filter(|w| w.word() == word)
        .min_by_key(|w| w.exp().abs())
        .map(|w| HeaderUnit {
            unit: w.unit(),
            exp: w.exp(),
        })
}

/// What follows a name in a header, folded: `(亩)` or `/mw`, giving `亩` or `mw`; `None` for
/// anything else (the name is then only the start of another word).
fn suffix(rest: &str) -> Option<&str> {
    let inner = match rest.strip_prefix('/') {
        Some(after) => after,
        None => rest.strip_prefix('(')?.strip_suffix(')')?,
    };
    (!inner.is_empty() && !inner.contains(['(', ')'])).then_some(inner)
}

#[cfg(test)]
mod tests;
