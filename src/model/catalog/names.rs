//! The names a factor goes by in other people's tables: its own Chinese and English names and
//! the catalog's `aliases` (`可供工业用地`, `供电容量`), compared folded ([`fold`]) so that
//! width, spaces and case do not matter. Checked at load: no alias is empty, and no name or
//! alias belongs to two factors, so a column header never reads as either of two factors.

use std::collections::HashMap;

use super::check::error_at;
use super::{Catalog, Factor, FactorIdx, index_u16};
use crate::model::error::{CatalogProblem, ParseError};

/// A name as compared: full-width letters, digits and signs (`（`, `／`, `Ａ`, `１`) as their
/// ASCII forms, white space (also the ideographic space) removed, ASCII letters in lower case.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                other => other,
            };
            (!c.is_whitespace()).then(|| c.to_ascii_lowercase())
        })
        .collect()
}

/// Every factor's names and aliases, folded, to the factor; refused when an alias is empty or
/// a name or alias is another factor's too.
pub(super) fn check_names(factors: &[Factor], text: &str) -> Result<HashMap<String, FactorIdx>, ParseError> {
    let mut names: HashMap<String, FactorIdx> = HashMap::new();
    for (i, f) in factors.iter().enumerate() {
        let idx = FactorIdx(index_u16(i));
        if f.aliases.iter().any(|a| fold(a).is_empty()) {
            return Err(error_at(
                text,
                &f.id,
                CatalogProblem::EmptyAlias { factor: f.named() },
            ));
        }
        let own = [f.name.zh.as_str(), f.name.en.as_str()];
        for name in own
            .into_iter()
            .filter(|n| !n.is_empty())
            .chain(f.aliases.iter().map(String::as_str))
        {
            match names.insert(fold(name), idx) {
                Some(other) if other != idx => {
                    return Err(error_at(
                        text,
                        &f.id,
                        CatalogProblem::SharedAlias {
                            alias: name.to_owned(),
                            first: factors[other.index()].named(),
                            second: f.named(),
                        },
                    ));
                }
                _ => {}
            }
        }
    }
    Ok(names)
}

/// A message's words for factors (names, aliases, keywords, time-base keywords) name one
/// factor each: refused when a keyword is another factor's word too (a message's `用电` must
/// not read as two factors).
pub(super) fn check_keywords(factors: &[Factor], text: &str) -> Result<(), ParseError> {
    let mut words: HashMap<String, usize> = HashMap::new();
    for (i, f) in factors.iter().enumerate() {
        let all = [f.name.zh.as_str(), f.name.en.as_str()]
            .into_iter()
            .chain(f.aliases.iter().map(String::as_str))
            .chain(f.keywords.iter().map(String::as_str))
            .chain(f.keyword_units.iter().map(|(k, _)| k.as_str()))
            .filter(|w| !w.trim().is_empty());
        for word in all {
            let key: String = word.trim().to_lowercase();
            match words.insert(key, i) {
                Some(other) if other != i => {
                    return Err(error_at(
                        text,
                        &f.id,
                        CatalogProblem::SharedAlias {
                            alias: word.to_owned(),
                            first: factors[other].named(),
                            second: f.named(),
                        },
                    ));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

impl Catalog {
    /// The factor a column header names exactly, by its Chinese or English name or one of
    /// its aliases, compared folded.
    pub fn factor_by_name(&self, name: &str) -> Option<FactorIdx> {
        self.factor_names.get(&fold(name)).copied()
    }

    /// Every factor name and alias, folded, with its factor: what headers are matched against.
    pub fn factor_names(&self) -> impl Iterator<Item = (&str, FactorIdx)> {
        self.factor_names.iter().map(|(n, f)| (n.as_str(), *f))
    }
}
