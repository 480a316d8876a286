//! The desktop app: a few owned parts, each with its own file and methods (the documents and
//! their ranking in [`docs`], what the window shows in [`views`], reserve planning in
//! [`planning`], the notices, the background jobs, the surroundings in [`env`], the recovery
//! of unsaved work), drawn each frame; the commands the panels return are routed to them in
//! [`SiteMatchApp::apply`] after drawing. File work is in [`documents`] and [`export`]; the
//! questions that guard unsaved work are the [`Session`] state machine, whose effects
//! [`SiteMatchApp::run`] carries out.

mod accessors;
pub mod dialogs;
mod docs;
mod documents;
mod env;
mod export;
mod frame;
mod history;
mod imports;
mod inbox;
mod jobs;
mod native;
mod notices;
mod planning;
mod recovery;
mod texts;
mod views;

use std::path::PathBuf;

use egui::Context;
use jiff::civil::Date;

pub use native::{StartWith, run_native};
pub use recovery::{CrashSnapshot, install_panic_hook, write_crash_snapshot};

use dialogs::FileDialogs;
use docs::Docs;
use env::Env;
use jobs::{FolderLoad, Loads, Runner};
use notices::Notices;
use planning::Planning;
use texts::TEXTS;
use views::Views;

use crate::io::recovery::RecoveryStore;
use crate::model::{Catalog, Lang, Localize};
use crate::state::profile_edit::ProfileEditor;
use crate::state::session::{Dirty, Doc, Effect, Pending, SaveMode, Session};
use crate::state::settings::{Recovery, Settings};
use crate::state::workspace::Workspace;
use crate::state::{Command, Tab, Topic};

/// What the app starts from.
pub struct AppInit {
    pub catalog: Catalog,
    pub profiles_dir: PathBuf,
    /// The checklist to open; a new one from the template when `None` or unreadable.
    pub checklist: Option<PathBuf>,
    pub settings: Settings,
    pub recovery: Option<Recovery>,
    pub dialogs: Box<dyn FileDialogs>,
    pub today: Date,
    /// Load folders and run jobs on worker threads, repainting this context as they finish;
    /// `None` runs them at once (tests).
    pub background: Option<egui::Context>,
    /// Where unsaved work is kept for recovery.
    pub recovery_store: Option<RecoveryStore>,
    /// The folder of sample checklists the start page offers.
    pub samples_dir: Option<PathBuf>,
    /// The officer's SiteMatch folder, which the About window shows; `None` when there is none.
    pub data_dir: Option<PathBuf>,
    /// The file the log goes to, which the About window shows; `None` for standard error.
    pub log_file: Option<PathBuf>,
}

/// The SiteMatch desktop app.
pub struct SiteMatchApp {
    docs: Docs,
    views: Views,
    planning: Planning,
    notices: Notices,
    settings: Settings,
    /// The questions that guard unsaved work.
    session: Session,
    env: Env,
    recovery: recovery::Keeper,
    /// The folders being read.
    loads: Loads,
    /// The report's worker jobs (layout, printing, the fonts' check of the names shown).
    report: export::ReportJobs,
    /// The import under review and its jobs.
    imports: imports::Imports,
    /// Commands that open a file dialog, held for the frames it takes the menu they came from
    /// to be drawn closed: a dialog blocks the window, which keeps showing its last frame.
    deferred: Vec<(Command, u8)>,
}

