//! `retrowalk import` and `retrowalk activity`: files from watches and
//! treadmills, one transaction per file, with a progress bar on a terminal;
//! then the walker's answer for walks matched to a planned session.

use super::log::{small, symptoms_or_ask};
use super::{Output, emit};
use crate::cli::{ActivityCommand, Global};
use crate::context;
use crate::error::{CliError, CliResult, FileUse, file_problem};
use crate::{prompt, render};
use coach::Pain;
use coach::imports::Fit;
use service::FileOutcome;
use std::io::Write;
use std::path::{Path, PathBuf};

const EXTENSIONS: [&str; 3] = ["fit", "gpx", "tcx"];

/// Files named on the command line, and the FIT/GPX/TCX files under folders
/// (recursive, sorted). A path that does not exist stops everything first.
fn collect(paths: &[PathBuf]) -> CliResult<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> CliResult<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| CliError::file(dir, FileUse::Read, &e))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out)?;
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            return Err(CliError::file(p, FileUse::Read, &missing));
        }
    }
    Ok(out)
}

#[derive(Default, serde::Serialize)]
struct Summary {
    files: usize,
    imported: usize,
    activities: usize,
    waiting_for_you: usize,
    already_imported: usize,
    not_activities: usize,
    failed: usize,
    dry_run: bool,
}

pub async fn run(g: &Global, paths: &[PathBuf], dry_run: bool) -> CliResult<Output> {
    let files = collect(paths)?;
    let store = context::open(g).await?;
    let bar = crate::render::progress(files.len(), crate::render::terminal().t("cli.import.files_unit"), g.json);
    let mut outcomes = Vec::new();
    let mut sum = Summary { files: files.len(), dry_run, ..Summary::default() };
    let mut stdout = std::io::stdout();
    // The walker's state is read once; the batch places each file against
    // what the files before it claimed.
    let state = context::load(&store, g).await?;
    let mut batch = service::ImportBatch::new(&state);
    for path in &files {
        let name = path.display().to_string();
        bar.set_message(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        let outcome = match std::fs::read(path) {
            Ok(bytes) => batch.import_file(&store, &name, &bytes, dry_run, jiff::Timestamp::now()).await?,
            Err(e) => FileOutcome::Failed { file: name.clone(), reason: None, error: file_problem(FileUse::Read, &e) },
        };
        match &outcome {
            FileOutcome::Imported { activities, .. } => {
                sum.imported += 1;
                sum.activities += activities.len();
                sum.waiting_for_you += activities.iter().filter(|a| a.fit == Fit::PlannedSession).count();
            }
            FileOutcome::AlreadyImported { .. } => sum.already_imported += 1,
            FileOutcome::NotAnActivity { .. } => sum.not_activities += 1,
            FileOutcome::Failed { .. } => sum.failed += 1,
        }
        if !g.json {
            bar.suspend(|| writeln!(stdout, "{}", outcome.said(&crate::render::terminal())))?;
        }
        outcomes.push(outcome);
        bar.inc(1);
    }
    bar.finish_and_clear();
    let failed = sum.failed;
    let l = crate::render::terminal();
    let out = emit(g.json, &serde_json::json!({ "files": outcomes, "summary": &sum }), || {
        let counts = [
            ("files", sum.files),
            ("imported", sum.imported),
            ("activities", sum.activities),
            ("already", sum.already_imported),
            ("none", sum.not_activities),
            ("failed", sum.failed),
        ]
        .map(|(k, v)| (k, v.to_string()));
        let counts: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut s = String::new();
        if dry_run {
            s.push_str(l.t("cli.import.dry_run"));
            s.push(' ');
        }
        s.push_str(&l.ta("cli.import.summary", &counts));
        s.push('\n');
        if sum.waiting_for_you > 0 && !dry_run {
            s.push_str(&l.ta("cli.import.waiting", &[("n", &sum.waiting_for_you.to_string())]));
            s.push('\n');
        }
        s
    })?;
    if failed > 0 {
        // Print what was done, then fail: a script must notice the files that did not go in.
        let text = out.into_text().map_err(|e| CliError::Other(e.into()))?;
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush())?;
        let said = [("failed", failed.to_string()), ("files", files.len().to_string())];
        let said: Vec<(&str, &str)> = said.iter().map(|(k, v)| (*k, v.as_str())).collect();
        return Err(CliError::input(l.ta("cli.import.failed", &said)));
    }
    Ok(out)
}

