//! The words an investor's message is read with (`inquiry` in the catalog file): which mark
//! importance (必须 → must, 最好 → lower), which bound an amount (不少于, 不超过, 约), which set
//! a figure aside (一期 → a note, 年产 → the project's output, 不需要 → not asked), which
//! introduce the investment and the planned start, and the units and currencies people write
//! that SiteMatch does not convert (千伏安, 美元). Data, so that a new word needs no code.

use super::Unit;
use super::check::error_at;
use super::raw::{RawForeignUnit, RawInquiry};
use crate::model::error::{CatalogProblem, Named, ParseError};
use crate::model::text::Text;

/// A unit or currency an investor may write that SiteMatch does not convert: an amount in it
/// is drafted for the officer to confirm, never converted.
#[derive(Clone, Debug, PartialEq)]
pub struct ForeignUnit {
    /// How it is written (`千伏安`, `kVA`), compared folded.
    pub words: Vec<String>,
    pub name: Text,
    /// The dimension of the catalog's units it would measure (`power`); empty for a currency.
    pub dimension: String,
}

/// The inquiry section of the catalog, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InquiryWords {
    /// Words that make a requirement a must (必须, 务必, 须).
    pub must: Vec<String>,
    /// Words that make a requirement matter less than its factor's default (最好, 优先).
    pub lower: Vec<String>,
    /// Words that say "at least" (不少于, 以上).
    pub at_least: Vec<String>,
    /// Words that say "at most" (不超过, 以内).
    pub at_most: Vec<String>,
    /// Words that say "about" (约, 左右).
    pub about: Vec<String>,
    /// Words that say a thing is not needed (不需要, 无需).
    pub negations: Vec<String>,
    /// Words that ask for something (需要, 希望, need): a clause with one and nothing read
    /// from it is listed as not understood.
    pub needs: Vec<String>,
    /// Words that mark a phase's figure (一期): a note beside the whole, not a requirement.
    pub phases: Vec<String>,
    /// Words that introduce the project's output (年产): its figure is not a requirement.
    pub output: Vec<String>,
    /// Words that introduce the total investment (总投资, 投资).
    pub investment: Vec<String>,
    /// Words that make a date the planned start (开工, 投产).
    pub start: Vec<String>,
    /// Words that make a sentence describe the project (项目, 建设, plant).
    pub project: Vec<String>,
    /// The nouns that name the project (项目, 中心, plant): a factor's word before one in its
    /// clause describes the project rather than asking anything of the zone.
    pub project_nouns: Vec<String>,
    /// Words that give an amount's denominator, keyed by what follows `/` in a unit's Chinese
    /// name (`日` → 每日, 每天, daily).
    pub per: Vec<(String, Vec<String>)>,
    pub foreign_units: Vec<ForeignUnit>,
    pub currencies: Vec<ForeignUnit>,
}

impl RawInquiry {
    /// The section checked: no empty word, and every foreign unit of a dimension some unit has.
    pub(super) fn check(self, units: &[Unit], text: &str) -> Result<InquiryWords, ParseError> {
        let list = |words: Vec<String>, name: &str| -> Result<Vec<String>, ParseError> {
            if words.iter().any(|w| w.trim().is_empty()) {
                return Err(error_at(
                    text,
                    name,
                    CatalogProblem::EmptyWord {
                        list: name.to_owned(),
                    },
                ));
            }
            Ok(words)
        };
        let foreign =
            |raw: Vec<RawForeignUnit>, name: &str, currency: bool| -> Result<Vec<ForeignUnit>, ParseError> {
                raw.into_iter()
                    .map(|u| {
                        let words = list(u.words, name)?;
                        if words.is_empty() {
                            return Err(error_at(
                                text,
                                name,
                                CatalogProblem::EmptyWord {
                                    list: name.to_owned(),
                                },
                            ));
                        }
                        if !currency && !units.iter().any(|x| x.dimension == u.dimension) {
                            return Err(error_at(
                                text,
                                &u.zh,
                                CatalogProblem::UnknownDimension {
                                    unit: Named::new(u.en.clone(), Text::new(u.zh.clone(), u.en.clone())),
                                    dimension: u.dimension,
                                },
                            ));
                        }
                        Ok(ForeignUnit {
                            words,
                            name: Text::new(u.zh, u.en),
                            dimension: u.dimension,
                        })
                    })
                    .collect()
            };
        Ok(InquiryWords {
            must: list(self.must, "must")?,
            lower: list(self.lower, "lower")?,
            at_least: list(self.at_least, "at_least")?,
            at_most: list(self.at_most, "at_most")?,
            about: list(self.about, "about")?,
            negations: list(self.negations, "negations")?,
            needs: list(self.needs, "needs")?,
            phases: list(self.phases, "phases")?,
            output: list(self.output, "output")?,
            investment: list(self.investment, "investment")?,
            start: list(self.start, "start")?,
            project: list(self.project, "project")?,
            project_nouns: list(self.project_nouns, "project_nouns")?,
            per: self
                .per
                .into_iter()
                .map(|(base, words)| Ok((base, list(words, "per")?)))
                .collect::<Result<_, ParseError>>()?,
            foreign_units: foreign(self.foreign_units, "foreign_units", false)?,
            currencies: foreign(self.currencies, "currencies", true)?,
        })
    }
}
