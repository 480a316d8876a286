//! The desktop app: owns the [`state`](crate::state), draws the panels of [`ui`](crate::ui)
//! each frame and applies the commands they return after drawing. Rescoring happens here,
//! once per frame at most; file work is in [`documents`] and [`export`], the questions that
//! guard unsaved work are the [`Session`] state machine, whose effects [`SiteMatchApp::run`]
//! carries out.

pub mod dialogs;
mod documents;
mod export;
mod loading;
mod native;
mod planning;
mod recovery;
mod texts;

use std::path::PathBuf;

use egui::{Context, ViewportCommand};
use jiff::civil::Date;

pub use native::{StartWith, run_native};
pub use recovery::{CrashSnapshot, install_panic_hook, write_crash_snapshot};

use dialogs::FileDialogs;
use loading::FolderLoad;
use texts::texts;

use crate::io::recovery::RecoveryStore;
use crate::model::{Catalog, FactorIdx, Lang, Localize};
use crate::state::checklist_doc::ChecklistDoc;
use crate::state::profile_edit::ProfileEditor;
use crate::state::session::{Dirty, Doc, Effect, Pending, SaveMode, Session};
use crate::state::settings::{Recovery, Settings};
use crate::state::workspace::{Results, Workspace};
use crate::state::{Command, Notice, PlanningState, Tab, Topic};
use crate::ui::about::{AboutData, about_ui};
use crate::ui::checklist_view::{ChecklistData, checklist_view_ui};
use crate::ui::planning_view::{PlanningData, planning_view_ui};
use crate::ui::prompts::{modal_ui, notices_ui};
use crate::ui::report_view::{ReportData, ReportState, report_view_ui};
use crate::ui::results_view::{ResultsData, ResultsState, results_view_ui};
use crate::ui::start_view::{Sample, StartData, start_view_ui};
use crate::ui::status_bar::{StatusData, loading_bar_ui, status_bar_ui};
use crate::ui::theme;
use crate::ui::top_bar::{self, TopBarData, top_bar_ui};
use crate::ui::zones_view::{ZonesData, zones_view_ui};

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
    /// Load the zones on a worker thread, repainting this context as files finish; `None`
    /// loads them before the app starts (tests, small folders).
    pub background: Option<egui::Context>,
    /// Where unsaved work is kept for recovery.
    pub recovery_store: Option<RecoveryStore>,
    /// The folder of sample checklists the start page offers.
    pub samples_dir: Option<PathBuf>,
    /// The officer's SiteMatch folder, which the About window shows; `None` when there is none.
    pub data_dir: Option<PathBuf>,
}

/// The SiteMatch desktop app.
pub struct SiteMatchApp {
    pub ws: Workspace,
    pub doc: ChecklistDoc,
    pub results: Results,
    pub editor: Option<ProfileEditor>,
    pub tab: Tab,
    pub results_view: ResultsState,
    pub report_view: ReportState,
    pub planning: PlanningState,
    pub settings: Settings,
    /// The questions that guard unsaved work.
    pub session: Session,
    pub notices: Vec<Notice>,
    /// The checklist view shows the start page until a checklist is begun or opened.
    pub show_start: bool,
    /// The About window is open.
    pub show_about: bool,
    /// A question or window was over the app last frame (to move the keyboard focus off the
    /// field below when one opens or closes).
    was_asking: bool,
    /// The sample checklists the start page offers.
    samples: Vec<Sample>,
    /// The officer's SiteMatch folder (About); `None` when there is none.
    data_dir: Option<PathBuf>,
    /// Commands that open a file dialog, held for the frames it takes the menu they came from
    /// to be drawn closed: a dialog blocks the window, which keeps showing its last frame.
    deferred: Vec<(Command, u8)>,
    /// A folder of zones still loading.
    loading: Option<FolderLoad>,
    /// Whether folders load on a worker thread (the window) or at once (tests).
    background_loads: bool,
    /// Where unsaved work is kept between runs; `None` keeps nothing (tests that do not ask).
    pub recovery_store: Option<RecoveryStore>,
    /// The working checklist as the panic hook will write it to the recovery store.
    pub crash_snapshot: Option<CrashSnapshot>,
    /// When the window was asked for; the time to the first frame is printed when the
    /// `SITEMATCH_TIMING` environment variable is set.
    pub launched: Option<std::time::Instant>,
    /// Set once the app has decided to close (saved or discarded everything).
    pub quit_requested: bool,
    dialogs: Box<dyn FileDialogs>,
    today: Date,
    /// Everything must be scored afresh at the end of the frame.
    rescore: bool,
    /// Factors edited since the last scoring, when nothing else asked for a full rescore.
    edited: Vec<FactorIdx>,
    title: String,
    style: Option<(bool, f32)>,
    /// The report's worker jobs (layout, printing, the fonts' check of the names shown).
    jobs: export::ReportJobs,
    /// The names shown must be checked against the fonts (a folder or checklist was loaded).
    check_glyphs: bool,
}

