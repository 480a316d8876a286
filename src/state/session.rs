//! The questions that keep work from being lost: save / discard / cancel before an action
//! replaces unsaved work, reload / overwrite / save as when a file changed on disk meanwhile,
//! confirm before a zone is deleted, and restore after a crash.
//!
//! A state machine with no egui, no files and no clock: it takes the user's requests and
//! answers and returns [`Effect`]s for the app to carry out (save this document, run that
//! action, read a file back …). The app reports how a save went with [`Session::saved`], which
//! may ask the next question or let the waiting action run.

use std::path::PathBuf;

use super::command::Answer;
use super::settings::Recovery;
use crate::model::{FactorIdx, ZoneIdx};

/// A document that can hold unsaved work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Checklist,
    Profile,
}

impl Doc {
    const ALL: [Doc; 2] = [Doc::Checklist, Doc::Profile];
}

/// An action that may first need to ask about unsaved work.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    NewChecklist,
    OpenChecklist(Option<PathBuf>),
    Quit,
    SelectProfile(ZoneIdx),
    /// Open a zone in the editor at one factor.
    OpenFigure(ZoneIdx, FactorIdx),
    NewProfile,
    Reload,
    /// Use another folder of zones: this one (dropped on the window), or one picked.
    OpenProfilesFolder(Option<PathBuf>),
    /// Read a filled survey workbook as a new checklist: this one, or one picked.
    ImportSurvey(Option<PathBuf>),
    /// Open a new checklist drafted from an investor's message.
    NewFromInquiry(Box<crate::model::Checklist>),
}

impl Pending {
    /// Whether the action would replace the document (and so lose its unsaved work).
    pub fn replaces(&self, doc: Doc) -> bool {
        match doc {
            Doc::Checklist => matches!(
                self,
                Pending::NewChecklist
                    | Pending::OpenChecklist(_)
                    | Pending::ImportSurvey(_)
                    | Pending::NewFromInquiry(_)
                    | Pending::Quit
            ),
            Doc::Profile => matches!(
                self,
                Pending::SelectProfile(_)
                    | Pending::OpenFigure(..)
                    | Pending::NewProfile
                    | Pending::Reload
                    | Pending::OpenProfilesFolder(_)
                    | Pending::Quit
            ),
        }
    }
}

/// A question the app is asking.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// The document has unsaved work that `then` would replace.
    Unsaved {
        doc: Doc,
        then: Pending,
    },
    ConfirmDelete {
        zone: ZoneIdx,
    },
    /// Work autosaved before SiteMatch last ended.
    Recovery(Recovery),
    /// The file changed on disk since it was opened; what to do with my version.
    Conflict {
        doc: Doc,
        then: Option<Pending>,
    },
}

/// How to save a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveMode {
    /// To its own file (asking for one when it has none), refusing a file changed on disk.
    Normal,
    /// To a file the user picks.
    As,
    /// To its own file even though it changed on disk.
    Overwrite,
}

/// How a save went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Yes,
    /// Not saved: cancelled, invalid, or an error already shown.
    No,
    /// Not saved: someone else changed the file since it was opened.
    Conflict,
}

/// Which documents hold unsaved work now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dirty {
    pub checklist: bool,
    pub profile: bool,
}

impl Dirty {
    fn of(self, doc: Doc) -> bool {
        match doc {
            Doc::Checklist => self.checklist,
            Doc::Profile => self.profile,
        }
    }
}

/// What the app must do next, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Run the action: nothing unsaved is at risk any more.
    Perform(Pending),
    /// Save the document, then report how it went to [`Session::saved`] with `then`.
    Save {
        doc: Doc,
        mode: SaveMode,
        then: Option<Pending>,
    },
    /// Read the document back from its file, dropping the edits.
    Reload(Doc),
    /// Drop the document's edits (the profile editor closes).
    Discard(Doc),
    /// Move the zone's file aside and take it off the list.
    Delete(ZoneIdx),
    /// Put the recovered checklist in place of the working one.
    Restore(Recovery),
    /// The autosaved work was declined: forget it.
    ForgetRecovery,
}

