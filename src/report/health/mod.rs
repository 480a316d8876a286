//! The health of a folder of zones' data (数据体检): per zone, how much of the catalog it knows
//! and how many of its figures are stale, due, illustrative or unknown; per owner (责任单位, the
//! owner in force of each figure), the figures it must update, most overdue first.
//!
//! Pure: the catalog, the zones and the day in; counts and positions out. Nothing here is text
//! until a reader sees it: [`figure_texts`] words one figure, the writers in [`write`] word the
//! whole (a terminal table, JSON), and a view words only the rows on screen.

mod texts;
pub mod write;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use jiff::civil::Date;

pub use self::texts::owner_text;
use crate::model::search::sort_key;
use crate::model::{Catalog, FactorIdx, Freshness, Lang, Owner, Value, ZoneIdx, ZoneProfile};
use crate::scoring::Exact;

/// Where one zone's data stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneHealth {
    /// The zone's position in the list the health was built from.
    pub zone: ZoneIdx,
    /// The factors the zone holds a value for.
    pub known: usize,
    /// The factors of the catalog.
    pub factors: usize,
    /// Figures past their update period.
    pub stale: usize,
    /// Figures in the last days of their update period.
    pub due: usize,
    /// Figures no source gives.
    pub illustrative: usize,
}

impl ZoneHealth {
    /// The catalog's factors the zone holds no value for.
    pub fn unknown(&self) -> usize {
        self.factors.saturating_sub(self.known)
    }

    /// 100 · known / factors, exact (a catalog of 31 factors gives thirty-firsts).
    pub fn completeness(&self) -> Exact {
        Exact::ratio(100 * self.known as u128, self.factors as u128)
    }

    /// The completeness as a reader sees it, rounded half up: `65%`.
    pub fn completeness_text(&self) -> String {
        format!("{}%", self.completeness().fixed(0))
    }
}

/// One figure an owner must update: due or stale on the day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub zone: ZoneIdx,
    pub factor: FactorIdx,
    /// When the figure was true.
    pub as_of: Date,
    /// [`Freshness::Due`] or [`Freshness::Stale`].
    pub freshness: Freshness,
    /// Days past the end of its update period (0 when due).
    pub days_over: i64,
    /// Days left of its update period (0 when stale).
    pub days_left: i64,
}

/// The figures one owner must update, most overdue first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerFigures {
    /// `None`: the figures nobody is named for (未指定责任单位).
    pub owner: Option<Owner>,
    pub figures: Vec<Figure>,
}

impl OwnerFigures {
    /// How many of the figures are stale and how many due.
    pub fn counts(&self) -> (usize, usize) {
        let stale = self
            .figures
            .iter()
            .filter(|f| f.freshness == Freshness::Stale)
            .count();
        (stale, self.figures.len() - stale)
    }
}

/// The health of a list of zones on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub today: Date,
    /// One per zone, in the order of the list.
    pub zones: Vec<ZoneHealth>,
    /// The owners with figures to update: the one with the most overdue figure first (ties
    /// by name in pinyin order), the figures nobody is named for last.
    pub owners: Vec<OwnerFigures>,
    /// Every owner the zones name (for a figure or by default), in pinyin order.
    pub named: Vec<Owner>,
}

/// Which owner's figures to show.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OwnerFilter {
    /// The owner of this name (trimmed).
    Named(String),
    /// The figures nobody is named for.
    Nobody,
}

impl OwnerFilter {
    /// What a user typed: an owner's name, or the words for "no owner named" in either
    /// language (`未指定责任单位`, `no owner named`). Spaces around it do not count.
    pub fn parse(text: &str) -> OwnerFilter {
        let text = text.trim();
        if [Lang::Zh, Lang::En]
            .iter()
            .any(|l| owner_text(None, *l).eq_ignore_ascii_case(text))
        {
            OwnerFilter::Nobody
        } else {
            OwnerFilter::Named(text.to_owned())
        }
    }

    /// Whether this filter picks the figures of `owner`.
    pub fn picks(&self, owner: Option<&Owner>) -> bool {
        match (self, owner) {
            (OwnerFilter::Named(name), Some(o)) => o.as_ref() == name,
            (OwnerFilter::Nobody, None) => true,
            _ => false,
        }
    }
}

/// What an owner filter finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection<'a> {
    /// The owner's figures to update.
    Figures(&'a OwnerFigures),
    /// The owner is named, but none of its figures is due or stale.
    AllCurrent,
    /// No figure has that owner: the zones never name it.
    NoSuchOwner,
}

