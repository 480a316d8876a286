//! The desktop app: owns the state (zones, working checklist, profile editor, settings), draws
//! the panels, and applies the commands they return after drawing. File I/O goes through `io`
//! and dialogs through [`dialogs::FileDialogs`]; scoring runs here, never inside a panel.

pub mod command;
pub mod dialogs;
pub mod doc;
pub mod profile_edit;
pub mod settings;
pub mod workspace;

use std::path::PathBuf;

use egui::{Context, ViewportCommand};
use jiff::civil::Date;

pub use command::{Answer, Command};
use dialogs::{FileDialogs, FileKind};
use doc::ChecklistDoc;
use profile_edit::ProfileEditor;
use settings::{Recovery, SETTINGS_KEY, Settings};
use workspace::{FolderLoad, Results, Workspace};

use crate::io;
use crate::model::{Catalog, FactorIdx, Lang, parse_checklist, write_checklist};
use crate::report::pdf;
use crate::report::{RankingReport, ReportModel, ReportOptions};
use crate::scoring::Scorer;
use crate::ui::checklist_view::{ChecklistData, checklist_view_ui};
use crate::ui::prompts::{modal_ui, notices_ui};
use crate::ui::report_view::{ReportData, ReportState, report_view_ui};
use crate::ui::results_view::{ResultsData, ResultsState, results_view_ui};
use crate::ui::top_bar::{self, TopBarData, top_bar_ui};
use crate::ui::zones_view::{ZonesData, zones_view_ui};
use crate::ui::{fonts, theme};

/// The views the window switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Checklist,
    Results,
    Zones,
    Report,
    Planning,
}

/// A document that can hold unsaved work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Checklist,
    Profile,
}

/// An action that may first need to ask about unsaved work.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    NewChecklist,
    OpenChecklist(Option<PathBuf>),
    Quit,
    SelectProfile(usize),
    NewProfile,
    Reload,
    OpenProfilesFolder,
    ImportSurvey,
}

impl Pending {
    /// Which documents the action would replace.
    fn replaces(&self, doc: Doc) -> bool {
        match doc {
            Doc::Checklist => matches!(
                self,
                Pending::NewChecklist | Pending::OpenChecklist(_) | Pending::ImportSurvey | Pending::Quit
            ),
            Doc::Profile => matches!(
                self,
                Pending::SelectProfile(_)
                    | Pending::NewProfile
                    | Pending::Reload
                    | Pending::OpenProfilesFolder
                    | Pending::Quit
            ),
        }
    }
}

/// A question the app is asking.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    Unsaved {
        doc: Doc,
        then: Pending,
    },
    ConfirmDelete {
        zone: usize,
    },
    Recovery(Recovery),
    /// The file changed on disk since it was opened; what to do with my version.
    Conflict {
        doc: Doc,
        then: Option<Pending>,
    },
}

/// How a save went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Saved {
    Yes,
    /// Not saved: cancelled, invalid, or an error already shown.
    No,
    /// Not saved: someone else changed the file since it was opened.
    Conflict,
}

/// A message shown once in the notice bar until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

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
    pub recovery_store: Option<crate::io::recovery::RecoveryStore>,
}

/// The recovery text the panic hook writes; kept current by the app as the checklist changes.
pub type CrashSnapshot = std::sync::Arc<std::sync::Mutex<Option<String>>>;

/// Installs a panic hook that writes the working checklist to the recovery store before the
/// process ends, then runs the hook that was there before (which prints the panic).
pub fn install_panic_hook(store: crate::io::recovery::RecoveryStore, snapshot: CrashSnapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        write_crash_snapshot(&store, &snapshot);
        previous(info);
    }));
}

/// What the panic hook does: keeps the snapshot, if there is one. Never blocks (a panic while
/// the snapshot is being updated skips it rather than deadlock).
pub fn write_crash_snapshot(store: &crate::io::recovery::RecoveryStore, snapshot: &CrashSnapshot) {
    if let Ok(guard) = snapshot.try_lock()
        && let Some(text) = guard.as_ref()
    {
        let _ = store.save(text);
    }
}

/// Reserve planning as last computed.
#[derive(Debug, Default)]
pub struct PlanningState {
    pub result: Option<PlanningResult>,
    /// The folder could not be read.
    pub error: Option<String>,
}

