//! What the window shows and how: the tab in view, the start page and the About window, the
//! results and report views' own state, the sample checklists offered, the keyboard
//! shortcuts, the title and the theme. Draws the view of the current tab from the documents it
//! is handed and returns the commands the panels asked for; changes no document itself.

use egui::{Context, ViewportCommand};

use super::docs::Docs;
use crate::model::{Lang, ZoneIdx};
use crate::state::settings::Settings;
use crate::state::workspace::Workspace;
use crate::state::{Command, PlanningState, Tab};
use crate::ui::checklist_view::{ChecklistData, checklist_view_ui};
use crate::ui::health_view::{HealthData, HealthState, health_view_ui};
use crate::ui::no_zones::Folder;
use crate::ui::planning_view::{PlanningData, planning_view_ui};
use crate::ui::report_view::{ReportData, ReportState, report_view_ui};
use crate::ui::results_view::{ResultsData, ResultsState, results_view_ui};
use crate::ui::start_view::{Sample, StartData, start_view_ui};
use crate::ui::theme;
use crate::ui::top_bar;
use crate::ui::zones_view::{ZonesData, zones_view_ui};

/// The state of the window's views.
pub struct Views {
    tab: Tab,
    /// The checklist view shows the start page until a checklist is begun or opened.
    show_start: bool,
    show_about: bool,
    /// A question or window was over the app last frame (to move the keyboard focus off the
    /// field below when one opens or closes).
    was_asking: bool,
    results: ResultsState,
    report: ReportState,
    health: HealthState,
    /// The sample checklists the start page offers.
    samples: Vec<Sample>,
    title: String,
    style: Option<(bool, f32)>,
}

impl Default for Views {
    fn default() -> Self {
        Views {
            tab: Tab::Checklist,
            show_start: true,
            show_about: false,
            was_asking: false,
            results: ResultsState::default(),
            report: ReportState::default(),
            health: HealthState::default(),
            samples: Vec::new(),
            title: String::new(),
            style: None,
        }
    }
}

/// What the views draw beside the documents.
pub struct ViewData<'a> {
    pub lang: Lang,
    pub planning: &'a PlanningState,
    /// A folder of zones is still loading.
    pub loading: bool,
}

impl Views {
    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// Whether the checklist view shows the start page.
    pub fn shows_start(&self) -> bool {
        self.show_start
    }

    /// A checklist was begun, opened or imported: the checklist view shows it.
    pub fn show_checklist(&mut self) {
        self.tab = Tab::Checklist;
        self.show_start = false;
    }

    /// A checklist was opened where the view is: the start page gives way to it.
    pub fn leave_start(&mut self) {
        self.show_start = false;
    }

    pub fn about_open(&self) -> bool {
        self.show_about
    }

    pub fn set_about(&mut self, open: bool) {
        self.show_about = open;
    }

    pub fn results(&self) -> &ResultsState {
        &self.results
    }

    pub fn results_mut(&mut self) -> &mut ResultsState {
        &mut self.results
    }

    pub fn report(&self) -> &ReportState {
        &self.report
    }

    pub fn report_mut(&mut self) -> &mut ReportState {
        &mut self.report
    }

    pub fn health(&self) -> &HealthState {
        &self.health
    }

    pub fn health_mut(&mut self) -> &mut HealthState {
        &mut self.health
    }

    pub fn set_samples(&mut self, samples: Vec<Sample>) {
        self.samples = samples;
    }

    /// Shows a zone's breakdown in the results view.
    pub fn show_zone(&mut self, zone: ZoneIdx) {
        self.results.selected = Some(zone);
        self.tab = Tab::Results;
    }

    /// The ids of the zones the results view points at, to find them again after the list of
    /// zones changes.
    pub fn selection_ids(&self, ws: &Workspace) -> (Option<String>, Vec<String>) {
        let id = |z: ZoneIdx| ws.profile(z).map(|p| p.id.clone());
        (
            self.results.selected.and_then(id),
            self.results.compare.iter().filter_map(|z| id(*z)).collect(),
        )
    }

    /// Points the results view at the same zones again, by id, after the list changed.
    pub fn restore_selection(&mut self, ws: &Workspace, (selected, compare): (Option<String>, Vec<String>)) {
        self.results.selected = selected.and_then(|id| ws.find(&id));
        self.results.compare = compare.iter().filter_map(|id| ws.find(id)).collect();
    }

