//! Today, and the guided session.

use super::{Layout, Ready, content_page, render, render_string};
use crate::cache::Part;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use coach::today::TodayView;

#[derive(Template)]
#[template(path = "today.html")]
struct TodayContent {
    l: I18n,
    v: TodayView,
    /// The latest decision, with its reason: shown after a log or check-in.
    latest: Option<coach::adaptation::Decision>,
    outcomes_due: Option<coach::outcomes::Due>,
    /// Imported walks waiting for "was it backward?".
    waiting_imports: usize,
    /// The day in a sentence, its dates as a walker says them.
    headline: String,
}

#[derive(serde::Deserialize, Default)]
pub struct TodayQuery {
    logged: Option<String>,
    checked_in: Option<String>,
    note: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    Ready { who, entry, .. }: Ready,
    axum::extract::Query(q): axum::extract::Query<TodayQuery>,
) -> Result<Response, AppError> {
    let mut l = Layout::new(&state, Some(&who), "today", "today.title");
    // Nothing above a pause: it is the first and only message.
    let paused = entry.state.pause().is_some();
    l.flash = if paused {
        None
    } else if q.logged.is_some() {
        Some(l.t("today.logged").to_string())
    } else if q.checked_in.is_some() {
        Some(l.t("today.checked_in").to_string())
    } else {
        // Only notes the app wrote: a link cannot put its own words on Today.
        q.note.map(|n| format!("today.note.{n}")).filter(|k| l.i18n.has(k)).map(|k| l.t(&k).to_string())
    };
    content_page(l, &entry, Part::Today, content)
}

/// The page's content: today's session or why there is none, the complementary
/// items, the latest decision with its reason and what is waiting.
fn content(s: &service::State, l: I18n) -> Result<String, AppError> {
    let tl = s.timeline();
    let v = service::today_with(s, &tl);
    let latest = tl
        .decisions
        .iter()
        .rev()
        .find(|d| d.after_session.is_some() || d.action != coach::adaptation::Action::Start)
        .cloned();
    let waiting_imports = s
        .activities
        .iter()
        .filter(|a| a.activity.fit == coach::imports::Fit::PlannedSession && a.activity.backward.is_none())
        .count();
    let headline = headline(&l, &v);
    render_string(&TodayContent { l, v, latest, outcomes_due: s.outcomes_due(), waiting_imports, headline })
}

/// The coach's headline, with the days that are in it said as "Thursday".
fn headline(l: &I18n, v: &TodayView) -> String {
    use coach::today::Kind;
    match (v.kind, v.next_session) {
        (Kind::Rest, Some(next)) => format!("{} {}.", l.t("today.rest_day_next"), l.day(&next, &v.date)),
        (Kind::Rest, None) => l.t("today.rest_day").to_string(),
        (Kind::BeforeStart, Some(first)) => format!("{} {}.", l.t("today.starts_on"), l.day(&first, &v.date)),
        _ => v.headline.clone(),
    }
}

/// One step of the guided session, for the timer script.
#[derive(serde::Serialize)]
struct Phase {
    kind: &'static str,
    seconds: u32,
    label: String,
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage {
    l: Layout,
    v: TodayView,
    phases_json: String,
    total_minutes: u8,
    bouts: usize,
}

pub async fn guided(State(state): State<AppState>, Ready { who, s, .. }: Ready) -> Result<Response, AppError> {
    let v = service::today(&s);
    if v.pause.is_some() {
        // No timer while training is paused: Today says why.
        return Ok(axum::response::Redirect::to("/today").into_response());
    }
    let l = Layout::new(&state, Some(&who), "today", "session.title");
    let mut phases = Vec::new();
    let (mut minutes, mut bouts) = (0, 0);
    if let Some(r) = &v.retro {
        let phase = |kind, minutes: u8, label: String| Phase { kind, seconds: u32::from(minutes) * 60, label };
        phases.push(phase("warmup", r.warm_up_minutes, l.t("session.phase_warmup").into()));
        for (i, b) in r.bouts.iter().enumerate() {
            if i > 0 {
                phases.push(phase("rest", r.rest_minutes, l.t("session.phase_rest").into()));
            }
            let label = l
                .t("session.phase_bout")
                .replace("{n}", &(i + 1).to_string())
                .replace("{of}", &r.bouts.len().to_string());
            phases.push(phase("bout", *b, label));
        }
        phases.push(phase("cooldown", r.cool_down_minutes, l.t("session.phase_cooldown").into()));
        minutes = r.dose.minutes;
        bouts = r.bouts.len();
    }
    let phases_json = serde_json::to_string(&phases).map_err(|e| AppError::Internal(e.to_string()))?;
    render(&SessionPage { l, v, phases_json, total_minutes: minutes, bouts })
}
