//! `retrowalk plan`: the programme week by week, with the adapted dose.

use super::{Output, emit};
use crate::cli::Global;
use crate::context::{self, State};
use crate::error::CliResult;
use crate::render;
use coach::adaptation::{Decision, Timeline};
use coach::dates::add_days;
use coach::dose::Dose;
use coach::exercises::{self, AEROBIC_GOAL_MINUTES};
use jiff::civil::Date;
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct PlanDto {
    start: Date,
    end: Date,
    supported_only: bool,
    current: Option<Decision>,
    weeks: Vec<WeekDto>,
    exercises: Vec<ExerciseDto>,
}

#[derive(Serialize)]
struct WeekDto {
    week: u32,
    start: Date,
    retro_minutes: u32,
    aerobic_minutes: u32,
    aerobic_goal: u32,
    days: Vec<DayDto>,
}

#[derive(Serialize)]
struct DayDto {
    date: Date,
    retro: Option<RetroDto>,
    items: Vec<&'static str>,
}

#[derive(Serialize)]
struct RetroDto {
    status: &'static str,
    dose: Option<Dose>,
    summary: String,
}

#[derive(Serialize)]
struct ExerciseDto {
    id: &'static str,
    name: &'static str,
    steps: &'static [&'static str],
    why: &'static str,
    evidence: &'static [&'static str],
}

fn status(state: &State, date: Date) -> &'static str {
    if state.history.log_on(date).is_some() {
        "done"
    } else if date < state.today {
        "missed"
    } else if date == state.today {
        "today"
    } else {
        "planned"
    }
}

fn build(state: &State, tl: &Timeline) -> PlanDto {
    let p = &state.programme;
    let weeks = (1..=u32::from(p.setup.weeks))
        .map(|week| {
            let start = p.week_start(week);
            let days = (0..7)
                .map(|i| add_days(start, i))
                .map(|date| DayDto {
                    date,
                    retro: p.is_retro_day(date).then(|| {
                        let dose = tl.dose_on(date);
                        RetroDto {
                            status: status(state, date),
                            dose,
                            summary: dose.map_or_else(
                                || "stopped: contact your clinician".into(),
                                |d| d.summary(week, p.limits.supported_only),
                            ),
                        }
                    }),
                    items: p.items_on(date).iter().map(|i| i.exercise.id).collect(),
                })
                .collect();
            WeekDto {
                week,
                start,
                retro_minutes: p.retro_dates_in_week(week).iter().map(|d| tl.minutes_on(*d)).sum(),
                aerobic_minutes: p.aerobic_minutes_in_week(week),
                aerobic_goal: AEROBIC_GOAL_MINUTES,
                days,
            }
        })
        .collect();
    let used: Vec<&str> = (0..7 * i64::from(p.setup.weeks))
        .flat_map(|i| p.items_on(add_days(p.start(), i)))
        .map(|i| i.exercise.id)
        .collect();
    PlanDto {
        start: p.start(),
        end: p.end(),
        supported_only: p.limits.supported_only,
        current: tl.in_force(state.today).cloned(),
        weeks,
        exercises: exercises::all()
            .filter(|e| used.contains(&e.id))
            .map(|e| ExerciseDto { id: e.id, name: e.name, steps: e.steps, why: e.why, evidence: e.evidence })
            .collect(),
    }
}

fn text(plan: &PlanDto) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Programme {} to {}{}",
        plan.start,
        plan.end,
        if plan.supported_only { " (supported-only)" } else { "" }
    );
    if let Some(d) = &plan.current {
        let _ = writeln!(s, "Current dose: {}", render::why(d));
    }
    for w in &plan.weeks {
        let _ = writeln!(
            s,
            "\nWeek {} (from {}): {} min backward + {} min aerobic planned, toward {} min a week",
            w.week,
            w.start.strftime("%a %-d %b"),
            w.retro_minutes,
            w.aerobic_minutes,
            w.aerobic_goal
        );
        for d in &w.days {
            if let Some(r) = &d.retro {
                let _ = writeln!(s, "  {}  {:<7}  {}", d.date.strftime("%a %-d %b"), r.status, r.summary);
            }
        }
    }
    let _ = writeln!(
        s,
        "\nWith every backward session: strengthening. Every day: stretching. Other days: aerobic activity."
    );
    for e in &plan.exercises {
        let _ = writeln!(s, "\n{} — {}", e.name, e.why);
        for (i, step) in e.steps.iter().enumerate() {
            let _ = writeln!(s, "  {}. {step}", i + 1);
        }
    }
    let _ = writeln!(s, "\n{}", render::NOT_ADVICE);
    s
}

pub async fn run(g: &Global) -> CliResult<Output> {
    let store = context::open(g).await?;
    let state = context::load(&store, g).await?;
    let plan = build(&state, &state.timeline());
    emit(g.json, &plan, || text(&plan))
}
