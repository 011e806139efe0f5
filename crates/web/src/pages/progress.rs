//! Progress: pain before and after with the MCID band, weekly minutes against
//! the plan, speed and support, and adherence. Every chart has a table.

use super::{Layout, Ready, content_page, render_string};
use crate::cache::Part;
use crate::charts::{self, Series};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use coach::progress::WeekRow;

/// A row of the pain and speed tables, in words (see [`service::SessionRow`]).
pub struct SessionRow {
    pub label: String,
    pub before: f64,
    pub after: f64,
    pub speed: Option<f64>,
    pub support: String,
    pub minutes: u32,
    /// The same values as the table writes them, in the page's language.
    before_text: String,
    after_text: String,
    speed_text: String,
}

impl SessionRow {
    fn new(r: &service::SessionRow, l: &I18n) -> Self {
        SessionRow {
            label: match r.period {
                service::Period::Day(day) => l.day_month(&day),
                service::Period::Week(w) => week_label(l, w),
            },
            before: r.before,
            after: r.after,
            speed: r.speed_kmh,
            support: r.support.map_or_else(|| "-".into(), |s| l.t(&format!("support.{}", s.as_str())).to_string()),
            minutes: r.minutes,
            before_text: one_decimal(l, r.before),
            after_text: one_decimal(l, r.after),
            speed_text: r.speed_kmh.map_or("-".into(), |v| words::coach_words::decimal(l, format!("{v:.1}"))),
        }
    }
}

impl ProgressContent {
    /// An outcome measure's results in one line: name, first and latest with
    /// their dates, and what the change means, in the page's language.
    fn outcome_line(&self, r: &service::OutcomeRow) -> String {
        use words::coach_words::{change_words, decimal, measure_name, measure_unit};
        let l = &self.l;
        let unit = measure_unit(l, r.measure);
        let value = |v: f64| format!("{} {unit}", decimal(l, v.to_string()));
        let t = &r.trend;
        let span = if t.results == 1 {
            l.ta("outcomes.span_one", &[("latest", &value(t.latest)), ("on", &l.day_month(&t.latest_on))])
        } else {
            let args = [
                ("first", value(t.first)),
                ("first_on", l.day_month(&t.first_on)),
                ("latest", value(t.latest)),
                ("latest_on", l.day_month(&t.latest_on)),
                ("n", t.results.to_string()),
            ];
            l.ta("outcomes.span_many", &args.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
        };
        let change = t.change.as_ref().map(|c| format!(" — {}", change_words(l, r.measure, c))).unwrap_or_default();
        format!("{}: {span}{change}", measure_name(l, r.measure))
    }
}

/// "W3" in English, "S3" in Spanish: a week under a bar or in a table.
fn week_label(l: &I18n, week: u32) -> String {
    l.ta("progress.week_short", &[("week", &week.to_string())])
}

/// A pain value as people write it: "2", or "2.5" ("2,5") for a week's mean.
fn one_decimal(l: &I18n, v: f64) -> String {
    let text = if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") };
    words::coach_words::decimal(l, text)
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressContent {
    l: I18n,
    weeks: Vec<WeekRow>,
    sessions: Vec<SessionRow>,
    /// Rows are weeks, not sessions.
    weekly: bool,
    /// Done of due so far; `None` while nothing is due.
    adherence: Option<u32>,
    change: Option<String>,
    /// The walker walks on a treadmill (or logged a belt speed): show the speed chart.
    treadmill: bool,
    pain_svg: String,
    minutes_svg: String,
    speed_svg: String,
    adherence_svg: String,
    /// Outcome measures: first and latest result against the smallest real change.
    outcomes: Vec<service::OutcomeRow>,
}

pub async fn page(State(state): State<AppState>, Ready { who, entry, .. }: Ready) -> Result<Response, AppError> {
    let l = Layout::new(&state, Some(&who), "progress", "progress.title");
    content_page(l, &entry, Part::Progress, content)
}

/// The page's content: the four charts with their tables, and the outcome measures.
fn content(s: &service::State, l: I18n) -> Result<String, AppError> {
    let view = service::progress(s);
    let sessions: Vec<SessionRow> = view.sessions.iter().map(|r| SessionRow::new(r, &l)).collect();
    let weekly = view.sessions_weekly;
    let idx = |i: usize| i as f64;
    let labels: Vec<(f64, String)> = sessions
        .iter()
        .enumerate()
        .step_by((sessions.len() / 6).max(1))
        .map(|(i, r)| (idx(i), r.label.clone()))
        .collect();
    let reference = sessions.first().map_or(0.0, |r| r.before);
    // Chart words per grain: `progress.chart.pain.sessions`, `…pain.weeks`.
    let grain = if weekly { "weeks" } else { "sessions" };
    let t = |key: &str| l.t(&format!("progress.chart.{key}")).to_string();
    let series = |name: &str, class, points| Series { name: t(name), class, points };
    let pain_svg = charts::lines(
        "pain",
        &t(&format!("pain.{grain}")),
        &t(&format!("pain.{grain}.desc")),
        &[
            series("before", "s1", sessions.iter().enumerate().map(|(i, r)| (idx(i), r.before)).collect()),
            series("after", "s2", sessions.iter().enumerate().map(|(i, r)| (idx(i), r.after)).collect()),
        ],
        10.0,
        Some(((reference - 1.0).max(0.0), (reference + 1.0).min(10.0), &t(&format!("band.{grain}")))),
        &labels,
    );
    let week_labels: Vec<String> = view.weeks.iter().map(|w| week_label(&l, w.week)).collect();
    let max_minutes = view.weeks.iter().map(|w| w.planned_minutes.max(w.done_minutes)).max().unwrap_or(10) as f64;
    let minutes_svg = charts::bars(
        "minutes",
        &t("minutes"),
        &t("minutes.desc"),
        &week_labels,
        &[
            series("planned", "s1", view.weeks.iter().map(|w| (0.0, f64::from(w.planned_minutes))).collect()),
            series("done", "s2", view.weeks.iter().map(|w| (0.0, f64::from(w.done_minutes))).collect()),
        ],
        max_minutes,
        "",
    );
    let speed_points: Vec<(f64, f64)> =
        sessions.iter().enumerate().filter_map(|(i, r)| r.speed.map(|v| (idx(i), v))).collect();
    let speed_svg = charts::lines(
        "speed",
        &t(&format!("speed.{grain}")),
        &t(&format!("speed.{grain}.desc")),
        &[series("speed", "s1", speed_points)],
        4.0,
        None,
        &labels,
    );
    let adherence_svg = charts::bars(
        "adherence",
        &t("adherence"),
        &t("adherence.desc"),
        &week_labels,
        &[series(
            "adherence_series",
            "s2",
            view.weeks.iter().map(|w| (0.0, f64::from(w.adherence_pct.unwrap_or(0)))).collect(),
        )],
        100.0,
        "%",
    );
    let change = view.pain_after_change.map(|c| words::coach_words::pain_change(&l, c));
    let treadmill =
        s.programme.limits.surface == coach::dose::Surface::Treadmill || sessions.iter().any(|r| r.speed.is_some());
    render_string(&ProgressContent {
        l,
        treadmill,
        adherence: view.adherence_pct,
        weeks: view.weeks,
        sessions,
        weekly,
        change,
        pain_svg,
        minutes_svg,
        speed_svg,
        adherence_svg,
        outcomes: service::outcome_rows(&s.outcomes),
    })
}