impl SiteMatchApp {
    pub fn new(init: AppInit) -> Self {
        let background_loads = init.background.is_some();
        let (ws, folder_error, loading) = match init.background {
            Some(ctx) => {
                let load = FolderLoad::start(init.catalog.clone(), init.profiles_dir.clone(), move || {
                    ctx.request_repaint()
                });
                (
                    Workspace::empty(init.catalog, &init.profiles_dir),
                    None,
                    Some(load),
                )
            }
            None => {
                let (ws, e) = Workspace::load(init.catalog, &init.profiles_dir);
                (ws, e, None)
            }
        };
        let samples = init
            .samples_dir
            .as_deref()
            .map(|dir| samples_in(dir, &ws.catalog))
            .unwrap_or_default();
        let mut app = SiteMatchApp {
            loading,
            background_loads,
            launched: None,
            recovery_store: init.recovery_store,
            crash_snapshot: None,
            doc: ChecklistDoc::template(&ws.catalog),
            results: Results::default(),
            editor: None,
            tab: Tab::Checklist,
            results_view: ResultsState::default(),
            report_view: ReportState::default(),
            planning: PlanningState::default(),
            settings: init.settings,
            session: Session::new(init.recovery),
            notices: Vec::new(),
            show_start: true,
            show_about: false,
            was_asking: false,
            deferred: Vec::new(),
            samples,
            data_dir: init.data_dir,
            quit_requested: false,
            dialogs: init.dialogs,
            today: init.today,
            rescore: true,
            edited: Vec::new(),
            title: String::new(),
            style: None,
            jobs: export::ReportJobs::default(),
            check_glyphs: true,
            ws,
        };
        if let Some(e) = folder_error {
            app.notify_error(&e);
        }
        app.report_load_errors();
        app.replan();
        if let Some(path) = init.checklist
            && app.open_checklist_file(path)
        {
            app.tab = Tab::Results;
        }
        // Work to restore is offered first; the start page waits behind the question.
        app.rescore_now();
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
        self.notify_about(Topic::Other, text, is_error);
    }

