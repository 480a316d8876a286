//! Work that must not take the program down, run as a child process of the program itself
//! with a time limit and (on Unix) a memory limit: a user's report template, which can loop or
//! grow without end. The child is the same executable with the same arguments and one
//! environment variable set; it does the work and reports as it would alone, and the parent
//! only waits, stops it when the time is up, and tells what became of it.

use std::ffi::OsString;
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

/// The environment variable that makes the program the bounded child; its value is the day
/// the parent ranks on (`2026-06-30`), so both agree even across midnight.
pub const CHILD: &str = "SITEMATCH_BOUNDED_CHILD";

/// Overrides the time limit, in seconds (for tests and for very large folders).
pub const SECONDS: &str = "SITEMATCH_TEMPLATE_SECONDS";

/// How long a template may take by default: the bundled report of 10 000 zones lays out in a
/// few seconds.
pub const DEFAULT_SECONDS: u64 = 120;

/// The address space a child may use (Unix): well above the bundled report of any folder
/// (≤ 300 MB resident), well below what takes a 8 GB office PC down.
pub const MEMORY_LIMIT: u64 = 3 << 30;

/// What became of a bounded child.
#[derive(Debug)]
pub enum Outcome {
    /// It ended by itself with this exit code (it has said what it had to say).
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
/// `limit`. Standard output and error are the child's own.
pub fn run(args: &[OsString], day: &str, limit: Duration) -> std::io::Result<Outcome> {
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe).args(args).env(CHILD, day).spawn()?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(match status.code().and_then(|c| u8::try_from(c).ok()) {
                Some(code @ 0..=2) => Outcome::Exited(code),
                _ => Outcome::Crashed(status),
            });
        }
        if started.elapsed() >= limit {
            // Already ended between the two checks is fine: kill fails, wait reaps it.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Outcome::TimedOut(limit));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// In the child: limits the memory it may take, so a runaway allocation fails here (and ends
/// this process) instead of swapping the machine. Unix only; elsewhere the time limit holds.
pub fn limit_memory() {
    #[cfg(unix)]
    if let Err(e) = rlimit::Resource::AS.set(MEMORY_LIMIT, MEMORY_LIMIT) {
        log::warn!("the memory limit could not be set: {e}");
    }
}