impl SiteMatchApp {
    pub fn new(init: AppInit) -> Self {
        let runner = Runner::new(init.background);
        let mut loads = Loads::default();
        let (ws, folder_error) = if runner.in_background() {
            let load = FolderLoad::start(&runner, init.catalog.clone(), init.profiles_dir.clone());
            loads.folder = Some(load);
            (Workspace::empty(init.catalog, &init.profiles_dir), None)
        } else {
            Workspace::load(init.catalog, &init.profiles_dir)
        };
        loads.samples = init
            .samples_dir
            .map(|dir| jobs::list_samples(&runner, ws.catalog.clone(), dir));
        let mut app = SiteMatchApp {
            docs: Docs::new(ws, init.today),
            views: Views::default(),
            planning: Planning::default(),
            notices: Notices::default(),
            settings: init.settings,
            session: Session::new(init.recovery),
            env: Env::new(init.dialogs, runner, init.data_dir, init.log_file),
            recovery: recovery::Keeper::new(init.recovery_store),
            loads,
            report: export::ReportJobs::default(),
            imports: imports::Imports::default(),
            deferred: Vec::new(),
        };
        if let Some(e) = folder_error {
            app.notify_error(&e);
        }
        app.report_load_errors();
        // The names the zones and the checklist show, once they have loaded.
        app.report.glyphs_due();
        app.poll_loads();
        app.reread_projects();
        if let Some(path) = init.checklist
            && app.open_checklist_file(path)
        {
            app.views.set_tab(Tab::Results);
        }
        // Work to restore is offered first; the start page waits behind the question.
        app.docs.rescore();
        app
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Shows a library error in the app's language.
    pub fn notify_error(&mut self, e: &dyn Localize) {
        let text = e.text(self.lang());
        self.notify(text, true);
    }

    /// Shows a message once: the same text is not stacked twice.
    pub fn notify(&mut self, text: String, is_error: bool) {
        self.notices.push(Topic::Other, text, is_error);
    }

    /// Which documents hold unsaved work.
    pub fn dirty(&self) -> Dirty {
        Dirty {
            checklist: self.docs.doc().is_dirty(),
            profile: self.docs.editor().is_some_and(ProfileEditor::is_dirty),
        }
    }

    /// Whether any document holds unsaved work.
    pub fn has_unsaved(&self) -> bool {
        let dirty = self.dirty();
        dirty.checklist || dirty.profile
    }

    /// The window title: the checklist's name, starred when anything is unsaved.
    pub fn window_title(&self) -> String {
        let star = if self.has_unsaved() { " *" } else { "" };
        (TEXTS.get(self.lang()).window_title)(&self.docs.doc().title(self.lang()), star)
    }

    /// Draws the whole app into `ui` and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.views.apply_style(&ctx, &self.settings);
        self.poll_loads();
        self.poll_imports(&ctx);
        self.poll_report_jobs(&ctx);
        let asking = self.session.is_asking() || self.views.about_open() || self.imports.inquiry.is_some();
        let mut commands = if asking {
            Vec::new()
        } else {
            self.views.shortcuts(&ctx, self.docs.editor().is_some())
        };
        self.watch_close(&ctx);
        self.take_dropped(&ctx);
        commands.extend(self.panels_ui(ui));
        let asking = self.session.is_asking() || self.views.about_open();
        self.views.question_shown(&ctx, asking);
        commands.extend(self.windows_ui(&ctx));

        let before = self.recovery.wanted().then(|| self.docs.doc().checklist.clone());
        self.apply_all(&ctx, commands);
        if before.is_some_and(|b| b != self.docs.doc().checklist) {
            self.refresh_crash_snapshot();
        }
        if self.docs.rescore() {
            self.views.report_mut().stale = true;
            // The panels were drawn before the new ranking: show it without waiting for input.
            ctx.request_repaint();
        }
        self.env.report_first_frame();
        let title = self.window_title();
        self.views.set_title(&ctx, title);
    }

