//! The zones the app works with (the folder of profiles, the good ones and the files that
//! failed to load) and the ranking of the working checklist against them. No egui: the app
//! owns these, the panels read them.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::io::{self, FileError, FileStamp, Zone};
use crate::model::{Catalog, Checklist, FactorIdx, ZoneIdx, ZoneProfile};
use crate::scoring::stability::{Flip, first_place};
use crate::scoring::{Counts, Prepared, Ranking, Scorer};

/// The loaded folder of zone profiles.
#[derive(Clone, Debug)]
pub struct Workspace {
    pub catalog: Catalog,
    pub dir: PathBuf,
    /// The good profiles, sorted by id; a [`ZoneIdx`] is a position here.
    pub zones: Vec<Zone>,
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
            zones: Vec::new(),
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
        let full = io::full_path(dir);
        let dir = full.as_path();
        match io::load_profiles_with_progress(dir, &catalog, progress) {
            Ok(loaded) => (
                Workspace {
                    catalog,
                    dir: dir.to_owned(),
                    zones: loaded.zones,
                    errors: loaded.errors,
                },
                None,
            ),
            Err(e) => (Workspace::empty(catalog, dir), Some(e)),
        }
    }

    /// A loaded zone.
    pub fn zone(&self, zone: ZoneIdx) -> Option<&Zone> {
        self.zones.get(zone.index())
    }

    /// A loaded zone's profile.
    pub fn profile(&self, zone: ZoneIdx) -> Option<&ZoneProfile> {
        self.zone(zone).map(|z| &z.profile)
    }

    /// The zone with this id.
    pub fn find(&self, id: &str) -> Option<ZoneIdx> {
        self.zones
            .iter()
            .position(|z| z.profile.id == id)
            .map(ZoneIdx::new)
    }

    /// The ids of the loaded zones.
    pub fn ids(&self) -> Vec<&str> {
        self.zones.iter().map(|z| z.profile.id.as_str()).collect()
    }

    /// The path a zone with this id is saved to.
    pub fn path_for(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Puts a saved profile in place (replacing the one of the same id) and returns its
    /// position.
    pub fn upsert(&mut self, profile: ZoneProfile, path: PathBuf, stamp: FileStamp) -> ZoneIdx {
        self.errors.retain(|e| e.path != path);
        if let Some(i) = self.find(&profile.id) {
            self.zones[i.index()] = Zone { profile, path, stamp };
            return i;
        }
        let i = self.zones.partition_point(|z| z.profile.id < profile.id);
        self.zones.insert(i, Zone { profile, path, stamp });
        ZoneIdx::new(i)
    }

    /// Removes a zone from the list (its file has been moved aside).
    pub fn remove(&mut self, zone: ZoneIdx) {
        if zone.index() < self.zones.len() {
            self.zones.remove(zone.index());
        }
    }
}

/// The ranking of the working checklist, with the requirements it was scored against (for
/// explaining items).
#[derive(Clone, Debug, Default)]
pub struct Results {
    pub ranking: Ranking,
    pub requirements: Vec<Prepared>,
    /// The items marked not needed that carry a requirement (for the first place's check).
    pub dormant: Vec<Prepared>,
    /// Per catalog factor, how many zones have each status (empty counts when not scored).
    pub per_factor: Vec<Counts>,
    /// The day the ranking is made (plans dated before it are overdue).
    pub today: Date,
    /// Whether one change of one item's importance would swap the top two (`None` with
    /// fewer than two zones ranked).
    pub first_place: Option<Option<Flip>>,
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
        zones: &[Zone],
        factor: FactorIdx,
    ) {
        let scorer = Scorer::new(catalog, checklist, self.today);
        if !scorer.rescore_factor(&mut self.ranking, &self.requirements, factor, zones) {
            *self = Results::compute(catalog, checklist, zones, self.today);
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
        self.dormant = scorer.dormant().to_vec();
        self.first_place = first_place(&self.requirements, &self.dormant, &self.ranking.zones, zones);
    }

    pub fn compute(catalog: &Catalog, checklist: &Checklist, zones: &[Zone], today: Date) -> Self {
        let scorer = Scorer::new(catalog, checklist, today);
        let ranking = scorer.rank(zones);
        let mut per_factor = vec![Counts::default(); catalog.len()];
        for zone in &ranking.zones {
            for item in &zone.items {
                if let Some(c) = per_factor.get_mut(item.factor.index()) {
                    c.add(item.status);
                }
            }
        }
        let requirements = scorer.requirements().to_vec();
        let dormant = scorer.dormant().to_vec();
        Results {
            first_place: first_place(&requirements, &dormant, &ranking.zones, zones),
            ranking,
            requirements,
            dormant,
            per_factor,
            today,
        }
    }
}
