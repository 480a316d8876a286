//! Undo and redo for a document: snapshots of its editable state, one per committed edit, each
//! with what the edit changed (so the Edit menu can say "撤销：修改 可供工业用地面积").
//! Keystrokes in one field are one edit until another field is edited or the history is
//! sealed (after undo, redo or a save). View state (scrolling, selection) never goes in.
//! Pure: the documents own a history and feed it their state after each edit.

/// How many edits are kept; the oldest go first.
pub const DEPTH: usize = 200;

/// One edit: the state before it and what it changed.
#[derive(Clone, Debug, PartialEq)]
struct Step<S, T> {
    before: S,
    target: T,
}

/// The undo and redo stacks of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct History<S, T> {
    past: Vec<Step<S, T>>,
    future: Vec<Step<S, T>>,
    /// The state as of the last edit, undo or redo.
    present: S,
    /// The target of the last edit while it may still grow (typing in one field).
    open: Option<T>,
}

impl<S: Clone + PartialEq, T: Clone + PartialEq> History<S, T> {
    /// A history starting at `present`, with nothing to undo.
    pub fn new(present: S) -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            present,
            open: None,
        }
    }

    /// The state as the history knows it now.
    pub fn present(&self) -> &S {
        &self.present
    }

    /// Records that the document is now `now` after an edit of `target`. A further edit of the
    /// same target joins the open step; an edit that changed nothing records nothing. Any
    /// edit drops what could be redone.
    pub fn edited(&mut self, now: S, target: T) {
        if now == self.present {
            return;
        }
        if self.open.as_ref() != Some(&target) {
            self.past.push(Step {
                before: std::mem::replace(&mut self.present, now),
                target: target.clone(),
            });
            if self.past.len() > DEPTH {
                self.past.remove(0);
            }
            self.open = Some(target);
        } else {
            self.present = now;
        }
        self.future.clear();
    }

    /// Ends the open step: the next edit is a step of its own even in the same field.
    pub fn seal(&mut self) {
        self.open = None;
    }

    /// Takes `now` as the present without a step of its own: the same point written
    /// differently (a saved form as it reads back), so the next edit is compared with it.
    pub fn rebase(&mut self, now: S) {
        self.present = now;
        self.open = None;
    }

    /// Goes back one edit: the state to show, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<&S> {
        let step = self.past.pop()?;
        self.future.push(Step {
            before: std::mem::replace(&mut self.present, step.before),
            target: step.target,
        });
        self.open = None;
        Some(&self.present)
    }

    /// Goes forward one undone edit: the state to show, or `None` when there is none.
    pub fn redo(&mut self) -> Option<&S> {
        let step = self.future.pop()?;
        self.past.push(Step {
            before: std::mem::replace(&mut self.present, step.before),
            target: step.target,
        });
        self.open = None;
        Some(&self.present)
    }

    /// What undo would take back.
    pub fn undo_target(&self) -> Option<&T> {
        self.past.last().map(|s| &s.target)
    }

    /// What redo would do again.
    pub fn redo_target(&self) -> Option<&T> {
        self.future.last().map(|s| &s.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history() -> History<String, &'static str> {
        History::new(String::new())
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = history();
        for text in ["5", "51", "515"] {
            h.edited(text.to_owned(), "land");
        }
        assert_eq!(h.undo_target(), Some(&"land"));
        assert_eq!(h.undo().map(String::as_str), Some(""));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo().map(String::as_str), Some("515"));
    }

    #[test]
    fn edits_of_different_fields_undo_one_by_one_and_redo_in_order() {
        let mut h = history();
        h.edited("a".into(), "land");
        h.edited("ab".into(), "importance");
        h.edited("abc".into(), "note");
        assert_eq!(h.undo_target(), Some(&"note"));
        assert_eq!(h.undo().map(String::as_str), Some("ab"));
        assert_eq!(h.undo().map(String::as_str), Some("a"));
        assert_eq!(h.redo_target(), Some(&"importance"));
        assert_eq!(h.redo().map(String::as_str), Some("ab"));
        assert_eq!(h.redo().map(String::as_str), Some("abc"));
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn a_new_edit_drops_the_redo_and_a_sealed_field_starts_a_new_step() {
        let mut h = history();
        h.edited("a".into(), "land");
        h.undo();
        h.edited("x".into(), "note");
        assert_eq!(h.redo_target(), None);
        h.seal();
        h.edited("xy".into(), "note");
        assert_eq!(
            h.undo().map(String::as_str),
            Some("x"),
            "two steps after the seal"
        );
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_a_step() {
        let mut h = history();
        h.edited(String::new(), "land");
        assert_eq!(h.undo_target(), None);
    }

    #[test]
    fn the_oldest_edits_go_past_the_depth() {
        let mut h: History<usize, usize> = History::new(0);
        for i in 1..=DEPTH + 10 {
            h.edited(i, i);
        }
        let mut undone = 0;
        while h.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, DEPTH);
        assert_eq!(*h.present(), 10);
    }
}
