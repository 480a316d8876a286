//! An import under review (导入审核): the workbook read into a change set, and the officer's
//! decisions, figure by figure. Nothing is accepted until the officer says so; accepting or
//! rejecting one figure, a zone or all is one step that can be undone and redone until the
//! accepted figures are saved. A wide table with no date column first asks for the day its
//! figures were true. No egui, no files: the app reads and saves.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::import::ChangeSet;

/// One decision: a figure (zone, figure), a zone's figures, or all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Figure {
        zone: usize,
        figure: usize,
        accept: bool,
    },
    Zone {
        zone: usize,
        accept: bool,
    },
    All {
        accept: bool,
    },
}

/// The workbook picked, before or after it is read.
#[derive(Debug)]
pub struct ImportReview {
    /// The workbook, and its bytes (read again over the zones as they are when saved).
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// The as-of date given for a table with no date column.
    pub as_of: Option<Date>,
    /// What the as-of field holds as typed, while the table waits for it.
    pub as_of_text: String,
    /// The change set; `None` while the table waits for its as-of date.
    pub set: Option<ChangeSet>,
    accepted: Vec<Vec<bool>>,
    /// Each step as the figures it changed, with their decisions before.
    undo: Vec<Vec<(usize, usize, bool)>>,
    redo: Vec<Vec<(usize, usize, bool)>>,
}

impl ImportReview {
    /// A workbook read into `set`: nothing accepted yet.
    pub fn new(path: PathBuf, bytes: Vec<u8>, as_of: Option<Date>, set: ChangeSet) -> ImportReview {
        let mut review = ImportReview::waiting(path, bytes);
        review.as_of = as_of;
        review.install(set);
        review
    }

    /// A province's table with no date column: waits for the day its figures were true.
    pub fn waiting(path: PathBuf, bytes: Vec<u8>) -> ImportReview {
        ImportReview {
            path,
            bytes,
            as_of: None,
            as_of_text: String::new(),
            set: None,
            accepted: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Puts a (new) change set in place; every decision starts over.
    pub fn install(&mut self, set: ChangeSet) {
        self.accepted = set.zones.iter().map(|z| vec![false; z.figures.len()]).collect();
        self.undo.clear();
        self.redo.clear();
        self.set = Some(set);
    }

    /// The file's name, for the title.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// Whether a figure is accepted.
    pub fn accepted(&self, zone: usize, figure: usize) -> bool {
        self.accepted
            .get(zone)
            .and_then(|z| z.get(figure))
            .copied()
            .unwrap_or(false)
    }

    /// How many figures are accepted.
    pub fn accepted_count(&self) -> usize {
        self.accepted.iter().flatten().filter(|a| **a).count()
    }

    /// Whether every acceptable figure of a zone is accepted (`Some(true)`), none (`Some(false)`)
    /// or some (`None`).
    pub fn zone_state(&self, zone: usize) -> Option<bool> {
        let set = self.set.as_ref()?;
        let z = set.zones.get(zone)?;
        let states: Vec<bool> = z
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| f.judgement.acceptable())
            .map(|(i, _)| self.accepted(zone, i))
            .collect();
        if states.iter().all(|a| *a) {
            Some(true)
        } else if states.iter().all(|a| !*a) {
            Some(false)
        } else {
            None
        }
    }

    /// Applies a decision as one step (a conflict or an older figure is never accepted);
    /// returns whether anything changed.
    pub fn decide(&mut self, decision: Decision) -> bool {
        let Some(set) = &self.set else { return false };
        let mut targets: Vec<(usize, usize, bool)> = Vec::new();
        for (zi, z) in set.zones.iter().enumerate() {
            for (fi, f) in z.figures.iter().enumerate() {
                let accept = match decision {
                    Decision::Figure { zone, figure, accept } if zone == zi && figure == fi => accept,
                    Decision::Zone { zone, accept } if zone == zi => accept,
                    Decision::All { accept } => accept,
                    _ => continue,
                };
                if f.judgement.acceptable() && self.accepted(zi, fi) != accept {
                    targets.push((zi, fi, accept));
                }
            }
        }
        if targets.is_empty() {
            return false;
        }
        let before = targets.iter().map(|&(z, f, a)| (z, f, !a)).collect();
        self.put(&targets);
        self.undo.push(before);
        self.redo.clear();
        true
    }

    fn put(&mut self, steps: &[(usize, usize, bool)]) {
        for &(z, f, a) in steps {
            if let Some(slot) = self.accepted.get_mut(z).and_then(|z| z.get_mut(f)) {
                *slot = a;
            }
        }
    }

    /// Takes back the last decision; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Makes the last decision taken back again; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(steps) = from.pop() else { return false };
        let inverse: Vec<(usize, usize, bool)> = steps.iter().map(|&(z, f, a)| (z, f, !a)).collect();
        to.push(inverse);
        self.put(&steps);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Figure, FigureChange, Judgement, Target, ZoneChange};
    use crate::model::{FactorIdx, ZoneIdx};

