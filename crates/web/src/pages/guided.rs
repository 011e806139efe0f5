//! Guided sessions: backward walking (warm-up, bouts, rests, cool-down) and
//! the complementary exercises (sets, slow repetitions counted aloud, holds,
//! rests). Both are a list of timed steps for one timer script
//! (`assets/session.js`), which keeps time from the clock.

use super::{Layout, Ready, render};
use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use coach::exercises::{self, Kind};

/// One step for the timer script.
#[derive(serde::Serialize)]
struct Phase {
    kind: &'static str,
    seconds: u32,
    label: String,
    /// Say the count aloud every this many seconds (slow repetitions).
    #[serde(skip_serializing_if = "Option::is_none")]
    count_every: Option<u16>,
}

impl Phase {
    fn timed(kind: &'static str, seconds: u32, label: String) -> Phase {
        Phase { kind, seconds, label, count_every: None }
    }
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage {
    l: Layout,
    /// Shown instead of a timer when there is nothing to guide today.
    nothing: Option<String>,
    /// The checklist before starting (translation keys).
    checks: &'static [&'static str],
    phases_json: String,
    /// Where the walker goes when the timer ends: the log (filled in) or Today.
    finish: &'static str,
    /// The phone's storage key for a session to resume.
    key: &'static str,
    /// The page without JavaScript: what to do instead (translation key).
    noscript: &'static str,
}

const WALK_CHECKS: &[&str] = &["session.check_shoes", "session.check_space", "session.check_key", "session.check_pain"];
const EXERCISE_CHECKS: &[&str] = &["exercises.check_chair", "exercises.check_space", "exercises.check_pain"];

fn page(l: Layout, nothing: Option<String>, phases: &[Phase], walk: bool) -> Result<Response, AppError> {
    let phases_json = serde_json::to_string(phases).map_err(|e| AppError::Internal(e.to_string()))?;
    render(&SessionPage {
        l,
        nothing,
        checks: if walk { WALK_CHECKS } else { EXERCISE_CHECKS },
        phases_json,
        finish: if walk { "log" } else { "/today?note=exercises_done" },
        key: if walk { "retrowalk.session" } else { "retrowalk.exercises" },
        noscript: if walk { "session.noscript" } else { "exercises.noscript" },
    })
}

/// The guided backward-walking session.
pub async fn walk(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    let v = service::today(&s);
    if v.pause.is_some() {
        // No timer while training is paused: Today says why.
        return Ok(Redirect::to("/today").into_response());
    }
    let l = Layout::new(&state, Some(&who), "today", "session.title");
    let Some(r) = &v.retro else {
        let nothing = words::coach_words::headline(&l.i18n, &v);
        return page(l, Some(nothing), &[], true);
    };
    let minutes = |m: u8| u32::from(m) * 60;
    let mut phases = vec![Phase::timed("warmup", minutes(r.warm_up_minutes), l.t("session.phase_warmup").into())];
    for (i, b) in r.bouts.iter().enumerate() {
        if i > 0 {
            phases.push(Phase::timed("rest", minutes(r.rest_minutes), l.t("session.phase_rest").into()));
        }
        let label = l.i18n.ta("session.phase_bout", &[("n", &(i + 1).to_string()), ("of", &r.bouts.len().to_string())]);
        phases.push(Phase::timed("bout", minutes(*b), label));
    }
    phases.push(Phase::timed("cooldown", minutes(r.cool_down_minutes), l.t("session.phase_cooldown").into()));
    page(l, None, &phases, true)
}

/// Today's strengthening, stretching, balance and aerobic items, guided.
/// A red flag brings no exercise (Today lists none then either).
pub async fn exercises(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    let v = service::today(&s);
    let l = Layout::new(&state, Some(&who), "today", "exercises.title");
    if v.items.is_empty() {
        let nothing = l.t("exercises.none").to_string();
        return page(l, Some(nothing), &[], false);
    }
    let week = v.week.max(1);
    let mut phases = Vec::new();
    for item in &v.items {
        let ex = item.exercise;
        let name = words::coach_words::exercise_name(&l.i18n, ex);
        let name = name.as_str();
        let g = exercises::guide(ex, week);
        phases.push(Phase::timed("ready", 15, l.i18n.ta("exercises.get_ready", &[("name", name)])));
        let sides: &[&str] = if g.each_side { &["exercises.left", "exercises.right"] } else { &[""] };
        for (s_i, side) in sides.iter().enumerate() {
            let side = if side.is_empty() { String::new() } else { format!(" ({})", l.t(side)) };
            for set in 1..=g.sets {
                let of = format!("{set}/{}", g.sets);
                let label = match (ex.kind, g.reps) {
                    (Kind::Aerobic, _) => name.to_string(),
                    (_, 0) => l.i18n.ta("exercises.hold", &[("name", name), ("of", &of)]) + &side,
                    (_, reps) => {
                        l.i18n.ta("exercises.reps", &[("name", name), ("of", &of), ("reps", &reps.to_string())]) + &side
                    }
                };
                let seconds = u32::from(g.seconds_each) * u32::from(g.reps.max(1));
                let count_every = (g.reps > 0).then_some(g.seconds_each);
                phases.push(Phase { kind: "exercise", seconds, label, count_every });
                let last = set == g.sets && s_i + 1 == sides.len();
                if !last && g.rest_seconds > 0 {
                    phases.push(Phase::timed("rest", u32::from(g.rest_seconds), l.t("exercises.rest").into()));
                }
            }
        }
    }
    page(l, None, &phases, false)
}
