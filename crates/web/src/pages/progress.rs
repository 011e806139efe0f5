//! Progress: pain before and after with the MCID band, weekly minutes against
//! the plan, speed and support, and adherence. Every chart has a table.

use super::{Layout, content_page, ready_entry, render_string};
use crate::auth::extract::SignedIn;
use crate::cache::Part;
use crate::charts::{self, Series};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use coach::progress::WeekRow;

pub struct SessionRow {
    pub date: String,
    pub before: u8,
    pub after: u8,
    pub speed: String,
    pub support: &'static str,
    pub minutes: u8,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressContent {
    l: I18n,
    weeks: Vec<WeekRow>,
    sessions: Vec<SessionRow>,
    adherence: u32,
    change: Option<String>,
    pain_svg: String,
    minutes_svg: String,
    speed_svg: String,
    adherence_svg: String,
    /// Outcome measures: first and latest result against the smallest real change.
    outcomes: Vec<service::OutcomeRow>,
}

fn support_words(s: coach::dose::Support) -> &'static str {
    match s {
        coach::dose::Support::Rails => "rails",
        coach::dose::Support::LightTouch => "light touch",
        coach::dose::Support::HandsFree => "hands free",
    }
}

pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, AppError> {
    let entry = match ready_entry(&state, &who).await? {
        Ok(e) => e,
        Err(r) => return Ok(r),
    };
    let l = Layout::new(&state, Some(&who), "progress", "progress.title");
    content_page(l, &entry, Part::Progress, content)
}

/// The page's content: the four charts with their tables, and the outcome measures.
fn content(s: &service::State, l: I18n) -> Result<String, AppError> {
    let view = service::progress(s);
    let mut logs = s.history.logs.clone();
    logs.sort_by_key(|l| l.date);
    let sessions: Vec<SessionRow> = logs
        .iter()
        .map(|l| SessionRow {
            date: l.date.strftime("%-d %b").to_string(),
            before: l.pain_before.value(),
            after: l.pain_after.value(),
            speed: l.speed_tenths.map_or("-".into(), |t| format!("{:.1}", f64::from(t) / 10.0)),
            support: support_words(l.support),
            minutes: l.minutes,
        })
        .collect();
    let idx = |i: usize| i as f64;
    let labels: Vec<(f64, String)> = sessions
        .iter()
        .enumerate()
        .step_by((sessions.len() / 6).max(1))
        .map(|(i, r)| (idx(i), r.date.clone()))
        .collect();
    let reference = logs.first().map_or(0.0, |l| f64::from(l.pain_before.value()));
    let pain_svg = charts::lines(
        "pain",
        "Knee pain before and after each session",
        "Pain from 0 to 10 for each logged session. The shaded band is within 1 point of your first session's pain: changes inside it are smaller than the smallest change people notice.",
        &[
            Series {
                name: "Before".into(),
                class: "s1",
                points: logs.iter().enumerate().map(|(i, l)| (idx(i), f64::from(l.pain_before.value()))).collect(),
            },
            Series {
                name: "After".into(),
                class: "s2",
                points: logs.iter().enumerate().map(|(i, l)| (idx(i), f64::from(l.pain_after.value()))).collect(),
            },
        ],
        10.0,
        Some(((reference - 1.0).max(0.0), (reference + 1.0).min(10.0), "within 1 point (MCID) of your first session")),
        &labels,
    );
    let week_labels: Vec<String> = view.weeks.iter().map(|w| format!("W{}", w.week)).collect();
    let max_minutes = view.weeks.iter().map(|w| w.planned_minutes.max(w.done_minutes)).max().unwrap_or(10) as f64;
    let minutes_svg = charts::bars(
        "minutes",
        "Backward-walking minutes per week",
        "For each week, minutes planned and minutes done.",
        &week_labels,
        &[
            Series {
                name: "Planned".into(),
                class: "s1",
                points: view.weeks.iter().map(|w| (0.0, f64::from(w.planned_minutes))).collect(),
            },
            Series {
                name: "Done".into(),
                class: "s2",
                points: view.weeks.iter().map(|w| (0.0, f64::from(w.done_minutes))).collect(),
            },
        ],
        max_minutes,
        "",
    );
    let speed_points: Vec<(f64, f64)> =
        logs.iter().enumerate().filter_map(|(i, l)| l.speed_tenths.map(|t| (idx(i), f64::from(t) / 10.0))).collect();
    let speed_svg = charts::lines(
        "speed",
        "Treadmill speed per session (km/h)",
        "Belt speed of each treadmill session; the support used is in the table beside it.",
        &[Series { name: "Speed".into(), class: "s1", points: speed_points }],
        4.0,
        None,
        &labels,
    );
    let adherence_svg = charts::bars(
        "adherence",
        "Sessions done as a share of sessions planned",
        "Adherence for each week, in percent.",
        &week_labels,
        &[Series {
            name: "Adherence".into(),
            class: "s2",
            points: view.weeks.iter().map(|w| (0.0, f64::from(w.adherence_pct))).collect(),
        }],
        100.0,
        "%",
    );
    let change = view.pain_after_change.zip(view.pain_after_words).map(|(c, w)| format!("{c:+.1} points: {w}"));
    render_string(&ProgressContent {
        l,
        adherence: view.adherence_pct,
        weeks: view.weeks,
        sessions,
        change,
        pain_svg,
        minutes_svg,
        speed_svg,
        adherence_svg,
        outcomes: service::outcome_rows(&s.outcomes),
    })
}
