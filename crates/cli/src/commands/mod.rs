//! One module per subcommand. Each extracts its input, calls the coach and the
//! store, and returns what to print; `main` does the printing.

mod backup;
mod care;
mod checkin;
mod clear;
mod clinic;
mod export;
mod history;
mod import;
mod init;
mod log;
mod motion;
mod outcome;
mod overrides;
mod plan;
mod progress;
mod questionnaire;
mod screen;
mod screening_prompts;
mod serve;
mod today;
mod token;
mod user;

use crate::cli::{Cli, Command};
use crate::error::{CliError, CliResult};
use serde::Serialize;

pub enum Output {
    Text(String),
    Json(serde_json::Value),
    /// Written to a file; the message says where.
    Written(String),
}

impl Output {
    /// What goes to standard output.
    pub fn into_text(self) -> Result<String, serde_json::Error> {
        match self {
            Output::Text(t) | Output::Written(t) => Ok(t),
            Output::Json(v) => serde_json::to_string_pretty(&v).map(|s| s + "\n"),
        }
    }
}

/// JSON when `--json` was given, text otherwise.
pub fn emit<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) -> CliResult<Output> {
    if json {
        serde_json::to_value(value).map(Output::Json).map_err(|e| CliError::Other(e.into()))
    } else {
        Ok(Output::Text(text()))
    }
}

pub async fn run(cli: Cli) -> CliResult<Output> {
    let g = &cli.global;
    match &cli.command {
        Command::Init(a) => init::run(g, a).await,
        Command::Screen(a) => screen::run(g, a).await,
        Command::Clear(a) => clear::run(g, a).await,
        Command::Plan => plan::run(g).await,
        Command::Today => today::run(g).await,
        Command::Log(a) => log::run(g, a).await,
        Command::Checkin(a) => checkin::run(g, a).await,
        Command::History => history::run(g).await,
        Command::Progress => progress::run(g).await,
        Command::Outcome(cmd) => outcome::run(g, cmd).await,
        Command::Profile { birth_year, sex } => outcome::profile(g, *birth_year, sex.map(Into::into)).await,
        Command::Calendar { out } => export::calendar(g, out.as_deref()).await,
        Command::Questionnaire(c) => questionnaire::run(g, c).await,
        Command::Import { paths, dry_run } => import::run(g, paths, *dry_run).await,
        Command::Activity(c) => import::activity(g, c).await,
        Command::Motion(c) => motion::run(g, c).await,
        Command::Report { out } => export::report(g, out).await,
        Command::ImportArchive { file } => export::import(g, file).await,
        Command::Override(a) => overrides::run(g, a).await,
        Command::Export(a) => export::run(g, a).await,
        Command::Serve(a) => serve::run(g, a).await,
        Command::Backup { out } => backup::backup(g, out).await,
        Command::Restore { file } => backup::restore(g, file).await,
        Command::User(cmd) => user::run(g, cmd).await,
        Command::Clinic(cmd) => clinic::run(g, cmd).await,
        Command::Patients { clinician, flag, unseen, search } => {
            let filter = service::clinics::PatientFilter {
                flag: flag.clone(),
                not_seen_this_week: *unseen,
                search: search.clone().unwrap_or_default(),
                // The command line lists everyone.
                offset: 0,
                limit: None,
            };
            clinic::patients(g, clinician, &filter).await
        }
        Command::Patient(cmd) => care::patient(g, cmd).await,
        Command::Sign(cmd) => care::sign(g, cmd).await,
        Command::Ack { as_clinician, flag, note } => care::ack(g, as_clinician, flag, note).await,
        Command::Approve { as_clinician, note } => care::decision(g, as_clinician, note, false).await,
        Command::Revert { as_clinician, note } => care::decision(g, as_clinician, note, true).await,
        Command::Pause(args) => care::stop(g, args, false).await,
        Command::End(args) => care::stop(g, args, true).await,
        Command::Assign { as_clinician, measure, questionnaire, end } => {
            care::assign(g, as_clinician, measure.as_deref(), questionnaire.as_deref(), *end).await
        }
        Command::Audit { limit, format } => care::audit(g, *limit, *format).await,
        Command::Token(cmd) => token::run(g, cmd).await,
        Command::Completions { shell } => {
            // With each command's line in the terminal's language.
            let mut cmd = crate::help::for_completions(<Cli as clap::CommandFactory>::command());
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "retrowalk", &mut buf);
            Ok(Output::Text(String::from_utf8_lossy(&buf).into_owned()))
        }
    }
}
