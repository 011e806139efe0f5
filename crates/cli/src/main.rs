//! The `retrowalk` binary: the CLI definition and glue. The rules live in
//! `coach`, the use cases in `service`, storage in `store`, the web app in `web`.

mod answers;
mod cli;
mod commands;
mod context;
mod error;
mod help;
mod log_writer;
mod prompt;
mod render;
mod usage_error;

use clap::{CommandFactory, FromArgMatches};
use commands::Output;
use std::io::Write;

/// glibc raises its mmap threshold each time a large buffer is freed; after
/// that, buffers up to that size (an uploaded file, its track points) come from
/// per-thread heaps that keep their peak: eight 15 MB uploads, handled one at
/// a time, grew the server to 103 MB. A fixed threshold sends every buffer
/// over 128 KiB to mmap, and back to the system when freed: 55 MB, as for one
/// upload, at the same request rate. glibc reads the setting only from the
/// environment at start (setting it in-process needs `unsafe`, which this
/// project forbids), so `serve` starts itself again with it set. An operator's
/// own value is kept.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fixed_mmap_threshold() {
    use std::os::unix::process::CommandExt as _;
    const VAR: &str = "MALLOC_MMAP_THRESHOLD_";
    if std::env::var_os(VAR).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else { return };
    // `exec` returns only if it failed; the server then runs as it is.
    let err = std::process::Command::new(exe).args(std::env::args_os().skip(1)).env(VAR, "131072").exec();
    eprintln!("note: could not restart with a fixed allocation threshold ({err}); memory may grow under uploads");
}

fn main() {
    // The help and a mistyped command line in the terminal's language
    // (`help`, `usage_error`).
    let mut command = help::localized(cli::Cli::command());
    let matches = command.try_get_matches_from_mut(std::env::args_os()).unwrap_or_else(|e| usage_error::exit(e));
    let cli = cli::Cli::from_arg_matches(&matches)
        .map_err(|e| e.format(&mut command))
        .unwrap_or_else(|e| usage_error::exit(e));
    error::typed_flags(&command, &matches);
    // The web server uses every core; one-shot commands need only one thread.
    let mut builder = if matches!(cli.command, cli::Command::Serve(_)) {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        fixed_mmap_threshold();
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            say_error(&format!("could not start: {e}"));
            std::process::exit(1);
        }
    };
    let code = match runtime.block_on(commands::run(cli)) {
        Ok(output) => print(output),
        Err(e) => {
            say_error(&e);
            e.exit_code()
        }
    };
    std::process::exit(code);
}

/// An error on standard error; a closed one is no reason to panic (the
/// exit code still says it).
fn say_error(e: &dyn std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "error: {e}");
}

/// Prints the result. A closed pipe (`retrowalk plan | head`) is not an error.
fn print(output: Output) -> i32 {
    let text = match output.into_text() {
        Ok(t) => t,
        Err(e) => {
            say_error(&e);
            return 1;
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            say_error(&e);
            1
        }
    }
}
