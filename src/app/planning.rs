//! Reserve planning in the app: the folder of pending projects' checklists is read on a
//! worker (a few hundred files on a network share must not freeze the window), and the chosen
//! zone's reserves are planned across them (see [`crate::plan::pipeline`]) when the folder has
//! been read, and again without reading it when only the zone or the language changes.

use std::path::PathBuf;

use jiff::civil::Date;

use super::jobs::{self, ChecklistsRead, Job, JobPanicked, Runner};
use crate::io::FileError;
use crate::model::{Checklist, Lang};
use crate::state::settings::Settings;
use crate::state::workspace::Workspace;
use crate::state::{PlanningResult, PlanningState};

/// The projects of a folder as read, by file.
#[derive(Debug)]
struct Projects {
    dir: PathBuf,
    paths: Vec<PathBuf>,
    lists: Vec<Checklist>,
    errors: Vec<FileError>,
}

/// Reserve planning: what the view shows, the projects it was planned from, and the read of
/// the folder under way.
#[derive(Debug, Default)]
pub struct Planning {
    state: PlanningState,
    projects: Option<Projects>,
    reading: Option<(PathBuf, Job<ChecklistsRead>)>,
}

/// What planning needs besides itself.
pub struct PlanInputs<'a> {
    pub ws: &'a Workspace,
    pub settings: &'a Settings,
    pub today: Date,
    pub lang: Lang,
}

impl<'a> PlanInputs<'a> {
    fn of(docs: &'a super::docs::Docs, settings: &'a Settings) -> Self {
        PlanInputs {
            ws: docs.ws(),
            settings,
            today: docs.today(),
            lang: settings.lang,
        }
    }
}

impl Planning {
    pub fn state(&self) -> &PlanningState {
        &self.state
    }

    /// Reads the pending projects' folder afresh on a worker, then plans (a folder picked,
    /// "refresh", the zones reloaded, the app started).
    pub fn reread(&mut self, runner: &Runner, inp: &PlanInputs) {
        self.projects = None;
        self.state = PlanningState::default();
        let Some(dir) = inp.settings.planning_dir.clone() else {
            return;
        };
        let job = jobs::read_checklists(runner, inp.ws.catalog.clone(), dir.clone());
        self.reading = Some((dir, job));
        self.poll(inp);
    }

    /// Plans again from the projects already read (the zone or the language changed), or
    /// reads them first when they were read from another folder.
    pub fn replan(&mut self, runner: &Runner, inp: &PlanInputs) {
        match (&self.projects, &inp.settings.planning_dir) {
            (Some(p), Some(dir)) if p.dir == *dir => self.plan(inp),
            _ if self.reading.is_some() => {}
            _ => self.reread(runner, inp),
        }
    }

    /// Takes in the folder once the worker has read it; `Some` with why not when the worker
    /// stopped without a result.
    pub fn poll(&mut self, inp: &PlanInputs) -> Option<JobPanicked> {
        let (dir, job) = self.reading.as_mut()?;
        let read = job.try_finish()?;
        let dir = std::mem::take(dir);
        self.reading = None;
        match read {
            Ok(Ok((lists, errors))) => {
                let (paths, lists) = lists.into_iter().unzip();
                self.projects = Some(Projects {
                    dir,
                    paths,
                    lists,
                    errors,
                });
                self.plan(inp);
                None
            }
            Ok(Err(e)) => {
                self.state.error = Some(e);
                None
            }
            Err(panicked) => Some(panicked),
        }
    }

    /// Plans the chosen zone's reserves across the projects read.
    fn plan(&mut self, inp: &PlanInputs) {
        self.state = PlanningState::default();
        let (Some(projects), Some(id)) = (&self.projects, &inp.settings.planning_zone) else {
            return;
        };
        let Some(zone) = inp.ws.find(id).and_then(|z| inp.ws.profile(z)) else {
            return;
        };
        let catalog = &inp.ws.catalog;
        let pipeline = crate::plan::pipeline::pipeline(catalog, zone, &projects.lists, inp.today);
        let files: Vec<String> = projects
            .paths
            .iter()
            .map(|path| {
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
            .collect();
        let ledger = crate::report::projects::Ledger::build(
            catalog,
            files.iter().map(String::as_str).zip(&projects.lists),
            &inp.ws.zones,
            inp.today,
            inp.lang,
        );
        self.state.result = Some(PlanningResult {
            pipeline,
            ledger,
            paths: projects.paths.clone(),
            errors: projects.errors.clone(),
        });
    }
}

impl super::SiteMatchApp {
    /// Plans again from the projects already read (the zone or the language changed).
    pub(super) fn replan(&mut self) {
        let inputs = PlanInputs::of(&self.docs, &self.settings);
        self.planning.replan(self.env.runner(), &inputs);
    }

    /// Reads the pending projects' folder afresh, then plans.
    pub(super) fn reread_projects(&mut self) {
        let inputs = PlanInputs::of(&self.docs, &self.settings);
        self.planning.reread(self.env.runner(), &inputs);
    }

    /// Asks for the folder of pending projects and reads it.
    pub(super) fn pick_projects_folder(&mut self) {
        let start = self.settings.planning_dir.clone();
        let lang = self.settings.lang;
        if let Some(dir) = self.env.dialogs().pick_checklists_folder(start.as_deref(), lang) {
            self.settings.planning_dir = Some(dir);
            self.reread_projects();
        }
    }

    /// Takes in the pending projects once read.
    pub(super) fn poll_planning(&mut self) {
        let inputs = PlanInputs::of(&self.docs, &self.settings);
        if let Some(stopped) = self.planning.poll(&inputs) {
            self.notify_error(&stopped);
        }
    }
}
