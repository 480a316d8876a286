//! The app's documents and files: carrying out the actions the session lets run (new, open,
//! import, select a zone, reload or change the zones folder, quit), saving the checklist and
//! the zone being edited (refusing a file changed on disk), reading one back, deleting a zone.
//! Every file goes through `io`; every outcome a user must know of becomes a notice.

use std::path::{Path, PathBuf};

use egui::{Context, ViewportCommand};

use super::SiteMatchApp;
use super::dialogs::FileKind;
use super::jobs::{self, FolderLoad};
use super::texts::TEXTS;
use crate::io;
use crate::model::Localize;
use crate::model::{FactorIdx, ZoneIdx, ZoneProfile};
use crate::state::checklist_doc::ChecklistDoc;
use crate::state::profile_edit::ProfileEditor;
use crate::state::session::{Doc, Pending, SaveMode, Saved};
use crate::state::workspace::Workspace;
use crate::state::{Tab, Topic};

impl SiteMatchApp {
    /// Carries out an action nothing unsaved holds back any more.
    pub(super) fn perform(&mut self, ctx: &Context, action: Pending) {
        let lang = self.lang();
        match action {
            Pending::NewChecklist => {
                self.docs
                    .set_checklist(ChecklistDoc::template(self.docs.catalog()));
                self.views.show_checklist();
            }
            Pending::OpenChecklist(path) => {
                let start = self.checklist_folder();
                let Some(path) = path.or_else(|| {
                    self.env
                        .dialogs()
                        .open_file(FileKind::Checklist, start.as_deref(), lang)
                }) else {
                    return;
                };
                self.open_checklist_file(path);
            }
            Pending::ImportSurvey(path) => {
                let start = self.checklist_folder();
                let Some(path) = path.or_else(|| {
                    self.env
                        .dialogs()
                        .open_file(FileKind::Xlsx, start.as_deref(), lang)
                }) else {
                    return;
                };
                match io::import_survey(&path, self.docs.catalog()) {
                    Ok(c) => {
                        // A new, unsaved checklist: the workbook is not its file.
                        let doc = ChecklistDoc::recovered(self.docs.catalog(), c, None);
                        self.docs.set_checklist(doc);
                        self.views.show_checklist();
                        self.notify((TEXTS.get(lang).survey_imported)(&path.display()), false);
                    }
                    Err(e) => self.notify_error(&e),
                }
            }
            Pending::Quit => {
                self.env.request_quit();
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Pending::SelectProfile(zone) => self.open_zone(zone, None),
            Pending::OpenFigure(zone, factor) => self.open_zone(zone, Some(factor)),
            Pending::NewProfile => {
                let editor = ProfileEditor::blank(self.docs.catalog(), self.docs.today());
                self.docs.set_editor(Some(editor));
                self.views.set_tab(Tab::Zones);
            }
            Pending::Reload => {
                let dir = self.docs.ws().dir.clone();
                self.load_folder(dir);
            }
            Pending::NewFromInquiry(list) => {
                // A new, unsaved checklist: the message is not its file.
                let doc = ChecklistDoc::recovered(self.docs.catalog(), *list, None);
                self.docs.set_checklist(doc);
                self.imports.inquiry = None;
                self.views.set_tab(Tab::Results);
                self.notify(TEXTS.get(lang).inquiry_drafted.to_owned(), false);
            }
            Pending::OpenProfilesFolder(dir) => {
                let current = self.docs.ws().dir.clone();
                if let Some(dir) = dir.or_else(|| self.env.dialogs().pick_folder(Some(&current), lang)) {
                    self.settings.profiles_dir = Some(dir.clone());
                    self.load_folder(dir);
                }
            }
        }
    }

    /// Opens a loaded zone in the editor, pointed at a factor when one is given.
    fn open_zone(&mut self, zone: ZoneIdx, factor: Option<FactorIdx>) {
        if let Some(z) = self.docs.ws().zone(zone) {
            let mut editor = ProfileEditor::open(self.docs.catalog(), &z.profile, zone, z.path.clone());
            editor.stamp = Some(z.stamp);
            if let Some(f) = factor {
                editor.focus_on(f);
            }
            self.docs.set_editor(Some(editor));
            self.read_zone_history();
        }
    }

    /// The folder of the working checklist, where file dialogs start.
    /// Where a checklist dialog starts: the open checklist's folder, else that of the one
    /// opened last.
    pub(super) fn checklist_folder(&self) -> Option<PathBuf> {
        self.docs
            .doc()
            .path
            .as_ref()
            .or(self.settings.last_checklist.as_ref())
            .or(self.settings.recent.first())
            .and_then(|p| p.parent().map(PathBuf::from))
    }

    /// Opens a checklist file as the working checklist; says why not when it cannot be read.
    pub(super) fn open_checklist_file(&mut self, path: PathBuf) -> bool {
        match io::load_checklist_stamped(&path, self.docs.catalog()) {
            Ok((c, stamp)) => {
                let mut doc = ChecklistDoc::opened(self.docs.catalog(), c, Some(path.clone()));
                doc.stamp = Some(stamp);
                self.docs.set_checklist(doc);
                self.settings.remember(&path);
                self.settings.last_checklist = Some(path);
                self.views.leave_start();
                self.report.glyphs_due();
                true
            }
            Err(e) => {
                self.notify_error(&e);
                false
            }
        }
    }

    /// Loads a folder of zones in place of the zones loaded (on a worker in the window).
    fn load_folder(&mut self, dir: PathBuf) {
        self.docs.set_editor(None);
        let catalog = self.docs.catalog().clone();
        if self.env.runner().in_background() {
            self.loads.folder = Some(FolderLoad::start(self.env.runner(), catalog, dir));
        } else {
            let (ws, error) = Workspace::load(catalog, &dir);
            self.install_workspace(ws, error);
        }
    }

    /// Takes in the folders the workers have read: the zones, the samples, the projects.
    pub(super) fn poll_loads(&mut self) {
        if let Some(load) = &mut self.loads.folder
            && let Some(done) = load.try_finish()
        {
            self.loads.folder = None;
            match done {
                Ok((ws, error)) => self.install_workspace(ws, error),
                Err(stopped) => self.notify_error(&stopped),
            }
        }
        match jobs::finished(&mut self.loads.samples) {
            Some(Ok(samples)) => self.views.set_samples(samples),
            Some(Err(stopped)) => self.notify_error(&stopped),
            None => {}
        }
        self.poll_history();
        self.poll_planning();
    }

    /// Puts a loaded folder in place, keeping the selection where the same zones are.
    fn install_workspace(&mut self, ws: Workspace, error: Option<io::FileError>) {
        let keep = self.views.selection_ids(self.docs.ws());
        self.docs.set_workspace(ws);
        self.report.glyphs_due();
        if let Some(e) = error {
            self.notify_error(&e);
        }
        self.report_load_errors();
        self.views.restore_selection(self.docs.ws(), keep);
        self.replan();
    }

    /// Says once that some zone files failed to load (the zones view lists them).
    pub(super) fn report_load_errors(&mut self) {
        let n = self.docs.ws().errors.len();
        if n > 0 {
            self.notify((TEXTS.get(self.lang()).zones_failed)(n), true);
        }
    }

    /// Saves a document the way the session asks.
    pub(super) fn save_doc(&mut self, doc: Doc, mode: SaveMode) -> Saved {
        match (doc, mode) {
            (Doc::Checklist, SaveMode::Normal) => self.save_checklist(false, false),
            (Doc::Checklist, SaveMode::As) => self.save_checklist(true, false),
            (Doc::Checklist, SaveMode::Overwrite) => self.save_checklist(false, true),
            (Doc::Profile, SaveMode::Normal) => self.save_profile(false, None),
            (Doc::Profile, SaveMode::As) => self.save_profile_as(),
            (Doc::Profile, SaveMode::Overwrite) => self.save_profile(true, None),
        }
    }

    /// Reads a document back from disk, throwing my edits away.
    pub(super) fn reload_from_disk(&mut self, doc: Doc) {
        match doc {
            Doc::Checklist => {
                if let Some(path) = self.docs.doc().path.clone() {
                    self.open_checklist_file(path);
                }
            }
            Doc::Profile => {
                let Some(path) = self.docs.editor().and_then(|e| e.path.clone()) else {
                    return;
                };
                match io::load_profile_stamped(&path, self.docs.catalog()) {
                    Ok((profile, stamp)) => {
                        let zone = self.put_zone(profile.clone(), path.clone(), stamp);
                        let mut editor = ProfileEditor::open(self.docs.catalog(), &profile, zone, path);
                        editor.stamp = Some(stamp);
                        self.docs.set_editor(Some(editor));
                        self.read_zone_history();
                    }
                    Err(e) => self.notify_error(&e),
                }
            }
        }
    }

    /// A zone saved or read back: in the list by its id, the results view still pointing at
    /// the zones it pointed at.
    fn put_zone(&mut self, profile: ZoneProfile, path: PathBuf, stamp: io::FileStamp) -> ZoneIdx {
        let keep = self.views.selection_ids(self.docs.ws());
        let zone = self.docs.upsert_zone(profile, path, stamp);
        self.views.restore_selection(self.docs.ws(), keep);
        zone
    }

    /// Saves the checklist (asking for a file when it has none, or always for "save as").
    /// Unless `force`, refuses to write over a file someone else changed since it was opened.
    fn save_checklist(&mut self, ask: bool, force: bool) -> Saved {
        let lang = self.lang();
        let wrong = self.docs.doc().form.error_count();
        if wrong > 0 {
            self.notices.push(
                Topic::ChecklistInput,
                (TEXTS.get(lang).checklist_to_fix)(wrong),
                true,
            );
            return Saved::No;
        }
        let (path, expected) = match (&self.docs.doc().path, ask) {
            (Some(p), false) => (p.clone(), self.docs.doc().stamp),
            _ => {
                let start = self.checklist_folder();
                let name = suggested_file_name(&self.docs.doc().checklist.project);
                match self
                    .env
                    .dialogs()
                    .save_file(FileKind::Checklist, start.as_deref(), &name, lang)
                {
                    // The dialog already asked before replacing an existing file.
                    Some(p) => {
                        let now = io::FileStamp::now(&p);
                        (p, now)
                    }
                    None => return Saved::No,
                }
            }
        };
        let expected = if force {
            io::FileStamp::now(&path)
        } else {
            expected
        };
        let checklist = &self.docs.doc().checklist;
        match io::save_checklist_checked(&path, checklist, self.docs.catalog(), expected.as_ref()) {
            Ok(stamp) => {
                self.notices.settle(Topic::Checklist);
                self.notices.settle(Topic::ChecklistInput);
                self.notify((TEXTS.get(lang).saved)(&path.display()), false);
                self.docs.doc_file_mut().mark_saved(path.clone(), Some(stamp));
                self.settings.remember(&path);
                self.settings.last_checklist = Some(path);
                Saved::Yes
            }
            Err(io::SaveError::Changed(_)) => Saved::Conflict,
            Err(io::SaveError::File(e)) => {
                let text = (TEXTS.get(lang).save_failed)(&e.text(lang));
                self.notices.push(Topic::Checklist, text, true);
                Saved::No
            }
        }
    }

    /// Validates and saves the profile being edited, to `to` or its own file. Unless `force`,
    /// refuses to write over a file someone else changed since it was opened.
    fn save_profile(&mut self, force: bool, to: Option<PathBuf>) -> Saved {
        let lang = self.lang();
        let ids: Vec<String> = self.docs.ws().ids().into_iter().map(str::to_owned).collect();
        let taken: Vec<&str> = ids.iter().map(String::as_str).collect();
        let catalog = self.docs.catalog().clone();
        // The zone being edited as last read or saved, with its file: what a save records
        // changes against, and where a zone saved under a new name takes its history from.
        let origin = self
            .docs
            .editor()
            .and_then(|e| e.zone)
            .and_then(|zone| self.docs.ws().zone(zone))
            .map(|z| (z.path.clone(), z.profile.clone()));
        let Some(editor) = self.docs.editor_mut() else {
            return Saved::No;
        };
        if let Some(to) = &to {
            // Saving as another file makes a new zone with that file's name.
            editor.zone = None;
            editor.path = Some(to.clone());
            editor.stamp = None;
            editor.form.meta.id = io::profile_id(to);
        }
        let validated = editor.validate(&catalog, &taken);
        let (path, expected) = (editor.path.clone(), editor.stamp);
        let profile = match validated {
            Ok(p) => p,
            Err(n) => {
                self.notices
                    .push(Topic::Profile, (TEXTS.get(lang).profile_to_fix)(n), true);
                return Saved::No;
            }
        };
        let path = path.unwrap_or_else(|| self.docs.ws().path_for(&profile.id));
        let expected = if force {
            io::FileStamp::now(&path)
        } else {
            expected
        };
        let (before, carry_from) = changed_from(&path, origin, force, to.is_some(), &catalog);
        let stamp = match io::save_profile_checked(&path, &profile, &catalog, expected.as_ref()) {
            Ok(stamp) => stamp,
            Err(io::SaveError::Changed(_)) => return Saved::Conflict,
            Err(io::SaveError::File(e)) => {
                let text = (TEXTS.get(lang).save_failed)(&e.text(lang));
                self.notices.push(Topic::Profile, text, true);
                return Saved::No;
            }
        };
        self.notices.settle(Topic::Profile);
        self.notify((TEXTS.get(lang).saved)(&path.display()), false);
        self.record_history(&path, before.as_ref(), &profile, carry_from.as_deref());
        let zone = self.put_zone(profile.clone(), path.clone(), stamp);
        if let Some(editor) = self.docs.editor_mut() {
            editor.mark_saved(&catalog, &profile, zone, path, stamp);
        }
        self.read_zone_history();
        Saved::Yes
    }

    /// Saves the profile being edited under a file name the user picks (a new zone).
    fn save_profile_as(&mut self) -> Saved {
        let lang = self.lang();
        let name = self
            .docs
            .editor()
            .map_or_else(String::new, |e| format!("{}-2.ron", e.form.meta.id));
        let dir = self.docs.ws().dir.clone();
        match self
            .env
            .dialogs()
            .save_file(FileKind::Profile, Some(&dir), &name, lang)
        {
            Some(path) => self.save_profile(false, Some(path)),
            None => Saved::No,
        }
    }

    /// Moves a zone's file aside (as `.bak`) and takes the zone off the list.
    pub(super) fn delete_profile(&mut self, zone: ZoneIdx) {
        let Some(path) = self.docs.ws().zone(zone).map(|z| z.path.clone()) else {
            return;
        };
        match io::retire(&path) {
            Ok(backup) => {
                let keep = self.views.selection_ids(self.docs.ws());
                self.docs.remove_zone(zone);
                self.views.restore_selection(self.docs.ws(), keep);
                self.notify((TEXTS.get(self.lang()).deleted)(&backup.display()), false);
            }
            Err(e) => self.notify_error(&e),
        }
    }
}

/// What a save to `path` changes: the profile the file holds before it (the zone as last read
/// or saved; read afresh when the save overwrites someone else's version or a file picked
/// with "save as"), or for a zone saved under a new name where no file was, the zone it came
/// from, whose file's history the new one takes along (the second part). `None`: a new zone.
fn changed_from(
    path: &Path,
    origin: Option<(PathBuf, ZoneProfile)>,
    force: bool,
    save_as: bool,
    catalog: &crate::model::Catalog,
) -> (Option<ZoneProfile>, Option<PathBuf>) {
    if !force && !save_as {
        return (origin.filter(|(p, _)| p == path).map(|(_, z)| z), None);
    }
    if let Ok(on_disk) = io::load_profile(path, catalog) {
        return (Some(on_disk), None);
    }
    match origin {
        Some((from, zone)) if save_as && from != path => (Some(zone), Some(from)),
        _ => (None, None),
    }
}

/// A file name from a project name: `自动化光伏新能源基地.ron`, or `checklist.ron`.
pub(super) fn suggested_file_name(project: &str) -> String {
    let clean: String = project
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.trim_matches('_').is_empty() {
        "checklist.ron".to_owned()
    } else {
        format!("{clean}.ron")
    }
}
