//! The app's documents and files: carrying out the actions the session lets run (new, open,
//! import, select a zone, reload or change the zones folder, quit), saving the checklist and
//! the zone being edited (refusing a file changed on disk), reading one back, deleting a zone.
//! Every file goes through `io`; every outcome a user must know of becomes a notice.

use std::path::PathBuf;

use egui::{Context, ViewportCommand};

use super::SiteMatchApp;
use super::dialogs::FileKind;
use super::loading::FolderLoad;
use super::texts::texts;
use crate::io;
use crate::model::Localize;
use crate::model::ZoneIdx;
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
                self.doc = ChecklistDoc::template(&self.ws.catalog);
                self.tab = Tab::Checklist;
                self.show_start = false;
                self.rescore = true;
            }
            Pending::OpenChecklist(path) => {
                let start = self.checklist_folder();
                let Some(path) = path.or_else(|| {
                    self.dialogs
                        .open_file(FileKind::Checklist, start.as_deref(), lang)
                }) else {
                    return;
                };
                self.open_checklist_file(path);
            }
            Pending::ImportSurvey => {
                let start = self.checklist_folder();
                let Some(path) = self.dialogs.open_file(FileKind::Xlsx, start.as_deref(), lang) else {
                    return;
                };
                match io::import_survey(&path, &self.ws.catalog) {
                    Ok(c) => {
                        // A new, unsaved checklist: the workbook is not its file.
                        self.doc = ChecklistDoc::recovered(&self.ws.catalog, c, None);
                        self.tab = Tab::Checklist;
                        self.show_start = false;
                        self.rescore = true;
                        self.notify((texts(lang).survey_imported)(&path.display()), false);
                    }
                    Err(e) => self.notify_error(&e),
                }
            }
            Pending::Quit => {
                self.quit_requested = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Pending::SelectProfile(zone) => {
                if let Some(z) = self.ws.zone(zone) {
                    let mut editor = ProfileEditor::open(&self.ws.catalog, &z.profile, zone, z.path.clone());
                    editor.stamp = Some(z.stamp);
                    self.editor = Some(editor);
                }
            }
            Pending::NewProfile => {
                self.editor = Some(ProfileEditor::blank(&self.ws.catalog, self.today));
                self.tab = Tab::Zones;
            }
            Pending::Reload => {
                let dir = self.ws.dir.clone();
                self.load_folder(ctx, dir);
            }
            Pending::OpenProfilesFolder => {
                if let Some(dir) = self.dialogs.pick_folder(Some(&self.ws.dir), lang) {
                    self.settings.profiles_dir = Some(dir.clone());
                    self.load_folder(ctx, dir);
                }
            }
        }
    }

    /// The folder of the working checklist, where file dialogs start.
    /// Where a checklist dialog starts: the open checklist's folder, else that of the one
    /// opened last.
    pub(super) fn checklist_folder(&self) -> Option<PathBuf> {
        self.doc
            .path
            .as_ref()
            .or(self.settings.last_checklist.as_ref())
            .or(self.settings.recent.first())
            .and_then(|p| p.parent().map(PathBuf::from))
    }

    /// Opens a checklist file as the working checklist; says why not when it cannot be read.
    pub(super) fn open_checklist_file(&mut self, path: PathBuf) -> bool {
        match io::load_checklist_stamped(&path, &self.ws.catalog) {
            Ok((c, stamp)) => {
                self.doc = ChecklistDoc::opened(&self.ws.catalog, c, Some(path.clone()));
                self.doc.stamp = Some(stamp);
                self.settings.remember(&path);
                self.settings.last_checklist = Some(path);
                self.show_start = false;
                self.rescore = true;
                self.check_glyphs = true;
                true
            }
            Err(e) => {
                self.notify_error(&e);
                false
            }
        }
    }

    fn load_folder(&mut self, ctx: &Context, dir: PathBuf) {
        self.editor = None;
        if self.background_loads {
            let ctx = ctx.clone();
            self.loading = Some(FolderLoad::start(self.ws.catalog.clone(), dir, move || {
                ctx.request_repaint()
            }));
        } else {
            let (ws, error) = Workspace::load(self.ws.catalog.clone(), &dir);
            self.install_workspace(ws, error);
        }
    }

    /// Puts a loaded folder in place, keeping the selection where the same zones are.
    pub(super) fn install_workspace(&mut self, ws: Workspace, error: Option<io::FileError>) {
        let keep = self.selection_ids();
        self.ws = ws;
        self.editor = None;
        self.check_glyphs = true;
        if let Some(e) = error {
            self.notify_error(&e);
        }
        self.report_load_errors();
        self.restore_selection(keep);
        self.rescore = true;
        self.replan();
    }

    /// Says once that some zone files failed to load (the zones view lists them).
    pub(super) fn report_load_errors(&mut self) {
        let n = self.ws.errors.len();
        if n > 0 {
            self.notify((texts(self.lang()).zones_failed)(n), true);
        }
    }

    /// The ids of the zones the results view points at, to find them again after the list of
    /// zones changes.
    fn selection_ids(&self) -> (Option<String>, Vec<String>) {
        let id = |z: ZoneIdx| self.ws.profile(z).map(|p| p.id.clone());
        (
            self.results_view.selected.and_then(id),
            self.results_view.compare.iter().filter_map(|z| id(*z)).collect(),
        )
    }

    fn restore_selection(&mut self, (selected, compare): (Option<String>, Vec<String>)) {
        self.results_view.selected = selected.and_then(|id| self.ws.find(&id));
        self.results_view.compare = compare.iter().filter_map(|id| self.ws.find(id)).collect();
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
                if let Some(path) = self.doc.path.clone() {
                    self.open_checklist_file(path);
                }
            }
            Doc::Profile => {
                let Some(path) = self.editor.as_ref().and_then(|e| e.path.clone()) else {
                    return;
                };
                match io::load_profile_stamped(&path, &self.ws.catalog) {
                    Ok((profile, stamp)) => {
                        let keep = self.selection_ids();
                        let zone = self.ws.upsert(profile.clone(), path.clone(), stamp);
                        let mut editor = ProfileEditor::open(&self.ws.catalog, &profile, zone, path);
                        editor.stamp = Some(stamp);
                        self.editor = Some(editor);
                        self.restore_selection(keep);
                        self.rescore = true;
                    }
                    Err(e) => self.notify_error(&e),
                }
            }
        }
    }

    /// Saves the checklist (asking for a file when it has none, or always for "save as").
    /// Unless `force`, refuses to write over a file someone else changed since it was opened.
    fn save_checklist(&mut self, ask: bool, force: bool) -> Saved {
        let lang = self.lang();
        let wrong = self.doc.form.error_count();
        if wrong > 0 {
            self.notify_about(Topic::ChecklistInput, (texts(lang).checklist_to_fix)(wrong), true);
            return Saved::No;
        }
        let (path, expected) = match (&self.doc.path, ask) {
            (Some(p), false) => (p.clone(), self.doc.stamp),
            _ => {
                let start = self.checklist_folder();
                let name = suggested_file_name(&self.doc.checklist.project);
                match self
                    .dialogs
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
        match io::save_checklist_checked(&path, &self.doc.checklist, &self.ws.catalog, expected.as_ref()) {
            Ok(stamp) => {
                self.settled(Topic::Checklist);
                self.settled(Topic::ChecklistInput);
                self.notify((texts(lang).saved)(&path.display()), false);
                self.doc.mark_saved(path.clone(), Some(stamp));
                self.settings.remember(&path);
                self.settings.last_checklist = Some(path);
                Saved::Yes
            }
            Err(io::SaveError::Changed(_)) => Saved::Conflict,
            Err(io::SaveError::File(e)) => {
                self.notify_about(Topic::Checklist, (texts(lang).save_failed)(&e.text(lang)), true);
                Saved::No
            }
        }
    }

    /// Validates and saves the profile being edited, to `to` or its own file. Unless `force`,
    /// refuses to write over a file someone else changed since it was opened.
    fn save_profile(&mut self, force: bool, to: Option<PathBuf>) -> Saved {
        let lang = self.lang();
        let ids: Vec<String> = self.ws.ids().into_iter().map(str::to_owned).collect();
        let taken: Vec<&str> = ids.iter().map(String::as_str).collect();
        let Some(editor) = &mut self.editor else {
            return Saved::No;
        };
        if let Some(to) = &to {
            // Saving as another file makes a new zone with that file's name.
            editor.zone = None;
            editor.path = Some(to.clone());
            editor.stamp = None;
            editor.form.meta.id = io::profile_id(to);
        }
        let profile = match editor.validate(&self.ws.catalog, &taken) {
            Ok(p) => p,
            Err(n) => {
                self.notify_about(Topic::Profile, (texts(lang).profile_to_fix)(n), true);
                return Saved::No;
            }
        };
        let path = editor
            .path
            .clone()
            .unwrap_or_else(|| self.ws.path_for(&profile.id));
        let expected = if force {
            io::FileStamp::now(&path)
        } else {
            editor.stamp
        };
        let stamp = match io::save_profile_checked(&path, &profile, &self.ws.catalog, expected.as_ref()) {
            Ok(stamp) => stamp,
            Err(io::SaveError::Changed(_)) => return Saved::Conflict,
            Err(io::SaveError::File(e)) => {
                self.notify_about(Topic::Profile, (texts(lang).save_failed)(&e.text(lang)), true);
                return Saved::No;
            }
        };
        self.settled(Topic::Profile);
        self.notify((texts(lang).saved)(&path.display()), false);
        let keep = self.selection_ids();
        let zone = self.ws.upsert(profile.clone(), path.clone(), stamp);
        if let Some(editor) = &mut self.editor {
            editor.mark_saved(&self.ws.catalog, &profile, zone, path, stamp);
        }
        self.restore_selection(keep);
        self.rescore = true;
        Saved::Yes
    }

    /// Saves the profile being edited under a file name the user picks (a new zone).
    fn save_profile_as(&mut self) -> Saved {
        let lang = self.lang();
        let name = self
            .editor
            .as_ref()
            .map_or_else(String::new, |e| format!("{}-2.ron", e.form.meta.id));
        let dir = self.ws.dir.clone();
        match self.dialogs.save_file(FileKind::Profile, Some(&dir), &name, lang) {
            Some(path) => self.save_profile(false, Some(path)),
            None => Saved::No,
        }
    }

    /// Moves a zone's file aside (as `.bak`) and takes the zone off the list.
    pub(super) fn delete_profile(&mut self, zone: ZoneIdx) {
        let Some(path) = self.ws.zone(zone).map(|z| z.path.clone()) else {
            return;
        };
        match io::retire(&path) {
            Ok(backup) => {
                let keep = self.selection_ids();
                self.ws.remove(zone);
                self.editor = None;
                self.restore_selection(keep);
                self.rescore = true;
                self.notify((texts(self.lang()).deleted)(&backup.display()), false);
            }
            Err(e) => self.notify_error(&e),
        }
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
