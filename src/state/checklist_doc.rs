//! The working checklist: the checked [`Checklist`] the ranking is scored from, the form drafts
//! the officer types into, the file it came from and whether it has unsaved changes. Pure: the
//! app calls `io` to read and write it.

use std::path::PathBuf;

use super::history::History;
use super::texts::TEXTS;
use super::value_draft::{DraftError, ValueDraft, parse_amount};
use crate::model::{Catalog, Checklist, FactorIdx, Importance, Lang, Requirement, Text};

/// One row of the checklist form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDraft {
    pub importance: Importance,
    pub value: ValueDraft,
    pub note: String,
    /// Why the typed value is not taken; the checklist keeps its last good value meanwhile.
    pub error: Option<DraftError>,
}

/// Which numeric header field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountField {
    TotalInvestment,
    PlannedIntensity,
    PlannedTaxPerMu,
}

impl AmountField {
    pub const ALL: [AmountField; 3] = [
        AmountField::TotalInvestment,
        AmountField::PlannedIntensity,
        AmountField::PlannedTaxPerMu,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            AmountField::TotalInvestment => t.total_investment,
            AmountField::PlannedIntensity => t.planned_intensity,
            AmountField::PlannedTaxPerMu => t.planned_tax_per_mu,
        }
    }

    pub fn unit(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            AmountField::TotalInvestment => t.wan_yuan,
            _ => t.wan_yuan_per_mu,
        }
    }

    /// The unit in both languages, for reading what was typed (`15亿` in 万元).
    fn unit_text(self) -> Text {
        Text::new(self.unit(Lang::Zh), self.unit(Lang::En))
    }

    fn index(self) -> usize {
        self as usize
    }

    fn get(self, c: &Checklist) -> Option<rust_decimal::Decimal> {
        match self {
            AmountField::TotalInvestment => c.total_investment,
            AmountField::PlannedIntensity => c.planned_intensity,
            AmountField::PlannedTaxPerMu => c.planned_tax_per_mu,
        }
    }

    fn set(self, c: &mut Checklist, v: Option<rust_decimal::Decimal>) {
        match self {
            AmountField::TotalInvestment => c.total_investment = v,
            AmountField::PlannedIntensity => c.planned_intensity = v,
            AmountField::PlannedTaxPerMu => c.planned_tax_per_mu = v,
        }
    }
}

/// The checklist header as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderDraft {
    pub investor: String,
    pub project: String,
    pub industry: Option<u16>,
    pub amounts: [String; 3],
    pub errors: [Option<DraftError>; 3],
    /// The investor's planned start (计划开工时间), as typed: capacity a zone plans to have
    /// before it counts as met.
    pub planned_start: String,
    pub start_error: Option<DraftError>,
}

/// The whole form: header and one row per catalog factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistForm {
    pub header: HeaderDraft,
    pub items: Vec<ItemDraft>,
}

impl ChecklistForm {
    /// The form showing a checklist; factors it does not ask about show as not needed.
    pub fn from_checklist(catalog: &Catalog, c: &Checklist) -> Self {
        let amounts = AmountField::ALL.map(|f| f.get(c).map(crate::model::number::plain).unwrap_or_default());
        ChecklistForm {
            header: HeaderDraft {
                investor: c.investor.clone(),
                project: c.project.clone(),
                industry: c.industry,
                amounts,
                errors: [None, None, None],
                planned_start: c
                    .pipeline
                    .planned_start
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                start_error: None,
            },
            items: catalog
                .factors()
                .map(|(idx, factor)| {
                    let item = c.item(idx);
                    ItemDraft {
                        importance: item.map_or(Importance::NotNeeded, |r| r.importance),
                        value: ValueDraft::from_value(factor, item.and_then(|r| r.required.as_ref())),
                        note: item.map(|r| r.note.clone()).unwrap_or_default(),
                        error: None,
                    }
                })
                .collect(),
        }
    }

    /// How many fields hold input that is not taken.
    pub fn error_count(&self) -> usize {
        self.header.errors.iter().flatten().count()
            + usize::from(self.header.start_error.is_some())
            + self.items.iter().filter(|i| i.error.is_some()).count()
    }
}

/// A part of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderPart {
    Investor,
    Project,
    Industry,
    Amount(AmountField),
    PlannedStart,
}

