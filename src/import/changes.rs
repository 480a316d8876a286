//! The change set an import proposes: per zone, each figure old → new with the source and date
//! that come with it and how it is judged (a change, a conflict, older than what is held), new
//! zones, and what was left unread. Nothing is written until the officer accepts; a profile
//! with the accepted figures is [`ZoneChange::apply`]'s. Pure.

use jiff::civil::Date;

use super::error::Unread;
use crate::model::Bilingual;
use crate::model::cell::DateReading;
use crate::model::write::{planned_file_text, value_file_text};
use crate::model::{Catalog, Entry, FactorIdx, Lang, Owner, PlannedAmount, Value, ZoneIdx, ZoneProfile};
use crate::scoring::explain::entry_offered_text;

/// A figure of a zone as far as an import touches it: the entry, and the default owner the
/// profile keys by the factor's id (where a department is named for a figure not yet known).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figure {
    pub entry: Option<Entry>,
    pub key_owner: Option<Owner>,
}

impl Figure {
    /// A profile's figure of `factor`.
    pub fn of(catalog: &Catalog, profile: &ZoneProfile, factor: FactorIdx) -> Figure {
        Figure {
            entry: profile.entry(factor).cloned(),
            key_owner: profile.owners.get(&catalog.factor(factor).id).cloned(),
        }
    }

    /// Puts the figure into a profile.
    pub fn put(&self, catalog: &Catalog, profile: &mut ZoneProfile, factor: FactorIdx) {
        profile.set_entry(factor, self.entry.clone());
        profile
            .owners
            .set(&catalog.factor(factor).id, self.key_owner.clone());
    }

    /// The value and the plan: what a figure says, apart from where it comes from.
    fn says(&self) -> (Option<&Value>, Option<&PlannedAmount>) {
        match &self.entry {
            Some(e) => (Some(&e.value), e.planned.as_deref()),
            None => (None, None),
        }
    }

    /// The value as the profile file writes it (`1677 mu`), empty when unknown.
    pub fn value_text(&self, catalog: &Catalog, factor: FactorIdx) -> String {
        self.entry.as_ref().map_or_else(String::new, |e| {
            value_file_text(&e.value, catalog.factor(factor), catalog)
        })
    }

    /// The plan as the profile file writes it, empty when none.
    pub fn planned_text(&self, catalog: &Catalog) -> String {
        self.entry
            .as_ref()
            .and_then(|e| e.planned.as_deref())
            .map_or_else(String::new, |p| planned_file_text(p, catalog))
    }

    /// The figure in words, as the review shows it: `30 兆瓦；计划 2026-06-30 达 50 兆瓦`,
    /// every member of a set named; `（无）` / `(none)` when unknown.
    pub fn shown_text(&self, catalog: &Catalog, factor: FactorIdx, lang: Lang) -> String {
        let Some(e) = &self.entry else {
            return TEXTS.get(lang).none.to_owned();
        };
        // Held against itself, a set names all its members rather than the first few.
        let required = match &e.value {
            Value::Set(_) => e.value.clone(),
            _ => Value::set(Vec::new()),
        };
        entry_offered_text(catalog, catalog.factor(factor), &required, e, lang)
    }

    /// The owner the figure names: the entry's own, else the key owner.
    pub fn owner(&self) -> Option<&Owner> {
        self.entry
            .as_ref()
            .and_then(|e| e.owner.as_ref())
            .or(self.key_owner.as_ref())
    }
}

/// How a proposed figure is judged against the profile as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// Takes the new figure when accepted.
    Change,
    /// The profile changed since the workbook was exported, to something else than the
    /// answer: listed, never overwritten. `now` is the figure the profile holds.
    Conflict { now: Figure },
    /// The answer is dated before the figure held (a province's end-2023 table over a figure
    /// of 2025): listed, not taken.
    Older { held: Date },
}

