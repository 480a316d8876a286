//! The zone profile being edited: its drafts, what is wrong with them, and whether they differ
//! from the saved profile. Pure: the app saves through `io`.

use std::path::PathBuf;

use jiff::civil::Date;

use super::history::History;
use super::owners_draft::{self, OwnerDraft, OwnerFrom};
use super::texts::TEXTS;
use super::value_draft::{DraftError, EntryDraft, parse_date};
use crate::model::parse::check_profile_id;
use crate::model::{Catalog, FactorIdx, Freshness, Lang, Text, ZoneIdx, ZoneProfile};

/// The profile's own fields as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaDraft {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub region_zh: String,
    pub region_en: String,
    pub contact: String,
    /// The contact for English readers.
    pub contact_en: String,
    pub as_of: String,
    /// The zone's location, kept as read (the form does not edit it yet).
    pub location: Option<crate::model::geo::Location>,
    /// The departments that own the zone's figures by default, kept as read (the form does
    /// not edit them yet).
    pub owners: crate::model::Owners,
}

/// What is wrong with the profile's own fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetaError {
    BadId(String),
    DuplicateId(String),
    NoName,
    BadDate(DraftError),
    /// A default owner's row with no name, by its key.
    NoOwner(String),
}

impl MetaError {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (MetaError::BadId(id), Lang::Zh) => format!("编号“{id}”只能包含字母、数字、- 和 _"),
            (MetaError::BadId(id), Lang::En) => {
                format!("the id `{id}` may hold only letters, digits, - and _")
            }
            (MetaError::DuplicateId(id), Lang::Zh) => format!("编号“{id}”已被其他开发区使用"),
            (MetaError::DuplicateId(id), Lang::En) => format!("another zone already has the id `{id}`"),
            (MetaError::NoName, Lang::Zh) => "请填写开发区名称".into(),
            (MetaError::NoName, Lang::En) => "give the zone a name".into(),
            (MetaError::BadDate(e), _) => e.text(lang),
            (MetaError::NoOwner(key), Lang::Zh) => {
                format!("“{key}”的默认责任单位未填写：请填写，或删除这一行")
            }
            (MetaError::NoOwner(key), Lang::En) => {
                format!("the default owner for `{key}` is empty: fill it in or remove the row")
            }
        }
    }
}

impl crate::model::Localize for MetaError {
    fn text(&self, lang: Lang) -> String {
        MetaError::text(self, lang)
    }
}

/// Everything the editor shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileForm {
    pub meta: MetaDraft,
    pub entries: Vec<EntryDraft>,
    /// The profile's default owners, a row per key, in the order read or added.
    pub owners: Vec<OwnerDraft>,
}

impl ProfileForm {
    fn from_profile(catalog: &Catalog, p: &ZoneProfile) -> Self {
        ProfileForm {
            meta: MetaDraft {
                id: p.id.clone(),
                name_zh: p.name.zh.clone(),
                name_en: p.name.en.clone(),
                region_zh: p.region.zh.clone(),
                region_en: p.region.en.clone(),
                contact: p.contact.clone(),
                contact_en: p.contact_en.clone(),
                as_of: p.as_of.to_string(),
                location: p.location,
                owners: p.owners.clone(),
            },
            entries: catalog
                .factors()
                .map(|(f, factor)| EntryDraft::from_entry(factor, p.entry(f), p.as_of))
                .collect(),
            owners: owners_draft::drafts_of(&p.owners),
        }
    }
}

/// A field of the profile's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaPart {
    Id,
    Name,
    Region,
    Contact,
    Date,
    /// The profile's default owners.
    Owners,
}

/// What one edit of a profile changed, for the Edit menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileEdit {
    Meta(MetaPart),
    Value(FactorIdx),
    Source(FactorIdx),
    Date(FactorIdx),
    Illustrative(FactorIdx),
    /// The factor's own owner.
    Owner(FactorIdx),
}

