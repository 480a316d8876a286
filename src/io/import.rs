//! Saving what an officer accepted of an import's change set: each changed zone through the
//! checked save (a profile someone else saved meanwhile is not overwritten), each new zone as
//! a new file of the folder, and every save recorded in the zone's history as an import, by
//! whoever is named. A zone that cannot be saved is reported and the others still are.

use std::path::{Path, PathBuf};

use super::load::Zone;
use super::{FileError, SaveError, history, save_profile_checked};
use crate::import::{ChangeSet, Target};
use crate::model::Catalog;
use crate::model::history::{How, Record, When};
use crate::model::parse::check_profile_id;

/// What [`apply`] wrote.
#[derive(Debug, Default)]
pub struct Applied {
    /// Profiles changed, and profiles made.
    pub updated: Vec<PathBuf>,
    pub created: Vec<PathBuf>,
    /// Figures taken.
    pub figures: usize,
    /// Zones not saved, each with why; the others are.
    pub failed: Vec<SaveError>,
    /// Saves whose history could not be written (the profile is saved).
    pub history_failed: Vec<FileError>,
}

/// Saves the changes `accept` picks (zone and figure by their places in the change set) into
/// `dir`, over `zones` (the profiles the change set was read against). Writes only inside
/// `dir`: a new zone's file is named by its checked id.
pub fn apply(
    dir: &Path,
    catalog: &Catalog,
    zones: &[Zone],
    set: &ChangeSet,
    when: When,
    who: &str,
    accept: impl Fn(usize, usize) -> bool,
) -> Applied {
    let mut out = Applied::default();
    for (z, change) in set.zones.iter().enumerate() {
        let taken = change
            .figures
            .iter()
            .enumerate()
            .filter(|(i, f)| f.judgement.acceptable() && accept(z, *i))
            .count();
        if taken == 0 {
            continue;
        }
        let (path, base, stamp) = match &change.target {
            Target::Existing(i) => match zones.get(i.index()) {
                Some(zone) => (zone.path.clone(), Some(&zone.profile), Some(&zone.stamp)),
                None => continue,
            },
            Target::New(p) => {
                if check_profile_id(&p.id).is_err() {
                    continue;
                }
                (dir.join(format!("{}.ron", p.id)), None, None)
            }
        };
        let profile = change.apply(catalog, base, |i| accept(z, i));
        // A new zone's file must not exist yet: `None` refuses to write over one.
        match save_profile_checked(&path, &profile, catalog, stamp) {
            Ok(_) => {
                out.figures += taken;
                if let Some(record) = Record::of_save(catalog, base, &profile, when, who, How::Import)
                    && let Err(e) = history::append_history(&path, &[record])
                {
                    out.history_failed.push(e);
                }
                if base.is_some() {
                    out.updated.push(path);
                } else {
                    out.created.push(path);
                }
            }
            Err(e) => out.failed.push(e),
        }
    }
    out
}
