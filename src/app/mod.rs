//! The desktop app: a few owned parts, each with its own file and methods (the documents and
//! their ranking in [`docs`], what the window shows in [`views`], reserve planning in
//! [`planning`], the notices, the background jobs, the surroundings in [`env`], the recovery
//! of unsaved work), drawn each frame; the commands the panels return are routed to them in
//! [`SiteMatchApp::apply`] after drawing. File work is in [`documents`] and [`export`]; the
//! questions that guard unsaved work are the [`Session`] state machine, whose effects
//! [`SiteMatchApp::run`] carries out.

pub mod dialogs;
mod docs;
mod documents;
mod env;
mod export;
mod jobs;
mod native;
mod notices;
mod planning;
mod recovery;
mod texts;
mod views;

use std::path::PathBuf;

use egui::{Context, ViewportCommand};
use jiff::civil::Date;

pub use native::{StartWith, run_native};
pub use recovery::{CrashSnapshot, install_panic_hook, write_crash_snapshot};

use dialogs::FileDialogs;
use docs::Docs;
use env::Env;
use jobs::{FolderLoad, Loads, Runner};
use notices::Notices;
use planning::Planning;
use texts::texts;
use views::{ViewData, Views};

use crate::io::recovery::RecoveryStore;
use crate::model::{Catalog, Lang, Localize};
use crate::state::checklist_doc::ChecklistDoc;
use crate::state::profile_edit::ProfileEditor;
use crate::state::session::{Dirty, Doc, Effect, Pending, SaveMode, Session};
use crate::state::settings::{Recovery, Settings};
use crate::state::workspace::{Results, Workspace};
use crate::state::{Command, Notice, Tab, Topic};
use crate::ui::about::{AboutData, about_ui};
use crate::ui::prompts::{modal_ui, notices_ui};
use crate::ui::report_view::ReportState;
use crate::ui::results_view::ResultsState;
use crate::ui::status_bar::{StatusData, loading_bar_ui, status_bar_ui};
use crate::ui::top_bar::{TopBarData, top_bar_ui};

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
        (texts(self.lang()).window_title)(&self.docs.doc().title(self.lang()), star)
    }

    /// Draws the whole app into `ui` and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.views.apply_style(&ctx, &self.settings);
        self.poll_loads();
        self.poll_report_jobs(&ctx);
        let asking = self.session.is_asking() || self.views.about_open();
        let mut commands = if asking {
            Vec::new()
        } else {
            self.views.shortcuts(&ctx, self.docs.editor().is_some())
        };
        self.watch_close(&ctx);
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

    /// The bars around the view and the view of the current tab.
    fn panels_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        egui::Panel::top("top bar").show(ui, |ui| {
            let (undo, redo) = self.undo_redo_texts();
            let data = TopBarData {
                lang,
                dark: self.settings.dark,
                zoom: self.settings.zoom,
                recent: &self.settings.recent,
                undo,
                redo,
            };
            let mut tab = self.views.tab();
            commands.extend(top_bar_ui(ui, &mut tab, &data));
            self.views.set_tab(tab);
        });
        if let Some(load) = &self.loads.folder {
            let (done, total) = load.progress();
            egui::Panel::top("loading").show(ui, |ui| loading_bar_ui(ui, done, total, lang));
        }
        let checklist_ok = self.docs.doc().form.error_count() == 0;
        if checklist_ok && self.notices.is_about(Topic::ChecklistInput) {
            self.notices.settle(Topic::ChecklistInput);
        }
        if self.notices.age(ui.ctx().input(|i| i.time)) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
        if self.notices.has_errors() {
            egui::Panel::top("notices")
                .show(ui, |ui| commands.extend(notices_ui(ui, self.notices.all(), lang)));
        }
        egui::Panel::bottom("status bar").show(ui, |ui| {
            let ws = self.docs.ws();
            let data = StatusData {
                lang,
                zones: ws.zones.len(),
                failed: ws.errors.len(),
                zones_dir: &ws.dir,
                checklist: self.docs.doc().path.as_deref(),
                unsaved: self.docs.doc().is_dirty(),
                news: self.notices.latest_news(),
            };
            status_bar_ui(ui, &data);
        });
        let data = ViewData {
            lang,
            planning: self.planning.state(),
            loading: self.loads.folder.is_some(),
        };
        commands.extend(self.views.view_ui(ui, &mut self.docs, &mut self.settings, &data));
        commands
    }

    /// The question being asked, or the About window.
    fn windows_ui(&mut self, ctx: &Context) -> Vec<Command> {
        let lang = self.lang();
        if let Some(modal) = self.session.modal() {
            let zone_name = match modal {
                crate::state::Modal::ConfirmDelete { zone } => {
                    self.docs.ws().profile(*zone).map(|p| p.name.get(lang))
                }
                _ => None,
            };
            modal_ui(ctx, modal, lang, zone_name).into_iter().collect()
        } else if self.views.about_open() {
            let ws = self.docs.ws();
            let data = AboutData {
                lang,
                data_dir: self.env.data_dir().unwrap_or(&ws.dir),
                zones_dir: &ws.dir,
                log_file: self.env.log_file(),
            };
            about_ui(ctx, &data)
        } else {
            Vec::new()
        }
    }

    /// Applies the commands of this frame; one that opens a file dialog waits a frame, for
    /// the menu it came from to be drawn closed.
    fn apply_all(&mut self, ctx: &Context, commands: Vec<Command>) {
        let (due, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .partition(|(_, frames)| *frames == 0);
        self.deferred = waiting.into_iter().map(|(c, frames)| (c, frames - 1)).collect();
        for (c, _) in due {
            self.apply(ctx, c);
        }
        for c in commands {
            if !opens_dialog(&c) {
                self.apply(ctx, c);
            } else if !self.deferred.iter().any(|(d, _)| *d == c) {
                self.deferred.push((c, 1));
            }
        }
        if !self.deferred.is_empty() {
            ctx.request_repaint();
        }
    }

    /// Holds a window close while there is unsaved work and asks about it.
    fn watch_close(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.env.quit_requested() && self.has_unsaved() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if !self.session.is_asking() {
                self.request(ctx, Pending::Quit);
            }
        }
    }

    /// Applies one command: routes it to the part it is for.
    pub fn apply(&mut self, ctx: &Context, command: Command) {
        match command {
            Command::NewChecklist => self.request(ctx, Pending::NewChecklist),
            Command::OpenChecklist(path) => self.request(ctx, Pending::OpenChecklist(path)),
            Command::SaveChecklist => self.save(ctx, Doc::Checklist, SaveMode::Normal),
            Command::SaveChecklistAs => self.save(ctx, Doc::Checklist, SaveMode::As),
            Command::OpenProfilesFolder => self.request(ctx, Pending::OpenProfilesFolder),
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
            Command::ImportSurvey => self.request(ctx, Pending::ImportSurvey),
            Command::ExportSurvey => self.export_survey(),
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

    // What tests and the window read of the app.

    pub fn ws(&self) -> &Workspace {
        self.docs.ws()
    }

    pub fn doc(&self) -> &ChecklistDoc {
        self.docs.doc()
    }

    pub fn editor(&self) -> Option<&ProfileEditor> {
        self.docs.editor()
    }

    pub fn results(&self) -> &Results {
        self.docs.results()
    }

    pub fn tab(&self) -> Tab {
        self.views.tab()
    }

    /// Switches the view, as the tab bar does.
    pub fn set_tab(&mut self, tab: Tab) {
        self.views.set_tab(tab);
    }

    pub fn shows_start(&self) -> bool {
        self.views.shows_start()
    }

    pub fn results_view(&self) -> &ResultsState {
        self.views.results()
    }

    /// The results view's selection and sorting, as a click in it would set them.
    pub fn results_view_mut(&mut self) -> &mut ResultsState {
        self.views.results_mut()
    }

    pub fn report_view(&self) -> &ReportState {
        self.views.report()
    }

    pub fn notices(&self) -> &[Notice] {
        self.notices.all()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings, as the menus change them.
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn quit_requested(&self) -> bool {
        self.env.quit_requested()
    }

    /// When the window was asked for, to time the first frame.
    pub fn set_launched(&mut self, at: std::time::Instant) {
        self.env.set_launched(at);
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

/// Whether a command may open a file dialog (which blocks the window while it is up).
fn opens_dialog(c: &Command) -> bool {
    matches!(
        c,
        Command::OpenChecklist(None)
            | Command::SaveChecklist
            | Command::SaveChecklistAs
            | Command::OpenProfilesFolder
            | Command::ImportSurvey
            | Command::ExportSurvey
            | Command::ExportPdf
            | Command::ExportXlsx
            | Command::PlanFolder
    )
}
