//! The zone profile being edited: its drafts, what is wrong with them, and whether they differ
//! from the saved profile. Pure: the app saves through `io`.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::model::parse::check_profile_id;
use crate::model::{Catalog, FactorIdx, Lang, Text, ZoneProfile};
use crate::ui::value_draft::{DraftError, EntryDraft, parse_date};

/// The profile's own fields as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaDraft {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub region_zh: String,
    pub region_en: String,
    pub contact: String,
    pub as_of: String,
}

/// What is wrong with the profile's own fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetaError {
    BadId(String),
    DuplicateId(String),
    NoName,
    BadDate(DraftError),
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
                as_of: p.as_of.to_string(),
            },
            entries: catalog
                .factors()
                .map(|(f, factor)| EntryDraft::from_entry(factor, p.entry(f), p.as_of))
                .collect(),
        }
    }
}

/// An open profile editor.
#[derive(Clone, Debug)]
pub struct ProfileEditor {
    /// The zone's position among the loaded profiles; `None` for a zone not saved yet.
    pub zone: Option<usize>,
    /// The file the profile is saved to; `None` until a new zone is saved.
    pub path: Option<PathBuf>,
    pub form: ProfileForm,
    pristine: ProfileForm,
    /// Per factor, what is wrong with its draft.
    pub entry_errors: Vec<Option<DraftError>>,
    pub meta_errors: Vec<MetaError>,
    /// The file as it was read or last saved, to notice someone else changing it.
    pub stamp: Option<crate::io::FileStamp>,
}

impl ProfileEditor {
    /// Edits a loaded profile.
    pub fn open(catalog: &Catalog, profile: &ZoneProfile, zone: usize, path: PathBuf) -> Self {
        let form = ProfileForm::from_profile(catalog, profile);
        ProfileEditor {
            zone: Some(zone),
            path: Some(path),
            pristine: form.clone(),
            form,
            entry_errors: vec![None; catalog.len()],
            meta_errors: Vec::new(),
            stamp: None,
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
            form,
            entry_errors: vec![None; catalog.len()],
            meta_errors: Vec::new(),
            stamp: None,
        }
    }

    pub fn is_new(&self) -> bool {
        self.zone.is_none()
    }

    /// Whether the drafts differ from the saved profile.
    pub fn is_dirty(&self) -> bool {
        self.form != self.pristine
    }

    /// Throws the edits away.
    pub fn revert(&mut self) {
        self.form = self.pristine.clone();
        self.entry_errors.iter_mut().for_each(|e| *e = None);
        self.meta_errors.clear();
    }

    /// Records a successful save of `profile` to `path` at position `zone`.
    pub fn mark_saved(
        &mut self,
        catalog: &Catalog,
        profile: &ZoneProfile,
        zone: usize,
        path: PathBuf,
        stamp: crate::io::FileStamp,
    ) {
        self.stamp = Some(stamp);
        self.form = ProfileForm::from_profile(catalog, profile);
        self.pristine = self.form.clone();
        self.zone = Some(zone);
        self.path = Some(path);
    }

    fn profile_date(&self) -> Result<Date, DraftError> {
        parse_date(&self.form.meta.as_of)
    }

    /// Re-checks one entry after an edit, so its error shows as the officer types.
    pub fn check_entry(&mut self, catalog: &Catalog, factor: FactorIdx) {
        let date = self.profile_date().unwrap_or(Date::MIN);
        if let (Some(draft), Some(slot)) = (
            self.form.entries.get(factor.index()),
            self.entry_errors.get_mut(factor.index()),
        ) {
            *slot = draft.parse(catalog, catalog.factor(factor), date).err();
        }
    }

    /// Re-checks the profile's own fields. `taken` are the ids of the other loaded zones.
    pub fn check_meta(&mut self, taken: &[&str]) {
        let m = &self.form.meta;
        let mut errors = Vec::new();
        if check_profile_id(m.id.trim()).is_err() {
            errors.push(MetaError::BadId(m.id.clone()));
        } else if self.is_new() && taken.contains(&m.id.trim()) {
            errors.push(MetaError::DuplicateId(m.id.clone()));
        }
        if m.name_zh.trim().is_empty() && m.name_en.trim().is_empty() {
            errors.push(MetaError::NoName);
        }
        if let Err(e) = self.profile_date() {
            errors.push(MetaError::BadDate(e));
        }
        self.meta_errors = errors;
    }

    /// The checked profile, or the number of fields still wrong (each marked on its field).
    pub fn validate(&mut self, catalog: &Catalog, taken: &[&str]) -> Result<ZoneProfile, usize> {
        self.check_meta(taken);
        for (f, _) in catalog.factors() {
            self.check_entry(catalog, f);
        }
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
    use crate::ui::value_draft::ValueDraft;

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
}
