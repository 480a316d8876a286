//! Which rows of the data-health view's two tables show, and in what order: filtered by the
//! text typed, the owner picked and the zone clicked, sorted by the column clicked. Worked out
//! only when one of those or the health changes (a nation's figures are too many to sort
//! every frame), and kept in the view's state. No egui.

use std::cmp::Reverse;

use super::{FigureSort, HealthData, HealthState, ZoneSort};
use crate::model::search::{sort_key, text_matches};
use crate::model::{Lang, ZoneIdx};
use crate::report::health::{Figure, OwnerFilter};

/// A figure's place in the health: its owner's position and its own among that owner's.
pub type FigureAt = (u32, u32);

/// The rows shown, worked out for one state of the view.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    key: Option<Key>,
    /// Positions in the health's zones.
    pub zones: Vec<usize>,
    pub figures: Vec<FigureAt>,
    /// The figures the owner picked (or every owner) has to update, before the text filter
    /// and the zone clicked.
    pub of_owner: usize,
}

/// What the rows depend on.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    build: u64,
    lang: Lang,
    filter: String,
    owner: Option<OwnerFilter>,
    zone: Option<String>,
    zone_sort: (ZoneSort, bool),
    figure_sort: (FigureSort, bool),
}

/// The rows for this state, worked out again only when something they depend on changed;
/// taken out of the state while the tables are drawn (put them back with [`put_back`]).
pub fn take_rows(state: &mut HealthState, data: &HealthData) -> Rows {
    let key = Key {
        build: data.build,
        lang: data.lang,
        filter: state.filter.trim().to_owned(),
        owner: state.owner.clone(),
        zone: state.zone.clone(),
        zone_sort: (state.zone_sort, state.zone_descending),
        figure_sort: (state.figure_sort, state.figure_descending),
    };
    if state.rows.key.as_ref() != Some(&key) {
        state.rows = work_out(&key, data);
        state.rows.key = Some(key);
    }
    std::mem::take(&mut state.rows)
}

/// Keeps the rows for the next frame, which draws them again unless the state changed.
pub fn put_back(state: &mut HealthState, rows: Rows) {
    state.rows = rows;
}

fn work_out(key: &Key, data: &HealthData) -> Rows {
    let health = data.health;
    let lang = key.lang;
    let needle = key.filter.as_str();
    let profile = |z: ZoneIdx| data.zones.get(z.index()).map(|z| &z.profile);
    // What the text finds, worked out once per zone, factor and owner rather than per figure.
    let zone_found: Vec<bool> = health
        .zones
        .iter()
        .map(|z| {
            needle.is_empty()
                || profile(z.zone).is_some_and(|p| {
                    text_matches(&p.id, needle) || p.name.matches(needle) || p.region.matches(needle)
                })
        })
        .collect();
    let factor_found: Vec<bool> = data
        .catalog
        .factors()
        .map(|(_, f)| needle.is_empty() || f.name.matches(needle) || text_matches(&f.id, needle))
        .collect();
    let owner_found: Vec<bool> = health
        .owners
        .iter()
        .map(|o| {
            needle.is_empty()
                || text_matches(crate::report::health::owner_text(o.owner.as_ref(), lang), needle)
        })
        .collect();
    let found = |o: usize, f: &Figure| {
        owner_found[o]
            || zone_found.get(f.zone.index()).copied().unwrap_or(false)
            || factor_found.get(f.factor.index()).copied().unwrap_or(false)
    };
    // The zones the text finds, by name or by a figure it finds.
    let mut zone_shown = zone_found.clone();
    if !needle.is_empty() {
        for (o, owner) in health.owners.iter().enumerate() {
            for f in owner.figures.iter().filter(|f| found(o, f)) {
                if let Some(shown) = zone_shown.get_mut(f.zone.index()) {
                    *shown = true;
                }
            }
        }
    }
    let picked_zone = key.zone.as_deref();
    let mut of_owner = 0;
    let mut figures: Vec<FigureAt> = Vec::new();
    for (o, owner) in health.owners.iter().enumerate() {
        if key.owner.as_ref().is_some_and(|f| !f.picks(owner.owner.as_ref())) {
            continue;
        }
        of_owner += owner.figures.len();
        for (i, f) in owner.figures.iter().enumerate() {
            let in_zone = picked_zone.is_none_or(|id| profile(f.zone).is_some_and(|p| p.id == id));
            if in_zone && found(o, f) {
                figures.push((o as u32, i as u32));
            }
        }
    }
    let figure = |at: FigureAt| &health.owners[at.0 as usize].figures[at.1 as usize];
    let name = |z: ZoneIdx| profile(z).map_or("", |p| p.name.get(lang));
    let name_key = |z: ZoneIdx| (sort_key(name(z)), name(z).to_owned());
    let (sort, descending) = key.figure_sort;
    match sort {
        // The order the health gives: the owner with the most overdue figure first.
        FigureSort::Owner => sort_rows(&mut figures, |at| at, descending),
        FigureSort::Zone => sort_rows(&mut figures, |at| name_key(figure(at).zone), descending),
        FigureSort::Factor => sort_rows(&mut figures, |at| figure(at).factor, descending),
        FigureSort::AsOf => sort_rows(&mut figures, |at| figure(at).as_of, descending),
        // Least overdue first: days over, then (of figures not yet over) fewer days left.
        FigureSort::Overdue => sort_rows(
            &mut figures,
            |at| (figure(at).days_over, Reverse(figure(at).days_left)),
            descending,
        ),
    }
    let mut zones: Vec<usize> = (0..health.zones.len()).filter(|&i| zone_shown[i]).collect();
    let (sort, descending) = key.zone_sort;
    let z = |i: usize| &health.zones[i];
    match sort {
        ZoneSort::Zone => sort_rows(&mut zones, |i| name_key(z(i).zone), descending),
        ZoneSort::Completeness => sort_rows(&mut zones, |i| z(i).known, descending),
        ZoneSort::Stale => sort_rows(&mut zones, |i| z(i).stale, descending),
        ZoneSort::Due => sort_rows(&mut zones, |i| z(i).due, descending),
        ZoneSort::Illustrative => sort_rows(&mut zones, |i| z(i).illustrative, descending),
        ZoneSort::Unknown => sort_rows(&mut zones, |i| z(i).unknown(), descending),
    }
    Rows {
        key: None,
        zones,
        figures,
        of_owner,
    }
}

/// Sorts rows by a key, keeping rows of equal keys in their own order either way.
fn sort_rows<T: Copy + Ord, K: Ord>(rows: &mut Vec<T>, key: impl Fn(T) -> K, descending: bool) {
    let mut keyed: Vec<(K, T)> = rows.iter().map(|&r| (key(r), r)).collect();
    keyed.sort_by(|a, b| {
        let by_key = a.0.cmp(&b.0);
        let by_key = if descending { by_key.reverse() } else { by_key };
        by_key.then(a.1.cmp(&b.1))
    });
    *rows = keyed.into_iter().map(|(_, r)| r).collect();
}