/// The question being asked, and the documents whose work the user chose to drop for the
/// action waiting on it.
#[derive(Clone, Debug, Default)]
pub struct Session {
    modal: Option<Modal>,
    discarded: Vec<Doc>,
}

impl Session {
    /// A session that first offers back autosaved work, if there is some.
    pub fn new(recovery: Option<Recovery>) -> Self {
        Session {
            modal: recovery.map(Modal::Recovery),
            discarded: Vec::new(),
        }
    }

    /// The question being asked.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Whether a question is waiting for an answer (shortcuts and other requests wait too).
    pub fn is_asking(&self) -> bool {
        self.modal.is_some()
    }

    /// Runs an action, first asking about unsaved work it would replace.
    pub fn request(&mut self, action: Pending, dirty: Dirty) -> Vec<Effect> {
        let at_risk = Doc::ALL
            .into_iter()
            .find(|doc| action.replaces(*doc) && !self.discarded.contains(doc) && dirty.of(*doc));
        match at_risk {
            Some(doc) => {
                self.modal = Some(Modal::Unsaved { doc, then: action });
                Vec::new()
            }
            None => {
                self.discarded.clear();
                vec![Effect::Perform(action)]
            }
        }
    }

    /// A save the user asked for (Ctrl+S, Save as…), with no action waiting on it.
    pub fn save(&mut self, doc: Doc, mode: SaveMode) -> Vec<Effect> {
        vec![Effect::Save {
            doc,
            mode,
            then: None,
        }]
    }

    /// Asks before deleting a zone.
    pub fn confirm_delete(&mut self, zone: ZoneIdx) {
        self.modal = Some(Modal::ConfirmDelete { zone });
    }

    /// Follows a save: the waiting action runs once the document is saved; a file changed on
    /// disk asks what to do; a failed save drops the action (the document stays unsaved).
    pub fn saved(&mut self, doc: Doc, outcome: Saved, then: Option<Pending>, dirty: Dirty) -> Vec<Effect> {
        match (outcome, then) {
            (Saved::Yes, Some(then)) => self.request(then, dirty),
            (Saved::Conflict, then) => {
                self.modal = Some(Modal::Conflict { doc, then });
                Vec::new()
            }
            _ => {
                self.discarded.clear();
                Vec::new()
            }
        }
    }