    /// Applies one command: routes it to the part it is for.
    pub fn apply(&mut self, ctx: &Context, command: Command) {
        match command {
            Command::NewChecklist => self.request(ctx, Pending::NewChecklist),
            Command::OpenChecklist(path) => self.request(ctx, Pending::OpenChecklist(path)),
            Command::SaveChecklist => self.save(ctx, Doc::Checklist, SaveMode::Normal),
            Command::SaveChecklistAs => self.save(ctx, Doc::Checklist, SaveMode::As),
            Command::OpenProfilesFolder => self.request(ctx, Pending::OpenProfilesFolder(None)),
            Command::Reload => self.request(ctx, Pending::Reload),
            Command::Quit => self.request(ctx, Pending::Quit),
            Command::ItemEdited(f) => self.docs.edit_item(f),
            Command::HeaderEdited => self.docs.edit_header(),
            Command::ShowZone(zone) => self.views.show_zone(zone),
            Command::SelectProfile(zone) => {
                if self.docs.editor().and_then(|e| e.zone) != Some(zone) {
                    self.request(ctx, Pending::SelectProfile(zone));
                }
                self.views.set_tab(Tab::Zones);
            }
            Command::OpenFigure(zone, factor) => {
                match self.docs.editor_mut() {
                    Some(editor) if editor.zone == Some(zone) => editor.focus_on(factor),
                    _ => self.request(ctx, Pending::OpenFigure(zone, factor)),
                }
                self.views.set_tab(Tab::Zones);
            }
            Command::NewProfile => self.request(ctx, Pending::NewProfile),
            Command::ProfileEdited(field) => self.docs.check_profile_field(field),
            Command::SaveProfile => self.save(ctx, Doc::Profile, SaveMode::Normal),
            Command::RevertProfile => {
                if let Some(editor) = self.docs.editor_mut() {
                    editor.revert();
                }
            }
            Command::DeleteProfile => {
                if let Some(zone) = self.docs.editor().and_then(|e| e.zone) {
                    self.session.confirm_delete(zone);
                }
            }
            Command::RefreshPreview => self.refresh_preview(ctx),
            Command::ExportPdf => self.export_pdf(ctx),
            Command::ExportDocx => self.export_docx(),
            Command::PrintReport => self.print_report(ctx),
            Command::ExportXlsx => self.export_xlsx(),
            Command::ImportSurvey => self.request(ctx, Pending::ImportSurvey(None)),
            Command::PasteInquiry => self.open_inquiry(String::new()),
            Command::InquiryEdited => {
                if let Some(paste) = &mut self.imports.inquiry {
                    paste.redraft(self.docs.catalog());
                }
            }
            Command::InquiryCreate => {
                let catalog = self.docs.catalog().clone();
                if let Some(list) = self.imports.inquiry.as_mut().and_then(|p| p.checklist(&catalog)) {
                    self.request(ctx, Pending::NewFromInquiry(Box::new(list)));
                }
            }
            Command::InquiryClose => self.imports.inquiry = None,
            Command::ExportSurvey => self.export_survey(),
            Command::ExportUpdateSheet(filter) => self.export_update_sheet(&filter),
            Command::ImportInventory => self.import_inventory(),
            Command::ReviewReadAsOf => self.review_read_as_of(),
            Command::ReviewDecide(d) => {
                if let Some(review) = &mut self.imports.review {
                    review.decide(d);
                    self.imports.confirm_close = false;
                }
            }
            Command::ReviewSave => self.review_save(),
            Command::ReviewClose => self.review_close(),
            Command::PlanZone(id) => {
                self.settings.planning_zone = Some(id);
                self.replan();
            }
            Command::PlanFolder => self.pick_projects_folder(),
            Command::PlanRefresh => self.reread_projects(),
            Command::ShowAbout => self.views.set_about(true),
            Command::CloseAbout => self.views.set_about(false),
            Command::OpenFolder(dir) => {
                if let Err(e) = crate::io::desktop::open_folder(&dir) {
                    self.notify_error(&e);
                }
            }
            Command::Undo | Command::Redo
                if self.views.tab() == Tab::Zones && self.imports.review.is_some() =>
            {
                if let Some(review) = &mut self.imports.review {
                    if command == Command::Undo {
                        review.undo();
                    } else {
                        review.redo();
                    }
                }
            }
            Command::Undo => self.docs.undo_redo(self.views.tab() == Tab::Zones, true),
            Command::Redo => self.docs.undo_redo(self.views.tab() == Tab::Zones, false),
            Command::SetLang(lang) => {
                let changed = self.settings.lang != lang;
                self.settings.lang = lang;
                // The planning results hold their texts in the language they were made in.
                if changed && self.planning.state().result.is_some() {
                    self.replan();
                }
            }
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::SetZoom(zoom) => self.settings.zoom = zoom,
            Command::Answer(answer) => {
                let effects = self.session.answer(answer, self.dirty());
                self.run(ctx, effects);
            }
            Command::DismissNotice(i) => self.notices.dismiss(i),
        }
    }

    /// What undo and redo would do in the document in view, in words.
    fn undo_redo_texts(&self) -> (Option<String>, Option<String>) {
        let (catalog, lang) = (self.docs.catalog(), self.lang());
        match self.docs.editor() {
            Some(editor) if self.views.tab() == Tab::Zones => (
                editor.history.undo_target().map(|t| t.text(catalog, lang)),
                editor.history.redo_target().map(|t| t.text(catalog, lang)),
            ),
            _ => {
                let history = &self.docs.doc().history;
                (
                    history.undo_target().map(|t| t.text(catalog, lang)),
                    history.redo_target().map(|t| t.text(catalog, lang)),
                )
            }
        }
    }

    /// Runs an action, first asking about unsaved work it would replace.
    fn request(&mut self, ctx: &Context, action: Pending) {
        let effects = self.session.request(action, self.dirty());
        self.run(ctx, effects);
    }

    /// Saves a document as the user asked (Ctrl+S, Save as…).
    fn save(&mut self, ctx: &Context, doc: Doc, mode: SaveMode) {
        let effects = self.session.save(doc, mode);
        self.run(ctx, effects);
    }

    /// Carries out what the session asks, in order; a save reports back and may lead on.
    fn run(&mut self, ctx: &Context, effects: Vec<Effect>) {
        let mut queue = std::collections::VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Perform(action) => self.perform(ctx, action),
                Effect::Save { doc, mode, then } => {
                    let outcome = self.save_doc(doc, mode);
                    queue.extend(self.session.saved(doc, outcome, then, self.dirty()));
                }
                Effect::Reload(doc) => self.reload_from_disk(doc),
                Effect::Discard(Doc::Profile) => {
                    self.docs.set_editor(None);
                    self.notices.settle(Topic::Profile);
                }
                // The checklist is replaced by the action that follows.
                Effect::Discard(Doc::Checklist) => {}
                Effect::Delete(zone) => self.delete_profile(zone),
                Effect::Restore(recovery) => self.restore(recovery),
                Effect::ForgetRecovery => self.forget_recovery(),
            }
        }
    }
}

impl eframe::App for SiteMatchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let now = crate::io::clock::now().strftime("%Y-%m-%d %H:%M").to_string();
        self.persist(storage, &now);
    }
}
