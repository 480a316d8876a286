//! Rankings of the sample zones for the writers' unit tests: the built-in catalog, the sample
//! checklists and the sample profiles, scored on a fixed day.

use jiff::civil::Date;

use super::ranking::RankingReport;
use super::{ReportLang, ReportModel, ReportOptions};
use crate::model::{Catalog, Checklist, Lang, ZoneProfile, parse_checklist, parse_profile};
use crate::scoring::Scorer;

/// The day every sample is scored on.
pub(crate) fn today() -> Date {
    Date::new(2026, 11, 29).expect("a date")
}

/// The sample zones, parsed.
pub(crate) fn profiles(catalog: &Catalog) -> Vec<ZoneProfile> {
    crate::assets::sample_profiles()
        .map(|(id, text)| parse_profile(text, id, catalog).expect("a sample parses"))
        .collect()
}

/// The sample checklist `name` (`pv_base`, `diamond`, `znalmg_steel`), parsed.
fn checklist(name: &str, catalog: &Catalog) -> Checklist {
    let text = crate::assets::SAMPLES
        .iter()
        .find(|s| s.path == format!("checklists/{name}.ron"))
        .expect("a sample checklist")
        .text;
    parse_checklist(text, catalog).expect("a sample checklist parses")
}

/// The sample checklist `name` ranked over the sample zones, with every text in `lang`.
pub(crate) fn ranking(name: &str, lang: Lang) -> RankingReport {
    ranking_on(name, lang, today())
}

/// The same, ranked on `day`: the samples' figures, dated 2023-12-31, are due on
/// 2025-12-15 for the factors that stay current two years (and stale for the others).
pub(crate) fn ranking_on(name: &str, lang: Lang, day: Date) -> RankingReport {
    let catalog = Catalog::builtin().expect("the built-in catalog");
    let checklist = checklist(name, &catalog);
    let profiles = profiles(&catalog);
    let scorer = Scorer::new(&catalog, &checklist, day);
    let ranking = scorer.rank(&profiles);
    RankingReport::build(&scorer, &checklist, &ranking, &profiles, lang, day)
}

/// The printed report of the sample checklist `name` over the sample zones, in `lang`.
pub(crate) fn report(name: &str, lang: ReportLang) -> ReportModel {
    report_on(name, lang, today())
}

/// The same, dated `day`.
pub(crate) fn report_on(name: &str, lang: ReportLang, day: Date) -> ReportModel {
    let catalog = Catalog::builtin().expect("the built-in catalog");
    let checklist = checklist(name, &catalog);
    let profiles = profiles(&catalog);
    let scorer = Scorer::new(&catalog, &checklist, day);
    let ranking = scorer.rank(&profiles);
    let mut options = ReportOptions::new(day);
    options.lang = lang;
    ReportModel::build(&scorer, &checklist, &ranking, &profiles, &options)
}

/// A file inside a zip archive (a .docx or .xlsx), as text.
pub(crate) fn zipped(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("the file in the archive");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8");
    text
}
