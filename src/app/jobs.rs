//! Work that must not hold up the window: one [`Job`] type runs a closure on a worker thread
//! (the window) or at once (tests, which draw frames without threads), and hands back its
//! result, or that the worker panicked, exactly once. The jobs the app runs with it are here
//! too: loading a folder of zones, reading the pending projects' checklists, listing the
//! sample checklists, reading the history of the zone being edited. Nothing in this file
//! draws or owns app state.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use crate::io::{self, FileError};
use crate::model::history::Record;
use crate::model::{Catalog, Checklist, Lang, Localize};
use crate::state::workspace::Workspace;
use crate::ui::start_view::Sample;

/// Where jobs run: on worker threads that repaint this context when they finish (the
/// window), or at once on the caller's thread (`None`: tests).
#[derive(Clone, Debug, Default)]
pub struct Runner {
    background: Option<egui::Context>,
}

impl Runner {
    pub fn new(background: Option<egui::Context>) -> Self {
        Runner { background }
    }

    /// Whether jobs run on workers (the window) rather than at once.
    pub fn in_background(&self) -> bool {
        self.background.is_some()
    }

    /// A repaint of the window from a worker; does nothing when jobs run at once.
    pub fn repaint_handle(&self) -> impl Fn() + Send + Sync + 'static {
        let ctx = self.background.clone();
        move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        }
    }

    /// Starts `work`, named `what` in the log should it panic.
    pub fn start<T: Send + 'static>(
        &self,
        what: &'static str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Job<T> {
        let state = match &self.background {
            Some(ctx) => {
                let ctx = ctx.clone();
                JobState::Running(std::thread::spawn(move || {
                    let result = work();
                    ctx.request_repaint();
                    result
                }))
            }
            None => JobState::Done(Ok(work())),
        };
        Job { what, state }
    }
}

/// A job that panicked: its result is lost, and the app says so instead of waiting for ever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobPanicked(pub &'static str);

impl Localize for JobPanicked {
    fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => "后台任务意外中止，结果未能取得；请重试，详情见日志。".to_owned(),
            Lang::En => "A background task stopped unexpectedly and its result was lost; try again \
                         (details in the log)."
                .to_owned(),
        }
    }
}

/// One piece of work on a worker, or its result.
#[derive(Debug)]
pub struct Job<T> {
    what: &'static str,
    state: JobState<T>,
}

#[derive(Debug)]
enum JobState<T> {
    Running(JoinHandle<T>),
    Done(Result<T, JobPanicked>),
    Taken,
}

impl<T> Job<T> {
    /// The result once the work is done, exactly once; `Err` when the worker panicked (logged
    /// here, since the panic's own message went to standard error only).
    pub fn try_finish(&mut self) -> Option<Result<T, JobPanicked>> {
        if let JobState::Running(handle) = &self.state
            && !handle.is_finished()
        {
            return None;
        }
        match std::mem::replace(&mut self.state, JobState::Taken) {
            JobState::Running(handle) => Some(handle.join().map_err(|_| {
                log::error!(
                    "the background task \"{}\" panicked; its result is lost",
                    self.what
                );
                JobPanicked(self.what)
            })),
            JobState::Done(result) => Some(result),
            JobState::Taken => None,
        }
    }
}

/// Takes a finished job's result out of its slot, leaving the slot empty.
pub fn finished<T>(slot: &mut Option<Job<T>>) -> Option<Result<T, JobPanicked>> {
    let result = slot.as_mut()?.try_finish()?;
    *slot = None;
    Some(result)
}

/// A folder of zones as loaded.
pub type Loaded = (Workspace, Option<FileError>);

/// A folder of zones being loaded, with its progress for the loading bar.
#[derive(Debug)]
pub struct FolderLoad {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    job: Job<Loaded>,
}

impl FolderLoad {
    /// Starts loading; the window repaints as files finish so the progress shows.
    pub fn start(runner: &Runner, catalog: Catalog, dir: PathBuf) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let (d, t) = (done.clone(), total.clone());
        let repaint = runner.repaint_handle();
        let job = runner.start("load the zones folder", move || {
            Workspace::load_with_progress(catalog, &dir, &|n, of| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
                repaint();
            })
        });
        FolderLoad { done, total, job }
    }

    /// Files read so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// The loaded workspace once the worker is done.
    pub fn try_finish(&mut self) -> Option<Result<Loaded, JobPanicked>> {
        self.job.try_finish()
    }
}

/// The folders being read for the window: the zones, and the sample checklists; and the
/// history of the zone in the editor.
#[derive(Debug, Default)]
pub struct Loads {
    pub folder: Option<FolderLoad>,
    pub samples: Option<Job<Vec<Sample>>>,
    pub history: Option<Job<HistoryRead>>,
}

/// A zone's history as read: the profile file it belongs to, and its records or why not.
pub type HistoryRead = (PathBuf, Result<Vec<Record>, FileError>);

/// Reads the history of the zone saved at `profile` on a worker.
pub fn read_history(runner: &Runner, profile: PathBuf) -> Job<HistoryRead> {
    runner.start("read a zone's history", move || {
        let read = io::history::zone_history(&profile);
        (profile, read)
    })
}

/// The checklists of a folder as read: each with its file, and the files that are not
/// readable checklists; or why the folder itself could not be read.
pub type ChecklistsRead = Result<(Vec<(PathBuf, Checklist)>, Vec<FileError>), FileError>;

/// Reads a folder of checklists (the pending projects) on a worker.
pub fn read_checklists(runner: &Runner, catalog: Catalog, dir: PathBuf) -> Job<ChecklistsRead> {
    runner.start("read the pending projects", move || {
        io::load_checklists(&dir, &catalog)
    })
}

/// Lists the sample checklists of a folder on a worker, by project name; a folder that
/// cannot be read offers none (the start page says so) and the reason goes to the log.
pub fn list_samples(runner: &Runner, catalog: Catalog, dir: PathBuf) -> Job<Vec<Sample>> {
    runner.start("list the sample checklists", move || samples_in(&dir, &catalog))
}

fn samples_in(dir: &Path, catalog: &Catalog) -> Vec<Sample> {
    let lists = match io::load_checklists(dir, catalog) {
        Ok((lists, _)) => lists,
        Err(e) => {
            log::warn!("{}", e.text(Lang::En));
            return Vec::new();
        }
    };
    lists
        .into_iter()
        .map(|(path, c)| Sample {
            project: c.project,
            investor: c.investor,
            path,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_run_at_once_gives_its_result_exactly_once() {
        let mut job = Runner::new(None).start("add", || 2 + 2);
        assert_eq!(job.try_finish(), Some(Ok(4)));
        assert_eq!(job.try_finish(), None);
    }

    #[test]
    fn a_worker_that_panics_is_reported_not_waited_for() {
        // A worker thread with no window to repaint: the job's own thread, joined here.
        let mut job = Job {
            what: "fail",
            state: JobState::Running(std::thread::spawn(|| -> u8 { panic!("boom") })),
        };
        let result = loop {
            if let Some(r) = job.try_finish() {
                break r;
            }
            std::thread::yield_now();
        };
        assert_eq!(result, Err(JobPanicked("fail")));
        let mut slot = Some(job);
        assert_eq!(finished(&mut slot), None, "a job gives its result once");
    }

    #[test]
    fn finished_empties_the_slot_only_when_the_job_is_done() {
        let mut slot = Some(Runner::new(None).start("one", || 1));
        assert_eq!(finished(&mut slot), Some(Ok(1)));
        assert!(slot.is_none());
        assert_eq!(finished::<u8>(&mut None), None);
    }
}
