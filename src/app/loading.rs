//! Loading a folder of zones on a worker thread, so a large folder does not freeze the window;
//! the loading bar (`ui::status_bar`) shows its progress.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use crate::io::FileError;
use crate::model::Catalog;
use crate::state::workspace::Workspace;

/// A folder being loaded on a worker thread, so a large one does not freeze the window.
#[derive(Debug)]
pub struct FolderLoad {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    handle: Option<JoinHandle<(Workspace, Option<FileError>)>>,
}

impl FolderLoad {
    /// Starts loading; `repaint` is called as files finish so the progress shows.
    pub fn start(catalog: Catalog, dir: PathBuf, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let (d, t) = (done.clone(), total.clone());
        let handle = std::thread::spawn(move || {
            let result = Workspace::load_with_progress(catalog, &dir, &|n, of| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
                repaint();
            });
            repaint();
            result
        });
        FolderLoad {
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