impl ProfileEdit {
    /// The first thing that differs between two forms.
    fn between(before: &ProfileForm, after: &ProfileForm) -> Option<ProfileEdit> {
        let (a, b) = (&before.meta, &after.meta);
        let meta = if a.id != b.id {
            Some(MetaPart::Id)
        } else if a.name_zh != b.name_zh || a.name_en != b.name_en {
            Some(MetaPart::Name)
        } else if a.region_zh != b.region_zh || a.region_en != b.region_en {
            Some(MetaPart::Region)
        } else if a.contact != b.contact || a.contact_en != b.contact_en {
            Some(MetaPart::Contact)
        } else if a.as_of != b.as_of {
            Some(MetaPart::Date)
        } else if before.owners != after.owners {
            Some(MetaPart::Owners)
        } else {
            None
        };
        if let Some(part) = meta {
            return Some(ProfileEdit::Meta(part));
        }
        before
            .entries
            .iter()
            .zip(&after.entries)
            .enumerate()
            .find_map(|(i, (x, y))| {
                let f = FactorIdx::from_index(i)?;
                if x.value != y.value {
                    Some(ProfileEdit::Value(f))
                } else if x.source != y.source {
                    Some(ProfileEdit::Source(f))
                } else if x.as_of != y.as_of {
                    Some(ProfileEdit::Date(f))
                } else if x.illustrative != y.illustrative {
                    Some(ProfileEdit::Illustrative(f))
                } else if x.owner != y.owner {
                    Some(ProfileEdit::Owner(f))
                } else {
                    None
                }
            })
    }

    /// The edit in words: `修改 可供工业用地面积 的来源`.
    pub fn text(&self, catalog: &Catalog, lang: Lang) -> String {
        let name = |f: &FactorIdx| catalog.factor(*f).name.get(lang).to_owned();
        let t = TEXTS.get(lang);
        match self {
            ProfileEdit::Meta(part) => (t.change_field)(match part {
                MetaPart::Id => t.zone_id,
                MetaPart::Name => t.zone_name,
                MetaPart::Region => t.region,
                MetaPart::Contact => t.contact,
                MetaPart::Date => t.profile_date,
                MetaPart::Owners => t.default_owners,
            }),
            ProfileEdit::Value(f) => (t.change_factor)(&name(f)),
            ProfileEdit::Source(f) => (t.change_source)(&name(f)),
            ProfileEdit::Date(f) => (t.change_date)(&name(f)),
            ProfileEdit::Illustrative(f) => (t.change_illustrative)(&name(f)),
            ProfileEdit::Owner(f) => (t.change_owner)(&name(f)),
        }
    }
}

/// An open profile editor.
#[derive(Clone, Debug)]
pub struct ProfileEditor {
    /// The zone's position among the loaded profiles; `None` for a zone not saved yet.
    pub zone: Option<ZoneIdx>,
    /// The file the profile is saved to; `None` until a new zone is saved.
    pub path: Option<PathBuf>,
    pub form: ProfileForm,
    pristine: ProfileForm,
    /// Undo and redo of every edit since the zone was opened.
    pub history: History<ProfileForm, ProfileEdit>,
    /// Per factor, what is wrong with its draft.
    pub entry_errors: Vec<Option<DraftError>>,
    pub meta_errors: Vec<MetaError>,
    /// The file as it was read or last saved, to notice someone else changing it.
    pub stamp: Option<crate::io::FileStamp>,
    /// The zone's history of saved changes, as the app has read it.
    pub figure_history: super::figure_history::FigureHistory,
    /// The factor the editor was opened at (a figure clicked in the data-health view): its
    /// row is marked, and scrolled into view once.
    pub focus: Option<FactorFocus>,
}

/// A factor the editor points the officer at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactorFocus {
    pub factor: FactorIdx,
    /// The row is still to be scrolled into view.
    pub scroll: bool,
}

impl ProfileEditor {
    /// Edits a loaded profile.
    pub fn open(catalog: &Catalog, profile: &ZoneProfile, zone: ZoneIdx, path: PathBuf) -> Self {
        let form = ProfileForm::from_profile(catalog, profile);
        ProfileEditor {
            zone: Some(zone),
            path: Some(path),
            pristine: form.clone(),
            history: History::new(form.clone()),
            form,
            entry_errors: vec![None; catalog.len()],
            meta_errors: Vec::new(),
            stamp: None,
            figure_history: Default::default(),
            focus: None,
        }
    }

    /// A new zone from a blank template, dated `today`.
    pub fn blank(catalog: &Catalog, today: Date) -> Self {
        let profile = ZoneProfile::new(catalog, "", Text::default(), today);
        let form = ProfileForm::from_profile(catalog, &profile);
        ProfileEditor {
            zone: None,
            path: None,
            pristine: form.clone(),
            history: History::new(form.clone()),
            form,
            entry_errors: vec![None; catalog.len()],
            meta_errors: Vec::new(),
            stamp: None,
            figure_history: Default::default(),
            focus: None,
        }
    }

