//! `check`: validates profiles, checklists and catalogs, file by file or a folder at a time,
//! and prints every error. Reads only; the parsing and checking are `io`'s and the model's.

use std::path::{Path, PathBuf};

use super::Ctx;
use super::messages::{Failure, Notice, Summary, TEXTS, Texts};
use crate::io::{self, FileError, FileProblem};
use crate::model::parse::{FileKind, sniff};
use crate::model::text::printable;
use crate::model::{Catalog, Localize};

/// `check`: validates every file named, or every `*.ron` in a folder named. Returns false
/// when any is invalid. Prints `ok  file: summary` for good files and `bad file:line:column:
/// message` for the others (正常 / 有误 in Chinese).
pub(super) fn check(ctx: &Ctx, paths: &[PathBuf]) -> Result<bool, Failure> {
    let lang = ctx.lang();
    let Texts { ok, bad, .. } = TEXTS.get(lang);
    let mut files = Vec::new();
    let mut all_good = true;
    for path in paths {
        if path.is_dir() {
            let found = io::ron_files(path)?;
            for e in io::folder::passed_over(path) {
                all_good = false;
                eprintln!("{bad} {}", printable(&e.text(lang)));
            }
            if found.is_empty() {
                // Nothing checked is not "all good".
                all_good = false;
                eprintln!("{bad} {}", printable(&Notice::NoRonFiles(path).text(lang)));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut profiles = Vec::new();
    for file in &files {
        match check_file(&ctx.catalog, file) {
            Ok(summary) => {
                if matches!(summary, Summary::Profile { .. }) {
                    profiles.push(file.clone());
                }
                println!(
                    "{ok} {}",
                    printable(&format!("{}: {}", file.display(), summary.text(lang)))
                );
            }
            Err(e) => {
                all_good = false;
                eprintln!("{bad} {}", printable(&e.text(lang)));
            }
        }
    }
    // Profiles in one folder must not clash in id apart from letter case.
    let mut folders: Vec<&Path> = profiles.iter().filter_map(|p| p.parent()).collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        let here = profiles
            .iter()
            .filter(|p| p.parent() == Some(folder))
            .map(PathBuf::as_path);
        for e in io::case_clashes(here) {
            all_good = false;
            eprintln!("{bad} {}", printable(&e.text(lang)));
        }
    }
    Ok(all_good)
}

fn check_file(catalog: &Catalog, path: &Path) -> Result<Summary, FileError> {
    let text = io::read_nonempty(path)?;
    match sniff(&text) {
        Some(FileKind::Catalog) => {
            let c = io::load_catalog(path)?;
            Ok(Summary::Catalog { factors: c.len() })
        }
        Some(FileKind::Profile) => {
            let p = io::load_profile(path, catalog)?;
            Ok(Summary::Profile {
                known: p.known_count(),
                id: p.id,
                factors: catalog.len(),
            })
        }
        Some(FileKind::Checklist) => {
            let c = io::load_checklist_to_score(path, catalog)?;
            Ok(Summary::Checklist {
                items: c.items().count(),
                project: c.project,
            })
        }
        None => Err(FileError::new(path, FileProblem::NotSiteMatchFile)),
    }
}
