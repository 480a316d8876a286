//! Keeping unsaved work through a crash: the working checklist autosaved to the recovery store
//! with the settings, the snapshot the panic hook writes as the process dies, and restoring or
//! declining what the store holds at the next start.

use super::SiteMatchApp;
use super::texts::texts;
use crate::io::recovery::RecoveryStore;
use crate::model::Localize;
use crate::model::{parse_checklist, write_checklist};
use crate::state::Tab;
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

impl SiteMatchApp {
    /// The working checklist as the recovery store keeps it, while it has unsaved changes.
    pub fn recovery_snapshot(&self, now: &str) -> Option<Recovery> {
        if !self.doc.is_dirty() {
            return None;
        }
        let text = write_checklist(&self.doc.checklist, &self.ws.catalog).ok()?;
        Some(Recovery {
            text,
            path: self.doc.path.clone(),
            saved_at: now.to_owned(),
        })
    }

    /// Keeps the settings in eframe's storage, and the working checklist in the recovery store
    /// while it has unsaved changes (clearing the store once it has none).
    pub fn persist(&mut self, storage: &mut dyn eframe::Storage, now: &str) {
        self.settings.last_checklist = self.doc.path.clone();
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        let Some(store) = &self.recovery_store else { return };
        // Once the user has chosen to quit, what is unsaved was saved or discarded on purpose.
        let keep = if self.quit_requested {
            None
        } else {
            self.recovery_snapshot(now)
        };
        match keep.and_then(|r| ron::to_string(&r).ok()) {
            Some(text) => {
                if let Err(e) = store.save(&text) {
                    self.notify((texts(self.lang()).autosave_failed)(&e.text(self.lang())), true);
                }
            }
            None => {
                if let Err(e) = store.clear() {
                    self.notify(
                        (texts(self.lang()).clear_autosave_failed)(&e.text(self.lang())),
                        true,
                    );
                }
            }
        }
    }

    /// Puts the recovered checklist in place of the working one, as unsaved work.
    pub(super) fn restore(&mut self, recovery: Recovery) {
        match parse_checklist(&recovery.text, &self.ws.catalog) {
            Ok(c) => {
                self.doc = ChecklistDoc::recovered(&self.ws.catalog, c, recovery.path);
                self.tab = Tab::Checklist;
                self.show_start = false;
                self.rescore = true;
            }
            Err(e) => self.notify((texts(self.lang()).restore_failed)(&e.text(self.lang())), true),
        }
    }

    /// The officer declined the recovered work: the store forgets it now, not at the next
    /// autosave.
    pub(super) fn forget_recovery(&mut self) {
        if let Some(Err(e)) = self.recovery_store.as_ref().map(RecoveryStore::clear) {
            self.notify(
                (texts(self.lang()).clear_autosave_failed)(&e.text(self.lang())),
                true,
            );
        }
    }

    /// Refreshes what the panic hook would write, after the checklist changed.
    pub(super) fn refresh_crash_snapshot(&self) {
        if let Some(slot) = &self.crash_snapshot {
            let now = crate::io::clock::now().strftime("%Y-%m-%d %H:%M").to_string();
            let snapshot = self.recovery_snapshot(&now).and_then(|r| ron::to_string(&r).ok());
            if let Ok(mut guard) = slot.lock() {
                *guard = snapshot;
            }
        }
    }
}
