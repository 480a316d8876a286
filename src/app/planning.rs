//! Reserve planning in the app: reads the folder of pending projects' checklists and plans the
//! chosen zone's reserves across them (see [`crate::plan::pipeline`]).

use std::path::PathBuf;

use super::SiteMatchApp;
use crate::io;
use crate::state::PlanningResult;

impl SiteMatchApp {
    /// Reads the pending projects and plans the chosen zone's reserves across them.
    pub fn replan(&mut self) {
        self.planning.result = None;
        self.planning.error = None;
        let (Some(id), Some(dir)) = (&self.settings.planning_zone, &self.settings.planning_dir) else {
            return;
        };
        let Some(zone) = self.ws.find(id).and_then(|z| self.ws.profile(z)) else {
            return;
        };
        match io::load_checklists(dir, &self.ws.catalog) {
            Ok((lists, errors)) => {
                let (paths, lists): (Vec<PathBuf>, Vec<_>) = lists.into_iter().unzip();
                let pipeline = crate::plan::pipeline::pipeline(&self.ws.catalog, zone, &lists, self.today);
                let files: Vec<String> = paths
                    .iter()
                    .map(|path| {
                        path.file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    })
                    .collect();
                let ledger = crate::report::projects::Ledger::build(
                    &self.ws.catalog,
                    files.iter().map(String::as_str).zip(&lists),
                    &self.ws.zones,
                    self.today,
                    self.lang(),
                );
                self.planning.result = Some(PlanningResult {
                    pipeline,
                    ledger,
                    paths,
                    errors,
                });
            }
            Err(e) => self.planning.error = Some(e),
        }
    }
}