/// What one edit of the checklist changed, for the Edit menu ("撤销：修改 可供工业用地面积").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecklistEdit {
    Header(HeaderPart),
    Importance(FactorIdx),
    Requirement(FactorIdx),
    Note(FactorIdx),
}

impl ChecklistEdit {
    /// The first thing that differs between two forms: what the edit changed.
    fn between(before: &ChecklistForm, after: &ChecklistForm) -> Option<ChecklistEdit> {
        let (a, b) = (&before.header, &after.header);
        let header = if a.investor != b.investor {
            Some(HeaderPart::Investor)
        } else if a.project != b.project {
            Some(HeaderPart::Project)
        } else if a.industry != b.industry {
            Some(HeaderPart::Industry)
        } else if a.planned_start != b.planned_start {
            Some(HeaderPart::PlannedStart)
        } else {
            AmountField::ALL
                .into_iter()
                .find(|f| a.amounts[f.index()] != b.amounts[f.index()])
                .map(HeaderPart::Amount)
        };
        if let Some(part) = header {
            return Some(ChecklistEdit::Header(part));
        }
        before
            .items
            .iter()
            .zip(&after.items)
            .enumerate()
            .find_map(|(i, (x, y))| {
                let f = FactorIdx::from_index(i)?;
                if x.importance != y.importance {
                    Some(ChecklistEdit::Importance(f))
                } else if x.value != y.value {
                    Some(ChecklistEdit::Requirement(f))
                } else if x.note != y.note {
                    Some(ChecklistEdit::Note(f))
                } else {
                    None
                }
            })
    }

    /// The edit in words: `修改 可供工业用地面积`, `change the importance of Spare power capacity`.
    pub fn text(&self, catalog: &Catalog, lang: Lang) -> String {
        let name = |f: FactorIdx| catalog.factor(f).name.get(lang).to_owned();
        let t = TEXTS.get(lang);
        match self {
            ChecklistEdit::Header(part) => (t.change_field)(match part {
                HeaderPart::Investor => t.investor,
                HeaderPart::Project => t.project_name,
                HeaderPart::Industry => t.industry,
                HeaderPart::Amount(field) => field.label(lang),
                HeaderPart::PlannedStart => t.planned_start,
            }),
            ChecklistEdit::Requirement(f) => (t.change_factor)(&name(*f)),
            ChecklistEdit::Importance(f) => (t.change_importance)(&name(*f)),
            ChecklistEdit::Note(f) => (t.change_note)(&name(*f)),
        }
    }
}

/// What undo brings back: the form as typed and the checklist scored from it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistSnapshot {
    checklist: Checklist,
    form: ChecklistForm,
}

/// The checklist being worked on.
#[derive(Clone, Debug)]
pub struct ChecklistDoc {
    pub checklist: Checklist,
    pub form: ChecklistForm,
    /// Undo and redo of every edit since it was opened.
    pub history: History<ChecklistSnapshot, ChecklistEdit>,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// The checklist as last opened or saved, to tell unsaved changes.
    saved: Checklist,
    /// The file as it was read or last saved, to notice someone else changing it.
    pub stamp: Option<crate::io::FileStamp>,
}

impl ChecklistDoc {
    /// A new checklist from the full template: every factor at its default importance.
    pub fn template(catalog: &Catalog) -> Self {
        ChecklistDoc::opened(catalog, Checklist::template(catalog), None)
    }

    /// A checklist as read from a file (or recovered): clean, unless `saved` says otherwise.
    pub fn opened(catalog: &Catalog, checklist: Checklist, path: Option<PathBuf>) -> Self {
        let form = ChecklistForm::from_checklist(catalog, &checklist);
        ChecklistDoc {
            history: History::new(ChecklistSnapshot {
                checklist: checklist.clone(),
                form: form.clone(),
            }),
            form,
            saved: checklist.clone(),
            checklist,
            path,
            stamp: None,
        }
    }

    /// Records the state after an edit in the history.
    fn record(&mut self) {
        let Some(target) = ChecklistEdit::between(&self.history.present().form, &self.form) else {
            return;
        };
        let now = ChecklistSnapshot {
            checklist: self.checklist.clone(),
            form: self.form.clone(),
        };
        self.history.edited(now, target);
    }

