//! A zone's factor inventory: what it offers for each factor it knows, where each figure comes
//! from and how old it is. A factor the profile does not hold is unknown, never zero.

use jiff::ToSpan;
use jiff::civil::Date;

use super::catalog::{Catalog, FactorIdx};
use super::text::{Lang, Text};
use super::value::Value;

/// A zone's position in the list of zones being worked with: the loaded folder, and the slice
/// a ranking was scored from (the same list). Stable while that list is; a reloaded folder
/// gives new positions, so whatever must survive a reload keeps the zone's id instead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ZoneIdx(u32);

impl ZoneIdx {
    /// The zone at a list position. Lists of zones are far shorter than `u32::MAX`.
    pub fn new(i: usize) -> Self {
        ZoneIdx(u32::try_from(i).unwrap_or(u32::MAX))
    }

    /// The position in the list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl AsRef<ZoneProfile> for ZoneProfile {
    fn as_ref(&self) -> &ZoneProfile {
        self
    }
}

/// One known value with its provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub value: Value,
    /// Where the figure comes from (a report, a document, a survey). Empty only when
    /// `illustrative` is set.
    pub source: String,
    /// When the figure was true.
    pub as_of: Date,
    /// No source gives this value; it stands in for demonstration or planning.
    pub illustrative: bool,
    /// For a quantity: the amount the zone plans to have by a date, beside what it has now
    /// ("30 MW now, 50 MW by 2026-06-30"). Boxed: few entries plan, and every entry of every
    /// zone is held in memory.
    pub planned: Option<Box<PlannedAmount>>,
}

/// An amount a zone plans to have by a date: a substation being built, factories under
/// construction, a quota applied for. Scoring counts it as a plan (DOMAIN §4, time-phased
/// capacity): half credit until its date, met for an investor who starts after it, and
/// nothing once the date has passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedAmount {
    /// The amount planned, of the same factor as the entry's value.
    pub amount: super::value::Quantity,
    /// The day it is planned to be ready.
    pub by: Date,
    /// Where the plan is written (a plan, a budget, a contract); empty when the entry's own
    /// source says it.
    pub source: String,
}

impl Entry {
    /// Whether the figure is more than a year older than `today`, so a reader should re-check it.
    pub fn is_stale(&self, today: Date) -> bool {
        today
            .checked_sub(1.year())
            .is_ok_and(|year_ago| self.as_of < year_ago)
    }
}

/// A development zone's inventory, checked against one catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneProfile {
    /// The file stem of `profiles/<id>.ron`; stable, used in output for scripts.
    pub id: String,
    pub name: Text,
    pub region: Text,
    /// Who to call: office, phone or e-mail.
    pub contact: String,
    /// The same for English readers (the office's English name); empty when it has none.
    pub contact_en: String,
    /// The date the profile as a whole describes; entries default to it.
    pub as_of: Date,
    /// Where the zone is, for the schematic map and distances; `None` when not given.
    pub location: Option<super::geo::Location>,
    entries: Vec<Option<Entry>>,
}

impl ZoneProfile {
    /// A profile that knows no factor yet.
    pub fn new(catalog: &Catalog, id: impl Into<String>, name: Text, as_of: Date) -> Self {
        ZoneProfile {
            id: id.into(),
            name,
            region: Text::default(),
            contact: String::new(),
            contact_en: String::new(),
            as_of,
            location: None,
            entries: vec![None; catalog.len()],
        }
    }

    /// Who to call, in `lang` (the Chinese contact when there is no English one).
    pub fn contact(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.contact_en.trim().is_empty() => &self.contact_en,
            _ => &self.contact,
        }
    }

    /// What the zone offers for a factor, if it is known.
    pub fn entry(&self, factor: FactorIdx) -> Option<&Entry> {
        self.entries.get(factor.index()).and_then(Option::as_ref)
    }

    /// Sets or clears (`None`: unknown) the value of a factor. The value must be of the factor's
    /// kind; the parsers and editors that build values ensure it.
    pub fn set_entry(&mut self, factor: FactorIdx, entry: Option<Entry>) {
        if let Some(slot) = self.entries.get_mut(factor.index()) {
            *slot = entry;
        }
    }

    /// The known entries in catalog order.
    pub fn entries(&self) -> impl Iterator<Item = (FactorIdx, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((FactorIdx::from_index(i)?, e.as_ref()?)))
    }

    /// How many factors the profile knows.
    pub fn known_count(&self) -> usize {
        self.entries.iter().flatten().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::value::YesNo;

    #[test]
    fn entries_older_than_a_year_are_stale() {
        let entry = |y, m, d| Entry {
            value: Value::YesNo(YesNo::Yes),
            source: "x".into(),
            as_of: Date::new(y, m, d).expect("date"),
            illustrative: false,
            planned: None,
        };
        let today = Date::new(2026, 11, 29).expect("date");
        assert!(entry(2025, 11, 28).is_stale(today));
        assert!(!entry(2025, 11, 29).is_stale(today));
        assert!(!entry(2026, 6, 1).is_stale(today));
    }

    #[test]
    fn a_new_profile_knows_nothing() {
        let catalog = Catalog::builtin().expect("catalog");
        let p = ZoneProfile::new(
            &catalog,
            "x",
            Text::new("甲", "A"),
            Date::new(2024, 1, 1).expect("date"),
        );
        assert_eq!(p.known_count(), 0);
        assert!(catalog.factors().all(|(f, _)| p.entry(f).is_none()));
    }
}
