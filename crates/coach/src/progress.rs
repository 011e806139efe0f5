//! Progress by programme week: adherence, minutes against the plan and the pain
//! trend, for the `progress` table and the charts.

use crate::adaptation::Timeline;
use crate::history::History;
use crate::programme::Programme;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekRow {
    pub week: u32,
    pub start: Date,
    pub planned_sessions: u32,
    pub done_sessions: u32,
    /// Done as a percentage of planned, capped at 100.
    pub adherence_pct: u32,
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

/// One row per programme week that has started by `today`.
pub fn weekly(p: &Programme, tl: &Timeline, h: &History, today: Date) -> Vec<WeekRow> {
    let last_week = p.week_of(today).min(u32::from(p.setup.weeks));
    (1..=last_week)
        .map(|week| {
            let start = p.week_start(week);
            let planned = p.retro_dates_in_week(week);
            let logs: Vec<_> = h.logs.iter().filter(|l| p.week_of(l.date) == week).collect();
            let planned_sessions = planned.len() as u32;
            let done_sessions = logs.len() as u32;
            WeekRow {
                week,
                start,
                planned_sessions,
                done_sessions,
                adherence_pct: (done_sessions * 100).checked_div(planned_sessions).unwrap_or(0).min(100),
                planned_minutes: planned.iter().map(|d| tl.minutes_on(*d)).sum(),
                done_minutes: logs.iter().map(|l| u32::from(l.minutes)).sum(),
                pain_before: mean(logs.iter().map(|l| l.pain_before.value())),
                pain_peak: mean(logs.iter().map(|l| l.pain_peak.value())),
                pain_after: mean(logs.iter().map(|l| l.pain_after.value())),
                pain_next_morning: mean(logs.iter().filter_map(|l| h.checkin_for(l.date)).map(|c| c.pain.value())),
            }
        })
        .collect()
}

/// Overall adherence across the weeks so far, percent.
pub fn adherence(rows: &[WeekRow]) -> u32 {
    let planned: u32 = rows.iter().map(|r| r.planned_sessions).sum();
    let done: u32 = rows.iter().map(|r| r.done_sessions.min(r.planned_sessions)).sum();
    (done * 100).checked_div(planned).unwrap_or(0)
}
