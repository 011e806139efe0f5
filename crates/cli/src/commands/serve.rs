//! `retrowalk serve`: the web app and JSON API on this machine.

use super::Output;
use crate::cli::{Global, ServeArgs};
use crate::context;
use crate::error::{CliError, CliResult};
use anyhow::Context as _;

pub async fn run(g: &Global, a: &ServeArgs) -> CliResult<Output> {
    // Logs carry method, route, status and time only: never bodies or queries.
    let log = crate::log_writer::BatchedStderr::start();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("RETROWALK_LOG").unwrap_or_else(|_| "info".into()))
        .with_writer(log.clone())
        // Colours for a person at a terminal, not escape codes in a log file.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let served = serve(g, a).await;
    log.flush();
    served
}

async fn serve(g: &Global, a: &ServeArgs) -> CliResult<Output> {
    // A build for the audit-cost benchmark writes no access log: it serves
    // only when the benchmark says it knows (never by accident, e.g. from
    // `cargo install --all-features`).
    if cfg!(feature = "bench-unlogged") && std::env::var_os("RETROWALK_BENCH_UNLOGGED").is_none() {
        return Err(CliError::input(
            "this build writes no access log (feature bench-unlogged, for bench/clinic_scale.sh only) and will not serve; \
             build without that feature",
        ));
    }
    // Checked before anything is opened or seeded.
    let public_url = match &a.public_url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            Some(url.trim_end_matches('/').to_string())
        }
        Some(url) => return Err(CliError::input(format!("--public-url: '{url}' must start with https:// or http://"))),
        None => None,
    };
    if a.hsts && !public_url.as_deref().is_some_and(|u| u.starts_with("https://")) {
        return Err(CliError::input("--hsts: only over HTTPS; give --public-url https://…"));
    }
    // `--today` moves walkers' dates (never the clock: sign-in codes,
    // sessions and the access log keep the real time), and only on a demo
    // server: on real walkers' records a shifted date would be wrong.
    let days_ahead = match &g.today {
        Some(_) if !a.demo => {
            return Err(CliError::input(
                "--today: a server with real walkers runs on today's date; --today is for `serve --demo` only",
            ));
        }
        Some(_) => {
            let real = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
            let today = context::today(g, "UTC")?;
            // A day behind UTC is still today somewhere west of it.
            if today < coach::dates::add_days(real, -1) {
                return Err(CliError::input(format!("--today: {today} has passed; give today or a later date")));
            }
            eprintln!("The demo acts as if today were {today} (--today).");
            (today - real).get_days()
        }
        None => 0,
    };
    let store = context::open(g).await?;
    let listener = tokio::net::TcpListener::bind(&a.listen)
        .await
        .map_err(|e| CliError::input(format!("--listen: cannot listen on {}: {e}", a.listen)))?;
    let addr = listener.local_addr().context("reading the listening address")?;
    if a.demo {
        let today = context::today(g, "UTC")?;
        let password = web::demo::seed(&store, today).await.map_err(|e| CliError::Other(anyhow::anyhow!(e)))?;
        eprintln!(
            "Demo ready. Sign in as the walker, or as their clinician, with\n  \
             walker:    {}\n  clinician: {}\n  password:  {password}\n\
             The clinician sets up two-factor sign-in (an authenticator app) at first sign-in,\n\
             unless the server runs with --no-staff-two-factor.",
            web::demo::DEMO_EMAIL,
            web::demo::DEMO_CLINICIAN
        );
    }
    eprintln!("retrowalk is running at http://{addr}/  (Ctrl-C stops it)");
    let public_url = public_url.unwrap_or_else(|| format!("http://{addr}"));
    let config = web::Config {
        secure_cookies: !a.insecure_cookies,
        public_url,
        hsts: a.hsts,
        clock: web::Clock::System,
        staff_two_factor: !a.no_staff_two_factor,
        days_ahead,
    };
    let state = web::AppState::new(store, config);
    // Ctrl-C, or SIGTERM from a service manager or container runtime: stop
    // taking connections and finish the requests in flight.
    let shutdown = async {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term => {}
        }
    };
    web::serve(state, listener, shutdown).await.context("serving")?;
    Ok(Output::Text(String::new()))
}
