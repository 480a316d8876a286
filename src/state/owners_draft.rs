//! The owners of a zone's figures as the profile editor holds them: the profile's default
//! owners a row per key as typed, the keys an officer can give one for (a category, a group of
//! factors, a factor), and what the form says of a factor's owner in force and its freshness
//! while it is being edited. Pure: no egui, no file.

use jiff::civil::Date;

use super::texts::TEXTS;
use super::value_draft::{EntryDraft, parse_date};
use crate::model::profile::factor_group;
use crate::model::{Catalog, Factor, Freshness, Lang, Owner, Owners};

/// One default owner as typed: the key it is given for, and the department.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerDraft {
    /// A category id, a factor group or a factor id ([`crate::model::profile::is_owner_key`]).
    pub key: String,
    pub owner: String,
}

/// The rows of a profile's default owners, by key.
pub fn drafts_of(owners: &Owners) -> Vec<OwnerDraft> {
    owners
        .iter()
        .map(|(key, owner)| OwnerDraft {
            key: key.to_owned(),
            owner: owner.to_string(),
        })
        .collect()
}

/// The default owners the rows give, names trimmed; a row with no name gives none.
pub fn owners_of(drafts: &[OwnerDraft]) -> Owners {
    Owners::new(drafts.iter().filter_map(|d| {
        let owner = d.owner.trim();
        (!owner.is_empty()).then(|| (d.key.trim().to_owned(), Owner::from(owner)))
    }))
}

/// Where a factor's owner in force comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerFrom {
    /// The entry names its own.
    Entry,
    /// The profile's default for this key (the factor's id, group or category).
    Default,
}

/// The owner in force of a factor as the form stands: the entry's own, else the default row
/// for the factor's id, else its group's, else its category's (as
/// [`crate::model::ZoneProfile::owner`] decides it once saved).
pub fn owner_in_force(
    catalog: &Catalog,
    factor: &Factor,
    entry: &EntryDraft,
    defaults: &[OwnerDraft],
) -> Option<(String, OwnerFrom)> {
    let own = entry.owner.trim();
    if !own.is_empty() {
        return Some((own.to_owned(), OwnerFrom::Entry));
    }
    let given = |key: &str| {
        defaults
            .iter()
            .find(|d| d.key.trim() == key && !d.owner.trim().is_empty())
            .map(|d| d.owner.trim().to_owned())
    };
    given(&factor.id)
        .or_else(|| given(factor_group(&factor.id)?))
        .or_else(|| given(&catalog.category(factor.category).id))
        .map(|o| (o, OwnerFrom::Default))
}

/// Where a factor's figure stands on `today` as the form stands: by the entry's date, or the
/// profile's when the entry leaves it blank. `None` when there is no value, or no date to go by.
pub fn draft_freshness(
    factor: &Factor,
    entry: &EntryDraft,
    profile_date: &str,
    today: Date,
) -> Option<Freshness> {
    if entry.value.is_empty() {
        return None;
    }
    let date = if entry.as_of.trim().is_empty() {
        profile_date
    } else {
        &entry.as_of
    };
    let as_of = parse_date(date).ok()?;
    Some(Freshness::of(as_of, today, factor.fresh_days))
}

/// The keys an officer can give a default owner for, as the picker lists them: each category,
/// each group of two or more factors that is not also a category's id, then each factor; in
/// the catalog's order.
pub fn owner_keys(catalog: &Catalog) -> Vec<String> {
    let mut keys: Vec<String> = catalog.categories().map(|(_, c)| c.id.clone()).collect();
    for (_, f) in catalog.factors() {
        let Some(group) = factor_group(&f.id) else {
            continue;
        };
        let members = catalog
            .factors()
            .filter(|(_, g)| factor_group(&g.id) == Some(group))
            .count();
        if members > 1 && !keys.iter().any(|k| k == group) {
            keys.push(group.to_owned());
        }
    }
    keys.extend(catalog.factors().map(|(_, f)| f.id.clone()));
    keys
}

