//! `retrowalk outcome`: record results, see changes, read how to take a test.

use super::{Output, emit};
use crate::cli::{Global, OutcomeCommand};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::render;
use coach::outcomes::Measure;
use std::fmt::Write;

fn activity(text: &str) -> CliResult<(String, f64)> {
    let (name, score) = text
        .rsplit_once('=')
        .ok_or_else(|| CliError::input(format!("--activity: '{text}' should look like \"getting out of a car=4\"")))?;
    let score: f64 =
        score.trim().parse().map_err(|_| CliError::input(format!("--activity: '{score}' is not a number 0-10")))?;
    Ok((name.trim().to_string(), score))
}

pub async fn run(g: &Global, cmd: &OutcomeCommand) -> CliResult<Output> {
    if let OutcomeCommand::How { measure } = cmd {
        let m = Measure::typed(measure)?;
        let mut s = format!("{}\n", m.name());
        for (i, step) in m.instructions().iter().enumerate() {
            let _ = writeln!(s, "  {}. {step}", i + 1);
        }
        let _ = writeln!(s, "Evidence: {}", m.evidence().join(", "));
        return Ok(Output::Text(s));
    }
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    match cmd {
        OutcomeCommand::Record { measure, value, activities, date } => {
            let input = service::OutcomeInput {
                measure: Measure::typed(measure)?,
                value: *value,
                activities: activities.iter().map(|a| activity(a)).collect::<CliResult<_>>()?,
                date: context::date_arg(date)?.unwrap_or(state.today),
            };
            let done =
                service::record_outcome(&store, state.access, input, state.today, jiff::Timestamp::now()).await?;
            emit(g.json, &done, || {
                let m = done.record.measure;
                let mut s =
                    format!("Recorded {}: {} {} on {}.\n", m.name(), done.record.value, m.unit(), done.record.taken_on);
                if let Some(c) = &done.change {
                    let _ = writeln!(s, "Since your first result: {} [{}]", c.words, c.evidence.join(", "));
                }
                for f in &done.flags {
                    let _ = writeln!(s, "Note: {} [{}]", f.text, f.evidence.join(", "));
                }
                if let Some(o) = &done.screen_changed {
                    let _ = write!(s, "\nYour screening changed:\n{}", render::outcome(o));
                }
                s
            })
        }
        OutcomeCommand::List => {
            let rows = service::outcome_table(&store, state.access).await?;
            emit(g.json, &rows, || {
                if rows.is_empty() {
                    return "No outcome results yet. `retrowalk outcome due` lists what to take.\n".into();
                }
                let table: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.name.to_string(),
                            format!("{} {}", r.trend.first, r.unit),
                            format!("{} {}", r.trend.latest, r.unit),
                            r.trend.change.as_ref().map_or("-".into(), |c| c.words.clone()),
                        ]
                    })
                    .collect();
                render::table(&["measure", "first", "latest", "change"], &table)
            })
        }
        OutcomeCommand::Due => {
            let due = state.outcomes_due();
            emit(g.json, &due, || match &due {
                None => "No outcome measures are due now.\n".into(),
                Some(d) => {
                    let names: Vec<String> = d
                        .measures
                        .iter()
                        .map(|m| format!("  - {} (`retrowalk outcome how {}`)", m.name(), m.as_str()))
                        .chain(
                            d.questionnaires
                                .iter()
                                .map(|(id, title)| format!("  - {title} (`retrowalk questionnaire answer {id}`)")),
                        )
                        .collect();
                    format!(
                        "Due for your {} measures ({} to {}):\n{}\n",
                        d.timepoint,
                        d.from,
                        d.until,
                        names.join("\n")
                    )
                }
            })
        }
        OutcomeCommand::How { .. } => Ok(Output::Text(String::new())),
    }
}

/// `retrowalk profile`: year of birth and sex, for chair-stand norms only.
pub async fn profile(g: &Global, birth_year: Option<i64>, sex: Option<coach::outcomes::Sex>) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    service::set_profile(&store, state.access, birth_year, sex, state.today).await?;
    Ok(Output::Text("Profile saved. It is used only to compare your chair-stand result with usual ranges.\n".into()))
}
