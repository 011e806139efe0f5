//! `retrowalk outcome`: record results, see changes, read how to take a test.

use super::{Output, emit};
use crate::cli::{Global, OutcomeCommand};
use crate::context;
use crate::error::{CliError, CliResult};
use crate::render;
use coach::outcomes::Measure;
use std::fmt::Write;
use words::coach_words::{change_words, decimal, measure_name, measure_steps, measure_unit, outcome_flag, timepoint};

fn activity(text: &str) -> CliResult<(String, f64)> {
    let l = render::terminal();
    let (name, score) =
        text.rsplit_once('=').ok_or_else(|| CliError::input(l.ta("cli.err.activity_form", &[("typed", text)])))?;
    let score: f64 = score
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| CliError::input(l.ta("cli.err.activity_score", &[("typed", score)])))?;
    Ok((name.trim().to_string(), score))
}

pub async fn run(g: &Global, cmd: &OutcomeCommand) -> CliResult<Output> {
    if let OutcomeCommand::How { measure } = cmd {
        let m = Measure::typed(measure)?;
        let l = render::terminal();
        let mut s = format!("{}\n", measure_name(&l, m));
        for (i, step) in measure_steps(&l, m).iter().enumerate() {
            let _ = writeln!(s, "  {}. {step}", i + 1);
        }
        let _ = writeln!(s, "{}", l.ta("cli.outcome.evidence", &[("ids", &m.evidence().join(", "))]));
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
                let l = render::terminal();
                let m = done.record.measure;
                let recorded = [
                    ("name", measure_name(&l, m)),
                    ("value", decimal(&l, done.record.value.to_string())),
                    ("unit", measure_unit(&l, m)),
                    ("day", done.record.taken_on.to_string()),
                ];
                let mut s = l.ta("cli.outcome.recorded", &pairs(&recorded));
                s.push('\n');
                if let Some(c) = &done.change {
                    let words = change_words(&l, m, c);
                    let since = l.ta("cli.outcome.since_first", &[("words", &words)]);
                    let _ = writeln!(s, "{since} [{}]", c.evidence.join(", "));
                }
                for f in &done.flags {
                    let note = l.ta("cli.outcome.note", &[("text", &outcome_flag(&l, f))]);
                    let _ = writeln!(s, "{note} [{}]", f.evidence.join(", "));
                }
                if let Some(o) = &done.screen_changed {
                    let _ = write!(s, "\n{}\n{}", l.t("cli.outcome.screen_changed"), render::outcome(o));
                }
                s
            })
        }
        OutcomeCommand::List => {
            let rows = service::outcome_table(&store, state.access).await?;
            emit(g.json, &rows, || {
                let l = render::terminal();
                if rows.is_empty() {
                    return format!("{}\n", l.t("cli.outcome.none_yet"));
                }
                let table: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        let value = |v: f64| format!("{} {}", decimal(&l, v.to_string()), measure_unit(&l, r.measure));
                        vec![
                            measure_name(&l, r.measure),
                            value(r.trend.first),
                            value(r.trend.latest),
                            r.trend.change.as_ref().map_or("-".into(), |c| change_words(&l, r.measure, c)),
                        ]
                    })
                    .collect();
                let head =
                    ["measure", "first", "latest", "change"].map(|c| l.t(&format!("cli.outcome.col.{c}")).to_string());
                render::table(&head.each_ref().map(String::as_str), &table)
            })
        }
        OutcomeCommand::Due => {
            let due = state.outcomes_due();
            let l = render::terminal();
            emit(g.json, &due, || match &due {
                None => format!("{}\n", l.t("cli.outcome.none_due")),
                Some(d) => {
                    let names: Vec<String> = d
                        .measures
                        .iter()
                        .map(|m| format!("  - {} (`retrowalk outcome how {}`)", measure_name(&l, *m), m.as_str()))
                        .chain(
                            d.questionnaires
                                .iter()
                                .map(|(id, title)| format!("  - {title} (`retrowalk questionnaire answer {id}`)")),
                        )
                        .collect();
                    let due = [
                        ("when", timepoint(&l, d.timepoint)),
                        ("from", d.from.to_string()),
                        ("until", d.until.to_string()),
                    ];
                    format!("{}\n{}\n", l.ta("cli.outcome.due", &pairs(&due)), names.join("\n"))
                }
            })
        }
        OutcomeCommand::How { .. } => Ok(Output::Text(String::new())),
    }
}

/// Named values as `I18n::ta` takes them.
fn pairs<'a>(named: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    named.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// `retrowalk profile`: year of birth and sex, for chair-stand norms only.
pub async fn profile(g: &Global, birth_year: Option<i64>, sex: Option<coach::outcomes::Sex>) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    service::set_profile(&store, state.access, birth_year, sex, state.today).await?;
    Ok(Output::Text(format!("{}\n", render::terminal().t("cli.outcome.profile_saved"))))
}
