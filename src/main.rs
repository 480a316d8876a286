//! The `sitematch` binary: hands the command line to the library.

fn main() -> std::process::ExitCode {
    sitematch::cli::run(std::env::args_os())
}