/// The pipeline of one zone, with the files it came from.
#[derive(Debug)]
pub struct PlanningResult {
    pub pipeline: crate::plan::pipeline::Pipeline,
    /// Each project's checklist file, by the same position.
    pub paths: Vec<PathBuf>,
    /// Files in the folder that are not readable checklists.
    pub errors: Vec<io::FileError>,
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
    pub modal: Option<Modal>,
    pub notices: Vec<Notice>,
    /// A folder of zones still loading.
    pub loading: Option<FolderLoad>,
    /// Whether folders load on a worker thread (the window) or at once (tests).
    background_loads: bool,
    /// Where unsaved work is kept between runs; `None` keeps nothing (tests that do not ask).
    pub recovery_store: Option<crate::io::recovery::RecoveryStore>,
    /// The working checklist as the panic hook will write it to the recovery store.
    pub crash_snapshot: Option<CrashSnapshot>,
    /// When the window was asked for; the time to the first frame is printed when the
    /// `SITEMATCH_TIMING` environment variable is set.
    pub launched: Option<std::time::Instant>,
    /// Set once the app has decided to close (saved or discarded everything).
    pub quit_requested: bool,
    dialogs: Box<dyn FileDialogs>,
    today: Date,
    /// Documents whose unsaved work the user chose to discard for the pending action.
    discarded: Vec<Doc>,
    rescore: bool,
    /// Factors edited since the last scoring, when nothing else asked for a full rescore.
    edited: Vec<FactorIdx>,
    title: String,
    style: Option<(bool, f32)>,
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
            report_view: ReportState::new(),
            planning: PlanningState::default(),
            settings: init.settings,
            modal: init.recovery.map(Modal::Recovery),
            notices: Vec::new(),
            quit_requested: false,
            dialogs: init.dialogs,
            today: init.today,
            discarded: Vec::new(),
            rescore: true,
            edited: Vec::new(),
            title: String::new(),
            style: None,
            ws,
        };
        if let Some(e) = folder_error {
            app.notify(e.to_string(), true);
        }
        app.report_load_errors();
        app.replan();
        if let Some(path) = init.checklist {
            match io::load_checklist_stamped(&path, &app.ws.catalog) {
                Ok((c, stamp)) => {
                    app.doc = ChecklistDoc::opened(&app.ws.catalog, c, Some(path));
                    app.doc.stamp = Some(stamp);
                    app.tab = Tab::Results;
                }
                Err(e) => app.notify(e.to_string(), true),
            }
        }
        app.rescore_now();
        app
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Shows a message once: the same text is not stacked twice.
    pub fn notify(&mut self, text: String, is_error: bool) {
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice { text, is_error });
        }
    }

    fn report_load_errors(&mut self) {
        let n = self.ws.errors.len();
        if n > 0 {
            let text = match self.lang() {
                Lang::Zh => format!("{n} 个开发区文件无法读取，其余已加载；原因见“开发区”页。"),
                Lang::En => {
                    format!("{n} zone files could not be loaded; the others are. See the Zones view for why.")
                }
            };
            self.notify(text, true);
        }
    }

    fn rescore_now(&mut self) {
        self.results = Results::compute(&self.ws.catalog, &self.doc.checklist, &self.ws.profiles);
        self.rescore = false;
        self.edited.clear();
    }

    /// Scores what changed: everything, or only the one factor edited this frame.
    fn rescore_changed(&mut self) {
        match self.edited.as_slice() {
            [factor] if !self.rescore => {
                let factor = *factor;
                self.results
                    .rescore_factor(&self.ws.catalog, &self.doc.checklist, &self.ws.profiles, factor);
                self.edited.clear();
            }
            _ => self.rescore_now(),
        }
    }

    /// Whether any document holds unsaved work.
    pub fn has_unsaved(&self) -> bool {
        self.doc.is_dirty() || self.editor.as_ref().is_some_and(ProfileEditor::is_dirty)
    }

    /// The window title: the checklist's name, starred when anything is unsaved.
    pub fn window_title(&self) -> String {
        let star = if self.has_unsaved() { " *" } else { "" };
        format!(
            "{}{star} — SiteMatch {}",
            self.doc.title(self.lang()),
            self.lang().pick("要素匹配", "site match")
        )
    }

    /// Draws the whole app into `ui` and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_style(&ctx);
        if let Some((ws, error)) = self.loading.as_mut().and_then(FolderLoad::try_finish) {
            self.loading = None;
            self.install_workspace(ws, error);
        }
        let mut commands = self.shortcuts(&ctx);
        self.watch_close(&ctx);
        let lang = self.lang();

        egui::Panel::top("top bar").show(ui, |ui| {
            let data = TopBarData {
                lang,
                dark: self.settings.dark,
                zoom: self.settings.zoom,
                recent: &self.settings.recent,
            };
            commands.extend(top_bar_ui(ui, &mut self.tab, &data));
        });
        if let Some(load) = &self.loading {
            let (done, total) = load.progress();
            egui::Panel::top("loading").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(match lang {
                        Lang::Zh => format!("正在加载开发区 {done} / {total}"),
                        Lang::En => format!("Loading zones {done} / {total}"),
                    });
                    let share = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    ui.add(egui::ProgressBar::new(share).desired_width(320.0));
                });
            });
        }
        if !self.notices.is_empty() {
            egui::Panel::top("notices").show(ui, |ui| commands.extend(notices_ui(ui, &self.notices, lang)));
        }
        egui::Panel::bottom("status bar").show(ui, |ui| self.status_bar_ui(ui));
        match self.tab {
            Tab::Checklist => {
                let data = ChecklistData {
                    catalog: &self.ws.catalog,
                    profiles: &self.ws.profiles,
                    results: &self.results,
                    lang,
                };
                commands.extend(checklist_view_ui(ui, &mut self.doc.form, &data));
            }
            Tab::Results => {
                egui::CentralPanel::default().show(ui, |ui| {
                    let data = ResultsData {
                        catalog: &self.ws.catalog,
                        profiles: &self.ws.profiles,
                        results: &self.results,
                        lang,
                        today: self.today,
                    };
                    commands.extend(results_view_ui(ui, &mut self.results_view, &data));
                });
            }
            Tab::Zones => {
                let data = ZonesData {
                    ws: &self.ws,
                    lang,
                    today: self.today,
                };
                commands.extend(zones_view_ui(ui, self.editor.as_mut(), &data));
            }
            Tab::Planning => {
                egui::CentralPanel::default().show(ui, |ui| {
                    let data = crate::ui::planning_view::PlanningData {
                        catalog: &self.ws.catalog,
                        profiles: &self.ws.profiles,
                        zone: self.settings.planning_zone.as_deref(),
                        folder: self.settings.planning_dir.as_deref(),
                        lang,
                    };
                    commands.extend(crate::ui::planning_view::planning_view_ui(
                        ui,
                        &self.planning,
                        &data,
                    ));
                });
            }
            Tab::Report => {
                let data = ReportData {
                    lang,
                    zones: self.ws.profiles.len(),
                    picked: self.results_view.compare.len(),
                    scored: self.results.requirements.len(),
                };
                commands.extend(report_view_ui(
                    ui,
                    &mut self.report_view,
                    &mut self.settings.prepared_by,
                    &data,
                ));
            }
        }
        if let Some(modal) = &self.modal {
            let zone_name = match modal {
                Modal::ConfirmDelete { zone } => self.ws.profiles.get(*zone).map(|p| p.name.get(lang)),
                _ => None,
            };
            commands.extend(modal_ui(&ctx, modal, lang, zone_name));
        }

        let before = self.crash_snapshot.is_some().then(|| self.doc.checklist.clone());
        for c in commands {
            self.apply(&ctx, c);
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

    fn apply_style(&mut self, ctx: &Context) {
        let wanted = (self.settings.dark, self.settings.zoom);
        if self.style != Some(wanted) {
            theme::apply(ctx, wanted.0, wanted.1);
            self.style = Some(wanted);
        }
    }

    fn shortcuts(&mut self, ctx: &Context) -> Vec<Command> {
        if self.modal.is_some() {
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
            if self.modal.is_none() {
                self.request(ctx, Pending::Quit);
            }
        }
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        let lang = self.lang();
        let palette = theme::palette(ui.ctx());
        ui.horizontal(|ui| {
            ui.label(match lang {
                Lang::Zh => format!("开发区：{} 个", self.ws.profiles.len()),
                Lang::En => format!("Zones: {}", self.ws.profiles.len()),
            })
            .on_hover_text(self.ws.dir.display().to_string());
            if !self.ws.errors.is_empty() {
                ui.label(
                    egui::RichText::new(match lang {
                        Lang::Zh => format!("{} 个文件无法读取", self.ws.errors.len()),
                        Lang::En => format!("{} files failed to load", self.ws.errors.len()),
                    })
                    .color(palette.error),
                );
            }
            ui.separator();
            let file = self.doc.path.as_ref().map_or_else(
                || lang.pick("未保存到文件", "not saved to a file yet").to_owned(),
                |p| p.display().to_string(),
            );
            ui.label(format!("{}{file}", lang.pick("需求表：", "Checklist: ")));
            if self.doc.is_dirty() {
                ui.label(
                    egui::RichText::new(lang.pick("有未保存的修改", "unsaved changes"))
                        .color(palette.partial),
                );
            }
        });
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &Context, command: Command) {
        let catalog = &self.ws.catalog;
        match command {
            Command::NewChecklist => self.request(ctx, Pending::NewChecklist),
            Command::OpenChecklist(path) => self.request(ctx, Pending::OpenChecklist(path)),
            Command::SaveChecklist => self.save_or_ask(ctx, Doc::Checklist, false, None),
            Command::SaveChecklistAs => self.save_or_ask(ctx, Doc::Checklist, true, None),
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
            Command::SaveProfile => self.save_or_ask(ctx, Doc::Profile, false, None),
            Command::RevertProfile => {
                if let Some(editor) = &mut self.editor {
                    editor.revert();
                }
            }
            Command::DeleteProfile => {
                if let Some(zone) = self.editor.as_ref().and_then(|e| e.zone) {
                    self.modal = Some(Modal::ConfirmDelete { zone });
                }
            }
            Command::RefreshPreview => self.refresh_preview(ctx),
            Command::ExportPdf => self.export_pdf(),
            Command::PrintReport => self.print_report(),
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
            Command::SetLang(lang) => self.settings.lang = lang,
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::SetZoom(zoom) => self.settings.zoom = zoom,
            Command::Answer(answer) => self.answer(ctx, answer),
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }

    /// Runs an action, first asking about unsaved work it would replace.
    fn request(&mut self, ctx: &Context, action: Pending) {
        let at_risk = [Doc::Checklist, Doc::Profile].into_iter().find(|doc| {
            action.replaces(*doc)
                && !self.discarded.contains(doc)
                && match doc {
                    Doc::Checklist => self.doc.is_dirty(),
                    Doc::Profile => self.editor.as_ref().is_some_and(ProfileEditor::is_dirty),
                }
        });
        match at_risk {
            Some(doc) => self.modal = Some(Modal::Unsaved { doc, then: action }),
            None => {
                self.discarded.clear();
                self.perform(ctx, action);
            }
        }
    }

    fn answer(&mut self, ctx: &Context, answer: Answer) {
        let Some(modal) = self.modal.take() else { return };
        match (modal, answer) {
            (Modal::Unsaved { doc, then }, Answer::Save) => self.save_or_ask(ctx, doc, false, Some(then)),
            (Modal::Conflict { doc, then }, Answer::Overwrite) => {
                let saved = match doc {
                    Doc::Checklist => self.save_checklist(false, true),
                    Doc::Profile => self.save_profile(true, None),
                };
                self.after_save(ctx, doc, saved, then);
            }
            (Modal::Conflict { doc, then }, Answer::SaveAs) => {
                let saved = match doc {
                    Doc::Checklist => self.save_checklist(true, false),
                    Doc::Profile => self.save_profile_as(),
                };
                self.after_save(ctx, doc, saved, then);
            }
            (Modal::Conflict { doc, then }, Answer::Reload) => {
                self.reload_from_disk(doc);
                match then {
                    Some(then) => self.request(ctx, then),
                    None => self.discarded.clear(),
                }
            }
            (Modal::Unsaved { doc, then }, Answer::Discard) => {
                self.discarded.push(doc);
                if doc == Doc::Profile {
                    self.editor = None;
                }
                self.request(ctx, then);
            }
            (Modal::ConfirmDelete { zone }, Answer::ConfirmDelete) => self.delete_profile(zone),
            (Modal::Recovery(r), Answer::Restore) => match parse_checklist(&r.text, &self.ws.catalog) {
                Ok(c) => {
                    self.doc = ChecklistDoc::recovered(&self.ws.catalog, c, r.path);
                    self.tab = Tab::Checklist;
                    self.rescore = true;
                }
                Err(e) => self.notify(
                    format!("{}{e}", self.lang().pick("无法恢复：", "Could not restore: ")),
                    true,
                ),
            },
            _ => self.discarded.clear(),
        }
    }

    fn perform(&mut self, ctx: &Context, action: Pending) {
        let lang = self.lang();
        match action {
            Pending::NewChecklist => {
                self.doc = ChecklistDoc::template(&self.ws.catalog);
                self.tab = Tab::Checklist;
                self.rescore = true;
            }
            Pending::OpenChecklist(path) => {
                let start = self.doc.path.as_ref().and_then(|p| p.parent().map(PathBuf::from));
                let Some(path) = path.or_else(|| {
                    self.dialogs
                        .open_file(FileKind::Checklist, start.as_deref(), lang)
                }) else {
                    return;
                };
                match io::load_checklist_stamped(&path, &self.ws.catalog) {
                    Ok((c, stamp)) => {
                        self.doc = ChecklistDoc::opened(&self.ws.catalog, c, Some(path.clone()));
                        self.doc.stamp = Some(stamp);
                        self.settings.remember(&path);
                        self.settings.last_checklist = Some(path);
                        self.rescore = true;
                    }
                    Err(e) => self.notify(e.to_string(), true),
                }
            }
            Pending::ImportSurvey => {
                let start = self.doc.path.as_ref().and_then(|p| p.parent().map(PathBuf::from));
                let Some(path) = self.dialogs.open_file(FileKind::Xlsx, start.as_deref(), lang) else {
                    return;
                };
                match io::import_survey(&path, &self.ws.catalog) {
                    Ok(c) => {
                        // A new, unsaved checklist: the workbook is not its file.
                        self.doc = ChecklistDoc::recovered(&self.ws.catalog, c, None);
                        self.tab = Tab::Checklist;
                        self.rescore = true;
                        self.notify(
                            format!(
                                "{}{}",
                                lang.pick("已导入调查表：", "Survey imported: "),
                                path.display()
                            ),
                            false,
                        );
                    }
                    Err(e) => self.notify(e.to_string(), true),
                }
            }
            Pending::Quit => {
                self.quit_requested = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Pending::SelectProfile(zone) => {
                if let (Some(p), Some(path)) = (self.ws.profiles.get(zone), self.ws.paths.get(zone)) {
                    let mut editor = ProfileEditor::open(&self.ws.catalog, p, zone, path.clone());
                    editor.stamp = self.ws.stamps.get(zone).copied();
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
    fn install_workspace(&mut self, ws: Workspace, error: Option<io::FileError>) {
        let keep = self.selection_ids();
        self.ws = ws;
        self.editor = None;
        if let Some(e) = error {
            self.notify(e.to_string(), true);
        }
        self.report_load_errors();
        self.restore_selection(keep);
        self.rescore = true;
        self.replan();
    }

    /// The ids of the zones the results view points at, to find them again after the list of
    /// zones changes.
    fn selection_ids(&self) -> (Option<String>, Vec<String>) {
        let id = |z: usize| self.ws.profiles.get(z).map(|p| p.id.clone());
        (
            self.results_view.selected.and_then(id),
            self.results_view.compare.iter().filter_map(|z| id(*z)).collect(),
        )
    }

    fn restore_selection(&mut self, (selected, compare): (Option<String>, Vec<String>)) {
        let find = |id: &str| self.ws.profiles.iter().position(|p| p.id == id);
        self.results_view.selected = selected.and_then(|id| find(&id));
        self.results_view.compare = compare.iter().filter_map(|id| find(id)).collect();
    }

    /// Saves a document; when the file changed on disk meanwhile, asks what to do. `then` is
    /// the action waiting for the save (closing, opening another checklist…).
    fn save_or_ask(&mut self, ctx: &Context, doc: Doc, ask: bool, then: Option<Pending>) {
        let saved = match doc {
            Doc::Checklist => self.save_checklist(ask, false),
            Doc::Profile => self.save_profile(false, None),
        };
        self.after_save(ctx, doc, saved, then);
    }

    fn after_save(&mut self, ctx: &Context, doc: Doc, saved: Saved, then: Option<Pending>) {
        match (saved, then) {
            (Saved::Yes, Some(then)) => self.request(ctx, then),
            (Saved::Conflict, then) => self.modal = Some(Modal::Conflict { doc, then }),
            _ => self.discarded.clear(),
        }
    }

    /// Reads a document back from disk, throwing my edits away.
    fn reload_from_disk(&mut self, doc: Doc) {
        match doc {
            Doc::Checklist => {
                let Some(path) = self.doc.path.clone() else { return };
                match io::load_checklist_stamped(&path, &self.ws.catalog) {
                    Ok((c, stamp)) => {
                        self.doc = ChecklistDoc::opened(&self.ws.catalog, c, Some(path));
                        self.doc.stamp = Some(stamp);
                        self.rescore = true;
                    }
                    Err(e) => self.notify(e.to_string(), true),
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
                    Err(e) => self.notify(e.to_string(), true),
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
            self.notify(
                match lang {
                    Lang::Zh => format!("有 {wrong} 处输入无法识别（已用红色标出），请改正后再保存。"),
                    Lang::En => format!("{wrong} fields hold input that cannot be taken (marked in red); fix them before saving."),
                },
                true,
            );
            return Saved::No;
        }
        let (path, expected) = match (&self.doc.path, ask) {
            (Some(p), false) => (p.clone(), self.doc.stamp),
            _ => {
                let start = self.doc.path.as_ref().and_then(|p| p.parent().map(PathBuf::from));
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
                self.doc.mark_saved(path.clone(), Some(stamp));
                self.settings.remember(&path);
                self.settings.last_checklist = Some(path);
                Saved::Yes
            }
            Err(io::SaveError::Changed(_)) => Saved::Conflict,
            Err(io::SaveError::File(e)) => {
                self.notify(
                    format!("{}{e}", lang.pick("保存失败：", "Could not save: ")),
                    true,
                );
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
                self.notify(
                    match lang {
                        Lang::Zh => format!("开发区资料有 {n} 处需要修改（已用红色标出），未保存。"),
                        Lang::En => {
                            format!("The zone has {n} fields to fix (marked in red); it was not saved.")
                        }
                    },
                    true,
                );
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
                self.notify(
                    format!("{}{e}", lang.pick("保存失败：", "Could not save: ")),
                    true,
                );
                return Saved::No;
            }
        };
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

    fn delete_profile(&mut self, zone: usize) {
        let Some(path) = self.ws.paths.get(zone).cloned() else {
            return;
        };
        match io::retire(&path) {
            Ok(backup) => {
                let keep = self.selection_ids();
                self.ws.remove(zone);
                self.editor = None;
                self.restore_selection(keep);
                self.rescore = true;
                let lang = self.lang();
                self.notify(
                    format!(
                        "{}{}",
                        lang.pick("已删除；文件保留为 ", "Deleted; the file is kept as "),
                        backup.display()
                    ),
                    false,
                );
            }
            Err(e) => self.notify(e.to_string(), true),
        }
    }

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
                    let message = format!(
                        "{}{e}",
                        self.lang().pick("无法自动保存：", "Could not autosave: ")
                    );
                    self.notify(message, true);
                }
            }
            None => store.clear(),
        }
    }

    /// Refreshes what the panic hook would write, after the checklist changed.
    fn refresh_crash_snapshot(&self) {
        if let Some(slot) = &self.crash_snapshot {
            let now = crate::io::clock::now().strftime("%Y-%m-%d %H:%M").to_string();
            let snapshot = self.recovery_snapshot(&now).and_then(|r| ron::to_string(&r).ok());
            if let Ok(mut guard) = slot.lock() {
                *guard = snapshot;
            }
        }
    }
}

impl SiteMatchApp {
    /// The report of the working checklist, with the options of the report view.
    pub fn report_model(&self) -> ReportModel {
        let scorer = Scorer::new(&self.ws.catalog, &self.doc.checklist);
        let ranking = &self.results.ranking;
        let rv = &self.report_view;
        let options = ReportOptions {
            lang: rv.lang,
            top: rv.top,
            picked: if rv.use_picked {
                self.results_view.compare.clone()
            } else {
                Vec::new()
            },
            prepared_by: self.settings.prepared_by.clone(),
            date: self.today,
        };
        ReportModel::build(&scorer, &self.doc.checklist, ranking, &self.ws.profiles, &options)
    }

    fn refresh_preview(&mut self, ctx: &Context) {
        self.report_view.stale = false;
        let started = std::time::Instant::now();
        let model = self.report_model();
        let rendered = pdf::layout(&model, None)
            .and_then(|doc| Ok((pdf::to_pdf(&doc, &model)?, pdf::page_images(&doc, 1.5))));
        match rendered {
            Ok((pdf, pages)) => {
                let ms = started.elapsed().as_millis();
                self.report_view.pages = pages
                    .into_iter()
                    .enumerate()
                    .map(|(i, page)| {
                        let size = [page.width as usize, page.height as usize];
                        let image = egui::ColorImage::from_rgba_premultiplied(size, &page.rgba);
                        ctx.load_texture(format!("report page {i}"), image, egui::TextureOptions::LINEAR)
                    })
                    .collect();
                self.report_view.last_render = Some((ms, pdf.bytes.len()));
            }
            Err(e) => self.notify(e.to_string(), true),
        }
    }

    fn report_file_name(&self, ext: &str) -> String {
        let name = suggested_file_name(&self.doc.checklist.project);
        let stem = name.trim_end_matches(".ron");
        let tag = self.lang().pick("匹配报告", "match-report");
        format!("{stem}-{tag}.{ext}")
    }

    fn render_pdf_or_notify(&mut self) -> Option<Vec<u8>> {
        if self.results.requirements.is_empty() {
            let text = self.lang().pick(
                "需求表尚无可计分的要求，无法生成报告。",
                "The checklist has nothing to score yet; there is no report to make.",
            );
            self.notify(text.to_owned(), true);
            return None;
        }
        match pdf::render(&self.report_model(), None) {
            Ok(p) => Some(p.bytes),
            Err(e) => {
                self.notify(e.to_string(), true);
                None
            }
        }
    }

    fn export_pdf(&mut self) {
        let Some(bytes) = self.render_pdf_or_notify() else {
            return;
        };
        let name = self.report_file_name("pdf");
        self.export_file(FileKind::Pdf, &name, &bytes);
    }

    /// Asks where to write an exported file (starting beside the checklist) and writes it,
    /// saying in the window that it was written or why not.
    fn export_file(&mut self, kind: FileKind, name: &str, bytes: &[u8]) {
        let lang = self.lang();
        let start = self.doc.path.as_ref().and_then(|p| p.parent().map(PathBuf::from));
        let Some(path) = self.dialogs.save_file(kind, start.as_deref(), name, lang) else {
            return;
        };
        match io::export(&path, bytes) {
            Ok(()) => self.notify(
                format!("{}{}", lang.pick("已导出：", "Exported: "), path.display()),
                false,
            ),
            Err(e) => self.notify(
                format!("{}{e}", lang.pick("导出失败：", "Could not export: ")),
                true,
            ),
        }
    }

    fn print_report(&mut self) {
        let Some(bytes) = self.render_pdf_or_notify() else {
            return;
        };
        let lang = self.lang();
        match io::print::print_pdf(&bytes, &self.report_file_name("pdf")) {
            Ok((io::print::PrintVia::Lp, _)) => self.notify(lang.pick("报告已发送到默认打印机。", "The report was sent to the default printer.").to_owned(), false),
            Ok((io::print::PrintVia::Viewer, path)) => self.notify(
                format!("{}{}", lang.pick("未找到打印服务（CUPS），已用 PDF 阅读器打开，请从中打印：", "No print service (CUPS) was found; the report is open in the PDF viewer to print from: "), path.display()),
                false,
            ),
            Err(e) => self.notify(format!("{}{e}", lang.pick("打印失败：", "Could not print: ")), true),
        }
    }

    fn export_survey(&mut self) {
        let lang = self.lang();
        let bytes = match crate::survey::write(&self.ws.catalog, Some(&self.doc.checklist)) {
            Ok(b) => b,
            Err(e) => return self.notify(e.to_string(), true),
        };
        let name = format!(
            "{}{}.xlsx",
            lang.pick("要素调查表-", "survey-"),
            suggested_file_name(&self.doc.checklist.project).trim_end_matches(".ron")
        );
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }

    /// Reads the pending projects and plans the chosen zone's reserves across them.
    pub fn replan(&mut self) {
        self.planning.result = None;
        self.planning.error = None;
        let (Some(id), Some(dir)) = (&self.settings.planning_zone, &self.settings.planning_dir) else {
            return;
        };
        let Some(zone) = self.ws.profiles.iter().find(|p| p.id == *id) else {
            return;
        };
        match io::load_checklists(dir, &self.ws.catalog) {
            Ok((lists, errors)) => {
                let (paths, lists): (Vec<PathBuf>, Vec<_>) = lists.into_iter().unzip();
                let pipeline = crate::plan::pipeline::pipeline(&self.ws.catalog, zone, &lists);
                self.planning.result = Some(PlanningResult {
                    pipeline,
                    paths,
                    errors,
                });
            }
            Err(e) => self.planning.error = Some(e.to_string()),
        }
    }

    fn export_xlsx(&mut self) {
        let lang = self.lang();
        let scorer = Scorer::new(&self.ws.catalog, &self.doc.checklist);
        let report = RankingReport::build(
            &scorer,
            &self.doc.checklist,
            &self.results.ranking,
            &self.ws.profiles,
            lang,
            self.today,
        );
        let bytes = match crate::report::xlsx::render(&report) {
            Ok(b) => b,
            Err(e) => return self.notify(e.to_string(), true),
        };
        let name = self.report_file_name("xlsx");
        self.export_file(FileKind::Xlsx, &name, &bytes);
    }
}

/// A file name from a project name: `自动化光伏新能源基地.ron`, or `checklist.ron`.
fn suggested_file_name(project: &str) -> String {
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

impl eframe::App for SiteMatchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let now = crate::io::clock::now().strftime("%Y-%m-%d %H:%M").to_string();
        self.persist(storage, &now);
    }
}

/// What the command line asks the window to open, over what was used last time.
#[derive(Clone, Debug, Default)]
pub struct StartWith {
    pub checklist: Option<PathBuf>,
    pub profiles: Option<PathBuf>,
}

/// Opens the window: on the given checklist and folder, else those used last time, else the
/// bundled profiles and a new checklist from the template.
pub fn run_native(catalog: Catalog, start: StartWith) -> eframe::Result<()> {
    let launched = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("SiteMatch 要素匹配")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "sitematch",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let store =
                eframe::storage_dir("sitematch").map(|d| crate::io::recovery::RecoveryStore::in_dir(&d));
            let recovery: Option<Recovery> = store
                .as_ref()
                .and_then(|s| s.load())
                .and_then(|text| ron::from_str(&text).ok());
            let profiles_dir = start
                .profiles
                .or_else(|| settings.profiles_dir.clone().filter(|d| d.is_dir()))
                .unwrap_or_else(io::default_profiles_dir);
            // A recovered checklist is offered instead of the last file; one named on the
            // command line is opened as asked.
            let checklist = match (start.checklist, &recovery) {
                (Some(path), _) => Some(path),
                (None, Some(_)) => None,
                (None, None) => settings.last_checklist.clone().filter(|p| p.is_file()),
            };
            let mut app = SiteMatchApp::new(AppInit {
                catalog,
                profiles_dir,
                checklist,
                settings,
                recovery,
                dialogs: Box::new(dialogs::NativeDialogs),
                today: crate::io::clock::today(),
                background: Some(cc.egui_ctx.clone()),
                recovery_store: store.clone(),
            });
            app.launched = Some(launched);
            if let Some(store) = store {
                let snapshot = CrashSnapshot::default();
                install_panic_hook(store, snapshot.clone());
                app.crash_snapshot = Some(snapshot);
            }
            Ok(Box::new(app))
        }),
    )
}
