//! Work that must not take the program down, run as a child process of the program itself
//! with a time limit and a memory limit: a user's report template, which can loop or grow
//! without end. The child is the same executable with the same arguments and one
//! environment variable set; it does the work and says what it has to say, and the parent
//! waits, stops it when the time is up, and tells what became of it. The child's standard
//! error goes through the parent: passed on when the child ended by itself, kept for the log
//! when it was stopped or crashed (a Rust panic or allocation failure is no message for an
//! officer).

use std::ffi::OsString;
use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The environment variable that makes the program the bounded child; its value is the day
/// the parent ranks on (`2026-06-30`), so both agree even across midnight.
pub const CHILD: &str = "SITEMATCH_BOUNDED_CHILD";

/// Overrides the time limit, in seconds (for tests and for very large folders).
pub const SECONDS: &str = "SITEMATCH_TEMPLATE_SECONDS";

/// How long a template may take by default: the bundled report of 10 000 zones lays out in a
/// few seconds.
pub const DEFAULT_SECONDS: u64 = 120;

/// The memory a child may use: 1.5 GB, what a 4 GB laptop can spare beside the system, an
/// office suite and a browser, and still well above the bundled report of any folder
/// (≤ 300 MB resident).
///
/// On Unix it bounds the address space (`RLIMIT_AS`); on Windows, which has no rlimit, the
/// memory the child commits (a job object's process memory limit). The two count differently
/// (address space also counts what is reserved and never used), so the same figure leaves a
/// child on Windows a little more room.
pub const MEMORY_LIMIT: u64 = 1536 << 20;

/// How much of a child's standard error is kept; the rest is read and dropped, so a child that
/// writes without end never blocks on a full pipe nor fills the parent's memory.
const STDERR_KEPT: usize = 1 << 20;

/// [`MEMORY_LIMIT`] as people write it: `1.5 GB`.
pub fn memory_limit_text() -> String {
    let tenths = MEMORY_LIMIT * 10 / (1 << 30);
    match tenths % 10 {
        0 => format!("{} GB", tenths / 10),
        t => format!("{}.{t} GB", tenths / 10),
    }
}

/// What became of a bounded child, and what it wrote to standard error.
#[derive(Debug)]
pub struct Finished {
    pub outcome: Outcome,
    /// The child's standard error (its first [`STDERR_KEPT`] bytes).
    pub stderr: Vec<u8>,
}

/// What became of a bounded child.
#[derive(Debug)]
pub enum Outcome {
    /// It ended by itself with this exit code (its standard error says what it had to say).
    Exited(u8),
    /// It was stopped by the system: out of memory past the limit, or a crash.
    Crashed(ExitStatus),
    /// It ran past the time limit and was stopped.
    TimedOut(Duration),
}

/// The time limit: [`SECONDS`] when set to a whole number, else [`DEFAULT_SECONDS`].
pub fn time_limit() -> Duration {
    let secs = std::env::var(SECONDS)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(DEFAULT_SECONDS);
    Duration::from_secs(secs)
}

/// The day passed to this process as the bounded child, if it is one.
pub fn child_day() -> Option<String> {
    std::env::var(CHILD).ok()
}

/// Runs this program again with `args` as the bounded child and waits for it, at most
/// `limit`. Standard output is the child's own; its standard error is collected and returned.
pub fn run(args: &[OsString], day: &str, limit: Duration) -> std::io::Result<Finished> {
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe)
        .args(args)
        .env(CHILD, day)
        .stderr(Stdio::piped())
        .spawn()?;
    // Read on a thread of its own, so a child that writes much never waits on the pipe.
    let reader = child
        .stderr
        .take()
        .map(|pipe| std::thread::spawn(move || collect(pipe)));
    let started = Instant::now();
    let outcome = loop {
        if let Some(status) = child.try_wait()? {
            break match status.code().and_then(|c| u8::try_from(c).ok()) {
                Some(code @ 0..=2) => Outcome::Exited(code),
                _ => Outcome::Crashed(status),
            };
        }
        if started.elapsed() >= limit {
            // Already ended between the two checks is fine: kill fails, wait reaps it.
            let _ = child.kill();
            let _ = child.wait();
            break Outcome::TimedOut(limit);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // The pipe closes when the child has ended (it starts no children of its own).
    let stderr = match reader.map(std::thread::JoinHandle::join) {
        Some(Ok(bytes)) => bytes,
        Some(Err(_)) => {
            log::warn!("the bounded child's standard error could not be read");
            Vec::new()
        }
        None => Vec::new(),
    };
    Ok(Finished { outcome, stderr })
}

/// Reads a pipe to its end, keeping the first [`STDERR_KEPT`] bytes.
fn collect(mut pipe: impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let room = STDERR_KEPT.saturating_sub(kept.len());
                kept.extend_from_slice(buf.get(..n.min(room)).unwrap_or_default());
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                log::debug!("reading the bounded child's standard error: {e}");
                break;
            }
        }
    }
    kept
}

/// In the child: limits the memory it may take, so a runaway allocation fails here (and ends
/// this process) instead of swapping the machine. On Unix an rlimit, on Windows a job object;
/// elsewhere only the time limit holds.
pub fn limit_memory() {
    #[cfg(unix)]
    if let Err(e) = rlimit::Resource::AS.set(MEMORY_LIMIT, MEMORY_LIMIT) {
        log::warn!("the memory limit could not be set: {e}");
    }
    // win32job's error text leaves out the system's reason; its debug form has it.
    #[cfg(windows)]
    if let Err(e) = limit_memory_windows() {
        log::warn!("the memory limit could not be set: {e:?}");
    }
}

/// Puts this process in a new job object whose process memory limit is [`MEMORY_LIMIT`]: an
/// allocation that would take the memory this process commits past it fails.
#[cfg(windows)]
fn limit_memory_windows() -> Result<(), win32job::JobError> {
    use winapi::um::winnt::JOB_OBJECT_LIMIT_PROCESS_MEMORY;
    let mut info = win32job::ExtendedLimitInfo::new();
    // 1.5 GB fits in a usize on 32-bit Windows too.
    info.0.ProcessMemoryLimit = usize::try_from(MEMORY_LIMIT).unwrap_or(usize::MAX);
    info.0.BasicLimitInformation.LimitFlags |= JOB_OBJECT_LIMIT_PROCESS_MEMORY;
    let job = win32job::Job::create_with_limit_info(&mut info)?;
    job.assign_current_process()?;
    // Kept open for the rest of this process's life (Windows closes it at exit), never
    // dropped: dropping would close the job's handle. The job does not kill its processes when
    // its last handle closes, so the limit should hold even then, but it is not left to that.
    std::mem::forget(job);
    Ok(())
}
