//! The history of the zone being edited: after each save, the record of what changed (who from
//! the settings, when from the clock) added to the zone's history file, and a zone saved under
//! another name given the history of the zone it came from; and the history read on a worker
//! whenever the editor opens a zone or saves it, for the editor's panel. A history that cannot
//! be written never undoes the save: the officer is told, and the log keeps it.

use std::path::Path;

use super::SiteMatchApp;
use super::jobs;
use super::texts::TEXTS;
use crate::io;
use crate::model::history::{How, Record, When};
use crate::model::{Localize, ZoneProfile};
use crate::state::Topic;
use crate::state::figure_history::FigureHistory;

impl SiteMatchApp {
    /// Records a save of `after` to `path` over `before` (what the file held, or the zone it
    /// was saved from; `None` for a new zone). `carry_from`: the file of the zone it was saved
    /// from under a new name, whose history it takes along.
    pub(super) fn record_history(
        &mut self,
        path: &Path,
        before: Option<&ZoneProfile>,
        after: &ZoneProfile,
        carry_from: Option<&Path>,
    ) {
        let now = io::clock::now();
        let when = When::new(now.timestamp(), now.offset());
        let record = Record::of_save(
            self.docs.catalog(),
            before,
            after,
            when,
            &self.settings.prepared_by,
            How::Editor,
        );
        let written = carry_from
            .map_or(Ok(()), |from| io::history::carry_history(from, path))
            .and_then(|()| io::history::append_history(path, record.as_slice()));
        if let Err(e) = written {
            let lang = self.lang();
            let text = (TEXTS.get(lang).history_failed)(&e.text(lang));
            // Logged with the notice.
            self.notices.push(Topic::Other, text, true);
        }
    }

    /// Starts reading the history of the zone in the editor; a zone not saved yet has none.
    pub(super) fn read_zone_history(&mut self) {
        let Some(editor) = self.docs.editor_mut() else {
            return;
        };
        let Some(path) = editor.path.clone() else {
            editor.figure_history = FigureHistory::NotSaved;
            return;
        };
        editor.figure_history = FigureHistory::Reading;
        self.loads.history = Some(jobs::read_history(self.env.runner(), path));
    }

    /// Takes in a zone's history once it is read, if the editor still shows that zone.
    pub(super) fn poll_history(&mut self) {
        match jobs::finished(&mut self.loads.history) {
            Some(Ok((path, read))) => {
                if let Err(e) = &read {
                    log::warn!("{}", e.text(crate::model::Lang::En));
                }
                if let Some(editor) = self.docs.editor_mut()
                    && editor.path.as_ref() == Some(&path)
                {
                    editor.figure_history = FigureHistory::from_read(read);
                }
            }
            Some(Err(stopped)) => self.notify_error(&stopped),
            None => {}
        }
    }
}
