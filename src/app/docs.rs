//! The documents and their ranking: the loaded zones, the working checklist, the zone being
//! edited, and the results scored from them. Every change goes through a method here that
//! says what must be scored again, and [`Docs::rescore`] scores it once per frame: the one
//! factor an edit touched, or everything. No egui, no files: the app reads and writes them
//! and hands the documents in.

use jiff::civil::Date;

use crate::model::{Catalog, FactorIdx, ZoneIdx, ZoneProfile};
use crate::report::health::Health;
use crate::state::checklist_doc::{ChecklistDoc, ChecklistForm};
use crate::state::profile_edit::ProfileEditor;
use crate::state::workspace::{Results, Workspace};

/// The documents the app holds and the ranking they give.
#[derive(Debug)]
pub struct Docs {
    ws: Workspace,
    doc: ChecklistDoc,
    editor: Option<ProfileEditor>,
    results: Results,
    /// The day of the ranking.
    today: Date,
    /// Everything must be scored afresh.
    stale: bool,
    /// Factors edited since the last scoring, when nothing asked for a full rescore.
    edited: Vec<FactorIdx>,
    /// The zones' data health, built when first wanted after the zones changed.
    health: Option<Health>,
    /// How many healths have been built: a view tells a new one from the one it sorted.
    health_built: u64,
}

impl Docs {
    /// The zones of `ws` and a new checklist from the template, not yet scored.
    pub fn new(ws: Workspace, today: Date) -> Self {
        Docs {
            doc: ChecklistDoc::template(&ws.catalog),
            ws,
            editor: None,
            results: Results::default(),
            today,
            stale: true,
            edited: Vec::new(),
            health: None,
            health_built: 0,
        }
    }

    pub fn ws(&self) -> &Workspace {
        &self.ws
    }

    pub fn catalog(&self) -> &Catalog {
        &self.ws.catalog
    }

    pub fn doc(&self) -> &ChecklistDoc {
        &self.doc
    }

    pub fn editor(&self) -> Option<&ProfileEditor> {
        self.editor.as_ref()
    }

    pub fn results(&self) -> &Results {
        &self.results
    }

    pub fn today(&self) -> Date {
        self.today
    }

    /// The zones' data health on the day, with its build number and the zones it is of;
    /// built now if the zones changed since it last was.
    pub fn health(&mut self) -> (&Health, u64, &Workspace) {
        if self.health.is_none() {
            self.health_built += 1;
        }
        let health = self
            .health
            .get_or_insert_with(|| Health::build(&self.ws.catalog, &self.ws.zones, self.today));
        (health, self.health_built, &self.ws)
    }

    /// The checklist's form for its view, beside what the view shows with it.
    pub fn checklist_form(&mut self) -> (&mut ChecklistForm, &Workspace, &Results) {
        (&mut self.doc.form, &self.ws, &self.results)
    }

    /// The zone editor for its view, beside the zones and their results.
    pub fn zone_editor(&mut self) -> (Option<&mut ProfileEditor>, &Workspace, &Results) {
        (self.editor.as_mut(), &self.ws, &self.results)
    }

    /// The zone editor, for edits that do not change what is scored until it is saved.
    pub fn editor_mut(&mut self) -> Option<&mut ProfileEditor> {
        self.editor.as_mut()
    }

    /// The working checklist, for what changes its file but not its content (saved, stamped).
    pub fn doc_file_mut(&mut self) -> &mut ChecklistDoc {
        &mut self.doc
    }

    /// A new working checklist (new, opened, imported, recovered).
    pub fn set_checklist(&mut self, doc: ChecklistDoc) {
        self.doc = doc;
        self.stale = true;
    }

    /// Opens (or closes) the zone editor.
    pub fn set_editor(&mut self, editor: Option<ProfileEditor>) {
        self.editor = editor;
    }

    /// A newly loaded folder in place of the zones; the editor closes.
    pub fn set_workspace(&mut self, ws: Workspace) {
        self.ws = ws;
        self.editor = None;
        self.stale = true;
        self.health = None;
    }

