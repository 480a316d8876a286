//! What comes in from outside the dialogs: an investor's message pasted into the drafting
//! dialog, and files or folders dropped on the window, each opened by what it holds
//! (`io::dropped`): a checklist, a zone profile (copied into the zones folder), a survey, an
//! inventory workbook (for review), a message (into the drafting dialog), a folder of zones or
//! of pending projects. Anything else is named and refused.

use std::path::PathBuf;

use egui::Context;

use super::SiteMatchApp;
use super::texts::TEXTS;
use crate::io::{self, dropped::Dropped};
use crate::state::inquiry_paste::InquiryPaste;
use crate::state::{Pending, Tab};

impl SiteMatchApp {
    /// Opens the drafting dialog on a message.
    pub(super) fn open_inquiry(&mut self, text: String) {
        let paste = InquiryPaste::new(text, self.docs.catalog(), self.docs.today());
        self.imports.inquiry = Some(paste);
    }

    /// Opens what was dropped on the window this frame, each file in turn.
    pub(super) fn take_dropped(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if dropped.is_empty() || self.session.is_asking() {
            return;
        }
        for path in dropped {
            let what = io::dropped::classify(&path);
            self.open_dropped(ctx, what);
        }
    }

    fn open_dropped(&mut self, ctx: &Context, what: Dropped) {
        match what {
            Dropped::Checklist(path) => self.request(ctx, Pending::OpenChecklist(Some(path))),
            Dropped::Survey(path) => self.request(ctx, Pending::ImportSurvey(Some(path))),
            Dropped::InventoryWorkbook(path) => self.import_inventory_file(path),
            Dropped::Inquiry { text, .. } => self.open_inquiry(text),
            Dropped::ProfilesFolder(dir) => {
                self.settings.profiles_dir = Some(dir.clone());
                self.request(ctx, Pending::OpenProfilesFolder(Some(dir)));
            }
            Dropped::ChecklistsFolder(dir) => {
                self.settings.planning_dir = Some(dir);
                self.reread_projects();
                self.views.set_tab(Tab::Planning);
            }
            Dropped::Profile(path) => self.add_dropped_zone(ctx, path),
            refused @ Dropped::Refused { .. } => self.notify_error(&refused),
        }
    }

    /// A profile dropped: the zone itself when it is a file of the zones folder, else copied
    /// into the folder (never over a file there) and the folder read again.
    fn add_dropped_zone(&mut self, ctx: &Context, path: PathBuf) {
        let lang = self.lang();
        let same = |a: &std::path::Path, b: &std::path::Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        let known = self
            .docs
            .ws()
            .zones
            .iter()
            .position(|z| same(&z.path, &path))
            .map(crate::model::ZoneIdx::new);
        if let Some(zone) = known {
            self.request(ctx, Pending::SelectProfile(zone));
            self.views.set_tab(Tab::Zones);
            return;
        }
        let dir = self.docs.ws().dir.clone();
        let Some(name) = path.file_name() else { return };
        let target = dir.join(name);
        let bytes = match io::read_bytes(&path) {
            Ok(b) => b,
            Err(e) => return self.notify_error(&e),
        };
        if let Err(e) = io::load_profile(&path, self.docs.catalog()) {
            return self.notify_error(&e);
        }
        match io::create_new(&target, &bytes) {
            Ok(()) => {
                self.notify((TEXTS.get(lang).zone_added)(&target.display()), false);
                self.views.set_tab(Tab::Zones);
                self.request(ctx, Pending::Reload);
            }
            Err(e) if e.problem == io::FileProblem::Exists => {
                self.notify((TEXTS.get(lang).zone_file_exists)(&target.display()), true);
            }
            Err(e) => self.notify_error(&e),
        }
    }
}
