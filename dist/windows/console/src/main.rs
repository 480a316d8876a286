//! `sitematch.exe` on Windows: SiteMatch's command line in a terminal.
//!
//! The app, `sitematch-app.exe` beside this program, is a Windows GUI program so that it opens
//! from the Start menu without a console window. Started from a terminal, a GUI program does not
//! make the terminal wait, prints nowhere, and cmd.exe never sees its exit status. This console
//! program runs it with the same arguments, passes its output through, waits, and exits with its
//! status (0 success, 1 invalid input, 2 usage error), so `sitematch score …` behaves as on
//! Linux. It knows nothing else of SiteMatch.

use std::ffi::OsString;
use std::io::Write;
use std::process::{Command, ExitCode, Stdio};

/// The app's executable, in the same folder.
const APP: &str = "sitematch-app.exe";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let english = wants_english(&args);
    let app = match std::env::current_exe() {
        Ok(me) => me.with_file_name(APP),
        Err(e) => return fail(english, &format!("{APP}: {e}")),
    };
    let mut child = match Command::new(&app)
        .args(&args)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return fail(english, &format!("{}: {e}", app.display())),
    };
    let out = child.stdout.take().map(|mut from| {
        std::thread::spawn(move || {
            let mut to = std::io::stdout().lock();
            std::io::copy(&mut from, &mut to).and_then(|_| to.flush())
        })
    });
    let err = child.stderr.take().map(|mut from| {
        std::thread::spawn(move || {
            let mut to = std::io::stderr().lock();
            std::io::copy(&mut from, &mut to).and_then(|_| to.flush())
        })
    });
    let status = child.wait();
    // The output is passed through whole before the status is given back; a terminal that
    // stopped reading (a closed pipe) does not change the status.
    for copier in [out, err].into_iter().flatten() {
        let _ = copier.join();
    }
    match status {
        Ok(status) => ExitCode::from(status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1)),
        Err(e) => fail(english, &format!("{}: {e}", app.display())),
    }
}

/// Whether the command line asks for English (`--lang en`); SiteMatch speaks Chinese otherwise.
fn wants_english(args: &[OsString]) -> bool {
    args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en") || args.iter().any(|a| a == "--lang=en")
}

fn fail(english: bool, what: &str) -> ExitCode {
    if english {
        eprintln!("sitematch: could not start the app, {what}");
    } else {
        eprintln!("sitematch: 无法启动程序 {what}");
    }
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_only_when_asked() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(wants_english(&args(&["score", "--lang", "en"])));
        assert!(wants_english(&args(&["score", "--lang=en"])));
        assert!(!wants_english(&args(&["score", "--lang", "zh"])));
        assert!(!wants_english(&args(&["score"])));
        assert!(!wants_english(&args(&["--lang"])));
    }
}