    /// A zone saved or read back from its file: in the list, by its id.
    pub fn upsert_zone(
        &mut self,
        profile: ZoneProfile,
        path: std::path::PathBuf,
        stamp: crate::io::FileStamp,
    ) -> ZoneIdx {
        self.stale = true;
        self.health = None;
        self.ws.upsert(profile, path, stamp)
    }

    /// A zone off the list; the editor closes.
    pub fn remove_zone(&mut self, zone: ZoneIdx) {
        self.ws.remove(zone);
        self.editor = None;
        self.stale = true;
        self.health = None;
    }

    /// An item of the checklist was edited in its form: only its factor is scored again.
    pub fn edit_item(&mut self, factor: FactorIdx) {
        if self.doc.apply_item(&self.ws.catalog, factor) && !self.edited.contains(&factor) {
            self.edited.push(factor);
        }
    }

    /// The checklist's header was edited.
    pub fn edit_header(&mut self) {
        self.stale |= self.doc.apply_header();
    }

    /// Undoes (or redoes) an edit: of the zone in the editor when `zone_in_view`, else of the
    /// checklist.
    pub fn undo_redo(&mut self, zone_in_view: bool, undo: bool) {
        if zone_in_view && let Some(editor) = &mut self.editor {
            let ids = self.ws.ids();
            if undo {
                editor.undo(&self.ws.catalog, &ids);
            } else {
                editor.redo(&self.ws.catalog, &ids);
            }
            return;
        }
        self.stale |= if undo { self.doc.undo() } else { self.doc.redo() };
    }

    /// Checks the editor's field (`Some`) or its name and id (`None`) after an edit.
    pub fn check_profile_field(&mut self, field: Option<FactorIdx>) {
        let ids = self.ws.ids();
        if let Some(editor) = &mut self.editor {
            match field {
                Some(f) => editor.check_entry(&self.ws.catalog, f),
                None => editor.check_meta(&ids),
            }
        }
    }

    /// Scores what changed since the last call: the one factor edited, or everything.
    /// Whether anything was scored (the views show it on the next frame).
    pub fn rescore(&mut self) -> bool {
        match self.edited.as_slice() {
            [] if !self.stale => return false,
            [factor] if !self.stale => {
                let factor = *factor;
                self.results
                    .rescore_factor(&self.ws.catalog, &self.doc.checklist, &self.ws.zones, factor);
            }
            _ => {
                self.results =
                    Results::compute(&self.ws.catalog, &self.doc.checklist, &self.ws.zones, self.today);
            }
        }
        self.stale = false;
        self.edited.clear();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Docs {
        let catalog = Catalog::builtin().expect("bundled catalog");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
        let (ws, error) = Workspace::load(catalog, &dir);
        assert!(error.is_none() && ws.zones.len() == 5, "the sample zones");
        Docs::new(ws, Date::constant(2026, 12, 7))
    }

    #[test]
    fn a_new_document_is_scored_once_and_then_only_after_a_change() {
        let mut d = docs();
        assert!(d.rescore(), "first frame scores");
        assert!(!d.rescore(), "nothing changed: nothing scored");
        d.edit_header();
        assert!(!d.rescore(), "a header edit that changes nothing scores nothing");
        let zone = ZoneIdx::new(0);
        d.remove_zone(zone);
        assert!(d.rescore(), "a zone removed: scored again");
        assert_eq!(d.results().ranking.zones.len(), d.ws().zones.len());
    }

    #[test]
    fn the_data_health_is_built_again_only_after_the_zones_change() {
        let mut d = docs();
        let (health, first, _) = d.health();
        assert_eq!(health.zones.len(), 5);
        assert_eq!(d.health().1, first, "nothing changed: the same health");
        d.edit_header();
        assert_eq!(d.health().1, first, "the checklist is not the zones' data");
        d.remove_zone(ZoneIdx::new(0));
        let (health, second, _) = d.health();
        assert_eq!((health.zones.len(), second), (4, first + 1));
    }
}