impl Judgement {
    /// The code scripts read: `change`, `conflict`, `older`.
    pub fn code(&self) -> &'static str {
        match self {
            Judgement::Change => "change",
            Judgement::Conflict { .. } => "conflict",
            Judgement::Older { .. } => "older",
        }
    }

    /// Whether the officer may accept it.
    pub fn acceptable(&self) -> bool {
        matches!(self, Judgement::Change)
    }
}

/// One figure of a zone, old → new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureChange {
    pub factor: FactorIdx,
    /// Where the answer is: `Sheet!D7`.
    pub cell: String,
    /// The figure the profile holds now.
    pub old: Figure,
    /// The figure the answer gives.
    pub new: Figure,
    pub judgement: Judgement,
    /// How a date written without its day was read (`2025年6月前`: 2025-06-30).
    pub reading: Option<DateReading>,
}

/// Which profile a zone's changes go to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A profile of the folder, by its place in the zones given to the import.
    Existing(ZoneIdx),
    /// A new profile (with no figure yet: the changes hold them).
    New(Box<ZoneProfile>),
}

/// One zone's proposed figures, in catalog order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneChange {
    pub target: Target,
    pub id: String,
    pub name: String,
    pub figures: Vec<FigureChange>,
}

impl ZoneChange {
    pub fn is_new(&self) -> bool {
        matches!(self.target, Target::New(_))
    }

    /// The profile with the figures `accept` picks (by their place in [`Self::figures`])
    /// put in, over `base` (the zone's profile; ignored for a new zone). Only changes are
    /// ever taken: a conflict or an older answer is not, whatever `accept` says.
    pub fn apply(
        &self,
        catalog: &Catalog,
        base: Option<&ZoneProfile>,
        accept: impl Fn(usize) -> bool,
    ) -> ZoneProfile {
        let mut profile = match (&self.target, base) {
            (Target::New(p), _) => (**p).clone(),
            (Target::Existing(_), Some(b)) => b.clone(),
            (Target::Existing(_), None) => {
                ZoneProfile::new(catalog, self.id.clone(), Default::default(), Date::MIN)
            }
        };
        for (i, f) in self.figures.iter().enumerate() {
            if f.judgement.acceptable() && accept(i) {
                f.new.put(catalog, &mut profile, f.factor);
            }
        }
        profile
    }

    /// How many figures may be accepted.
    pub fn acceptable(&self) -> usize {
        self.figures.iter().filter(|f| f.judgement.acceptable()).count()
    }
}

/// What one sheet was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRead {
    pub name: String,
    pub layout: Layout,
    /// The header row, from 0.
    pub header_row: u32,
    /// Rows of zones (wide) or figures (long) read.
    pub rows: usize,
}

/// A sheet's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One row per zone, one column per factor: a province's own table.
    Wide,
    /// One row per zone and factor: SiteMatch's update workbook, filled, in the language of
    /// its column titles.
    Long(Lang),
}

impl Layout {
    pub fn code(self) -> &'static str {
        match self {
            Layout::Wide => "wide",
            Layout::Long(_) => "long",
        }
    }
}

/// What an import proposes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// The sheets read.
    pub sheets: Vec<SheetRead>,
    /// Zones with figures to change, new zones among them, in the order first read.
    pub zones: Vec<ZoneChange>,
    /// Figures the answer gives as the profile holds them already.
    pub unchanged: usize,
    /// Every header and cell left unread, sheet by sheet, top to bottom.
    pub unread: Vec<Unread>,
}

impl ChangeSet {
    /// How many figures are judged changes, conflicts and older answers.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for z in &self.zones {
            if z.is_new() {
                c.new_zones += 1;
            }
            for f in &z.figures {
                match f.judgement {
                    Judgement::Change => c.changes += 1,
                    Judgement::Conflict { .. } => c.conflicts += 1,
                    Judgement::Older { .. } => c.older += 1,
                }
            }
        }
        c.unchanged = self.unchanged;
        c.unread = self.unread.len();
        c
    }
}