pub async fn activity(g: &Global, cmd: &ActivityCommand) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    match cmd {
        ActivityCommand::List => emit(g.json, &state.activities, || {
            let l = render::terminal();
            if state.activities.is_empty() {
                return format!("{}\n", l.t("cli.activity.none"));
            }
            let counts = |k: &str| l.t(&format!("cli.activity.counts.{k}")).to_string();
            let rows: Vec<Vec<String>> = state
                .activities
                .iter()
                .map(|s| {
                    let a = &s.activity;
                    vec![
                        s.id.to_string(),
                        format!("{} {}", a.local_date, a.local_time),
                        words::coach_words::sport(&l, &a.sport).0,
                        a.minutes().to_string(),
                        a.distance_m
                            .map_or("-".into(), |d| words::coach_words::decimal(&l, format!("{:.2}", d / 1000.0))),
                        render::opt(a.avg_hr),
                        match (a.fit, a.backward) {
                            (Fit::PlannedSession, None) => counts("confirm"),
                            (Fit::PlannedSession, Some(true)) => counts("session"),
                            (Fit::PlannedSession, Some(false)) | (Fit::Aerobic, _) => counts("aerobic"),
                            (Fit::Extra, _) => counts("extra"),
                        },
                    ]
                })
                .collect();
            let head = ["id", "start", "sport", "min", "km", "hr", "counts"]
                .map(|c| l.t(&format!("cli.activity.col.{c}")).to_string());
            render::table(&head.each_ref().map(String::as_str), &rows)
        }),
        ActivityCommand::Confirm {
            id,
            backward,
            pain_before,
            pain_peak,
            pain_after,
            rpe,
            symptoms,
            no_symptoms,
            ..
        } => {
            let mut answer = service::Confirmation { backward: *backward, ..Default::default() };
            if *backward {
                let pain = |field: &str, v: Option<i64>| v.map(|v| Pain::parse_for(field, v)).transpose();
                let mut pains = [
                    pain("--pain-before", *pain_before)?,
                    pain("--pain-peak", *pain_peak)?,
                    pain("--pain-after", *pain_after)?,
                ];
                answer.session.rpe = rpe.map(|r| small("--rpe", r, 0..=10)).transpose()?;
                let mut p = prompt::stdio();
                let l = render::terminal();
                for (slot, q) in pains.iter_mut().zip(["walk_before", "walk_peak", "walk_after"]) {
                    if slot.is_none() {
                        *slot = Some(p.pain(l.t(&format!("cli.ask.{q}")), None)?);
                    }
                }
                drop(p);
                [answer.session.pain_before, answer.session.pain_peak, answer.session.pain_after] = pains;
                answer.session.symptoms = symptoms_or_ask(symptoms, *no_symptoms)?;
            }
            let done = service::confirm_activity(
                &store,
                &state,
                *id,
                answer,
                &crate::render::terminal(),
                jiff::Timestamp::now(),
            )
            .await?;
            let l = render::terminal();
            emit(g.json, &done, || match &done {
                None => format!("{}\n", l.ta("cli.activity.aerobic", &[("id", &id.to_string())])),
                Some(x) if x.stop.is_some() => {
                    x.stop.as_ref().map(|p| render::pause(p, &state.screen.outcome)).unwrap_or_default()
                }
                Some(x) => format!(
                    "{}\n{}\n",
                    l.ta(
                        "cli.activity.logged",
                        &[("minutes", &x.logged.minutes.to_string()), ("date", &x.logged.date.to_string())]
                    ),
                    l.ta("cli.why_line", &[("why", &render::why(&x.decision))])
                ),
            })
        }
    }
}
