//! Loading documents: one catalog, profile, checklist or filled survey from its file, and every
//! profile or checklist of a folder, with one error per file that does not load. Reads through
//! `read`, never writes a document (the profile cache is `cache`'s).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use super::read::read_stamped;
use super::{FileError, FileProblem, FileStamp, IoAction, cache, folder, read_bytes, read_nonempty};
use crate::model::{self, Catalog, Checklist, ZoneProfile};

/// Reads a filled survey workbook into a checklist (see [`crate::survey::read`]); every cell
/// that cannot be read is named in the message as `sheet!cell`.
pub fn import_survey(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    let bytes = read_bytes(path)?;
    crate::survey::read(catalog, &bytes).map_err(|e| FileError::new(path, FileProblem::Survey(e)))
}

/// Loads a catalog file.
pub fn load_catalog(path: &Path) -> Result<Catalog, FileError> {
    let text = read_nonempty(path)?;
    Catalog::parse(&text).map_err(|e| FileError::parse(path, e))
}

/// The zone id a profile file stands for: its file stem.
pub fn profile_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Loads one zone profile; its id is the file stem.
pub fn load_profile(path: &Path, catalog: &Catalog) -> Result<ZoneProfile, FileError> {
    load_profile_stamped(path, catalog).map(|(p, _)| p)
}

/// Loads one zone profile with the stamp of the file as read.
pub fn load_profile_stamped(path: &Path, catalog: &Catalog) -> Result<(ZoneProfile, FileStamp), FileError> {
    let (text, stamp) = read_stamped(path)?;
    let profile =
        model::parse_profile(&text, &profile_id(path), catalog).map_err(|e| FileError::parse(path, e))?;
    Ok((profile, stamp))
}

/// Loads one investor checklist.
pub fn load_checklist(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    load_checklist_stamped(path, catalog).map(|(c, _)| c)
}

/// Loads a checklist to score, report on or check: as [`load_checklist`], and a must-have
/// the header cannot give a requirement is an error named at its item
/// ([`model::parse::check_scorable`]).
pub fn load_checklist_to_score(path: &Path, catalog: &Catalog) -> Result<Checklist, FileError> {
    let text = read_nonempty(path)?;
    let checklist = model::parse_checklist(&text, catalog).map_err(|e| FileError::parse(path, e))?;
    model::parse::check_scorable(&text, catalog, &checklist).map_err(|e| FileError::parse(path, e))?;
    Ok(checklist)
}

/// Loads one investor checklist with the stamp of the file as read.
pub fn load_checklist_stamped(path: &Path, catalog: &Catalog) -> Result<(Checklist, FileStamp), FileError> {
    let (text, stamp) = read_stamped(path)?;
    let checklist = model::parse_checklist(&text, catalog).map_err(|e| FileError::parse(path, e))?;
    Ok((checklist, stamp))
}

/// What loading a folder of profiles gave: the good ones, sorted by id, and one error per file
/// that could not be loaded.
#[derive(Clone, Debug, Default)]
pub struct LoadedProfiles {
    pub zones: Vec<Zone>,
    pub errors: Vec<FileError>,
}

impl LoadedProfiles {
    /// The profiles alone, for callers that do not write them back.
    pub fn into_profiles(self) -> Vec<ZoneProfile> {
        self.zones.into_iter().map(|z| z.profile).collect()
    }
}

/// A loaded zone: its profile, the file it lives in, and what that file was when it was read
/// or last saved (to notice someone else changing it).
#[derive(Clone, Debug)]
pub struct Zone {
    pub profile: ZoneProfile,
    pub path: PathBuf,
    pub stamp: FileStamp,
}

impl AsRef<ZoneProfile> for Zone {
    fn as_ref(&self) -> &ZoneProfile {
        &self.profile
    }
}

