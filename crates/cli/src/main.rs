//! The `retrowalk` binary: the CLI definition and glue. The work lives in the
//! `coach` and `store` crates.

mod answers;
mod cli;
mod commands;
mod context;
mod error;
mod prompt;
mod render;

use clap::Parser;
use commands::Output;
use std::io::Write;

fn main() {
    let cli = cli::Cli::parse();
    // The web server uses every core; one-shot commands need only one thread.
    let mut builder = if matches!(cli.command, cli::Command::Serve(_)) {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start: {e}");
            std::process::exit(1);
        }
    };
    let code = match runtime.block_on(commands::run(cli)) {
        Ok(output) => print(output),
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}

/// Prints the result. A closed pipe (`retrowalk plan | head`) is not an error.
fn print(output: Output) -> i32 {
    let text = match output.into_text() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}
