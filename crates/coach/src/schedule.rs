//! The backward-walking days of the programme and what each carries: the
//! logged session, a missed one, or the dose planned — and no dose at all
//! while training is paused, except from the day a restart signed since
//! starts (`Pause::restart_from`: the walker is cleared from then). The plan,
//! the calendar, the care plan and the report all read their days from here,
//! so none of them can show a dose to a walker who must not train (design row
//! `design.pause`).

use crate::adaptation::Timeline;
use crate::dose::Dose;
use crate::history::History;
use crate::pause::{Pause, pause};
use crate::programme::Programme;
use crate::screening::Outcome;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayStatus {
    /// Logged: the session keeps its history whatever happens later.
    Done,
    /// Passed without a log while training was allowed.
    Missed,
    /// Due today and not logged yet.
    Today,
    Planned,
    /// Not logged, and training is (or was, that day) paused: no dose, and
    /// never counted as missed.
    Paused,
}

impl DayStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DayStatus::Done => "done",
            DayStatus::Missed => "missed",
            DayStatus::Today => "today",
            DayStatus::Planned => "planned",
            DayStatus::Paused => "paused",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Session {
    pub date: Date,
    pub status: DayStatus,
    /// The dose planned (or prescribed, for a past day); never set while paused.
    pub dose: Option<Dose>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schedule {
    /// Why training is paused today, if it is.
    pub pause: Option<Pause>,
    pub sessions: Vec<Session>,
}

impl Schedule {
    pub fn session_on(&self, date: Date) -> Option<&Session> {
        self.sessions.iter().find(|s| s.date == date)
    }
}

/// Every planned backward-walking day as it stands on `today`. Days before
/// `allowed_from` (the day a professional's clearance was recorded) were
/// spent waiting for it, so they are paused, not missed.
pub fn schedule(
    p: &Programme,
    screen: &Outcome,
    tl: &Timeline,
    h: &History,
    today: Date,
    allowed_from: Option<Date>,
) -> Schedule {
    let pause = pause(screen, tl, today);
    let sessions = p
        .retro_dates()
        .into_iter()
        .map(|date| {
            let logged = h.log_on(date).is_some();
            // A screen pause has no start date: every day not logged is
            // paused. A stop pauses the days from the stop on, up to the day
            // a restart signed since starts (from then the restart's dose is
            // in force); a stop since lifted by a restart paused its days (no
            // dose was in force).
            let paused = !logged
                && (pause.as_ref().is_some_and(|x| {
                    x.since.is_none_or(|since| date >= since) && x.restart_from.is_none_or(|from| date < from)
                }) || allowed_from.is_some_and(|from| date < from)
                    || tl.dose_on(date).is_none());
            let status = if logged {
                DayStatus::Done
            } else if paused {
                DayStatus::Paused
            } else if date < today {
                DayStatus::Missed
            } else if date == today {
                DayStatus::Today
            } else {
                DayStatus::Planned
            };
            Session { date, status, dose: if paused { None } else { tl.dose_on(date) } }
        })
        .collect();
    Schedule { pause, sessions }
}