    fn figure(judgement: Judgement) -> FigureChange {
        FigureChange {
            factor: FactorIdx::from_index(0).expect("an index"),
            cell: "表!B2".into(),
            old: Figure::default(),
            new: Figure::default(),
            judgement,
            reading: None,
        }
    }

    fn review() -> ImportReview {
        let zone = |figures| ZoneChange {
            target: Target::Existing(ZoneIdx::new(0)),
            id: "houma".into(),
            name: "侯马".into(),
            figures,
        };
        let set = ChangeSet {
            zones: vec![
                zone(vec![
                    figure(Judgement::Change),
                    figure(Judgement::Conflict {
                        now: Figure::default(),
                    }),
                    figure(Judgement::Change),
                ]),
                zone(vec![figure(Judgement::Change)]),
            ],
            ..ChangeSet::default()
        };
        ImportReview::new(PathBuf::from("表.xlsx"), Vec::new(), None, set)
    }

    #[test]
    fn nothing_is_accepted_until_the_officer_says_so() {
        let r = review();
        assert_eq!(r.accepted_count(), 0);
        assert_eq!(r.zone_state(0), Some(false));
        assert!(!r.can_undo());
    }

    #[test]
    fn all_zone_and_row_decisions_each_undo_as_one_step() {
        let mut r = review();
        assert!(r.decide(Decision::All { accept: true }));
        assert_eq!(r.accepted_count(), 3, "the conflict is not accepted");
        assert!(!r.accepted(0, 1));
        assert!(r.decide(Decision::Figure {
            zone: 0,
            figure: 2,
            accept: false
        }));
        assert_eq!(r.zone_state(0), None);
        assert!(r.decide(Decision::Zone {
            zone: 1,
            accept: false
        }));
        assert_eq!(r.accepted_count(), 1);
        assert!(
            !r.decide(Decision::Zone {
                zone: 1,
                accept: false
            }),
            "nothing to change"
        );
        assert!(r.undo());
        assert_eq!(r.accepted_count(), 2);
        assert!(r.undo());
        assert_eq!(r.zone_state(0), Some(true));
        assert!(r.redo());
        assert!(!r.accepted(0, 2));
        assert!(r.undo() && r.undo());
        assert_eq!(r.accepted_count(), 0);
        assert!(!r.undo());
        assert!(r.redo());
        assert_eq!(r.accepted_count(), 3);
        // A new decision forgets what was undone.
        assert!(!r.decide(Decision::Figure {
            zone: 0,
            figure: 1,
            accept: true
        }));
        assert!(r.decide(Decision::Figure {
            zone: 0,
            figure: 0,
            accept: false
        }));
        assert!(!r.can_redo());
    }

    #[test]
    fn a_new_change_set_starts_the_decisions_over() {
        let mut r = review();
        r.decide(Decision::All { accept: true });
        let set = r.set.clone().expect("read");
        r.install(set);
        assert_eq!(r.accepted_count(), 0);
        assert!(!r.can_undo());
    }
}