impl Health {
    /// Builds the health of `profiles` on `today`.
    pub fn build<P: AsRef<ZoneProfile>>(catalog: &Catalog, profiles: &[P], today: Date) -> Health {
        let factors = catalog.len();
        let mut zones = Vec::with_capacity(profiles.len());
        let mut by_owner: HashMap<Option<Owner>, Vec<Figure>> = HashMap::new();
        let mut named: HashMap<&str, Owner> = HashMap::new();
        for (i, p) in profiles.iter().enumerate() {
            let p = p.as_ref();
            let zone = ZoneIdx::new(i);
            let mut health = ZoneHealth {
                zone,
                known: 0,
                factors,
                stale: 0,
                due: 0,
                illustrative: 0,
            };
            for (_, owner) in p.owners.iter() {
                named.entry(owner).or_insert_with(|| Owner::clone(owner));
            }
            for (f, entry) in p.entries() {
                let factor = catalog.factor(f);
                health.known += 1;
                health.illustrative += usize::from(entry.illustrative);
                if let Some(o) = &entry.owner {
                    named.entry(o).or_insert_with(|| Owner::clone(o));
                }
                let freshness = entry.freshness(factor, today);
                match freshness {
                    Freshness::Current => continue,
                    Freshness::Due => health.due += 1,
                    Freshness::Stale => health.stale += 1,
                }
                by_owner
                    .entry(p.owner(catalog, f).cloned())
                    .or_default()
                    .push(Figure {
                        zone,
                        factor: f,
                        as_of: entry.as_of,
                        freshness,
                        days_over: Freshness::days_over(entry.as_of, today, factor.fresh_days),
                        days_left: Freshness::days_left(entry.as_of, today, factor.fresh_days),
                    });
            }
            zones.push(health);
        }
        let id = |z: ZoneIdx| profiles.get(z.index()).map_or("", |p| p.as_ref().id.as_str());
        let urgency = |f: &Figure| (std::cmp::Reverse(f.days_over), f.days_left);
        let mut owners: Vec<OwnerFigures> = by_owner
            .into_iter()
            .map(|(owner, mut figures)| {
                figures.sort_by(|a, b| {
                    urgency(a)
                        .cmp(&urgency(b))
                        .then_with(|| id(a.zone).cmp(id(b.zone)))
                        .then(a.factor.cmp(&b.factor))
                });
                OwnerFigures { owner, figures }
            })
            .collect();
        owners.sort_by_cached_key(|o| {
            (
                o.owner.is_none(),
                o.figures.first().map(urgency),
                o.owner.as_deref().map(|n| (sort_key(n), n.to_owned())),
            )
        });
        let mut named: Vec<Owner> = named.into_values().collect();
        named.sort_by_cached_key(|o| (sort_key(o), o.to_string()));
        Health {
            today,
            zones,
            owners,
            named,
        }
    }

    /// The figures the filter picks, or why there are none.
    pub fn select(&self, filter: &OwnerFilter) -> Selection<'_> {
        if let Some(o) = self.owners.iter().find(|o| filter.picks(o.owner.as_ref())) {
            return Selection::Figures(o);
        }
        match filter {
            OwnerFilter::Named(name) if self.named.iter().any(|o| o.as_ref() == name) => {
                Selection::AllCurrent
            }
            OwnerFilter::Nobody => Selection::AllCurrent,
            OwnerFilter::Named(_) => Selection::NoSuchOwner,
        }
    }

    /// How many figures of all zones are stale and how many due.
    pub fn totals(&self) -> (usize, usize) {
        self.zones
            .iter()
            .fold((0, 0), |(s, d), z| (s + z.stale, d + z.due))
    }
}

/// One figure in words, for a row a reader sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureTexts {
    pub zone_id: String,
    pub zone_name: String,
    pub factor_id: String,
    pub factor_name: String,
    /// What the zone offers, its planned amount included: `80 兆瓦`.
    pub value: String,
    /// `已过期` / `待更新`.
    pub freshness: &'static str,
    /// `超期 884 天` / `还剩 8 天`.
    pub overdue: String,
}

/// Words one figure of `profiles` (the list the health was built from).
pub fn figure_texts<P: AsRef<ZoneProfile>>(
    catalog: &Catalog,
    profiles: &[P],
    figure: &Figure,
    lang: Lang,
) -> FigureTexts {
    let profile = profiles.get(figure.zone.index()).map(AsRef::as_ref);
    let factor = catalog.factor(figure.factor);
    let value = profile
        .and_then(|p| p.entry(figure.factor))
        .map(|e| {
            // No requirement to hold it against: a long list names its first members.
            let none = Value::set(Vec::new());
            crate::scoring::explain::entry_offered_text(catalog, factor, &none, e, lang)
        })
        .unwrap_or_default();
    FigureTexts {
        zone_id: profile.map(|p| p.id.clone()).unwrap_or_default(),
        zone_name: profile.map(|p| p.name.get(lang).to_owned()).unwrap_or_default(),
        factor_id: factor.id.clone(),
        factor_name: factor.name.get(lang).to_owned(),
        value,
        freshness: figure.freshness.label(lang),
        overdue: overdue_text(figure, lang),
    }
}

/// How far a figure is past its period, or how near its end: `超期 884 天` / `884 days over`,
/// `还剩 8 天` / `8 days left`.
pub fn overdue_text(figure: &Figure, lang: Lang) -> String {
    let t = texts::TEXTS.get(lang);
    match figure.freshness {
        Freshness::Stale => (t.days_over)(figure.days_over),
        _ => (t.days_left)(figure.days_left),
    }
}
