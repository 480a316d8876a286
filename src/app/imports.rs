//! Importing zone figures from a spreadsheet: the workbook picked is read on a worker into a
//! change set, which the Zones tab shows for review; the figures accepted are saved on a worker
//! after the workbook is read again over the zones as they are then (a change set judged
//! against zones that changed meanwhile is shown again, not saved), and the folder reloads.

use std::path::PathBuf;

use egui::Context;
use jiff::civil::Date;

use super::SiteMatchApp;
use super::dialogs::FileKind;
use super::jobs::{self, Job};
use crate::import::{self, ChangeSet, ImportError, Options};
use crate::io::{self, FileError};
use crate::model::history::When;
use crate::model::{Bilingual, Catalog, Localize};
use crate::state::import_review::ImportReview;
use crate::state::{Pending, Tab};

/// A workbook as read: its file, and its bytes, the as-of date given and the change set or
/// why not; or why the file could not be read.
type ReadDone = (
    PathBuf,
    Result<(Vec<u8>, Option<Date>, Result<ChangeSet, ImportError>), FileError>,
);

/// What saving a review came to.
#[derive(Debug)]
enum SaveDone {
    Saved(io::import::Applied),
    /// The zones changed since the review was read: the workbook read again over them.
    Changed(Result<ChangeSet, ImportError>),
}

/// The import under review, and its jobs.
#[derive(Debug, Default)]
pub(super) struct Imports {
    pub review: Option<ImportReview>,
    read: Option<Job<ReadDone>>,
    save: Option<Job<SaveDone>>,
    /// Closing was asked with figures accepted: the next close discards them.
    pub confirm_close: bool,
    /// An investor's message being drafted into a checklist (粘贴投资方来信).
    pub inquiry: Option<crate::state::inquiry_paste::InquiryPaste>,
}

impl Imports {
    /// Whether figures are accepted in the review and not saved.
    pub fn unsaved(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.accepted_count() > 0)
    }

    /// Whether a workbook is being read or saved.
    pub fn busy(&self) -> bool {
        self.read.is_some() || self.save.is_some()
    }
}

impl SiteMatchApp {
    /// Picks a workbook and starts reading it.
    pub(super) fn import_inventory(&mut self) {
        let lang = self.lang();
        if self
            .imports
            .review
            .as_ref()
            .is_some_and(|r| r.accepted_count() > 0)
        {
            return self.notify(TEXTS.get(lang).review_open.to_owned(), true);
        }
        let start = self.docs.ws().dir.clone();
        let Some(path) = self.env.dialogs().open_file(FileKind::Xlsx, Some(&start), lang) else {
            return;
        };
        self.start_read(path, None, None);
    }

    /// Starts reading a workbook dropped on the window, unless a review holds accepted figures.
    pub(super) fn import_inventory_file(&mut self, path: PathBuf) {
        if self.imports.unsaved() {
            return self.notify(TEXTS.get(self.lang()).review_open.to_owned(), true);
        }
        self.views.set_tab(Tab::Zones);
        self.start_read(path, None, None);
    }

    /// Reads `path` (or the bytes already read from it) over the zones as they are now.
    fn start_read(&mut self, path: PathBuf, bytes: Option<Vec<u8>>, as_of: Option<Date>) {
        let catalog = self.docs.catalog().clone();
        let profiles: Vec<crate::model::ZoneProfile> =
            self.docs.ws().zones.iter().map(|z| z.profile.clone()).collect();
        let today = self.docs.today();
        self.imports.confirm_close = false;
        self.imports.read = Some(self.env.runner().start("read an inventory workbook", move || {
            let bytes = match bytes {
                Some(b) => Ok(b),
                None => io::read_workbook(&path),
            };
            let done = bytes.map(|bytes| {
                let set = import::read(&catalog, &profiles, &bytes, &options(&path, as_of, today));
                (bytes, as_of, set)
            });
            (path, done)
        }));
    }

    /// Reads the workbook waiting for its as-of date with the date typed.
    pub(super) fn review_read_as_of(&mut self) {
        let Some(review) = &mut self.imports.review else {
            return;
        };
        let typed = review.as_of_text.trim().to_owned();
        let date = match crate::model::cell::read_date(&typed) {
            Ok(Some((d, _))) => d,
            Ok(None) => {
                let e = crate::model::ValueError::NotADate { given: typed };
                return self.notify_error(&e);
            }
            Err(e) => return self.notify_error(&e),
        };
        let (path, bytes) = (review.path.clone(), std::mem::take(&mut review.bytes));
        self.imports.review = None;
        self.start_read(path, Some(bytes), Some(date));
    }

