//! The `sitematch` binary: hands the command line to the library.

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    sitematch::cli::run(std::env::args_os())
}