/// A key in words: `类别：水电气热`, `要素组 power：可新增供电容量等 4 项`, `要素：可新增供电容量`.
/// A key that is both a category's id and a group's names the category, which holds the group.
pub fn key_label(catalog: &Catalog, key: &str, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    if let Some((_, c)) = catalog.categories().find(|(_, c)| c.id == key) {
        return (t.owner_key_category)(c.name.get(lang));
    }
    if let Some(f) = catalog.find_factor(key) {
        return (t.owner_key_factor)(catalog.factor(f).name.get(lang));
    }
    let members: Vec<&str> = catalog
        .factors()
        .filter(|(_, f)| factor_group(&f.id) == Some(key))
        .map(|(_, f)| f.name.get(lang))
        .collect();
    match members.first() {
        Some(first) => (t.owner_key_group)(key, first, members.len()),
        None => key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::value_draft::ValueDraft;

    fn row(key: &str, owner: &str) -> OwnerDraft {
        OwnerDraft {
            key: key.into(),
            owner: owner.into(),
        }
    }

    fn entry(catalog: &Catalog, id: &str, text: &str) -> (usize, EntryDraft) {
        let f = catalog.find_factor(id).expect("factor");
        let factor = catalog.factor(f);
        let mut e = EntryDraft::from_entry(factor, None, Date::new(2024, 1, 1).expect("date"));
        e.value = ValueDraft::Amount {
            text: text.into(),
            unit: factor.kind.measure().expect("a quantity").unit,
        };
        (f.index(), e)
    }

    #[test]
    fn the_entry_s_own_owner_wins_then_id_group_category() {
        let c = Catalog::builtin().expect("catalog");
        let defaults = [
            row("utilities", "公用事业局"),
            row("power", "国网侯马供电公司"),
            row("water.supply", "侯马市供水公司"),
            row("land", "  "),
        ];
        let power = c.factor(c.find_factor("power.capacity").expect("f"));
        let (_, mut e) = entry(&c, "power.capacity", "30");
        assert_eq!(
            owner_in_force(&c, power, &e, &defaults),
            Some(("国网侯马供电公司".to_owned(), OwnerFrom::Default))
        );
        e.owner = " 侯马市供电所 ".into();
        assert_eq!(
            owner_in_force(&c, power, &e, &defaults),
            Some(("侯马市供电所".to_owned(), OwnerFrom::Entry))
        );
        let water = c.factor(c.find_factor("water.supply").expect("f"));
        let (_, e) = entry(&c, "water.supply", "3000");
        assert_eq!(
            owner_in_force(&c, water, &e, &defaults).map(|(o, _)| o),
            Some("侯马市供水公司".to_owned())
        );
        let gas = c.factor(c.find_factor("gas.supply").expect("f"));
        let (_, e) = entry(&c, "gas.supply", "3000");
        assert_eq!(
            owner_in_force(&c, gas, &e, &defaults).map(|(o, _)| o),
            Some("公用事业局".to_owned())
        );
        let land = c.factor(c.find_factor("land.industrial_area").expect("f"));
        let (_, e) = entry(&c, "land.industrial_area", "100");
        assert_eq!(
            owner_in_force(&c, land, &e, &defaults),
            None,
            "a row with no name gives no owner"
        );
    }

    #[test]
    fn rows_become_owners_and_back_without_the_empty_ones() {
        let rows = vec![row("power", " 国网侯马供电公司 "), row("land", "")];
        let owners = owners_of(&rows);
        assert_eq!(owners.iter().count(), 1);
        assert_eq!(
            owners.get("power").map(|o| o.to_string()).as_deref(),
            Some("国网侯马供电公司")
        );
        assert_eq!(drafts_of(&owners), vec![row("power", "国网侯马供电公司")]);
    }

    #[test]
    fn a_draft_is_as_fresh_as_its_date_or_the_profile_s() {
        let c = Catalog::builtin().expect("catalog");
        let power = c.factor(c.find_factor("power.capacity").expect("f"));
        assert_eq!(power.fresh_days, 180);
        let today = Date::new(2026, 11, 29).expect("date");
        let (_, mut e) = entry(&c, "power.capacity", "30");
        assert_eq!(
            draft_freshness(power, &e, "2023-12-31", today),
            Some(Freshness::Stale)
        );
        e.as_of = "2026-06-10".into();
        assert_eq!(
            draft_freshness(power, &e, "2023-12-31", today),
            Some(Freshness::Due)
        );
        e.as_of = "2026-11-01".into();
        assert_eq!(
            draft_freshness(power, &e, "2023-12-31", today),
            Some(Freshness::Current)
        );
        e.as_of = "明年".into();
        assert_eq!(
            draft_freshness(power, &e, "2023-12-31", today),
            None,
            "no date to go by"
        );
        e.as_of.clear();
        e.value = ValueDraft::empty(power);
        assert_eq!(draft_freshness(power, &e, "2023-12-31", today), None, "no value");
    }

    #[test]
    fn every_key_listed_is_an_owner_key_and_named_in_words() {
        let c = Catalog::builtin().expect("catalog");
        let keys = owner_keys(&c);
        assert_eq!(keys.len(), {
            let mut unique = keys.clone();
            unique.sort();
            unique.dedup();
            unique.len()
        });
        for k in &keys {
            assert!(crate::model::profile::is_owner_key(&c, k), "{k}");
        }
        assert!(keys.iter().any(|k| k == "power") && keys.iter().any(|k| k == "utilities"));
        assert_eq!(key_label(&c, "utilities", Lang::Zh), "类别：水电气热");
        assert_eq!(key_label(&c, "power.capacity", Lang::Zh), "要素：可新增供电容量");
        assert!(
            key_label(&c, "power", Lang::Zh).starts_with("要素组 power：可新增供电容量等 "),
            "{}",
            key_label(&c, "power", Lang::Zh)
        );
        assert!(
            key_label(&c, "power", Lang::En).starts_with("group power: Spare power capacity and "),
            "{}",
            key_label(&c, "power", Lang::En)
        );
    }
}
