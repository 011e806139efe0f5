//! The reads: plan, history and progress as views any interface can render.

use crate::{ProgressView, SessionRow, State};
use coach::adaptation::Decision;
use coach::dates::add_days;
use coach::dose::Dose;
use coach::exercises::{self, AEROBIC_GOAL_MINUTES};
use coach::history::SessionLog;
use coach::pause::Pause;
use coach::progress::{adherence, weekly};
use coach::schedule::DayStatus;
use coach::today::Notice;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct HistoryEntry {
    pub session: SessionLog,
    pub morning_pain: Option<u8>,
    pub decision: Option<Decision>,
}

/// Each logged session, oldest first, with its check-in and the decision it led to.
/// While training is paused, a decision that would apply from today on, and
/// the latest one (read as "where things stand"), say so instead of carrying
/// a dose: the history must not plan ahead.
pub fn history(state: &State) -> Vec<HistoryEntry> {
    let tl = state.timeline();
    let pause = state.pause();
    let mut logs = state.history.logs.clone();
    logs.sort_by_key(|l| l.date);
    let latest = logs.last().map(|l| l.date);
    logs.into_iter()
        .map(|l| HistoryEntry {
            morning_pain: state.history.checkin_for(l.date).map(|c| c.pain.value()),
            decision: tl.after(l.date).cloned().map(|mut d| {
                let ahead = d.effective >= state.today || Some(l.date) == latest;
                if let Some(p) = pause.as_ref().filter(|_| ahead && d.dose.is_some()) {
                    // What the decision said (its dose, its step) no longer
                    // stands: the entry becomes the pause, in its words and rule.
                    d.dose = None;
                    d.reason = format!("{} {}", p.headline, p.reasons.join(" "));
                    d.why = coach::why::Why::Recorded;
                    d.rule = p.rule.clone();
                    d.action = coach::adaptation::Action::Stop;
                    d.changed = None;
                    d.evidence = p.evidence.clone();
                }
                d
            }),
            session: l,
        })
        .collect()
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanView {
    pub start: Date,
    pub end: Date,
    pub supported_only: bool,
    /// Why backward walking is paused, and what ends it; while it is, no day
    /// carries a dose.
    pub pause: Option<Pause>,
    /// What to know before walking (a clinician first for severe usual pain,
    /// why the sessions are overground).
    pub notices: Vec<Notice>,
    /// The latest decision known today (one made after today's session
    /// included); `None` while paused.
    pub current: Option<Decision>,
    pub weeks: Vec<PlanWeek>,
    pub exercises: Vec<ExerciseView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanWeek {
    pub week: u32,
    pub start: Date,
    pub retro_minutes: u32,
    pub aerobic_minutes: u32,
    pub aerobic_goal: u32,
    /// Aerobic minutes done, from imported activities.
    pub aerobic_done: u32,
    pub days: Vec<PlanDay>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanDay {
    pub date: Date,
    pub retro: Option<PlanRetro>,
    pub items: Vec<&'static str>,
    /// Activities imported for this day, in words.
    pub imported: Vec<String>,
    /// The same activities, for saying in the reader's language.
    #[serde(skip)]
    pub activities: Vec<coach::imports::Imported>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanRetro {
    /// `done`, `missed`, `today`, `planned` or `paused`.
    pub status: &'static str,
    /// `None` while paused.
    pub dose: Option<Dose>,
    pub summary: String,
    /// A later session's dose if the ones before it go well: shown as
    /// expected, not promised. `None` for the next session (its dose is the
    /// one in force), for days gone, and always while training is paused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<ExpectedDose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ExpectedDose {
    pub dose: Dose,
    pub summary: String,
    /// The rule that would set it (its page says why; the sentence of a
    /// decision not yet made is not shown).
    pub rule: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ExerciseView {
    pub id: &'static str,
    pub name: &'static str,
    pub steps: &'static [&'static str],
    pub why: &'static str,
    pub evidence: &'static [&'static str],
}

/// The programme week by week with the dose in force on each session date,
/// from the coach's schedule: no dose on any day while training is paused
/// (up to the day a signed restart starts).
/// Today's session with its reasons, or the pause alone.
pub fn today(state: &State) -> coach::today::TodayView {
    today_with(state, &state.timeline())
}

/// [`today`] with a timeline the caller already has (replaying is the costly part).
pub fn today_with(state: &State, timeline: &coach::adaptation::Timeline) -> coach::today::TodayView {
    coach::today::today(&state.programme, &state.screen.outcome, timeline, &state.history, state.today)
}

pub fn plan(state: &State) -> PlanView {
    let tl = state.timeline();
    let schedule = state.schedule();
    // While a red flag stands, no exercise is suggested either.
    let red_flag = schedule.pause.as_ref().is_some_and(|x| x.kind.is_red_flag());
    let p = &state.programme;
    let imported: Vec<coach::imports::Imported> = state.activities.iter().map(|a| a.activity.clone()).collect();
    // The road ahead: every planned session after the next one, if the ones
    // before it go well. Nothing while paused.
    let ahead = if schedule.pause.is_none() {
        coach::projection::expected(p, &state.screen.outcome, &state.history, state.today)
    } else {
        Vec::new()
    };
    let expected_on = |date: Date, week: u32| {
        ahead.iter().skip(1).find(|e| e.date == date).map(|e| ExpectedDose {
            dose: e.dose,
            summary: e.dose.summary(week, p.limits.supported_only),
            rule: e.why.rule.clone(),
        })
    };
    let weeks: Vec<PlanWeek> = (1..=u32::from(p.setup.weeks))
        .map(|week| {
            let start = p.week_start(week);
            let days: Vec<PlanDay> = (0..7)
                .map(|i| add_days(start, i))
                .map(|date| (date, state.activities.iter().filter(move |a| a.activity.local_date == date)))
                .map(|(date, on_day)| PlanDay {
                    date,
                    retro: schedule.session_on(date).map(|s| PlanRetro {
                        status: s.status.as_str(),
                        dose: s.dose,
                        summary: match (s.dose, s.status) {
                            (Some(d), _) => d.summary(week, p.limits.supported_only),
                            (None, DayStatus::Paused) => "paused: no backward walking".into(),
                            (None, _) => "stopped: contact your clinician".into(),
                        },
                        expected: expected_on(date, week),
                    }),
                    items: if red_flag { Vec::new() } else { p.exercises_on(date).iter().map(|e| e.id).collect() },
                    imported: on_day.clone().map(|a| a.activity.summary()).collect(),
                    activities: on_day.map(|a| a.activity.clone()).collect(),
                })
                .collect();
            PlanWeek {
                week,
                start,
                // As planned: the expected dose where there is one.
                retro_minutes: days
                    .iter()
                    .filter_map(|d| d.retro.as_ref())
                    .filter_map(|r| r.expected.as_ref().map(|e| e.dose).or(r.dose))
                    .map(|d| u32::from(d.minutes))
                    .sum(),
                aerobic_minutes: p.aerobic_minutes_in_week(week),
                aerobic_goal: AEROBIC_GOAL_MINUTES,
                aerobic_done: coach::imports::aerobic_minutes_done(&imported, start),
                days,
            }
        })
        .collect();
    // The exercises the days above name, for the how-to list.
    let used: Vec<&str> = weeks.iter().flat_map(|w| w.days.iter().flat_map(|d| d.items.iter().copied())).collect();
    PlanView {
        start: p.start(),
        end: p.end(),
        supported_only: p.limits.supported_only,
        current: tl.known_on(state.today).next_back().filter(|_| schedule.pause.is_none()).cloned(),
        notices: if schedule.pause.is_none() { coach::today::notices(p, &state.history) } else { Vec::new() },
        pause: schedule.pause,
        weeks,
        exercises: exercises::all()
            .filter(|e| used.contains(&e.id))
            .map(|e| ExerciseView { id: e.id, name: e.name, steps: e.steps, why: e.why, evidence: e.evidence })
            .collect(),
    }
}

pub fn progress(state: &State) -> ProgressView {
    let rows = weekly(&state.programme, &state.history, &state.schedule(), state.today);
    let with_pain: Vec<f64> = rows.iter().filter_map(|r| r.pain_after).collect();
    let change = match (with_pain.first(), with_pain.last()) {
        (Some(a), Some(b)) if with_pain.len() >= 2 => Some(((b - a) * 10.0).round() / 10.0),
        _ => None,
    };
    let (sessions, sessions_weekly) = session_rows(state);
    ProgressView {
        sessions,
        sessions_weekly,
        adherence_pct: adherence(&rows),
        weeks: rows,
        pain_after_change: change,
        pain_after_words: change.map(pain_words),
    }
}

/// Past this many sessions, the pain and speed rows are one a programme week,
/// so a year of sessions stays a light page on a phone.
pub const MAX_SESSION_ROWS: usize = 30;

/// The mean to one decimal, or None when there are no values.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(sum, n), v| (sum + v, n + 1));
    (n > 0).then(|| (sum / f64::from(n) * 10.0).round() / 10.0)
}

/// The row for one session, or for a week's sessions (never empty).
fn session_row(period: views::Period, logs: &[&coach::history::SessionLog]) -> SessionRow {
    let label = match period {
        views::Period::Day(day) => day.strftime("%-d %b").to_string(),
        views::Period::Week(w) => format!("W{w}"),
    };
    SessionRow {
        label,
        period,
        before: mean(logs.iter().map(|l| f64::from(l.pain_before.value()))).unwrap_or(0.0),
        after: mean(logs.iter().map(|l| f64::from(l.pain_after.value()))).unwrap_or(0.0),
        speed_kmh: mean(logs.iter().filter_map(|l| l.speed_tenths).map(|t| f64::from(t) / 10.0)),
        support: logs.iter().map(|l| l.support).max(),
        minutes: logs.iter().map(|l| u32::from(l.minutes)).sum(),
    }
}

/// The rows for the walker's logs by date: one a session, or one a week when
/// there are more than [`MAX_SESSION_ROWS`]. Says which.
fn session_rows(state: &State) -> (Vec<SessionRow>, bool) {
    let mut logs: Vec<&coach::history::SessionLog> = state.history.logs.iter().collect();
    logs.sort_by_key(|l| l.date);
    if logs.len() <= MAX_SESSION_ROWS {
        return (logs.iter().map(|l| session_row(views::Period::Day(l.date), &[l])).collect(), false);
    }
    let mut weeks: Vec<(u32, Vec<&coach::history::SessionLog>)> = Vec::new();
    for l in logs {
        let week = state.programme.week_of(l.date);
        match weeks.last_mut() {
            Some((w, group)) if *w == week => group.push(l),
            _ => weeks.push((week, vec![l])),
        }
    }
    (weeks.into_iter().map(|(w, group)| session_row(views::Period::Week(w), &group)).collect(), true)
}

pub use coach::progress::{pain_change, pain_words};
