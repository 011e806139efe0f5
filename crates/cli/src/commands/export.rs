//! `retrowalk export`: everything about the walker, as JSON or CSV.

use super::Output;
use super::history::entries;
use crate::cli::{ExportArgs, ExportFormat, Global};
use crate::context;
use crate::error::{CliError, CliResult};
use anyhow::Context as _;
use serde_json::json;
use store::Store;

pub async fn run(g: &Global, a: &ExportArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let body = match a.format {
        ExportFormat::Json => {
            let screenings: Vec<_> = store
                .screenings(state.walker.id)
                .await?
                .into_iter()
                .map(|s| json!({ "answers": s.answers, "outcome": s.outcome, "recorded_at": s.created_at }))
                .collect();
            let decisions: Vec<_> = store
                .decisions(state.record.id)
                .await?
                .into_iter()
                .map(|d| json!({ "cause": d.cause, "decision": d.decision, "recorded_at": d.created_at }))
                .collect();
            let archive = json!({
                "format": "retrowalk-archive",
                "version": 1,
                "exported_at": jiff::Timestamp::now(),
                "walker": { "name": state.walker.name, "time_zone": state.walker.time_zone, "created_at": state.walker.created_at },
                "screenings": screenings,
                "clearance": state.clearance,
                "programme": state.programme.setup,
                "sessions": state.history.logs,
                "checkins": state.history.checkins,
                "overrides": state.history.overrides,
                "decisions": decisions,
            });
            serde_json::to_string_pretty(&archive).map_err(|e| CliError::Other(e.into()))? + "\n"
        }
        ExportFormat::Csv => csv(&state)?,
    };
    match &a.out {
        None => Ok(Output::Text(body)),
        Some(path) => {
            write_atomically(path, body.as_bytes())?;
            Ok(Output::Written(format!("Exported to {}\n", path.display())))
        }
    }
}

fn csv(state: &context::State) -> CliResult<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "date",
        "minutes",
        "bouts",
        "speed_kmh",
        "incline_pct",
        "support",
        "surface",
        "pain_before",
        "pain_peak",
        "pain_after",
        "rpe",
        "symptoms",
        "morning_pain",
        "decision",
        "rule",
        "next_minutes",
        "notes",
    ];
    let other = |e: csv::Error| CliError::Other(e.into());
    w.write_record(header).map_err(other)?;
    for e in entries(state) {
        let l = &e.session;
        let d = e.decision.as_ref();
        w.write_record([
            l.date.to_string(),
            l.minutes.to_string(),
            l.bouts.to_string(),
            l.speed_tenths.map_or(String::new(), |s| format!("{:.1}", f64::from(s) / 10.0)),
            l.incline_pct.to_string(),
            coach::text::snake_case(&l.support),
            coach::text::snake_case(&l.surface),
            l.pain_before.value().to_string(),
            l.pain_peak.value().to_string(),
            l.pain_after.value().to_string(),
            l.rpe.map_or(String::new(), |r| r.to_string()),
            l.symptoms.iter().map(|s| s.id()).collect::<Vec<_>>().join(";"),
            e.morning_pain.map_or(String::new(), |p| p.to_string()),
            d.map_or(String::new(), |d| coach::text::snake_case(&d.action)),
            d.map_or(String::new(), |d| d.rule.clone()),
            d.and_then(|d| d.dose).map_or(String::new(), |x| x.minutes.to_string()),
            l.notes.clone(),
        ])
        .map_err(other)?;
    }
    let bytes = w.into_inner().map_err(|e| CliError::Other(anyhow::anyhow!("{e}")))?;
    String::from_utf8(bytes).map_err(|e| CliError::Other(e.into()))
}

/// Writes to a temporary file beside `path`, then renames it into place, so a
/// crash never leaves a half-written export.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> CliResult<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("moving the export into {}", path.display()))?;
    Ok(())
}
