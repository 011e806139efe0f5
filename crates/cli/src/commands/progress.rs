//! `retrowalk progress`: weekly minutes against the plan, pain trend, adherence.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render::{self, opt};

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let view = service::progress(&state);
    emit(g.json, &view, || {
        if view.weeks.is_empty() {
            return format!("Your programme starts on {}.\n", state.programme.start());
        }
        let table: Vec<Vec<String>> = view
            .weeks
            .iter()
            .map(|r| {
                vec![
                    r.week.to_string(),
                    r.start.to_string(),
                    format!("{}/{}", r.done_sessions, r.due_sessions),
                    r.adherence_pct.map_or_else(|| "-".into(), |a| format!("{a}%")),
                    format!("{}/{}", r.done_minutes, r.planned_minutes),
                    opt(r.pain_before),
                    opt(r.pain_peak),
                    opt(r.pain_after),
                    opt(r.pain_next_morning),
                ]
            })
            .collect();
        let mut s = render::table(
            &[
                "week",
                "from",
                "done/due",
                "adherence",
                "minutes done/planned",
                "pain before",
                "peak",
                "after",
                "next morning",
            ],
            &table,
        );
        match view.adherence_pct {
            Some(a) => s.push_str(&format!("\nAdherence so far: {a}% of the sessions due\n")),
            None => s.push_str("\nNo session is due yet: adherence counts from your first session day.\n"),
        }
        if let (Some(c), Some(words)) = (view.pain_after_change, view.pain_after_words) {
            s.push_str(&format!("Pain after sessions, first week to latest: {c:+.1} points — {words}.\n"));
        }
        s
    })
}