    /// Points the editor at a factor: its row is marked and brought into view.
    pub fn focus_on(&mut self, factor: FactorIdx) {
        self.focus = Some(FactorFocus { factor, scroll: true });
    }

    pub fn is_new(&self) -> bool {
        self.zone.is_none()
    }

    /// Whether the drafts differ from the saved profile.
    pub fn is_dirty(&self) -> bool {
        self.form != self.pristine
    }

    /// Records the form after an edit in the history.
    fn record(&mut self) {
        if let Some(target) = ProfileEdit::between(self.history.present(), &self.form) {
            self.history.edited(self.form.clone(), target);
        }
    }

    /// Takes back the last edit (field errors are checked again); false when there is none.
    pub fn undo(&mut self, catalog: &Catalog, taken: &[&str]) -> bool {
        match self.history.undo().cloned() {
            Some(form) => self.restore(form, catalog, taken),
            None => false,
        }
    }

    /// Does the last undone edit again; false when there is none.
    pub fn redo(&mut self, catalog: &Catalog, taken: &[&str]) -> bool {
        match self.history.redo().cloned() {
            Some(form) => self.restore(form, catalog, taken),
            None => false,
        }
    }

    fn restore(&mut self, form: ProfileForm, catalog: &Catalog, taken: &[&str]) -> bool {
        self.form = form;
        for (f, _) in catalog.factors() {
            self.check_entry_only(catalog, f);
        }
        self.check_meta_only(taken);
        true
    }

    /// Throws the edits away (revert is an edit too: it can be undone).
    pub fn revert(&mut self) {
        self.form = self.pristine.clone();
        self.record();
        self.entry_errors.iter_mut().for_each(|e| *e = None);
        self.meta_errors.clear();
    }

    /// Records a successful save of `profile` to `path` at position `zone`.
    pub fn mark_saved(
        &mut self,
        catalog: &Catalog,
        profile: &ZoneProfile,
        zone: ZoneIdx,
        path: PathBuf,
        stamp: crate::io::FileStamp,
    ) {
        self.stamp = Some(stamp);
        self.form = ProfileForm::from_profile(catalog, profile);
        self.pristine = self.form.clone();
        self.history.rebase(self.form.clone());
        self.zone = Some(zone);
        self.path = Some(path);
    }

    fn profile_date(&self) -> Result<Date, DraftError> {
        parse_date(&self.form.meta.as_of)
    }

    /// Re-checks one entry after an edit, so its error shows as the officer types, and
    /// records the edit for undo.
    pub fn check_entry(&mut self, catalog: &Catalog, factor: FactorIdx) {
        self.source_clears_illustrative(factor);
        self.check_entry_only(catalog, factor);
        self.record();
    }

    /// A value that was illustrative and now gets a source is no longer illustrative: naming
    /// where a figure comes from is what the mark was waiting for. (Ticking the mark again
    /// keeps both; the report then shows the source and the mark.)
    fn source_clears_illustrative(&mut self, factor: FactorIdx) {
        let before = self.history.present().entries.get(factor.index());
        let had_source = before.is_some_and(|e| !e.source.trim().is_empty());
        let was_illustrative = before.is_some_and(|e| e.illustrative);
        if let Some(entry) = self.form.entries.get_mut(factor.index())
            && !had_source
            && was_illustrative
            && entry.illustrative
            && !entry.source.trim().is_empty()
        {
            entry.illustrative = false;
        }
    }

    fn check_entry_only(&mut self, catalog: &Catalog, factor: FactorIdx) {
        let date = self.profile_date().unwrap_or(Date::MIN);
        if let (Some(draft), Some(slot)) = (
            self.form.entries.get_mut(factor.index()),
            self.entry_errors.get_mut(factor.index()),
        ) {
            match draft.parse(catalog, catalog.factor(factor), date) {
                Ok(entry) => {
                    draft.value.follow_unit(entry.as_ref().map(|e| &e.value));
                    if let (Some(p), Some(planned)) = (
                        draft.planned.as_mut(),
                        entry.as_ref().and_then(|e| e.planned.as_ref()),
                    ) {
                        p.amount
                            .follow_unit(Some(&crate::model::Value::Amount(planned.amount.clone())));
                    }
                    *slot = None;
                }
                Err(e) => *slot = Some(e),
            }
        }
    }