    /// Saves the accepted figures on a worker.
    pub(super) fn review_save(&mut self) {
        let Some(review) = &self.imports.review else {
            return;
        };
        let Some(set) = review.set.clone() else { return };
        if review.accepted_count() == 0 || self.imports.busy() {
            return;
        }
        let accepted: Vec<Vec<bool>> = set
            .zones
            .iter()
            .enumerate()
            .map(|(z, zone)| (0..zone.figures.len()).map(|f| review.accepted(z, f)).collect())
            .collect();
        let catalog: Catalog = self.docs.catalog().clone();
        let ws = self.docs.ws();
        let (zones, dir) = (ws.zones.clone(), ws.dir.clone());
        let (bytes, as_of, path) = (review.bytes.clone(), review.as_of, review.path.clone());
        let today = self.docs.today();
        let who = self.settings.prepared_by.clone();
        self.imports.save = Some(self.env.runner().start("save an import", move || {
            match import::read(&catalog, &zones, &bytes, &options(&path, as_of, today)) {
                Ok(now) if now == set => {
                    let at = io::clock::now();
                    let when = When::new(at.timestamp(), at.offset());
                    let accept =
                        |z: usize, f: usize| accepted.get(z).and_then(|z| z.get(f)).copied().unwrap_or(false);
                    SaveDone::Saved(io::import::apply(
                        &dir, &catalog, &zones, &set, when, &who, accept,
                    ))
                }
                other => SaveDone::Changed(other),
            }
        }));
    }

    /// Closes the review; with figures accepted, only when asked twice.
    pub(super) fn review_close(&mut self) {
        let accepted = self
            .imports
            .review
            .as_ref()
            .is_some_and(|r| r.accepted_count() > 0);
        if accepted && !self.imports.confirm_close {
            self.imports.confirm_close = true;
            return;
        }
        self.imports.review = None;
        self.imports.confirm_close = false;
    }

    /// Takes what the import jobs finished.
    pub(super) fn poll_imports(&mut self, ctx: &Context) {
        let lang = self.lang();
        match jobs::finished(&mut self.imports.read) {
            Some(Ok((path, done))) => match done {
                Err(e) => self.notify_error(&e),
                Ok((bytes, as_of, Ok(set))) => {
                    self.imports.review = Some(ImportReview::new(path, bytes, as_of, set));
                    self.views.set_tab(Tab::Zones);
                }
                Ok((bytes, _, Err(ImportError::NeedsAsOf { .. }))) => {
                    self.imports.review = Some(ImportReview::waiting(path, bytes));
                    self.views.set_tab(Tab::Zones);
                }
                Ok((_, _, Err(e))) => {
                    let text = (TEXTS.get(lang).not_read)(&file_name(&path), &e.text(lang));
                    self.notify(text, true);
                }
            },
            Some(Err(stopped)) => self.notify_error(&stopped),
            None => {}
        }
        match jobs::finished(&mut self.imports.save) {
            Some(Ok(SaveDone::Saved(applied))) => {
                for e in &applied.failed {
                    self.notify_error(e);
                }
                for e in &applied.history_failed {
                    self.notify_error(e);
                }
                let text =
                    (TEXTS.get(lang).saved)(applied.figures, applied.updated.len(), applied.created.len());
                self.notify(text, false);
                self.imports.review = None;
                self.request(ctx, Pending::Reload);
            }
            Some(Ok(SaveDone::Changed(read))) => match read {
                Ok(set) => {
                    if let Some(review) = &mut self.imports.review {
                        review.install(set);
                    }
                    self.notify(TEXTS.get(lang).changed.to_owned(), true);
                }
                Err(e) => {
                    self.imports.review = None;
                    self.notify_error(&e);
                }
            },
            Some(Err(stopped)) => self.notify_error(&stopped),
            None => {}
        }
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn options(path: &std::path::Path, as_of: Option<Date>, today: Date) -> Options {
    Options {
        file: file_name(path),
        as_of,
        today,
    }
}

/// The import's notices.
struct Texts {
    review_open: &'static str,
    not_read: fn(&str, &str) -> String,
    saved: fn(usize, usize, usize) -> String,
    changed: &'static str,
}

static TEXTS: Bilingual<Texts> = Bilingual {
    zh: Texts {
        review_open: "正在审核的导入有已接受的数据：请先保存或放弃，再导入下一个表。",
        not_read: |file, why| format!("未能导入 {file}：{why}"),
        saved: |figures, updated, created| {
            format!("已写入 {figures} 项数据：更新 {updated} 个开发区，新建 {created} 个，均已记入修改记录。")
        },
        changed: "审核期间开发区数据已有变化：已按最新数据重新比对，请重新审核后再保存。",
    },
    en: Texts {
        review_open: "The import under review has accepted figures: save or discard them before importing another table.",
        not_read: |file, why| format!("{file} was not imported: {why}"),
        saved: |figures, updated, created| {
            format!(
                "Saved {figures} figure(s): {updated} zone(s) updated, {created} new, each recorded in its history."
            )
        },
        changed: "The zones changed during the review: the table was compared again with them; review it again before saving.",
    },
};