    /// Applies the theme and zoom when they changed.
    pub fn apply_style(&mut self, ctx: &Context, settings: &Settings) {
        let wanted = (settings.dark, settings.zoom);
        if self.style != Some(wanted) {
            theme::apply(ctx, wanted.0, wanted.1);
            self.style = Some(wanted);
        }
    }

    /// Sets the window title when it changed.
    pub fn set_title(&mut self, ctx: &Context, title: String) {
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// A field below keeps no focus while a question is open, nor gets it back with the key
    /// that closed it.
    pub fn question_shown(&mut self, ctx: &Context, asking: bool) {
        if asking != self.was_asking {
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
            self.was_asking = asking;
        }
    }

    /// The keyboard shortcuts pressed this frame, as commands (Ctrl+F acts on the view
    /// itself). `editing_zone`: the zone editor is open, so Ctrl+S in the zones view saves it.
    pub fn shortcuts(&mut self, ctx: &Context, editing_zone: bool) -> Vec<Command> {
        let mut commands = Vec::new();
        let (save_as, save, new, open, find, print, export_pdf) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&top_bar::SAVE_AS),
                i.consume_shortcut(&top_bar::SAVE),
                i.consume_shortcut(&top_bar::NEW),
                i.consume_shortcut(&top_bar::OPEN),
                i.consume_shortcut(&top_bar::FIND),
                i.consume_shortcut(&top_bar::PRINT),
                i.consume_shortcut(&top_bar::EXPORT_PDF),
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
        if export_pdf {
            commands.push(Command::ExportPdf);
        }
        if save_as {
            commands.push(Command::SaveChecklistAs);
        } else if save {
            commands.push(if self.tab == Tab::Zones && editing_zone {
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
            self.results.focus_filter = true;
        }
        commands
    }

    /// Draws the view of the current tab.
    pub fn view_ui(
        &mut self,
        ui: &mut egui::Ui,
        docs: &mut Docs,
        settings: &mut Settings,
        data: &ViewData,
    ) -> Vec<Command> {
        let lang = data.lang;
        let today = docs.today();
        fn folder(ws: &Workspace, loading: bool) -> Folder<'_> {
            Folder {
                dir: &ws.dir,
                failed: ws.errors.len(),
                loading,
            }
        }
        match self.tab {
            Tab::Checklist if self.show_start => {
                let ws = docs.ws();
                let data = StartData {
                    lang,
                    samples: &self.samples,
                    recent: &settings.recent,
                    zones: ws.zones.len(),
                    failed: ws.errors.len(),
                    zones_dir: &ws.dir,
                    loading: data.loading,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| start_view_ui(ui, &data))
                    .inner
            }
            Tab::Checklist => {
                let unscorable = docs.doc().checklist.unscorable_musts(docs.catalog());
                let (form, ws, results) = docs.checklist_form();
                let data = ChecklistData {
                    catalog: &ws.catalog,
                    unscorable: &unscorable,
                    zones: &ws.zones,
                    folder: folder(ws, data.loading),
                    results,
                    lang,
                };
                checklist_view_ui(ui, form, &data)
            }
            Tab::Results => {
                let ws = docs.ws();
                let data = ResultsData {
                    catalog: &ws.catalog,
                    zones: &ws.zones,
                    folder: folder(ws, data.loading),
                    results: docs.results(),
                    lang,
                    today,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| results_view_ui(ui, &mut self.results, &data))
                    .inner
            }
            Tab::Zones => {
                let (editor, ws, results) = docs.zone_editor();
                let data = ZonesData {
                    ws,
                    lang,
                    today,
                    results,
                };
                zones_view_ui(ui, editor, &data)
            }
            Tab::Planning => {
                let ws = docs.ws();
                let planning = PlanningData {
                    catalog: &ws.catalog,
                    zones: &ws.zones,
                    zone: settings.planning_zone.as_deref(),
                    folder: settings.planning_dir.as_deref(),
                    lang,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| planning_view_ui(ui, data.planning, &planning))
                    .inner
            }
            Tab::Report => {
                let data = ReportData {
                    lang,
                    zones: docs.ws().zones.len(),
                    picked: self.results.compare.len(),
                    scored: docs.results().requirements.len(),
                };
                report_view_ui(ui, &mut self.report, &mut settings.prepared_by, &data)
            }
            Tab::Health => {
                let (health, build, ws) = docs.health();
                let data = HealthData {
                    catalog: &ws.catalog,
                    zones: &ws.zones,
                    health,
                    build,
                    dir: &ws.dir,
                    lang,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| health_view_ui(ui, &mut self.health, &data))
                    .inner
            }
        }
    }
}