/// A change set in numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub changes: usize,
    pub conflicts: usize,
    pub older: usize,
    pub unchanged: usize,
    pub new_zones: usize,
    pub unread: usize,
}

/// What an answer does to a figure: each part `None` keeps what the figure holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edit {
    /// `Some(None)`: the figure is cleared (`未知`).
    pub value: Option<Option<Value>>,
    /// `Some(None)`: the plan is cleared.
    pub planned: Option<Option<PlannedAmount>>,
    pub source: Option<String>,
    pub as_of: Option<Date>,
    pub owner: Option<Owner>,
}

impl Edit {
    /// Whether the answer says anything.
    pub fn is_empty(&self) -> bool {
        *self == Edit::default()
    }

    /// The figure with the answer put in. A figure answered (a value, a plan, a date or a
    /// source) is no longer illustrative. An owner named for a figure not known goes to the
    /// profile's default owners under the factor's id.
    pub fn apply_to(&self, old: &Figure) -> Figure {
        let mut new = old.clone();
        let answered =
            self.value.is_some() || self.planned.is_some() || self.source.is_some() || self.as_of.is_some();
        match &self.value {
            Some(None) => new.entry = None,
            Some(Some(v)) => match &mut new.entry {
                Some(e) => e.value = v.clone(),
                None => {
                    new.entry = Some(Entry {
                        value: v.clone(),
                        source: String::new(),
                        as_of: self.as_of.unwrap_or(Date::MIN),
                        illustrative: false,
                        planned: None,
                        owner: None,
                    });
                }
            },
            None => {}
        }
        if let Some(e) = &mut new.entry {
            if let Some(p) = &self.planned {
                e.planned = p.clone().map(Box::new);
            }
            if let Some(s) = &self.source {
                e.source = s.clone();
            }
            if let Some(d) = self.as_of {
                e.as_of = d;
            }
            if answered {
                e.illustrative = false;
            }
            if let Some(o) = &self.owner {
                e.owner = Some(o.clone());
            }
        } else if let Some(o) = &self.owner {
            new.key_owner = Some(o.clone());
        }
        new
    }
}

/// Judges an answer against the figure held now. `shown`: whether the figure held is still
/// the one the workbook showed (`None` for a table that showed none, a province's). `None`
/// when the answer changes nothing.
pub fn judge(now: &Figure, edit: &Edit, shown: Option<bool>) -> Option<(Figure, Judgement)> {
    let new = edit.apply_to(now);
    if new == *now {
        return None;
    }
    if shown == Some(false) {
        // Changed meanwhile: the same value and plan as the answer is no change (someone
        // typed it in already); anything else is this figure's conflict.
        if new.says() == now.says() {
            return None;
        }
        return Some((new, Judgement::Conflict { now: now.clone() }));
    }
    if let (Some(held), Some(answer)) = (&now.entry, &new.entry)
        && answer.as_of < held.as_of
        && new.says() != now.says()
    {
        return Some((new, Judgement::Older { held: held.as_of }));
    }
    Some((new, Judgement::Change))
}

/// The words of a figure not known.
struct Texts {
    none: &'static str,
}