    /// Re-checks the profile's own fields after an edit and records it for undo. `taken` are
    /// the ids of the other loaded zones.
    pub fn check_meta(&mut self, taken: &[&str]) {
        self.check_meta_only(taken);
        self.record();
    }

    fn check_meta_only(&mut self, taken: &[&str]) {
        let m = &self.form.meta;
        let mut errors = Vec::new();
        if check_profile_id(m.id.trim()).is_err() {
            errors.push(MetaError::BadId(m.id.clone()));
        } else if self.is_new() && taken.iter().any(|t| t.eq_ignore_ascii_case(m.id.trim())) {
            // Ids that differ only in letter case name one file on Windows and macOS; the
            // loader refuses such pairs, so the editor never makes one.
            errors.push(MetaError::DuplicateId(m.id.clone()));
        }
        if m.name_zh.trim().is_empty() && m.name_en.trim().is_empty() {
            errors.push(MetaError::NoName);
        }
        if let Err(e) = self.profile_date() {
            errors.push(MetaError::BadDate(e));
        }
        for row in &self.form.owners {
            if row.owner.trim().is_empty() {
                errors.push(MetaError::NoOwner(row.key.clone()));
            }
        }
        self.meta_errors = errors;
    }

    /// The owner in force of a factor as the form stands, and whether the entry names it.
    pub fn owner_in_force(&self, catalog: &Catalog, factor: FactorIdx) -> Option<(String, OwnerFrom)> {
        let entry = self.form.entries.get(factor.index())?;
        owners_draft::owner_in_force(catalog, catalog.factor(factor), entry, &self.form.owners)
    }

    /// Where a factor's figure stands on `today` as the form stands; `None` with no value.
    pub fn freshness(&self, catalog: &Catalog, factor: FactorIdx, today: Date) -> Option<Freshness> {
        let entry = self.form.entries.get(factor.index())?;
        owners_draft::draft_freshness(catalog.factor(factor), entry, &self.form.meta.as_of, today)
    }

    /// The keys not given a default owner yet, for the picker that adds one.
    pub fn free_owner_keys(&self, catalog: &Catalog) -> Vec<String> {
        owners_draft::owner_keys(catalog)
            .into_iter()
            .filter(|k| !self.form.owners.iter().any(|r| &r.key == k))
            .collect()
    }