    /// Shows a message about `topic`, which [`Self::settled`] takes away.
    pub fn notify_about(&mut self, topic: Topic, text: String, is_error: bool) {
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice {
                text,
                is_error,
                topic,
                since: None,
            });
        }
    }

    /// What the notices about `topic` complained of is fixed or saved: they go.
    pub fn settled(&mut self, topic: Topic) {
        self.notices.retain(|n| n.topic != topic);
    }

    /// Starts the clock of news drawn for the first time, drops news shown long enough, and
    /// drops the checklist's complaint once its input can all be taken.
    fn age_notices(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if self.notices.iter().any(|n| n.topic == Topic::ChecklistInput) && self.doc.form.error_count() == 0 {
            self.settled(Topic::ChecklistInput);
        }
        for n in &mut self.notices {
            n.since.get_or_insert(now);
        }
        self.notices.retain(|n| !n.expired(now));
        if self.notices.iter().any(|n| !n.is_error) {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    fn rescore_now(&mut self) {
        self.results = Results::compute(&self.ws.catalog, &self.doc.checklist, &self.ws.zones, self.today);
        self.rescore = false;
        self.edited.clear();
    }

    /// Scores what changed: everything, or only the one factor edited this frame.
    fn rescore_changed(&mut self) {
        match self.edited.as_slice() {
            [factor] if !self.rescore => {
                let factor = *factor;
                self.results
                    .rescore_factor(&self.ws.catalog, &self.doc.checklist, &self.ws.zones, factor);
                self.edited.clear();
            }
            _ => self.rescore_now(),
        }
    }

    /// Which documents hold unsaved work.
    pub fn dirty(&self) -> Dirty {
        Dirty {
            checklist: self.doc.is_dirty(),
            profile: self.editor.as_ref().is_some_and(ProfileEditor::is_dirty),
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
        (texts(self.lang()).window_title)(&self.doc.title(self.lang()), star)
    }

    /// Draws the whole app into `ui` and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_style(&ctx);
        if let Some((ws, error)) = self.loading.as_mut().and_then(FolderLoad::try_finish) {
            self.loading = None;
            self.install_workspace(ws, error);
        }
        if self.check_glyphs && self.loading.is_none() {
            self.check_glyphs = false;
            self.check_glyphs(&ctx);
        }
        self.poll_report_jobs(&ctx);
        let mut commands = self.shortcuts(&ctx);
        self.watch_close(&ctx);
        let lang = self.lang();

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
            commands.extend(top_bar_ui(ui, &mut self.tab, &data));
        });
        if let Some(load) = &self.loading {
            let (done, total) = load.progress();
            egui::Panel::top("loading").show(ui, |ui| loading_bar_ui(ui, done, total, lang));
        }
        self.age_notices(ui.ctx());
        if self.notices.iter().any(|n| n.is_error) {
            egui::Panel::top("notices").show(ui, |ui| commands.extend(notices_ui(ui, &self.notices, lang)));
        }
        egui::Panel::bottom("status bar").show(ui, |ui| {
            let data = StatusData {
                lang,
                zones: self.ws.zones.len(),
                failed: self.ws.errors.len(),
                zones_dir: &self.ws.dir,
                checklist: self.doc.path.as_deref(),
                unsaved: self.doc.is_dirty(),
                news: self
                    .notices
                    .iter()
                    .rev()
                    .find(|n| !n.is_error)
                    .map(|n| n.text.as_str()),
            };
            status_bar_ui(ui, &data);
        });
        commands.extend(self.view_ui(ui, lang));
        let asking = self.session.is_asking() || self.show_about;
        if asking != self.was_asking {
            // A field below keeps no focus while a question is open, nor gets it back with
            // the key that closed it.
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
            self.was_asking = asking;
        }
        if let Some(modal) = self.session.modal() {
            let zone_name = match modal {
                crate::state::Modal::ConfirmDelete { zone } => {
                    self.ws.profile(*zone).map(|p| p.name.get(lang))
                }
                _ => None,
            };
            commands.extend(modal_ui(&ctx, modal, lang, zone_name));
        } else if self.show_about {
            let data = AboutData {
                lang,
                data_dir: self.data_dir.as_deref().unwrap_or(&self.ws.dir),
                zones_dir: &self.ws.dir,
            };
            commands.extend(about_ui(&ctx, &data));
        }

        let before = self.crash_snapshot.is_some().then(|| self.doc.checklist.clone());
        let (due, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .partition(|(_, frames)| *frames == 0);
        self.deferred = waiting.into_iter().map(|(c, frames)| (c, frames - 1)).collect();
        for (c, _) in due {
            self.apply(&ctx, c);
        }
        for c in commands {
            if !opens_dialog(&c) {
                self.apply(&ctx, c);
            } else if !self.deferred.iter().any(|(d, _)| *d == c) {
                self.deferred.push((c, 1));
            }
        }
        if !self.deferred.is_empty() {
            ctx.request_repaint();
        }
        if before.is_some_and(|b| b != self.doc.checklist) {
            self.refresh_crash_snapshot();
        }
        if self.rescore || !self.edited.is_empty() {
            self.rescore_changed();
            self.report_view.stale = true;
        }
        if let Some(launched) = self.launched.take()
            && std::env::var_os("SITEMATCH_TIMING").is_some()
        {
            eprintln!(
                "sitematch: first frame {} ms after launch",
                launched.elapsed().as_millis()
            );
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Draws the view of the current tab.
    fn view_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Vec<Command> {
        let folder = crate::ui::no_zones::Folder {
            dir: &self.ws.dir,
            failed: self.ws.errors.len(),
            loading: self.loading.is_some(),
        };
        match self.tab {
            Tab::Checklist if self.show_start => {
                let data = StartData {
                    lang,
                    samples: &self.samples,
                    recent: &self.settings.recent,
                    zones: self.ws.zones.len(),
                    failed: self.ws.errors.len(),
                    zones_dir: &self.ws.dir,
                    loading: self.loading.is_some(),
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| start_view_ui(ui, &data))
                    .inner
            }
            Tab::Checklist => {
                let unscorable = self.doc.checklist.unscorable_musts(&self.ws.catalog);
                let data = ChecklistData {
                    catalog: &self.ws.catalog,
                    unscorable: &unscorable,
                    zones: &self.ws.zones,
                    folder,
                    results: &self.results,
                    lang,
                };
                checklist_view_ui(ui, &mut self.doc.form, &data)
            }
            Tab::Results => {
                let data = ResultsData {
                    catalog: &self.ws.catalog,
                    zones: &self.ws.zones,
                    folder,
                    results: &self.results,
                    lang,
                    today: self.today,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| results_view_ui(ui, &mut self.results_view, &data))
                    .inner
            }
            Tab::Zones => {
                let data = ZonesData {
                    ws: &self.ws,
                    lang,
                    today: self.today,
                    results: &self.results,
                };
                zones_view_ui(ui, self.editor.as_mut(), &data)
            }
            Tab::Planning => {
                let data = PlanningData {
                    catalog: &self.ws.catalog,
                    zones: &self.ws.zones,
                    zone: self.settings.planning_zone.as_deref(),
                    folder: self.settings.planning_dir.as_deref(),
                    lang,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| planning_view_ui(ui, &self.planning, &data))
                    .inner
            }
            Tab::Report => {
                let data = ReportData {
                    lang,
                    zones: self.ws.zones.len(),
                    picked: self.results_view.compare.len(),
                    scored: self.results.requirements.len(),
                };
                report_view_ui(ui, &mut self.report_view, &mut self.settings.prepared_by, &data)
            }
        }
    }

    fn apply_style(&mut self, ctx: &Context) {
        let wanted = (self.settings.dark, self.settings.zoom);
        if self.style != Some(wanted) {
            theme::apply(ctx, wanted.0, wanted.1);
            self.style = Some(wanted);
        }
    }

    fn shortcuts(&mut self, ctx: &Context) -> Vec<Command> {
        if self.session.is_asking() || self.show_about {
            return Vec::new();
        }
        let mut commands = Vec::new();
        let (save_as, save, new, open, find, print) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&top_bar::SAVE_AS),
                i.consume_shortcut(&top_bar::SAVE),
                i.consume_shortcut(&top_bar::NEW),
                i.consume_shortcut(&top_bar::OPEN),
                i.consume_shortcut(&top_bar::FIND),
                i.consume_shortcut(&top_bar::PRINT),
            )
        });
        // Before the panels draw, so a text field does not take the keys for its own
        // (one-field) undo: the document's undo covers every edit, that field's too.
        let (redo, undo) = ctx.input_mut(|i| {
            let redo = i.consume_shortcut(&top_bar::REDO_SHIFT_Z) | i.consume_shortcut(&top_bar::REDO);
            (redo, i.consume_shortcut(&top_bar::UNDO))
        });
        if undo {
            commands.push(Command::Undo);
        }
        if redo {
            commands.push(Command::Redo);
        }
        if print {
            commands.push(Command::PrintReport);
        }
        let editing_zone = self.tab == Tab::Zones && self.editor.is_some();
        if save_as {
            commands.push(Command::SaveChecklistAs);
        } else if save {
            commands.push(if editing_zone {
                Command::SaveProfile
            } else {
                Command::SaveChecklist
            });
        }
        if new {
            commands.push(Command::NewChecklist);
        }
        if open {
            commands.push(Command::OpenChecklist(None));
        }
        if find {
            self.tab = Tab::Results;
            self.results_view.focus_filter = true;
        }
        commands
    }

    /// Holds a window close while there is unsaved work and asks about it.
    fn watch_close(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_requested && self.has_unsaved() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if !self.session.is_asking() {
                self.request(ctx, Pending::Quit);
            }
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &Context, command: Command) {
        let catalog = &self.ws.catalog;
        match command {
            Command::NewChecklist => self.request(ctx, Pending::NewChecklist),
            Command::OpenChecklist(path) => self.request(ctx, Pending::OpenChecklist(path)),
            Command::SaveChecklist => self.save(ctx, Doc::Checklist, SaveMode::Normal),
            Command::SaveChecklistAs => self.save(ctx, Doc::Checklist, SaveMode::As),
            Command::OpenProfilesFolder => self.request(ctx, Pending::OpenProfilesFolder),
            Command::Reload => self.request(ctx, Pending::Reload),
            Command::Quit => self.request(ctx, Pending::Quit),
            Command::ItemEdited(f) => {
                if self.doc.apply_item(catalog, f) && !self.edited.contains(&f) {
                    self.edited.push(f);
                }
            }
            Command::HeaderEdited => self.rescore |= self.doc.apply_header(),
            Command::ShowZone(zone) => {
                self.results_view.selected = Some(zone);
                self.tab = Tab::Results;
            }
            Command::SelectProfile(zone) => {
                if self.editor.as_ref().and_then(|e| e.zone) != Some(zone) {
                    self.request(ctx, Pending::SelectProfile(zone));
                }
                self.tab = Tab::Zones;
            }
            Command::NewProfile => self.request(ctx, Pending::NewProfile),
            Command::ProfileEdited(field) => {
                let ids = self.ws.ids();
                if let Some(editor) = &mut self.editor {
                    match field {
                        Some(f) => editor.check_entry(catalog, f),
                        None => editor.check_meta(&ids),
                    }
                }
            }
            Command::SaveProfile => self.save(ctx, Doc::Profile, SaveMode::Normal),
            Command::RevertProfile => {
                if let Some(editor) = &mut self.editor {
                    editor.revert();
                }
            }
            Command::DeleteProfile => {
                if let Some(zone) = self.editor.as_ref().and_then(|e| e.zone) {
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
            Command::PlanFolder => {
                let start = self.settings.planning_dir.clone();
                if let Some(dir) = self.dialogs.pick_checklists_folder(start.as_deref(), self.lang()) {
                    self.settings.planning_dir = Some(dir);
                    self.replan();
                }
            }
            Command::PlanRefresh => self.replan(),
            Command::ShowAbout => self.show_about = true,
            Command::CloseAbout => self.show_about = false,
            Command::OpenFolder(dir) => {
                if let Err(e) = crate::io::desktop::open_folder(&dir) {
                    let text = e.text(self.lang());
                    self.notify(text, true);
                }
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::SetLang(lang) => {
                let changed = self.settings.lang != lang;
                self.settings.lang = lang;
                // The planning results hold their texts in the language they were made in.
                if changed && self.planning.result.is_some() {
                    self.replan();
                }
            }
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::SetZoom(zoom) => self.settings.zoom = zoom,
            Command::Answer(answer) => {
                let effects = self.session.answer(answer, self.dirty());
                self.run(ctx, effects);
            }
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }

    /// What undo and redo would do in the document in view, in words.
    fn undo_redo_texts(&self) -> (Option<String>, Option<String>) {
        let (catalog, lang) = (&self.ws.catalog, self.lang());
        match &self.editor {
            Some(editor) if self.tab == Tab::Zones => (
                editor.history.undo_target().map(|t| t.text(catalog, lang)),
                editor.history.redo_target().map(|t| t.text(catalog, lang)),
            ),
            _ => (
                self.doc.history.undo_target().map(|t| t.text(catalog, lang)),
                self.doc.history.redo_target().map(|t| t.text(catalog, lang)),
            ),
        }
    }

    /// Undoes (or redoes) an edit of the document in view: the zone in the zones view's editor,
    /// else the checklist.
    fn undo_redo(&mut self, undo: bool) {
        if self.tab == Tab::Zones
            && let Some(editor) = &mut self.editor
        {
            let ids = self.ws.ids();
            if undo {
                editor.undo(&self.ws.catalog, &ids);
            } else {
                editor.redo(&self.ws.catalog, &ids);
            }
            return;
        }
        let changed = if undo { self.doc.undo() } else { self.doc.redo() };
        self.rescore |= changed;
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
                    self.editor = None;
                    self.settled(Topic::Profile);
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

/// The sample checklists of a folder, by project name; a folder that cannot be read offers
/// none (the start page says so).
fn samples_in(dir: &std::path::Path, catalog: &Catalog) -> Vec<Sample> {
    let Ok((lists, _)) = crate::io::load_checklists(dir, catalog) else {
        return Vec::new();
    };
    lists
        .into_iter()
        .map(|(path, c)| Sample {
            project: c.project,
            investor: c.investor,
            path,
        })
        .collect()
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
