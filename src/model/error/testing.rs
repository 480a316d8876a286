//! Checks for the per-variant rendering tests of every error type.

use std::collections::HashSet;

use crate::model::{Catalog, Kind, Lang, Localize};

/// The catalog's internal ids, which the Chinese rendering must never show: factor, unit,
/// level, category, vocabulary and tier ids, and members of vocabularies that do not show
/// their codes (industry codes such as `C38` are public and shown). Unit ids that are also
/// part of a unit's Chinese name (`m` in `kN/m²`) are left out.
pub fn internal_ids(catalog: &Catalog) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut in_names = HashSet::new();
    for (_, f) in catalog.factors() {
        ids.insert(f.id.clone());
        ids.insert(catalog.category(f.category).id.clone());
        match &f.kind {
            Kind::AtLeast(m) | Kind::AtMost(m) => {
                for u in &m.units {
                    let unit = catalog.unit(*u);
                    ids.insert(unit.id.clone());
                    in_names.extend(words(&unit.name.zh));
                }
            }
            Kind::Level(levels) => ids.extend(levels.iter().map(|l| l.id.clone())),
            Kind::Set(v) => {
                let v = catalog.vocabulary(*v);
                ids.insert(v.id.clone());
                if !v.show_ids {
                    ids.extend(v.members.iter().map(|m| m.id.clone()));
                }
            }
            Kind::YesNo => {}
        }
    }
    ids.extend(catalog.tiers().iter().map(|t| t.id.clone()));
    ids.retain(|id| !in_names.contains(id));
    ids
}

/// The runs of ASCII letters, digits, `_` and `.` in a text (ids look like that).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Renders a message in both languages and checks each reads in its language: both say
/// something, they differ, the Chinese one is Chinese and names no internal id.
pub fn assert_renders(what: &str, item: &dyn Localize, catalog: &Catalog) {
    let (zh, en) = (item.text(Lang::Zh), item.text(Lang::En));
    assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{what}: empty");
    assert_ne!(zh, en, "{what}: the same in both languages");
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{what}: the Chinese rendering has no Chinese: {zh}"
    );
    let ids = internal_ids(catalog);
    for w in words(&zh) {
        assert!(
            !ids.contains(&w),
            "{what}: the Chinese rendering shows the id `{w}`: {zh}"
        );
    }
}
