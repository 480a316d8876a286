//! The investor's message pasted into the app (粘贴投资方来信): its text as the officer edits
//! it, the draft read from it, and the officer's decision on each drafted item (taken or
//! not; for an item to confirm, the figure typed). The draft is read again whenever the text
//! changes; a decision stays with its item while the item is drafted the same. Pure: no egui.

use jiff::civil::Date;

use crate::inquiry::{self, Decision, Draft, FigureError, InquiryError};
use crate::model::{Catalog, Checklist};

/// The dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct InquiryPaste {
    /// The message as the officer has it now (the text field edits it).
    pub text: String,
    /// The draft of [`InquiryPaste::drafted_text`], or why there is none.
    draft: Result<Draft, InquiryError>,
    drafted_text: String,
    /// One per drafted item (the dialog's ticks and figure fields edit them).
    pub decisions: Vec<Decision>,
    /// Why the last "make the checklist" was refused, per item.
    pub errors: Vec<FigureError>,
    /// The text field is to take the keyboard (set when the dialog opens, so that Ctrl+V
    /// pastes at once; the dialog clears it).
    pub focus_text: bool,
    today: Date,
}

impl InquiryPaste {
    /// A dialog on a message (empty for a paste, the text of a dropped file).
    pub fn new(text: String, catalog: &Catalog, today: Date) -> Self {
        let mut paste = InquiryPaste {
            text,
            draft: Err(InquiryError::Empty),
            drafted_text: String::new(),
            decisions: Vec::new(),
            errors: Vec::new(),
            focus_text: true,
            today,
        };
        paste.redraft(catalog);
        paste
    }

    /// The draft of the text as it was last read, or why there is none.
    pub fn draft(&self) -> Result<&Draft, &InquiryError> {
        self.draft.as_ref()
    }

    /// The draft (or why there is none) beside the decisions on its items, to edit, and why
    /// the last "make the checklist" was refused: what the dialog draws each frame, borrowed.
    pub fn parts_mut(&mut self) -> (Result<&Draft, &InquiryError>, &mut [Decision], &[FigureError]) {
        (self.draft.as_ref(), &mut self.decisions, &self.errors)
    }

    /// The text the draft was read from (the highlights belong to it).
    pub fn drafted_text(&self) -> &str {
        &self.drafted_text
    }

    /// Reads the text again when it changed; keeps the decision of each item drafted the same
    /// (factor and words), and gives new items their initial decision.
    pub fn redraft(&mut self, catalog: &Catalog) {
        if self.text == self.drafted_text && (self.draft.is_ok() || !self.decisions.is_empty()) {
            return;
        }
        let new = inquiry::draft(&self.text, catalog, self.today);
        let decisions = match (&new, &self.draft) {
            (Ok(d), Ok(old)) => d
                .items
                .iter()
                .map(|item| {
                    old.items
                        .iter()
                        .position(|o| o.factor == item.factor && o.field == item.field && o.text == item.text)
                        .and_then(|i| self.decisions.get(i).cloned())
                        .unwrap_or_else(|| Decision::initial(item))
                })
                .collect(),
            (Ok(d), Err(_)) => d.initial_decisions(),
            (Err(_), _) => Vec::new(),
        };
        self.draft = new;
        self.decisions = decisions;
        self.drafted_text = self.text.clone();
        self.errors.clear();
    }

    /// How many items would go into the checklist.
    pub fn taken(&self) -> usize {
        self.decisions.iter().filter(|d| d.take).count()
    }

    /// The checklist the decisions make, or `None` with [`InquiryPaste::errors`] saying why.
    pub fn checklist(&mut self, catalog: &Catalog) -> Option<Checklist> {
        self.redraft(catalog);
        let draft = self.draft.as_ref().ok()?;
        match draft.checklist(catalog, &self.decisions) {
            Ok(c) => {
                self.errors.clear();
                Some(c)
            }
            Err(errors) => {
                self.errors = errors;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn decisions_follow_their_items_through_edits() {
        let catalog = Catalog::builtin().expect("catalog");
        let mut p = InquiryPaste::new(
            "需工业用地300亩，需双回路供电".into(),
            &catalog,
            date(2026, 12, 7),
        );
        assert_eq!(p.decisions.len(), 2);
        // The officer unticks dual supply, then adds a line.
        let dual = p
            .draft()
            .expect("draft")
            .items
            .iter()
            .position(|i| i.text.contains("双回路"))
            .expect("dual supply");
        p.decisions[dual].take = false;
        p.text.push_str("，用电负荷约3万千伏安");
        p.redraft(&catalog);
        let d = p.draft().expect("draft");
        assert_eq!(d.items.len(), 3);
        let dual = d
            .items
            .iter()
            .position(|i| i.text.contains("双回路"))
            .expect("dual supply");
        assert!(!p.decisions[dual].take, "the untick stays with its item");
        let power = d.items.iter().position(|i| i.confirm.is_some()).expect("power");
        assert!(!p.decisions[power].take, "an item to confirm starts unticked");
        let list = p.checklist(&catalog).expect("checklist");
        assert_eq!(list.items().count(), 1, "only the land is taken");
        // Ticked with no figure, the power item is refused with its reason.
        p.decisions[power].take = true;
        assert!(p.checklist(&catalog).is_none());
        assert_eq!(p.errors.len(), 1);
        p.decisions[power].figure = "20兆瓦".into();
        assert_eq!(p.checklist(&catalog).expect("checklist").items().count(), 2);
    }

    #[test]
    fn an_empty_message_has_no_draft() {
        let catalog = Catalog::builtin().expect("catalog");
        let mut p = InquiryPaste::new(String::new(), &catalog, date(2026, 12, 7));
        assert_eq!(p.draft().err(), Some(&InquiryError::Empty));
        assert!(p.checklist(&catalog).is_none());
    }
}
