//! A zone's factor inventory: what it offers for each factor it knows, where each figure comes
//! from and how old it is. A factor the profile does not hold is unknown, never zero.

use std::collections::HashSet;
use std::sync::Arc;

use jiff::civil::Date;

use super::catalog::{Catalog, Factor, FactorIdx};
use super::freshness::Freshness;
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
    /// The department that must keep this figure current (责任单位), when the entry names
    /// its own; otherwise the profile's default owners say ([`ZoneProfile::owner`]).
    pub owner: Option<Owner>,
}

/// A department's name as the owner of figures: shared, because a folder of 10 000 zones
/// names the same few departments over and over ([`share_owners`]).
pub type Owner = Arc<str>;

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
    /// Where the figure stands on `today`, for a factor whose figures stay current for
    /// `factor.fresh_days`. A planned amount beside it does not make it any fresher: freshness
    /// is about the figure the zone has now.
    pub fn freshness(&self, factor: &Factor, today: Date) -> Freshness {
        Freshness::of(self.as_of, today, factor.fresh_days)
    }
}

/// The owners a profile gives by default (`owners: { "power": "国网侯马供电公司" }`), each
/// keyed by a factor id, a factor group (the id's part before the first dot: `power`) or a
/// catalog category (`utilities`). Sorted by key; the parser has checked every key against
/// the catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Owners(Vec<(String, Owner)>);

impl Owners {
    /// Owners from `(key, owner)` pairs; a key given twice keeps the last.
    pub fn new(pairs: impl IntoIterator<Item = (String, Owner)>) -> Self {
        let mut v: Vec<(String, Owner)> = Vec::new();
        for (key, owner) in pairs {
            match v.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                Ok(i) => v[i].1 = owner,
                Err(i) => v.insert(i, (key, owner)),
            }
        }
        Owners(v)
    }

    /// The owner given for exactly this key.
    pub fn get(&self, key: &str) -> Option<&Owner> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// The default owner of a factor: by its id, else by its group, else by its category.
    pub fn for_factor(&self, catalog: &Catalog, factor: &Factor) -> Option<&Owner> {
        if self.0.is_empty() {
            return None;
        }
        self.get(&factor.id)
            .or_else(|| self.get(factor_group(&factor.id)?))
            .or_else(|| self.get(&catalog.category(factor.category).id))
    }

    /// Every key and owner, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Owner)> {
        self.0.iter().map(|(k, o)| (k.as_str(), o))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets (or with an empty name, removes) the owner of a key.
    pub fn set(&mut self, key: &str, owner: Option<Owner>) {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key));
        match (at, owner) {
            (Ok(i), Some(o)) => self.0[i].1 = o,
            (Ok(i), None) => {
                self.0.remove(i);
            }
            (Err(i), Some(o)) => self.0.insert(i, (key.to_owned(), o)),
            (Err(_), None) => {}
        }
    }
}

/// A factor id's group, the part before its first dot (`power` of `power.capacity`); `None`
/// for an id without a dot.
pub fn factor_group(id: &str) -> Option<&str> {
    id.split_once('.').map(|(group, _)| group)
}

/// Whether `key` can name default owners in this catalog: a factor id, a factor group or a
/// category id.
pub fn is_owner_key(catalog: &Catalog, key: &str) -> bool {
    catalog.find_factor(key).is_some()
        || catalog.factors().any(|(_, f)| factor_group(&f.id) == Some(key))
        || catalog.categories().any(|(_, c)| c.id == key)
}