    /// Takes the answer to the question being asked. Cancel (also Escape) closes any question
    /// but the offer of recovered work, which waits for Restore or Discard so that the work is
    /// never dropped by a stray key.
    pub fn answer(&mut self, answer: Answer, dirty: Dirty) -> Vec<Effect> {
        let Some(modal) = self.modal.take() else {
            return Vec::new();
        };
        match (modal, answer) {
            (Modal::Unsaved { doc, then }, Answer::Save) => vec![Effect::Save {
                doc,
                mode: SaveMode::Normal,
                then: Some(then),
            }],
            (Modal::Unsaved { doc, then }, Answer::Discard) => {
                self.discarded.push(doc);
                let mut effects = vec![Effect::Discard(doc)];
                effects.extend(self.request(then, dirty));
                effects
            }
            (Modal::Conflict { doc, then }, Answer::Overwrite) => vec![Effect::Save {
                doc,
                mode: SaveMode::Overwrite,
                then,
            }],
            (Modal::Conflict { doc, then }, Answer::SaveAs) => vec![Effect::Save {
                doc,
                mode: SaveMode::As,
                then,
            }],
            (Modal::Conflict { doc, then }, Answer::Reload) => {
                let mut effects = vec![Effect::Reload(doc)];
                match then {
                    Some(then) => {
                        // The edits are gone: they no longer hold the action back.
                        self.discarded.push(doc);
                        effects.extend(self.request(then, dirty));
                    }
                    None => self.discarded.clear(),
                }
                effects
            }
            (Modal::ConfirmDelete { zone }, Answer::ConfirmDelete) => vec![Effect::Delete(zone)],
            (Modal::Recovery(r), Answer::Restore) => vec![Effect::Restore(r)],
            (Modal::Recovery(_), Answer::Discard) => vec![Effect::ForgetRecovery],
            (modal @ Modal::Recovery(_), _) => {
                self.modal = Some(modal);
                Vec::new()
            }
            _ => {
                self.discarded.clear();
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app as the session sees it: two documents that are dirty or not, and saves that go
    /// as a test says. Carries out effects the way the app does and records what it did.
    #[derive(Default)]
    struct FakeApp {
        session: Session,
        dirty: Dirty,
        /// How the next saves go; `Saved::Yes` when none is left.
        outcomes: Vec<Saved>,
        done: Vec<Effect>,
    }

    impl FakeApp {
        fn dirty(checklist: bool, profile: bool) -> Self {
            FakeApp {
                dirty: Dirty { checklist, profile },
                ..FakeApp::default()
            }
        }

        fn run(&mut self, effects: Vec<Effect>) {
            let mut queue: std::collections::VecDeque<Effect> = effects.into();
            while let Some(effect) = queue.pop_front() {
                self.done.push(effect.clone());
                match effect {
                    Effect::Save { doc, then, .. } => {
                        let outcome = if self.outcomes.is_empty() {
                            Saved::Yes
                        } else {
                            self.outcomes.remove(0)
                        };
                        if outcome == Saved::Yes {
                            self.set(doc, false);
                        }
                        queue.extend(self.session.saved(doc, outcome, then, self.dirty));
                    }
                    Effect::Discard(doc) | Effect::Reload(doc) => self.set(doc, false),
                    Effect::Restore(_) => self.dirty.checklist = true,
                    Effect::Perform(_) | Effect::Delete(_) | Effect::ForgetRecovery => {}
                }
            }
        }

        fn set(&mut self, doc: Doc, dirty: bool) {
            match doc {
                Doc::Checklist => self.dirty.checklist = dirty,
                Doc::Profile => self.dirty.profile = dirty,
            }
        }

        fn request(&mut self, action: Pending) {
            let effects = self.session.request(action, self.dirty);
            self.run(effects);
        }

        fn answer(&mut self, answer: Answer) {
            let effects = self.session.answer(answer, self.dirty);
            self.run(effects);
        }

        fn save(&mut self, doc: Doc) {
            let effects = self.session.save(doc, SaveMode::Normal);
            self.run(effects);
        }

        fn performed(&self) -> Vec<&Pending> {
            self.done
                .iter()
                .filter_map(|e| match e {
                    Effect::Perform(p) => Some(p),
                    _ => None,
                })
                .collect()
        }
    }

    fn open() -> Pending {
        Pending::OpenChecklist(Some(PathBuf::from("b.ron")))
    }

    fn recovery() -> Recovery {
        Recovery {
            text: "Checklist(items: {})".into(),
            path: None,
            saved_at: "2026-11-29 10:00".into(),
        }
    }

    #[test]
    fn nothing_unsaved_runs_at_once() {
        let mut app = FakeApp::dirty(false, false);
        app.request(open());
        assert_eq!(app.performed(), [&open()]);
        assert!(!app.session.is_asking());
    }

    #[test]
    fn unsaved_work_of_another_document_does_not_ask() {
        // Opening a checklist does not replace the zone being edited.
        let mut app = FakeApp::dirty(false, true);
        app.request(open());
        assert_eq!(app.performed(), [&open()]);
    }

    #[test]
    fn dirty_then_open_then_cancel_keeps_the_work_and_runs_nothing() {
        let mut app = FakeApp::dirty(true, false);
        app.request(open());
        assert_eq!(
            app.session.modal(),
            Some(&Modal::Unsaved {
                doc: Doc::Checklist,
                then: open()
            })
        );
        assert!(app.performed().is_empty());
        app.answer(Answer::Cancel);
        assert!(!app.session.is_asking());
        assert!(app.performed().is_empty());
        assert!(app.dirty.checklist, "the work is still there");
        // Asking again asks again.
        app.request(open());
        assert!(app.session.is_asking());
    }

    #[test]
    fn dirty_then_open_then_discard_drops_the_work_and_opens() {
        let mut app = FakeApp::dirty(true, false);
        app.request(open());
        app.answer(Answer::Discard);
        assert_eq!(
            app.done,
            [Effect::Discard(Doc::Checklist), Effect::Perform(open())]
        );
        assert!(!app.session.is_asking());
    }

    #[test]
    fn dirty_then_open_then_save_saves_first() {
        let mut app = FakeApp::dirty(true, false);
        app.request(open());
        app.answer(Answer::Save);
        assert_eq!(
            app.done,
            [
                Effect::Save {
                    doc: Doc::Checklist,
                    mode: SaveMode::Normal,
                    then: Some(open())
                },
                Effect::Perform(open())
            ]
        );
        assert!(!app.dirty.checklist);
    }

    #[test]
    fn a_failed_save_stays_dirty_and_drops_the_action() {
        let mut app = FakeApp::dirty(true, false);
        app.outcomes = vec![Saved::No];
        app.request(Pending::Quit);
        app.answer(Answer::Save);
        assert!(app.performed().is_empty(), "the window does not close");
        assert!(app.dirty.checklist);
        assert!(!app.session.is_asking());
        // The next try asks again from the start.
        app.request(Pending::Quit);
        assert!(matches!(app.session.modal(), Some(Modal::Unsaved { .. })));
    }

    #[test]
    fn a_changed_file_asks_and_overwrite_saves_then_runs_the_action() {
        let mut app = FakeApp::dirty(true, false);
        app.outcomes = vec![Saved::Conflict, Saved::Yes];
        app.request(Pending::NewChecklist);
        app.answer(Answer::Save);
        assert_eq!(
            app.session.modal(),
            Some(&Modal::Conflict {
                doc: Doc::Checklist,
                then: Some(Pending::NewChecklist)
            })
        );
        assert!(app.dirty.checklist);
        app.answer(Answer::Overwrite);
        assert!(app.done.contains(&Effect::Save {
            doc: Doc::Checklist,
            mode: SaveMode::Overwrite,
            then: Some(Pending::NewChecklist)
        }));
        assert_eq!(app.performed(), [&Pending::NewChecklist]);
    }

    #[test]
    fn a_changed_file_on_a_plain_save_asks_and_save_as_picks_another_file() {
        let mut app = FakeApp::dirty(false, true);
        app.outcomes = vec![Saved::Conflict];
        app.save(Doc::Profile);
        assert_eq!(
            app.session.modal(),
            Some(&Modal::Conflict {
                doc: Doc::Profile,
                then: None
            })
        );
        app.answer(Answer::SaveAs);
        assert_eq!(
            app.done.last(),
            Some(&Effect::Save {
                doc: Doc::Profile,
                mode: SaveMode::As,
                then: None
            })
        );
        assert!(!app.dirty.profile);
        assert!(app.performed().is_empty());
    }

    #[test]
    fn reload_drops_my_edits_and_lets_the_waiting_action_run() {
        let mut app = FakeApp::dirty(false, true);
        app.outcomes = vec![Saved::Conflict];
        app.request(Pending::NewProfile);
        app.answer(Answer::Save);
        app.answer(Answer::Reload);
        let tail: Vec<&Effect> = app.done.iter().rev().take(2).collect();
        assert_eq!(
            tail,
            [
                &Effect::Perform(Pending::NewProfile),
                &Effect::Reload(Doc::Profile)
            ]
        );
    }

    #[test]
    fn opening_a_figure_asks_about_the_unsaved_zone_first() {
        let mut app = FakeApp::dirty(false, true);
        let figure = Pending::OpenFigure(ZoneIdx::new(1), FactorIdx::from_index(3).expect("a factor"));
        app.request(figure.clone());
        assert_eq!(
            app.session.modal(),
            Some(&Modal::Unsaved {
                doc: Doc::Profile,
                then: figure.clone()
            })
        );
        app.answer(Answer::Discard);
        assert_eq!(app.performed(), [&figure]);
    }

    #[test]
    fn cancel_on_a_conflict_writes_nothing() {
        let mut app = FakeApp::dirty(true, false);
        app.outcomes = vec![Saved::Conflict];
        app.save(Doc::Checklist);
        app.answer(Answer::Cancel);
        assert!(!app.session.is_asking());
        assert!(app.dirty.checklist);
        assert_eq!(app.done.len(), 1, "only the first save was tried");
    }

    #[test]
    fn quitting_with_both_documents_dirty_asks_about_each() {
        let mut app = FakeApp::dirty(true, true);
        app.request(Pending::Quit);
        assert!(matches!(
            app.session.modal(),
            Some(Modal::Unsaved {
                doc: Doc::Checklist,
                ..
            })
        ));
        app.answer(Answer::Discard);
        assert!(matches!(
            app.session.modal(),
            Some(Modal::Unsaved {
                doc: Doc::Profile,
                ..
            })
        ));
        assert!(app.performed().is_empty());
        app.answer(Answer::Save);
        assert_eq!(app.performed(), [&Pending::Quit]);
    }

    #[test]
    fn a_discard_holds_only_for_the_action_it_was_given_for() {
        let mut app = FakeApp::dirty(true, true);
        app.request(Pending::Quit);
        app.answer(Answer::Discard); // the checklist, for quitting
        app.answer(Answer::Cancel); // … but not the zone: nothing runs
        assert!(app.performed().is_empty());
        app.dirty.checklist = true;
        app.request(Pending::NewChecklist);
        assert!(
            matches!(
                app.session.modal(),
                Some(Modal::Unsaved {
                    doc: Doc::Checklist,
                    ..
                })
            ),
            "the earlier discard does not carry over"
        );
    }

    #[test]
    fn delete_asks_first() {
        let mut app = FakeApp::default();
        let zone = ZoneIdx::new(3);
        app.session.confirm_delete(zone);
        app.answer(Answer::Cancel);
        assert!(app.done.is_empty());
        app.session.confirm_delete(zone);
        app.answer(Answer::ConfirmDelete);
        assert_eq!(app.done, [Effect::Delete(zone)]);
    }

    #[test]
    fn recovered_work_is_restored_or_declined_never_dropped_by_cancel() {
        let mut app = FakeApp {
            session: Session::new(Some(recovery())),
            ..FakeApp::default()
        };
        assert!(matches!(app.session.modal(), Some(Modal::Recovery(_))));
        app.answer(Answer::Cancel);
        assert!(app.session.is_asking(), "Escape does not drop recovered work");
        app.answer(Answer::Restore);
        assert_eq!(app.done, [Effect::Restore(recovery())]);
        assert!(app.dirty.checklist, "the restored checklist is unsaved work");

        let mut app = FakeApp {
            session: Session::new(Some(recovery())),
            ..FakeApp::default()
        };
        app.answer(Answer::Discard);
        assert_eq!(app.done, [Effect::ForgetRecovery]);
    }

    #[test]
    fn actions_that_replace_nothing_unsaved_never_ask() {
        for (action, checklist, profile) in [
            (Pending::Reload, true, false),
            (Pending::OpenProfilesFolder(None), true, false),
            (Pending::SelectProfile(ZoneIdx::new(0)), true, false),
            (
                Pending::OpenFigure(ZoneIdx::new(0), FactorIdx::from_index(0).expect("a factor")),
                true,
                false,
            ),
            (Pending::ImportSurvey(None), false, true),
            (Pending::NewChecklist, false, true),
        ] {
            let mut app = FakeApp::dirty(checklist, profile);
            app.request(action.clone());
            assert_eq!(app.performed(), [&action], "{action:?}");
        }
    }
}
