//! The zones the app works with (the folder of profiles, the good ones and the files that
//! failed to load) and the ranking of the working checklist against them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use crate::io::{self, FileError, FileStamp};
use crate::model::{Catalog, Checklist, FactorIdx, ZoneProfile};
use crate::scoring::{Counts, Prepared, Ranking, Scorer};

/// The loaded folder of zone profiles.
#[derive(Clone, Debug)]
pub struct Workspace {
    pub catalog: Catalog,
    pub dir: PathBuf,
    pub profiles: Vec<ZoneProfile>,
    /// The file of each profile, by the same position.
    pub paths: Vec<PathBuf>,
    /// What each profile's file was when it was read or last saved, by the same position.
    pub stamps: Vec<FileStamp>,
    /// One error per file that could not be loaded.
    pub errors: Vec<FileError>,
}

impl Workspace {
    /// Loads every profile in `dir`; a folder that cannot be read gives an empty workspace and
    /// the error.
    pub fn load(catalog: Catalog, dir: &Path) -> (Self, Option<FileError>) {
        Workspace::load_with_progress(catalog, dir, &|_, _| {})
    }

    /// No zones yet: the folder is still loading.
    pub fn empty(catalog: Catalog, dir: &Path) -> Self {
        Workspace {
            catalog,
            dir: dir.to_owned(),
            profiles: Vec::new(),
            paths: Vec::new(),
            stamps: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Like [`Workspace::load`], reporting `(done, total)` files as they are read.
    pub fn load_with_progress(
        catalog: Catalog,
        dir: &Path,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> (Self, Option<FileError>) {
        // Show and remember the folder as a full path, whatever folder the app was started in.
        let full = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
        let dir = full.as_path();
        match io::load_profiles_with_progress(dir, &catalog, progress) {
            Ok(loaded) => (
                Workspace {
                    catalog,
                    dir: dir.to_owned(),
                    profiles: loaded.profiles,
                    paths: loaded.paths,
                    stamps: loaded.stamps,
                    errors: loaded.errors,
                },
                None,
            ),
            Err(e) => (Workspace::empty(catalog, dir), Some(e)),
        }
    }

    /// The ids of the loaded zones.
    pub fn ids(&self) -> Vec<&str> {
        self.profiles.iter().map(|p| p.id.as_str()).collect()
    }

    /// The path a zone with this id is saved to.
    pub fn path_for(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Puts a saved profile in place (replacing the one of the same id) and returns its position.
    pub fn upsert(&mut self, profile: ZoneProfile, path: PathBuf, stamp: FileStamp) -> usize {
        self.errors.retain(|e| e.path != path);
        if let Some(i) = self.profiles.iter().position(|p| p.id == profile.id) {
            self.profiles[i] = profile;
            self.paths[i] = path;
            self.stamps[i] = stamp;
            return i;
        }
        let i = self.profiles.partition_point(|p| p.id < profile.id);
        self.profiles.insert(i, profile);
        self.paths.insert(i, path);
        self.stamps.insert(i, stamp);
        i
    }

    /// Removes a zone from the list (its file has been moved aside).
    pub fn remove(&mut self, zone: usize) {
        if zone < self.profiles.len() {
            self.profiles.remove(zone);
            self.paths.remove(zone);
            self.stamps.remove(zone);
        }
    }
}

/// A folder being loaded on a worker thread, so a large one does not freeze the window.
#[derive(Debug)]
pub struct FolderLoad {
    pub dir: PathBuf,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    handle: Option<JoinHandle<(Workspace, Option<FileError>)>>,
}

impl FolderLoad {
    /// Starts loading; `repaint` is called as files finish so the progress shows.
    pub fn start(catalog: Catalog, dir: PathBuf, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let (d, t, path) = (done.clone(), total.clone(), dir.clone());
        let handle = std::thread::spawn(move || {
            let result = Workspace::load_with_progress(catalog, &path, &|n, of| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
                repaint();
            });
            repaint();
            result
        });
        FolderLoad {
            dir,
            done,
            total,
            handle: Some(handle),
        }
    }

    /// Files read so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// The loaded workspace once the worker is done.
    pub fn try_finish(&mut self) -> Option<(Workspace, Option<FileError>)> {
        if self.handle.as_ref().is_some_and(JoinHandle::is_finished) {
            self.handle.take()?.join().ok()
        } else {
            None
        }
    }
}

/// The ranking of the working checklist, with the requirements it was scored against (for
/// explaining items).
#[derive(Clone, Debug, Default)]
pub struct Results {
    pub ranking: Ranking,
    pub requirements: Vec<Prepared>,
    /// Per catalog factor, how many zones have each status (empty counts when not scored).
    pub per_factor: Vec<Counts>,
}

impl Results {
    /// What it would take for a ranked zone to win the checklist (see [`crate::plan`]).
    pub fn plan(&self, profile: &ZoneProfile, zone: &crate::scoring::ZoneResult) -> crate::plan::Plan {
        crate::plan::plan_for(&self.requirements, profile, zone, crate::plan::DEFAULT_TARGET)
    }

    /// Follows an edit of one factor: rescores that factor in every zone and ranks again,
    /// or (when the edit changed more) scores everything afresh.
    pub fn rescore_factor(
        &mut self,
        catalog: &Catalog,
        checklist: &Checklist,
        profiles: &[ZoneProfile],
        factor: FactorIdx,
    ) {
        let scorer = Scorer::new(catalog, checklist);
        if !scorer.rescore_factor(&mut self.ranking, &self.requirements, factor, profiles) {
            *self = Results::compute(catalog, checklist, profiles);
            return;
        }
        let mut counts = Counts::default();
        for zone in &self.ranking.zones {
            if let Some(item) = zone.item(factor) {
                counts.add(item.status);
            }
        }
        if let Some(c) = self.per_factor.get_mut(factor.index()) {
            *c = counts;
        }
        self.requirements = scorer.requirements().to_vec();
    }

    pub fn compute(catalog: &Catalog, checklist: &Checklist, profiles: &[ZoneProfile]) -> Self {
        let scorer = Scorer::new(catalog, checklist);
        let ranking = scorer.rank(profiles);
        let mut per_factor = vec![Counts::default(); catalog.len()];
        for zone in &ranking.zones {
            for item in &zone.items {
                if let Some(c) = per_factor.get_mut(item.factor.index()) {
                    c.add(item.status);
                }
            }
        }
        Results {
            ranking,
            requirements: scorer.requirements().to_vec(),
            per_factor,
        }
    }
}