/// Makes every owner name held by these profiles one shared allocation per distinct name, so
/// that memory grows with the departments named, not with the entries naming them.
pub fn share_owners<'a>(profiles: impl IntoIterator<Item = &'a mut ZoneProfile>) {
    let mut seen: HashSet<Owner> = HashSet::new();
    let mut share = |o: &mut Owner| match seen.get(o) {
        Some(kept) => *o = Arc::clone(kept),
        None => {
            seen.insert(Arc::clone(o));
        }
    };
    for p in profiles {
        for (_, o) in &mut p.owners.0 {
            share(o);
        }
        for o in p.entries.iter_mut().flatten().filter_map(|e| e.owner.as_mut()) {
            share(o);
        }
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
    /// The departments that own the profile's figures by default.
    pub owners: Owners,
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
            owners: Owners::default(),
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

    /// The department that owns a factor's figure: the entry's own owner, else the profile's
    /// default for the factor's id, group or category. `None` when nobody is named.
    pub fn owner(&self, catalog: &Catalog, factor: FactorIdx) -> Option<&Owner> {
        self.entry(factor)
            .and_then(|e| e.owner.as_ref())
            .or_else(|| self.owners.for_factor(catalog, catalog.factor(factor)))
    }

    /// Where a factor's figure stands on `today`; `None` when the zone holds no value for it.
    pub fn freshness(&self, catalog: &Catalog, factor: FactorIdx, today: Date) -> Option<Freshness> {
        self.entry(factor)
            .map(|e| e.freshness(catalog.factor(factor), today))
    }

    /// How many of the zone's figures are current, due and stale on `today`.
    pub fn freshness_tally(&self, catalog: &Catalog, today: Date) -> super::freshness::Tally {
        catalog
            .factors()
            .filter_map(|(f, _)| self.freshness(catalog, f, today))
            .collect()
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

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).expect("date")
    }

    fn entry(as_of: Date) -> Entry {
        Entry {
            value: Value::YesNo(YesNo::Yes),
            source: "x".into(),
            as_of,
            illustrative: false,
            planned: None,
            owner: None,
        }
    }

    #[test]
    fn a_factor_without_a_period_keeps_the_one_year_flag() {
        let catalog = Catalog::builtin().expect("catalog");
        let yes_no = catalog
            .factors()
            .map(|(_, f)| f)
            .find(|f| f.fresh_days == crate::model::freshness::DEFAULT_FRESH_DAYS)
            .expect("a factor on the default period");
        let today = date(2026, 11, 29);
        assert_eq!(
            entry(date(2025, 11, 28)).freshness(yes_no, today),
            Freshness::Stale
        );
        assert_eq!(entry(date(2025, 11, 29)).freshness(yes_no, today), Freshness::Due);
        assert_eq!(
            entry(date(2026, 6, 1)).freshness(yes_no, today),
            Freshness::Current
        );
    }

    #[test]
    fn a_planned_amount_does_not_refresh_a_stale_current_figure() {
        let catalog = Catalog::builtin().expect("catalog");
        let f = catalog.find_factor("power.capacity").expect("power");
        let factor = catalog.factor(f);
        let mut p = ZoneProfile::new(&catalog, "x", Text::new("甲", "A"), date(2024, 1, 1));
        p.set_entry(
            f,
            Some(Entry {
                value: Value::Amount(
                    crate::model::value::parse_quantity(
                        &catalog,
                        factor.kind.measure().expect("quantity"),
                        "30 MW",
                    )
                    .expect("q"),
                ),
                source: "供电公司".into(),
                as_of: date(2025, 1, 1),
                illustrative: false,
                planned: Some(Box::new(PlannedAmount {
                    amount: crate::model::value::parse_quantity(
                        &catalog,
                        factor.kind.measure().expect("quantity"),
                        "50 MW",
                    )
                    .expect("q"),
                    by: date(2027, 6, 30),
                    source: "变电站扩建计划（2026-11）".into(),
                })),
                owner: None,
            }),
        );
        let today = date(2026, 12, 7);
        assert_eq!(p.freshness(&catalog, f, today), Some(Freshness::Stale));
        let unknown = catalog.find_factor("gas.supply").expect("gas");
        assert_eq!(
            p.freshness(&catalog, unknown, today),
            None,
            "no value, no freshness"
        );
    }

    #[test]
    fn a_tally_counts_the_zone_s_figures_by_freshness() {
        let catalog = Catalog::builtin().expect("catalog");
        let f = |id| catalog.find_factor(id).expect("factor");
        let mut p = ZoneProfile::new(&catalog, "x", Text::new("甲", "A"), date(2024, 1, 1));
        let today = date(2026, 12, 7);
        // A year for the standard land and the dual supply, two years for the servicing level.
        p.set_entry(f("land.standard_land"), Some(entry(date(2024, 1, 1))));
        p.set_entry(f("power.dual_supply"), Some(entry(date(2026, 11, 1))));
        p.set_entry(f("land.servicing_level"), Some(entry(date(2024, 12, 20))));
        let t = p.freshness_tally(&catalog, today);
        assert_eq!((t.current, t.due, t.stale), (1, 1, 1));
    }

    #[test]
    fn an_owner_comes_from_the_entry_then_the_factor_id_then_its_group_then_its_category() {
        let catalog = Catalog::builtin().expect("catalog");
        let f = |id| catalog.find_factor(id).expect("factor");
        let mut p = ZoneProfile::new(&catalog, "x", Text::new("甲", "A"), date(2024, 1, 1));
        p.owners = Owners::new([
            ("utilities".to_owned(), Owner::from("公用事业局")),
            ("power".to_owned(), Owner::from("国网侯马供电公司")),
            ("power.voltage".to_owned(), Owner::from("国网山西电力")),
        ]);
        let name = |p: &ZoneProfile, id| p.owner(&catalog, f(id)).map(|o| o.to_string());
        assert_eq!(name(&p, "power.voltage").as_deref(), Some("国网山西电力"));
        assert_eq!(name(&p, "power.capacity").as_deref(), Some("国网侯马供电公司"));
        assert_eq!(name(&p, "gas.supply").as_deref(), Some("公用事业局"));
        assert_eq!(name(&p, "land.price"), None);
        let mut own = entry(date(2024, 1, 1));
        own.owner = Some(Owner::from("侯马市供电所"));
        p.set_entry(f("power.capacity"), Some(own));
        assert_eq!(name(&p, "power.capacity").as_deref(), Some("侯马市供电所"));
    }

    #[test]
    fn owner_keys_are_factor_ids_groups_or_categories() {
        let catalog = Catalog::builtin().expect("catalog");
        for key in ["power.capacity", "power", "utilities", "land"] {
            assert!(is_owner_key(&catalog, key), "{key}");
        }
        for key in ["powr", "power.", "", "Utilities"] {
            assert!(!is_owner_key(&catalog, key), "{key}");
        }
    }

    #[test]
    fn owners_named_alike_share_one_allocation() {
        let catalog = Catalog::builtin().expect("catalog");
        let f = catalog.find_factor("power.capacity").expect("power");
        let mut zones: Vec<ZoneProfile> = (0..3)
            .map(|i| {
                let mut p =
                    ZoneProfile::new(&catalog, format!("z{i}"), Text::new("甲", "A"), date(2024, 1, 1));
                p.owners = Owners::new([("power".to_owned(), Owner::from("国网侯马供电公司"))]);
                let mut e = entry(date(2024, 1, 1));
                e.owner = Some(Owner::from("国网侯马供电公司"));
                p.set_entry(f, Some(e));
                p
            })
            .collect();
        share_owners(&mut zones);
        let first = zones[0].owner(&catalog, f).expect("owner").clone();
        for z in &zones {
            assert!(Arc::ptr_eq(&first, z.owner(&catalog, f).expect("owner")));
            assert!(Arc::ptr_eq(&first, z.owners.get("power").expect("default")));
        }
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
