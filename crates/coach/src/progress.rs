//! Progress by programme week: adherence, minutes against the plan and the pain
//! trend, for the `progress` table and the charts.

use crate::history::History;
use crate::programme::Programme;
use crate::schedule::{DayStatus, Schedule};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekRow {
    pub week: u32,
    pub start: Date,
    pub planned_sessions: u32,
    /// Planned sessions whose day has passed, or today's once it is logged,
    /// leaving out days when training was paused: what adherence counts.
    pub due_sessions: u32,
    pub done_sessions: u32,
    /// Done as a percentage of due, capped at 100; `None` while nothing is due.
    pub adherence_pct: Option<u32>,
    pub planned_minutes: u32,
    pub done_minutes: u32,
    pub pain_before: Option<f64>,
    pub pain_peak: Option<f64>,
    pub pain_after: Option<f64>,
    pub pain_next_morning: Option<f64>,
}

fn mean(values: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, n) = values.fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
    (n > 0).then(|| (f64::from(sum) / f64::from(n) * 10.0).round() / 10.0)
}

/// One row per programme week that has started by `today`. The future never
/// counts as missed: a session is due once its day has passed (or today, once
/// logged), and a day paused by a red flag, a missing clearance or a stop is
/// not the walker's to miss.
pub fn weekly(p: &Programme, h: &History, schedule: &Schedule, today: Date) -> Vec<WeekRow> {
    let last_week = p.week_of(today).min(u32::from(p.setup.weeks));
    (1..=last_week)
        .map(|week| {
            let start = p.week_start(week);
            let planned = p.retro_dates_in_week(week);
            let logs: Vec<_> = h.logs.iter().filter(|l| p.week_of(l.date) == week).collect();
            let planned_sessions = planned.len() as u32;
            let due_sessions = planned
                .iter()
                .filter(|d| match schedule.session_on(**d).map(|s| s.status) {
                    Some(DayStatus::Done) => true,
                    Some(DayStatus::Missed) => **d < today,
                    _ => false,
                })
                .count() as u32;
            let done_sessions = logs.len() as u32;
            WeekRow {
                week,
                start,
                planned_sessions,
                due_sessions,
                done_sessions,
                adherence_pct: (done_sessions * 100).checked_div(due_sessions).map(|p| p.min(100)),
                // From the schedule: no minutes on a paused day.
                planned_minutes: planned
                    .iter()
                    .filter_map(|d| schedule.session_on(*d).and_then(|s| s.dose))
                    .map(|d| u32::from(d.minutes))
                    .sum(),
                done_minutes: logs.iter().map(|l| u32::from(l.minutes)).sum(),
                pain_before: mean(logs.iter().map(|l| l.pain_before.value())),
                pain_peak: mean(logs.iter().map(|l| l.pain_peak.value())),
                pain_after: mean(logs.iter().map(|l| l.pain_after.value())),
                pain_next_morning: mean(logs.iter().filter_map(|l| h.checkin_for(l.date)).map(|c| c.pain.value())),
            }
        })
        .collect()
}

/// Overall adherence across the weeks so far, percent; `None` while no
/// session is due yet.
pub fn adherence(rows: &[WeekRow]) -> Option<u32> {
    let due: u32 = rows.iter().map(|r| r.due_sessions).sum();
    let done: u32 = rows.iter().map(|r| r.done_sessions.min(r.due_sessions)).sum();
    (done * 100).checked_div(due)
}

/// A pain change in words, against the NPRS MCID (1 point) and "much better" (2).
pub fn pain_words(change: f64) -> &'static str {
    match pain_change(change) {
        "much_better" => "much better: a fall of 2 points or more",
        "noticeable" => "a change you can notice (1 point or more)",
        "worse" => "worse: talk to your clinician",
        _ => "within measurement noise so far",
    }
}

/// The verdict [`pain_words`] says, as a code (`much_better`, `noticeable`,
/// `worse`, `noise`): pages look up its words in the reader's language.
pub fn pain_change(change: f64) -> &'static str {
    if change <= -2.0 {
        "much_better"
    } else if change <= -1.0 {
        "noticeable"
    } else if change >= 2.0 {
        "worse"
    } else {
        "noise"
    }
}