    /// Takes back the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.restore(|h| h.undo().cloned())
    }

    /// Does the last undone edit again; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.restore(|h| h.redo().cloned())
    }

    fn restore(
        &mut self,
        step: impl FnOnce(&mut History<ChecklistSnapshot, ChecklistEdit>) -> Option<ChecklistSnapshot>,
    ) -> bool {
        match step(&mut self.history) {
            Some(s) => {
                self.checklist = s.checklist;
                self.form = s.form;
                true
            }
            None => false,
        }
    }

    /// A recovered checklist: its content is unsaved work.
    pub fn recovered(catalog: &Catalog, checklist: Checklist, path: Option<PathBuf>) -> Self {
        let mut doc = ChecklistDoc::opened(catalog, checklist, path);
        doc.saved = Checklist::new(catalog);
        doc
    }

    /// Whether there is work a save would keep: changed content, or typed input not yet taken.
    pub fn is_dirty(&self) -> bool {
        self.checklist != self.saved || self.form.error_count() > 0
    }

    /// Records that the checklist was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf, stamp: Option<crate::io::FileStamp>) {
        self.saved = self.checklist.clone();
        self.path = Some(path);
        self.stamp = stamp;
        self.history.seal();
    }

    /// A short name for the title bar: the file name, else the project, else "untitled".
    pub fn title(&self, lang: Lang) -> String {
        if let Some(name) = self.path.as_ref().and_then(|p| p.file_name()) {
            return name.to_string_lossy().into_owned();
        }
        if !self.checklist.project.trim().is_empty() {
            return self.checklist.project.clone();
        }
        TEXTS.get(lang).untitled_checklist.to_owned()
    }

    /// Takes a form row into the checklist. A value that does not parse keeps the checklist's
    /// last good value (so the score does not move) and records the reason on the row.
    /// Returns whether the checklist changed.
    pub fn apply_item(&mut self, catalog: &Catalog, factor: FactorIdx) -> bool {
        let Some(draft) = self.form.items.get_mut(factor.index()) else {
            return false;
        };
        let f = catalog.factor(factor);
        let before = self.checklist.item(factor).cloned();
        let required = match draft.value.parse(catalog, f) {
            Ok(v) => {
                draft.error = None;
                draft.value.follow_unit(v.as_ref());
                v
            }
            Err(e) => {
                draft.error = Some(e);
                before.as_ref().and_then(|r| r.required.clone())
            }
        };
        let unused =
            draft.importance == Importance::NotNeeded && required.is_none() && draft.note.trim().is_empty();
        let after = (!unused).then(|| Requirement {
            importance: draft.importance,
            required,
            note: draft.note.clone(),
        });
        let changed = after != before;
        self.checklist.set_item(factor, after);
        self.record();
        changed
    }

    /// Takes the header into the checklist; numbers that do not parse keep their last good value.
    pub fn apply_header(&mut self) -> bool {
        let before = self.checklist.clone();
        let h = &mut self.form.header;
        self.checklist.investor = h.investor.trim().to_owned();
        self.checklist.project = h.project.trim().to_owned();
        self.checklist.industry = h.industry;
        for field in AmountField::ALL {
            match parse_amount(&h.amounts[field.index()], &field.unit_text()) {
                Ok(v) => {
                    h.errors[field.index()] = None;
                    field.set(&mut self.checklist, v);
                }
                Err(e) => h.errors[field.index()] = Some(e),
            }
        }
        if h.planned_start.trim().is_empty() {
            h.start_error = None;
            self.checklist.pipeline.planned_start = None;
        } else {
            match super::value_draft::parse_date(&h.planned_start) {
                Ok(d) => {
                    h.start_error = None;
                    self.checklist.pipeline.planned_start = Some(d);
                }
                Err(e) => h.start_error = Some(e),
            }
        }
        self.record();
        self.checklist != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;

    #[test]
    fn a_bad_value_keeps_the_last_good_one_and_says_why() {
        let c = Catalog::builtin().expect("catalog");
        let land = c.find_factor("land.industrial_area").expect("factor");
        let mut doc = ChecklistDoc::template(&c);
        assert!(!doc.is_dirty());
        let row = &mut doc.form.items[land.index()];
        let ValueDraft::Amount { text, .. } = &mut row.value else {
            panic!("amount")
        };
        *text = "515".into();
        assert!(doc.apply_item(&c, land));
        let good = doc.checklist.item(land).and_then(|r| r.required.clone());
        assert!(matches!(good, Some(Value::Amount(_))));
        assert!(doc.is_dirty());

        let ValueDraft::Amount { text, .. } = &mut doc.form.items[land.index()].value else {
            panic!("amount")
        };
        *text = "5l5".into();
        assert!(!doc.apply_item(&c, land), "the checklist does not change");
        assert_eq!(doc.checklist.item(land).and_then(|r| r.required.clone()), good);
        assert!(doc.form.items[land.index()].error.is_some());
        assert_eq!(doc.form.error_count(), 1);
    }

    #[test]
    fn the_planned_start_is_taken_as_a_date_or_kept_with_the_reason() {
        let c = Catalog::builtin().expect("catalog");
        let mut doc = ChecklistDoc::template(&c);
        doc.form.header.planned_start = "2027/3/1".into();
        assert!(doc.apply_header());
        let start = jiff::civil::Date::new(2027, 3, 1).expect("date");
        assert_eq!(doc.checklist.pipeline.planned_start, Some(start));
        doc.form.header.planned_start = "明年三月".into();
        assert!(!doc.apply_header(), "the last good date stays");
        assert_eq!(doc.checklist.pipeline.planned_start, Some(start));
        let e = doc.form.header.start_error.as_ref().expect("an error");
        assert_eq!(e.text(Lang::Zh), "“明年三月”不是日期，请按 2025-06-30 的格式填写");
        assert_eq!(doc.form.error_count(), 1);
        assert_eq!(
            doc.history.undo_target().map(|t| t.text(&c, Lang::Zh)),
            Some("修改 计划开工时间".into())
        );
        doc.form.header.planned_start.clear();
        assert!(doc.apply_header());
        assert_eq!(doc.checklist.pipeline.planned_start, None);
    }

    #[test]
    fn undo_and_redo_take_back_each_kind_of_edit_and_name_it() {
        let c = Catalog::builtin().expect("catalog");
        let land = c.find_factor("land.industrial_area").expect("factor");
        let power = c.find_factor("power.dual_supply").expect("factor");
        let mut doc = ChecklistDoc::template(&c);
        let start = doc.checklist.clone();
        // Typing 515 key by key is one edit.
        for text in ["5", "51", "515"] {
            let ValueDraft::Amount { text: t, .. } = &mut doc.form.items[land.index()].value else {
                panic!("amount")
            };
            *t = text.into();
            doc.apply_item(&c, land);
        }
        // A drop-down: the importance of another factor.
        doc.form.items[power.index()].importance = Importance::Must;
        doc.apply_item(&c, power);
        // The header.
        doc.form.header.project = "光伏".into();
        doc.apply_header();
        let after = doc.checklist.clone();
        let said = |doc: &ChecklistDoc| doc.history.undo_target().map(|t| t.text(&c, Lang::Zh));
        assert_eq!(said(&doc).as_deref(), Some("修改 项目名称"));
        assert!(doc.undo());
        assert_eq!(doc.checklist.project, "");
        assert_eq!(said(&doc).as_deref(), Some("修改 双回路供电 的重要性"));
        assert!(doc.undo());
        assert_eq!(
            doc.form.items[power.index()].importance,
            c.factor(power).importance
        );
        assert_eq!(said(&doc).as_deref(), Some("修改 可供工业用地面积"));
        assert!(doc.undo());
        assert_eq!(doc.checklist, start, "back where it started");
        assert!(!doc.undo(), "nothing more to undo");
        assert!(doc.redo() && doc.redo() && doc.redo());
        assert_eq!(doc.checklist, after);
        assert_eq!(doc.form.header.project, "光伏", "the form follows");
    }

    #[test]
    fn saving_makes_the_document_clean() {
        let c = Catalog::builtin().expect("catalog");
        let mut doc = ChecklistDoc::template(&c);
        doc.form.header.project = "新项目".into();
        assert!(doc.apply_header());
        assert!(doc.is_dirty());
        doc.mark_saved(PathBuf::from("x.ron"), None);
        assert!(!doc.is_dirty());
        assert_eq!(doc.title(Lang::Zh), "x.ron");
    }
}
