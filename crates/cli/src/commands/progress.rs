//! `retrowalk progress`: weekly minutes against the plan, pain trend, adherence.

use super::{Output, emit};
use crate::cli::Global;
use crate::context;
use crate::error::CliResult;
use crate::render::{self, opt};
use coach::progress::{WeekRow, adherence, weekly};
use serde::Serialize;

#[derive(Serialize)]
struct ProgressDto {
    weeks: Vec<WeekRow>,
    adherence_pct: u32,
    pain_after_change: Option<f64>,
}

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let rows = weekly(&state.programme, &state.timeline(), &state.history, state.today);
    let with_pain: Vec<f64> = rows.iter().filter_map(|r| r.pain_after).collect();
    let change = match (with_pain.first(), with_pain.last()) {
        (Some(a), Some(b)) if with_pain.len() >= 2 => Some(((b - a) * 10.0).round() / 10.0),
        _ => None,
    };
    let dto = ProgressDto { adherence_pct: adherence(&rows), weeks: rows, pain_after_change: change };
    emit(g.json, &dto, || {
        if dto.weeks.is_empty() {
            return format!("Your programme starts on {}.\n", state.programme.start());
        }
        let table: Vec<Vec<String>> = dto
            .weeks
            .iter()
            .map(|r| {
                vec![
                    r.week.to_string(),
                    r.start.to_string(),
                    format!("{}/{}", r.done_sessions, r.planned_sessions),
                    format!("{}%", r.adherence_pct),
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
                "sessions",
                "adherence",
                "minutes done/planned",
                "pain before",
                "peak",
                "after",
                "next morning",
            ],
            &table,
        );
        s.push_str(&format!("\nAdherence so far: {}%\n", dto.adherence_pct));
        if let Some(c) = dto.pain_after_change {
            let words = if c <= -2.0 {
                "much better: a fall of 2 points or more"
            } else if c <= -1.0 {
                "a change you can notice (1 point or more)"
            } else if c >= 2.0 {
                "worse: talk to your clinician"
            } else {
                "within measurement noise so far"
            };
            s.push_str(&format!("Pain after sessions, first week to latest: {c:+.1} points — {words}.\n"));
        }
        s
    })
}
