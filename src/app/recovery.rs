//! Keeping unsaved work through a crash: the working checklist autosaved to the recovery store
//! with the settings, the snapshot the panic hook writes as the process dies, and restoring or
//! declining what the store holds at the next start.

use super::SiteMatchApp;
use super::texts::TEXTS;
use crate::io::recovery::RecoveryStore;
use crate::model::Localize;
use crate::model::{parse_checklist, write_checklist};
use crate::state::checklist_doc::ChecklistDoc;
use crate::state::settings::{Recovery, SETTINGS_KEY};

/// The recovery text the panic hook writes; kept current by the app as the checklist changes.
pub type CrashSnapshot = std::sync::Arc<std::sync::Mutex<Option<String>>>;

/// Installs a panic hook that writes the working checklist to the recovery store before the
/// process ends, then runs the hook that was there before (which prints the panic).
pub fn install_panic_hook(store: RecoveryStore, snapshot: CrashSnapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        write_crash_snapshot(&store, &snapshot);
        previous(info);
    }));
}

/// What the panic hook does: keeps the snapshot, if there is one. Never blocks (a panic while
/// the snapshot is being updated skips it rather than deadlock).
pub fn write_crash_snapshot(store: &RecoveryStore, snapshot: &CrashSnapshot) {
    if let Ok(guard) = snapshot.try_lock()
        && let Some(text) = guard.as_ref()
        && let Err(e) = store.save(text)
    {
        // The process is ending: standard error is the only place left to say so.
        eprintln!("sitematch: could not keep the unsaved checklist for recovery: {e}");
    }
}

/// Where unsaved work is kept between runs, and the snapshot the panic hook writes.
#[derive(Debug, Default)]
pub struct Keeper {
    /// `None` keeps nothing (tests that do not ask).
    store: Option<RecoveryStore>,
    /// The working checklist as the panic hook will write it to the store.
    snapshot: Option<CrashSnapshot>,
}

impl Keeper {
    pub fn new(store: Option<RecoveryStore>) -> Self {
        Keeper {
            store,
            snapshot: None,
        }
    }

    /// Whether the panic hook wants the working checklist kept current.
    pub fn wanted(&self) -> bool {
        self.snapshot.is_some()
    }
}

impl SiteMatchApp {
    /// The working checklist as the recovery store keeps it: `None` when nothing is unsaved;
    /// an error when it cannot be written as text, which is not "nothing to keep" (the store
    /// then keeps its previous copy).
    fn recovery_text(&self, now: &str) -> Result<Option<String>, String> {
        let doc = self.docs.doc();
        if !doc.is_dirty() {
            return Ok(None);
        }
        let text = write_checklist(&doc.checklist, self.docs.catalog()).map_err(|e| e.to_string())?;
        let recovery = Recovery {
            text,
            path: doc.path.clone(),
            saved_at: now.to_owned(),
        };
        ron::to_string(&recovery).map(Some).map_err(|e| e.to_string())
    }

    /// Keeps the settings in eframe's storage, and the working checklist in the recovery store
    /// while it has unsaved changes (clearing the store once it has none).
    pub fn persist(&mut self, storage: &mut dyn eframe::Storage, now: &str) {
        self.settings.last_checklist = self.docs.doc().path.clone();
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        let Some(store) = &self.recovery.store else { return };
        let lang = self.lang();
        let t = TEXTS.get(lang);
        // Once the user has chosen to quit, what is unsaved was saved or discarded on purpose.
        let keep = if self.env.quit_requested() {
            Ok(None)
        } else {
            self.recovery_text(now)
        };
        let failed = match keep {
            Ok(Some(text)) => store
                .save(&text)
                .err()
                .map(|e| (t.autosave_failed)(&e.text(lang))),
            Ok(None) => store
                .clear()
                .err()
                .map(|e| (t.clear_autosave_failed)(&e.text(lang))),
            // The previous copy stays: it is the last work that could be kept.
            Err(reason) => Some((t.autosave_failed)(&reason)),
        };
        if let Some(text) = failed {
            self.notify(text, true);
        }
    }

    /// Keeps the snapshot the panic hook writes current from now on.
    pub fn keep_crash_snapshot(&mut self, snapshot: CrashSnapshot) {
        self.recovery.snapshot = Some(snapshot);
        self.refresh_crash_snapshot();
    }

    /// Puts the recovered checklist in place of the working one, as unsaved work.
    pub(super) fn restore(&mut self, recovery: Recovery) {
        match parse_checklist(&recovery.text, self.docs.catalog()) {
            Ok(c) => {
                let doc = ChecklistDoc::recovered(self.docs.catalog(), c, recovery.path);
                self.docs.set_checklist(doc);
                self.views.show_checklist();
            }
            Err(e) => self.notify(
                (TEXTS.get(self.lang()).restore_failed)(&e.text(self.lang())),
                true,
            ),
        }
    }

    /// The officer declined the recovered work: the store forgets it now, not at the next
    /// autosave.
    pub(super) fn forget_recovery(&mut self) {
        if let Some(Err(e)) = self.recovery.store.as_ref().map(RecoveryStore::clear) {
            self.notify(
                (TEXTS.get(self.lang()).clear_autosave_failed)(&e.text(self.lang())),
                true,
            );
        }
    }

    /// Refreshes what the panic hook would write, after the checklist changed.
    pub(super) fn refresh_crash_snapshot(&self) {
        let Some(slot) = &self.recovery.snapshot else {
            return;
        };
        let now = crate::io::clock::now().strftime("%Y-%m-%d %H:%M").to_string();
        let snapshot = match self.recovery_text(&now) {
            Ok(snapshot) => snapshot,
            Err(e) => {
                // The hook keeps the last snapshot that could be written.
                log::error!("the unsaved checklist could not be kept for the panic hook: {e}");
                return;
            }
        };
        if let Ok(mut guard) = slot.lock() {
            *guard = snapshot;
        }
    }
}