/// The `*.ron` files of a folder, sorted by name, leaving out hidden and temporary files.
pub fn ron_files(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let entries = fs::read_dir(dir).map_err(|e| FileError::io(dir, IoAction::OpenFolder, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        // The entry's own type needs no `stat` on most file systems; a link is followed.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| p.extension() == Some(OsStr::new("ron")))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter(|p| !p.is_symlink() || p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// The readable checklists of a folder, each with its path, and one error per other file.
pub type LoadedChecklists = (Vec<(PathBuf, Checklist)>, Vec<FileError>);

/// The checklists of a folder (pending projects, say), each with its path, and one error per
/// file that is not a readable checklist. Only a folder that cannot be read is an error.
pub fn load_checklists(dir: &Path, catalog: &Catalog) -> Result<LoadedChecklists, FileError> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let files = ron_files(dir)?;
    bad.extend(folder::passed_over(dir));
    for path in files {
        match load_checklist(&path, catalog) {
            Ok(c) => good.push((path, c)),
            Err(e) => bad.push(e),
        }
    }
    Ok((good, bad))
}

/// Loads every profile of a folder. One bad file never stops the others; only a folder that
/// cannot be read at all is an error.
pub fn load_profiles(dir: &Path, catalog: &Catalog) -> Result<LoadedProfiles, FileError> {
    load_profiles_with_progress(dir, catalog, &|_, _| {})
}

/// Like [`load_profiles`], reading files in parallel and calling `progress(done, total)` as
/// files finish (from worker threads), so a caller can show how far a large folder has got.
pub fn load_profiles_with_progress(
    dir: &Path,
    catalog: &Catalog,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<LoadedProfiles, FileError> {
    load_profiles_cached(dir, catalog, None, progress)
}

/// Like [`load_profiles_with_progress`], taking the profiles of files unchanged since they
/// were last read from the cache in `cache_dir` ([`cache`]) instead of parsing them again, and
/// bringing the cache up to date. The result is the same as without a cache.
pub fn load_profiles_cached(
    dir: &Path,
    catalog: &Catalog,
    cache_dir: Option<&Path>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<LoadedProfiles, FileError> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let files = ron_files(dir)?;
    let total = files.len();
    let done = AtomicUsize::new(0);
    let bytes = cache_dir.and_then(|c| cache::CacheBytes::read(c, dir));
    let cached = cache_dir.map(|_| cache::Cached::parse(bytes.as_ref(), catalog));
    let hits = AtomicUsize::new(0);
    type Read = Result<(ZoneProfile, FileStamp), FileError>;
    let results: Vec<(PathBuf, Read)> = files
        .into_par_iter()
        .map(|path| {
            let result = match cached.as_ref().and_then(|c| c.hit(&path, catalog)) {
                Some(hit) => {
                    hits.fetch_add(1, Ordering::Relaxed);
                    Ok(hit)
                }
                None => load_profile_stamped(&path, catalog),
            };
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            (path, result)
        })
        .collect();
    if let (Some(cache_dir), Some(cached)) = (cache_dir, &cached) {
        let good = || {
            results.iter().filter_map(|(path, r)| {
                r.as_ref()
                    .ok()
                    .map(|(profile, stamp)| (path.as_path(), profile, stamp))
            })
        };
        // Written again when a good profile was read from its file, or one it held is gone; a
        // file that does not load is read every time and changes nothing.
        let hits = hits.load(Ordering::Relaxed);
        if good().count() != hits || hits != cached.held() {
            cache::write(cache_dir, dir, catalog, good());
        }
    }
    let clashes = case_clashes(
        results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(p, _)| p.as_path()),
    );
    let mut loaded = LoadedProfiles::default();
    loaded.errors.extend(folder::passed_over(dir));
    folder::remove_stale_temporaries(dir);
    for (path, result) in results {
        match (result, clashes.iter().find(|e| e.path == path)) {
            (Ok(_), Some(clash)) => loaded.errors.push(clash.clone()),
            (Ok((profile, stamp)), None) => loaded.zones.push(Zone { profile, path, stamp }),
            (Err(e), _) => loaded.errors.push(e),
        }
    }
    crate::model::profile::share_owners(loaded.zones.iter_mut().map(|z| &mut z.profile));
    Ok(loaded)
}

/// Profile files whose ids differ only in letter case: they name the same file on Windows and
/// macOS, so each is refused rather than one picked. One error per clashing file.
pub fn case_clashes<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<FileError> {
    let mut by_lower: std::collections::BTreeMap<String, Vec<&Path>> = std::collections::BTreeMap::new();
    for path in paths {
        by_lower
            .entry(profile_id(path).to_lowercase())
            .or_default()
            .push(path);
    }
    by_lower
        .into_values()
        .filter(|group| group.len() > 1)
        .flat_map(|group| {
            group
                .iter()
                .map(|path| {
                    let id = profile_id(path);
                    let others: Vec<String> =
                        group.iter().map(|p| profile_id(p)).filter(|o| *o != id).collect();
                    FileError::new(path, FileProblem::CaseClash { id, others })
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Localize};

    #[test]
    fn a_parse_error_is_placed_at_its_line_in_either_language() {
        let c = Catalog::builtin().expect("catalog");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("list.ron");
        fs::write(
            &path,
            "Checklist(\n  items: {\n    \"power.capacity\": (required: \"5 亩\"),\n  },\n)\n",
        )
        .expect("write");
        let e = load_checklist(&path, &c).expect_err("land unit for power");
        let at = format!("{}:3:", path.display());
        assert!(e.text(Lang::Zh).starts_with(&at), "{}", e.text(Lang::Zh));
        assert!(
            e.text(Lang::Zh)
                .contains("可新增供电容量的要求：此项不能使用单位“亩”，可用：兆瓦、千瓦"),
            "{}",
            e.text(Lang::Zh)
        );
        assert!(
            e.to_string()
                .contains("Spare power capacity (`power.capacity`): `required`: unit `亩` is not allowed here; use mw or kw"),
            "{e}"
        );
    }
}