static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts { none: "（无）" },
    en: Texts { none: "(none)" },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quantity, YesNo};

    fn date(s: &str) -> Date {
        s.parse().expect("a date")
    }

    fn entry(value: Value, as_of: &str) -> Entry {
        Entry {
            value,
            source: "管委会".into(),
            as_of: date(as_of),
            illustrative: true,
            planned: None,
            owner: None,
        }
    }

    fn yes_figure(as_of: &str) -> Figure {
        Figure {
            entry: Some(entry(Value::YesNo(YesNo::Yes), as_of)),
            key_owner: None,
        }
    }

    #[test]
    fn an_answer_that_changes_nothing_is_not_listed() {
        let now = yes_figure("2025-01-01");
        assert_eq!(judge(&now, &Edit::default(), Some(true)), None);
        let same = Edit {
            value: Some(Some(Value::YesNo(YesNo::Yes))),
            ..Edit::default()
        };
        // The value is the same, but answering it makes it a real figure, not illustrative.
        let (new, j) = judge(&now, &same, Some(true)).expect("the mark is cleared");
        assert_eq!(j, Judgement::Change);
        assert!(!new.entry.expect("kept").illustrative);
    }

    #[test]
    fn a_figure_changed_meanwhile_conflicts_unless_it_already_says_the_answer() {
        let now = yes_figure("2025-01-01");
        let to_no = Edit {
            value: Some(Some(Value::YesNo(YesNo::No))),
            as_of: Some(date("2026-01-01")),
            ..Edit::default()
        };
        let (_, j) = judge(&now, &to_no, Some(false)).expect("listed");
        assert_eq!(j, Judgement::Conflict { now: now.clone() });
        let to_yes = Edit {
            value: Some(Some(Value::YesNo(YesNo::Yes))),
            as_of: Some(date("2026-01-01")),
            ..Edit::default()
        };
        assert_eq!(judge(&now, &to_yes, Some(false)), None);
        assert_eq!(
            judge(&now, &to_no, Some(true)).map(|(_, j)| j),
            Some(Judgement::Change)
        );
    }

    #[test]
    fn an_answer_dated_before_the_figure_held_is_older() {
        let now = yes_figure("2025-06-30");
        let old_no = Edit {
            value: Some(Some(Value::YesNo(YesNo::No))),
            source: Some("全省表.xlsx!D7".into()),
            as_of: Some(date("2023-12-31")),
            ..Edit::default()
        };
        let (_, j) = judge(&now, &old_no, None).expect("listed");
        assert_eq!(
            j,
            Judgement::Older {
                held: date("2025-06-30")
            }
        );
        assert!(!j.acceptable());
    }

    #[test]
    fn a_clear_removes_the_figure_and_an_owner_without_a_figure_is_keyed() {
        let now = yes_figure("2025-01-01");
        let clear = Edit {
            value: Some(None),
            ..Edit::default()
        };
        let (new, _) = judge(&now, &clear, Some(true)).expect("cleared");
        assert_eq!(new.entry, None);
        let owner = Edit {
            owner: Some("国网供电公司".into()),
            ..Edit::default()
        };
        let (new, _) = judge(&Figure::default(), &owner, None).expect("named");
        assert_eq!(new.key_owner.as_deref(), Some("国网供电公司"));
        assert_eq!(new.entry, None);
    }

    #[test]
    fn apply_takes_only_accepted_changes() {
        let c = Catalog::builtin().expect("catalog");
        let f = c.find_factor("land.industrial_area").expect("factor");
        let m = c.factor(f).kind.measure().expect("amount").clone();
        let q = |n: i64| Quantity::new(&c, &m, n.into(), m.unit).expect("quantity");
        let mut base = ZoneProfile::new(&c, "hm", Default::default(), date("2025-01-01"));
        base.set_entry(f, Some(entry(Value::Amount(q(100)), "2025-01-01")));
        let mut new = entry(Value::Amount(q(200)), "2026-01-01");
        new.illustrative = false;
        let change = |judgement| FigureChange {
            factor: f,
            cell: "表!D2".into(),
            old: Figure::of(&c, &base, f),
            new: Figure {
                entry: Some(new.clone()),
                key_owner: None,
            },
            judgement,
            reading: None,
        };
        let zone = ZoneChange {
            target: Target::Existing(ZoneIdx::new(0)),
            id: "hm".into(),
            name: String::new(),
            figures: vec![change(Judgement::Change)],
        };
        assert_eq!(zone.apply(&c, Some(&base), |_| true).entry(f), Some(&new));
        assert_eq!(zone.apply(&c, Some(&base), |_| false), base);
        let conflict = ZoneChange {
            figures: vec![change(Judgement::Conflict {
                now: Figure::default(),
            })],
            ..zone
        };
        assert_eq!(
            conflict.apply(&c, Some(&base), |_| true),
            base,
            "a conflict is never taken"
        );
    }
}