    /// The checked profile, or the number of fields still wrong (each marked on its field).
    pub fn validate(&mut self, catalog: &Catalog, taken: &[&str]) -> Result<ZoneProfile, usize> {
        self.check_meta_only(taken);
        for (f, _) in catalog.factors() {
            self.check_entry_only(catalog, f);
        }
        self.record();
        let wrong = self.meta_errors.len() + self.entry_errors.iter().flatten().count();
        let date = match self.profile_date() {
            Ok(d) if wrong == 0 => d,
            _ => return Err(wrong.max(1)),
        };
        let m = &self.form.meta;
        let mut p = ZoneProfile::new(
            catalog,
            m.id.trim(),
            Text::new(m.name_zh.trim(), m.name_en.trim()),
            date,
        );
        p.region = Text::new(m.region_zh.trim(), m.region_en.trim());
        p.contact = m.contact.trim().to_owned();
        p.contact_en = m.contact_en.trim().to_owned();
        p.location = m.location;
        p.owners = owners_draft::owners_of(&self.form.owners);
        for (f, factor) in catalog.factors() {
            let entry = self.form.entries[f.index()]
                .parse(catalog, factor, date)
                .map_err(|_| 1_usize)?;
            p.set_entry(f, entry);
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::value_draft::ValueDraft;

    /// Opening a zone in the editor and saving it unchanged gives back the profile as read,
    /// the fields the form does not show (the location) and its English contact included.
    #[test]
    fn a_zone_saved_unchanged_loses_nothing() {
        let c = Catalog::builtin().expect("catalog");
        for (id, text) in crate::assets::sample_profiles() {
            let mut profile = crate::model::parse_profile(text, id, &c).expect("a sample");
            profile.contact_en = "Investment Promotion Bureau".into();
            assert!(profile.location.is_some(), "{id}: the samples give a location");
            let mut ed = ProfileEditor::open(&c, &profile, ZoneIdx::new(0), format!("{id}.ron").into());
            let saved = ed.validate(&c, &[]).expect("valid");
            assert_eq!(saved, profile, "{id}");
        }
    }

    /// A figure's own owner and the profile's default owners, edited in the form, are saved
    /// with the profile; each edit is named for undo; a default owner's row left without a
    /// name is marked and keeps the profile from saving.
    #[test]
    fn owners_are_edited_saved_and_undone() {
        let c = Catalog::builtin().expect("catalog");
        let (id, text) = crate::assets::sample_profiles()
            .find(|(id, _)| *id == "houma")
            .expect("houma");
        let profile = crate::model::parse_profile(text, id, &c).expect("a sample");
        let mut ed = ProfileEditor::open(&c, &profile, ZoneIdx::new(0), "houma.ron".into());
        let power = c.find_factor("power.capacity").expect("factor");
        let gas = c.find_factor("gas.supply").expect("factor");
        assert_eq!(
            ed.owner_in_force(&c, power),
            Some(("国网侯马供电公司".to_owned(), OwnerFrom::Default))
        );
        assert_eq!(ed.owner_in_force(&c, gas), None, "houma names no owner for gas");

        ed.form.entries[power.index()].owner = "侯马市供电所".into();
        ed.check_entry(&c, power);
        let said = |ed: &ProfileEditor| ed.history.undo_target().map(|t| t.text(&c, Lang::Zh));
        assert_eq!(said(&ed).as_deref(), Some("修改 可新增供电容量 的责任单位"));
        assert_eq!(
            ed.owner_in_force(&c, power),
            Some(("侯马市供电所".to_owned(), OwnerFrom::Entry))
        );

        assert!(ed.free_owner_keys(&c).iter().any(|k| k == "gas.supply"));
        ed.form.owners.push(OwnerDraft {
            key: "utilities".into(),
            owner: String::new(),
        });
        ed.check_meta(&[]);
        assert_eq!(said(&ed).as_deref(), Some("修改 默认责任单位"));
        assert_eq!(ed.meta_errors, vec![MetaError::NoOwner("utilities".into())]);
        assert_eq!(ed.validate(&c, &[]), Err(1), "a default owner with no name");
        assert!(!ed.free_owner_keys(&c).iter().any(|k| k == "utilities"));
        ed.form.owners.last_mut().expect("the row").owner = "侯马市公用事业局".into();
        ed.check_meta(&[]);
        assert_eq!(
            ed.owner_in_force(&c, gas).map(|(o, _)| o).as_deref(),
            Some("侯马市公用事业局")
        );

        let saved = ed.validate(&c, &[]).expect("valid");
        assert_eq!(
            saved.owner(&c, power).map(|o| o.to_string()).as_deref(),
            Some("侯马市供电所")
        );
        assert_eq!(
            saved.owner(&c, gas).map(|o| o.to_string()).as_deref(),
            Some("侯马市公用事业局")
        );
        assert_eq!(
            saved.owners.get("power"),
            profile.owners.get("power"),
            "the rest kept"
        );

        // The row added and its name typed are one step, as typing into one field is.
        assert!(ed.undo(&c, &[]));
        assert_eq!(ed.form.owners.len(), profile.owners.iter().count());
        assert!(ed.undo(&c, &[]));
        assert!(ed.form.entries[power.index()].owner.is_empty());
        assert!(!ed.is_dirty());
    }

    #[test]
    fn the_form_says_how_fresh_each_figure_is() {
        let c = Catalog::builtin().expect("catalog");
        let today = Date::new(2026, 11, 29).expect("date");
        let mut ed = ProfileEditor::blank(&c, today);
        let power = c.find_factor("power.capacity").expect("factor");
        assert_eq!(ed.freshness(&c, power, today), None, "no value yet");
        ed.form.entries[power.index()].value = ValueDraft::Amount {
            text: "12".into(),
            unit: c.factor(power).kind.measure().expect("m").unit,
        };
        assert_eq!(
            ed.freshness(&c, power, today),
            Some(Freshness::Current),
            "dated today"
        );
        ed.form.meta.as_of = "2025-01-01".into();
        assert_eq!(
            ed.freshness(&c, power, today),
            Some(Freshness::Stale),
            "the profile's date"
        );
        ed.form.entries[power.index()].as_of = "2026-06-10".into();
        assert_eq!(
            ed.freshness(&c, power, today),
            Some(Freshness::Due),
            "its own date"
        );
    }

    #[test]
    fn a_new_zone_needs_an_id_a_name_and_sourced_values() {
        let c = Catalog::builtin().expect("catalog");
        let today = Date::new(2026, 11, 29).expect("date");
        let mut ed = ProfileEditor::blank(&c, today);
        assert!(!ed.is_dirty());
        assert_eq!(ed.validate(&c, &[]), Err(2), "no id, no name");
        ed.form.meta.id = "houma".into();
        ed.form.meta.name_zh = "新区".into();
        assert_eq!(ed.validate(&c, &["houma"]), Err(1), "the id is taken");
        ed.form.meta.id = "HouMa".into();
        assert_eq!(
            ed.validate(&c, &["houma"]),
            Err(1),
            "an id that differs only in letter case is taken too"
        );
        assert!(ed.meta_errors.contains(&MetaError::DuplicateId("HouMa".into())));
        ed.form.meta.id = "xinqu".into();
        let power = c.find_factor("power.capacity").expect("factor");
        ed.form.entries[power.index()].value = ValueDraft::Amount {
            text: "12".into(),
            unit: c.factor(power).kind.measure().expect("m").unit,
        };
        assert_eq!(ed.validate(&c, &["houma"]), Err(1), "a value without a source");
        assert!(ed.entry_errors[power.index()].is_some());
        ed.form.entries[power.index()].illustrative = true;
        let p = ed.validate(&c, &["houma"]).expect("valid");
        assert_eq!((p.id.as_str(), p.known_count()), ("xinqu", 1));
        assert!(ed.is_dirty());
    }

    #[test]
    fn naming_a_source_clears_the_illustrative_mark() {
        let c = Catalog::builtin().expect("catalog");
        let today = Date::new(2026, 11, 29).expect("date");
        let mut ed = ProfileEditor::blank(&c, today);
        let power = c.find_factor("power.capacity").expect("factor");
        ed.form.entries[power.index()].value = ValueDraft::Amount {
            text: "12".into(),
            unit: c.factor(power).kind.measure().expect("m").unit,
        };
        ed.form.entries[power.index()].illustrative = true;
        ed.check_entry(&c, power);
        assert!(ed.form.entries[power.index()].illustrative);
        ed.form.entries[power.index()].source = "2024年园区年报".into();
        ed.check_entry(&c, power);
        assert!(
            !ed.form.entries[power.index()].illustrative,
            "the source replaces the mark"
        );
        // Ticked again on purpose: it stays.
        ed.form.entries[power.index()].illustrative = true;
        ed.check_entry(&c, power);
        assert!(ed.form.entries[power.index()].illustrative);
        assert!(ed.undo(&c, &[]) && ed.undo(&c, &[]));
        assert!(
            ed.form.entries[power.index()].illustrative,
            "undo brings the mark back with the empty source"
        );
        assert!(ed.form.entries[power.index()].source.is_empty());
    }

    #[test]
    fn undo_takes_back_values_sources_and_ticks_and_names_them() {
        let c = Catalog::builtin().expect("catalog");
        let today = Date::new(2026, 11, 29).expect("date");
        let mut ed = ProfileEditor::blank(&c, today);
        let power = c.find_factor("power.capacity").expect("factor");
        ed.form.entries[power.index()].value = ValueDraft::Amount {
            text: "12".into(),
            unit: c.factor(power).kind.measure().expect("m").unit,
        };
        ed.check_entry(&c, power);
        ed.form.entries[power.index()].illustrative = true;
        ed.check_entry(&c, power);
        ed.form.meta.name_zh = "新区".into();
        ed.check_meta(&[]);
        let said = |ed: &ProfileEditor| ed.history.undo_target().map(|t| t.text(&c, Lang::Zh));
        assert_eq!(said(&ed).as_deref(), Some("修改 名称"));
        assert!(ed.undo(&c, &[]));
        assert_eq!(said(&ed).as_deref(), Some("修改 可新增供电容量 的示例值标记"));
        assert!(ed.undo(&c, &[]));
        assert!(!ed.form.entries[power.index()].illustrative);
        assert!(
            ed.entry_errors[power.index()].is_some(),
            "a value without a source again"
        );
        assert!(ed.undo(&c, &[]));
        assert!(!ed.is_dirty(), "back to the blank zone");
        assert!(ed.redo(&c, &[]) && ed.redo(&c, &[]) && ed.redo(&c, &[]));
        assert_eq!(ed.form.meta.name_zh, "新区");
    }
}
